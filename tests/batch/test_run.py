"""Corpus runs: rejects, idempotence, re-coding, workers, and a run killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_coder import FakeCoder, make, write_corpus

from hadath.batch.rejects import read_rejects
from hadath.batch.run import RunOptions, run_corpus
from hadath.store import count_rows, open_store
from hadath.store.reader import iter_events

HERE = Path(__file__).resolve().parent


def opts(tmp_path: Path, **kw: object) -> RunOptions:
    return RunOptions(rejects=tmp_path / "rejects.jsonl", **kw)  # type: ignore[arg-type]


def test_run_stores_rejects_and_is_idempotent(store, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    good = write_corpus(corpus, 60, bad_every=20)
    with corpus.open("a", encoding="utf-8") as f:
        f.write('{"id": "en", "text": "only English here"}\n')
        f.write('{"id": "undated", "text": "التقى وزير خارجية مصر نظيره من فرنسا"}\n')
    first = run_corpus(store, [corpus], make, opts(tmp_path))
    s = first.stats
    assert (s.read, s.coded, s.rejected, s.undated) == (62, good + 1, 4, 1)
    rejects = read_rejects(tmp_path / "rejects.jsonl")
    assert {r["line"] for r in rejects} == {20, 40, 60, 61}
    assert all(set(r) == {"input", "line", "reason", "raw"} for r in rejects)
    n_events = count_rows(store, ["events"])["events"]
    assert n_events == s.events > 0 and first.stories
    again = run_corpus(store, [corpus], make, opts(tmp_path))
    assert (again.stats.coded, again.stats.skipped, again.stats.rejected) == (0, good + 1, 4)
    assert count_rows(store, ["events"])["events"] == n_events


def test_recode_follows_the_lexicon_version(tmp_path: Path) -> None:
    st = open_store(str(tmp_path / "db.sqlite"))
    corpus = tmp_path / "c.jsonl"
    n = write_corpus(corpus, 10)
    run_corpus(st, [corpus], make, opts(tmp_path))

    class V2(FakeCoder):
        lexicon = type("L", (), {"version": "fake-2"})()  # type: ignore[assignment]

    plain = run_corpus(st, [corpus], V2, opts(tmp_path))
    assert plain.stats.coded == 0
    recoded = run_corpus(st, [corpus], V2, opts(tmp_path, recode=True))
    assert (recoded.stats.coded, recoded.stats.replaced) == (n, n)
    assert count_rows(st, ["articles"])["articles"] == n


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    out = {
        "articles": con.execute("SELECT article_key, id, text_hash, n_events FROM articles "
                                "ORDER BY 1").fetchall(),
        "events": con.execute("SELECT event_key, type, actor_code, recipient_code, day, "
                              "sentence_text FROM events ORDER BY 1").fetchall(),
        "entities": con.execute("SELECT event_key, role, position, code FROM event_entities "
                                "ORDER BY 1, 2, 3").fetchall(),
        "stories": con.execute("SELECT s.story_id, s.mentions, s.articles, s.sources, m.event_key"
                               " FROM stories s JOIN story_mentions m USING (story_id) "
                               "ORDER BY 1, 5").fetchall(),
    }  # fmt: skip
    con.close()
    return out


def _running_in_group(pgid: int, wait: float) -> list[int]:
    """Processes of a group that still run (zombies waiting for init do not count)."""
    deadline = time.monotonic() + wait
    while True:
        alive = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(stat.parent.name))
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def _hadath(db: Path, corpus: Path, delay: str) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        FAKE_CODER_DELAY=delay,
        PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
    )
    cmd = [
        sys.executable,
        "-c",
        "from hadath.cli import main; main()",
        "run",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        "2",
        "--batch-size",
        "10",
        "--progress",
        "none",
        "--coder-factory",
        "fake_coder:make",
    ]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)  # fmt: skip


@pytest.mark.slow
def test_sigkill_and_restart_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    good = write_corpus(corpus, 300, bad_every=50)
    clean = tmp_path / "clean.db"
    st = open_store(str(clean))
    run_corpus(st, [corpus], make, opts(tmp_path))
    st.close()

    db = tmp_path / "killed.db"
    proc = _hadath(db, corpus, "0.01")
    deadline = time.monotonic() + 30
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as con:
                    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
        if stored >= 60:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    leftover = _running_in_group(proc.pid, wait=3.0)  # orphaned workers must exit
    if leftover:
        os.killpg(proc.pid, signal.SIGKILL)
    with sqlite3.connect(db) as con:
        partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < good

    restart = _hadath(db, corpus, "0")
    out, err = restart.communicate(timeout=60)
    assert restart.returncode == 0, err.decode()
    assert f"already stored (skipped): {partial}" in out.decode()
    assert _snapshot(db) == _snapshot(clean)
    assert len(_snapshot(db)["articles"]) == good
    assert not leftover, "worker processes outlived the killed run"


def test_two_workers_give_the_inline_result(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 80)
    dbs = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        st = open_store(str(db))
        run_corpus(st, [corpus], make, opts(tmp_path, workers=workers, chunk_size=3))
        st.close()
        dbs.append(_snapshot(db))
    assert dbs[0] == dbs[1]


def test_real_coder_end_to_end(tmp_path: Path) -> None:
    from hadath.batch.worker import default_factory

    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 20)
    st = open_store(str(tmp_path / "real.db"))
    res = run_corpus(st, [corpus], default_factory(), opts(tmp_path, workers=2))
    assert res.stats.coded == 20 and res.stats.rejected == 0
    assert sum(1 for _ in iter_events(st)) == res.stats.events
