"""Score hadath on article-level gold (``gold_dev/README.md``): events of the lead sentences.

A hadath event counts once in every lead sentence holding one of its trigger spans. Gold
and predicted events of one sentence are matched one to one, greedily by best level:
1 the type; 2 also the actors' countries; 3 also the recipients' countries and modality.
Countries compare as sets with unknown (null) countries ignored: every gold actor country
must be among hadath's and vice versa.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Entity, Event
from ..normalize import normalize_text
from .metrics import CoderLike, Score, Share, share

LEVELS = ("type", "type+actors", "type+actors+recipients+modality")
DateRange = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class Unit:
    """An event as scored: its type, modality, country sets, date and place in one sentence."""

    sentence: int
    type: str
    modality: str
    actors: frozenset[str]
    recipients: frozenset[str]
    date: DateRange = (None, None)
    place_country: str | None = None
    place_name: str | None = None
    label: str = ""  # one line saying what was coded, for error lists


@dataclass(frozen=True, slots=True)
class Lead:
    """A lead sentence: its number and character span in the gold text."""

    n: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article: its text and metadata, lead sentences and gold events."""

    id: str
    text: str
    published: str | None
    title: str | None
    source: str | None
    leads: tuple[Lead, ...]
    events: tuple[Unit, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """A gold event matched to a predicted one, at the highest level they agree on."""

    gold: Unit
    pred: Unit
    level: int


@dataclass(frozen=True, slots=True)
class GoldError:
    """A miss, a false positive or a partial match, with the sentence and what was coded."""

    kind: str  # "miss" | "false positive" | "partial"
    article: str
    sentence: int
    text: str
    gold: Unit | None
    pred: Unit | None
    coded: tuple[str, ...]  # every hadath event in that sentence


@dataclass(frozen=True, slots=True)
class GoldResult:
    """The scores over a gold file."""

    articles: int
    uncodable: int
    levels: tuple[Score, Score, Score]
    types: dict[str, Score]  # level 1 by event type
    date: Share  # over matched events (null = null counts right)
    date_given: Share  # over matched events whose gold has a date
    place_country: Share
    place_name: Share
    errors: tuple[GoldError, ...]


def _countries(entities: Iterable[Mapping[str, Any]] | Iterable[Entity]) -> frozenset[str]:
    out = (e.get("country") if isinstance(e, Mapping) else e.country for e in entities)
    return frozenset(c for c in out if c)


def _who(entities: Sequence[Any]) -> str:
    def one(e: Any) -> str:
        text, c, s = (
            (e["text"], e.get("country"), e.get("sector"))
            if isinstance(e, Mapping)
            else (e.text, e.country, e.sector)
        )
        return f"{text} ({c or '-'} {s or '-'})"

    return "; ".join(one(e) for e in entities) or "-"


def describe(
    type_: str, modality: str, actors: Sequence[Any], recipients: Sequence[Any], trigger: str
) -> str:
    """One line for an event: type, modality, actors → recipients and the trigger."""
    return f"{type_} {modality} {_who(actors)} → {_who(recipients)} «{trigger}»"


def gold_unit(ev: Mapping[str, Any]) -> Unit:
    """A gold event of the JSONL format as a scoring unit."""
    date, place = ev.get("date") or {}, ev.get("place") or {}
    actors, recipients = ev.get("actors") or [], ev.get("recipients") or []
    return Unit(
        int(ev["sentence"]),
        ev["type"],
        ev.get("modality") or "asserted",
        _countries(actors),
        _countries(recipients),
        (date.get("start"), date.get("end")),
        place.get("country"),
        place.get("name"),
        describe(
            ev["type"],
            ev.get("modality") or "asserted",
            actors,
            recipients,
            ev.get("trigger") or "",
        ),
    )


def parse_gold(obj: Mapping[str, Any]) -> GoldArticle:
    """One gold article from its JSON object."""
    leads = tuple(Lead(int(x["n"]), int(x["start"]), int(x["end"])) for x in obj["lead"])
    return GoldArticle(
        str(obj["id"]),
        obj["text"],
        obj.get("published"),
        obj.get("title"),
        obj.get("source"),
        leads,
        tuple(gold_unit(e) for e in obj.get("events") or ()),
    )


def read_gold(path: Path) -> list[GoldArticle]:
    """The articles of a gold JSONL file; raises ValueError naming a malformed line."""
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(parse_gold(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a gold article ({exc!r})") from exc
    return out


def shift(text: str, offset: int) -> int:
    """An offset in the gold text as an offset in hadath's normalised text."""
    return len(normalize_text(text[:offset]))


def pred_units(event: Event, leads: Sequence[Lead]) -> list[Unit]:
    """A hadath event as one unit per lead sentence holding one of its triggers.

    ``leads`` must be in the coordinates of the coded article's text.
    """
    ns = sorted({ld.n for t in event.triggers for ld in leads if ld.start <= t.start < ld.end})
    d = event.date
    date: DateRange = (
        (None, None)
        if d is None or d.date_start is None
        else (d.date_start.isoformat(), d.date_end.isoformat() if d.date_end else None)
    )
    p = event.place
    label = describe(
        event.type, event.modality, event.actors, event.recipients, " … ".join(event.trigger_text)
    )
    return [
        Unit(
            n,
            event.type,
            event.modality,
            _countries(event.actors),
            _countries(event.recipients),
            date,
            p.country if p else None,
            p.name if p else None,
            label,
        )
        for n in ns
    ]


def level(g: Unit, p: Unit) -> int:
    """How far a predicted event agrees with a gold one: 0 (not at all) to 3."""
    if g.sentence != p.sentence or g.type != p.type:
        return 0
    if g.actors != p.actors:
        return 1
    return 2 if g.recipients != p.recipients or g.modality != p.modality else 3


def match(golds: Sequence[Unit], preds: Sequence[Unit]) -> list[tuple[int, int, int]]:
    """One-to-one (gold index, predicted index, level) pairs, best levels first."""
    pairs = sorted(
        (
            (-level(g, p), i, j)
            for i, g in enumerate(golds)
            for j, p in enumerate(preds)
            if level(g, p)
        )
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for neg, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j, -neg))
    return out


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def lead_units(article: Article, gold: GoldArticle) -> list[Unit]:
    """Hadath's events of an article restricted to, and expanded over, the lead sentences."""
    leads = [Lead(ld.n, shift(gold.text, ld.start), shift(gold.text, ld.end)) for ld in gold.leads]
    return [u for ev in article.events for u in pred_units(ev, leads)]


def _errors(
    gold: GoldArticle,
    preds: Sequence[Unit],
    pairs: Sequence[tuple[int, int, int]],
) -> list[GoldError]:
    spans = {ld.n: gold.text[ld.start : ld.end] for ld in gold.leads}

    def err(kind: str, n: int, g: Unit | None, p: Unit | None) -> GoldError:
        coded = tuple(u.label for u in preds if u.sentence == n)
        return GoldError(kind, gold.id, n, spans.get(n, ""), g, p, coded)

    mg, mp = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    out = [err("miss", g.sentence, g, None) for i, g in enumerate(gold.events) if i not in mg]
    out += [err("false positive", p.sentence, None, p) for j, p in enumerate(preds) if j not in mp]
    out += [
        err("partial", gold.events[i].sentence, gold.events[i], preds[j])
        for i, j, lv in pairs
        if lv < 3
    ]
    return sorted(out, key=lambda e: e.sentence)


def score(
    pairs: Sequence[tuple[Sequence[Unit], Sequence[Unit]]],
) -> tuple[tuple[Score, Score, Score], dict[str, Score], list[Match]]:
    """Scores at the three levels and by type from (gold, predicted) units of each article."""
    tp = [0, 0, 0]
    n_gold, n_pred = 0, 0
    by_type: dict[str, list[int]] = {}
    matches: list[Match] = []
    for golds, preds in pairs:
        n_gold, n_pred = n_gold + len(golds), n_pred + len(preds)
        for g in golds:
            by_type.setdefault(g.type, [0, 0, 0])[2] += 1
        for p in preds:
            by_type.setdefault(p.type, [0, 0, 0])[1] += 1
        for i, j, lv in match(golds, preds):
            matches.append(Match(golds[i], preds[j], lv))
            by_type[golds[i].type][0] += 1
            for k in range(lv):
                tp[k] += 1
    levels = (
        Score(tp[0], n_pred, n_gold),
        Score(tp[1], n_pred, n_gold),
        Score(tp[2], n_pred, n_gold),
    )
    return levels, {t: Score(*c) for t, c in sorted(by_type.items())}, matches


def score_gold(articles: Sequence[GoldArticle], coder: CoderLike) -> GoldResult:
    """Code each gold article and score its lead-sentence events."""
    pairs: list[tuple[Sequence[Unit], Sequence[Unit]]] = []
    errors: list[GoldError] = []
    uncodable = 0
    for gold in articles:
        try:
            art: Article | None = coder.code(
                gold.text, gold.published, title=gold.title, source=gold.source, id=gold.id
            )
        except InputError:
            art, uncodable = None, uncodable + 1
        preds = lead_units(art, gold) if art else []
        pairs.append((gold.events, preds))
        errors += _errors(gold, preds, match(gold.events, preds))
    levels, types, matches = score(pairs)
    return GoldResult(
        len(articles),
        uncodable,
        levels,
        types,
        share([m.gold.date == m.pred.date for m in matches]),
        share([m.gold.date == m.pred.date for m in matches if m.gold.date[0]]),
        share([m.gold.place_country == m.pred.place_country for m in matches]),
        share([_same(m.gold.place_name, m.pred.place_name) for m in matches]),
        tuple(errors),
    )


def label_counts(articles: Iterable[GoldArticle]) -> Counter[str]:
    """How many gold events of each type a gold file has."""
    return Counter(e.type for a in articles for e in a.events)
