"""Flat tables of events, one row an event: CSV (csv module) and Parquet (pyarrow)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from ..store.reader import EventView, Row
from .scales import cameo_root, quad_class, score

# (column, pyarrow type name)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("article_id", "string"), ("day", "date32"),
    ("date_start", "date32"), ("date_end", "date32"), ("date_text", "string"),
    ("type", "string"), ("mode", "string"), ("modality", "string"), ("context", "string"),
    ("actor_code", "string"), ("actor_name", "string"), ("actor_country", "string"),
    ("actor_sector", "string"), ("recipient_code", "string"), ("recipient_name", "string"),
    ("recipient_country", "string"), ("recipient_sector", "string"),
    ("place_name", "string"), ("place_country", "string"), ("lat", "float64"),
    ("lon", "float64"), ("trigger_text", "string"), ("sentence", "string"),
    ("cameo_root", "string"), ("quad_class", "int8"), ("score", "float64"),
    ("story_id", "int64"), ("story_mentions", "int64"), ("story_sources", "int64"),
    ("source", "string"), ("url", "string"), ("title", "string"), ("published", "date32"),
)  # fmt: skip
NAMES = tuple(c for c, _ in COLUMNS)


def _names(ents: list[Row], key: str) -> str | None:
    vals = [e[key] for e in ents if e[key]]
    return ";".join(dict.fromkeys(vals)) if vals else None


def flat_row(view: EventView) -> dict[str, Any]:
    """One event as a flat row (several actors joined by ';')."""
    ev, art, story = view.event, view.article, view.story or {}
    return {
        "event_id": ev["event_key"], "article_id": art["id"], "day": ev["day"],
        "date_start": ev["date_start"], "date_end": ev["date_end"],
        "date_text": ev["date_text"], "type": ev["type"], "mode": ev["mode"],
        "modality": ev["modality"], "context": ";".join(json.loads(ev["context"])) or None,
        "actor_code": ev["actor_code"] or None, "actor_name": _names(view.actors, "name"),
        "actor_country": _names(view.actors, "country"),
        "actor_sector": _names(view.actors, "sector"),
        "recipient_code": ev["recipient_code"] or None,
        "recipient_name": _names(view.recipients, "name"),
        "recipient_country": _names(view.recipients, "country"),
        "recipient_sector": _names(view.recipients, "sector"),
        "place_name": ev["place_name"], "place_country": ev["place_country"],
        "lat": ev["lat"], "lon": ev["lon"],
        "trigger_text": " … ".join(json.loads(ev["trigger_text"])),
        "sentence": ev["sentence_text"], "cameo_root": cameo_root(ev["type"], ev["mode"]),
        "quad_class": quad_class(ev["type"]), "score": score(ev["type"], ev["mode"]),
        "story_id": story.get("story_id"), "story_mentions": story.get("mentions"),
        "story_sources": story.get("sources"), "source": art["source"], "url": art["url"],
        "title": art["title"], "published": art["published"],
    }  # fmt: skip


def flat_rows(views: Iterable[EventView]) -> Iterator[dict[str, Any]]:
    """Flat rows."""
    return (flat_row(v) for v in views)


def write_csv(views: Iterable[EventView], out: TextIO) -> int:
    """Write a CSV with a header row (empty cell for null); returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in flat_rows(views):
        writer.writerow(row)
        n += 1
    return n


def write_parquet(views: Iterable[EventView], path: Path, batch: int = 10_000) -> int:
    """Write a Parquet file with typed columns, in row groups of ``batch``; returns the rows."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    schema = pa.schema([(c, getattr(pa, t)()) for c, t in COLUMNS])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        rows: list[dict[str, Any]] = []
        for row in flat_rows(views):
            rows.append(row)
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n
