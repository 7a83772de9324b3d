"""The corpus commands end to end through click: run, stories, export, query."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fake_coder import write_corpus

from hadath.cli import main


def test_run_export_query(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    good = write_corpus(corpus, 40, bad_every=10)
    db = str(tmp_path / "e.db")
    runner = CliRunner()
    args = ["run", str(corpus), "--db", db, "-w", "1", "--progress", "log",
            "--coder-factory", "fake_coder:make"]  # fmt: skip
    res = runner.invoke(main, args)
    assert res.exit_code == 0, res.output
    assert f"coded and stored: {good} articles" in res.output
    assert (tmp_path / "e.rejects.jsonl").exists()
    res = runner.invoke(main, ["export", "--db", db, "--type", "CONSULT", "--since", "2024-01-01"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines() if x.startswith("{")]
    assert lines and all(r["event"] == ["CONSULT"] for r in lines)
    res = runner.invoke(main, ["query", "dyad", "TUR", "RUS", "--db", db, "--as", "csv"])
    assert res.exit_code == 0 and res.output.startswith("month,direction,type,events")
    for name in ("meetings", "protests"):
        res = runner.invoke(main, ["query", name, "--db", db, "--as", "json"])
        assert res.exit_code == 0, res.output
    assert runner.invoke(main, ["stories", "--db", db]).output.endswith("stories\n")
    bad = runner.invoke(main, ["run", str(corpus), "--db", db, "--field", "body"])
    assert bad.exit_code == 2 and "OURS=THEIRS" in bad.output
