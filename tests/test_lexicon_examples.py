"""Every example sentence written in the event lexicons is a test: hadath must code it.

An example passes when an event of its type is coded whose actor countries include the
example's actors and whose recipient countries include its recipients (when given). Examples
marked ``pending: "<reason>"`` in the YAML are sound but not yet coded: they xfail (not strict),
so the suite shows them and stays green.
"""

from __future__ import annotations

from functools import cache

import pytest
import yaml

from hadath import Coder
from hadath.lexicon import DATA_DIR, Example, load_lexicon

PUB = "2024-01-15"


@cache
def _pending() -> dict[tuple[str, str], str]:
    """(entry id, example text) → the reason it is pending, read from the event YAML files."""
    out: dict[tuple[str, str], str] = {}
    for path in sorted((DATA_DIR / "events").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("entries") or []:
            for ex in entry.get("examples") or []:
                if ex.get("pending"):
                    out[(str(entry.get("id", "")), str(ex.get("text", "")))] = str(ex["pending"])
    return out


def _params() -> list[object]:
    params: list[object] = []
    seen: dict[str, int] = {}
    for ex in load_lexicon().examples:
        seen[ex.entry] = seen.get(ex.entry, 0) + 1
        reason = _pending().get((ex.entry, ex.text))
        marks = [pytest.mark.xfail(reason=f"pending: {reason}", strict=False)] if reason else []
        params.append(pytest.param(ex, marks=marks, id=f"{ex.entry}-{seen[ex.entry]}"))
    return params


def test_examples_exist() -> None:
    assert load_lexicon().examples, "the event lexicons carry no examples"


def test_pending_examples_exist() -> None:
    """A `pending` mark must name an example that is still in the lexicon."""
    known = {(ex.entry, ex.text) for ex in load_lexicon().examples}
    assert set(_pending()) <= known


@pytest.mark.parametrize("example", _params())
def test_lexicon_example(coder: Coder, example: Example) -> None:
    events = coder.code(example.text, PUB).events
    coded = [(e.type, {a.country for a in e.actors}, {r.country for r in e.recipients})
             for e in events]  # fmt: skip
    assert any(t == example.type and set(example.actors) <= acts and set(example.recipients) <= recs
               for t, acts, recs in coded), coded  # fmt: skip
