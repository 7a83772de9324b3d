"""Stage 5: attach actors, recipients, modality, date and place to each trigger.

Clauses are cut at complementizers («أن»), relatives, clause openers («حيث»), colons and
verbs coordinated by «و». In its clause a verb's subject is the entity before it (subject-
first) or the first ungoverned entity after it (verb-first); with neither, the subject
carries over from the sentence or the previous one (and first person means the speaker).
Reporting verbs are never events: what they report is coded, with its own actor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from .classify import Trigger
from .lexicon import FunctionSense, Lexicon, PlaceSense
from .recognize import Analysis, Mention, attached_prep, event_senses
from .timex import TimeParse, find_times, resolve

IMPLICIT_ACTOR = ("PROTEST", "ASSAULT")  # «خرجت مظاهرات في …», «تفجير انتحاري في …»: unnamed actors

VERBISH = ("reporting_verbs", "light_verbs", "reverse_light_verbs", "passive_auxiliaries",
           "source_verbs", "denial", "intention")  # fmt: skip


@dataclass
class RawEvent:
    """An event as attached in its sentence, before references are resolved."""

    sentence: int
    trigger: Trigger
    actors: list[Mention]
    recipients: list[Mention]
    modality: str
    mode: str | None
    time: TimeParse | None
    anchor: dt.date | None
    place: tuple[int, int, PlaceSense] | Mention | None
    evidence: list[str] = field(default_factory=list)
    actor_ref: str | None = None  # speaker | carry: the actor is implied


@dataclass
class Context:
    """What the article has established so far (subjects and speakers carry across sentences)."""

    published: dt.date | None
    last_subject: list[Mention] = field(default_factory=list)
    subject_age: int = 0  # sentences since the last explicit subject
    in_sentence: bool = False  # whether the carried subject was found in the current sentence
    speaker: list[Mention] = field(default_factory=list)
    reports: list[tuple[int, list[Mention]]] = field(default_factory=list)  # this sentence's
    # reporting verbs (token index) with their speakers


def clauses(a: Analysis, lexicon: Lexicon, triggers: list[Trigger]) -> list[int]:
    """A clause number for every token of the sentence."""
    bounds = {"complementizers", "clause_openers", "relatives", "additive_openers", "place_openers"}
    verb_heads = {t.head for t in triggers if t.pos == "verb" or t.light}
    conj = lexicon.words("clitics", "conjunctions")
    clause_punct = {":"}
    quoted = a.quoted
    opens = {k - 1 for k in quoted if k - 1 not in quoted}  # the mark opening a real quotation
    out = []
    c = 0
    prev_boundary = True
    for k, tok in enumerate(a.tokens):
        f = a.func(k)
        starts = a.covered.get(k) is not None and a.covered[k].i == k
        new = False
        if (f is not None and starts and f.category in bounds) or tok.text in clause_punct \
                or k in opens:
            new = True
        elif starts and (k in verb_heads or (f is not None and f.category in VERBISH)):
            new = tok.prefix[:1] in conj or (k > 0 and a.tokens[k - 1].text in ("،", ","))
        if new and not prev_boundary:
            c += 1
        prev_boundary = new
        out.append(c)
    return out


def _eff_prep(a: Analysis, m: Mention, lexicon: Lexicon) -> str | None:
    """The preposition governing a mention, also across quote marks and through one plain noun
    («برغبة تركيا», «إلى مجموعة "بريكس"»)."""
    if m.prep:
        return m.prep
    quotes = _quote_marks(lexicon)
    k = m.i - 1
    while k >= 0 and a.tokens[k].text in quotes:
        k -= 1
    if k < 0:
        return None
    f = a.func(k, "prepositions")
    if f is not None:
        return f.value
    tok = a.tokens[k]
    if tok.is_word and a.mention_at(k) is None:
        attached = attached_prep(tok.prefix, lexicon)
        if attached:
            return attached
        if not tok.prefix and a.covered.get(k) is None and len(tok.norm) >= 5 and \
                tok.norm[0] in lexicon.words("clitics", "prepositions"):
            return tok.norm[0]  # «بموقف الجزائر»: an unknown noun with «ب», in construct
        g = a.func(k - 1, "prepositions") if k > 0 else None
        return g.value if g is not None else None
    return None


def _quote_marks(lexicon: Lexicon) -> set[str]:
    punct = lexicon.language.get("punctuation") or {}
    return set(punct.get("quotes_open", [])) | set(punct.get("quotes_close", []))


def _is_place(a: Analysis, m: Mention, lexicon: Lexicon) -> bool:
    """A capital after «في»/«ب» is where something happened, not who did it."""
    return any(e.startswith("capital:") for e in m.evidence) and m.prep is not None and \
        m.prep in lexicon.words("locative_prepositions")


def _group(mentions: list[Mention], first: Mention) -> list[Mention]:
    """A mention with the ones coordinated after it («السعودية والإمارات»)."""
    out = [first]
    idx = mentions.index(first)
    for m in mentions[idx + 1:]:
        if m.coordinated and m.i - out[-1].j <= 1:
            out.append(m)
        else:
            break
    return out


def _subject(a: Analysis, cl: list[int], head: int, head_end: int, candidates: list[Mention],
             stop: set[int]) -> list[Mention]:  # fmt: skip
    """The subject of the verb at `head`: a clause-initial entity right before it (subject-first),
    else the first ungoverned entity after it (verb-first), else the nearest one before it."""
    c = cl[head]
    before = [m for m in candidates if m.j <= head and cl[m.i] == c and not m.prep
              and not any(m.j <= s < head for s in stop)]  # fmt: skip
    if before:
        first = _first_of_group(candidates, before[-1])
        if _clause_initial(a, cl, first.i) and _adjacent(a, before[-1].j, head):
            return _group(candidates, first)
    for m in candidates:
        if m.i >= head_end and cl[m.i] == c:
            if m.prep or any(head_end <= s < m.i for s in stop) or not _adjacent(a, head_end, m.i):
                break
            return _group(candidates, m)
    if before:
        return _group(candidates, _first_of_group(candidates, before[-1]))
    return []


def _first_of_group(candidates: list[Mention], m: Mention) -> Mention:
    """Back to the first mention of a coordinated group."""
    idx = candidates.index(m)
    while candidates[idx].coordinated and idx > 0:
        idx -= 1
    return candidates[idx]


def _clause_initial(a: Analysis, cl: list[int], i: int) -> bool:
    """Whether only particles, openers and dates stand between the clause start and token i."""
    first = cl.index(cl[i])
    for k in range(first, i):
        tok = a.tokens[k]
        if tok.is_word and a.func(k) is None:
            return False
    return True


def _adjacent(a: Analysis, start: int, i: int) -> bool:
    """Whether only time words, particles or at most one plain word stand between."""
    plain = 0
    for k in range(start, i):
        tok = a.tokens[k]
        if a.func(k, "prepositions", "complementizers", "relatives") is not None and \
                a.func(k, "approximators") is None:  # «نحو مائة متظاهر»: a count, not "towards"
            return False
        if a.covered.get(k) is None and tok.is_word:
            plain += 1
    return plain <= 1


def _recipients(a: Analysis, cl: list[int], start: int, t: Trigger, candidates: list[Mention],
                subject: list[Mention], lexicon: Lexicon) -> list[Mention]:  # fmt: skip
    """The recipient: after a listed preposition, or the direct object when «obj» is listed."""
    wanted = set(t.sense.recipient)
    preps = {p for p in wanted if p != "obj"}
    c = cl[t.i]
    if subject and subject[-1].i >= t.j:
        start = max(start, _apposition_end(a, subject[-1], lexicon))
    for m in candidates:
        if m.i < start or m in subject or cl[m.i] != c:
            continue
        prep = _eff_prep(a, m, lexicon)
        if prep is None and "obj" in wanted:
            return _group(candidates, m)
        if prep is not None and prep in preps:
            return _group(candidates, m)
    return []


def _apposition_end(a: Analysis, subject: Mention, lexicon: Lexicon) -> int:
    """Where the description of a named subject ends: «استقبل محمد بن زايد ولي عهد أبوظبي
    نائب القائد الأعلى …، وزير الخارجية السعودي» — the titles after a known person's name
    describe him, up to the next comma."""
    k = subject.j
    if subject.person is None or k >= len(a.tokens) or not a.tokens[k].is_word or \
            a.func(k) is not None:
        return subject.j
    commas = {str(p) for p in (lexicon.language.get("punctuation") or {}).get("clause", [])}
    for end in range(k, min(k + 25, len(a.tokens))):
        if a.tokens[end].text in commas:
            return end + 1
        if a.func(end, "complementizers", "relatives", "clause_openers") is not None:
            break
    return subject.j


def _genitive(a: Analysis, t: Trigger, candidates: list[Mention],
              lexicon: Lexicon) -> list[Mention]:  # fmt: skip
    """The genitive actor of an event noun: «زيارة الرئيس», «الهجوم الإسرائيلي»."""
    for m in candidates:
        if m.i in (t.j, t.j + 1) and not m.prep:
            if m.i == t.j + 1 and a.covered.get(t.j) is not None:
                continue
            return _group(candidates, m)
    construct = t.j < len(a.tokens) and not _definite(a, t.j - 1, lexicon) and \
        _definite(a, t.j, lexicon)  # «خطف الطيار الإسرائيلي»: the nisba is the genitive's
    for n in a.nisbas:  # «الغارات الجوية التركية»: a nisba after up to two adjectives
        if (n.i == t.j or not construct) and t.j <= n.i <= t.j + 2 and all(
                a.covered.get(k) is None and a.tokens[k].is_word
                for k in range(t.j, n.i)):  # fmt: skip
            return [n]
    return []


def _title_chain(a: Analysis, first: Mention, candidates: list[Mention]) -> list[Mention]:
    """Titles in apposition end with the one that names the holder: from a title without a
    country, follow adjacent titles (or «ل» + title) to the first with a country or a name."""
    prev = first
    for m in candidates[candidates.index(first) + 1:]:
        if m.i - prev.j > 1 or (m.prep and m.prep != a.tokens[m.i].prefix[:1]) or \
                m.kind != "person":
            break
        if m.country or m.id:
            return [m]
        prev = m
    return [first]


def _genitive_chain(a: Analysis, t: Trigger, candidates: list[Mention]) -> list[Mention]:
    """The entity a governed noun belongs to, through a chain of construct nouns
    («اجتماع وزراء خارجية مجموعة دول بريكس» → BRICS); entities with a country first."""
    chain = [m for m in candidates if t.j <= m.i <= t.j + 5 and not m.prep
             and "of-event-noun" not in m.evidence]  # «هجوم إسرائيلي»: another noun's adjective
    with_country = [m for m in chain if m.country]
    if with_country:
        return _group(candidates, with_country[0])
    return _group(candidates, chain[0]) if chain else []


def _in_object_zone(t: Trigger, verb: Trigger, cl: list[int]) -> bool:
    return verb.pos == "verb" and verb.i < t.i and cl[verb.i] == cl[t.i]


def _modality(a: Analysis, t: Trigger, cl: list[int], lexicon: Lexicon) -> tuple[str, list[str]]:
    h = t.head
    c = cl[h]
    ev: list[str] = []
    for k in (h - 1, h - 2):
        if k >= 0 and cl[k] == c and a.func(k, "negation"):
            return "negated", ["negation"]
    for k in range(h - 1, -1, -1):
        if a.func(k, "denial"):
            return "negated", ["denial"]
        if cl[k] < c - 1:
            break
    if t.future:
        return "future", ["future-prefix"]
    for k in range(h - 1, -1, -1):
        if cl[k] != c and not (cl[k] == c - 1 and a.func(k, "future", "intention")):
            break
        f = a.func(k, "future", "intention", "hypothetical")
        if f is not None:
            return ("hypothetical" if f.category == "hypothetical" else "future"), [f.category]
    if h > 0 and a.func(h - 1, "may") and t.tense == "imperfect":
        return "hypothetical", ["may"]
    if t.adverbial and t.sense.type in (lexicon.language.get("purpose_unrealised") or ()) and \
            _indefinite(a, t, lexicon):
        return "hypothetical", ["purpose"]
    unrealised = lexicon.language.get("purpose_unrealised") or ()
    if t.light == "light_verbs" and t.sense.type in unrealised \
            and a.tokens[h].prefix[-1:] in lexicon.words("clitics", "purpose") and \
            not (h > 0 and a.func(h - 1, "light_verbs")):  # fmt: skip
        return "hypothetical", ["purpose"]  # «أرسلت دبابات لشن هجوم»: not launched yet
    if t.pos == "noun":
        if t.i > 0 and a.func(t.i - 1, "any"):
            return "hypothetical", ["any"]
        for k in range(t.j, min(t.j + 4, len(a.tokens))):
            if cl[k] == c and a.func(k, "future"):
                return "future", ["future-adjective"]
            if cl[k] == c and a.func(k, "possible"):
                return "hypothetical", ["possible"]
    return "asserted", ev


def _closest_trigger_times(triggers: list[Trigger], times: list[TimeParse],
                           cl: list[int]) -> dict[int, TimeParse]:  # fmt: skip
    """Each date expression dates the nearest trigger of its clause."""
    out: dict[int, TimeParse] = {}
    for tp in times:
        same = [t for t in triggers if cl[t.i] == cl[tp.i] or cl[t.head] == cl[tp.i]]
        if not same:
            continue
        best = min(same, key=lambda t: min(abs(tp.i - t.j), abs(t.i - tp.j)))
        out.setdefault(id(best), tp)
    return out


def attach_sentence(a: Analysis, triggers: list[Trigger], ctx: Context,
                    lexicon: Lexicon) -> list[RawEvent]:  # fmt: skip
    """Attach every trigger of one sentence; updates the article context."""
    cl = clauses(a, lexicon, triggers)
    quoted = a.quoted
    candidates = [m for m in a.mentions if not _is_place(a, m, lexicon)]
    verb_stops = {t.head for t in triggers if t.pos == "verb" or t.light}
    times = a.times = find_times(a)
    carry: list[Mention] = list(ctx.last_subject)
    # reporting verbs: their subjects are speakers; their own dates anchor relative dates
    anchor = ctx.published
    ctx.reports = []
    said_when: list[tuple[int, TimeParse]] = []  # reporting verbs' own dates
    for m in a.matches:
        f = a.func(m.i, "reporting_verbs", "source_verbs")
        prefix = a.tokens[m.i].prefix
        if f is None or a.covered[m.i].i != m.i or m.i in quoted or \
                prefix[-2:] == lexicon.index.clitics.article or \
                any(p in lexicon.words("clitics", "prepositions") for p in prefix):
            continue  # «بنقل السفارة»: a noun, not «نقل» (reported)
        subj = _subject(a, cl, m.i, m.j, candidates, verb_stops)
        if subj:
            ctx.speaker = subj
            carry = subj
        if f.category == "reporting_verbs":
            ctx.reports.append((m.j, subj or list(ctx.speaker)))
        for tp in times:
            if cl[tp.i] == cl[m.i] and ctx.published is not None:
                start, _, _ = resolve(tp, ctx.published, future=False)
                anchor = start or anchor
                said_when.append((m.j, tp))
    raw: list[RawEvent] = []
    ctx.in_sentence = carry is not ctx.last_subject  # a subject was found earlier in this sentence
    for t in triggers:
        r = _attach(a, t, triggers, cl, quoted, candidates, verb_stops, carry, ctx, lexicon, raw)
        if r is None:
            continue
        r.anchor = anchor
        if (raw and r.modality == "asserted" and t.tense == "imperfect" and raw[-1].modality
                in ("future", "hypothetical", "negated")
                and cl[raw[-1].trigger.head] == cl[t.head] - 1):  # fmt: skip
            r.modality = raw[-1].modality  # «من المقرر أن يجتمع … ويحضر»: coordinated verbs share
            r.evidence.append("modality-from-coordinated")
        if r.actors and r.actor_ref is None and (t.pos == "verb" or t.light):
            carry = r.actors  # subjects of verbs carry over, genitives of nouns do not
            ctx.in_sentence = True
        raw.append(r)
    dated = _closest_trigger_times([r.trigger for r in raw], times, cl)
    for r in raw:
        r.time = dated.get(id(r.trigger))
        if r.time is None and "evaluation" in r.evidence:  # a judgement is dated when said
            r.time = next((tp for k, tp in reversed(said_when) if k <= r.trigger.i), None)
    raw = [r for r in raw if not _tally(r, anchor)]
    explicit = any(r.actor_ref is None and r.actors for r in raw) or carry is not ctx.last_subject
    ctx.subject_age = 0 if explicit else ctx.subject_age + 1
    ctx.last_subject = carry if ctx.subject_age <= 1 else []
    return raw


def _attach(a: Analysis, t: Trigger, triggers: list[Trigger], cl: list[int], quoted: set[int],
            candidates: list[Mention], verb_stops: set[int], carry: list[Mention], ctx: Context,
            lexicon: Lexicon, raw: list[RawEvent]) -> RawEvent | None:  # fmt: skip
    """Actors, recipients, modality and place of one trigger (None: not an event)."""
    ev = [f"{t.sense.id}"]
    if t.sense.evaluative:
        return _evaluation(a, t, cl, candidates, ctx, ev, lexicon)
    if t.light:
        ev.append(f"{t.light}:{a.tokens[t.head].text}")
    circumstance = t.pos == "noun" and not t.light and _circumstance(a, t)
    governing = [v for v in triggers if v is not t and _in_object_zone(t, v, cl)
                 and not circumstance]  # fmt: skip
    own = _genitive(a, t, candidates, lexicon) if t.pos == "noun" and not t.light else []
    if own and not (own[0].country or own[0].id or own[0].ref):
        own = _title_chain(a, own[0], candidates)  # «زيارة ولي العهد … الأمير محمد بن سلمان»
    own = [m for m in own if m.country or m.id or m.ref]
    target: list[Mention] = []
    adjective = bool(own) and (own[0].kind == "nisba" or "of-event-noun" in own[0].evidence)
    if own and not adjective and "obj" in t.sense.recipient and \
            t.sense.type in (lexicon.language.get("objective_genitive") or ()):
        own, target = [], own  # «اغتيال الرئيس»: the genitive is the target
    if t.pos == "noun" and not t.light and governing:
        v = governing[-1]
        if v.sense.type == "REQUEST":
            mode = (lexicon.language.get("request_modes") or {}).get(t.sense.type)
            for r in raw:
                if r.trigger is v and mode and not r.mode:
                    r.mode = mode
                    r.evidence.append(f"request-mode:{t.sense.id}")
        if v.sense.type in ("CONSULT", "REQUEST") or not (own or t.sense.by):
            return None
    actor_ref = None
    speaker_first = _first_person_subject(a, cl, t) or (
        t.i in quoted and t.pos == "verb" and _reads_first_person(a, t))
    if t.pos == "noun" and not t.light:
        if t.adverbial and t.sense.type == "PROTEST" and raw and _qualifies(raw[-1], lexicon):
            return None  # «خرجوا للاحتجاج» is one protest; «فضت الشرطة اعتصاما احتجاجا على …»
        actors = own or _between(a, cl, t, candidates, lexicon)  # «مواجهات بين X و Y»
        if actors and not own:
            ev = [*ev, "actors:between"]
        if target:  # «اغتيال الرئيس على يد مسلحين»; unnamed attackers when said where or when
            actors = _agent(a, t, candidates)
            if actors:
                return _finish(a, t, cl, actors, target, None, ev, candidates, lexicon)
            if governing or not _situated(a, cl, t):
                return None
            return _finish(a, t, cl, [], target, "implicit", ev, candidates, lexicon)
        if not actors and t.sense.by is not None:  # «عاصفة الحزم»: a named operation
            return _finish(a, t, cl, [], [], "operation", ev, candidates, lexicon)
        if not actors and t.sense.type in IMPLICIT_ACTOR and not governing and (
                (_indefinite(a, t, lexicon) or _situated(a, cl, t)) if t.sense.type == "PROTEST"
                else (_situated(a, cl, t) and (_indefinite(a, t, lexicon) or _casualties(a)))):
            # «الهجوم … أسفر عن مقتل»: a definite attack noun with casualties is reported too
            return _finish(a, t, cl, [], [], "implicit", ev, candidates, lexicon)
        if not actors and circumstance and raw and raw[-1].actors and \
                raw[-1].trigger.head < t.i and cl[raw[-1].trigger.head] == cl[t.i]:
            actors, actor_ref = list(raw[-1].actors), "carry"  # «طالب المبعوث في ختام زيارة»
        if not actors and speaker_first and ctx.speaker:
            actors, actor_ref = list(ctx.speaker), "speaker"
        if not actors and a.tokens[t.j - 1].suffix:  # «أعلنت الحكومة استعدادها»: her readiness
            actors = _possessor(a, cl, t, candidates, verb_stops)
        if not actors:
            return None
        recip_start = max(t.j, actors[-1].j if actor_ref is None else t.j)
    else:
        if t.pos == "verb" and (t.sense.passive or _voweled_passive(a, t, lexicon)):  # «اغتيل»,
            actors = _agent(a, t, candidates)  # «سُجنت وعُذبت»: the subject suffered the act
            victims = [m for m in _subject(a, cl, t.head, t.head_end, candidates,
                                           verb_stops - {t.head}) if m not in actors]  # fmt: skip
            if not actors and t.sense.type in IMPLICIT_ACTOR:
                return _finish(a, t, cl, [], victims, "implicit", [*ev, "passive"], candidates,
                               lexicon)  # fmt: skip
            return _finish(a, t, cl, actors, victims, None, [*ev, "passive"], candidates, lexicon)
        before_noun = [m for m in candidates if not t.light or m.j <= t.i or m.i < t.head]
        actors = _subject(a, cl, t.head, t.head_end, before_noun, verb_stops - {t.head})
        if t.person == 1 or (speaker_first and not actors):
            actors, actor_ref = list(ctx.speaker), "speaker"
        elif not actors and _numeric_subject(a, cl, t, lexicon):
            if t.sense.type in IMPLICIT_ACTOR:  # «تظاهر الآلاف»
                return _finish(a, t, cl, [], [], "implicit", ev,
                               candidates, lexicon)  # fmt: skip
            actors = []  # «قتل 12 شخصا», «54 من الحوثيين قتلوا»: victims counted, no actor
        elif not actors and _coordinated(a, cl, t, lexicon) and \
                _previous_subject(a, cl, t, candidates):  # «أن القوات تقدمت …، وحررت …»
            actors = _previous_subject(a, cl, t, candidates)
        elif not actors and _antecedent(a, cl, t, candidates):  # «الكتائب التي اقتحمت المعسكر»
            actors = _antecedent(a, cl, t, candidates)
        elif not actors and _unknown_subject(a, t, lexicon):  # «استهدفت الدراسة …»: its
            if t.sense.type == "ASSAULT" and _situated(a, cl, t):  # «فجرت الجبهة سيارات
                return _finish(a, t, cl, [], [], "implicit", ev, candidates, lexicon)  # في المدينة»
            if t.sense.type != "PROTEST" or (t.sense.crowd and not _crowd(
                    a, cl, t, [], triggers, lexicon)):  # subject is no political entity we know
                return None  # (nor a crowd: «أماكن تجمع النفايات»)
            return _finish(a, t, cl, [], [], "implicit", ev, candidates, lexicon)  # «تجمهر الناس»
        elif not actors or ((_continues(a, cl, t) or (_coordinated(a, cl, t, lexicon) and
                                                     ctx.in_sentence and len(actors) == 1))
                            and "obj" in t.sense.recipient and carry
                            and all(m.i > t.head for m in actors)
                            and not (actors and _count(a, actors[-1].j))):  # fmt: skip
            # («حيث قتلت قوات الأمن 817 متظاهرا»: a count after X is the object, X the subject)
            if actors:  # «حيث التقى X»: the subject carries over, X is the object
                return _finish(a, t, cl, list(carry), actors, "carry", ev, candidates, lexicon)
            actors, actor_ref = list(carry), "carry"
        if t.sense.crowd and not _crowd(a, cl, t, actors, triggers, lexicon):
            return None
        if t.sense.unnamed:  # «انفجرت قنبلة»: the subject is the weapon, the doers unnamed
            actors, actor_ref = _agent(a, t, candidates), None
            if not actors:
                return _finish(a, t, cl, [], [], "implicit", ev, candidates, lexicon) \
                    if _situated(a, cl, t) else None
        if not actors and t.sense.type == "PROTEST":  # «تظاهر نحو ألفي شخص»: the act is reported
            return _finish(a, t, cl, [], [], "implicit", ev, candidates, lexicon)
        recip_start = max(t.j, max((m.j for m in actors if m.i > t.head), default=t.j))
    recipients = _recipients(a, cl, recip_start, t, candidates, actors, lexicon)
    if t.light and not recipients:
        recipients = [m for m in _genitive_chain(a, t, candidates) if m not in actors]
    if t.light == "reverse_light_verbs":  # «تعرضت القرية لقصف من الجيش»: the agent acts
        by = _agent(a, t, candidates) or [m for m in candidates if m.i >= t.j and cl[m.i] == cl[t.i]
                                           and _eff_prep(a, m, lexicon) == "من"][:1]
        actors, recipients = by, actors
        if not actors and t.sense.type in IMPLICIT_ACTOR:  # «تعرض للتعذيب»
            return _finish(a, t, cl, [], recipients, "implicit", ev, candidates, lexicon)
        if not actors and not recipients:
            return None
    elif t.sense.reverse and recipients:
        actors, recipients = recipients, actors
    if t.light == "passive_auxiliaries":
        recipients = [m for m in _genitive(a, t, candidates, lexicon) if m.kind != "nisba"]
        actors = _agent(a, t, candidates)
        if not actors:
            return None
    return _finish(a, t, cl, actors, recipients, actor_ref, ev, candidates, lexicon)


def _evaluation(a: Analysis, t: Trigger, cl: list[int], candidates: list[Mention], ctx: Context,
                ev: list[str], lexicon: Lexicon) -> RawEvent | None:  # fmt: skip
    """A judgement in reported speech («اعتبر X أن Y غير قادر», «وصف X القرار بأنه خطوة
    مؤلمة»): the speaker's act towards the first entity the speech is about."""
    reports = [(k, subj) for k, subj in ctx.reports if k <= t.i and subj]
    if reports:
        start, speaker, ref = reports[-1][0], reports[-1][1], None
    elif t.i in a.quoted and ctx.speaker:
        start, speaker, ref = 0, list(ctx.speaker), "speaker"
    else:
        return None
    if not any(m.country or m.sector or m.id for m in speaker):
        return None
    end = max(m.j for m in speaker)
    apposed = {m.i for m in candidates if m.i > end and all(
        not a.tokens[k].is_word for k in range(end, m.i))}  # «ولي العهد، الأمير محمد»
    pool = sorted([*candidates, *a.nisbas], key=lambda m: m.i)  # «القرار الإسرائيلي»: Israel
    own = {s.country for s in speaker}
    spoken = [m for m in pool if m.i >= start and m not in speaker and m.i not in apposed
              and not any(m.id and m.id == s.id for s in speaker)
              and not (m.kind in ("country", "capital", "seat") and m.country in own)]  # fmt: skip
    before = [m for m in spoken if m.j <= t.i]
    after = [m for m in spoken if m.i >= t.j and cl[m.i] == cl[t.i]]
    about = _group(pool, before[0]) if before else _group(pool, after[0]) if after else []
    return _finish(a, t, cl, speaker, about, ref, [*ev, "evaluation"], candidates, lexicon)


def _finish(a: Analysis, t: Trigger, cl: list[int], actors: list[Mention],
            recipients: list[Mention], actor_ref: str | None, ev: list[str],
            candidates: list[Mention], lexicon: Lexicon) -> RawEvent | None:  # fmt: skip
    if not actors and t.sense.by is not None:  # «عاصفة الحزم»: a named operation's commander
        actor_ref, ev = "operation", [x for x in ev if x != "actor:implicit"]
    if not actors and not recipients and actor_ref not in ("implicit", "operation"):
        return None
    if actors and all(m.sector == "CVL" for m in actors) and \
            t.sense.type not in (lexicon.language.get("civilian_acts") or ()):
        return None  # «يزورها السياح»: not a political act
    if t.sense.type == "ASSAULT" and _sentence_has(a, "accidents"):
        return None  # «قتل جندي في حادث سير», «الزلزال الذي دمر البلاد»
    if t.sense.armed and not any(m.sector in (lexicon.language.get("fighting_sectors") or ())
                                 for m in actors):  # fmt: skip
        return None  # «حرر الصحفي المقال», «سيطر الوزير على الوضع»
    if t.sense.id in lexicon.words("war_acts") and actors and all(
            m.sector in (lexicon.language.get("nonstate_fighters") or ()) for m in actors):
        t, ev = _as(t, "ASSAULT", None), [*ev, "war:nonstate-fighters"]  # «اقتحم المسلحون»
    if t.sense.mode in lexicon.words("riot_modes") and actors and all(
            m.office in lexicon.words("crowd_offices") for m in actors):  # fmt: skip
        t, ev = _as(t, "PROTEST", "riot"), [*ev, "riot:crowd"]
    if t.sense.id in lexicon.words("verbal_attacks") and actors and all(
            m.kind == "person" and m.sector
            and m.sector not in (lexicon.language.get("armed_sectors") or ())
            for m in actors):  # fmt: skip
        t, ev = _as(t, "ACCUSE", "disapprove"), [*ev, "verbal:civilian-person"]
    modality, mev = _modality(a, t, cl, lexicon)
    if not recipients and t.sense.recipient:
        after = max([t.j] + [m.j for m in actors if m.i >= t.j])
        recipients = _pronoun_object(a, t, after, actors, candidates, lexicon)
        if recipients:
            ev = [*ev, "recipient:pronoun"]
    return RawEvent(
        sentence=a.sentence.index, trigger=t, actors=actors, recipients=recipients,
        modality=modality, mode=t.sense.mode, time=None, anchor=None,
        place=_place_for(a, t, cl, candidates, lexicon),
        evidence=ev + mev + ([f"actor:{actor_ref}"] if actor_ref else []), actor_ref=actor_ref)


def _pronoun_object(a: Analysis, t: Trigger, after: int, actors: list[Mention],
                    candidates: list[Mention], lexicon: Lexicon) -> list[Mention]:  # fmt: skip
    """An object known only by an attached pronoun («مفاوضات انضمامها»): the last entity
    before the trigger in the sentence that is not the actor."""
    third = {p for p, f in (lexicon.language.get("pronoun_features") or {}).items() if f[0] == 3}
    plural_fem = {p for p in third if len(p) > 1}  # «ها», «هم»: not «ه», which ta marbuta folds to
    for k in range(after, min(after + 3, len(a.tokens))):
        tok = a.tokens[k]
        attached = tok.suffix if tok.suffix else next(
            (p for p in plural_fem if a.covered.get(k) is None and len(tok.norm) >= len(p) + 3
             and tok.norm.endswith(p)), "")  # fmt: skip
        if attached and attached in third and a.mention_at(k) is None:
            before = [m for m in candidates if m.j <= t.i and m not in actors and m.ref is None
                      and not any(m.id and m.id == x.id for x in actors)]  # fmt: skip
            return before[-1:]
    return []


def _possessor(a: Analysis, cl: list[int], t: Trigger, candidates: list[Mention],
               stops: set[int]) -> list[Mention]:  # fmt: skip
    """Whose act a noun with an attached pronoun is: the subject of the verb before it."""
    for k in range(t.i - 1, -1, -1):
        if cl[k] != cl[t.i] and cl[k] != cl[t.i] - 1:
            break
        if a.func(k, *VERBISH) is not None and a.covered[k].i == k:
            return _subject(a, cl, k, a.covered[k].j, candidates, stops - {k})
    return []


def _between(a: Analysis, cl: list[int], t: Trigger, candidates: list[Mention],
             lexicon: Lexicon) -> list[Mention]:  # fmt: skip
    """The parties of a two-sided act named after «بين» right after the noun (up to two
    adjectives or a verb between: «اشتباكات عنيفة تدور بين X و Y»)."""
    between = lexicon.words("between")
    for k in range(t.j, min(t.j + 4, len(a.tokens))):
        if cl[k] != cl[t.i] or not a.tokens[k].is_word:
            return []
        if a.tokens[k].norm in between:
            first = next((m for m in candidates if k < m.i <= k + 3), None)
            return _group(candidates, first) if first is not None else []
    return []


def _tally(r: RawEvent, anchor: dt.date | None) -> bool:
    """«قتل 1446 شخصا في يونيو الماضي»: unnamed killings counted over a month or a year are a
    statistic, not an act."""
    if r.actor_ref != "implicit" or r.trigger.sense.type != "ASSAULT" or r.time is None:
        return False
    start, end, _ = resolve(r.time, anchor, future=False)
    return start is not None and end is not None and (end - start).days > 7


def _circumstance(a: Analysis, t: Trigger) -> bool:
    """«في ختام زيارة», «على هامش القمة», «خلال اجتماع»: the noun is a circumstance."""
    k = t.i - 1
    return k >= 0 and a.func(k, "circumstance_heads") is not None


def _qualifies(prev: RawEvent, lexicon: Lexicon) -> bool:
    """Whether «احتجاجا على» after an act belongs to it rather than being a protest of its
    own: the act is already a protest, or the state or an armed force did it."""
    state = {*(lexicon.language.get("armed_sectors") or ()), "GOV"}
    return prev.trigger.sense.type == "PROTEST" or bool(prev.actors) and all(
        m.sector in state for m in prev.actors)


def _crowd(a: Analysis, cl: list[int], t: Trigger, actors: list[Mention], triggers: list[Trigger],
           lexicon: Lexicon) -> bool:  # fmt: skip
    """Whether a crowd does the act: protesters, a counted crowd («آلاف»), or a protest noun
    of purpose follows in the clause («تجمعوا للاحتجاج», «احتجاجا على»)."""
    offices = lexicon.words("crowd_offices")
    if any(m.office in offices or _count(a, m.i - 1) for m in actors) or \
            _count(a, _past_approximator(a, t.head_end)) or \
            _numeric_subject(a, cl, t, lexicon):  # «آلاف المتظاهرين», «1000 لاجئ», «نحو مائة»
        return True
    return any(v.adverbial and v.sense.type == "PROTEST" and v.i > t.head
               and cl[v.i] in (cl[t.head], cl[t.head] + 1) for v in triggers)  # fmt: skip


def _numeric_subject(a: Analysis, cl: list[int], t: Trigger, lexicon: Lexicon) -> bool:
    """Whether a number or quantity stands as the verb's subject (right after it, or first in
    its clause before it): the report counts victims and names no actor."""
    def numeric(k: int) -> bool:
        k = _past_approximator(a, k)
        if not _count(a, k):
            return False
        return a.mention_at(k + 1) is None  # «آلاف المحتجين» names its actor
    if numeric(t.head_end):
        return True
    first = cl.index(cl[t.head])
    return any(numeric(k) for k in range(first, min(first + 2, t.head)))


def _previous_subject(a: Analysis, cl: list[int], t: Trigger,
                      candidates: list[Mention]) -> list[Mention]:  # fmt: skip
    """The subject of the clause before a verb joined by «و»: its first entity not governed
    by a preposition, when that clause opens with it or with «أن»."""
    c = cl[t.head] - 1
    if c < 0:
        return []
    for m in candidates:
        if cl[m.i] == c and not m.prep:
            return _group(candidates, m) if _clause_initial(a, cl, m.i) else []
    return []


def _antecedent(a: Analysis, cl: list[int], t: Trigger, candidates: list[Mention]) -> list[Mention]:
    """«الكتائب التي اقتحمت المعسكر»: a verb right after a relative pronoun, with an object
    after it, has the entity before the pronoun as its subject."""
    k = t.head - 1
    if k < 1 or a.func(k, "relatives") is None or t.head_end >= len(a.tokens):
        return []
    nxt = t.head_end
    if not a.tokens[nxt].is_word or a.func(nxt, "prepositions", "weekday", "relday", "month",
                                           "time_day_parts", "time_past") is not None:
        return []  # «الذي قتل العام الماضي»: a passive, its antecedent the victim
    before = [m for m in candidates if m.j == k]
    return _group(candidates, _first_of_group(candidates, before[0])) if before else []


def _unknown_subject(a: Analysis, t: Trigger, lexicon: Lexicon) -> bool:
    """Whether a verb-first clause names its own subject with a definite noun that is not an
    entity («استهدفت الدراسة الأميين»), so the previous subject must not carry over."""
    k = t.head_end
    while k < len(a.tokens) and a.func(k, "weekday", "relday", "month", "time_day_parts"):
        k += 1
    if k >= len(a.tokens) or a.covered.get(k) is not None or a.mention_at(k) is not None:
        return False
    tok = a.tokens[k]
    article = lexicon.index.clitics.article
    return tok.is_word and (tok.prefix.endswith(article) or tok.norm.startswith(article)) and \
        t.head == t.i and t.pos == "verb"


def _voweled_passive(a: Analysis, t: Trigger, lexicon: Lexicon) -> bool:
    """Whether the verb is written with the passive vowel on its first letter («قُتل»)."""
    mark = str((lexicon.language.get("clitics") or {}).get("passive_mark") or "")
    tok = a.tokens[t.i]
    letters = 0
    for ch, nxt in zip(tok.text, tok.text[1:], strict=False):
        if ch.isalpha():
            letters += 1
            if letters == len(tok.prefix) + 1:
                return bool(mark) and nxt == mark
    return False


def _past_approximator(a: Analysis, k: int) -> int:
    """The token after «نحو», «حوالي» … at k (the count it introduces), else k."""
    if 0 <= k < len(a.tokens) and a.func(k, "approximators") is not None:
        return a.covered[k].j
    return k


def _count(a: Analysis, k: int) -> bool:
    """Whether token k is a number or a quantity word («40», «آلاف», «مئات»)."""
    return 0 <= k < len(a.tokens) and (a.tokens[k].norm.isdigit() or
                                       a.func(k, "quantities") is not None)  # fmt: skip


def _continues(a: Analysis, cl: list[int], t: Trigger) -> bool:
    """Whether the trigger's clause opens with «حيث» or a relative: its subject carries over."""
    c = cl[t.head]
    first = cl.index(c)
    return a.func(first, "place_openers", "relatives") is not None and first < t.head


def _indefinite(a: Analysis, t: Trigger, lexicon: Lexicon) -> bool:
    """An event noun without the article reports a new act («خرجت مظاهرات»); with it, it may
    refer back to one already known («المظاهرات»)."""
    return not _definite(a, t.i, lexicon)


def _definite(a: Analysis, k: int, lexicon: Lexicon) -> bool:
    """Whether token k carries the article."""
    article = lexicon.index.clitics.article
    tok = a.tokens[k]
    return tok.prefix.endswith(article) or tok.stem.startswith(article)


def _as(t: Trigger, type_: str, mode: str | None) -> Trigger:
    """The trigger read as another PLOVER type and mode (a riot, a verbal attack …)."""
    return replace(t, sense=replace(t.sense, type=type_, mode=mode))


def _sentence_has(a: Analysis, category: str) -> bool:
    """Whether any word of the sentence is of a function category (accidents, casualties)."""
    return any(category in (f.category for f in fs) for fs in a.funcs.values())


def _casualties(a: Analysis) -> bool:
    """Whether the sentence counts casualties («أسفر عن مقتل …», «أصيب خمسة»)."""
    return _sentence_has(a, "casualties")


def _situated(a: Analysis, cl: list[int], t: Trigger) -> bool:
    """Whether the trigger's clause says where or when (a place or a date), or the sentence
    counts casualties («أسفر عن مقتل …»)."""
    if _casualties(a):
        return True
    c = cl[t.i]
    return any(cl[m.i] == c for m, _ in a.places) or any(cl[tp.i] == c for tp in a.times) or any(
        cl[m.i] == c and m.prep is not None and m.kind == "country" for m in a.mentions)


def _coordinated(a: Analysis, cl: list[int], t: Trigger, lexicon: Lexicon) -> bool:
    """«… ودعت مجلس الأمن إلى …»: a verb joined by «و» that opens its clause inside a sentence
    keeps the sentence's subject; the entity after it is its object."""
    first = cl.index(cl[t.head])
    return first == t.head and t.head > 0 and \
        a.tokens[t.head].prefix[:1] in lexicon.words("clitics", "conjunctions")


def _reads_first_person(a: Analysis, t: Trigger) -> bool:
    """Whether the trigger word also reads as a first-person verb («أقترح»)."""
    m = a.covered.get(t.i)
    return m is not None and any(s.person == 1 for s in event_senses(m))


def _first_person_subject(a: Analysis, cl: list[int], t: Trigger) -> bool:
    """«أنا على استعداد …»: a first-person pronoun before the trigger in its clause."""
    for k in range(t.head - 1, -1, -1):
        if cl[k] != cl[t.head]:
            return False
        if a.func(k, "first_person"):
            return True
    return False


def _agent(a: Analysis, t: Trigger, candidates: list[Mention]) -> list[Mention]:
    """The actor of a passive, after «على يد» / «من قبل»."""
    for k in range(t.j, len(a.tokens)):
        if a.func(k, "agent_markers"):
            after = a.covered[k].j
            for m in candidates:
                if m.i >= after:
                    return _group(candidates, m)
    return []


def _time_for(t: Trigger, times: list[TimeParse], cl: list[int], a: Analysis) -> TimeParse | None:
    """The date of the act: a date expression in the trigger's own clause."""
    same = [tp for tp in times if cl[tp.i] == cl[t.i] or cl[tp.i] == cl[t.head]]
    if same:
        return min(same, key=lambda tp: abs(tp.i - t.i))
    return None


def _place_for(a: Analysis, t: Trigger, cl: list[int], candidates: list[Mention],
               lexicon: Lexicon) -> tuple[int, int, PlaceSense] | Mention | None:  # fmt: skip
    """Where the act took place: a gazetteer place or a capital after «في/ب» in its clause
    (or just before the «حيث» that opens it); never a place someone came from."""
    c = cl[t.i]
    origin = lexicon.words("origin_prepositions")
    options: list[tuple[int, tuple[int, int, PlaceSense] | Mention]] = []
    for m, s in a.places:
        if m.i > 0 and a.func(m.i - 1, "prepositions") and a.tokens[m.i - 1].norm in origin \
                and (not _opens_with_where(a, cl, c) or cl[m.i] == c):
            continue
        if cl[m.i] == c or (cl[m.i] == c - 1 and _opens_with_where(a, cl, c)):
            options.append((abs(m.i - t.i), (m.i, m.j, s)))
    for mm in a.mentions:
        capital = any(e.startswith("capital:") for e in mm.evidence)
        if _is_place(a, mm, lexicon) and cl[mm.i] == c:
            options.append((abs(mm.i - t.i), mm))
        elif capital and cl[mm.i] == c - 1 and _opens_with_where(a, cl, c) and mm.j == cl.index(c):
            options.append((0, mm))  # «آتيا من الدوحة حيث التقى …»
    if not options:
        return None
    return min(options, key=lambda x: x[0])[1]


def _opens_with_where(a: Analysis, cl: list[int], c: int) -> bool:
    """Whether clause c starts with «حيث» (the place before it is where its act happened)."""
    first = cl.index(c) if c in cl else -1
    f: FunctionSense | None = a.func(first, "place_openers") if first >= 0 else None
    return f is not None


__all__ = ["RawEvent", "Context", "attach_sentence", "clauses"]
