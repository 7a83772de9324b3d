"""The single writer: runs, and articles written with all their rows in one transaction.

Rows arrive packed (``rows.pack_rows``: tuples in column order, dates as ISO text), so a
batch goes to the driver's ``executemany`` without per-row work in this process.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from .engine import Store, StoreError
from .rows import ROW_TABLES, STAMP, ArticleRows, Packed, PackedRows, pack_rows, row_columns

_IN_CHUNK = 500  # keys per IN (...) list, below SQLite's variable limit
_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}  # positional placeholder by paramstyle

Rows = ArticleRows | PackedRows


@dataclass(frozen=True)
class WriteResult:
    """What a batch write did: articles written, replaced, already there, and failures."""

    written: int
    replaced: int
    present: int
    events: int
    failed: tuple[tuple[Rows, str], ...] = ()


def _versions(conn: Connection, store: Store, keys: Sequence[str]) -> dict[str, str]:
    arts = store.tables.articles
    # one cached statement whatever the keys (a literal IN list is compiled every time)
    q = select(arts.c.article_key, arts.c.lexicon_version).where(
        arts.c.article_key.in_(bindparam("keys", expanding=True)))  # fmt: skip
    found: dict[str, str] = {}
    for i in range(0, len(keys), _IN_CHUNK):
        found.update({k: v for k, v in conn.execute(q, {"keys": list(keys[i : i + _IN_CHUNK])})})
    return found


def existing_versions(store: Store, keys: Sequence[str]) -> dict[str, str]:
    """The lexicon version each already-stored article among ``keys`` was coded with."""
    with store.engine.connect() as conn:
        return _versions(conn, store, keys)


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


def insert_sql(store: Store, table: Table, columns: Sequence[str]) -> str:
    """A driver-level INSERT of positional values into ``columns`` of ``table``."""
    dialect = store.engine.dialect
    mark = _MARKS.get(dialect.paramstyle)
    if mark is None:
        raise StoreError(f"the {dialect.name} driver's paramstyle {dialect.paramstyle!r} "
                         "is not supported: use SQLite, or PostgreSQL with psycopg")  # fmt: skip
    prep = dialect.identifier_preparer
    return (f"INSERT INTO {prep.format_table(table)} ({', '.join(map(prep.quote, columns))}) "
            f"VALUES ({', '.join([mark] * len(columns))})")  # fmt: skip


def insert_packed(conn: Connection, store: Store, table: Table, columns: Sequence[str],
                  rows: Sequence[Packed]) -> None:  # fmt: skip
    """Insert tuples in the order of ``columns`` with one ``executemany``."""
    if rows:
        conn.exec_driver_sql(insert_sql(store, table, columns), list(rows))


def _stamp(store: Store, run_id: int) -> Packed:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    coded_at = store.tables.articles.c.coded_at
    to_db = coded_at.type.bind_processor(store.engine.dialect)  # SQLite stores text
    return (run_id, to_db(now) if to_db else now)


def _write(conn: Connection, store: Store, batch: Sequence[PackedRows], run_id: int,
           recode: bool) -> WriteResult:  # fmt: skip
    t = store.tables
    stored = _versions(conn, store, list(dict.fromkeys(r.key for r in batch)))
    todo: list[PackedRows] = []
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
    columns = row_columns()
    stamp = _stamp(store, run_id)
    insert_packed(conn, store, t.articles, columns["articles"] + STAMP,
                  [r.tables["articles"][0] + stamp for r in todo])  # fmt: skip
    for name in ROW_TABLES[1:]:
        insert_packed(conn, store, getattr(t, name), columns[name],
                      [row for r in todo for row in r.tables[name]])  # fmt: skip
    return WriteResult(len(todo), replaced, present, sum(len(r.tables["events"]) for r in todo))


def write_articles(store: Store, batch: Sequence[Rows], *, run_id: int,
                   recode: bool = False) -> WriteResult:  # fmt: skip
    """Write a batch in one transaction; an article that breaks it is retried alone and reported.

    Articles already stored are left alone, unless ``recode`` and their lexicon version
    differs: then their old rows are replaced in the same transaction.
    """
    packed = [r if isinstance(r, PackedRows) else pack_rows(r) for r in batch]
    try:
        with store.engine.begin() as conn:
            return _write(conn, store, packed, run_id, recode)
    except (IntegrityError, DataError):
        pass  # find the article that broke the batch
    totals = [0, 0, 0, 0]
    failed: list[tuple[Rows, str]] = []
    for original, rows in zip(batch, packed, strict=True):
        try:
            with store.engine.begin() as conn:
                res = _write(conn, store, [rows], run_id, recode)
        except (IntegrityError, DataError) as exc:
            failed.append((original, f"store rejected the article: {str(exc.orig)[:300]}"))
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
