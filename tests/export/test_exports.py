"""Every export format is read back by its natural reader; the scales cover every type."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from store_fixtures import coded_article

from hadath.batch.stories import build_stories
from hadath.export import export
from hadath.export.gdelt import COLUMNS as GDELT_COLUMNS
from hadath.export.gdelt import write_gdelt
from hadath.export.plover import write_plover
from hadath.export.scales import CAMEO_ROOT, QUAD_CLASS, SCORE, cameo_root, quad_class, score
from hadath.export.tabular import NAMES, write_csv
from hadath.model import PLOVER_TYPES
from hadath.store import article_rows, write_articles
from hadath.store.reader import EventFilter, iter_events
from hadath.store.writer import start_run

D = dt.date(2024, 3, 1)


@pytest.fixture
def filled(store):
    rid = start_run(store, inputs=["x"], lexicon_version="v", hadath_version="0", workers=1,
                    rejects_file=None)  # fmt: skip
    arts = [
        coded_article("a", D, kinds=(("CONSULT", "TUR", "RUS"), ("ASSAULT", "RUS", "UKR"))),
        coded_article("b", D + dt.timedelta(days=1), source="Other"),
        coded_article("c", None, kinds=(("PROTEST", "EGY", "EGY"),)),
    ]  # fmt: skip
    write_articles(
        store,
        [
            article_rows(a, article_id=str(a.id), hashed_text=f"h{a.id}", lexicon_version="v")
            for a in arts
        ],
        run_id=rid,
    )
    build_stories(store)
    return store


def test_plover_jsonl(filled) -> None:
    out = io.StringIO()
    assert write_plover(iter_events(filled), out) == 4
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    first = records[0]
    for key in (
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "mode",
        "context",
        "event_text",
        "text",
        "modality",
        "trigger",
        "evidence",
        "article_id",
    ):
        assert key in first
    consult = [r for r in records if r["event"] == ["CONSULT"]]
    assert len(consult) == 2 and consult[0]["story"]["mentions"] == 2
    assert consult[0]["story"]["sources"] == 2
    assert consult[0]["actor"][0] == {
        "code": "TUR",
        "sector": "GOV",
        "kind": "country",
        "entity_text": "وزير الخارجية التركي",
        "identifier_text": "Turkish FM",
    }
    assert consult[0]["mode"] == ["visit"] and consult[0]["event_scale"] == 4.0
    assert consult[0]["event_loc"]["country_code"] == "TUR"
    assert next(r for r in records if r["event"] == ["PROTEST"])["date"] is None


def test_gdelt_tsv(filled) -> None:
    out = io.StringIO()
    write_gdelt(iter_events(filled), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert list(rows[0]) == list(GDELT_COLUMNS) and len(rows) == 4
    assault = next(r for r in rows if r["PloverType"] == "ASSAULT")
    assert (assault["Actor1Code"], assault["Actor2Code"]) == ("RUSGOV", "UKRGOV")
    assert (assault["EventRootCode"], assault["QuadClass"]) == ("18", "4")
    assert float(assault["GoldsteinScale"]) == -9.0 and assault["Day"] == "20240301"
    consult = next(r for r in rows if r["PloverType"] == "CONSULT")
    assert (consult["NumMentions"], consult["NumSources"]) == ("2", "2")
    assert consult["ActionGeo_FullName"] == "Ankara" and float(consult["ActionGeo_Lat"]) == 39.93


def test_csv(filled) -> None:
    out = io.StringIO()
    write_csv(iter_events(filled, EventFilter(types=("CONSULT",))), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(NAMES) and len(rows) == 2
    assert rows[0]["actor_code"] == "TURGOV" and rows[0]["cameo_root"] == "04"


def test_parquet(filled, tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    assert export(filled, "parquet", path, EventFilter(country="RUS")) == 3
    table = pq.read_table(path)
    assert table.column_names == list(NAMES) and table.num_rows == 3
    rows = table.to_pylist()
    assert rows[0]["day"] == D and isinstance(rows[0]["lat"], float)
    with pytest.raises(ValueError, match="-o"):
        export(filled, "parquet", None)


def test_scales_cover_every_plover_type() -> None:
    assert set(CAMEO_ROOT) == set(QUAD_CLASS) == set(SCORE) == set(PLOVER_TYPES)
    assert cameo_root("CONSULT") == "04" and cameo_root("ASSAULT", "aerial") == "19"
    assert cameo_root("ASSAULT") == "18" and cameo_root("ACCUSE", "investigate") == "09"
    assert [quad_class(t) for t in ("AGREE", "AID", "THREATEN", "ASSAULT")] == [1, 2, 3, 4]
    assert score("CONSULT", "phone") == 1.5 and score("AID") == 10.0
    assert all(-10 <= v <= 10 for v in SCORE.values())
