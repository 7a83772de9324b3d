"""Date expressions resolved against publication: tense-aware weekdays, quarters, years."""

from __future__ import annotations

import datetime as dt

import pytest

from hadath.lexicon import load_lexicon
from hadath.recognize import recognize
from hadath.segment import segment
from hadath.timex import find_times, resolve

SUNDAY = dt.date(2024, 6, 9)
MONDAY = dt.date(2024, 6, 10)


def _one(text: str):  # type: ignore[no-untyped-def]
    sent = segment(text)[0]
    times = find_times(recognize(sent, load_lexicon()))
    assert len(times) == 1, times
    return times[0]


@pytest.mark.parametrize(("text", "anchor", "future", "start", "end"), [
    ("التقى الوزير نظيره الأحد.", MONDAY, False, "2024-06-09", "2024-06-09"),
    ("سيزور الوزير موسكو الاثنين.", SUNDAY, True, "2024-06-10", "2024-06-10"),
    ("زار الوزير موسكو الاثنين.", SUNDAY, False, "2024-06-03", "2024-06-03"),
    ("سيتوجه الوزير الاثنين والثلاثاء إلى روسيا.", SUNDAY, True, "2024-06-10", "2024-06-11"),
    ("يلتقي الوزير نظيره غدا الاثنين.", MONDAY, True, "2024-06-10", "2024-06-10"),
    ("عقد الاجتماع الأحد الماضي.", SUNDAY, False, "2024-06-02", "2024-06-02"),
    ("تبدأ المشاورات الاثنين المقبل.", MONDAY, True, "2024-06-17", "2024-06-17"),
    ("المشاورات في الربع الثالث من العام 2024.", MONDAY, True, "2024-07-01", "2024-09-30"),
    ("المشاورات في الربع الثالث من العام الجاري.", MONDAY, True, "2024-07-01", "2024-09-30"),
    ("جمد الاتحاد المفاوضات منذ عام 2018.", MONDAY, False, "2018-01-01", "2018-12-31"),
    ("يعقد الاجتماع في 11 يونيو.", MONDAY, True, "2024-06-11", "2024-06-11"),
    ("وقعت الحادثة في 15 حزيران 2023.", MONDAY, False, "2023-06-15", "2023-06-15"),
    ("زار الرئيس العراق العام الماضي.", MONDAY, False, "2023-01-01", "2023-12-31"),
    ("وصل الوفد أمس.", MONDAY, False, "2024-06-09", "2024-06-09"),
])  # fmt: skip
def test_resolve(text: str, anchor: dt.date, future: bool, start: str, end: str) -> None:
    s, e, _ = resolve(_one(text), anchor, future)
    assert (str(s), str(e)) == (start, end)


def test_unresolved_without_anchor_says_so() -> None:
    s, e, note = resolve(_one("وصل الوفد أمس."), None, False)
    assert s is None and e is None and "publication" in note
