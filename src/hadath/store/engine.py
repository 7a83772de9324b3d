"""Open a store: a SQLite file (WAL, one writer) or a PostgreSQL database, the same tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from ..errors import HadathError
from .schema import Tables, build_tables


class StoreError(HadathError):
    """The store cannot be opened or written."""


@dataclass(frozen=True)
class Store:
    """An open event store: the engine and its tables."""

    engine: Engine
    tables: Tables
    url: str

    @property
    def is_sqlite(self) -> bool:
        """Whether the backend is SQLite."""
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()


def normalize_url(db: str) -> str:
    """A SQLAlchemy URL from a file path, a sqlite:// URL or a postgresql:// URL (psycopg 3)."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives a killed process
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def open_store(db: str, *, schema: str | None = None, prefix: str = "",
               create: bool = True) -> Store:  # fmt: skip
    """Open (and by default create) the store at ``db``; raises StoreError saying what to do."""
    url = normalize_url(db)
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise StoreError(f"cannot use database URL {db!r}: {exc}; give a file path, "
                         "sqlite:///FILE or postgresql://user@host/dbname") from exc  # fmt: skip
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        schema = None  # SQLite has no schemas: the prefix keeps tables apart
    tables = build_tables(schema, prefix)
    if create:
        try:
            with engine.begin() as conn:
                if schema:
                    conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
                tables.metadata.create_all(conn)
        except OperationalError as exc:
            engine.dispose()
            raise StoreError(f"cannot open the store {_safe(url)}: {exc.orig}; check that the "
                             "server runs and the path is writable") from exc  # fmt: skip
    return Store(engine, tables, url)


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
