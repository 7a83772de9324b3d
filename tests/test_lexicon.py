"""The shipped lexicon loads whole and valid; user directories extend and override it."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath import Coder, Settings
from hadath.lexicon import load_lexicon
from hadath.lexicon.check import check, lookup
from hadath.normalize import fold


def test_every_file_loads_without_errors() -> None:
    lex = load_lexicon()
    errors = [f.message for f in check(lex) if f.level == "error"]
    assert errors == []
    counts = lex.counts
    assert counts["people"] >= 2000 and counts["organisations"] >= 500
    assert counts["agents"] >= 300 and counts["event lemmas"] >= 600
    assert counts["countries"] >= 193 and counts["places"] >= 10000


def test_lookup_explains_the_clitics() -> None:
    rows = lookup(load_lexicon(), "وبحثت")
    assert any(key == fold("بحثت") and prefix == "و" for key, prefix, _, _ in rows)


def test_user_directory_adds_a_person_and_overrides_an_entry(tmp_path: Path) -> None:
    people = tmp_path / "people"
    people.mkdir()
    (people / "mine.yaml").write_text(
        "- id: hadath:zaid-example\n  name: Zaid Example\n  names: [زيد المثالي]\n"
        "  roles: [{country: JOR, sector: GOV, office: minister, start: 2020-01-01}]\n"
        "- id: Q1030425\n  name: Hakan Fidan (override)\n  names: [هاكان فيدان]\n"
        "  short: [فيدان]\n  roles: [{country: TUR, sector: GOV, office: test, start: 2000}]\n",
        encoding="utf-8")  # fmt: skip
    coder = Coder(Settings(lexicon_dirs=(str(tmp_path),)))
    art = coder.code("التقى زيد المثالي فيدان في عمان.", "2024-01-10")
    names = {e.name for ev in art.events for e in (*ev.actors, *ev.recipients)}
    assert "Zaid Example" in names
    assert "Hakan Fidan (override)" in names


# --- issue 3: dated organisation roles, and entities the lexicon must code (sentences we wrote)

ENTITIES: list[tuple[str, str | None, str, str | None, str | None]] = [
    # (sentence, publication date, entity text, country, sector)
    ("هاجمت حركة طالبان مركزا للشرطة في ولاية غزني.", "2010-05-01", "حركة طالبان", "AFG", "REB"),
    ("هاجمت حركة طالبان مركزا للشرطة في ولاية غزني.", "1998-03-01", "حركة طالبان", "AFG", "GOV"),
    ("هاجمت حركة طالبان مركزا للشرطة في ولاية غزني.", "2023-05-01", "حركة طالبان", "AFG", "GOV"),
    ("هاجمت حركة طالبان مركزا للشرطة في ولاية غزني.", None, "حركة طالبان", "AFG", "REB"),
    ("اشتبكت قوات الدعم السريع مع الجيش في الخرطوم.", "2020-06-01",
     "قوات الدعم السريع", "SDN", "MIL"),
    ("اشتبكت قوات الدعم السريع مع الجيش في الخرطوم.", "2024-06-01",
     "قوات الدعم السريع", "SDN", "REB"),
    # a title takes its sector from the organisation, on the event date
    ("وقال المتحدث باسم هيئة تحرير الشام إن الوضع هادئ.", "2022-02-01",
     "المتحدث باسم هيئة تحرير الشام", "SYR", "REB"),
    ("وقال المتحدث باسم هيئة تحرير الشام إن الوضع هادئ.", "2025-03-01",
     "المتحدث باسم هيئة تحرير الشام", "SYR", "GOV"),
    # former office holders: ELI, and the name after «السابق» / «الراحل» is still read
    ("وقال وزير الخارجية الأردني السابق سليم الحداد إن الحل سياسي.", None,
     "وزير الخارجية الأردني السابق سليم الحداد", "JOR", "ELI"),
    ("وقال المتحدث السابق باسم حركة طالبان إن الحركة تغيرت.", "2023-01-01",
     "المتحدث السابق باسم حركة طالبان", "AFG", "ELI"),
    ("شارك أنصار زعيمة المعارضة الراحلة بي نظير بوتو في المسيرة.", None,
     "زعيمة المعارضة الراحلة بي نظير بوتو", "PAK", None),
    # settlers are Israeli wherever they are; construct plurals «مستوطنو», «مقاتلو»
    ("هاجم مستوطنو البؤرة قرية قرب نابلس.", None, "مستوطنو", "ISR", "CVL"),
    ("قتل مقاتلو البيشمركة عددا من المسلحين.", None, "مقاتلو البيشمركة", "IRQ", "MIL"),
    # «لل» + a word listed bare; a group takes the country of the place it is in
    ("وجه الجيش الباكستاني ضربة للمتشددين في وزيرستان.", None, "للمتشددين", "PAK", "REB"),
    ("تظاهر محتجون في لندن بينما اعتقلت الشرطة ناشطين في باريس.", None, "ناشطين", "FRA", "CVL"),
    # a dual nisba alone names people; a nisba after an event noun names who acted
    ("أصيب سعوديان في حادث إطلاق نار.", None, "سعوديان", "SAU", "CVL"),
    ("أسفرت الغارات الجوية الروسية عن مقتل مدنيين.", None, "الروسية", "RUS", None),
    # a place in construct gives the country: residents, «أبناء», local officials
    ("طالب أهالي الموصل بإعادة إعمار مدينتهم.", None, "أهالي الموصل", "IRQ", "CVL"),
    ("نظم أبناء سيناء وقفة أمام مبنى المحافظة.", None, "أبناء سيناء", "EGY", "CVL"),
    ("خرج الشعب التونسي إلى الشوارع.", None, "الشعب التونسي", "TUN", "CVL"),
    ("ألقت القوات الأفريقية القبض على مسلحين في مقديشو.", None, "القوات الأفريقية", "IGO", "MIL"),
    ("أسقطت القوات الروسية طائرتي تجسس أوكرانيتين.", None, "طائرتي تجسس أوكرانيتين", "UKR", "MIL"),
]


@pytest.mark.parametrize(("text", "published", "span", "country", "sector"), ENTITIES,
                         ids=[f"e{i:02d}" for i in range(len(ENTITIES))])  # fmt: skip
def test_entity_codes(coder: Coder, text: str, published: str | None, span: str,
                      country: str | None, sector: str | None) -> None:  # fmt: skip
    art = coder.code(text, published)
    found = {e.text: (e.country, e.sector) for e in art.entities}
    assert span in found, f"{span!r} not among {found}"
    got_country, got_sector = found[span]
    assert got_country == country
    if sector is not None:
        assert got_sector == sector


def test_non_actors_stay_out(coder: Coder) -> None:
    # the nisba of a noun after an event noun is not the actor; «البو» (tribal prefix) is no
    # Danish city; «كلمة» is not «ك + لم + ه»
    art = coder.code("رفض البرلمان استيراد السيارات الألمانية.")
    assert all(e.country != "DEU" for e in art.entities)
    art = coder.code("اجتمع شيوخ عشائر البو نمر في الأنبار.")
    assert all(e.country != "DNK" for e in art.entities)
    assert all(p.country != "DNK" for p in art.places)
    assert lookup(load_lexicon(), "كلمة") == []


def test_organisation_roles_are_checked(tmp_path: Path) -> None:
    orgs = tmp_path / "organisations"
    orgs.mkdir()
    (orgs / "mine.yaml").write_text(
        "- id: hadath:test-front\n  name: Test Front\n  names: [جبهة الاختبار]\n"
        "  country: JOR\n  sector: REB\n  roles:\n"
        "    - {country: JOR, sector: GOV, start: 2020-01-01, end: 2022-12-31}\n"
        "    - {country: JOR, sector: PRM, start: 2022-06-01}\n"
        "    - {country: JOR, sector: MIL}\n"
        "    - {country: jo, sector: MIL, start: 2030-01-01}\n",
        encoding="utf-8")  # fmt: skip
    errors = [f.message for f in check(load_lexicon((str(tmp_path),))) if f.level == "error"]
    assert any("hadath:test-front" in m and "overlap" in m for m in errors)
    assert any("needs a start or an end" in m for m in errors)
    assert any("3 capital letters" in m for m in errors)


NAMES: list[tuple[str, str, str, str]] = [
    # (sentence, entity text, country, name): hyphenated names, two-word nisba adjectives
    ("التقى الرئيس الألماني فرانك-فالتر شتاينماير الزعيم الكوري الشمالي كيم جونغ-اون.",
     "الزعيم الكوري الشمالي كيم جونغ-اون", "PRK", "Kim Jong Un"),
    ("قال رئيس الوزراء الفرنسي جان-مارك أيرو إن بلاده سترسل قوات.",
     "رئيس الوزراء الفرنسي جان-مارك أيرو", "FRA", "Jean-Marc Ayrault"),
    ("قال وزير الخارجية الكوري الجنوبي تشو هيون-سو إن المحادثات ستستأنف.",
     "وزير الخارجية الكوري الجنوبي تشو هيون-سو", "KOR", "تشو هيون-سو"),
]


@pytest.mark.parametrize(("text", "span", "country", "name"), NAMES,
                         ids=[f"n{i}" for i in range(len(NAMES))])  # fmt: skip
def test_names_after_titles(coder: Coder, text: str, span: str, country: str, name: str) -> None:
    found = {e.text: e for e in coder.code(text).entities}
    assert span in found, f"{span!r} not among {list(found)}"
    assert (found[span].country, found[span].name) == (country, name)
