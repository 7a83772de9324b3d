"""Checks of the lexicon a user can run: schema problems, ambiguous aliases, role overlaps."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..model import Role
from . import ActorSense, EventSense, Lexicon, PlaceSense


@dataclass(frozen=True)
class Finding:
    """One thing the check found: an error (must fix) or a warning (an ambiguity to review)."""

    level: str  # error | warning
    message: str


def check(lexicon: Lexicon) -> list[Finding]:
    """Every problem in the lexicon: load errors, ambiguous aliases and overlapping roles."""
    out = [Finding("error", p) for p in lexicon.problems]
    out += _ambiguous(lexicon)
    out += _role_overlaps(lexicon)
    return out


def _ambiguous(lexicon: Lexicon) -> list[Finding]:
    """Aliases shared by entries of the same family (two people, two organisations …)."""
    out = []
    for key, senses in lexicon.index.senses.items():
        people = {s.id for s in senses if isinstance(s, ActorSense) and s.kind == "person"}
        orgs = {s.id for s in senses if isinstance(s, ActorSense) and s.kind == "org"}
        events = {s.type for s in senses if isinstance(s, EventSense)}
        for family, ids in (("people", people), ("organisations", orgs), ("event types", events)):
            if len(ids) > 1:
                shared = ", ".join(sorted(ids))
                out.append(Finding("warning", f"«{key}» is shared by {family}: {shared}"))
    return out


def _role_overlaps(lexicon: Lexicon) -> list[Finding]:
    """A person with two roles of different countries at once (same-country overlaps are fine);
    an organisation with two dated statuses at once (it has one status a day: an error)."""
    out = []
    seen: set[str] = set()
    for senses in lexicon.index.senses.values():
        for s in senses:
            if not isinstance(s, ActorSense) or s.kind not in ("person", "org") or s.id in seen:
                continue
            seen.add(s.id)
            if s.kind == "org":
                out += [Finding("error", f"{s.id} {s.name}: dated roles {a.start}..{a.end} and "
                                         f"{b.start}..{b.end} overlap")  # fmt: skip
                        for a, b in _overlapping(s.roles)]
                continue
            for a, b in _overlapping(tuple(r for r in s.roles if r.start)):
                if a.country != b.country:
                    out.append(Finding("warning", f"{s.id} {s.name}: roles for {a.country} and "
                                                  f"{b.country} overlap"))  # fmt: skip
    return out


def _overlapping(roles: tuple[Role, ...]) -> list[tuple[Role, Role]]:
    """Pairs of roles whose date ranges share a day (a missing bound is open)."""
    pairs = []
    for i, a in enumerate(roles):
        for b in roles[i + 1:]:
            a_start, b_start = a.start or dt.date.min, b.start or dt.date.min
            a_end, b_end = a.end or dt.date.max, b.end or dt.date.max
            if a_start <= b_end and b_start <= a_end:
                pairs.append((a, b))
    return pairs


def lookup(lexicon: Lexicon, word: str) -> list[tuple[str, str, str, object]]:
    """Which entries a word (or phrase) matches, and through which reading of its clitics."""
    from ..normalize import fold

    out: list[tuple[str, str, str, object]] = []
    norms = [fold(w) for w in word.split()]
    for m in lexicon.index.match(norms):
        for s in m.senses:
            out.append((m.key, m.prefix, m.suffix, s))
    if not out and len(norms) == 1:
        for sp in lexicon.index.splits(norms[0]):
            for s in lexicon.index.get(sp.stem):
                out.append((sp.stem, sp.prefix, sp.suffix, s))
    return out


def stats(lexicon: Lexicon) -> dict[str, int]:
    """Counts of entries by kind, and of the keys the index holds."""
    counts = dict(sorted(lexicon.counts.items()))
    counts["index keys"] = len(lexicon.index.senses)
    counts["inflected event forms"] = sum(
        1 for ss in lexicon.index.senses.values() if any(isinstance(s, EventSense) for s in ss))
    counts["place names"] = sum(
        1 for ss in lexicon.index.senses.values() if any(isinstance(s, PlaceSense) for s in ss))
    by_family: defaultdict[str, int] = defaultdict(int)
    for ss in lexicon.index.senses.values():
        for s in ss:
            if isinstance(s, ActorSense) and s.kind in ("group", "title", "body"):
                by_family[s.id] += 1
    counts["agents (distinct)"] = len(by_family)
    return counts
