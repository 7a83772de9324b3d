"""Where records are coded: in worker processes (one coder each) or in this process."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Protocol

from .records import Record
from .worker import CoderFactory, CoderLike, Result, code_chunk, code_record, init_worker


class Handle(Protocol):
    """A submitted chunk; ``get`` waits for its results."""

    def get(self) -> list[Result]: ...


class Executor(Protocol):
    """Codes chunks of records, possibly in parallel."""

    def submit(self, chunk: Sequence[Record]) -> Handle: ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None: ...  # fmt: skip


class _Done:
    def __init__(self, results: list[Result]) -> None:
        self._results = results

    def get(self) -> list[Result]:
        return self._results


class InlineExecutor:
    """Codes in the calling process with one coder (``--workers 1``)."""

    def __init__(self, coder: CoderLike) -> None:
        self.coder = coder

    def submit(self, chunk: Sequence[Record]) -> Handle:
        """Code the chunk now."""
        return _Done([code_record(self.coder, r) for r in chunk])

    def __enter__(self) -> InlineExecutor:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        return None


def _exit_with_parent(parent: int) -> None:
    # a worker whose main process was killed (kill -9) would wait for tasks forever
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _init(factory: CoderFactory, parent: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    init_worker(factory)
    # the coder lives as long as the worker: spare it the collector's full scans (which
    # also copy the pages shared with the parent)
    gc.freeze()


class _Pending:
    def __init__(self, future: Future[list[Result]]) -> None:
        self._future = future

    def get(self) -> list[Result]:
        return self._future.result()


class PoolExecutor:
    """Codes in ``workers`` processes, each building its coder once.

    A ``concurrent.futures`` pool: its helper thread here reads each result when it comes.
    (``multiprocessing.Pool``'s worker-handler thread also waits on the result pipe, so it
    loops as long as a result lies unread: half a CPU second in a run of 3,600 articles,
    taken from the workers when there are as many cores as workers.)
    """

    def __init__(self, workers: int, factory: CoderFactory) -> None:
        methods = mp.get_all_start_methods()
        # fork shares the loaded lexicon copy-on-write and starts at once
        ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        self.pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                                        initargs=(factory, os.getpid()))  # fmt: skip
        # start the workers now, before the caller starts threads (a progress bar): a fork
        # while another thread holds a lock leaves that lock held in the child
        self.pool.submit(os.getpid).result()

    def submit(self, chunk: Sequence[Record]) -> Handle:
        """Queue the chunk for a worker."""
        return _Pending(self.pool.submit(code_chunk, list(chunk)))

    def __enter__(self) -> PoolExecutor:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        self.pool.shutdown(wait=et is None, cancel_futures=et is not None)
