"""Stage 3: recognise what each sentence mentions: entities, event words, places, function words.

The lexicon index is matched over clitic-aware tokens; adjacent matches are then composed
into entity mentions the way Arabic news writes them: title + nisba + name
(«وزير الخارجية التركي هاكان فيدان»), body + nisba («وزارة الخارجية التركية»), title + «ل» +
organisation + name («رئيس المكتب السياسي لحركة حماس إسماعيل هنية»), and names that no
lexicon lists, captured after a title.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .lexicon import ActorSense, EventSense, FunctionSense, Lexicon, Match, PlaceSense
from .model import Sentence, Token

AGENT_KINDS = ("group", "title", "body")
# folded «ـيين», «ـيون», dual «ـيان»
PLURAL_NISBA = ("\u064a\u064a\u0646", "\u064a\u0648\u0646", "\u064a\u0627\u0646")
ADJECTIVE_ENDINGS = ("\u064a", "\u064a\u0647", "\u064a\u0627")  # folded «ـي», «ـية», «ـيا»
NAME_KINDS = ("person", "org", "country", "capital", "seat", "demonym")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention over tokens [i, j) of a sentence, before reference resolution."""

    i: int
    j: int
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    kind: str
    id: str | None = None
    office: str | None = None
    person: ActorSense | None = None  # the lexicon person, when known
    ref: str | None = None  # counterpart | both_sides | own_country | side | ministry …
    prep: str | None = None  # the preposition that governs it (attached or separate)
    coordinated: bool = False  # joined to the previous mention by «و»
    evidence: tuple[str, ...] = ()
    org: ActorSense | None = None  # the lexicon organisation it is or belongs to (dated roles)


@dataclass
class Analysis:
    """What recognition found in one sentence (working data of the later stages)."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    matches: list[Match]
    at: dict[int, Match] = field(default_factory=dict)  # token index → match starting there
    covered: dict[int, Match] = field(default_factory=dict)  # token index → match covering it
    mentions: list[Mention] = field(default_factory=list)
    nisbas: list[Mention] = field(default_factory=list)  # nisba adjectives not part of a mention
    places: list[tuple[Match, PlaceSense]] = field(default_factory=list)

    funcs: dict[int, list[FunctionSense]] = field(default_factory=dict)  # token → function senses
    times: list[Any] = field(default_factory=list)  # date expressions (timex.TimeParse), found once
    quoted: set[int] = field(default_factory=set)  # tokens inside a quotation

    def func(self, i: int, *categories: str) -> FunctionSense | None:
        """The function sense of the match covering token i, if of one of the categories."""
        fs = self.funcs.get(i)
        if not fs:
            return None
        for s in fs:
            if not categories or s.category in categories:
                return s
        return None

    def mention_at(self, i: int) -> Mention | None:
        """The entity mention covering token i."""
        for m in self.mentions:
            if m.i <= i < m.j:
                return m
        return None


def actor_senses(m: Match) -> list[ActorSense]:
    """The actor senses of a match."""
    return [s for s in m.senses if isinstance(s, ActorSense)]


def event_senses(m: Match) -> list[EventSense]:
    """The event senses of a match."""
    return [s for s in m.senses if isinstance(s, EventSense)]


def recognize(sentence: Sentence, lexicon: Lexicon) -> Analysis:
    """Match the lexicon over a sentence and compose entity mentions."""
    tokens = sentence.tokens
    matches = _match(tokens, lexicon)
    toks = list(tokens)
    for m in matches:  # record the clitics found on the first and last token
        if m.prefix or m.suffix:
            f = toks[m.i]
            single = m.j - m.i == 1
            toks[m.i] = Token(f.text, f.start, f.end, f.norm, m.prefix, m.key.split(" ", 1)[0],
                              m.suffix if single else f.suffix, f.is_word)  # fmt: skip
            if m.suffix and not single:
                t = toks[m.j - 1]
                toks[m.j - 1] = Token(t.text, t.start, t.end, t.norm, t.prefix,
                                      t.norm[: len(t.norm) - len(m.suffix)], m.suffix,
                                      t.is_word)  # fmt: skip
    a = Analysis(sentence=sentence, tokens=tuple(toks), matches=matches)
    for m in matches:
        a.at[m.i] = m
        fs = [s for s in m.senses if isinstance(s, FunctionSense)]
        for k in range(m.i, m.j):
            a.covered[k] = m
            if fs:
                a.funcs[k] = fs
    a.places = [(m, s) for m in matches for s in m.senses if isinstance(s, PlaceSense)
                and not actor_senses(m) and not event_senses(m)
                and _place_ok(a, m, lexicon)]  # fmt: skip
    a.quoted = quoted_tokens(a, lexicon)
    composed = _compose(a, lexicon)
    a.mentions = [m for m in composed if m.kind != "nisba"]
    a.nisbas = [m for m in composed if m.kind == "nisba" or "of-event-noun" in m.evidence]
    return a


def _joining_hyphens(tokens: tuple[Token, ...], lexicon: Lexicon) -> set[int]:
    """Hyphens written between two words without spaces («جونغ-اون», «فرانك-فالتر»)."""
    hyphens = set((lexicon.language.get("punctuation") or {}).get("hyphens", []))
    return {k for k in range(1, len(tokens) - 1) if tokens[k].text in hyphens
            and tokens[k - 1].end == tokens[k].start and tokens[k].end == tokens[k + 1].start
            and tokens[k - 1].is_word and tokens[k + 1].is_word}  # fmt: skip


def _match(tokens: tuple[Token, ...], lexicon: Lexicon) -> list[Match]:
    """Lexicon matches over the tokens, reading a joining hyphen as a space."""
    joined = _joining_hyphens(tokens, lexicon)
    if not joined:
        return lexicon.index.match([t.norm for t in tokens])
    keep = [k for k in range(len(tokens)) if k not in joined]
    found = lexicon.index.match([tokens[k].norm for k in keep])
    return [replace(m, i=keep[m.i], j=keep[m.j - 1] + 1) for m in found]


def quoted_tokens(a: Analysis, lexicon: Lexicon) -> set[int]:
    """Token indices inside quotation marks."""
    punct = lexicon.language.get("punctuation") or {}
    opens, closes = set(punct.get("quotes_open", [])), set(punct.get("quotes_close", []))
    inside: set[int] = set()
    k = 0
    toks = a.tokens
    while k < len(toks):
        if toks[k].text in opens:
            close = next((x for x in range(k + 1, len(toks)) if toks[x].text in closes), len(toks))
            if close - k > 3:  # a quoted name («"بريكس"») is not a quotation
                inside.update(range(k + 1, close))
            k = close + 1
        else:
            k += 1
    return inside


def _place_ok(a: Analysis, m: Match, lexicon: Lexicon) -> bool:
    """A place match is kept when it is not a function word, has no stripped article or
    pronoun, and is either large (or a region) or introduced as a place («في», «مدينة»)."""
    if any(isinstance(s, FunctionSense) for s in m.senses) or m.suffix:
        return False
    if a.tokens[m.i].prefix[-2:] == lexicon.index.clitics.article:
        return False
    places = [s for s in m.senses if isinstance(s, PlaceSense)]
    if any(p.population >= 100_000 or p.kind != "city" for p in places):
        return True
    if attached_prep(a.tokens[m.i].prefix, lexicon):
        return True
    return m.i > 0 and a.func(m.i - 1, "prepositions", "place_nouns") is not None


def attached_prep(prefix: str, lexicon: Lexicon) -> str | None:
    """The attached preposition in a token's proclitics («وبال» → ب), if any."""
    rest = prefix
    conj = lexicon.words("clitics", "conjunctions")
    if rest[:1] in conj:
        rest = rest[1:]
    if rest[:1] in lexicon.words("clitics", "prepositions") and (
            len(rest) == 1 or rest[1:] in lexicon.words("clitics", "article")):  # fmt: skip
        return rest[0]
    return None


def _prep_before(a: Analysis, i: int, lexicon: Lexicon) -> str | None:
    """The preposition governing token i: attached (ب ل ك) or the word just before."""
    attached = attached_prep(a.tokens[i].prefix, lexicon)
    if attached:
        return attached
    if i > 0:
        f = a.func(i - 1, "prepositions")
        if f is not None:
            return f.value
    return None


def _nisba_after(a: Analysis, j: int, skip: int = 2) -> tuple[int, ActorSense] | None:
    """A nisba adjective at token j (skipping up to `skip` unknown «ال» adjectives)."""
    k = j
    while k < len(a.tokens) and k - j <= skip:
        m = a.at.get(k)
        if m is not None:
            for s in actor_senses(m):
                if s.kind in ("nisba", "demonym") and not m.prefix.strip("\u0627\u0644"):
                    return m.j, s
            return None
        tok = a.tokens[k]
        if not (tok.is_word and tok.norm.startswith("\u0627\u0644")):  # an «ال» adjective
            return None
        k += 1
    return None


def _owner_after(a: Analysis, j: int) -> tuple[int, ActorSense] | None:
    """A country, organisation or place in construct after a title/body (no prefix, or «ل»):
    «جيش تركيا», «محافظ نينوى», «أبناء دارفور»."""
    m = a.at.get(j)
    if m is None or m.prefix not in ("", "\u0644"):
        return None
    for s in actor_senses(m):
        if s.kind in ("country", "org", "capital"):
            return m.j, s
    for pm, place in a.places:
        if pm is m and place.country:
            return m.j, ActorSense(place.id, place.name, "place", place.country)
    return None


def _located_in(a: Analysis, j: int, lexicon: Lexicon) -> tuple[str, str] | None:
    """The country and name of the place a group or body is said to be in, right after it or
    its name: «المتظاهرين في القاهرة», «جامعة هوارد في واشنطن»."""
    k = j
    while k < len(a.tokens) and k - j <= 2:
        f = a.func(k, "prepositions")
        if f is not None:
            m = a.at.get(k + 1)
            if f.value not in lexicon.words("locative_prepositions") or m is None:
                return None
            for s in actor_senses(m):
                if s.kind in ("country", "capital") and s.country:
                    return s.country, s.name
            place = next((p for pm, p in a.places if pm is m and p.country), None)
            return (place.country, place.name) if place is not None and place.country else None
        if a.covered.get(k) is not None or not a.tokens[k].is_word:
            return None
        k += 1
    return None


def _armed(s: ActorSense, lexicon: Lexicon) -> bool:
    return s.sector is not None and s.sector.lower() in lexicon.words("armed_sectors")


def _after_event_noun(a: Analysis, i: int) -> bool:
    """Whether token i follows an event noun, directly or after up to two relational
    adjectives («الضربات الجوية»; a noun between, «استيراد الأبقار», stops it). A phrase's
    head («ضربات» of «ضربات جوية») counts only with the rest of its phrase."""
    k = i - 1
    while k >= 0 and i - k <= 3:
        m = a.covered.get(k)
        if m is not None:
            between = tuple(_bare(t.norm) for t in a.tokens[k + 1:i])
            return m.j == k + 1 and any(
                s.pos == "noun" and between[:len(s.gap)] == s.gap for s in event_senses(m))
        if not a.tokens[k].is_word or not a.tokens[k].norm.endswith(ADJECTIVE_ENDINGS):
            return False
        k -= 1
    return False


def _bare(norm: str) -> str:
    """A folded word without the article («الجوية» → «جوية»)."""
    return norm[2:] if norm.startswith("\u0627\u0644") and len(norm) > 4 else norm


def _continued(lexicon: Lexicon, key: str, a: Analysis, j: int) -> list[ActorSense]:
    """The actor senses of a lexicon phrase continued by token j («المتحدث» + «باسم»)."""
    if j >= len(a.tokens):
        return []
    return [x for x in lexicon.index.get(f"{key} {a.tokens[j].norm}") if isinstance(x, ActorSense)]


def _former_at(a: Analysis, j: int, lexicon: Lexicon) -> bool:
    """Whether token j is an adjective of a former or late office holder («السابق», «الراحلة»)."""
    return j < len(a.tokens) and a.tokens[j].norm in lexicon.words("former")


def _name_after(a: Analysis, j: int, lexicon: Lexicon,
                limit: int = 3) -> tuple[int, ActorSense | None]:  # fmt: skip
    """A person's name after a title: a known person, or up to `limit` unknown words."""
    if j < len(a.tokens) and a.tokens[j].text in ("،", ","):  # apposition: «الوزير، فلان»
        nxt = a.at.get(j + 1)
        if nxt is not None and any(s.kind == "person" for s in actor_senses(nxt)):
            j += 1
    m = a.at.get(j)
    if m is not None and a.func(j, "intro_titles") and a.at.get(m.j) is not None:
        m2 = a.at[m.j]
        persons = [s for s in actor_senses(m2) if s.kind == "person"]
        if persons:
            return m2.j, persons[0]
    if m is not None:
        persons = [s for s in actor_senses(m) if s.kind == "person"]
        if persons and not m.prefix:
            return m.j, persons[0]
        if not a.func(j, "intro_titles"):
            return j, None
        j = m.j
    stop = lexicon.words("not_names")
    joined = _joining_hyphens(a.tokens, lexicon)
    k = j
    words = 0
    while k < len(a.tokens) and words < limit:
        tok = a.tokens[k]
        if k in joined and k > j:  # «جان-مارك»
            k += 1
            continue
        known = a.at.get(k)
        if words and known is not None and not known.prefix:  # «جان-مارك أيرو»: a known surname
            persons = [s for s in actor_senses(known) if s.kind == "person"]
            if persons:
                return known.j, persons[0]
        if not tok.is_word or tok.norm.isdigit() or a.covered.get(k) is not None:
            break
        if tok.norm in stop or (k == j and tok.norm.startswith("\u0627\u0644")):
            break
        nxt = a.at.get(k + 1)
        if k == j and nxt is not None and not nxt.prefix and any(
                s.kind in ("country", "capital") for s in actor_senses(nxt)):  # fmt: skip
            break  # «بموقف الجزائر»: a noun in construct with a country, not a name
        if k == j and k + 1 < len(a.tokens) and tok.norm.endswith("\u0627") and \
                a.tokens[k + 1].norm.endswith("\u0627") and a.covered.get(k + 1) is None:
            break  # «فوزا كبيرا»: an indefinite object and its adjective, not a name
        if k > j and tok.norm[:1] == "\u0648" and tok.norm not in stop and len(tok.norm) > 3 \
                and a.covered.get(k) is None and words >= 2:
            break
        k += 1
        words += 1
    if k > j and k - 1 in joined:
        k -= 1
    return k, None


def _compose(a: Analysis, lexicon: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    toks = a.tokens
    i = 0
    n = len(toks)
    while i < n:
        m = a.at.get(i)
        ref = a.func(i, "ref") if m is not None and m.i == i else None
        senses = actor_senses(m) if m is not None and m.i == i else []
        if ref is not None and m is not None and senses and ref.value in (
                "ministry", "movement", "government") and (
                _nisba_after(a, m.j, skip=0) or _owner_after(a, m.j)):  # fmt: skip
            ref = None  # «الحكومة العراقية»: a body of a named country, not a back-reference
        if ref is not None:
            mention = _reference(a, m, ref, lexicon)  # type: ignore[arg-type]
            if mention is not None:
                out.append(mention)
                i = mention.j
                continue
        if not senses or _verb_first(a, i, m, lexicon):
            i += 1
            continue
        mention = _entity(a, m, senses, lexicon)  # type: ignore[arg-type]
        if mention is None:
            i += 1
            continue
        conj = lexicon.words("coordination")
        attached = out and out[-1].j == i and toks[i].prefix[:1] in conj and mention.kind != "nisba"
        separate = out and i >= 1 and out[-1].j == i - 1 and toks[i - 1].norm in conj
        if attached or separate:
            mention = replace(mention, coordinated=True, prep=mention.prep or out[-1].prep)
        out.append(mention)
        i = mention.j
    return out


def _verb_first(a: Analysis, i: int, m: Match | None, lexicon: Lexicon) -> bool:
    """Whether an agent word that is also an event verb opens its sentence as the verb, its
    subject right after it («وطالب المبعوث …»: demanded, not «students»)."""
    if m is None or a.tokens[i].prefix.endswith(lexicon.index.clitics.article) or not any(
            s.pos == "verb" and s.tense == "perfect" for s in event_senses(m)):  # fmt: skip
        return False
    opens = i == 0 or not a.tokens[i - 1].is_word
    nxt = a.at.get(m.j)
    return opens and nxt is not None and bool(actor_senses(nxt))


def _best(senses: list[ActorSense]) -> ActorSense:
    order = {"person": 0, "org": 1, "title": 2, "body": 3, "group": 4, "country": 5,
             "capital": 6, "seat": 6, "demonym": 7, "nisba": 8}  # fmt: skip
    return sorted(senses, key=lambda s: (order.get(s.kind, 9), s.short))[0]


def _entity(a: Analysis, m: Match, senses: list[ActorSense], lexicon: Lexicon) -> Mention | None:
    s = _best(senses)
    toks = a.tokens
    prep = _prep_before(a, m.i, lexicon)
    start = toks[m.i].start
    if s.kind in AGENT_KINDS:
        j = m.j
        country = None
        owner_id: str | None = None
        org: ActorSense | None = None
        evidence = [f"agent:{s.name}"]
        former = s.kind == "title" and _former_at(a, j, lexicon)
        if former:  # «الأمين العام السابق للحزب»
            j += 1
            longer = [x for x in _continued(lexicon, m.key, a, j) if x.kind == "title"]
            if longer:  # «المتحدث السابق باسم»: the title «المتحدث باسم» goes on
                s, j = longer[0], j + 1
        nis = _nisba_after(a, j)
        own = _owner_after(a, j) if nis is None else None
        if nis is not None:
            j, ns = nis
            country = ns.country
            evidence.append(f"nisba:{ns.country}")
        elif own is not None:
            j, os_ = own
            country = os_.country
            owner_id = os_.id
            org = os_ if os_.kind == "org" else None
            evidence.append(f"{os_.kind}:{os_.name}")
            if os_.kind == "org" and os_.sector and s.kind == "title":
                evidence.append(f"sector-from:{os_.name}")
                s = replace(s, sector=s.sector if s.sector not in (None, "GOV") else os_.sector)
            elif os_.kind == "org" and s.kind == "group" and _armed(s, lexicon) \
                    and _armed(os_, lexicon):  # «مقاتلو البيشمركة»: the force's sector
                evidence.append(f"sector-from:{os_.name}")
                s = replace(s, sector=os_.sector)
        elif s.kind != "title" and s.country is None:
            loc = _located_in(a, j, lexicon)
            if loc is not None:
                country = loc[0]
                evidence.append(f"in:{loc[1]}")
        if s.kind == "title" and not former and _former_at(a, j, lexicon):
            former, j = True, j + 1  # «الرئيس الأمريكي السابق»
        if former:  # former office holders are elites without office (PLOVER ELI)
            s = replace(s, sector="ELI")
            evidence.append("former")
        person: ActorSense | None = None
        name = s.office or s.name
        if s.kind == "title":
            k, person = _name_after(a, j, lexicon)
            if person is not None:
                evidence.append(f"person:{person.id}")
                name = person.name
                j = k
            elif k > j:
                base = a.sentence.start  # the name as written («هيون-سو»)
                written = a.sentence.text[toks[j].start - base:toks[k - 1].end - base]
                name = " ".join(written.split())
                evidence.append("name-after-title")
                j = k
        del owner_id
        country = country or (person.country if person else None) or s.country  # «مستوطنون»: ISR
        return Mention(m.i, j, start, toks[j - 1].end, name, country,
                       s.sector, "person" if s.kind == "title" else "agent",
                       id=person.id if person else None, office=s.office, person=person,
                       prep=prep, evidence=tuple(evidence), org=org)  # fmt: skip
    if s.kind == "person":
        j = m.j
        return Mention(m.i, j, start, toks[j - 1].end, s.name, s.country, s.sector, "person",
                       id=s.id, office=s.office, person=s, prep=prep,
                       evidence=(f"person:{s.id}",))  # fmt: skip
    if s.kind == "nisba":
        if m.key.endswith(PLURAL_NISBA) and (m.i == 0 or a.mention_at(m.i - 1) is None):
            # «تظاهر آلاف الإسرائيليين», «قتل عراقيان»: a plural or dual nisba alone names people
            return Mention(m.i, m.j, start, toks[m.j - 1].end, s.name, s.country, "CVL", "group",
                           id=s.id, prep=prep, evidence=(f"people:{s.country}",))  # fmt: skip
        if _after_event_noun(a, m.i):  # «الضربات الجوية الأميركية»: the country that acts
            return Mention(m.i, m.j, start, toks[m.j - 1].end, s.name, s.country, None,
                           "country", id=s.id, prep=prep,
                           evidence=(f"nisba:{s.country}", "of-event-noun"))
        return Mention(m.i, m.j, start, toks[m.j - 1].end, s.name, s.country, None, "nisba")
    kind = {"org": "organisation", "country": "country", "capital": "country", "seat": "country",
            "demonym": "group"}.get(s.kind, "agent")  # fmt: skip
    j = m.j
    sector = s.sector
    country = s.country
    nis = _nisba_after(a, j, skip=0) if s.kind == "org" and country is None else None
    if nis is not None:
        j, ns = nis
        country = ns.country
    if s.kind == "demonym":
        sector = "CVL"
    return Mention(m.i, j, start, toks[j - 1].end, s.name, country, sector, kind,
                   id=s.id, prep=prep, evidence=(f"{s.kind}:{s.name}",),
                   org=s if s.kind == "org" else None)  # fmt: skip


def _reference(a: Analysis, m: Match, ref: FunctionSense, lexicon: Lexicon) -> Mention | None:
    """A short reference to resolve later: «نظيره الروسي», «الطرفان», «بلاده», «الجانب التركي»."""
    toks = a.tokens
    prep = _prep_before(a, m.i, lexicon)
    start = toks[m.i].start
    if ref.value in ("counterpart", "side"):
        nis = _nisba_after(a, m.j, skip=0)
        own = _owner_after(a, m.j) if nis is None else None
        country = nis[1].country if nis else own[1].country if own else None
        j = nis[0] if nis else own[0] if own else m.j
        if ref.value == "side" and country is None:
            return None
        person = None
        if ref.value == "counterpart":
            k, person = _name_after(a, j, lexicon)
            if person is not None:
                j = k
        return Mention(m.i, j, start, toks[j - 1].end, person.name if person else "",
                       country or (person.country if person else None),
                       person.sector if person else None, "person" if ref.value == "counterpart"
                       else "country", id=person.id if person else None, person=person,
                       ref=ref.value, prep=prep, evidence=(f"ref:{ref.value}",))  # fmt: skip
    if ref.value == "own_country" and not m.suffix:
        return None
    nis = _nisba_after(a, m.j, skip=0)
    j = nis[0] if nis else m.j
    return Mention(m.i, j, start, toks[j - 1].end, "", nis[1].country if nis else None, None,
                   "group", ref=ref.value, prep=prep, evidence=(f"ref:{ref.value}",))  # fmt: skip
