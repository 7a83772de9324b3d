"""A deterministic stand-in coder and a matching corpus generator for batch tests.

Tests of runs must not change when the real lexicon does; this coder finds events by
three fixed verbs and five country names. ``FAKE_CODER_DELAY`` (seconds per article)
slows it so that a test can kill a run half-way.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

from hadath.errors import InputError
from hadath.model import Article, Entity, Event, Span

COUNTRIES = {"تركيا": "TUR", "روسيا": "RUS", "مصر": "EGY", "إيران": "IRN", "فرنسا": "FRA"}
TEMPLATES = {
    "CONSULT": "التقى وزير خارجية {a} نظيره من {b} في العاصمة",
    "ASSAULT": "قصفت قوات {a} مواقع في {b} فجر اليوم",
    "PROTEST": "تظاهر آلاف في {a} احتجاجا على قرار {b}",
}
VERBS = {"التقى": "CONSULT", "قصفت": "ASSAULT", "تظاهر": "PROTEST"}


@dataclass(frozen=True)
class _Lexicon:
    version: str = "fake-1"


class FakeCoder:
    """Codes the generated corpus: one event per line with a known verb and two countries."""

    lexicon = _Lexicon()

    def code(self, text: str, published: dt.date | str | None = None, *,
             title: str | None = None, source: str | None = None,
             id: str | None = None) -> Article:  # fmt: skip
        delay = float(os.environ.get("FAKE_CODER_DELAY", "0"))
        if delay:
            time.sleep(delay)
        if not any("\u0600" <= ch <= "\u06ff" for ch in text):
            raise InputError("the article text has no Arabic (hadath codes Arabic news)")
        pub = dt.date.fromisoformat(published) if isinstance(published, str) else published
        events, pos = [], 0
        for i, line in enumerate(text.split("\n")):
            start, pos = pos, pos + len(line) + 1
            typ = next((t for v, t in VERBS.items() if line.startswith(v)), None)
            found = sorted((line.find(n), n) for n in COUNTRIES if n in line)
            if typ is None or len(found) < 2:
                continue
            ents = [Entity(n, start + at, start + at + len(n), n, COUNTRIES[n], "GOV")
                    for at, n in found[:2]]  # fmt: skip
            events.append(Event(f"e{i}", typ, None, "asserted", (ents[0],), (ents[1],),
                                (Span(start, start + 5),), (line[:5],),
                                Span(start, start + len(line)), i))  # fmt: skip
        return Article(text=text, published=pub, title=title, source=source, id=id,
                       events=tuple(events))  # fmt: skip


def make() -> FakeCoder:
    """The factory a run gets with --coder-factory fake_coder:make."""
    return FakeCoder()


def write_corpus(path: Path, n: int, seed: int = 7, bad_every: int = 0) -> int:
    """Write ``n`` generated articles as JSONL (plus a malformed line every ``bad_every``)."""
    rng = random.Random(seed)
    names = list(COUNTRIES)
    good = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if bad_every and i % bad_every == bad_every - 1:
                f.write('{"id": "broken", "text": \n')
                continue
            lines = []
            for _ in range(rng.randint(2, 6)):
                typ = rng.choice(list(TEMPLATES))
                a, b = rng.sample(names, 2)
                lines.append(TEMPLATES[typ].format(a=a, b=b))
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 20))
            rec = {
                "id": f"gen-{i}",
                "source": rng.choice(["وكالة أ", "وكالة ب", "صحيفة ج"]),
                "date": day.isoformat(),
                "title": f"خبر {i}",
                "text": "\n".join(lines),
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            good += 1
    return good
