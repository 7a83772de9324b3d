"""Article-level gold: levels, one-to-one matching, expansion over lead sentences, scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hadath.evaluate.gold import (
    Lead,
    Unit,
    level,
    match,
    parse_gold,
    pred_units,
    read_gold,
    score,
    score_gold,
    shift,
)


def unit(
    n: int,
    type_: str,
    actors: set[str],
    recipients: set[str] = frozenset(),  # type: ignore[assignment]
    modality: str = "asserted",
) -> Unit:
    return Unit(n, type_, modality, frozenset(actors), frozenset(recipients))


def test_levels() -> None:
    g = unit(0, "CONSULT", {"EGY"}, {"JOR"})
    assert level(g, unit(1, "CONSULT", {"EGY"}, {"JOR"})) == 0  # other sentence
    assert level(g, unit(0, "AGREE", {"EGY"}, {"JOR"})) == 0
    assert level(g, unit(0, "CONSULT", {"JOR"}, {"JOR"})) == 1
    assert level(g, unit(0, "CONSULT", {"EGY", "JOR"}, {"JOR"})) == 1  # sets must be equal
    assert level(g, unit(0, "CONSULT", {"EGY"}, set())) == 2
    assert level(g, unit(0, "CONSULT", {"EGY"}, {"JOR"}, "future")) == 2
    assert level(g, unit(0, "CONSULT", {"EGY"}, {"JOR"})) == 3


def test_match_is_one_to_one_and_prefers_the_best_level() -> None:
    golds = [unit(0, "ASSAULT", {"ISR"}), unit(0, "ASSAULT", {"LBN"})]
    preds = [unit(0, "ASSAULT", {"LBN"}), unit(0, "ASSAULT", {"ISR"}), unit(0, "ASSAULT", {"ISR"})]
    assert sorted(match(golds, preds)) == [(0, 1, 3), (1, 0, 3)]


def test_scores_at_three_levels_are_exact() -> None:
    golds = [
        unit(0, "CONSULT", {"EGY"}, {"JOR"}),
        unit(0, "ASSAULT", {"ISR"}, {"LBN"}),
        unit(1, "REQUEST", {"LBN"}, {"UNO"}),
    ]
    preds = [
        unit(0, "CONSULT", {"EGY"}, {"JOR"}),
        unit(0, "ASSAULT", {"ISR"}),
        unit(1, "ACCUSE", {"LBN"}),
    ]
    (l1, l2, l3), types, matches = score([(golds, preds), ([unit(0, "AID", {"USA"})], [])])
    assert (l1.tp, l1.predicted, l1.gold) == (2, 3, 4)
    assert (l1.precision, l1.recall) == (2 / 3, 0.5)
    assert l1.f1 == pytest.approx(4 / 7)
    assert (l2.tp, l3.tp) == (2, 1)
    assert l3.precision == pytest.approx(1 / 3) and l3.recall == 0.25
    assert {t: (s.tp, s.predicted, s.gold) for t, s in types.items()} == {
        "ACCUSE": (0, 1, 0),
        "AID": (0, 0, 1),
        "ASSAULT": (1, 1, 1),
        "CONSULT": (1, 1, 1),
        "REQUEST": (0, 0, 1),
    }
    assert [m.level for m in matches] == [3, 2]


def test_merged_event_counts_in_each_lead_sentence_with_a_trigger(make_event: Any) -> None:
    leads = [Lead(0, 0, 10), Lead(1, 11, 20), Lead(2, 21, 30)]
    ev = make_event("CONSULT", [(2, 5), (4, 8), (22, 25), (40, 44)])
    assert [u.sentence for u in pred_units(ev, leads)] == [0, 2]  # body sentence dropped
    assert pred_units(make_event("CONSULT", [(40, 44)]), leads) == []


def test_shift_follows_normalisation() -> None:
    text = "أ\r\nب ج"
    assert shift(text, 3) == 2  # \r\n became \n
    assert shift("بحث شويغو", 4) == 4


def _article(events: list[dict[str, Any]]) -> dict[str, Any]:
    text = "بحث الوزير مع نظيره. وقصفت الطائرات المدينة. وقال مسؤول شيئا."
    return {
        "id": "a",
        "published": "2025-01-01",
        "title": None,
        "text": text,
        "lead": [{"n": 0, "start": 0, "end": 20}, {"n": 1, "start": 21, "end": 44}],
        "events": events,
    }


def _gold_event(
    n: int, type_: str, actor: str, date: str | None = None, place: tuple[str, str] | None = None
) -> dict[str, Any]:
    return {
        "sentence": n,
        "type": type_,
        "mode": None,
        "modality": "asserted",
        "trigger": "x",
        "actors": [{"text": "x", "name": "x", "country": actor, "sector": None}],
        "recipients": [],
        "date": date and {"text": "d", "start": date, "end": date},
        "place": place and {"text": "p", "name": place[0], "country": place[1]},
    }


def test_score_gold_end_to_end(make_event: Any, make_entity: Any, fake_coder: Any) -> None:
    gold = parse_gold(
        _article(
            [
                _gold_event(0, "CONSULT", "EGY", "2025-01-01", ("Cairo", "EGY")),
                _gold_event(1, "ASSAULT", "ISR"),
            ]
        )
    )
    events = (
        make_event(
            "CONSULT",
            [(0, 3)],
            actors=(make_entity("x", "EGY"),),
            date=("2025-01-01", "2025-01-01"),
            place=("cairo", "EGY"),
        ),
        make_event(
            "ASSAULT",
            [(22, 27)],
            actors=(make_entity("x", "SYR"),),
            date=("2024-12-31", "2024-12-31"),
            place=("Damascus", "SYR"),
        ),
        make_event("ACCUSE", [(50, 54)]),  # outside the lead: not scored
    )
    r = score_gold([gold], fake_coder({gold.text: (events, ())}))
    assert [(s.tp, s.predicted, s.gold) for s in r.levels] == [(2, 2, 2), (1, 2, 2), (1, 2, 2)]
    assert (r.date.right, r.date.total) == (1, 2)
    assert (r.date_given.right, r.date_given.total) == (1, 1)
    assert (r.place_country.right, r.place_name.right, r.place_name.total) == (1, 1, 2)
    assert [e.kind for e in r.errors] == ["partial"]


def test_uncodable_article_counts_its_gold_as_missed(fake_coder: Any) -> None:
    gold = parse_gold(_article([_gold_event(0, "CONSULT", "EGY")]))
    r = score_gold([gold], fake_coder({}))
    assert r.uncodable == 1
    assert (r.levels[0].tp, r.levels[0].gold, r.levels[0].recall) == (0, 1, 0.0)
    assert [e.kind for e in r.errors] == ["miss"]


def test_read_gold_names_a_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps(_article([])) + '\n\n{"id": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"g.jsonl:3"):
        read_gold(p)


def test_example_gold_file_is_consistent(gold_example: Path) -> None:
    articles = read_gold(gold_example)
    assert len(articles) == 6
    assert sum(len(a.events) for a in articles) == 17
    for line in gold_example.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        leads = {x["n"]: obj["text"][x["start"] : x["end"]] for x in obj["lead"]}
        assert len(leads) == 3
        for ev in obj["events"]:
            assert ev["trigger"] in leads[ev["sentence"]]
            for ent in ev["actors"] + ev["recipients"]:
                assert ent["text"] in obj["text"]


def test_example_gold_file_scores_with_the_real_coder(gold_example: Path, coder: Any) -> None:
    r = score_gold(read_gold(gold_example), coder)
    assert r.articles == 6 and r.uncodable == 0
    assert r.levels[0].gold == 17
    assert r.levels[0].tp >= r.levels[1].tp >= r.levels[2].tp
