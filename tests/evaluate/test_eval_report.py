"""Reports: tables render, JSON carries the numbers, error listings show what was coded."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from hadath.evaluate import report
from hadath.evaluate.corpus import CorpusResult
from hadath.evaluate.gsr import GsrError, GsrResult, TypeResult
from hadath.evaluate.metrics import Score, Share


def _render(items: list[Any]) -> str:
    console = Console(record=True, width=200)
    for t in items:
        console.print(t)
    return console.export_text()


def test_gsr_report(make_event: Any, make_entity: Any) -> None:
    ev = make_event("PROTEST", [(0, 5)], actors=(make_entity("الطلاب", "EGY", "EDU"),))
    err = GsrError("false positive", "PROTEST", "id1", "easy no", "نص الجملة", (ev,))
    t = TypeResult(
        "PROTEST",
        Score(1, 2, 4),
        {"yes": 4},
        0,
        Share(1, 2),
        Share(0, 0),
        Share(0, 0),
        Share(0, 0),
        (err,),
    )
    r = GsrResult((t,), Share(3, 4), Share(0, 0))
    text = _render(report.gsr_tables(r) + report.gsr_errors(r))
    assert "PROTEST" in text and "50.0" in text and "75.0% (3/4)" in text
    assert "FALSE POSITIVE" in text and "الطلاب (EGY EDU)" in text
    data = report.gsr_json(r, errors=True)
    assert data["types"]["PROTEST"]["sentences"]["recall"] == 0.25
    assert data["errors"][0]["hadath"] == ["PROTEST asserted الطلاب (EGY EDU) → - «t»"]


def test_corpus_report() -> None:
    r = CorpusResult(10, 0, 50, 4, {"CONSULT": 3, "AID": 1}, {"asserted": 4})
    text = _render(report.corpus_tables(r))
    assert "300.0" in text and "0.40 events per article" in text
    assert report.corpus_json(r)["types"]["CONSULT"] == {"events": 3, "per_1000": 300.0}
