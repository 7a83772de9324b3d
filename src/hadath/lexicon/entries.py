"""What a lexicon key can mean: the senses the index returns for a matched phrase."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Role


@dataclass(frozen=True, slots=True)
class ActorSense:
    """A phrase that names or describes a political entity.

    ``kind``: country (a country's name), nisba (adjective of nationality), demonym (its
    people), capital / seat (metonymy for its government), person, org, group, title, body.
    """

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    office: str | None = None
    roles: tuple[Role, ...] = ()
    org_kind: str | None = None
    short: bool = False  # a surname or short form
    source: str = ""  # file the entry came from


@dataclass(frozen=True, slots=True)
class EventSense:
    """A word that expresses a PLOVER act: a verb form or an event noun."""

    id: str
    type: str
    pos: str  # verb | noun
    tense: str  # perfect | imperfect | noun
    person: int = 3
    number: str = "sg"
    gender: str = "m"
    passive: bool = False
    mode: str | None = None
    context: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    reverse: bool = False  # the grammatical subject is the recipient («استقبل»: the host)
    gap: tuple[str, ...] = ()  # the rest of a phrase that may follow after the subject
    crowd: bool = False  # an act only when a crowd does it («تجمع المتظاهرون», «خرج الآلاف»)
    by: tuple[str, str] | None = None  # a named operation's known actor: (country, sector)
    unnamed: bool = False  # the verb's subject is the weapon («انفجرت قنبلة»): doers unnamed
    armed: bool = False  # an act only when an armed force does it («حررت القوات المدينة»)
    evaluative: bool = False  # a judgement: the act of whoever says it («غير قادر», «خطوة مؤلمة»)
    source: str = ""


@dataclass(frozen=True, slots=True)
class FunctionSense:
    """A grammatical word the stages use (negation, reporting verb, preposition …)."""

    category: str
    value: str | None = None
    tense: str | None = None
    person: int = 3
    number: str = "sg"


@dataclass(frozen=True, slots=True)
class PlaceSense:
    """A place in the gazetteer."""

    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str


Sense = ActorSense | EventSense | FunctionSense | PlaceSense


@dataclass(frozen=True, slots=True)
class Example:
    """An example sentence written in a lexicon entry, with what must be coded from it."""

    text: str
    type: str | None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    entry: str = ""
    source: str = ""
    extra: dict[str, object] = field(default_factory=dict)
