"""Named queries over the store (the same SQL runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, literal, or_, select, union_all

from .engine import Store


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of a named query."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def _run(store: Store, q: Select[Any]) -> QueryResult:
    with store.engine.connect() as conn:
        res = conn.execute(q)
        return QueryResult(tuple(res.keys()), [tuple(r) for r in res])


def dyad(store: Store, a: str, b: str, since: dt.date | None = None,
         until: dt.date | None = None) -> QueryResult:  # fmt: skip
    """Events between countries A and B (either direction) by month and type."""
    t = store.tables
    ev, ent = t.events, t.event_entities
    act, rec = ent.alias("act"), ent.alias("rec")
    a, b = a.upper(), b.upper()
    pairs = []
    for src, dst in ((a, b), (b, a)):
        pairs.append(
            select(ev.c.event_key, literal(f"{src}->{dst}").label("direction"))
            .join(act, and_(act.c.event_key == ev.c.event_key, act.c.role == "actor",
                            act.c.country == src))
            .join(rec, and_(rec.c.event_key == ev.c.event_key, rec.c.role == "recipient",
                            rec.c.country == dst))
            .distinct())  # fmt: skip
    both = union_all(*pairs).subquery("pairs")
    q = (select(ev.c.month, both.c.direction, ev.c.type, func.count().label("events"))
         .join(both, both.c.event_key == ev.c.event_key)
         .where(ev.c.month.is_not(None)))  # fmt: skip
    if since:
        q = q.where(ev.c.day >= since)
    if until:
        q = q.where(ev.c.day <= until)
    q = q.group_by(ev.c.month, both.c.direction, ev.c.type)
    return _run(store, q.order_by(ev.c.month, both.c.direction, ev.c.type))


def meetings(store: Store, country: str | None = None, limit: int = 50) -> QueryResult:
    """Who met whom: CONSULT actor–recipient pairs, most frequent first."""
    t = store.tables
    ev, ent = t.events, t.event_entities
    act, rec = ent.alias("act"), ent.alias("rec")
    q = (select(act.c.name.label("actor"), act.c.code.label("actor_code"),
                rec.c.name.label("recipient"), rec.c.code.label("recipient_code"),
                func.count().label("meetings"), func.min(ev.c.day).label("first"),
                func.max(ev.c.day).label("last"))
         .join(act, and_(act.c.event_key == ev.c.event_key, act.c.role == "actor"))
         .join(rec, and_(rec.c.event_key == ev.c.event_key, rec.c.role == "recipient"))
         .where(ev.c.type == "CONSULT", ev.c.modality == "asserted"))  # fmt: skip
    if country:
        c = country.upper()
        q = q.where(or_(act.c.country == c, rec.c.country == c))
    q = q.group_by(act.c.name, act.c.code, rec.c.name, rec.c.code)
    return _run(store, q.order_by(func.count().desc(), act.c.name, rec.c.name).limit(limit))


def protests(store: Store, country: str | None = None) -> QueryResult:
    """PROTEST events by country (the place's, else the first actor's) and ISO week."""
    t = store.tables
    ev, ent = t.events, t.event_entities
    act = ent.alias("act")
    where = func.coalesce(ev.c.place_country, act.c.country, "")
    q = (select(where.label("country"), ev.c.week, func.count().label("protests"),
                func.count(func.distinct(ev.c.article_key)).label("articles"))
         .outerjoin(act, and_(act.c.event_key == ev.c.event_key, act.c.role == "actor",
                              act.c.position == 0))
         .where(ev.c.type == "PROTEST", ev.c.week.is_not(None)))  # fmt: skip
    if country:
        q = q.where(where == country.upper())
    q = q.group_by(where, ev.c.week)
    return _run(store, q.order_by(where, ev.c.week))


QUERIES: dict[str, Callable[..., QueryResult]] = {
    "dyad": dyad, "meetings": meetings, "protests": protests,
}  # fmt: skip
