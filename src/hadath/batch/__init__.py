"""Corpus runs: read many articles, code them in worker processes, store them, group stories."""

from __future__ import annotations

from .readers import ReadOptions, parse_field_map, read_inputs
from .records import Record, Reject
from .run import RunOptions, RunStats, RunSummary, run_corpus
from .stories import build_stories
from .worker import default_factory

__all__ = ["ReadOptions", "parse_field_map", "read_inputs", "Record", "Reject", "RunOptions",
           "RunStats", "RunSummary", "run_corpus", "build_stories", "default_factory"]  # fmt: skip
