"""Folding and text normalisation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hadath.normalize import arabic_share, fold, normalize_text


def test_fold_alef_ya_ta_marbuta_marks() -> None:
    assert fold("إسرائيل") == fold("اسرائيل") == "اسراييل"  # ئ folds to ي
    assert fold("مصطفى") == "مصطفي"
    assert fold("الحكومة") == "الحكومه"
    assert fold("مُحَمَّد") == "محمد"
    assert fold("الـــرئيس") == fold("الرئيس") == "الرييس"


def test_fold_digits_and_latin() -> None:
    assert fold("٢٠٢٤") == "2024"
    assert fold("RT") == "rt"


def test_normalize_text_unfolds_presentation_forms_and_controls() -> None:
    assert normalize_text("ﻻ\r\nنعم\u200f") == "لا\nنعم"


def test_arabic_share() -> None:
    assert arabic_share("hello") == 0.0
    assert arabic_share("سلام") == 1.0
    assert arabic_share("") == 0.0


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
