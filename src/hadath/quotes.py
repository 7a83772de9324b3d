"""Stage 7: quotations (speaker, text, offsets) and the sources an article cites."""

from __future__ import annotations

from .lexicon import Lexicon
from .model import Entity, Quote, Source
from .recognize import Analysis, Mention


def _speaker(a: Analysis, before: int, lexicon: Lexicon) -> Mention | None:
    """The subject of the last reporting verb before token `before` (first mention after it)."""
    for k in range(before - 1, -1, -1):
        f = a.func(k, "reporting_verbs")
        if f is None or a.covered[k].i != k:
            continue
        for m in a.mentions:
            if m.i >= a.covered[k].j and m.j <= before:
                return m
        for m in reversed(a.mentions):
            if m.j <= k:
                return m
        return None
    return None


def find_quotes(a: Analysis, lexicon: Lexicon, previous: Entity | None,
                to_entity: dict[int, Entity]) -> list[Quote]:  # fmt: skip
    """Quotations in a sentence: text inside quote marks after a reporting verb."""
    punct = lexicon.language.get("punctuation") or {}
    opens, closes = set(punct.get("quotes_open", [])), set(punct.get("quotes_close", []))
    toks = a.tokens
    out: list[Quote] = []
    k = 0
    while k < len(toks):
        if toks[k].text not in opens:
            k += 1
            continue
        close = next((x for x in range(k + 1, len(toks)) if toks[x].text in closes), None)
        end_tok = close if close is not None else len(toks)
        words = [t for t in toks[k + 1:end_tok] if t.is_word]
        has_verb = any(a.func(x, "reporting_verbs") for x in range(0, k))
        if len(words) >= 3 and has_verb:
            start = toks[k + 1].start
            end = toks[end_tok - 1].end
            m = _speaker(a, k, lexicon)
            speaker = to_entity.get(m.i) if m is not None else previous
            verb = next((toks[x].text for x in range(k - 1, -1, -1)
                         if a.func(x, "reporting_verbs")), None)  # fmt: skip
            out.append(Quote("", a.sentence.text[start - a.sentence.start:end - a.sentence.start],
                             start, end, speaker, verb))  # fmt: skip
        k = end_tok + 1
    return out


def find_sources(a: Analysis, lexicon: Lexicon) -> list[Source]:
    """Cited sources: «حسبما ذكرت وكالة …», «وفقا لـ…», a sentence-initial «أفادت X»."""
    out: list[Source] = []
    toks = a.tokens
    text = a.sentence.text
    base = a.sentence.start
    for m in a.matches:
        f = a.func(m.i, "source_markers", "source_verbs")
        if f is None or a.covered[m.i].i != m.i:
            continue
        if f.category == "source_verbs" and m.i > 1:
            continue
        after = m.j
        k = after
        while k < len(toks) and (toks[k].text in ('"', "«", "»", "“", "”") or
                                 a.func(k, "media_nouns") is not None):  # fmt: skip
            k += 1
        ment = next((x for x in a.mentions if x.i in (after, k)), None)
        if ment is not None and (ment.kind in ("organisation", "agent") or ment.id):
            out.append(Source(text[ment.start - base:ment.end - base], ment.start, ment.end,
                              ment.name, ment.id))  # fmt: skip
            continue
        if after < len(toks) and a.func(after, "media_nouns"):
            j = after + 1
            while j < len(toks) and toks[j].text in ('"', "«", "»", "“", "”"):
                j += 1
            name_end = j
            while name_end < len(toks) and name_end - j < 4 and toks[name_end].is_word \
                    and a.covered.get(name_end) is None:
                name_end += 1
            if name_end > j:
                end = toks[name_end - 1].end
                if name_end < len(toks) and toks[name_end].text in ('"', "»", "”"):
                    end = toks[name_end].end
                s, e = toks[after].start, end
                name = " ".join(t.text for t in toks[j:name_end])
                out.append(Source(text[s - base:e - base], s, e, name))
    return out
