"""Explicit configuration: one frozen settings object passed down, no globals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    """How hadath codes an article.

    ``lexicon_dirs`` extend or override the shipped lexicon; ``max_chars`` bounds the text
    coded from one article (longer text is cut at a sentence end and a warning says so).
    """

    lexicon_dirs: tuple[str, ...] = ()
    max_chars: int = 200_000
    min_arabic_share: float = 0.3
    historical_years: int = 1  # acts dated this many years before publication are historical
