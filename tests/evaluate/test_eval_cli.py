"""``hadath eval``: the commands run, print tables or JSON, and list errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hadath.cli import main


def test_eval_gold_json(gold_example: Path) -> None:
    res = CliRunner().invoke(main, ["eval", "gold", str(gold_example), "--json", "--errors"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["articles"] == 6
    assert data["levels"]["type"]["gold"] == 17
    assert {e["kind"] for e in data["errors"]} <= {"miss", "false positive", "partial"}


def test_eval_gold_table(gold_example: Path) -> None:
    res = CliRunner().invoke(main, ["eval", "gold", str(gold_example)])
    assert res.exit_code == 0, res.output
    assert "type+actors" in res.output and "place name" in res.output


def test_eval_gold_bad_file(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text("{not json\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "gold", str(p)])
    assert res.exit_code == 1 and "bad.jsonl:1" in res.output


def test_eval_gsr_needs_a_gsr_folder(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["eval", "gsr", str(tmp_path)])
    assert res.exit_code == 1 and "no *_gsr.csv" in res.output


def test_eval_corpus(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    rows = [
        {
            "id": "1",
            "date": "2024-06-10",
            "text": "بحث وزير الخارجية الروسي مع نظيره التركي العلاقات بين البلدين.",
        },
        {"id": "2", "text": "hello"},
    ]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "corpus", str(p), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert (data["articles"], data["uncodable"]) == (2, 1)
    assert set(data["types"]) >= {"CONSULT", "ASSAULT"}
    table = CliRunner().invoke(main, ["eval", "corpus", str(p), "--limit", "1"])
    assert table.exit_code == 0 and "per 1,000" in table.output
