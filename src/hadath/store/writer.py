"""The single writer: runs, and articles written with all their rows in one transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from .engine import Store
from .rows import ArticleRows

_IN_CHUNK = 500  # keys per IN (...) list, below SQLite's variable limit


@dataclass(frozen=True)
class WriteResult:
    """What a batch write did: articles written, replaced, already there, and failures."""

    written: int
    replaced: int
    present: int
    events: int
    failed: tuple[tuple[ArticleRows, str], ...] = ()


def existing_versions(store: Store, keys: Sequence[str]) -> dict[str, str]:
    """The lexicon version each already-stored article among ``keys`` was coded with."""
    arts = store.tables.articles
    found: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(keys), _IN_CHUNK):
            q = select(arts.c.article_key, arts.c.lexicon_version).where(
                arts.c.article_key.in_(keys[i : i + _IN_CHUNK]))  # fmt: skip
            found.update({k: v for k, v in conn.execute(q)})
    return found


def start_run(store: Store, *, inputs: Sequence[str], lexicon_version: str,
              hadath_version: str, workers: int, rejects_file: str | None) -> int:  # fmt: skip
    """Record a new run and return its id."""
    with store.engine.begin() as conn:
        res = conn.execute(insert(store.tables.runs).values(
            started=dt.datetime.now(dt.UTC).replace(tzinfo=None), status="running",
            inputs=json.dumps(list(inputs), ensure_ascii=False), lexicon_version=lexicon_version,
            hadath_version=hadath_version, workers=workers, read=0, coded=0, skipped=0,
            rejected=0, events=0, rejects_file=rejects_file))  # fmt: skip
        key = res.inserted_primary_key
        assert key is not None
        return int(key[0])


def update_run(store: Store, run_id: int, *, done: bool = False, **counts: int) -> None:
    """Store a run's counters (and mark it done)."""
    values: dict[str, object] = dict(counts)
    if done:
        values |= {"status": "done", "finished": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
    with store.engine.begin() as conn:
        runs = store.tables.runs
        conn.execute(update(runs).where(runs.c.run_id == run_id).values(**values))


def _delete_article(conn: Connection, store: Store, key: str) -> None:
    t = store.tables
    event_keys = select(t.events.c.event_key).where(t.events.c.article_key == key)
    conn.execute(delete(t.story_mentions).where(t.story_mentions.c.event_key.in_(event_keys)))
    conn.execute(delete(t.event_entities).where(t.event_entities.c.event_key.in_(event_keys)))
    conn.execute(delete(t.events).where(t.events.c.article_key == key))
    conn.execute(delete(t.places).where(t.places.c.article_key == key))
    conn.execute(delete(t.quotations).where(t.quotations.c.article_key == key))
    conn.execute(delete(t.articles).where(t.articles.c.article_key == key))


def _write(conn: Connection, store: Store, batch: Sequence[ArticleRows], run_id: int,
           recode: bool) -> WriteResult:  # fmt: skip
    t = store.tables
    keys = list(dict.fromkeys(r.key for r in batch))
    stored = {k: v for k, v in conn.execute(
        select(t.articles.c.article_key, t.articles.c.lexicon_version)
        .where(t.articles.c.article_key.in_(keys)))}  # fmt: skip
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    todo: list[ArticleRows] = []
    seen: set[str] = set()
    replaced = present = 0
    for rows in batch:
        if rows.key in seen:
            present += 1
            continue
        seen.add(rows.key)
        if rows.key in stored:
            if not recode or stored[rows.key] == rows.lexicon_version:
                present += 1
                continue
            _delete_article(conn, store, rows.key)
            replaced += 1
        todo.append(rows)
    if todo:
        conn.execute(insert(t.articles), [r.article | {"run_id": run_id, "coded_at": now}
                                          for r in todo])  # fmt: skip
        for table, attr in ((t.events, "events"), (t.event_entities, "entities"),
                            (t.places, "places"), (t.quotations, "quotations")):  # fmt: skip
            rows_ = [row for r in todo for row in getattr(r, attr)]
            if rows_:
                conn.execute(insert(table), rows_)
    return WriteResult(len(todo), replaced, present, sum(len(r.events) for r in todo))


def write_articles(store: Store, batch: Sequence[ArticleRows], *, run_id: int,
                   recode: bool = False) -> WriteResult:  # fmt: skip
    """Write a batch in one transaction; an article that breaks it is retried alone and reported.

    Articles already stored are left alone, unless ``recode`` and their lexicon version
    differs: then their old rows are replaced in the same transaction.
    """
    try:
        with store.engine.begin() as conn:
            return _write(conn, store, batch, run_id, recode)
    except (IntegrityError, DataError):
        pass  # find the article that broke the batch
    totals = [0, 0, 0, 0]
    failed: list[tuple[ArticleRows, str]] = []
    for rows in batch:
        try:
            with store.engine.begin() as conn:
                res = _write(conn, store, [rows], run_id, recode)
        except (IntegrityError, DataError) as exc:
            failed.append((rows, f"store rejected the article: {str(exc.orig)[:300]}"))
            continue
        for i, n in enumerate((res.written, res.replaced, res.present, res.events)):
            totals[i] += n
    return WriteResult(totals[0], totals[1], totals[2], totals[3], failed=tuple(failed))


def count_rows(store: Store, tables: Iterable[str] | None = None) -> dict[str, int]:
    """The number of rows of each table (all by default)."""
    names = list(tables) if tables else [t.name for t in store.tables.metadata.sorted_tables]
    by_name = {t.name: t for t in store.tables.metadata.sorted_tables}
    with store.engine.connect() as conn:
        return {n: int(conn.execute(select(func.count()).select_from(by_name[n])).scalar_one())
                for n in names}  # fmt: skip
