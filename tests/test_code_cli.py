"""`hadath code`: the three formats on the shipped example, and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hadath.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


def _run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input)


def test_code_json_gives_the_visit_with_its_date_and_place() -> None:
    res = _run("code", str(EXAMPLE), "--published", "2024-03-11", "--format", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    first = doc["events"][0]
    assert (first["type"], first["mode"], first["modality"]) == ("CONSULT", "visit", "asserted")
    assert first["date"]["start"] == "2024-03-10"  # «الأحد» before a Monday publication
    assert first["place"]["name"] == "Cairo"
    text = doc["text"]
    for t in first["trigger"]:
        assert text[t["start"]:t["end"]] == t["text"]


def test_code_plover_records_and_table() -> None:
    res = _run("code", str(EXAMPLE), "--published", "2024-03-11", "--format", "plover")
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.output.splitlines()]
    assert recs[0]["event"] == ["CONSULT"] and recs[0]["actor"][0]["code"] == "JOR"
    table = _run("code", str(EXAMPLE), "--published", "2024-03-11")
    assert table.exit_code == 0 and "6 events" in table.output and "CONSULT" in table.output


def test_bad_input_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02binary")
    latin = tmp_path / "x.txt"
    latin.write_text("Only English here.", encoding="utf-8")
    cp1256 = tmp_path / "old.txt"
    cp1256.write_bytes("بحث الوزير".encode("cp1256"))
    for path, words in ((binary, "binary"), (latin, "no Arabic"), (cp1256, "not UTF-8")):
        res = _run("code", str(path))
        assert res.exit_code == 1 and words in res.output and "Traceback" not in res.output
    empty = _run("code", "-", input=b"   ")
    assert empty.exit_code == 1 and "empty" in empty.output


def test_missing_date_leaves_relative_dates_unresolved() -> None:
    res = _run("code", str(EXAMPLE), "--format", "json")
    assert res.exit_code == 0
    doc = json.loads(res.output[res.output.index("{"):])
    assert any("publication date" in w for w in doc["warnings"])
    assert doc["events"][0]["date"]["start"] is None
