"""Throughput of hadath on the Arabic news corpus, against a plain regex tokenisation pass.

    python bench/throughput.py [--corpus PATH] [--limit N] [--workers N] [--runs 3]

Prints the machine, start-up time (import + lexicon load in a fresh interpreter), then for
one process and for N worker processes (each builds its Coder once) articles/s,
sentences/s and MB/s (median of the runs), peak resident memory, and the ratio of hadath's
time to ``re.findall(r"\\w+", text)`` over the same texts in the same run. Exits with a
message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arabic_news.jsonl"
_WORD = re.compile(r"\w+")
_CODER = None

STARTUP = (
    "import time; t = time.perf_counter(); from hadath.pipeline import Coder; "
    "i = time.perf_counter(); Coder(); e = time.perf_counter(); print(i - t, e - i)"
)


def machine() -> str:
    """CPU model, cores usable by this process, Python and platform."""
    model = platform.processor() or "unknown CPU"
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name"):
                model = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{model}, {os.cpu_count()} cores ({usable} usable), Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )


def read_texts(path: Path, limit: int | None) -> list[tuple[str, str | None]]:
    """(text, date) of the first ``limit`` articles."""
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                out.append((obj["text"], obj.get("date")))
                if limit and len(out) >= limit:
                    break
    return out


def _init() -> None:
    global _CODER
    from hadath.pipeline import Coder

    _CODER = Coder()


def _code(item: tuple[str, str | None]) -> int:
    from hadath.errors import InputError

    assert _CODER is not None
    try:
        return len(_CODER.code(item[0], item[1]).sentences)
    except InputError:
        return 0


def _ready(_: int) -> int:
    time.sleep(0.05)
    return os.getpid()


def startup(runs: int) -> tuple[float, float]:
    """Median import time and lexicon load time, each in a fresh interpreter."""
    imports, loads = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True
        ).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
    return statistics.median(imports), statistics.median(loads)


def regex_pass(texts: list[tuple[str, str | None]]) -> float:
    """Seconds for one regex tokenisation pass over the texts."""
    t = time.perf_counter()
    for text, _ in texts:
        _WORD.findall(text)
    return time.perf_counter() - t


def one_process(texts: list[tuple[str, str | None]]) -> tuple[float, int]:
    """Seconds and sentences for coding the texts in this process (coder already built)."""
    t = time.perf_counter()
    sentences = sum(_code(x) for x in texts)
    return time.perf_counter() - t, sentences


def pooled(pool: mp.pool.Pool, texts: list[tuple[str, str | None]]) -> tuple[float, int]:
    """Seconds and sentences for coding the texts on a warm pool of workers."""
    t = time.perf_counter()
    sentences = sum(pool.imap_unordered(_code, texts, chunksize=8))
    return time.perf_counter() - t, sentences


def rate_line(
    label: str, secs: list[float], n: int, sentences: int, mb: float, regex: float
) -> str:
    """One row of results from the run times (median)."""
    s = statistics.median(secs)
    return (
        f"{label:<14} {n / s:9.1f} {sentences / s:11.1f} {mb / s:7.3f} "
        f"{s:8.2f}  x{s / regex:,.0f} regex   runs: {', '.join(f'{x:.2f}' for x in secs)}"
    )


def main() -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="first N articles (0: all)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found at {args.corpus}: benchmark skipped")
        return 0
    texts = read_texts(args.corpus, args.limit or None)
    mb = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
    print(f"machine:  {machine()}")
    print(
        f"corpus:   {args.corpus.name}, {len(texts)} articles, {mb:.2f} MB; "
        f"median of {args.runs} runs"
    )
    imp, load = startup(args.runs)
    print(
        f"start-up: {imp + load:.2f} s (import {imp:.2f} s + lexicon load {load:.2f} s, fresh "
        "interpreter)"
    )
    _init()
    _code(texts[0])  # warm caches
    regex = [regex_pass(texts) for _ in range(args.runs)]
    rx = statistics.median(regex)
    print(f"regex:    re.findall(r'\\w+') {len(texts) / rx:,.0f} articles/s, {mb / rx:.1f} MB/s")
    print(f"{'':<14} {'articles/s':>9} {'sentences/s':>11} {'MB/s':>7} {'seconds':>8}  ratio")
    single = [one_process(texts) for _ in range(args.runs)]
    sentences = single[0][1]
    print(rate_line("1 process", [s for s, _ in single], len(texts), sentences, mb, rx))
    rss_one = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with mp.Pool(args.workers, initializer=_init) as pool:
        pool.map(_ready, range(args.workers), chunksize=1)
        multi = [pooled(pool, texts) for _ in range(args.runs)]
    rss_worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        rate_line(f"{args.workers} workers", [s for s, _ in multi], len(texts), sentences, mb, rx)
    )
    print(f"peak RSS: {rss_one:.0f} MB in one process; {rss_worker:.0f} MB for the largest worker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
