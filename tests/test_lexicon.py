"""The shipped lexicon loads whole and valid; user directories extend and override it."""

from __future__ import annotations

from pathlib import Path

from hadath import Coder, Settings
from hadath.lexicon import load_lexicon
from hadath.lexicon.check import check, lookup
from hadath.normalize import fold


def test_every_file_loads_without_errors() -> None:
    lex = load_lexicon()
    errors = [f.message for f in check(lex) if f.level == "error"]
    assert errors == []
    counts = lex.counts
    assert counts["people"] >= 2000 and counts["organisations"] >= 500
    assert counts["agents"] >= 300 and counts["event lemmas"] >= 600
    assert counts["countries"] >= 193 and counts["places"] >= 10000


def test_lookup_explains_the_clitics() -> None:
    rows = lookup(load_lexicon(), "وبحثت")
    assert any(key == fold("بحثت") and prefix == "و" for key, prefix, _, _ in rows)


def test_user_directory_adds_a_person_and_overrides_an_entry(tmp_path: Path) -> None:
    people = tmp_path / "people"
    people.mkdir()
    (people / "mine.yaml").write_text(
        "- id: hadath:zaid-example\n  name: Zaid Example\n  names: [زيد المثالي]\n"
        "  roles: [{country: JOR, sector: GOV, office: minister, start: 2020-01-01}]\n"
        "- id: Q1030425\n  name: Hakan Fidan (override)\n  names: [هاكان فيدان]\n"
        "  short: [فيدان]\n  roles: [{country: TUR, sector: GOV, office: test, start: 2000}]\n",
        encoding="utf-8")  # fmt: skip
    coder = Coder(Settings(lexicon_dirs=(str(tmp_path),)))
    art = coder.code("التقى زيد المثالي فيدان في عمان.", "2024-01-10")
    names = {e.name for ev in art.events for e in (*ev.actors, *ev.recipients)}
    assert "Zaid Example" in names
    assert "Hakan Fidan (override)" in names
