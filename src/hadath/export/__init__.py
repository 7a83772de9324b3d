"""Exports of the event store: PLOVER JSONL, a GDELT-style table, CSV and Parquet."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from ..store.engine import Store
from ..store.reader import EventFilter, iter_events
from .gdelt import write_gdelt
from .plover import plover_record, write_plover
from .tabular import write_csv, write_parquet

Format = Literal["plover", "gdelt", "csv", "parquet"]
FORMATS: tuple[str, ...] = ("plover", "gdelt", "csv", "parquet")

__all__ = ["export", "Format", "FORMATS", "plover_record", "EventFilter"]


def export(store: Store, format: Format, out: Path | None,
           flt: EventFilter | None = None) -> int:  # fmt: skip
    """Write the events matching ``flt`` to ``out`` (stdout when None); returns the count."""
    views = iter_events(store, flt)
    if format == "parquet":
        if out is None:
            raise ValueError("Parquet is binary: give an output file with -o FILE.parquet")
        return write_parquet(views, out)
    writer = {"plover": write_plover, "gdelt": write_gdelt, "csv": write_csv}[format]
    if out is None:
        return writer(views, sys.stdout)
    with out.open("w", encoding="utf-8", newline="") as f:
        return writer(views, f)
