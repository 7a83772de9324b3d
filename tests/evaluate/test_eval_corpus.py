"""Corpus counts: events per 1,000 articles by type, per article, and by modality."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hadath.evaluate.corpus import code_records, read_corpus, summarise
from hadath.model import Article


def test_summarise_counts(make_event: Any) -> None:
    a = Article(
        "x",
        None,
        events=(
            make_event("CONSULT", [(0, 1)]),
            make_event("ASSAULT", [(0, 1)], modality="future"),
        ),
    )
    b = Article("y", None, events=(make_event("CONSULT", [(0, 1)]),))
    r = summarise([a, b, None, Article("z", None)])
    assert (r.articles, r.uncodable, r.coded, r.events) == (4, 1, 3, 3)
    assert r.per_thousand("CONSULT") == 2000 / 3
    assert r.per_thousand("AID") == 0.0
    assert r.per_article == 1.0
    assert r.modalities == {"asserted": 2, "future": 1}


def test_read_and_code_with_limit(tmp_path: Path, fake_coder: Any) -> None:
    p = tmp_path / "c.jsonl"
    rows = [{"id": i, "text": f"نص {i}", "date": "2018-01-01"} for i in range(5)]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    assert len(list(read_corpus(p))) == 5
    coder = fake_coder({"نص 0": ((), ())})
    r = summarise(code_records(read_corpus(p, 3), coder))
    assert (r.articles, r.uncodable, coder.calls) == (3, 2, 3)
