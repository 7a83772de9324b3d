"""The worker side of a run: build one coder per process, turn records into packed store rows.

Workers code and pack the rows (tuples ready to insert); the main process alone writes
to the store, so it does as little per article as possible.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ..errors import InputError
from ..model import Article
from ..pipeline import Coder
from ..settings import Settings
from ..store.rows import PackedRows, article_rows, pack_rows
from .records import Record, Reject, reject


class _Versioned(Protocol):
    @property
    def version(self) -> str: ...


class CoderLike(Protocol):
    """What a run needs of a coder: ``code`` and a lexicon version."""

    @property
    def lexicon(self) -> _Versioned: ...

    def code(self, text: str, published: dt.date | str | None = None, *,
             title: str | None = None, source: str | None = None,
             id: str | None = None) -> Article: ...  # fmt: skip


CoderFactory = Callable[[], CoderLike]
Result = PackedRows | Reject


def default_factory(settings: Settings | None = None) -> CoderFactory:
    """A picklable factory of the standard coder."""
    return functools.partial(Coder, settings or Settings())


# The coder of this worker process: a pool initializer can only hand state to later tasks
# through the module, so this is the one module-level variable of the batch package.
_coder: CoderLike | None = None


def init_worker(factory: CoderFactory) -> None:
    """Pool initializer: build this process's coder once."""
    global _coder
    _coder = factory()


def _extract_html(record: Record) -> Record | Reject:
    import trafilatura

    found = trafilatura.bare_extraction(record.text, url=record.url, with_metadata=True)
    doc: dict[str, Any] = {}
    if found is not None:
        doc = found if isinstance(found, dict) else found.as_dict()
    text = doc.get("text")
    if not text or not str(text).strip():
        return reject(record.input, record.line, "no article text found in the HTML page",
                      record.text)  # fmt: skip
    return Record(record.input, record.line, str(text), record.id,
                  record.date or doc.get("date"), record.title or doc.get("title"),
                  record.source or doc.get("sitename"), record.url or doc.get("url"))  # fmt: skip


def code_record(coder: CoderLike, record: Record) -> Result:
    """Code one record into packed store rows, or a reject saying why it could not be coded."""
    page = record
    if record.kind == "html":
        extracted = _extract_html(record)
        if isinstance(extracted, Reject):
            return extracted
        record = extracted
    try:
        article = coder.code(record.text, record.date, title=record.title,
                             source=record.source, id=record.article_id)  # fmt: skip
    except InputError as exc:
        return reject(record.input, record.line, str(exc), record.text)
    except Exception as exc:  # a coder bug must not stop a corpus run
        return reject(record.input, record.line,
                      f"coder error ({type(exc).__name__}: {exc}); please report it",
                      record.text)  # fmt: skip
    rows = article_rows(article, article_id=page.article_id, hashed_text=page.text_hash,
                        lexicon_version=coder.lexicon.version, url=record.url,
                        input=record.input, line=record.line)  # fmt: skip
    return pack_rows(rows)


def code_chunk(records: Sequence[Record]) -> list[Result]:
    """Pool task: code a chunk of records with this process's coder."""
    if _coder is None:
        raise RuntimeError("init_worker was not called in this process")
    return [code_record(_coder, r) for r in records]
