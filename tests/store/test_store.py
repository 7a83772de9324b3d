"""The store on both backends: writing, idempotence, re-coding, reading, stories, queries."""

from __future__ import annotations

import datetime as dt
import json

from store_fixtures import coded_article

from hadath.batch.stories import build_stories
from hadath.store import article_rows, count_rows, write_articles
from hadath.store.queries import dyad, meetings, protests
from hadath.store.reader import EventFilter, iter_events
from hadath.store.writer import existing_versions, start_run

D = dt.date(2024, 3, 1)


def rows(id: str, day: dt.date | None = D, version: str = "v1", **kw: object):
    art = coded_article(id, day, **kw)  # type: ignore[arg-type]
    return article_rows(
        art,
        article_id=id,
        hashed_text=f"hash-{id}",
        lexicon_version=version,
        input="in.jsonl",
        line=1,
    )


def run_id(store) -> int:
    return start_run(
        store, inputs=["in"], lexicon_version="v1", hadath_version="0", workers=1, rejects_file=None
    )


def test_rows_are_spans_of_the_text() -> None:
    r = rows("a", kinds=(("CONSULT", "TUR", "RUS"), ("ASSAULT", "RUS", "TUR")))
    text = r.article["text"]
    for ev in r.events:
        assert ev["sentence_text"] == text[ev["sentence_start"] : ev["sentence_end"]]
    for ent in r.entities:
        assert text[ent["start"] : ent["end"]] == ent["text"]
    assert [e["actor_code"] for e in r.events] == ["TURGOV", "RUSGOV"]
    assert r.events[0]["week"] == "2024-W09" and r.events[0]["month"] == "2024-03"


def test_write_is_idempotent(store) -> None:
    rid = run_id(store)
    batch = [rows("a"), rows("b", kinds=(("CONSULT", "TUR", "RUS"), ("PROTEST", "EGY", "EGY")))]
    res = write_articles(store, batch, run_id=rid)
    assert (res.written, res.events) == (2, 3)
    again = write_articles(store, batch + [rows("a")], run_id=rid)
    assert (again.written, again.present) == (0, 3)
    counts = count_rows(store)
    assert counts["articles"] == 2 and counts["events"] == 3
    assert counts["event_entities"] == 6 and counts["places"] == 2 and counts["quotations"] == 2
    assert existing_versions(store, [batch[0].key, "nope"]) == {batch[0].key: "v1"}


def test_recode_replaces_only_other_versions(store) -> None:
    rid = run_id(store)
    write_articles(store, [rows("a")], run_id=rid)
    same = write_articles(store, [rows("a")], run_id=rid, recode=True)
    assert same.replaced == 0 and same.present == 1
    new = rows("a", version="v2", kinds=(("ASSAULT", "RUS", "TUR"), ("AID", "TUR", "RUS")))
    res = write_articles(store, [new], run_id=rid, recode=True)
    assert (res.written, res.replaced, res.events) == (1, 1, 2)
    types = sorted(v.event["type"] for v in iter_events(store))
    assert types == ["AID", "ASSAULT"]
    assert count_rows(store)["event_entities"] == 4


def test_a_broken_article_does_not_sink_the_batch(store) -> None:
    rid = run_id(store)
    bad = rows("bad")
    bad.events.append(dict(bad.events[0]))  # duplicate event key
    res = write_articles(store, [rows("a"), bad, rows("b")], run_id=rid)
    assert res.written == 2 and len(res.failed) == 1 and res.failed[0][0] is bad
    assert count_rows(store)["articles"] == 2


def test_read_back_with_filters(store) -> None:
    rid = run_id(store)
    write_articles(store, [
        rows("a", D, kinds=(("CONSULT", "TUR", "RUS"),)),
        rows("b", D + dt.timedelta(days=40), kinds=(("PROTEST", "EGY", "EGY"),)),
        rows("c", None, kinds=(("ASSAULT", "IRN", "FRA"),)),
    ], run_id=rid)  # fmt: skip
    views = list(iter_events(store))
    assert len(views) == 3
    consult = next(v for v in views if v.event["type"] == "CONSULT")
    assert consult.actors[0]["code"] == "TURGOV" and consult.recipients[0]["country"] == "RUS"
    assert consult.article["id"] == "a" and json.loads(consult.event["context"]) == ["diplomatic"]
    assert [v.event["type"] for v in iter_events(store, EventFilter(types=("protest",)))] == [
        "PROTEST"
    ]
    assert {v.article["id"] for v in iter_events(store, EventFilter(country="EGY"))} == {"b"}
    assert {v.article["id"] for v in iter_events(store, EventFilter(country="TUR"))} >= {"a"}
    since = EventFilter(since=D + dt.timedelta(days=1), until=D + dt.timedelta(days=60))
    assert [v.article["id"] for v in iter_events(store, since)] == ["b"]


def test_stories_count_mentions_articles_sources(store) -> None:
    rid = run_id(store)
    write_articles(store, [
        rows("a", D, source="A"), rows("b", D + dt.timedelta(days=1), source="B"),
        rows("c", D, source="A"), rows("d", D + dt.timedelta(days=5), source="A"),
        rows("e", D, kinds=(("CONSULT", "RUS", "TUR"),)),
    ], run_id=rid)  # fmt: skip
    assert build_stories(store) == 3
    assert build_stories(store) == 3  # rebuilding gives the same table
    views = {v.article["id"]: v for v in iter_events(store)}
    big = views["a"].story
    assert big == views["b"].story == views["c"].story
    assert big is not None and (big["mentions"], big["articles"], big["sources"]) == (3, 3, 2)
    assert views["d"].story is not None and views["d"].story["mentions"] == 1


def test_named_queries(store) -> None:
    rid = run_id(store)
    write_articles(store, [
        rows("a", D), rows("b", D, kinds=(("CONSULT", "RUS", "TUR"),)),
        rows("c", D + dt.timedelta(days=31), kinds=(("PROTEST", "EGY", "EGY"),)),
    ], run_id=rid)  # fmt: skip
    res = dyad(store, "tur", "RUS")
    assert res.columns == ("month", "direction", "type", "events")
    assert sorted(res.rows) == [
        ("2024-03", "RUS->TUR", "CONSULT", 1),
        ("2024-03", "TUR->RUS", "CONSULT", 1),
    ]
    met = meetings(store)
    assert {(r[1], r[3], r[4]) for r in met.rows} == {
        ("TURGOV", "RUSGOV", 1),
        ("RUSGOV", "TURGOV", 1),
    }
    pro = protests(store)
    assert pro.rows == [("TUR", "2024-W14", 1, 1)]  # the place's country first
