"""What the readers yield: a record to code, or a reject that says why it cannot be coded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..store.rows import article_key, text_hash

RAW_LIMIT = 1000  # characters of a rejected record kept in the rejects file


@dataclass(frozen=True, slots=True)
class Record:
    """One input article, not yet coded. ``kind`` 'html' means ``text`` is a whole page."""

    input: str
    line: int
    text: str
    id: str | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    kind: Literal["text", "html"] = "text"

    @property
    def text_hash(self) -> str:
        """The hash of the text as read (the page itself for HTML)."""
        return text_hash(self.text)

    @property
    def article_id(self) -> str:
        """The record's id, or one made from its text when the input has none."""
        return self.id if self.id else f"sha256:{self.text_hash[:20]}"

    @property
    def key(self) -> str:
        """The article's key in the store."""
        return article_key(self.article_id, self.text_hash)


@dataclass(frozen=True, slots=True)
class Reject:
    """An input record that cannot be coded: where it is, why, and (the start of) the record."""

    input: str
    line: int
    reason: str
    raw: str

    def as_json(self) -> dict[str, object]:
        """The rejects-file object of this reject."""
        return {"input": self.input, "line": self.line, "reason": self.reason,
                "raw": self.raw[:RAW_LIMIT]}  # fmt: skip


def reject(input: str, line: int, reason: str, raw: str | bytes) -> Reject:
    """A reject keeping at most the first 1,000 characters of the raw record."""
    if isinstance(raw, bytes):
        raw = raw[: RAW_LIMIT * 4].decode("utf-8", "replace")
    return Reject(input, line, reason, raw[:RAW_LIMIT])
