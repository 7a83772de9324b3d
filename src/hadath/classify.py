"""Stage 4: classify event words into triggers: PLOVER type, verb or noun, governing verb.

A trigger is an event verb («قصفت»), an event noun governed by a light verb («عقد اجتماعا»,
«سيقوم بإجراء لقاءات», «شنت غارات») or a passive auxiliary («تم اعتقال»), or an event noun
standing alone with its own genitive actor («زيارة الرئيس»).
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import EventSense, FunctionSense, Lexicon
from .recognize import Analysis, event_senses

LIGHT = ("light_verbs", "reverse_light_verbs", "passive_auxiliaries")


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event word in a sentence, with the verb that governs it when it is a noun."""

    i: int
    j: int
    sense: EventSense
    pos: str  # verb | noun
    head: int  # token index of the verb that carries tense (the trigger itself, or its light verb)
    head_end: int
    light: str | None = None  # light_verbs | reverse_light_verbs | passive_auxiliaries
    tense: str = "perfect"
    person: int = 3
    future: bool = False  # «س» on the verb or its light verb
    adverbial: bool = False  # a noun of purpose or manner: «للاحتجاج», «احتجاجا» (qualifies a verb)

    @property
    def span(self) -> tuple[int, int]:
        """Token span of the trigger text: the light verb is included when it stands next to
        the noun («عقد اجتماعا»), else the noun alone."""
        if self.head_end == self.i or self.head == self.j:
            return (min(self.i, self.head), max(self.j, self.head_end))
        return (self.i, self.j)


def _is_noun_reading(a: Analysis, i: int, lexicon: Lexicon, senses: list[EventSense]) -> bool:
    """Whether an event word reads as a noun: an article or preposition on it, or after a light
    verb."""
    tok = a.tokens[i]
    article = lexicon.words("clitics", "article")
    has_noun = any(s.pos == "noun" for s in senses)
    if any(tok.prefix.endswith(x) or (has_noun and tok.stem.startswith(x)) for x in article) or any(
            ch in lexicon.words("clitics", "prepositions") for ch in tok.prefix):  # fmt: skip
        return True
    if i > 0 and a.func(i - 1, *LIGHT, "prepositions", "light_nouns", "case_nouns") is not None:
        return True
    # «من نوع خطف جندي», «تبرير قتل المدنيين»: a masdar spelled like the verb, after a noun
    prev = a.tokens[i - 1] if i > 0 else None
    return has_noun and prev is not None and prev.is_word and not tok.prefix and \
        (a.covered.get(i - 1) is None or prev.norm in lexicon.words("generic_heads")) and \
        any(s.pos == "verb" for s in senses)


def _gap_found(a: Analysis, sense: EventSense, j: int, lexicon: Lexicon) -> int | None:
    """Where the rest of a gapped phrase ends when it follows within a few words («أطلقت
    القوات النار»); a rest that is only a preposition («حقق … في») may have only the subject
    between."""
    article = lexicon.index.clitics.article
    last = sense.gap[-1]
    bare = last[len(article):] if last.startswith(article) else last
    if not any(bare in t.norm for t in a.tokens[j:j + 6 + len(sense.gap)]):
        return None
    only_prep = len(sense.gap) == 1 and sense.gap[0] in lexicon.words("prepositions")
    words = list(sense.gap)
    k = j
    while k < len(a.tokens) and k - j < 6 + len(sense.gap) and words:
        if only_prep and k > j and a.mention_at(k) is None and a.tokens[k].norm != sense.gap[0]:
            return None  # «حقق بوتين فوزا في …»: not «حقق في»
        tok = a.tokens[k]
        bare = words[0][len(article):] if words[0].startswith(article) else words[0]
        if words[0] in (tok.norm, tok.stem) or bare in (tok.norm, tok.stem) or (
                tok.norm.startswith(bare)
                and tok.norm[len(bare):] in lexicon.index.clitics.pronouns):  # fmt: skip
            words.pop(0)
        elif not tok.is_word or a.func(k, "complementizers", "relatives"):
            return None
        k += 1
    return None if words else k


def _adverbial(a: Analysis, i: int, sense: EventSense, lexicon: Lexicon) -> bool:
    """Whether a bare event noun qualifies another act: «ل» of purpose («خرجوا للاحتجاج») or
    the indefinite accusative («احتجاجا على …»)."""
    tok = a.tokens[i]
    conj = lexicon.words("clitics", "conjunctions")
    prefix = tok.prefix[1:] if tok.prefix[:1] in conj else tok.prefix
    if prefix[:1] in lexicon.words("clitics", "purpose"):
        return True
    article = lexicon.index.clitics.article
    if prefix or tok.stem.startswith(article) or not tok.norm.endswith(article[0]):
        return False
    return any(isinstance(s, EventSense) and s.id == sense.id and s.pos == "noun"
               for s in lexicon.index.get(tok.norm[:-1]))  # fmt: skip


def _background(a: Analysis, i: int, lexicon: Lexicon) -> bool:
    """Whether a bare event noun names a known case rather than reports an act: after a case
    noun («جريمة اغتيال», «التحقيق في الهجوم») or «منذ»."""
    k = i - 1
    if k >= 0 and a.func(k, "background_prepositions"):
        return True
    if k > 0 and a.tokens[k].norm in lexicon.words("generic_heads"):
        k -= 1  # «يتحمل مسؤولية أعمال قتل»
    if k > 0 and a.func(k, "prepositions") and a.covered[k].i == k:
        k -= 1
    return k >= 0 and a.func(k, "case_nouns") is not None


def _choose(senses: list[EventSense], noun: bool) -> EventSense | None:
    wanted = [s for s in senses if (s.pos == "noun") == noun]
    if noun and not wanted:  # a verb's masdar the lexicon does not list as an event noun
        return None
    pool = wanted or senses
    if not pool:
        return None
    third = [s for s in pool if s.person == 3]
    return (third or pool)[0]


def _light_before(a: Analysis, i: int, lexicon: Lexicon) -> tuple[int, FunctionSense] | None:
    """The light verb or passive auxiliary governing a noun at token i: up to four words back,
    not counting the subject's words, dates and quantity words («سلسلة من»)."""
    k = i - 1
    words = 0
    while k >= 0 and words <= 4:
        if a.mention_at(k) is None and a.func(k, "weekday", "relday", "month") is None:
            words += 1
        f = a.func(k, *LIGHT)
        if f is not None:
            return a.covered[k].i, f
        tok = a.tokens[k]
        if not tok.is_word and tok.text not in ('"', "«", "»") and not (
                k > 0 and a.func(k - 1, "weekday", "relday", "month")):  # «شن الطيران الجمعة، …»
            return None
        if k == i - 1 and a.func(k, "prepositions"):  # «خلال الزيارة»: not the light verb's object
            if k > 0 and a.func(k - 1, "partitives"):  # «شنت سلسلة من الغارات»
                k -= 2
                continue
            return None
        m = a.covered.get(k)
        if m is not None and k > 0 and a.mention_at(k - 1) is not None and \
                a.tokens[k].prefix.endswith(lexicon.index.clitics.article):  # «طيران التحالف»
            k -= 1
            continue
        if m is not None and a.mention_at(k) is None and (
                any(not s.gap for s in event_senses(m))
                or a.func(k, "reporting_verbs", "complementizers", "relatives", "clause_openers",
                           "hypothetical", "any")):  # fmt: skip
            return None
        k -= 1
    return None


def classify(a: Analysis, lexicon: Lexicon) -> list[Trigger]:
    """Find the triggers of a sentence."""
    out: list[Trigger] = []
    future_prefix = lexicon.words("clitics", "future")
    consumed: set[int] = set()  # tokens of a gapped phrase's rest: not acts of their own
    for m in a.matches:
        senses = event_senses(m)
        if not senses or a.mention_at(m.i) is not None or a.func(m.i, "non_events") or \
                m.i in consumed:
            continue
        if any(p in a.tokens[m.i].prefix for p in future_prefix):  # «س» only on the imperfect
            senses = [s for s in senses if s.tense != "perfect"]  # («سائدا» is no «س» + «أيدا»)
            if not senses:
                continue
        if a.func(m.i, "time_day_parts") and m.j < len(a.tokens) and a.func(
                m.j, "weekday", "relday", "month") is not None:  # «فجر اليوم»: dawn, not «فجّر»
            continue
        if m.i not in a.quoted:  # first person («أقترح», «نسمح») only inside quotations
            senses = [s for s in senses if s.person != 1] or []
            if not senses:
                continue
        gapped = [s for s in senses if s.gap]
        if gapped:
            ends = {id(s): _gap_found(a, s, m.j, lexicon) for s in gapped}
            found = sorted((s for s in gapped if ends[id(s)] is not None),  # the most specific
                           key=lambda s: (-len(s.gap), ends[id(s)] or 0))  # rest, then the nearest
            senses = found or [s for s in senses if not s.gap]
            if not senses:
                continue
            end = max((ends[id(s)] or 0) for s in found) if found else 0
            consumed.update(range(m.j, end))  # «جمدت الولايات المتحدة المساعدات»: one act
        noun = _is_noun_reading(a, m.i, lexicon, senses)
        sense = _choose(senses, noun)
        if sense is None:
            continue
        if sense.pos == "noun":
            light = _light_before(a, m.i, lexicon)
            if light is not None:
                hi, f = light
                head_m = a.covered[hi]
                out.append(Trigger(m.i, m.j, sense, "noun", hi, head_m.j, f.category,
                                   f.tense or "perfect", f.person,
                                   any(p in a.tokens[hi].prefix
                                       for p in future_prefix)))  # fmt: skip
                continue
            if _background(a, m.i, lexicon):
                continue
            out.append(Trigger(m.i, m.j, sense, "noun", m.i, m.j, None, "noun",
                               adverbial=_adverbial(a, m.i, sense, lexicon)))
            continue
        fut = any(p in a.tokens[m.i].prefix for p in future_prefix)
        out.append(Trigger(m.i, m.j, sense, "verb", m.i, m.j, None, sense.tense, sense.person, fut))
    return out
