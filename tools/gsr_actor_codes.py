"""Share of gold GSR actors whose country code hadath gets right.

The GSR development files (``protest_spans.json``, ``assault_spans.json``) hold one sentence
per item with gold spans: ``source_actor`` / ``target_actor`` tokens and ``source_role`` /
``target_role`` ``{main, role}`` codes. For the first span of each item, every actor whose gold
``main`` is a code (not "None", empty or missing) is checked: the sentence is coded with
``hadath.code(text)`` (no date), the gold tokens are located in the sentence, and the
recognised entity (``Article.entities``) that overlaps them most is compared on ``country``.
An actor that no entity overlaps counts as a miss.

Usage::

    python tools/gsr_actor_codes.py [/work/shared/gsr] [--misses 40] [--all]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import hadath
from hadath.model import Entity

FILES: tuple[str, ...] = ("protest_spans.json", "assault_spans.json")


@dataclass(frozen=True)
class Check:
    """One gold actor and what hadath made of it."""

    file: str
    side: str  # "source" or "target"
    gold: str
    text: str  # the gold actor as written
    sentence: str
    entity: Entity | None

    @property
    def got(self) -> str | None:
        return self.entity.country if self.entity is not None else None

    @property
    def ok(self) -> bool:
        return self.got == self.gold


def locate(sentence: str, tokens: list[str]) -> tuple[int, int] | None:
    """Character span of the gold tokens in the sentence (first occurrence), or None.

    Tries the whole token sequence (any whitespace between tokens) first, then the longest
    single token, so that a gold span with a repeated or reordered token still lands.
    """
    toks = [t for t in tokens if t.strip()]
    if not toks:
        return None
    pattern = r"\s*".join(re.escape(t) for t in toks)
    m = re.search(pattern, sentence)
    if m:
        return m.start(), m.end()
    starts = [(sentence.find(t), t) for t in toks]
    found = [(i, t) for i, t in starts if i >= 0]
    if not found:
        return None
    first = min(i for i, _ in found)
    last = max(i + len(t) for i, t in found)
    if last - first <= 4 * sum(len(t) + 1 for t in toks):
        return first, last
    i, t = max(found, key=lambda p: len(p[1]))
    return i, i + len(t)


def best_entity(entities: tuple[Entity, ...], span: tuple[int, int]) -> Entity | None:
    """The entity whose span overlaps the gold span most (ties: the earliest), or None."""
    best: Entity | None = None
    best_overlap = 0
    for ent in entities:
        overlap = min(ent.end, span[1]) - max(ent.start, span[0])
        if overlap > best_overlap:
            best, best_overlap = ent, overlap
    return best


def gold_code(role: object) -> str | None:
    """The gold country code of a role, or None when the actor carries no code."""
    if not isinstance(role, dict):
        return None
    main = role.get("main")
    if not isinstance(main, str) or main.strip() in ("", "None", "UNKNOWN"):
        return None
    return main.strip()


def run_file(path: Path) -> list[Check]:
    """Check every coded gold actor of the first span of each item of one GSR file."""
    items = json.loads(path.read_text(encoding="utf-8"))
    checks: list[Check] = []
    for item in items:
        spans = item.get("spans") or []
        if not spans:
            continue
        span = spans[0]
        sentence: str = item["text"]
        article = None
        for side in ("source", "target"):
            gold = gold_code(span.get(f"{side}_role"))
            tokens = span.get(f"{side}_actor") or []
            if gold is None or not tokens:
                continue
            if article is None:
                article = hadath.code(sentence)
            where = locate(sentence, tokens)
            entity = best_entity(article.entities, where) if where else None
            checks.append(Check(path.name, side, gold, " ".join(tokens), sentence, entity))
    return checks


def share(checks: list[Check]) -> str:
    ok = sum(c.ok for c in checks)
    pct = 100.0 * ok / len(checks) if checks else 0.0
    return f"{ok}/{len(checks)} = {pct:.1f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gsr_dir", nargs="?", default="/work/shared/gsr", type=Path)
    parser.add_argument("--misses", type=int, default=40, help="how many misses to list")
    parser.add_argument("--all", action="store_true", help="list every miss with its sentence")
    args = parser.parse_args(argv)

    all_checks: list[Check] = []
    for name in FILES:
        checks = run_file(args.gsr_dir / name)
        all_checks.extend(checks)
        src = [c for c in checks if c.side == "source"]
        tgt = [c for c in checks if c.side == "target"]
        print(f"{name}: {share(checks)}  (source {share(src)}, target {share(tgt)})")
    print(f"overall: {share(all_checks)}")

    misses = [c for c in all_checks if not c.ok]
    counts = Counter((c.text, c.gold, c.got) for c in misses)
    print(f"\n{len(misses)} misses; the {args.misses} most frequent (gold actor | gold | hadath):")
    for (text, gold, got), n in counts.most_common(args.misses):
        ent = next(c.entity for c in misses if (c.text, c.gold, c.got) == (text, gold, got))
        seen = f"«{ent.text}» {ent.country}/{ent.sector}" if ent else "not recognised"
        print(f"{n:3d}  {text[:40]:40s} | {gold} | {got}  [{seen}]")
        if args.all:
            sent = next(c.sentence for c in misses if (c.text, c.gold, c.got) == (text, gold, got))
            print(f"      {sent[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
