"""Fixtures for the evaluation tests: hand-made entities and events, and a fake coder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from hadath.errors import InputError
from hadath.model import Article, Entity, Event, Place, Span, TimeExpression

SHARED = Path(__file__).resolve().parents[3] / "shared"
DATA = Path(__file__).resolve().parents[1] / "data"


def entity(text: str, country: str | None, sector: str | None = None, start: int = 0) -> Entity:
    """An entity at a given offset."""
    return Entity(text, start, start + len(text), text, country, sector)


def event(
    type_: str,
    triggers: list[tuple[int, int]],
    *,
    modality: str = "asserted",
    actors: tuple[Entity, ...] = (),
    recipients: tuple[Entity, ...] = (),
    date: tuple[str, str] | None = None,
    place: tuple[str, str] | None = None,
) -> Event:
    """An event with trigger spans; date as ISO (start, end), place as (name, country)."""
    spans = tuple(Span(s, e) for s, e in triggers)
    when = (
        None
        if date is None
        else TimeExpression(
            "d", 0, 1, dt.date.fromisoformat(date[0]), dt.date.fromisoformat(date[1])
        )
    )
    where = None if place is None else Place(place[0], 0, 1, place[0], place[1])
    return Event(
        "e",
        type_,
        None,
        modality,  # type: ignore[arg-type]
        actors,
        recipients,
        spans,
        tuple("t" for _ in spans),
        spans[0],
        0,
        date=when,
        place=where,
    )


class FakeCoder:
    """Returns prepared articles by text; raises InputError for text it does not know."""

    def __init__(self, by_text: Mapping[str, tuple[tuple[Event, ...], tuple[Entity, ...]]]):
        self.by_text = by_text
        self.calls = 0

    def code(
        self,
        text: str,
        published: dt.date | str | None = None,
        *,
        title: str | None = None,
        source: str | None = None,
        id: str | None = None,
    ) -> Article:
        """The prepared article of this text."""
        self.calls += 1
        if text not in self.by_text:
            raise InputError("unknown text")
        events, entities = self.by_text[text]
        return Article(text, None, events=events, entities=entities)


@pytest.fixture
def make_entity() -> Callable[..., Entity]:
    """The entity factory."""
    return entity


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """The event factory."""
    return event


@pytest.fixture
def fake_coder() -> type[FakeCoder]:
    """The fake coder class."""
    return FakeCoder


@pytest.fixture(scope="session")
def coder() -> object:
    """The real coder, built once."""
    from hadath.pipeline import Coder

    return Coder()


@pytest.fixture
def shared() -> Path:
    """The ../shared folder, or a skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture
def gold_example() -> Path:
    """The example gold file shipped in tests/data."""
    return DATA / "gold_example.jsonl"
