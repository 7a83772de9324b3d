"""Generate the inflected forms of lexicon words (verbs, nouns, nisba adjectives, agents).

Forms are generated on folded text (see ``normalize.fold``): ى and ي are one letter there,
ة is ه. Each verb form carries its tense, person, number and gender, which the stages use for
agreement, first-person speech and future marking. Affixes are Arabic morphology written as
code points where they are grammar, not vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeVar

T = TypeVar("T")

Tense = Literal["perfect", "imperfect", "noun"]

ALEF, YA, WAW, TA, NUN, HA = "\u0627", "\u064A", "\u0648", "\u062A", "\u0646", "\u0647"
MIM, LAM = "\u0645", "\u0644"
HAMZA_ALEF = "\u0627"  # أ after folding
IMPERFECT_PREFIXES = {YA: 3, TA: 3, NUN: 1, ALEF: 1}


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One inflected verb form with its features."""

    form: str
    tense: Tense
    person: int
    number: str  # sg | du | pl
    gender: str  # m | f | x


def perfect_forms(perfect: str) -> list[VerbForm]:
    """Third/first person perfect forms of a folded perfect 3ms («بحث» → بحثت، بحثوا …)."""
    out = [VerbForm(perfect, "perfect", 3, "sg", "m")]
    last = perfect[-1]
    if last in (YA, ALEF) and len(perfect) > 2:  # defective: التقى/دعا
        base = perfect[:-1]
        glide = YA if last == YA else WAW
        out += [
            VerbForm(base + TA, "perfect", 3, "sg", "f"),
            VerbForm(base + glide + ALEF, "perfect", 3, "du", "m"),
            VerbForm(base + TA + ALEF, "perfect", 3, "du", "f"),
            VerbForm(base + WAW + ALEF, "perfect", 3, "pl", "m"),
            VerbForm(base + glide + NUN, "perfect", 3, "pl", "f"),
            VerbForm(base + glide + NUN + ALEF, "perfect", 1, "pl", "x"),
            VerbForm(base + glide + TA, "perfect", 1, "sg", "x"),
            VerbForm(base + glide + TA + "\u0645", "perfect", 2, "pl", "m"),
        ]
        return out
    out += [
        VerbForm(perfect + TA, "perfect", 3, "sg", "f"),
        VerbForm(perfect + ALEF, "perfect", 3, "du", "m"),
        VerbForm(perfect + TA + ALEF, "perfect", 3, "du", "f"),
        VerbForm(perfect + WAW + ALEF, "perfect", 3, "pl", "m"),
        VerbForm(perfect + NUN, "perfect", 3, "pl", "f"),
        VerbForm(perfect + NUN + ALEF, "perfect", 1, "pl", "x"),
        VerbForm(perfect + TA + "\u0645", "perfect", 2, "pl", "m"),
    ]
    if last == NUN:  # «أعلن» + «نا» → «أعلنا»
        out.append(VerbForm(perfect + ALEF, "perfect", 1, "pl", "x"))
    return out


def imperfect_forms(present: str) -> list[VerbForm]:
    """Imperfect forms of a folded imperfect 3ms («يبحث» → تبحث، نبحث، أبحث، يبحثون …)."""
    if not present or present[0] != YA:
        return [VerbForm(present, "imperfect", 3, "sg", "m")]
    stem = present[1:]
    last = stem[-1]
    out = [
        VerbForm(YA + stem, "imperfect", 3, "sg", "m"),
        VerbForm(TA + stem, "imperfect", 3, "sg", "f"),
        VerbForm(NUN + stem, "imperfect", 1, "pl", "x"),
        VerbForm(ALEF + stem, "imperfect", 1, "sg", "x"),
    ]
    if last in (YA, WAW, ALEF):  # defective: يلتقي/يدعو/يسعى
        base = stem[:-1]
        glide = YA if last in (YA, ALEF) else WAW
        out += [
            VerbForm(YA + base + glide + ALEF + NUN, "imperfect", 3, "du", "m"),
            VerbForm(TA + base + glide + ALEF + NUN, "imperfect", 3, "du", "f"),
            VerbForm(YA + base + WAW + NUN, "imperfect", 3, "pl", "m"),
            VerbForm(YA + base + WAW + ALEF, "imperfect", 3, "pl", "m"),
            VerbForm(TA + base + WAW + NUN, "imperfect", 2, "pl", "m"),
            VerbForm(YA + base + glide + ALEF, "imperfect", 3, "du", "m"),
            VerbForm(YA + base, "imperfect", 3, "sg", "m"),  # jussive: «لم يلتق»
            VerbForm(TA + base, "imperfect", 3, "sg", "f"),
        ]
        return out
    out += [
        VerbForm(YA + stem + ALEF + NUN, "imperfect", 3, "du", "m"),
        VerbForm(TA + stem + ALEF + NUN, "imperfect", 3, "du", "f"),
        VerbForm(YA + stem + ALEF, "imperfect", 3, "du", "m"),
        VerbForm(TA + stem + ALEF, "imperfect", 3, "du", "f"),
        VerbForm(YA + stem + WAW + NUN, "imperfect", 3, "pl", "m"),
        VerbForm(YA + stem + WAW + ALEF, "imperfect", 3, "pl", "m"),
        VerbForm(YA + stem + NUN, "imperfect", 3, "pl", "f"),
        VerbForm(TA + stem + WAW + NUN, "imperfect", 2, "pl", "m"),
    ]
    return out


def verb_forms(perfect: str | None, present: str | None) -> list[VerbForm]:
    """All forms of a verb phrase; only the first word of a phrase inflects."""
    out: list[VerbForm] = []
    for head, fn in ((perfect, perfect_forms), (present, imperfect_forms)):
        if not head:
            continue
        first, _, rest = head.partition(" ")
        for vf in fn(first):
            form = f"{vf.form} {rest}" if rest else vf.form
            out.append(VerbForm(form, vf.tense, vf.person, vf.number, vf.gender))
    return _unique(out)


def noun_forms(noun: str) -> list[str]:
    """A noun with its dual, sound feminine plural and accusative forms («اجتماع» → اجتماعا …)."""
    first, _, rest = noun.partition(" ")
    forms = [first]
    if first.endswith(HA):  # ta marbuta (folded)
        base = first[:-1]
        forms += [base + TA + ALEF + NUN, base + TA + YA + NUN, base + ALEF + TA]
    elif first.endswith(ALEF + TA) or first[-1] in (ALEF, YA):
        pass
    else:
        forms += [first + ALEF, first + ALEF + NUN, first + YA + NUN]
    return _unique([f"{f} {rest}" if rest else f for f in forms])


def agent_forms(noun: str) -> list[str]:
    """An agent noun with its sound plurals and feminine («مسلح» → مسلحون، مسلحين، مسلحة …)."""
    first, _, rest = noun.partition(" ")
    forms = [first]
    if first.endswith(HA):
        base = first[:-1]
        forms += [base + ALEF + TA, base + TA + ALEF + NUN, base + TA + YA + NUN]
        if rest:  # construct duals before a genitive: «طائرتي تجسس», «ناقلتا جند»
            forms += [base + TA + ALEF, base + TA + YA]
    elif not first.endswith(ALEF + TA) and first[-1] not in (ALEF,):
        forms += [first + WAW + NUN, first + YA + NUN, first + ALEF + NUN, first + ALEF + TA,
                  first + ALEF]  # fmt: skip
        if not first.endswith(YA):  # «عسكرية», «سياسية», «مدنية» are mostly adjectives
            forms.append(first + HA)
        if first[0] == MIM:  # participles: construct «مستوطنو», «مسلحي» (not «شاب»: «الشابي»)
            forms += [first + WAW, first + YA]
    return _unique([f"{f} {rest}" if rest else f for f in forms])


def nisba_forms(nisba: str) -> list[str]:
    """The forms of a nisba adjective («تركي» → تركية، تركيان، تركيين، تركيون، تركيات …)."""
    words = nisba.split()
    if len(words) > 1 and all(w.endswith(YA) for w in words):  # «كوري شمالي»: every word agrees
        out: list[str] = []
        for parts in zip(*(nisba_forms(w) for w in words), strict=True):
            out.append(" ".join(parts))  # and with the article after the first: «الكوري الشمالي»
            out.append(" ".join([parts[0], *(ALEF + LAM + f for f in parts[1:])]))
        return _unique(out)
    forms = [nisba]
    if nisba.endswith(YA):
        forms += [nisba + HA, nisba + ALEF + NUN, nisba + YA + NUN, nisba + WAW + NUN,
                  nisba + ALEF + TA, nisba + TA + ALEF + NUN, nisba + TA + YA + NUN,
                  nisba + ALEF]  # accusative «جنديا أميركيا»  # fmt: skip
    return _unique(forms)


def _unique(items: list[T]) -> list[T]:
    return list(dict.fromkeys(items))
