"""The pipeline: an article's text in, a coded ``Article`` out, through pure stages."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

from . import normalize, segment
from .attach import Context, attach_sentence
from .classify import classify
from .errors import DateError, InputError
from .lexicon import Lexicon, load_lexicon
from .merge import merge
from .model import Article, Entity, Event, Place, Quote, Source, Span, TimeExpression
from .quotes import find_quotes, find_sources
from .recognize import Mention, recognize
from .resolve import Memory, build_event, entity_of, home_country, note_consult, remember
from .settings import Settings
from .timex import resolve as resolve_time


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """A publication date from a date or an ISO string; raises DateError when malformed."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise DateError(f"publication date {value!r} is not YYYY-MM-DD") from exc


class Coder:
    """Codes articles with one loaded lexicon; build it once and reuse it."""

    def __init__(self, settings: Settings | None = None, lexicon: Lexicon | None = None) -> None:
        self.settings = settings or Settings()
        self.lexicon = lexicon or load_lexicon(self.settings.lexicon_dirs)

    def code(self, text: str, published: dt.date | str | None = None, *, title: str | None = None,
             source: str | None = None, id: str | None = None) -> Article:  # fmt: skip
        """Code one article. Raises InputError for text that cannot be coded."""
        if not isinstance(text, str):
            raise InputError("the article text must be a str (decode bytes as UTF-8 first)")
        warnings: list[str] = []
        try:
            pub = parse_published(published)
        except DateError as exc:
            pub = None
            warnings.append(f"{exc}; relative dates stay unresolved")
        if pub is None and not warnings:
            warnings.append("no publication date: relative dates stay unresolved")
        clean = normalize.normalize_text(text)
        if not clean.strip():
            raise InputError("the article text is empty")
        if normalize.arabic_share(clean) < self.settings.min_arabic_share:
            raise InputError("the article text has no Arabic (hadath codes Arabic news)")
        if len(clean) > self.settings.max_chars:
            cut = clean.rfind("\n", 0, self.settings.max_chars)
            cut = cut if cut > 0 else self.settings.max_chars
            warnings.append(f"text of {len(clean)} characters cut to the first {cut}")
            clean = clean[:cut]
        sentences = segment.segment(clean)
        return self._code(Article(text=clean, published=pub, title=title, source=source, id=id,
                                  sentences=sentences, warnings=tuple(warnings)))  # fmt: skip

    def _code(self, article: Article) -> Article:
        """Run the stages after segmentation over every sentence, then merge."""
        lex, text, pub = self.lexicon, article.text, article.published
        leaders = {str(k): str(v) for k, v in (lex.language.get("coalition_leaders") or {}).items()}
        ctx, memory = Context(pub), Memory(countries=lex.countries, coalition_leaders=leaders)
        events: list[Event] = []
        entities: list[Entity] = []
        places: list[Place] = []
        times: list[TimeExpression] = []
        quotes: list[Quote] = []
        sources: list[Source] = []
        resolved: dict[Mention, list[Entity]] = {}
        analyses = [recognize(sentence, lex) for sentence in article.sentences]
        memory.home = home_country(analyses, lex.words("multilateral_codes"))
        locative = lex.words("locative_prepositions")
        for a in analyses:
            memory.place_country = next(
                (s.country for _, s in a.places if s.country), None) or next(
                (m.country for m in a.mentions if m.prep in locative and m.country), None)
            raw = attach_sentence(a, classify(a, lex), ctx, lex)
            by_token: dict[int, Entity] = {}
            for m in a.mentions:
                ents = entity_of(m, text, pub, memory)
                resolved[m] = ents
                remember(memory, ents)
                entities.extend(ents)
                if ents:
                    by_token[m.i] = ents[0]
            for r in raw:
                ev = build_event(r, a, text, pub, memory, resolved, len(events) + 1,
                                 self.settings.historical_years,
                                 lex.words("multilateral_codes"))  # fmt: skip
                if ev is not None:
                    events.append(ev)
                    note_consult(memory, ev)
            speakers = [e for m in ctx.speaker for e in resolved.get(m, [])]
            previous = speakers[0] if speakers else quotes[-1].speaker if quotes else None
            quotes.extend(find_quotes(a, lex, previous, by_token))
            sources.extend(find_sources(a, lex))
            for tp in a.times:
                start, end, note = resolve_time(tp, pub, False)
                times.append(TimeExpression(tp.text, tp.start, tp.end, start, end, note))
            for pm, ps in a.places:
                st, en = a.tokens[pm.i].start, a.tokens[pm.j - 1].end
                places.append(Place(text[st:en], st, en, ps.name, ps.country, ps.lat, ps.lon,
                                    ps.id))  # fmt: skip
        quotes = [replace(q, id=f"q{i + 1}") for i, q in enumerate(quotes)]
        events = [_with_quote(e, quotes) for e in merge(events)]
        return replace(article, events=tuple(events), entities=tuple(entities),
                       places=tuple(places), times=tuple(times), quotes=tuple(quotes),
                       sources=tuple(sources))  # fmt: skip


def _with_quote(ev: Event, quotes: list[Quote]) -> Event:
    """Mark an event whose first trigger lies inside a quotation."""
    t: Span = ev.triggers[0]
    for q in quotes:
        if q.start <= t.start and t.end <= q.end:
            return replace(ev, quote=q.id)
    return ev


@functools.lru_cache(maxsize=4)
def _coder(settings: Settings) -> Coder:
    return Coder(settings)


def code(text: str, published: dt.date | str | None = None, *, title: str | None = None,
         source: str | None = None, id: str | None = None,
         settings: Settings | None = None) -> Article:  # fmt: skip
    """Code one Arabic news article into PLOVER events (the lexicon is loaded once)."""
    return _coder(settings or Settings()).code(text, published, title=title, source=source, id=id)
