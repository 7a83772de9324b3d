"""Stage 1: clean the article text, and the one folding function used for all matching."""

from __future__ import annotations

import re
import unicodedata

# Arabic diacritics (fathatan … sukun, small marks), superscript alef, tatweel
_MARKS = [*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x06D6, 0x06EE)]
# bidi controls and zero-width characters
_INVISIBLE = [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F),
              *range(0x2066, 0x206A), 0xFEFF]  # fmt: skip

_FOLD_TABLE: dict[int, int | str | None] = {c: None for c in _MARKS + _INVISIBLE}
_FOLD_TABLE.update({
    0x0622: "\u0627", 0x0623: "\u0627", 0x0625: "\u0627", 0x0671: "\u0627", 0x0672: "\u0627",
    0x0673: "\u0627",  # alef forms → bare alef
    0x0649: "\u064A",  # alif maqsura → ya
    0x0629: "\u0647",  # ta marbuta → ha
    0x0624: "\u0648",  # waw with hamza → waw
    0x0626: "\u064A",  # ya with hamza → ya
    0x06CC: "\u064A", 0x06D2: "\u064A",  # Persian/Urdu ya
    0x06A9: "\u0643",  # keheh → kaf
    0x06C0: "\u0647", 0x06C1: "\u0647", 0x06D5: "\u0647",  # heh variants
    0x06A4: "\u0641",  # veh → feh
    0x06AF: "\u063A",  # gaf → ghain (Latin g is written غ or ج)
})  # fmt: skip
_FOLD_TABLE.update({0x0660 + i: str(i) for i in range(10)})  # Arabic-Indic digits
_FOLD_TABLE.update({0x06F0 + i: str(i) for i in range(10)})  # Persian digits
# ASCII and Arabic that stay as they are map to themselves: str.translate is much slower on
# a character missing from its table than on one it finds
_FOLD_TABLE.update({c: c for c in (*range(0x80), *range(0x0600, 0x0700)) if c not in _FOLD_TABLE})


def fold(text: str) -> str:
    """Fold Arabic text for matching: alef/ya/ta-marbuta forms, no marks, ASCII digits, lower
    Latin."""
    return text.translate(_FOLD_TABLE).lower()


_CONTROL = {c: None for c in range(32) if c not in (9, 10)} | {0x7F: None}
_CONTROL.update({c: None for c in _INVISIBLE})
_ANY_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROL) + "]")


def normalize_text(text: str) -> str:
    """Return the article text hadath works on: NFC, presentation forms unfolded, no controls.

    Line breaks are kept (they separate paragraphs); offsets of every annotation refer to
    the text this function returns.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if _PRESENTATION.search(text):  # Arabic presentation forms
        text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    # translating with a dict is slow per character: only when there is something to drop
    return text.translate(_CONTROL) if _ANY_CONTROL.search(text) else text


_PRESENTATION = re.compile("[\uFB50-\uFEFC]")
_LETTERS = re.compile(r"[^\W\d_]+")
_ARABIC_LETTERS = re.compile("[\u0621-\u064A\u0671-\u06D3\u0750-\u077F]+")


def arabic_share(text: str) -> float:
    """Share of letters in the text that are Arabic letters."""
    rest = _ARABIC_LETTERS.sub("", text)
    arabic = len(text) - len(rest)
    # every Arabic letter is a letter: the others are counted in the (short) rest, by runs
    letters = arabic + sum(map(len, _LETTERS.findall(rest)))
    return arabic / letters if letters else 0.0
