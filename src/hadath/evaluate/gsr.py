"""Score hadath on the OEDA Arabic gold standard: one sentence a record, PROTEST and ASSAULT.

Sentence level: a ``yes`` sentence is positive, ``easy no`` and ``difficult no`` negative,
``ambiguous`` left out; hadath says positive when it codes an event of the type with
modality asserted or historical. The span files give actor codes: several annotators per
sentence, so each code is their majority vote (a real code wins a tie with "None").
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Entity, Event, Span
from ..normalize import normalize_text
from .metrics import CoderLike, Score, Share, share

TYPES = ("PROTEST", "ASSAULT")
LABELS: dict[str, bool | None] = {
    "yes": True,
    "easy no": False,
    "difficult no": False,
    "ambiguous": None,
}
FACTUAL = ("asserted", "historical")
_NO_CODE = {"", "none", "unknown", "null"}


@dataclass(frozen=True, slots=True)
class GsrSentence:
    """One labelled sentence of a ``*_gsr.csv`` file."""

    id: str
    event_type: str
    label: str
    text: str

    @property
    def gold(self) -> bool | None:
        """True for an event sentence, False for a negative one, None when left out."""
        return LABELS.get(self.label.strip().lower())


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold actor of a span item: its tokens (as each annotator marked them) and codes."""

    tokens: tuple[tuple[str, ...], ...]
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class SpanItem:
    """One item of a ``*_spans.json`` file: a sentence, its type, source and target actors."""

    text: str
    event_type: str
    source: GoldActor
    target: GoldActor


@dataclass(frozen=True, slots=True)
class GsrError:
    """A sentence hadath got wrong: a false positive or a miss, with what hadath coded."""

    kind: str  # "false positive" | "miss"
    event_type: str
    id: str
    label: str
    text: str
    coded: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class TypeResult:
    """The scores of one event type."""

    event_type: str
    sentences: Score
    labels: dict[str, int]
    uncodable: int
    actor_country: Share
    actor_sector: Share
    recipient_country: Share
    recipient_sector: Share
    errors: tuple[GsrError, ...] = ()


@dataclass(frozen=True, slots=True)
class GsrResult:
    """Scores per type, and issue 3's actor-country recognition over all span items."""

    types: tuple[TypeResult, ...]
    source_country: Share
    target_country: Share
    notes: tuple[str, ...] = field(default=())


def no_code(value: object) -> bool:
    """Whether a gold code says nothing («None», «UNKNOWN», empty)."""
    return not isinstance(value, str) or value.strip().lower() in _NO_CODE


def vote(values: Iterable[str | None]) -> str | None:
    """The majority code among annotators; a real code wins a tie with no code."""
    counts = Counter(None if no_code(v) else v for v in values)
    if not counts:
        return None
    best = max(counts.values())
    winners = [v for v, n in counts.items() if n == best]
    real = [v for v in winners if v is not None]
    return real[0] if real else None


def read_gsr_csv(path: Path) -> list[GsrSentence]:
    """The labelled sentences of one ``*_gsr.csv`` file."""
    with path.open(encoding="utf-8", newline="") as f:
        return [
            GsrSentence(r["id"], r["event_type"].strip().upper(), r["label"], r["text"])
            for r in csv.DictReader(f)
        ]


def _role(span: dict[str, Any], key: str) -> dict[str, Any]:
    value = span.get(key)
    return value if isinstance(value, dict) else {}


def _actor(spans: Sequence[dict[str, Any]], side: str) -> GoldActor:
    tokens = tuple(tuple(s.get(f"{side}_actor") or ()) for s in spans)
    roles = [_role(s, f"{side}_role") for s in spans]
    return GoldActor(
        tuple(t for t in tokens if t),
        vote(r.get("main") for r in roles),
        vote(r.get("role") for r in roles),
    )


def parse_span_items(items: Sequence[dict[str, Any]]) -> list[SpanItem]:
    """Span items from the parsed JSON of a ``*_spans.json`` file."""
    out = []
    for item in items:
        spans = [s for s in item.get("spans") or () if isinstance(s, dict)]
        out.append(
            SpanItem(
                item["text"],
                str(item["event_type"]).upper(),
                _actor(spans, "source"),
                _actor(spans, "target"),
            )
        )
    return out


def read_spans(path: Path) -> list[SpanItem]:
    """The span items of one ``*_spans.json`` file."""
    return parse_span_items(json.loads(path.read_text(encoding="utf-8")))


def factual_events(article: Article | None, event_type: str) -> tuple[Event, ...]:
    """The events of a type that hadath reports as fact (asserted or historical)."""
    if article is None:
        return ()
    return tuple(e for e in article.events if e.type == event_type and e.modality in FACTUAL)


def score_labels(pairs: Iterable[tuple[bool | None, bool]]) -> Score:
    """P/R/F1 from (gold, predicted) pairs; gold None (ambiguous) is left out."""
    kept = [(g, p) for g, p in pairs if g is not None]
    return Score(sum(g and p for g, p in kept), sum(p for _, p in kept), sum(g for g, _ in kept))


def locate(text: str, tokens: Sequence[str]) -> list[Span]:
    """Where actor tokens lie in the text: the whole phrase if found, else each long token."""
    words = [normalize_text(t).strip() for t in tokens]
    words = [w for w in words if w]
    if not words:
        return []
    phrase = re.search(r"\s*".join(re.escape(w) for w in words), text)
    if phrase:
        return [Span(phrase.start(), phrase.end())]
    found = (re.search(re.escape(w), text) for w in words if len(w) >= 3)
    return [Span(m.start(), m.end()) for m in found if m]


def _overlap(e: Entity, spans: Sequence[Span]) -> int:
    return sum(max(0, min(e.end, s.end) - max(e.start, s.start)) for s in spans)


def entity_at(article: Article, spans: Sequence[Span]) -> Entity | None:
    """The recognised entity overlapping the spans most (the first on a tie), if any."""
    best, most = None, 0
    for e in article.entities:
        n = _overlap(e, spans)
        if n > most:
            best, most = e, n
    return best


def actor_country_right(article: Article | None, actor: GoldActor) -> bool:
    """Whether the entity hadath recognised at the gold actor's tokens has the gold country."""
    if article is None:
        return False
    spans = [s for toks in actor.tokens for s in locate(article.text, toks)]
    entity = entity_at(article, spans)
    return entity is not None and entity.country == actor.country


def _events(article: Article | None) -> tuple[Event, ...]:
    return article.events if article else ()


def _first(entities: tuple[Entity, ...]) -> Entity | None:
    return entities[0] if entities else None


def code_checks(item: SpanItem, event: Event) -> dict[str, bool | None]:
    """Whether hadath's first actor and recipient carry the gold codes (None: gold has none)."""
    actor, recipient = _first(event.actors), _first(event.recipients)
    pairs = {
        "actor_country": (item.source.country, actor and actor.country),
        "actor_sector": (item.source.sector, actor and actor.sector),
        "recipient_country": (item.target.country, recipient and recipient.country),
        "recipient_sector": (item.target.sector, recipient and recipient.sector),
    }
    return {k: None if g is None else g == p for k, (g, p) in pairs.items()}


def code_all(texts: Iterable[str], coder: CoderLike) -> dict[str, Article | None]:
    """Code each distinct sentence once, as an article without a date (None if uncodable)."""
    out: dict[str, Article | None] = {}
    for text in texts:
        if text not in out:
            try:
                out[text] = coder.code(text, None)
            except InputError:
                out[text] = None
    return out


def score_type(
    event_type: str,
    sentences: Sequence[GsrSentence],
    items: Sequence[SpanItem],
    coded: dict[str, Article | None],
) -> TypeResult:
    """Score one event type from its sentences, span items and the coded articles."""
    rows = [s for s in sentences if s.event_type == event_type]
    pred = {s.text: bool(factual_events(coded[s.text], event_type)) for s in rows}
    errors = tuple(
        GsrError(
            "false positive" if pred[s.text] else "miss",
            event_type,
            s.id,
            s.label,
            s.text,
            _events(coded[s.text]),
        )
        for s in rows
        if s.gold is not None and s.gold != pred[s.text]
    )
    checks: dict[str, list[bool]] = {
        k: [] for k in ("actor_country", "actor_sector", "recipient_country", "recipient_sector")
    }
    for item in (i for i in items if i.event_type == event_type):
        found = factual_events(coded.get(item.text), event_type)
        if found:
            for k, ok in code_checks(item, found[0]).items():
                if ok is not None:
                    checks[k].append(ok)
    return TypeResult(
        event_type,
        score_labels((s.gold, pred[s.text]) for s in rows),
        dict(Counter(s.label for s in rows)),
        sum(coded[s.text] is None for s in rows),
        share(checks["actor_country"]),
        share(checks["actor_sector"]),
        share(checks["recipient_country"]),
        share(checks["recipient_sector"]),
        errors,
    )


def score_gsr(
    sentences: Sequence[GsrSentence], items: Sequence[SpanItem], coder: CoderLike
) -> GsrResult:
    """Score hadath on GSR sentences and span items of both types."""
    coded = code_all([s.text for s in sentences] + [i.text for i in items], coder)
    types = tuple(
        score_type(t, sentences, items, coded)
        for t in TYPES
        if any(s.event_type == t for s in sentences)
    )
    src = [actor_country_right(coded[i.text], i.source) for i in items if i.source.country]
    tgt = [actor_country_right(coded[i.text], i.target) for i in items if i.target.country]
    return GsrResult(types, share(src), share(tgt))


def read_gsr_dir(folder: Path) -> tuple[list[GsrSentence], list[SpanItem]]:
    """All ``*_gsr.csv`` sentences and ``*_spans.json`` items of a folder."""
    csvs, jsons = sorted(folder.glob("*_gsr.csv")), sorted(folder.glob("*_spans.json"))
    if not csvs:
        raise FileNotFoundError(f"no *_gsr.csv file in {folder}: give the GSR folder")
    return ([s for p in csvs for s in read_gsr_csv(p)], [i for p in jsons for i in read_spans(p)])
