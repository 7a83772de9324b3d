"""Stage 8: one event per act: mentions of the same act inside an article are merged.

Two events are the same act when they have the same type, share an actor (or one of them has
an implied actor), their recipients agree (equal, or one has none) and their modalities agree
(an announced act and its later mention are the same act). The merged event keeps every
trigger span and every sentence it was reported in.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Entity, Event


def _keys(entities: tuple[Entity, ...]) -> set[tuple[str | None, str | None, str | None]]:
    """Identity of entities: the lexicon id when known, else country and sector."""
    return {(e.id, None, None) if e.id else (None, e.country, e.sector) for e in entities}


def _codes(entities: tuple[Entity, ...]) -> set[tuple[str | None, str | None]]:
    return {(e.country, e.sector) for e in entities}


def same_act(a: Event, b: Event) -> bool:
    """Whether two events report the same act."""
    if a.type != b.type:
        return False
    if {a.modality, b.modality} - {"asserted", "future", "historical"} and \
            a.modality != b.modality:
        return False
    if _unnamed_together(a, b):
        return True
    if not (_keys(a.actors) & _keys(b.actors) or _codes(a.actors) & _codes(b.actors)):
        return False
    ra, rb = _keys(a.recipients), _keys(b.recipients)
    if ra and rb and not ra & rb:
        return False
    if not (ra and rb) and not set(_lemmas(a)) & set(_lemmas(b)) and not _adjacent(a, b):
        return False  # without recipients to compare, only a repeated word is the same act
    if a.mode and b.mode and a.mode != b.mode:
        return False
    return not (a.date and b.date and a.date.date_start and b.date.date_start
                and abs((a.date.date_start - b.date.date_start).days) > 2)


def _adjacent(a: Event, b: Event) -> bool:
    """Whether two triggers stand side by side («انفجار سيارة مفخخة»): one phrase, one act."""
    return any(0 <= y.start - x.end <= 1 or 0 <= x.start - y.end <= 1
               for x in a.triggers for y in b.triggers)  # fmt: skip


def _unnamed_together(a: Event, b: Event) -> bool:
    """Two acts by unnamed doers told in one sentence («انفجرت سيارة مفخخة تلاها انفجار ثان
    وإطلاق نار») are one incident."""
    unnamed = ("actor:implicit", "actor:operation")  # a named operation's unnamed strikes too
    return a.type == "ASSAULT" and a.sentence_index == b.sentence_index and all(
        any(u in e.evidence for u in unnamed) for e in (a, b))  # a strike and a march stay two


def _lemmas(e: Event) -> list[str]:
    """The lexicon entries whose words triggered the event (first evidence item per trigger)."""
    return [x for x in e.evidence if "." in x and ":" not in x]


def merge(events: list[Event]) -> list[Event]:
    """Merge mentions of the same act, keeping the first mention's position and ids."""
    out: list[Event] = []
    for ev in events:
        for k, kept in enumerate(out):
            if same_act(kept, ev):
                out[k] = _combine(kept, ev)
                break
        else:
            out.append(ev)
    return [replace(e, id=f"e{i + 1}") for i, e in enumerate(out)]


def _combine(a: Event, b: Event) -> Event:
    return replace(
        a,
        actors=a.actors or b.actors,
        recipients=a.recipients or b.recipients,
        mode=a.mode or b.mode,
        date=a.date if a.date is not None and a.date.date_start else b.date or a.date,
        place=a.place or b.place,
        triggers=a.triggers + b.triggers,
        trigger_text=a.trigger_text + b.trigger_text,
        sentences=tuple(dict.fromkeys(a.sentences + b.sentences)),
        evidence=a.evidence + tuple(x for x in b.evidence if x not in a.evidence),
        context=tuple(dict.fromkeys(a.context + b.context)),
    )
