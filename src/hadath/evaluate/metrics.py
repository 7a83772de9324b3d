"""Counts and the ratios computed from them: precision, recall, F1 and shares right."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from ..model import Article


class CoderLike(Protocol):
    """What the evaluation needs of a coder: ``hadath.pipeline.Coder.code``."""

    def code(
        self,
        text: str,
        published: dt.date | str | None = None,
        *,
        title: str | None = None,
        source: str | None = None,
        id: str | None = None,
    ) -> Article: ...


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass(frozen=True, slots=True)
class Score:
    """True positives among predictions and gold items; P/R/F1 are 0.0 when undefined."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Share of predictions that are right."""
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float:
        """Share of gold items found."""
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The counts and the three ratios, rounded for reports."""
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Share:
    """How many of ``total`` items were right."""

    right: int
    total: int

    @property
    def value(self) -> float:
        """The share right, 0.0 over no items."""
        return _ratio(self.right, self.total)

    def as_dict(self) -> dict[str, float | int]:
        """The counts and the share, rounded for reports."""
        return {"right": self.right, "total": self.total, "share": round(self.value, 4)}


def share(flags: list[bool]) -> Share:
    """The share of true values in a list of judgements."""
    return Share(sum(flags), len(flags))
