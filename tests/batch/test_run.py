"""Corpus runs: rejects, idempotence, re-coding, workers, kill -9 and restart (both backends)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_coder import FakeCoder, make, write_corpus
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from store_fixtures import Database

from hadath.batch.rejects import read_rejects
from hadath.batch.run import RunOptions, run_corpus
from hadath.store import Store, count_rows, open_store
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


RUN_COLUMNS = {"run_id", "coded_at"}  # which run wrote a row, and when: differ by design


def _snapshot(st: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table an article run fills, in key order, on either backend."""
    t = st.tables
    out = {}
    with st.engine.connect() as conn:
        for table in (t.articles, t.events, t.event_entities, t.places, t.quotations, t.stories,
                      t.story_mentions):  # fmt: skip
            cols = [c for c in table.columns if c.name not in RUN_COLUMNS]
            q = select(*cols).order_by(*table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(q)]
    return out


def _stored_articles(db: Database) -> int:
    """Articles stored so far by another process (0 before its tables exist)."""
    if db.schema is None and not Path(db.url).exists():
        return 0
    st = db.open(create=False)
    try:
        with st.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(st.tables.articles))
                       .scalar_one())  # fmt: skip
    except DBAPIError:  # not created yet, or locked for a moment
        return 0
    finally:
        st.close()


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


def _hadath(db: Database, corpus: Path, rejects: Path, delay: str) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        FAKE_CODER_DELAY=delay,
        PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
    )
    cmd = [sys.executable, "-c", "from hadath.cli import main; main()", "run", str(corpus),
           *db.cli_args, "--rejects", str(rejects), "--workers", "2", "--batch-size", "10",
           "--progress", "none", "--coder-factory", "fake_coder:make"]  # fmt: skip
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)  # fmt: skip


@pytest.mark.slow
def test_sigkill_and_restart_equals_a_clean_run(new_database, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    good = write_corpus(corpus, 300, bad_every=50)
    clean = new_database("clean").open()
    run_corpus(clean, [corpus], make, opts(tmp_path))

    db = new_database("killed")
    killed_rejects = tmp_path / "killed.rejects.jsonl"
    proc = _hadath(db, corpus, killed_rejects, "0.01")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if _stored_articles(db) >= 60:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    leftover = _running_in_group(proc.pid, wait=3.0)  # orphaned workers must exit
    if leftover:
        os.killpg(proc.pid, signal.SIGKILL)
    partial = _stored_articles(db)
    assert 0 < partial < good

    restart = _hadath(db, corpus, killed_rejects, "0")
    out, err = restart.communicate(timeout=60)
    assert restart.returncode == 0, err.decode()
    assert f"already stored (skipped): {partial}" in out.decode()
    st = db.open(create=False)
    try:
        restarted, expected = _snapshot(st), _snapshot(clean)
    finally:
        st.close()
        clean.close()
    assert [len(restarted[t]) for t in restarted] == [len(expected[t]) for t in expected]
    assert restarted == expected
    assert len(restarted["articles"]) == good
    assert read_rejects(killed_rejects) == read_rejects(tmp_path / "rejects.jsonl")
    assert not leftover, "worker processes outlived the killed run"


def test_two_workers_give_the_inline_result(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 80)
    dbs = []
    for workers in (1, 2):
        st = open_store(str(tmp_path / f"w{workers}.db"))
        run_corpus(st, [corpus], make, opts(tmp_path, workers=workers, chunk_size=3))
        dbs.append(_snapshot(st))
        st.close()
    assert dbs[0] == dbs[1] and dbs[0]["events"]


def test_real_coder_end_to_end(tmp_path: Path) -> None:
    from hadath.batch.worker import default_factory

    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 20)
    st = open_store(str(tmp_path / "real.db"))
    res = run_corpus(st, [corpus], default_factory(), opts(tmp_path, workers=2))
    assert res.stats.coded == 20 and res.stats.rejected == 0
    assert sum(1 for _ in iter_events(st)) == res.stats.events
