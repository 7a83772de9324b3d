"""A coded Article as table rows: pure functions, run in the workers, no database.

``article_rows`` gives readable dicts; ``pack_rows`` turns them into plain tuples in column
order with dates as ISO text, so that a corpus run pickles little and the single writer
only hands them to the driver's ``executemany``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import Date

from ..model import Article, Entity, Event
from .schema import build_tables

Row = dict[str, Any]
Packed = tuple[Any, ...]

# the tables an article's rows go to, in insert order (parents before children)
ROW_TABLES = ("articles", "events", "event_entities", "places", "quotations")
STAMP = ("run_id", "coded_at")  # article columns the writer fills in

# lists are stored as JSON text; one encoder (json.dumps builds a new one per call when
# given options, a cost paid for every event of a corpus)
_json = json.JSONEncoder(ensure_ascii=False).encode


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
        "context": _json(list(event.context)),
        "actor_code": joined_codes(event.actors),
        "recipient_code": joined_codes(event.recipients),
        **_day_columns(day),
        "date_start": date.date_start if date else None,
        "date_end": date.date_end if date else None,
        "date_text": date.text if date else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "triggers": _json([[t.start, t.end] for t in event.triggers]),
        "trigger_text": _json(list(event.trigger_text)),
        "sentence_index": event.sentence_index,
        "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
        "sentence_text": article.text[event.sentence.start:event.sentence.end],
        "evidence": _json(list(event.evidence)),
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
        "warnings": _json(list(article.warnings)),
        "cited_sources": _json([s.name for s in article.sources]),
    }  # fmt: skip
    return ArticleRows(key, lexicon_version, art, events, entities, places, quotes)


@dataclass(frozen=True, slots=True)
class PackedRows:
    """An article's rows as tuples in the column order of ``row_columns``, ready to insert."""

    key: str
    lexicon_version: str
    tables: dict[str, list[Packed]]  # table name (ROW_TABLES) -> rows; "articles" holds one

    @property
    def article(self) -> Row:
        """The article's row as a dict (as in ``ArticleRows``, without run_id and coded_at)."""
        return dict(zip(row_columns()["articles"], self.tables["articles"][0], strict=True))


@functools.cache
def row_columns() -> dict[str, tuple[str, ...]]:
    """The columns of each table of ROW_TABLES, in schema order (the article's without STAMP)."""
    tables = build_tables()
    return {name: tuple(c.name for c in getattr(tables, name).columns if c.name not in STAMP)
            for name in ROW_TABLES}  # fmt: skip


@functools.cache
def _date_positions() -> dict[str, tuple[int, ...]]:
    tables = build_tables()
    return {name: tuple(i for i, c in enumerate(row_columns()[name])
                        if isinstance(getattr(tables, name).c[c].type, Date))
            for name in ROW_TABLES}  # fmt: skip


@functools.cache
def _getters() -> dict[str, Callable[[Row], Packed]]:
    return {name: itemgetter(*columns) for name, columns in row_columns().items()}


def _pack(name: str, rows: list[Row]) -> list[Packed]:
    size, get, dates = len(row_columns()[name]), _getters()[name], _date_positions()[name]
    packed = []
    for row in rows:
        if len(row) != size:
            raise ValueError(f"{name} row columns {sorted(row)} are not the table's "
                             f"{sorted(row_columns()[name])}")  # fmt: skip
        values = get(row)
        if dates:  # ISO text: what SQLite stores for a DATE and PostgreSQL casts
            listed = list(values)
            for i in dates:
                if listed[i] is not None:
                    listed[i] = dt.date.isoformat(listed[i])
            values = tuple(listed)
        packed.append(values)
    return packed


def pack_rows(rows: ArticleRows) -> PackedRows:
    """The rows of an article as tuples in column order, dates as ISO text."""
    lists = {"articles": [rows.article], "events": rows.events, "event_entities": rows.entities,
             "places": rows.places, "quotations": rows.quotations}  # fmt: skip
    tables = {name: _pack(name, lists[name]) for name in ROW_TABLES}
    return PackedRows(rows.key, rows.lexicon_version, tables)
