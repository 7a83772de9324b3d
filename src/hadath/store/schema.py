"""The tables of the event store (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Lists (contexts, triggers, warnings, evidence) are JSON text so that every column reads the
same way on both backends. ``docs/STORE.md`` documents each column; keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Tables:
    """The store's tables, bound to one MetaData (one schema or table prefix)."""

    metadata: MetaData
    runs: Table
    articles: Table
    events: Table
    event_entities: Table
    places: Table
    quotations: Table
    stories: Table
    story_mentions: Table


def build_tables(schema: str | None = None, prefix: str = "") -> Tables:
    """Declare the tables in a PostgreSQL ``schema`` (None: default) with a name ``prefix``."""
    md = MetaData(schema=schema)
    p = prefix
    ref = f"{schema}.{p}" if schema else p
    runs = Table(
        f"{p}runs", md,
        Column("run_id", Integer, primary_key=True, autoincrement=True),
        Column("started", DateTime, nullable=False),
        Column("finished", DateTime),
        Column("status", String(16), nullable=False),  # running, done
        Column("inputs", Text, nullable=False),  # JSON list of paths
        Column("lexicon_version", String(64), nullable=False),
        Column("hadath_version", String(32), nullable=False),
        Column("workers", Integer, nullable=False),
        Column("read", Integer, nullable=False, default=0),
        Column("coded", Integer, nullable=False, default=0),
        Column("skipped", Integer, nullable=False, default=0),
        Column("rejected", Integer, nullable=False, default=0),
        Column("events", Integer, nullable=False, default=0),
        Column("rejects_file", Text),
    )  # fmt: skip
    articles = Table(
        f"{p}articles", md,
        Column("article_key", String(40), primary_key=True),  # hash of id and text
        Column("id", Text, nullable=False),
        Column("text_hash", String(64), nullable=False),
        Column("lexicon_version", String(64), nullable=False),
        Column("source", Text),
        Column("url", Text),
        Column("title", Text),
        Column("published", Date),
        Column("text", Text, nullable=False),
        Column("input", Text),
        Column("line", Integer),
        Column("n_events", Integer, nullable=False),
        Column("warnings", Text, nullable=False),  # JSON list
        Column("cited_sources", Text, nullable=False),  # JSON list of names
        Column("run_id", Integer, nullable=False),
        Column("coded_at", DateTime, nullable=False),
        Index(f"ix_{p}articles_id", "id"),
        Index(f"ix_{p}articles_published", "published"),
    )  # fmt: skip
    events = Table(
        f"{p}events", md,
        Column("event_key", String(80), primary_key=True),
        Column("article_key", String(40), ForeignKey(f"{ref}articles.article_key"),
               nullable=False),
        Column("event_id", Text, nullable=False),  # id inside the article
        Column("type", String(16), nullable=False),
        Column("mode", Text),
        Column("modality", String(16), nullable=False),
        Column("context", Text, nullable=False),  # JSON list
        Column("actor_code", Text, nullable=False),  # e.g. TURGOV; several joined by ';'
        Column("recipient_code", Text, nullable=False),
        Column("day", Date),  # date_start, else the publication date
        Column("month", String(7)),  # YYYY-MM of day
        Column("week", String(8)),  # ISO week of day, YYYY-Www
        Column("date_start", Date),
        Column("date_end", Date),
        Column("date_text", Text),
        Column("place_name", Text),
        Column("place_country", String(8)),
        Column("lat", Float),
        Column("lon", Float),
        Column("triggers", Text, nullable=False),  # JSON [[start, end], ...]
        Column("trigger_text", Text, nullable=False),  # JSON list
        Column("sentence_index", Integer, nullable=False),
        Column("sentence_start", Integer, nullable=False),
        Column("sentence_end", Integer, nullable=False),
        Column("sentence_text", Text, nullable=False),
        Column("evidence", Text, nullable=False),  # JSON list
        Column("quote_id", Text),
        Column("source", Text),
        Index(f"ix_{p}events_article", "article_key"),
        Index(f"ix_{p}events_type_day", "type", "day"),
    )  # fmt: skip
    event_entities = Table(
        f"{p}event_entities", md,
        Column("event_key", String(80), ForeignKey(f"{ref}events.event_key"),
               primary_key=True),
        Column("role", String(10), primary_key=True),  # actor, recipient
        Column("position", Integer, primary_key=True),
        Column("text", Text, nullable=False),
        Column("name", Text, nullable=False),
        Column("country", String(8)),
        Column("sector", String(8)),
        Column("code", String(16), nullable=False),  # country + sector
        Column("entity_id", Text),
        Column("kind", String(16), nullable=False),
        Column("office", Text),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Index(f"ix_{p}event_entities_country", "country"),
    )  # fmt: skip
    places = Table(
        f"{p}places", md,
        Column("article_key", String(40), ForeignKey(f"{ref}articles.article_key"),
               primary_key=True),
        Column("position", Integer, primary_key=True),
        Column("text", Text, nullable=False),
        Column("name", Text, nullable=False),
        Column("country", String(8)),
        Column("lat", Float),
        Column("lon", Float),
        Column("place_id", Text),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    )  # fmt: skip
    quotations = Table(
        f"{p}quotations", md,
        Column("article_key", String(40), ForeignKey(f"{ref}articles.article_key"),
               primary_key=True),
        Column("quote_id", String(64), primary_key=True),
        Column("text", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("verb", Text),
        Column("speaker_text", Text),
        Column("speaker_name", Text),
        Column("speaker_country", String(8)),
        Column("speaker_sector", String(8)),
        Column("speaker_id", Text),
    )  # fmt: skip
    stories = Table(
        f"{p}stories", md,
        Column("story_id", Integer, primary_key=True, autoincrement=False),
        Column("type", String(16), nullable=False),
        Column("modality", String(16), nullable=False),
        Column("actor_code", Text, nullable=False),
        Column("recipient_code", Text, nullable=False),
        Column("date_start", Date, nullable=False),
        Column("date_end", Date, nullable=False),
        Column("mentions", Integer, nullable=False),
        Column("articles", Integer, nullable=False),
        Column("sources", Integer, nullable=False),
        Column("first_event_key", String(80), nullable=False),
    )  # fmt: skip
    story_mentions = Table(
        f"{p}story_mentions", md,
        Column("event_key", String(80), primary_key=True),
        Column("story_id", Integer, nullable=False),
        Index(f"ix_{p}story_mentions_story", "story_id"),
    )  # fmt: skip
    return Tables(md, runs, articles, events, event_entities, places, quotations, stories,
                  story_mentions)  # fmt: skip
