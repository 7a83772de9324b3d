"""Where hadath spends its time: a cProfile summary grouped by pipeline stage (module).

    python bench/profile.py [--corpus PATH] [--limit 500] [--top 15]

Profiles coding the first articles of the corpus (the lexicon is loaded before profiling;
its load is profiled separately). Time spent in the standard library or builtins (``re``,
``str`` methods …) is charged to the hadath module that called it, split by the callers'
cumulative time, so each stage's figure is what that stage costs; the folding
helper ``normalize.fold`` is charged the same way to the stage calling it.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from throughput import read_texts  # the sibling benchmark script (bench/ is on sys.path)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arabic_news.jsonl"
STAGES = (
    "normalize",
    "segment",
    "recognize",
    "classify",
    "attach",
    "resolve",
    "quotes",
    "merge",
    "timex",
    "lexicon.index",
    "pipeline",
)
Func = tuple[str, int, str]
HELPERS = {("normalize", "fold")}  # shared helpers: charged to the stage that calls them


def module_of(func: Func) -> str | None:
    """The hadath module (``resolve``, ``lexicon.index``) of a profiled function, if any."""
    path = func[0].replace("\\", "/")
    if "/hadath/" not in path or not path.endswith(".py"):
        return None
    mod = path.rsplit("/hadath/", 1)[1][:-3].replace("/__init__", "").replace("/", ".")
    return None if (mod, func[2]) in HELPERS else mod


def _owners(
    stats: dict[Func, Any],
    func: Func,
    depth: int,
    memo: dict[Func, dict[str, float]],
) -> dict[str, float]:
    if (mod := module_of(func)) is not None:
        return {mod: 1.0}
    if func in memo:
        return memo[func]
    callers = stats[func][4] if func in stats else {}
    total = sum(v[3] for v in callers.values())
    if depth > 30 or not callers or total <= 0:
        return {"(outside hadath)": 1.0}
    memo[func] = {"(outside hadath)": 1.0}  # guards against call cycles
    out: dict[str, float] = defaultdict(float)
    for caller, v in callers.items():
        for m, share in _owners(stats, caller, depth + 1, memo).items():
            out[m] += share * v[3] / total
    memo[func] = dict(out)
    return memo[func]


def by_module(stats: dict[Func, Any]) -> dict[str, float]:
    """Self time per hadath module, with library time charged to its hadath callers."""
    memo: dict[Func, dict[str, float]] = {}
    out: dict[str, float] = defaultdict(float)
    for func, (_, _, tt, _, _) in stats.items():
        for m, share in _owners(stats, func, 0, memo).items():
            out[m] += tt * share
    return dict(out)


def main() -> int:
    """Profile and print the summary."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found at {args.corpus}: profile skipped")
        return 0
    from hadath.errors import InputError
    from hadath.pipeline import Coder

    texts = read_texts(args.corpus, args.limit)
    load = cProfile.Profile()
    t0 = time.perf_counter()
    coder = load.runcall(Coder)
    print(f"lexicon load: {time.perf_counter() - t0:.2f} s (profiled); by module:")
    for m, s in sorted(by_module(pstats.Stats(load).stats).items(), key=lambda x: -x[1])[:6]:  # type: ignore[attr-defined]
        print(f"  {m:<22} {s:6.2f} s")

    def run() -> None:
        for text, date in texts:
            with contextlib.suppress(InputError):
                coder.code(text, date)

    prof = cProfile.Profile()
    prof.runcall(run)
    stats = pstats.Stats(prof)
    raw: dict[Func, Any] = stats.stats  # type: ignore[attr-defined]
    mods = by_module(raw)
    total = sum(mods.values())
    print(
        f"\ncoding {len(texts)} articles: {total:.2f} s under the profiler "
        f"({1000 * total / len(texts):.1f} ms an article)"
    )
    print(f"{'stage':<22} {'seconds':>8} {'%':>6}")
    order = [m for m in STAGES if m in mods] + sorted(
        (m for m in mods if m not in STAGES), key=lambda m: -mods[m]
    )
    for m in order:
        print(f"{m:<22} {mods[m]:8.2f} {100 * mods[m] / total:6.1f}")
    print(f"\ntop {args.top} functions by own time:")
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
