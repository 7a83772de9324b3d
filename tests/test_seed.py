"""Acceptance: the founding article (RT Arabic, 10 June 2024) codes to the events of issue 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hadath import Article, Coder, Event

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def article(coder: Coder, shared: Path) -> Article:
    path = shared / "seed" / "rt_shoigu_fidan_2024.txt"
    if not path.exists():
        pytest.skip("the founding article is not in ../shared")
    return coder.code(path.read_text(encoding="utf-8"), "2024-06-10")


def _find(article: Article, type_: str, actor: str, recipient: str | None = None,
          mode: str | None = None) -> Event:  # fmt: skip
    for e in article.events:
        if e.type != type_ or not any(actor in (a.name, a.country) for a in e.actors):
            continue
        if recipient is not None and not any(recipient in (r.name, r.country)
                                             for r in e.recipients):
            continue
        if mode is not None and e.mode != mode:
            continue
        return e
    raise AssertionError(f"no {type_} by {actor} → {recipient} ({mode}) in {article.events}")


def _codes(entities: tuple) -> set[tuple[str | None, str | None]]:  # type: ignore[type-arg]
    return {(e.country, e.sector) for e in entities}


def test_1_shoigu_consults_fidan(article: Article) -> None:
    e = _find(article, "CONSULT", "Sergei Shoigu", "Hakan Fidan")
    assert e.modality == "asserted"
    assert _codes(e.actors) == {("RUS", "GOV")} and _codes(e.recipients) == {("TUR", "GOV")}
    assert e.date is None or e.date.date_start == dt.date(2024, 6, 10)


def test_2_shoigu_requests_consultations_in_q3(article: Article) -> None:
    e = _find(article, "REQUEST", "Sergei Shoigu", "TUR", mode="meet")
    assert e.modality == "asserted"
    assert e.date is not None
    assert (e.date.date_start, e.date.date_end) == (dt.date(2024, 7, 1), dt.date(2024, 9, 30))


def test_3_fidan_will_visit_russia(article: Article) -> None:
    e = _find(article, "CONSULT", "Hakan Fidan", "RUS", mode="visit")
    assert e.modality == "future"
    assert e.date is not None
    assert (e.date.date_start, e.date.date_end) == (dt.date(2024, 6, 10), dt.date(2024, 6, 11))


def test_4_fidan_will_meet_lavrov(article: Article) -> None:
    e = _find(article, "CONSULT", "Hakan Fidan", "Sergey Lavrov")
    assert e.modality == "future"
    assert _codes(e.recipients) == {("RUS", "GOV")}


def test_5_fidan_attends_brics_in_nizhny_novgorod(article: Article) -> None:
    e = _find(article, "CONSULT", "Hakan Fidan", "BRICS", mode="multilateral")
    assert e.modality == "future"
    assert e.date is not None and e.date.date_start == dt.date(2024, 6, 11)
    assert e.place is not None and e.place.country == "RUS" and "Novgorod" in e.place.name


def test_6_kremlin_supports_turkey(article: Article) -> None:
    e = _find(article, "SUPPORT", "RUS", "TUR")
    assert e.modality == "asserted"
    assert _codes(e.actors) == {("RUS", "GOV")}


def test_7_fidan_met_haniyeh_in_doha_on_sunday(article: Article) -> None:
    e = _find(article, "CONSULT", "Hakan Fidan", "Ismail Haniyeh")
    assert e.modality == "asserted"
    assert _codes(e.recipients) == {("PSE", "REB")}
    assert e.date is not None and e.date.date_start == dt.date(2024, 6, 9)
    assert e.place is not None and (e.place.name, e.place.country) == ("Doha", "QAT")


def test_8_eu_froze_turkeys_accession_in_2018(article: Article) -> None:
    e = _find(article, "SANCTION", "EUR", "TUR")
    assert e.modality in ("asserted", "historical")
    assert e.date is not None and e.date.date_start is not None and e.date.date_start.year == 2018


def test_9_agree_events(article: Article) -> None:
    readiness = _find(article, "AGREE", "Sergei Shoigu")
    both = [e for e in article.events if e.type == "AGREE"
            and {"Sergei Shoigu", "Hakan Fidan"} <= {a.name for a in e.actors}]  # fmt: skip
    wish = _find(article, "AGREE", "TUR", "BRICS")
    assert readiness.modality == both[0].modality == wish.modality == "asserted"


def test_no_more_than_three_extra_events(article: Article) -> None:
    assert len(article.events) <= 9 + 2 + 3  # nine items, item 9 being three AGREE events


def test_people_entities_and_roles(article: Article) -> None:
    codes = {e.name: (e.country, e.sector) for e in article.entities if e.kind == "person"}
    kalin = next(v for k, v in codes.items() if "Kal" in k)
    guler = next(v for k, v in codes.items() if "ler" in k and "Ya" in k)
    assert kalin == ("TUR", "SPY")
    assert guler == ("TUR", "GOV")


def test_quotes_and_sources(article: Article) -> None:
    shoigu = [q for q in article.quotes if q.speaker and q.speaker.name == "Sergei Shoigu"]
    assert len(shoigu) == 2
    assert article.text[shoigu[0].start:shoigu[0].end].startswith("أنا على استعداد")
    ministry = [q for q in article.quotes if q.speaker and q.speaker.country == "TUR"
                and "الرغبة المشتركة" in q.text]  # fmt: skip
    assert ministry
    names = " ".join(s.text for s in article.sources)
    assert "RT" in names and "الخدمة الصحافية" in names


def test_offsets_are_the_truth(article: Article) -> None:
    for e in article.events:
        for span, text in zip(e.triggers, e.trigger_text, strict=True):
            assert article.text[span.start:span.end] == text
        for ent in (*e.actors, *e.recipients):
            assert article.text[ent.start:ent.end] == ent.text
    for q in article.quotes:
        assert article.text[q.start:q.end] == q.text
