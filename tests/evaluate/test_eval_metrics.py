"""Precision, recall, F1 and shares from counts."""

from __future__ import annotations

import pytest

from hadath.evaluate.metrics import Score, Share, share


def test_score_ratios() -> None:
    s = Score(tp=3, predicted=4, gold=6)
    assert s.precision == 0.75
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(0.6)
    assert s.as_dict() == {
        "tp": 3,
        "predicted": 4,
        "gold": 6,
        "precision": 0.75,
        "recall": 0.5,
        "f1": 0.6,
    }


def test_score_without_items_is_zero() -> None:
    assert (Score(0, 0, 0).precision, Score(0, 0, 0).recall, Score(0, 0, 0).f1) == (0, 0, 0)


def test_share() -> None:
    assert share([True, False, True, True]) == Share(3, 4)
    assert Share(3, 4).value == 0.75
    assert Share(0, 0).value == 0.0
