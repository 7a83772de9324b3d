"""Store tests run on SQLite and on PostgreSQL (the ``store`` fixture)."""

from store_fixtures import store

__all__ = ["store"]
