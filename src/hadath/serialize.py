"""Article ↔ plain JSON-ready dicts (the ``--format json`` shape, also used by the store)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from .model import Article, Entity, Event


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def entity_dict(e: Entity) -> dict[str, Any]:
    """An entity as the spec writes it: text, name, country, sector, id (+ span and evidence)."""
    return {"text": e.text, "name": e.name, "country": e.country, "sector": e.sector, "id": e.id,
            "kind": e.kind, "office": e.office, "start": e.start, "end": e.end,
            "evidence": list(e.evidence)}  # fmt: skip


def event_dict(ev: Event) -> dict[str, Any]:
    """An event as a JSON-ready dict."""
    return {
        "id": ev.id, "type": ev.type, "mode": ev.mode, "context": list(ev.context),
        "modality": ev.modality,
        "actors": [entity_dict(e) for e in ev.actors],
        "recipients": [entity_dict(e) for e in ev.recipients],
        "date": None if ev.date is None else {
            "text": ev.date.text, "start": _plain(ev.date.date_start),
            "end": _plain(ev.date.date_end),
            "span": [ev.date.start, ev.date.end], "note": ev.date.note},
        "place": _plain(ev.place),
        "trigger": [{"start": t.start, "end": t.end, "text": x}
                    for t, x in zip(ev.triggers, ev.trigger_text, strict=True)],
        "sentence": {"start": ev.sentence.start, "end": ev.sentence.end,
                     "index": ev.sentence_index},
        "sentences": list(ev.sentences),
        "evidence": list(ev.evidence),
        "quote": ev.quote,
    }  # fmt: skip


def article_dict(a: Article, *, tokens: bool = False) -> dict[str, Any]:
    """An article with its events, quotations, sources and what was recognised."""
    return {
        "id": a.id, "title": a.title, "source": a.source, "published": _plain(a.published),
        "events": [event_dict(e) for e in a.events],
        "quotes": [{"id": q.id, "speaker": entity_dict(q.speaker) if q.speaker else None,
                    "text": q.text, "start": q.start, "end": q.end, "verb": q.verb}
                   for q in a.quotes],
        "sources": [_plain(s) for s in a.sources],
        "entities": [entity_dict(e) for e in a.entities],
        "places": [_plain(p) for p in a.places],
        "times": [_plain(t) for t in a.times],
        "sentences": [{"index": s.index, "start": s.start, "end": s.end,
                       **({"tokens": [_plain(t) for t in s.tokens]} if tokens else {})}
                      for s in a.sentences],
        "warnings": list(a.warnings),
        "text": a.text,
    }  # fmt: skip
