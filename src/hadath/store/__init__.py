"""The event store: SQLite or PostgreSQL tables of articles, events, entities, places, quotes."""

from __future__ import annotations

from .engine import Store, StoreError, open_store
from .rows import ArticleRows, article_rows
from .writer import count_rows, write_articles

__all__ = ["Store", "StoreError", "open_store", "ArticleRows", "article_rows", "count_rows",
           "write_articles"]  # fmt: skip
