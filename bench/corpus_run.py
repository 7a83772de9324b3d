"""Benchmark: code the shared news corpus into SQLite with 2 workers, against the coder alone.

Each repetition times the single-process coder (no store) and then ``hadath run --workers 2``
(``run_corpus`` into a new SQLite file) back to back, so that both meet the same load, and
prints: articles/s of each, the ratio of the 2-worker run to twice the coder alone (target
>= 0.80), and the CPU seconds of the run's main process and of its workers (getrusage
SELF and CHILDREN), with the main process's CPU in the serial parts of the run (before the
workers get their first records, and after the last result: final commit, stories).

On a shared machine the wall-clock figures move with the other jobs; CPU seconds move much
less. So each line also gives an estimate for 2 idle cores: the serial parts, plus the
rest of the run's CPU spread over 2 cores, against the coder alone's CPU (it assumes the
workers never wait for the main process). Medians over the repetitions at the end.

Run: python bench/corpus_run.py [CORPUS.jsonl] [--runs 3] [--workers 2] [--inline]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from hadath.batch.run import RunOptions, RunStats, run_corpus
from hadath.batch.worker import default_factory
from hadath.pipeline import Coder
from hadath.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arabic_news.jsonl"


def cpu_seconds() -> tuple[float, float]:
    """User + system CPU seconds of this process and of its finished (joined) children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of the largest finished child, in MB (Linux: KB units)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


@dataclass(frozen=True)
class Coded:
    """The coder alone over the corpus: articles/s, CPU seconds, articles, events."""

    rate: float
    cpu: float
    articles: int
    events: int


@dataclass(frozen=True)
class Stored:
    """A corpus run: articles/s, CPU seconds of the main process (all, and in the serial
    parts) and of the workers."""

    rate: float
    cpu_main: float
    cpu_serial: float
    cpu_workers: float
    articles: int
    events: int

    @property
    def main_share(self) -> float:
        """The main process's part of the run's CPU time."""
        return self.cpu_main / (self.cpu_main + self.cpu_workers)

    def idle_seconds(self, workers: int) -> float:
        """The run's length on idle cores: serial parts, then the rest spread over the cores."""
        return self.cpu_serial + (self.cpu_main - self.cpu_serial + self.cpu_workers) / workers


class Phases:
    """A progress receiver noting the main process's CPU clock at start, last update, finish."""

    def __init__(self) -> None:
        self.started = self.last = self.finished = 0.0

    def start(self, stats: RunStats) -> None:
        """The workers are up; reading starts."""
        self.started = time.process_time()

    def update(self, stats: RunStats) -> None:
        """Results taken (the last call comes after the last result)."""
        self.last = time.process_time()

    def finish(self, stats: RunStats) -> None:
        """Final commit and stories done."""
        self.finished = time.process_time()


def coder_alone(coder: Coder, records: list[dict[str, str]]) -> Coded:
    """Articles/s of one in-process Coder over the corpus, without any store."""
    cpu0, start = time.process_time(), time.perf_counter()
    events = 0
    for r in records:
        events += len(coder.code(r["text"], r.get("date"), title=r.get("title"),
                                 source=r.get("source"), id=r.get("id")).events)  # fmt: skip
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu0
    return Coded(len(records) / elapsed, cpu, len(records), events)


def corpus_run(path: Path, workers: int, tmp: Path) -> Stored:
    """``hadath run --workers N`` into a new SQLite file (stories included)."""
    db = tmp / f"bench-{workers}-{time.monotonic_ns()}.db"
    store = open_store(str(db))
    opts = RunOptions(workers=workers, rejects=tmp / "rejects.jsonl")
    phases = Phases()
    cpu0, own0 = cpu_seconds(), time.process_time()
    start = time.perf_counter()
    summary = run_corpus(store, [path], default_factory(), opts, phases)
    elapsed = time.perf_counter() - start
    cpu1 = cpu_seconds()
    store.close()
    db.unlink()
    serial = (phases.started - own0) + (phases.finished - phases.last)
    return Stored(summary.stats.coded / elapsed, cpu1[0] - cpu0[0], serial, cpu1[1] - cpu0[1],
                  summary.stats.coded, summary.stats.events)  # fmt: skip


def _load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--runs", type=int, default=3, help="repetitions")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--inline", action="store_true", help="also time --workers 1 (no pool)")
    args = ap.parse_args()
    path: Path = args.corpus
    if not path.is_file():
        print(f"skipped: corpus {path} not found (give a JSONL path as argument)")
        return
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    coder = Coder()  # the lexicon is loaded once, before any timing
    print(f"corpus {path.name}: {len(records)} articles; {os.cpu_count()} CPUs, {_load()} "
          "(other processes on the machine lower the wall-clock ratios)")  # fmt: skip
    n = args.workers
    ratios, idle_ratios, shares, singles, multis = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(1, args.runs + 1):
            alone = coder_alone(coder, records)
            run = corpus_run(path, n, Path(tmp))
            if run.articles != alone.articles or run.events != alone.events:
                print(f"  note: the run stored {run.articles} articles, {run.events} events; "
                      f"the coder alone found {alone.events} events")  # fmt: skip
            ratio = run.rate / (n * alone.rate)
            idle_ratio = alone.cpu / (n * run.idle_seconds(n))
            print(f"run {i}: coder alone {alone.rate:6.1f} art/s (CPU {alone.cpu:5.1f} s) | "
                  f"hadath run --workers {n} {run.rate:6.1f} art/s | ratio {ratio:.2f} | "
                  f"CPU s main {run.cpu_main:4.2f} (serial {run.cpu_serial:4.2f}) + workers "
                  f"{run.cpu_workers:5.1f}: main {run.main_share:.1%} | idle-core estimate "
                  f"{idle_ratio:.2f} | {_load()}")  # fmt: skip
            if args.inline:
                one = corpus_run(path, 1, Path(tmp))
                print(f"       hadath run --workers 1 {one.rate:6.1f} art/s "
                      f"(x{one.rate / alone.rate:.2f} the coder alone)")  # fmt: skip
            ratios.append(ratio)
            idle_ratios.append(idle_ratio)
            shares.append(run.main_share)
            singles.append(alone.rate)
            multis.append(run.rate)
    me, kids = peak_rss_mb()
    med = statistics.median
    print(f"median of {args.runs}: coder alone {med(singles):.1f} art/s, --workers {n} "
          f"{med(multis):.1f} art/s, ratio {med(ratios):.2f} (target >= 0.80; range "
          f"{min(ratios):.2f}-{max(ratios):.2f}), main share of CPU {med(shares):.1%}, "
          f"idle-core estimate {med(idle_ratios):.2f}")  # fmt: skip
    print(f"peak RSS: main {me:.0f} MB, largest worker {kids:.0f} MB, "
          f"main + {n} workers <= {me + n * kids:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
