"""The corpus run: read, skip what is stored, code in workers, write in batches, count.

Resumable by construction: an article is written with all its rows in one transaction
and skipped when its key (id + text hash) is already stored, so a run killed at any
moment and started again finishes the job with nothing twice and nothing missing.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from itertools import islice
from pathlib import Path
from typing import Protocol, TypeVar

from ..store.engine import Store
from ..store.rows import PackedRows
from ..store.writer import existing_versions, start_run, update_run, write_articles
from .executor import Executor, Handle, InlineExecutor, PoolExecutor
from .readers import ReadOptions, estimate_records, read_inputs
from .records import Record, Reject, reject
from .rejects import RejectsFile
from .stories import build_stories
from .worker import CoderFactory, Result

T = TypeVar("T")


@dataclass(frozen=True)
class RunOptions:
    """How to run: workers, re-coding, batch sizes, where rejects go, whether to build stories."""

    workers: int = 1
    recode: bool = False
    rejects: Path = Path("hadath-rejects.jsonl")
    read: ReadOptions = field(default_factory=ReadOptions)
    batch_size: int = 200  # articles per commit
    chunk_size: int = 16  # records per worker task
    flush_seconds: float = 2.0  # commit at least this often when articles are waiting
    stories: bool = True
    estimate: bool = False  # count the input first (for a progress bar with an ETA)


@dataclass
class RunStats:
    """Counters of a run, updated as it goes."""

    read: int = 0
    coded: int = 0
    skipped: int = 0
    rejected: int = 0
    events: int = 0
    undated: int = 0
    replaced: int = 0
    total: int | None = None
    started: float = field(default_factory=time.monotonic)
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Records handled per second."""
        return self.read / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(frozen=True)
class RunSummary:
    """The outcome of a run."""

    run_id: int
    stats: RunStats
    rejects_file: Path
    lexicon_version: str
    stories: int | None


class Progress(Protocol):
    """Receives the counters while a run goes (a progress bar, a log, nothing)."""

    def start(self, stats: RunStats) -> None: ...

    def update(self, stats: RunStats) -> None: ...

    def finish(self, stats: RunStats) -> None: ...


class NoProgress:
    """Reports nothing."""

    def start(self, stats: RunStats) -> None:
        """Nothing."""

    def update(self, stats: RunStats) -> None:
        """Nothing."""

    def finish(self, stats: RunStats) -> None:
        """Nothing."""


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _hadath_version() -> str:
    try:
        return version("hadath")
    except PackageNotFoundError:
        return "unknown"


class _Run:
    """The state of one run in the main process (the single writer)."""

    def __init__(self, store: Store, run_id: int, opts: RunOptions, rejects: RejectsFile,
                 progress: Progress, stats: RunStats) -> None:  # fmt: skip
        self.store, self.run_id, self.opts = store, run_id, opts
        self.rejects, self.progress, self.stats = rejects, progress, stats
        self.buffer: list[PackedRows] = []
        self.last_flush = time.monotonic()

    def reject(self, item: Reject) -> None:
        self.rejects.add(item)
        self.stats.rejected += 1

    def take(self, results: list[Result]) -> None:
        for res in results:
            if isinstance(res, Reject):
                self.reject(res)
            else:
                self.buffer.append(res)
        due = time.monotonic() - self.last_flush > self.opts.flush_seconds
        if len(self.buffer) >= self.opts.batch_size or (due and self.buffer):
            self.flush()
        self.progress.update(self.stats)

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        self.last_flush = time.monotonic()
        if not batch:
            return
        res = write_articles(self.store, batch, run_id=self.run_id, recode=self.opts.recode)
        s = self.stats
        s.coded += res.written
        s.replaced += res.replaced
        s.skipped += res.present
        s.events += res.events
        failed = {id(rows) for rows, _ in res.failed}
        s.undated += sum(1 for r in batch
                         if id(r) not in failed and r.article["published"] is None)  # fmt: skip
        for rows, why in res.failed:
            a = rows.article
            self.reject(reject(a["input"] or "", a["line"] or 0, why, a["text"]))
        update_run(self.store, self.run_id, read=s.read, coded=s.coded, skipped=s.skipped,
                   rejected=s.rejected, events=s.events)  # fmt: skip


def _to_code(store: Store, records: Sequence[Record], recode: bool, lexicon: str) -> list[Record]:
    keys = [r.key for r in records]  # each a hash of the text: computed once
    stored = existing_versions(store, keys)
    return [r for r, k in zip(records, keys, strict=True)
            if k not in stored or (recode and stored[k] != lexicon)]  # fmt: skip


def run_corpus(
    store: Store,
    inputs: Sequence[Path],
    factory: CoderFactory,
    opts: RunOptions | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Code every article of ``inputs`` into ``store``; bad records go to the rejects file."""
    opts = opts or RunOptions()
    progress = progress or NoProgress()
    coder = factory()  # built before forking: the workers share its pages
    lexicon = coder.lexicon.version
    run_id = start_run(store, inputs=[str(p) for p in inputs], lexicon_version=lexicon,
                       hadath_version=_hadath_version(), workers=opts.workers,
                       rejects_file=str(opts.rejects))  # fmt: skip
    stats = RunStats(total=estimate_records(list(inputs), opts.read) if opts.estimate else None)
    executor: Executor = (PoolExecutor(opts.workers, factory) if opts.workers > 1
                          else InlineExecutor(coder))  # fmt: skip
    window = max(2, opts.workers * 3)  # chunks in flight: enough to keep every worker busy
    with RejectsFile(opts.rejects) as rejects, executor:
        run = _Run(store, run_id, opts, rejects, progress, stats)
        progress.start(stats)
        pending: deque[Handle] = deque()
        lookup = opts.chunk_size * window
        for items in chunked(read_inputs(list(inputs), opts.read), lookup):
            stats.read += len(items)
            records = []
            for item in items:
                if isinstance(item, Reject):
                    run.reject(item)
                else:
                    records.append(item)
            todo = _to_code(store, records, opts.recode, lexicon)
            stats.skipped += len(records) - len(todo)
            for chunk in chunked(todo, opts.chunk_size):
                pending.append(executor.submit(chunk))
                while len(pending) >= window:
                    run.take(pending.popleft().get())
            progress.update(stats)
        while pending:
            run.take(pending.popleft().get())
        run.flush()
        stats.reasons = rejects.reasons
    n_stories = build_stories(store) if opts.stories else None
    update_run(store, run_id, done=True, read=stats.read, coded=stats.coded,
               skipped=stats.skipped, rejected=stats.rejected, events=stats.events)  # fmt: skip
    progress.finish(stats)
    return RunSummary(run_id, stats, opts.rejects, lexicon, n_stories)
