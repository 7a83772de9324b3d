"""The most frequent person-like names in a corpus that hadath does not resolve to the lexicon.

Reads a JSON-lines corpus (one article a line: id, source, date, title, text), takes a spread
of articles (every ``--step``-th line, up to ``--limit``), codes each with ``hadath.code`` and
collects two kinds of candidates:

1. **title + unknown name**: entities of kind ``person`` whose ``id`` is None but that carry a
   name, i.e. hadath recognised a title («وزير الخارجية», «الرئيس») and captured the words
   after it as a name it does not know («وزير الدفاع الياس المر» → «الياس المر»). Titles with
   no name, one-word captures that are not a known first name, and captures that start with a
   stop word or end in an attached pronoun («تأكيده») are dropped.
2. **first name + unknown surname**: anywhere in the text, a known first name (the first words
   of the people lexicon's names: «محمد», «جون», «عبد …», minus ordinary words such as «غير»,
   «ولي») followed by one or two name-like words, none of them covered by a recognised entity,
   place, time or source («وقال أحمد المساري …»). Such a name right after a verb of saying or
   an honorific (``reporting_verbs``, ``intro_titles`` of ``language.yaml``) is marked
   ``speaker``, else ``given-name``.

Candidates are counted on their folded form (alef/hamza, ى/ي, ة/ه folded, as hadath matches),
so «إبراهيم» and «ابراهيم» count together; the most frequent written form is shown with one
example context (at most 60 characters).

Usage::

    python tools/unresolved_names.py /work/shared/corpora/arabic_news.jsonl [--step 18]
        [--limit 200] [--top 50]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import hadath
from hadath.lexicon import DATA_DIR, load_lexicon
from hadath.model import Article, Token
from hadath.normalize import fold

CONTEXT = 60
# first words that take a second one («عبد الله», «أبو بكر»)
COMPOUND_FIRST = frozenset({"عبد", "ابو", "ابن", "بن", "ام", "ال"})
CONNECTORS = frozenset({"بن", "بنت", "ابن", "ابو", "ال", "دي", "دو", "فون", "فان"})
# first words of lexicon names that are also ordinary words («غير», «ولي», «فتح», «باسم»)
COMMON_WORDS = frozenset({"لي", "الا", "بعد", "سلطان", "خليفه", "امير", "شيخ", "ملك", "سلام",
                          "امل", "نور", "فضل", "رئيس", "غير", "ولي", "فتح", "سلامه", "تحسين",
                          "باسم", "ايه", "ضيف", "كريم", "شمس", "نائب", "عضو", "قائد", "سعيد",
                          "حر", "جمال", "عز", "صالح", "زعيم", "حاكم", "مجلس", "حزب", "اكبر", "امر",
                          "اشرف", "اسماء", "امين", "بات", "اول", "ثان", "ثاني", "احد", "اداء",
                          "انعقد", "اهتماما", "مقرر", "وفاء", "فرح", "جميل", "حسين"})  # fmt: skip


@dataclass
class Candidate:
    """One unresolved name: how often, how written, where, and how it was found."""

    count: int = 0
    forms: Counter[str] = field(default_factory=Counter)
    context: str = ""
    how: Counter[str] = field(default_factory=Counter)


def read_corpus(path: Path, step: int, limit: int) -> list[dict[str, str]]:
    """Every ``step``-th article of a JSON-lines corpus, at most ``limit`` of them."""
    out: list[dict[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % step == 0 and line.strip():
                out.append(json.loads(line))
                if len(out) >= limit:
                    break
    return out


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """At most ``width`` characters of text around [start, end), on one line."""
    room = max(0, width - (end - start))
    left = max(0, start - room // 2)
    right = min(len(text), end + (room - (start - left)))
    return " ".join(text[left:right].split())[:width]


def speaker_words() -> tuple[frozenset[str], frozenset[str]]:
    """Folded triggers after which a name is expected, and words that are never names."""
    lex = load_lexicon()
    triggers: set[str] = set()
    for item in lex.language.get("reporting_verbs", []):
        for key in ("verb", "present"):
            w = fold(str(item.get(key, "") if isinstance(item, dict) else item))
            if not w:
                continue
            triggers.add(w)
            if key == "verb":
                triggers.update({w + "ت", "و" + w, "و" + w + "ت", "ف" + w})
            else:  # يقول → تقول، ويقول
                triggers.update({"ت" + w[1:], "و" + w, "وت" + w[1:]})
    honorifics = set(lex.words("intro_titles"))
    triggers |= honorifics | {"و" + h for h in honorifics}
    stop: set[str] = set(lex.words("not_names"))
    for path in (("prepositions",), ("complementizers",), ("relatives",), ("clause_openers",),
                 ("additive_openers",), ("quantities",), ("place_nouns",), ("media_nouns",),
                 ("first_person",), ("second_person",), ("coordination",)):  # fmt: skip
        stop |= lex.words(*path)
    stop |= {"انه", "انها", "انهم", "ان", "بان", "لان", "فان", "وان", "مصدر", "مصادر", "مسؤول",
             "مسؤولون", "بيان", "المصدر", "التلفزيون", "الصحيفه", "الوكاله", "وكاله", "خلال"}
    return frozenset(triggers), frozenset(stop)


def covered_spans(article: Article) -> list[tuple[int, int]]:
    """Character spans hadath already accounts for: entities, places, times, sources."""
    spans = [(e.start, e.end) for e in article.entities]
    spans += [(p.start, p.end) for p in article.places]
    spans += [(t.start, t.end) for t in article.times]
    spans += [(s.start, s.end) for s in article.sources]
    return spans


def is_name_word(tok: Token, stop: frozenset[str]) -> bool:
    """A token that could be part of a person's name."""
    norm = tok.norm
    return (tok.is_word and len(norm) >= 2 and not norm.isdigit() and norm not in stop
            and not any(ch.isascii() for ch in norm))  # fmt: skip


def given_names(stop: frozenset[str]) -> frozenset[str]:
    """Folded first words of the people lexicon's names («محمد», «جون», «عبد …»): a word
    from this set starts a name. Definite words and stop words are left out."""
    out: set[str] = set()
    for path in sorted((DATA_DIR / "people").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for name in entry.get("names") or []:
                words = fold(str(name)).split()
                if len(words) >= 2 and len(words[0]) >= 3 and not words[0].startswith("ال"):
                    out.add(words[0])
    return frozenset(out - stop - COMMON_WORDS)


def name_at(toks: list[Token], i: int, given: frozenset[str], stop: frozenset[str],
            free: Callable[[Token], bool]) -> tuple[int, str, str] | None:
    """A 2–3-word unknown name starting at token i: (end index, folded key, written form)."""
    first = toks[i]
    norm = first.norm
    lead = ""
    if norm[:1] == "و" and norm[1:] in given:  # «وقال محمد …» / «ومحمد …»
        lead, norm = "و", norm[1:]
    if norm not in given or not free(first):
        return None
    words = [norm]
    forms = [first.text[len(lead):]]
    k = i + 1
    if norm in COMPOUND_FIRST and k < len(toks) and is_name_word(toks[k], stop) and free(toks[k]):
        words.append(toks[k].norm)  # «عبد الله», «أبو بكر»
        forms.append(toks[k].text)
        k += 1
    surnames = 0
    while k < len(toks) and surnames < 2 and is_name_word(toks[k], stop) and free(toks[k]):
        w = toks[k].norm
        if w[:1] == "و" and len(w) > 3 and surnames:  # «… وقال», «… ووزير»: a new phrase
            break
        words.append(w)
        forms.append(toks[k].text)
        k += 1
        surnames += 1
        nxt = toks[k].norm if k < len(toks) else ""
        if w not in CONNECTORS and nxt not in CONNECTORS and nxt not in given:
            break
    if surnames == 0:
        return None
    return k, " ".join(words), " ".join(forms)


def collect(articles: list[dict[str, str]]) -> dict[str, Candidate]:
    """Code the articles and collect unresolved name candidates keyed by their folded form."""
    triggers, stop = speaker_words()
    given = given_names(stop)
    found: dict[str, Candidate] = defaultdict(Candidate)

    def add(key: str, form: str, text: str, start: int, end: int, how: str) -> None:
        cand = found[key]
        cand.count += 1
        cand.forms[form] += 1
        cand.how[how] += 1
        if not cand.context:
            cand.context = context(text, start, end)

    for doc in articles:
        published = None
        with contextlib.suppress(ValueError):
            published = dt.date.fromisoformat(str(doc.get("date", ""))[:10])
        text = doc.get("text") or ""
        article = hadath.code(text, published)
        taken: list[tuple[int, int]] = []
        for ent in article.entities:  # 1. title + unknown name
            if ent.kind != "person" or ent.id is not None or not ent.name:
                continue
            if ent.name == ent.office or ent.name.isascii():
                continue  # a title with no name after it («وزير الخارجية الأمريكي»)
            words = fold(ent.name).split()
            if not 2 <= len(words) <= 4 and not (words and words[0] in given):
                continue  # one unknown word after a title is rarely a name («تأكيده»)
            if words[0] in stop or words[0] in COMMON_WORDS or words[0].startswith(("ال", "بال")) \
                    or words[-1].endswith("ه"):
                continue
            add(" ".join(words), ent.name, text, ent.start, ent.end, "title")
            taken.append((ent.start, ent.end))
        spans = covered_spans(article)

        def free(tok: Token, spans: list[tuple[int, int]] = spans) -> bool:
            return not any(s < tok.end and tok.start < e for s, e in spans)

        for sent in article.sentences:  # 2. a known first name + unknown surname(s)
            toks = [t for t in sent.tokens if t.is_word]
            i = 0
            while i < len(toks):
                hit = name_at(toks, i, given, stop, free)
                if hit is None:
                    i += 1
                    continue
                k, key, form = hit
                start, end = toks[i].start, toks[k - 1].end
                after_speech = i > 0 and toks[i - 1].norm in triggers
                how = "speaker" if after_speech else "given-name"
                add(key, form, text, start, end, how)
                i = k
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path,
                        help="JSON-lines corpus (id, source, date, title, text)")
    parser.add_argument("--step", type=int, default=18, help="take every STEP-th line")
    parser.add_argument("--limit", type=int, default=200, help="at most this many articles")
    parser.add_argument("--top", type=int, default=50, help="how many names to list")
    parser.add_argument("--min-count", type=int, default=1, help="drop names seen fewer times")
    args = parser.parse_args(argv)

    articles = read_corpus(args.corpus, args.step, args.limit)
    found = collect(articles)
    ranked = sorted(((k, c) for k, c in found.items() if c.count >= args.min_count),
                    key=lambda kc: (-kc[1].count, "given-name" in kc[1].how, kc[0]))  # fmt: skip
    print(f"{len(articles)} articles, {len(found)} unresolved name candidates; top {args.top}:")
    for n, (_key, cand) in enumerate(ranked[: args.top], 1):
        form = cand.forms.most_common(1)[0][0]
        how = "+".join(sorted(cand.how))
        print(f"{n:3d} {cand.count:4d}  {form:28s} [{how}]  …{cand.context}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
