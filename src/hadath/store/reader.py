"""Reading events back: filtered, with their article, entities and story counts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Select, and_, exists, or_, select

from .engine import Store

Row = dict[str, Any]


@dataclass(frozen=True)
class EventFilter:
    """Which events to read: a day range (inclusive), PLOVER types, a country code."""

    since: dt.date | None = None
    until: dt.date | None = None
    types: tuple[str, ...] = ()
    country: str | None = None  # an actor's, a recipient's or the place's country


@dataclass(frozen=True)
class EventView:
    """One stored event with what exports need."""

    event: Row
    article: Row
    actors: list[Row] = field(default_factory=list)
    recipients: list[Row] = field(default_factory=list)
    story: Row | None = None


def _query(store: Store, flt: EventFilter) -> Select[Any]:
    t = store.tables
    ev, art, ent, sm, st = t.events, t.articles, t.event_entities, t.story_mentions, t.stories
    q = (select(ev, art.c.id.label("a_id"), art.c.title.label("a_title"),
                art.c.source.label("a_source"), art.c.url.label("a_url"),
                art.c.published.label("a_published"), art.c.lexicon_version.label("a_lexicon"),
                art.c.coded_at.label("a_coded_at"), st.c.story_id.label("s_story_id"),
                st.c.mentions.label("s_mentions"), st.c.articles.label("s_articles"),
                st.c.sources.label("s_sources"))
         .join(art, art.c.article_key == ev.c.article_key)
         .outerjoin(sm, sm.c.event_key == ev.c.event_key)
         .outerjoin(st, st.c.story_id == sm.c.story_id))  # fmt: skip
    if flt.since:
        q = q.where(ev.c.day >= flt.since)
    if flt.until:
        q = q.where(ev.c.day <= flt.until)
    if flt.types:
        q = q.where(ev.c.type.in_([x.upper() for x in flt.types]))
    if flt.country:
        c = flt.country.upper()
        q = q.where(or_(ev.c.place_country == c, exists().where(
            and_(ent.c.event_key == ev.c.event_key, ent.c.country == c))))  # fmt: skip
    return q.order_by(ev.c.day, ev.c.event_key)


def _entities(store: Store, keys: Sequence[str]) -> dict[tuple[str, str], list[Row]]:
    ent = store.tables.event_entities
    out: dict[tuple[str, str], list[Row]] = defaultdict(list)
    with store.engine.connect() as conn:
        q = select(ent).where(ent.c.event_key.in_(keys)).order_by(
            ent.c.event_key, ent.c.role, ent.c.position)  # fmt: skip
        for r in conn.execute(q).mappings():
            out[(r["event_key"], r["role"])].append(dict(r))
    return out


def _view(row: Row, ents: dict[tuple[str, str], list[Row]]) -> EventView:
    event = {k: v for k, v in row.items() if not k.startswith(("a_", "s_"))}
    article = {k[2:]: v for k, v in row.items() if k.startswith("a_")}
    story = ({k[2:]: v for k, v in row.items() if k.startswith("s_")}
             if row["s_story_id"] is not None else None)  # fmt: skip
    key = event["event_key"]
    return EventView(event, article, ents.get((key, "actor"), []),
                     ents.get((key, "recipient"), []), story)  # fmt: skip


def iter_events(store: Store, flt: EventFilter | None = None,
                chunk: int = 500) -> Iterator[EventView]:  # fmt: skip
    """The stored events matching ``flt``, by day then key, with entities and story counts."""
    q = _query(store, flt or EventFilter())
    with store.engine.connect() as conn:
        rows = iter(conn.execution_options(stream_results=True, yield_per=chunk)
                    .execute(q).mappings())  # fmt: skip
        while batch := [dict(r) for r in islice(rows, chunk)]:
            ents = _entities(store, [r["event_key"] for r in batch])
            yield from (_view(r, ents) for r in batch)
