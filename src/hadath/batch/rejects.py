"""The rejects file: one JSON object a line for every record that could not be coded.

It is rewritten by each run, so after a restart it lists every bad record of the input
exactly once (rejected records are never stored, so each run meets all of them again).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import TracebackType

from .records import Reject


class RejectsFile:
    """Writes rejects as JSONL and counts them by reason (the text before any colon)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self.reasons: Counter[str] = Counter()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._f = path.open("w", encoding="utf-8")

    def add(self, item: Reject) -> None:
        """Write one reject (flushed, so a killed run leaves a readable file)."""
        self._f.write(json.dumps(item.as_json(), ensure_ascii=False) + "\n")
        self._f.flush()
        self.count += 1
        self.reasons[reason_kind(item.reason)] += 1

    def close(self) -> None:
        """Close the file."""
        self._f.close()

    def __enter__(self) -> RejectsFile:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        self.close()


def reason_kind(reason: str) -> str:
    """The short kind of a reject reason: 'malformed JSON: …' → 'malformed JSON'."""
    return reason.split(":", 1)[0].split("(", 1)[0].strip()


def read_rejects(path: Path) -> list[dict[str, object]]:
    """The rejects of a rejects file."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
