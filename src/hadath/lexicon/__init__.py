"""The lexicons: countries, people, organisations, agents, event words, places, function words.

``load_lexicon()`` reads the shipped data (plus user directories) once and builds the
phrase index every stage matches against.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..normalize import fold
from .entries import ActorSense, EventSense, Example, FunctionSense, PlaceSense, Sense
from .index import Clitics, Match, PhraseIndex, build_prefixes
from .load import DATA_DIR, LexiconError, collect

__all__ = ["Lexicon", "load_lexicon", "LexiconError", "ActorSense", "EventSense",
           "FunctionSense", "PlaceSense", "Sense", "Match", "Example", "DATA_DIR"]  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
    """Everything hadath knows, indexed for matching. Built once, shared read-only."""

    index: PhraseIndex
    language: dict[str, Any]
    time: dict[str, Any]
    version: str
    examples: tuple[Example, ...]
    problems: tuple[str, ...]
    counts: dict[str, int]
    dirs: tuple[Path, ...]
    countries: dict[str, ActorSense]  # code → the country's own sense (its name and id)
    _words: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False,
                                                          compare=False)  # fmt: skip

    def words(self, *path: str) -> frozenset[str]:
        """A folded word set from language.yaml, e.g. ``words('clitics', 'conjunctions')``."""
        cached = self._words.get(path)
        if cached is not None:
            return cached
        result = self._read_words(path)
        self._words[path] = result
        return result

    def _read_words(self, path: tuple[str, ...]) -> frozenset[str]:
        node: Any = self.language
        for p in path:
            node = node.get(p, {}) if isinstance(node, dict) else {}
        items = node if isinstance(node, list) else [node] if isinstance(node, str) else []
        return frozenset(fold(str(w)) for w in items)


def build_lexicon(dirs: tuple[Path, ...]) -> Lexicon:
    """Read and index the lexicon directories (the shipped one first)."""
    col = collect(list(dirs))
    cl = col.language.get("clitics") or {}
    clitics = Clitics(
        prefixes=build_prefixes(
            [fold(c) for c in cl.get("conjunctions", [])],
            [fold(c) for c in cl.get("prepositions", [])],
            fold(cl.get("article", "")), fold(cl.get("lam_article", "")),
            fold(cl.get("future", "")),
        ),
        pronouns=tuple(sorted((fold(p) for p in cl.get("pronouns", [])), key=len, reverse=True)),
        article=fold(cl.get("article", "")),
        lam_article=fold(cl.get("lam_article", "")),
        min_stem=int(cl.get("min_stem", 2)),
    )
    index = PhraseIndex(clitics)
    index.linkers = frozenset(fold(c) for c in cl.get("prepositions", []))
    index.unsplittable = frozenset(fold(w) for w in col.language.get("unsplittable", []))
    countries: dict[str, ActorSense] = {}
    for key, sense, _ in col.keyed:
        index.add(key, sense)
        if isinstance(sense, ActorSense) and sense.kind == "country" and sense.country:
            countries.setdefault(sense.country, sense)
    return Lexicon(index=index, language=col.language, time=col.time,
                   version=col.digest.hexdigest()[:16], examples=tuple(col.examples),
                   problems=tuple(col.problems), counts=dict(col.counts), dirs=dirs,
                   countries=countries)  # fmt: skip


@functools.lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicon extended by user directories; cached per set of directories."""
    return build_lexicon((DATA_DIR, *(Path(p) for p in extra)))
