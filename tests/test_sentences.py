"""Table-driven tests on sentences we wrote: the events hadath must code from each.

Each case: a sentence, and the events as (type, modality, actor countries, recipient countries).
Only the listed events may be coded (a sentence with no event lists none).
"""

from __future__ import annotations

import pytest

from hadath import Coder

PUB = "2024-03-14"  # a Thursday

CASES: list[tuple[str, list[tuple[str, str, set[str], set[str]]]]] = [
    # CONSULT: verb-first with «مع», subject-first, visit, phone
    ("بحث وزير الخارجية المصري مع نظيره الأردني الأزمة في السودان.",
     [("CONSULT", "asserted", {"EGY"}, {"JOR"})]),
    ("وزير الخارجية الفرنسي التقى الرئيس اللبناني في بيروت.",
     [("CONSULT", "asserted", {"FRA"}, {"LBN"})]),
    ("يزور الرئيس التركي قطر الأسبوع المقبل.",
     [("CONSULT", "asserted", {"TUR"}, {"QAT"})]),
    ("سيتوجه وزير الدفاع الأمريكي إلى إسرائيل الأحد المقبل.",
     [("CONSULT", "future", {"USA"}, {"ISR"})]),
    # AGREE
    ("أعلنت الحكومة العراقية استعدادها للتعاون مع الكويت.",
     [("AGREE", "asserted", {"IRQ"}, set())]),
    # SUPPORT
    ("رحبت السعودية بقرار مجلس الأمن الدولي.",
     [("SUPPORT", "asserted", {"SAU"}, {"UNO"})]),
    # ACCUSE: condemnation, accusation
    ("أدانت الجامعة العربية الهجوم على المسجد.",
     [("ACCUSE", "asserted", {"IGO"}, set())]),
    ("اتهمت إيران الولايات المتحدة بدعم الإرهاب.",
     [("ACCUSE", "asserted", {"IRN"}, {"USA"})]),
    # REJECT
    ("رفضت الحكومة السودانية المبادرة الإثيوبية.",
     [("REJECT", "asserted", {"SDN"}, set())]),
    # THREATEN
    ("هدد الرئيس الروسي أوكرانيا برد قاس.",
     [("THREATEN", "asserted", {"RUS"}, {"UKR"})]),
    # PROTEST
    ("تظاهر آلاف المحتجين في تونس العاصمة.",
     [("PROTEST", "asserted", {"TUN"}, set())]),
    # SANCTION
    ("فرضت الولايات المتحدة عقوبات على إيران.",
     [("SANCTION", "asserted", {"USA"}, {"IRN"})]),
    # COERCE: arrest (subject-first), passive with تم
    ("اعتقلت الشرطة المصرية ثلاثة صحفيين في القاهرة.",  # journalists in Cairo: EGY JRN
     [("COERCE", "asserted", {"EGY"}, {"EGY"})]),
    # ASSAULT: airstrike, verb-first
    ("قصفت الطائرات الإسرائيلية مواقع في قطاع غزة.",
     [("ASSAULT", "asserted", {"ISR"}, set())]),
    # negation
    ("لم يلتق الرئيس الأمريكي نظيره الصيني.",
     [("CONSULT", "negated", {"USA"}, {"CHN"})]),
    # compound actors
    ("قطعت السعودية والإمارات علاقاتهما مع قطر.",
     [("SANCTION", "asserted", {"SAU", "ARE"}, {"QAT"})]),
    # no event: a speech act, an accident, sport
    ("قال وزير الخارجية الإيراني إن المحادثات مفيدة.", []),
    ("اندلع حريق في مصنع بالقاهرة.", []),
]


def _summary(coder: Coder, text: str) -> list[tuple[str, str, set[str], set[str]]]:
    art = coder.code(text, PUB)
    return [(e.type, e.modality, {a.country for a in e.actors if a.country},
             {r.country for r in e.recipients if r.country}) for e in art.events]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"s{i:02d}" for i in range(len(CASES))])
def test_sentence(coder: Coder, text: str,
                  expected: list[tuple[str, str, set[str], set[str]]]) -> None:
    assert _summary(coder, text) == expected
