"""The one data model of hadath: frozen dataclasses, no I/O, no imports from the package.

Every annotation is a span into the article text: ``article.text[x.start:x.end] == x.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MODALITIES: tuple[str, ...] = ("asserted", "future", "hypothetical", "negated", "historical")

Modality = Literal["asserted", "future", "hypothetical", "negated", "historical"]
EntityKind = Literal["person", "organisation", "country", "agent", "group", "place"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character span [start, end) of the article text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    """A surface token with the parts found inside it.

    ``norm`` is the folded form of the whole token; ``stem`` is the folded form left when the
    proclitics in ``prefix`` and the attached pronoun in ``suffix`` are removed (only when the
    rest is a known word), so «ولم» keeps its offsets and is analysed as و + لم.
    """

    text: str
    start: int
    end: int
    norm: str
    prefix: str = ""
    stem: str = ""
    suffix: str = ""
    is_word: bool = True


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article with its tokens."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role of an entity: the country and sector it stood for between two dates."""

    country: str | None
    sector: str | None
    office: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A political entity as written in the article, coded with country and sector.

    ``country`` is an ISO 3166 alpha-3 code or a PLOVER non-state code (IGO, UNO, EUR, NGO,
    ISM, IMG, MNC); ``sector`` a PLOVER sector code or None for the country as a whole.
    """

    text: str
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    id: str | None = None
    kind: EntityKind = "agent"
    office: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date expression resolved against the publication (or a reported statement's) date."""

    text: str
    start: int
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    note: str | None = None  # why it is unresolved, or how it was resolved

    @property
    def resolved(self) -> bool:
        """Whether the expression got a date range."""
        return self.date_start is not None


@dataclass(frozen=True, slots=True)
class Place:
    """A place mentioned in the article, from the gazetteer."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: who said what, where in the article."""

    id: str
    text: str
    start: int
    end: int
    speaker: Entity | None
    verb: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A source the article cites («حسبما ذكرت وكالة …»)."""

    text: str
    start: int
    end: int
    name: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One act by political entities that the article reports, in PLOVER 2.0 terms."""

    id: str
    type: str
    mode: str | None
    modality: Modality
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    triggers: tuple[Span, ...]
    trigger_text: tuple[str, ...]
    sentence: Span
    sentence_index: int
    context: tuple[str, ...] = ()
    date: TimeExpression | None = None
    place: Place | None = None
    evidence: tuple[str, ...] = ()
    quote: str | None = None
    sentences: tuple[int, ...] = ()  # every sentence with a trigger of this event


@dataclass(frozen=True, slots=True)
class Article:
    """A coded article: its text, the events it reports, and what was found on the way."""

    text: str
    published: dt.date | None
    title: str | None = None
    source: str | None = None
    id: str | None = None
    sentences: tuple[Sentence, ...] = ()
    events: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    warnings: tuple[str, ...] = field(default=())
