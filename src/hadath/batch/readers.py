"""Readers for the input formats: JSONL, CSV, plain-text files and folders of HTML pages.

Each yields Records and Rejects in input order and never raises on bad data: a malformed
line, a wrong encoding or an oversized record becomes a Reject that says what to do.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, cast

from .records import Record, Reject, reject

Format = Literal["jsonl", "csv", "text", "html"]
FIELDS = ("id", "text", "date", "title", "source", "url")
SUFFIXES: dict[str, Format] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
}  # fmt: skip
Item = Record | Reject


@dataclass(frozen=True)
class ReadOptions:
    """How to read the input: field names, size limit, and a format for files without suffix."""

    fields: Mapping[str, str] = field(default_factory=dict)  # our name -> input field name
    max_bytes: int = 1_000_000
    format: Format | None = None

    def name(self, ours: str) -> str:
        """The input's field name for one of our fields."""
        return self.fields.get(ours, ours)


def parse_field_map(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``['text=body', 'date=published']`` as a mapping; raises ValueError saying the form."""
    out: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or ours.strip() not in FIELDS or not theirs.strip():
            raise ValueError(f"--field {pair!r}: write OURS=THEIRS with OURS one of "
                             f"{', '.join(FIELDS)} (e.g. --field text=body)")  # fmt: skip
        out[ours.strip()] = theirs.strip()
    return out


def format_of(path: Path, opts: ReadOptions) -> Format | None:
    """The format of a file, from its suffix (.gz ignored) or the --format option."""
    suffixes = [s for s in path.suffixes if s != ".gz"]
    return SUFFIXES.get(suffixes[-1].lower(), opts.format) if suffixes else opts.format


def _open(path: Path) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb")) if path.suffix == ".gz" else path.open("rb")


def _lines(f: IO[bytes], limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, bytes, too long) for each line, never holding more than ``limit`` bytes."""
    n = 0
    while True:
        raw = f.readline(limit + 1)
        if not raw:
            return
        n += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (more := f.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield n, raw, True
        else:
            yield n, raw, False


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


def from_mapping(obj: Mapping[str, Any], input: str, line: int, raw: str | bytes,
                 opts: ReadOptions) -> Item:  # fmt: skip
    """A record from a JSON object or CSV row, or a reject saying what is missing."""
    text = obj.get(opts.name("text"))
    if text is None:
        return reject(input, line, f"no text field {opts.name('text')!r} (name the text field "
                      "with --field text=NAME)", raw)  # fmt: skip
    if not isinstance(text, str):
        return reject(input, line, f"the text field is a {type(text).__name__}, not a string", raw)
    if not text.strip():
        return reject(input, line, "empty text", raw)
    v = {k: _text(obj.get(opts.name(k))) for k in ("id", "date", "title", "source", "url")}
    return Record(input, line, text, v["id"], v["date"], v["title"], v["source"], v["url"])


def read_jsonl(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """One JSON object a line (a .json file holding one array is read too)."""
    name = str(path)
    with _open(path) as f:
        head = f.read(64).lstrip()
    if head.startswith(b"["):
        yield from _read_json_array(path, opts)
        return
    with _open(path) as f:
        for n, raw, too_long in _lines(f, opts.max_bytes):
            if too_long:
                yield reject(name, n, f"record longer than {opts.max_bytes} bytes "
                             "(raise the limit with --max-bytes)", raw)  # fmt: skip
                continue
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield reject(name, n, f"not UTF-8 ({exc.reason} at byte {exc.start}): "
                             "re-encode the file as UTF-8", raw)  # fmt: skip
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield reject(name, n, f"malformed JSON: {exc.msg} at column {exc.colno}", text)
                continue
            if not isinstance(obj, dict):
                yield reject(name, n, f"a JSON {type(obj).__name__}, not an object", text)
                continue
            yield from_mapping(obj, name, n, text, opts)


def _read_json_array(path: Path, opts: ReadOptions) -> Iterator[Item]:
    name = str(path)
    try:
        with _open(path) as f:
            items = json.loads(f.read().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield reject(name, 0, f"unreadable JSON file ({exc}); write one object a line (JSONL)",
                     path.read_bytes()[:1000])  # fmt: skip
        return
    for i, obj in enumerate(items, 1):
        raw = json.dumps(obj, ensure_ascii=False)
        if len(raw.encode()) > opts.max_bytes:
            yield reject(name, i, f"record longer than {opts.max_bytes} bytes", raw)
        elif not isinstance(obj, dict):
            yield reject(name, i, f"a JSON {type(obj).__name__}, not an object", raw)
        else:
            yield from_mapping(obj, name, i, raw, opts)


def _is_utf8(values: list[str]) -> bool:
    try:
        for v in values:
            v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_csv(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """A CSV (or .tsv) file with a header row; quoted fields may span lines."""
    name = str(path)
    csv.field_size_limit(sys.maxsize // 2)  # we reject oversized records ourselves
    delimiter = "\t" if ".tsv" in path.suffixes else ","
    with _open(path) as fb:
        f = io.TextIOWrapper(fb, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.DictReader(f, delimiter=delimiter)
        start = 2
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield reject(name, reader.line_num, f"malformed CSV: {exc}", "")
                start = reader.line_num + 1
                continue
            line, start = start, reader.line_num + 1
            values = [v for v in row.values() if isinstance(v, str)]
            raw = delimiter.join(values)
            if not _is_utf8(values):
                raw = raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                yield reject(name, line, "not UTF-8: re-encode the file as UTF-8", raw)
            elif len(raw.encode()) > opts.max_bytes:
                yield reject(name, line, f"record longer than {opts.max_bytes} bytes "
                             "(raise the limit with --max-bytes)", raw)  # fmt: skip
            else:
                yield from_mapping(row, name, line, raw, opts)


def read_file_article(path: Path, opts: ReadOptions, kind: Format, root: Path) -> Item:
    """One article from a whole file: plain UTF-8 text, or an HTML page (any encoding)."""
    name = str(path)
    data = path.read_bytes()
    limit = opts.max_bytes * (5 if kind == "html" else 1)  # pages carry markup
    if len(data) > limit:
        return reject(name, 1, f"file larger than {limit} bytes (raise --max-bytes)", data)
    ident = str(path.relative_to(root)) if path != root else path.name
    if kind == "html":
        from trafilatura.utils import decode_file

        return Record(name, 1, decode_file(data), id=ident, kind="html")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return reject(name, 1, f"not UTF-8 ({exc.reason} at byte {exc.start}): re-encode the "
                      "file as UTF-8", data)  # fmt: skip
    if not text.strip():
        return reject(name, 1, "empty text", text)
    return Record(name, 1, text, id=ident)


def read_path(path: Path, opts: ReadOptions, root: Path | None = None) -> Iterator[Item]:
    """Every record of a file, or of every file under a folder (sorted, hidden files skipped)."""
    if path.is_dir():
        for sub in sorted(p for p in path.rglob("*") if p.is_file()):
            if not any(part.startswith(".") for part in sub.relative_to(path).parts):
                yield from read_path(sub, opts, root or path)
        return
    if not path.exists():
        yield reject(str(path), 0, "no such file or folder", "")
        return
    kind = format_of(path, opts)
    if kind == "jsonl":
        yield from read_jsonl(path, opts)
    elif kind == "csv":
        yield from read_csv(path, opts)
    elif kind in ("text", "html"):
        yield read_file_article(path, opts, kind, root or path.parent)
    else:
        yield reject(str(path), 0, "not a supported input: use .jsonl, .csv, .txt or .html "
                     "files (or --format)", "")  # fmt: skip


def read_inputs(paths: list[Path], opts: ReadOptions) -> Iterator[Item]:
    """Every record of every input path, in order."""
    for path in paths:
        yield from read_path(path, opts)


def estimate_records(paths: list[Path], opts: ReadOptions) -> int | None:
    """A quick count of input records for the progress bar (lines of JSONL/CSV, files)."""
    total = 0
    for path in paths:
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for f in files:
            kind = format_of(f, opts)
            if kind in ("jsonl", "csv") and f.suffix != ".gz":
                with f.open("rb") as fh:
                    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
                total += lines - (1 if kind == "csv" else 0)
            elif kind is not None:
                total += 1
    return total or None
