"""The evaluation on the shared data: the GSR and the development gold read as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.evaluate.gold import label_counts, read_gold
from hadath.evaluate.gsr import read_gsr_dir

pytestmark = pytest.mark.shared


def test_gsr_reads(shared: Path) -> None:
    if not (shared / "gsr").is_dir():
        pytest.skip("../shared/gsr is absent")
    sentences, items = read_gsr_dir(shared / "gsr")
    assert {s.event_type for s in sentences} == {"PROTEST", "ASSAULT"}
    assert sum(s.label == "yes" for s in sentences if s.event_type == "PROTEST") == 57
    assert len(items) == 145 + 197
    assert all(s.gold is not None or s.label == "ambiguous" for s in sentences)


def test_gold_dev_reads(shared: Path) -> None:
    path = shared / "gold_dev" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared/gold_dev/dev.jsonl is absent")
    articles = read_gold(path)
    assert len(articles) == 60
    counts = label_counts(articles)
    assert sum(counts.values()) == 133 and counts["ASSAULT"] == 36
