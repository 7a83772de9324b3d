"""What hadath codes on a corpus: events per 1,000 articles by type, and their modality."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from .metrics import CoderLike


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """Counts over the coded articles of a corpus."""

    articles: int
    uncodable: int
    sentences: int
    events: int
    types: dict[str, int]
    modalities: dict[str, int]

    @property
    def coded(self) -> int:
        """Articles that could be coded."""
        return self.articles - self.uncodable

    def per_thousand(self, type_: str) -> float:
        """Events of a type per 1,000 coded articles."""
        return 1000 * self.types.get(type_, 0) / self.coded if self.coded else 0.0

    @property
    def per_article(self) -> float:
        """Events per coded article."""
        return self.events / self.coded if self.coded else 0.0


def read_corpus(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL corpus (blank lines skipped), at most ``limit`` of them."""

    def objects() -> Iterator[dict[str, Any]]:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)

    return islice(objects(), limit)


def code_records(
    records: Iterable[dict[str, Any]],
    coder: CoderLike,
) -> Iterator[Article | None]:
    """Code each record (fields text, date or published, title, source, id); None if uncodable."""
    for r in records:
        try:
            yield coder.code(
                str(r.get("text") or ""),
                r.get("date") or r.get("published"),
                title=r.get("title"),
                source=r.get("source"),
                id=str(r["id"]) if r.get("id") is not None else None,
            )
        except InputError:
            yield None


def summarise(articles: Iterable[Article | None]) -> CorpusResult:
    """Count articles, sentences, events by type and by modality."""
    n = uncodable = sentences = 0
    types: Counter[str] = Counter()
    modalities: Counter[str] = Counter()
    for a in articles:
        n += 1
        if a is None:
            uncodable += 1
            continue
        sentences += len(a.sentences)
        types.update(e.type for e in a.events)
        modalities.update(e.modality for e in a.events)
    return CorpusResult(n, uncodable, sentences, sum(types.values()), dict(types), dict(modalities))
