"""Stage 2: split the article into sentences and surface tokens (offsets into the text)."""

from __future__ import annotations

import functools
import re

from .model import Sentence, Token
from .normalize import fold

_ARABIC_WORD = ("\u0621-\u063A\u0641-\u064A\u064B-\u065F\u0660-\u0669\u0670-\u06D3\u06D5"
                "\u06EE-\u06FF\u0640")
_WORD = re.compile(rf"[{_ARABIC_WORD}A-Za-z0-9\u00C0-\u024F]+(?:[.,][0-9]+)*|\S")
_END = re.compile(
    r"(?=[.!?\u061F\u2026\n])"  # the first character, stated: re then skips ahead fast
    r"(?:[.!?\u061F\u2026]+[\"'\u00BB\u201D)\]]*(?=\s|$)|\n+)"
)
_WORDLIKE = re.compile(rf"[{_ARABIC_WORD}A-Za-z0-9]")
_ABBREVIATION = re.compile(r"(?:^|\s)[\u0621-\u064AA-Za-z]$")  # single letter before a dot: «د.»


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Split text[start:end] into surface tokens: words, numbers and single punctuation marks."""
    tokens = []
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        surface = m.group()
        norm, is_word = _folded(surface)
        s, e = m.span()
        tokens.append(Token(surface, s, e, norm, "", norm, "", is_word))
    return tuple(tokens)


@functools.lru_cache(maxsize=1 << 14)  # most tokens are frequent words: fold each once
def _folded(surface: str) -> tuple[str, bool]:
    """The folded form of a surface token, and whether it is a word (not punctuation)."""
    return fold(surface), _WORDLIKE.match(surface) is not None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences: split after end punctuation and at line breaks."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        dot = m.start()
        if (
            m.group().startswith(".")
            and dot - pos > 1
            and _ABBREVIATION.search(text[max(pos, dot - 2) : dot])
            and _ABBREVIATION.search(text, max(0, dot - 3), dot)  # a match ends at the dot
        ):
            continue
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add(text, spans, pos, end)
        pos = m.end()
    _add(text, spans, pos, len(text))
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _WORDLIKE.search(text, start, end):
        spans.append((start, end))


def segment(text: str) -> tuple[Sentence, ...]:
    """Split the text into sentences, each with its surface tokens."""
    return tuple(
        Sentence(index=i, start=s, end=e, text=text[s:e], tokens=tokenize(text, s, e))
        for i, (s, e) in enumerate(sentence_spans(text))
    )
