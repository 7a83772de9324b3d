"""How a run shows its progress: a live rich bar on a terminal, a log line otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .run import RunStats, RunSummary


class BarProgress:
    """A live progress bar: records, articles/s, events, rejects, ETA."""

    def __init__(self, console: Console | None = None) -> None:
        self.bar = Progress(
            TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.0f} articles/s"),
            TextColumn("{task.fields[events]} events"),
            TextColumn("{task.fields[rejected]} rejects"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console or Console(stderr=True), refresh_per_second=4,
        )  # fmt: skip
        self.task: TaskID | None = None

    def start(self, stats: RunStats) -> None:
        """Show the bar."""
        self.bar.start()
        self.task = self.bar.add_task("coding", total=stats.total, rate=0.0, events=0,
                                      rejected=0)  # fmt: skip

    def update(self, stats: RunStats) -> None:
        """Move the bar."""
        if self.task is not None:
            self.bar.update(self.task, completed=stats.read, rate=stats.rate, events=stats.events,
                            rejected=stats.rejected)  # fmt: skip

    def finish(self, stats: RunStats) -> None:
        """Leave the final state on screen."""
        if self.task is not None:
            self.bar.update(self.task, total=stats.read)
        self.update(stats)
        self.bar.stop()


class LogProgress:
    """One plain line per ``every`` records read (for logs and pipes)."""

    def __init__(self, out: TextIO | None = None, every: int = 1000) -> None:
        self.out = out or sys.stderr
        self.every = every
        self.next = every

    def _line(self, stats: RunStats) -> None:
        stamp = time.strftime("%H:%M:%S")
        print(f"{stamp} {stats.read} read, {stats.coded} coded, {stats.skipped} already stored, "
              f"{stats.rejected} rejected, {stats.events} events, {stats.rate:.0f} articles/s",
              file=self.out, flush=True)  # fmt: skip

    def start(self, stats: RunStats) -> None:
        """Nothing to show yet."""

    def update(self, stats: RunStats) -> None:
        """Log when another thousand records were read."""
        while stats.read >= self.next:
            self._line(stats)
            self.next += self.every

    def finish(self, stats: RunStats) -> None:
        """Log the last counts."""
        self._line(stats)


def summary_lines(summary: RunSummary, db: str) -> list[str]:
    """The end-of-run summary, for people."""
    s = summary.stats
    lines = [
        f"run {summary.run_id} into {db} (lexicon {summary.lexicon_version}): "
        f"{s.read} records read in {s.elapsed:.1f} s ({s.rate:.0f}/s)",
        f"  coded and stored: {s.coded} articles, {s.events} events"
        + (f" ({s.replaced} re-coded)" if s.replaced else ""),
        f"  already stored (skipped): {s.skipped}",
        f"  without a publication date (coded, relative dates unresolved): {s.undated}",
        f"  rejected: {s.rejected}" + (f" -> {summary.rejects_file}" if s.rejected else ""),
    ]
    lines += [f"    {n:6d}  {reason}" for reason, n in s.reasons.most_common()]
    if summary.stories is not None:
        lines.append(f"  stories (events grouped across articles): {summary.stories}")
    return lines
