"""Benchmark: code the shared news corpus into SQLite with 1 and 2 workers.

Prints articles/s, events and peak RSS of each run, the single-process coder throughput
(no store), and the ratio of 2-worker throughput to twice that (target >= 0.8).
Run: python bench/corpus_run.py [CORPUS.jsonl]
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from hadath.batch.run import RunOptions, run_corpus
from hadath.batch.worker import default_factory
from hadath.pipeline import Coder
from hadath.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arabic_news.jsonl"


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of the largest finished child, in MB (Linux: KB units)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def coder_throughput(path: Path) -> tuple[float, int, int]:
    """Articles/s of one in-process Coder over the corpus, without any store."""
    coder = Coder()
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    start = time.perf_counter()
    events = 0
    for r in records:
        events += len(coder.code(r["text"], r.get("date"), title=r.get("title"),
                                 source=r.get("source"), id=r.get("id")).events)  # fmt: skip
    return len(records) / (time.perf_counter() - start), len(records), events


def cpu_seconds() -> tuple[float, float]:
    """User + system CPU seconds of this process and of its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def corpus_run(path: Path, workers: int, tmp: Path) -> tuple[float, int, int, float, float]:
    """Articles/s, articles, events, main and worker CPU seconds of a run into new SQLite."""
    store = open_store(str(tmp / f"bench-{workers}.db"))
    opts = RunOptions(workers=workers, rejects=tmp / f"rejects-{workers}.jsonl")
    cpu0 = cpu_seconds()
    start = time.perf_counter()
    summary = run_corpus(store, [path], default_factory(), opts)
    elapsed = time.perf_counter() - start
    cpu1 = cpu_seconds()
    store.close()
    return (summary.stats.coded / elapsed, summary.stats.coded, summary.stats.events,
            cpu1[0] - cpu0[0], cpu1[1] - cpu0[1])  # fmt: skip


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    if not path.is_file():
        print(f"skipped: corpus {path} not found (give a JSONL path as argument)")
        return
    print(f"corpus {path} on {os.cpu_count()} CPUs (load average {os.getloadavg()[0]:.1f}: "
          "other processes share the CPUs and lower the ratios)")  # fmt: skip
    single, n, events = coder_throughput(path)
    print(f"coder alone (1 process, no store): {single:7.1f} articles/s, {n} articles, "
          f"{events} events")  # fmt: skip
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in (1, 2):
            load = os.getloadavg()[0]
            rate, coded, ev, cpu_main, cpu_workers = corpus_run(path, workers, Path(tmp))
            me, kids = peak_rss_mb()
            results[workers] = rate
            print(f"hadath run --workers {workers}: {rate:7.1f} articles/s, {coded} articles, "
                  f"{ev} events, peak RSS main {me:.0f} MB, largest worker {kids:.0f} MB, "
                  f"CPU s main {cpu_main:.1f} workers {cpu_workers:.1f}, "
                  f"load before {load:.1f}")  # fmt: skip
    ratio = results[2] / (2 * single)
    print(f"2-worker throughput / (2 x coder alone): {ratio:.2f} (target >= 0.80)")
    print(f"1-worker run / coder alone: {results[1] / single:.2f}")


if __name__ == "__main__":
    main()
