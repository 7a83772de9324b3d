"""Fixtures shared by the store, batch and export tests (imported by their conftest.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hadath.model import Article, Entity, Event, Place, Quote, Span, TimeExpression

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


def postgres_up() -> bool:
    """Whether the test PostgreSQL server answers."""
    try:
        import psycopg

        psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test",
                        connect_timeout=2).close()  # fmt: skip
        return True
    except Exception:
        return False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """An empty store on SQLite (a temp file) and on PostgreSQL (a schema of its own)."""
    from sqlalchemy import text

    from hadath.store import open_store

    if request.param == "sqlite":
        st = open_store(str(tmp_path_factory.mktemp("db") / "events.db"))
        yield st
        st.close()
        return
    if not postgres_up():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    st = open_store(PG_URL, schema=schema)
    yield st
    with st.engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    st.close()


@dataclass(frozen=True)
class Database:
    """Where a test's tables live: a SQLite file, or a PostgreSQL schema of its own."""

    url: str
    schema: str | None = None

    @property
    def cli_args(self) -> list[str]:
        """The options that point ``hadath run`` at it."""
        return ["--db", self.url] + (["--schema", self.schema] if self.schema else [])

    def open(self, create: bool = True):  # -> hadath.store.Store
        """Open the store; ``create=False`` to look at tables another process is making."""
        from hadath.store import open_store

        return open_store(self.url, schema=self.schema, create=create)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], Database]]:
    """Makes empty databases on SQLite (temp files) and PostgreSQL (schemas dropped after)."""
    made: list[Database] = []
    if request.param == "postgres" and not postgres_up():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    tag = uuid.uuid4().hex[:12]

    def make(name: str) -> Database:
        if request.param == "sqlite":
            db = Database(str(Path(tmp_path_factory.mktemp("db")) / f"{name}.db"))
        else:
            db = Database(PG_URL, f"t_{tag}_{name}")
        made.append(db)
        return db

    yield make
    schemas = [db.schema for db in made if db.schema]
    if schemas:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test",
                             autocommit=True) as conn:  # fmt: skip
            for schema in schemas:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def entity(text: str, start: int, country: str | None, sector: str | None = None,
           name: str | None = None) -> Entity:  # fmt: skip
    """An entity at a span."""
    return Entity(text=text, start=start, end=start + len(text), name=name or text,
                  country=country, sector=sector, kind="country")  # fmt: skip


def coded_article(id: str, published: dt.date | None, *,
                  kinds: tuple[tuple[str, str, str], ...] = (("CONSULT", "TUR", "RUS"),),
                  source: str = "Agency") -> Article:  # fmt: skip
    """An article with one sentence and one event per (type, actor country, recipient country)."""
    sentence = "بحث وزير الخارجية التركي مع نظيره الروسي في أنقرة اليوم."
    text = "\n".join([sentence] * len(kinds))
    events = []
    for i, (typ, a, r) in enumerate(kinds):
        base = i * (len(sentence) + 1)
        events.append(Event(
            id=f"e{i + 1}", type=typ, mode="visit" if typ == "CONSULT" else None,
            modality="asserted",
            actors=(entity("وزير الخارجية التركي", base + 4, a, "GOV", "Turkish FM"),),
            recipients=(entity("نظيره الروسي", base + 28, r, "GOV", "Russian FM"),),
            triggers=(Span(base, base + 3),), trigger_text=("بحث",),
            sentence=Span(base, base + len(sentence)), sentence_index=i,
            context=("diplomatic",),
            date=TimeExpression("اليوم", base + 51, base + 56, published, published)
            if published else None,
            place=Place("أنقرة", base + 45, base + 50, "Ankara", "TUR", 39.93, 32.86),
            evidence=("test",)))  # fmt: skip
    quote = Quote(id="q1", text="نريد السلام", start=0, end=3, speaker=None, verb="قال")
    return Article(text=text, published=published, title="عنوان", source=source, id=id,
                   events=tuple(events), quotes=(quote,),
                   places=(Place("أنقرة", 45, 50, "Ankara", "TUR", 39.93, 32.86),))  # fmt: skip
