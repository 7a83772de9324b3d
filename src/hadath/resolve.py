"""Stage 6: resolve references and dates, and build the final events.

Short references take their entity from the article («نظيره الروسي», «الطرفان», «بلاده»,
an office named again without the name); people take the role in force on the event date;
date expressions are resolved against the anchor with the event's tense; acts dated a year or
more before publication become historical.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from .attach import RawEvent
from .lexicon import ActorSense, PlaceSense
from .model import Entity, EntityKind, Event, Place, Role, Span, TimeExpression
from .normalize import fold
from .recognize import Analysis, Mention
from .timex import resolve as resolve_time

ARTICLE = "\u0627\u0644"  # the definite article, folded


@dataclass
class Memory:
    """Entities seen so far in the article, for short references."""

    countries: dict[str, ActorSense] = field(default_factory=dict)
    people: list[Entity] = field(default_factory=list)
    bodies: list[Entity] = field(default_factory=list)
    consult_parties: list[Entity] = field(default_factory=list)
    last_with_country: Entity | None = None
    home: str | None = None  # the country the article is mostly about
    place_country: str | None = None  # the country of a place named in the current sentence
    coalition_leaders: dict[str, str] = field(default_factory=dict)  # war country -> leader


def role_on(roles: tuple[Role, ...], day: dt.date | None) -> Role | None:
    """The role in force on a day; without a day, the latest role."""
    if not roles:
        return None
    if day is not None:
        for r in roles:
            if (r.start is None or r.start <= day) and (r.end is None or day <= r.end):
                return r
        before = [r for r in roles if r.start is not None and r.start <= day]
        if before:
            return max(before, key=lambda r: r.start or dt.date.min)
    return max(roles, key=lambda r: r.start or dt.date.min)


def status_on(org: ActorSense, day: dt.date | None) -> Role:
    """An organisation's code on a day: the dated role in force, else (and without a day)
    its usual code (``country``/``sector``)."""
    usual = Role(org.country, org.sector)
    if day is None:
        return usual
    for r in org.roles:
        if (r.start is None or r.start <= day) and (r.end is None or day <= r.end):
            return r
    return usual


def entity_of(m: Mention, text: str, day: dt.date | None, memory: Memory) -> list[Entity]:
    """Entities for a mention (a reference can stand for several)."""
    span = text[m.start:m.end]
    if m.ref == "both_sides":
        return [replace(e, text=span, start=m.start, end=m.end) for e in memory.consult_parties[:2]]
    if m.ref == "own_country":
        ante = memory.last_with_country
        if ante is None or ante.country is None:
            return []
        known = memory.countries.get(ante.country)
        return [Entity(span, m.start, m.end, known.name if known else ante.country, ante.country,
                       None, known.id if known else None, "country",
                       evidence=("ref:own_country",))]  # fmt: skip
    if m.ref in ("ministry", "movement", "government"):
        head = fold(text[m.start:m.end].split()[0])
        head = head[len(ARTICLE):] if head.startswith(ARTICLE) else head
        for b in reversed(memory.bodies):
            if head in fold(b.text) and (m.country is None or b.country == m.country):
                return [replace(b, text=span, start=m.start, end=m.end,
                                evidence=b.evidence + (f"ref:{m.ref}",))]  # fmt: skip
        return []
    country, sector, office, name, ident = m.country, m.sector, m.office, m.name, m.id
    evidence = list(m.evidence)
    if m.org is not None and m.org.roles:  # «طالبان»: insurgents, or the government, by date
        status = status_on(m.org, day)
        country = status.country
        if m.kind == "organisation" or (f"sector-from:{m.org.name}" in evidence
                                        and "former" not in evidence):  # fmt: skip
            sector = status.sector
        if status.start or status.end:
            evidence.append(f"status:{status.office or status.sector}@{day}")
    if m.person is not None and m.person.roles:
        role = role_on(m.person.roles, day)
        if role is not None:
            country, sector, office = role.country, role.sector, role.office
            evidence.append(f"role:{role.office or role.sector}@{day}")
    if m.ref == "counterpart" and sector is None and memory.people:
        sector = memory.people[-1].sector
        office = office or memory.people[-1].office
    if m.kind == "person" and m.person is None and m.office and (not name or name == m.office):
        for p in reversed(memory.people):  # an office named again: «وزير الخارجية التركي»
            if p.office == m.office and p.country == country and p.id:
                name, ident = p.name, p.id
                evidence.append(f"same-office:{p.name}")
                break
    if not name:
        name = span
    if country is None and sector and m.kind in ("agent", "person") and m.ref is None:
        country = memory.place_country or memory.home  # «قوات الأمن» in an article about Egypt
        if country:
            evidence.append(f"country-from-context:{country}")
        if office == "coalition" and country in memory.coalition_leaders:
            country = memory.coalition_leaders[country]  # «طيران التحالف» over Yemen: SAU
            evidence.append(f"coalition-led-by:{country}")
    if ident is None and office and name == office and country in memory.countries:
        name = f"{office} ({memory.countries[country].name})"  # «وزير الخارجية الأردني»
    return [Entity(span, m.start, m.end, name, country, sector, ident, _kind(m), office,
                   tuple(evidence))]  # fmt: skip


_KINDS: dict[str, EntityKind] = {"person": "person", "organisation": "organisation",
                                 "country": "country", "group": "group"}  # fmt: skip


def _kind(m: Mention) -> EntityKind:
    return _KINDS.get(m.kind, "agent")


def home_country(analyses: list[Analysis], non_state: frozenset[str]) -> str | None:
    """The country an article is mostly about: the most frequent country among its mentions
    and places (at least twice; a known person counts twice), for agents that name no
    country («قوات الأمن»)."""
    counts: dict[str, int] = {}
    for a in analyses:
        nisbas = [n for n in a.nisbas if n not in a.mentions]  # «الغارات الأميركية»: in both
        codes = [m.country for m in a.mentions + nisbas if m.country]
        codes += [m.country for m in a.mentions if m.country and m.person is not None]
        codes += [s.country for _, s in a.places if s.country]
        for c in codes:
            if c.lower() not in non_state:
                counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] >= 2 else None


def remember(memory: Memory, entities: list[Entity]) -> None:
    """Add entities to the article memory."""
    for e in entities:
        if e.kind == "person":
            memory.people.append(e)
        if e.country and e.kind in ("person", "agent", "organisation"):
            memory.last_with_country = e
        if e.kind in ("agent", "organisation") and e.country:
            memory.bodies.append(e)


def _entities(m: Mention, text: str, day: dt.date | None, memory: Memory,
              resolved: dict[Mention, list[Entity]]) -> list[Entity]:  # fmt: skip
    """A mention's entities: references as resolved where they stood, people by the event day."""
    if m.ref is not None and m in resolved:
        return resolved[m]
    return entity_of(m, text, day, memory)


def build_event(r: RawEvent, a: Analysis, text: str, published: dt.date | None, memory: Memory,
                resolved: dict[Mention, list[Entity]], n: int, historical_years: int,
                multilateral: frozenset[str] = frozenset()) -> Event | None:  # fmt: skip
    """Resolve a raw event into a final Event."""
    future = r.modality == "future"
    time = None
    day = published
    if r.time is not None:
        start, end, note = resolve_time(r.time, r.anchor, future)
        time = TimeExpression(r.time.text, r.time.start, r.time.end, start, end, note)
        day = start or day
    actors = [e for m in r.actors for e in _entities(m, text, day, memory, resolved)]
    recipients = [e for m in r.recipients for e in _entities(m, text, day, memory, resolved)]
    if not actors and r.actor_ref == "operation" and r.trigger.sense.by is not None:
        lo = a.tokens[r.trigger.i].start
        country, sector = r.trigger.sense.by  # «عاصفة الحزم»: its known commander
        known = memory.countries.get(country)
        actors = [Entity("", lo, lo, known.name if known else country, country, sector, None,
                         "group", evidence=("operation-actor",))]  # fmt: skip
    if not actors and r.actor_ref == "implicit":  # unnamed protesters or attackers
        lo = a.tokens[r.trigger.i].start
        if r.trigger.sense.type == "PROTEST":
            actors = [Entity("", lo, lo, "protesters", memory.place_country or memory.home, "CVL",
                             None, "group", evidence=("implicit-actor",))]  # fmt: skip
        else:
            actors = [Entity("", lo, lo, "unidentified attackers", None, "UAF", None, "group",
                             evidence=("implicit-actor",))]  # fmt: skip
    actor_keys = {(e.id, e.country, e.sector) for e in actors}
    recipients = [e for e in recipients if (e.id, e.country, e.sector) not in actor_keys]
    if not actors and not recipients:
        return None
    mode = r.mode
    if r.trigger.sense.type == "CONSULT" and mode is None and any(
            (e.country or "").lower() in multilateral for e in recipients):  # fmt: skip
        mode = "multilateral"
    modality = r.modality
    if (modality == "asserted" and time is not None and time.date_end is not None
            and published is not None
            and (published - time.date_end).days >= 365 * historical_years):  # fmt: skip
        modality = "historical"
    t = r.trigger
    lo, hi = t.span
    toks = a.tokens
    trig = Span(toks[lo].start, toks[hi - 1].end)
    s = a.sentence
    return Event(
        id=f"e{n}", type=t.sense.type, mode=mode, modality=modality,  # type: ignore[arg-type]
        actors=tuple(actors), recipients=tuple(recipients), triggers=(trig,),
        trigger_text=(text[trig.start:trig.end],), sentence=Span(s.start, s.end),
        sentence_index=s.index, context=t.sense.context, date=time, place=_place(r, a, text),
        evidence=tuple(r.evidence), sentences=(s.index,))  # fmt: skip


def _place(r: RawEvent, a: Analysis, text: str) -> Place | None:
    p = r.place
    if p is None:
        return None
    if isinstance(p, Mention):
        match = a.covered.get(p.i)
        senses = [s for s in match.senses if isinstance(s, PlaceSense)] if match else []
        if senses:
            s = max(senses, key=lambda x: x.population)
            return Place(text[p.start:p.end], p.start, p.end, s.name, s.country, s.lat, s.lon, s.id)
        return Place(text[p.start:p.end], p.start, p.end, p.name, p.country)
    i, j, sense = p
    start, end = a.tokens[i].start, a.tokens[j - 1].end
    best = sense
    match = a.covered.get(i)
    if match is not None:
        places = [s for s in match.senses if isinstance(s, PlaceSense)]
        best = max(places, key=lambda x: x.population) if places else sense
    return Place(text[start:end], start, end, best.name, best.country, best.lat, best.lon, best.id)


def note_consult(memory: Memory, ev: Event) -> None:
    """Remember the parties of a meeting: «الطرفان» refers to them."""
    if ev.type == "CONSULT":
        parties = [*ev.actors, *ev.recipients]
        if len(parties) >= 2:
            memory.consult_parties = parties


__all__ = ["Memory", "build_event", "entity_of", "home_country", "remember", "note_consult",
           "role_on", "status_on"]  # fmt: skip
