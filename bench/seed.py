"""Code the seed article (RT Arabic, June 2024) and print each event on one line.

    python bench/seed.py [PATH]

Reads ../shared/seed/rt_shoigu_fidan_2024.txt by default, published 2024-06-10; exits
with a message when the file is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hadath.evaluate.report import event_line
from hadath.model import Event
from hadath.pipeline import Coder

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "rt_shoigu_fidan_2024.txt"


def line(ev: Event) -> str:
    """One event: sentences, type and mode, modality, who → whom, trigger, date, place."""
    date = ""
    if ev.date is not None and ev.date.date_start is not None:
        end = ev.date.date_end
        date = f" date={ev.date.date_start}" + (
            f"..{end}" if end and end != ev.date.date_start else ""
        )
    place = f" place={ev.place.name}/{ev.place.country}" if ev.place else ""
    sents = ",".join(str(n) for n in ev.sentences or (ev.sentence_index,))
    mode = f"/{ev.mode}" if ev.mode else ""
    return f"S{sents} {event_line(ev).replace(ev.type, ev.type + mode, 1)}{date}{place}"


def main(argv: list[str]) -> int:
    """Code the seed article and print its events."""
    path = Path(argv[1]) if len(argv) > 1 else SEED
    if not path.is_file():
        print(f"seed article not found at {path}: skipped")
        return 0
    article = Coder().code(path.read_text(encoding="utf-8"), "2024-06-10", id=path.stem)
    print(f"{path.name}: {len(article.sentences)} sentences, {len(article.events)} events")
    for ev in article.events:
        print(line(ev))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
