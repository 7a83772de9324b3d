"""Sentence splitting and tokens: offsets are the truth."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hadath.segment import segment, sentence_spans, tokenize


def test_sentences_split_after_stops_and_quotes_and_lines() -> None:
    text = 'قال الوزير: "نرحب بالاتفاق". وأضاف أن المحادثات مستمرة؟ نعم\nسطر جديد'
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ['قال الوزير: "نرحب بالاتفاق".', "وأضاف أن المحادثات مستمرة؟", "نعم",
                     "سطر جديد"]  # fmt: skip


def test_decimal_numbers_stay_whole() -> None:
    toks = [t.text for t in tokenize("ارتفع بنسبة 3.5 في المئة.")]
    assert "3.5" in toks


def test_punctuation_is_split_from_words() -> None:
    toks = [t.text for t in tokenize('وكالة "RT".')]
    assert toks == ["وكالة", '"', "RT", '"', "."]


@given(st.text(alphabet=st.sampled_from(list('بحث شويغو مع فيدان ."،\nالأحد 2024')), max_size=200))
def test_token_and_sentence_offsets_are_exact(text: str) -> None:
    for s in segment(text):
        assert text[s.start:s.end] == s.text
        for t in s.tokens:
            assert text[t.start:t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
