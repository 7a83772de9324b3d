"""The shared store fixture of tests/store (SQLite and PostgreSQL)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_fixtures import new_database, store  # noqa: E402

__all__ = ["new_database", "store"]
