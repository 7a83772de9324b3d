"""A coded Article as table rows: a pure function, run in the workers, no database."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Entity, Event

Row = dict[str, Any]


@dataclass(frozen=True)
class ArticleRows:
    """The rows one article adds to the store, written together in one transaction."""

    key: str
    lexicon_version: str
    article: Row
    events: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    places: list[Row] = field(default_factory=list)
    quotations: list[Row] = field(default_factory=list)


def text_hash(text: str) -> str:
    """The SHA-256 of a record's text (before normalisation), hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_key(article_id: str, hashed_text: str) -> str:
    """The store key of an article: its id and the hash of its text, so an edited text is new."""
    return hashlib.sha256(f"{article_id}\0{hashed_text}".encode()).hexdigest()[:32]


def entity_code(entity: Entity) -> str:
    """The CAMEO-style actor code: country and sector joined, e.g. TURGOV, RUS, UNO."""
    return f"{entity.country or ''}{entity.sector or ''}"


def joined_codes(entities: tuple[Entity, ...]) -> str:
    """The distinct codes of an actor list in order, joined by ';' ('' when none)."""
    return ";".join(dict.fromkeys(c for c in map(entity_code, entities) if c))


def _day_columns(day: dt.date | None) -> Row:
    if day is None:
        return {"day": None, "month": None, "week": None}
    year, week, _ = day.isocalendar()
    return {"day": day, "month": day.strftime("%Y-%m"), "week": f"{year}-W{week:02d}"}


def event_row(article: Article, key: str, event: Event) -> Row:
    """The events-table row of one event."""
    date = event.date
    day = date.date_start if date is not None and date.date_start else article.published
    place = event.place
    return {
        "event_key": f"{key}:{event.id}", "article_key": key, "event_id": event.id,
        "type": event.type, "mode": event.mode, "modality": event.modality,
        "context": json.dumps(list(event.context), ensure_ascii=False),
        "actor_code": joined_codes(event.actors),
        "recipient_code": joined_codes(event.recipients),
        **_day_columns(day),
        "date_start": date.date_start if date else None,
        "date_end": date.date_end if date else None,
        "date_text": date.text if date else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "triggers": json.dumps([[t.start, t.end] for t in event.triggers]),
        "trigger_text": json.dumps(list(event.trigger_text), ensure_ascii=False),
        "sentence_index": event.sentence_index,
        "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
        "sentence_text": article.text[event.sentence.start:event.sentence.end],
        "evidence": json.dumps(list(event.evidence), ensure_ascii=False),
        "quote_id": event.quote, "source": article.source,
    }  # fmt: skip


def entity_rows(event_key: str, role: str, entities: tuple[Entity, ...]) -> list[Row]:
    """The event_entities rows of an event's actors or recipients."""
    return [
        {"event_key": event_key, "role": role, "position": i, "text": e.text, "name": e.name,
         "country": e.country, "sector": e.sector, "code": entity_code(e), "entity_id": e.id,
         "kind": e.kind, "office": e.office, "start": e.start, "end": e.end}
        for i, e in enumerate(entities)
    ]  # fmt: skip


def article_rows(article: Article, *, article_id: str, hashed_text: str, lexicon_version: str,
                 url: str | None = None, input: str | None = None,
                 line: int | None = None) -> ArticleRows:  # fmt: skip
    """Every row an article adds: the article, its events with their entities, places, quotes."""
    key = article_key(article_id, hashed_text)
    events, entities = [], []
    for ev in article.events:
        row = event_row(article, key, ev)
        events.append(row)
        entities += entity_rows(row["event_key"], "actor", ev.actors)
        entities += entity_rows(row["event_key"], "recipient", ev.recipients)
    places = [
        {"article_key": key, "position": i, "text": p.text, "name": p.name,
         "country": p.country, "lat": p.lat, "lon": p.lon, "place_id": p.id,
         "start": p.start, "end": p.end}
        for i, p in enumerate(article.places)
    ]  # fmt: skip
    quotes = [
        {"article_key": key, "quote_id": q.id, "text": q.text, "start": q.start, "end": q.end,
         "verb": q.verb, "speaker_text": q.speaker.text if q.speaker else None,
         "speaker_name": q.speaker.name if q.speaker else None,
         "speaker_country": q.speaker.country if q.speaker else None,
         "speaker_sector": q.speaker.sector if q.speaker else None,
         "speaker_id": q.speaker.id if q.speaker else None}
        for q in article.quotes
    ]  # fmt: skip
    art = {
        "article_key": key, "id": article_id, "text_hash": hashed_text,
        "lexicon_version": lexicon_version, "source": article.source, "url": url,
        "title": article.title, "published": article.published, "text": article.text,
        "input": input, "line": line, "n_events": len(events),
        "warnings": json.dumps(list(article.warnings), ensure_ascii=False),
        "cited_sources": json.dumps([s.name for s in article.sources], ensure_ascii=False),
    }  # fmt: skip
    return ArticleRows(key, lexicon_version, art, events, entities, places, quotes)
