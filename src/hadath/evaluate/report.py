"""Evaluation results as rich tables, error listings and JSON-ready dictionaries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..model import MODALITIES, PLOVER_TYPES, Event
from .corpus import CorpusResult
from .gold import LEVELS, GoldError, GoldResult, Unit, describe
from .gsr import GsrError, GsrResult
from .metrics import Score, Share


def event_line(ev: Event) -> str:
    """One line for a hadath event: type, modality, actors → recipients, trigger."""
    return describe(ev.type, ev.modality, ev.actors, ev.recipients, " … ".join(ev.trigger_text))


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _share(s: Share) -> str:
    return f"{_pct(s.value)}% ({s.right}/{s.total})" if s.total else "–"


def _prf_table(title: str, first: str, rows: Iterator[tuple[str, Score]]) -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column(first)
    for c in ("P %", "R %", "F1 %", "tp", "hadath", "gold"):
        t.add_column(c, justify="right")
    for name, s in rows:
        t.add_row(
            name,
            _pct(s.precision),
            _pct(s.recall),
            _pct(s.f1),
            str(s.tp),
            str(s.predicted),
            str(s.gold),
        )
    return t


def _shares_table(title: str, rows: list[tuple[str, Share]]) -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column("measure")
    t.add_column("right", justify="right")
    for name, s in rows:
        t.add_row(name, _share(s))
    return t


# GSR ------------------------------------------------------------------------------------


def gsr_tables(r: GsrResult) -> list[RenderableType]:
    """The GSR scores: sentence P/R/F1 per type, code accuracy, actor-country recognition."""
    prf = _prf_table(
        "GSR sentences (yes vs easy/difficult no; ambiguous left out)",
        "type",
        ((t.event_type, t.sentences) for t in r.types),
    )
    codes = Table(
        title="Codes of hadath's first actor/recipient where it found the event "
        "(over items whose gold gives a code)",
        title_justify="left",
    )
    codes.add_column("type")
    for c in ("actor country", "actor sector", "recipient country", "recipient sector"):
        codes.add_column(c, justify="right")
    for t in r.types:
        codes.add_row(
            t.event_type,
            _share(t.actor_country),
            _share(t.actor_sector),
            _share(t.recipient_country),
            _share(t.recipient_sector),
        )
    rec = _shares_table(
        "Gold actors whose country hadath's overlapping entity gets right (all span items)",
        [("source actors", r.source_country), ("target actors", r.target_country)],
    )
    return [prf, codes, rec]


def gsr_errors(r: GsrResult) -> list[RenderableType]:
    """False positives and misses, each with its sentence and what hadath coded."""
    return [_gsr_error(e) for t in r.types for e in t.errors]


def _gsr_error(e: GsrError) -> Text:
    lines = [f"{e.kind.upper()} {e.event_type} [{e.label}] {e.id[-12:]}", f"  sentence: {e.text}"]
    lines += [f"  hadath:   {event_line(ev)}" for ev in e.coded] or ["  hadath:   (nothing)"]
    return Text("\n".join(lines))


def gsr_json(r: GsrResult, errors: bool = False) -> dict[str, Any]:
    """The GSR scores as a JSON-ready dictionary."""
    out: dict[str, Any] = {
        "types": {},
        "source_actor_country": r.source_country.as_dict(),
        "target_actor_country": r.target_country.as_dict(),
    }
    for t in r.types:
        out["types"][t.event_type] = {
            "sentences": t.sentences.as_dict(),
            "labels": t.labels,
            "uncodable": t.uncodable,
            "actor_country": t.actor_country.as_dict(),
            "actor_sector": t.actor_sector.as_dict(),
            "recipient_country": t.recipient_country.as_dict(),
            "recipient_sector": t.recipient_sector.as_dict(),
        }
    if errors:
        out["errors"] = [
            {
                "kind": e.kind,
                "type": e.event_type,
                "id": e.id,
                "label": e.label,
                "text": e.text,
                "hadath": [event_line(ev) for ev in e.coded],
            }
            for t in r.types
            for e in t.errors
        ]
    return out


# article gold ----------------------------------------------------------------------------


def gold_tables(r: GoldResult) -> list[RenderableType]:
    """The gold scores: P/R/F1 by level and by type, date and place accuracy."""
    title = f"Lead-sentence events of {r.articles} articles ({r.uncodable} uncodable)"
    levels = _prf_table(
        title,
        "level",
        ((f"{i + 1} {name}", s) for i, (name, s) in enumerate(zip(LEVELS, r.levels, strict=True))),
    )
    types = _prf_table(
        "Level 1 (type in the right sentence) by type", "type", iter(r.types.items())
    )
    attrs = _shares_table(
        "On matched events",
        [
            ("date (start and end equal; null = null)", r.date),
            ("date, where gold has one", r.date_given),
            ("place country (null = null)", r.place_country),
            ("place name", r.place_name),
        ],
    )
    return [levels, types, attrs]


def _unit(u: Unit | None) -> str:
    return u.label if u else "-"


def _gold_error(e: GoldError) -> Text:
    lines = [f"{e.kind.upper()} {e.article} S{e.sentence}", f"  sentence: {e.text}"]
    if e.gold:
        lines.append(f"  gold:     {_unit(e.gold)}")
    if e.pred:
        lines.append(f"  matched:  {_unit(e.pred)}" if e.gold else f"  hadath:   {_unit(e.pred)}")
    if not e.pred:
        lines += [f"  hadath:   {c}" for c in e.coded] or ["  hadath:   (nothing here)"]
    return Text("\n".join(lines))


def gold_errors(r: GoldResult) -> list[RenderableType]:
    """Misses, false positives and partial matches, with sentence and what hadath coded."""
    return [_gold_error(e) for e in r.errors]


def _unit_json(u: Unit | None) -> dict[str, Any] | None:
    if u is None:
        return None
    return {
        "type": u.type,
        "modality": u.modality,
        "actors": sorted(u.actors),
        "recipients": sorted(u.recipients),
        "date": list(u.date),
        "place": [u.place_name, u.place_country],
        "label": u.label,
    }


def gold_json(r: GoldResult, errors: bool = False) -> dict[str, Any]:
    """The gold scores as a JSON-ready dictionary."""
    out: dict[str, Any] = {
        "articles": r.articles,
        "uncodable": r.uncodable,
        "levels": {name: s.as_dict() for name, s in zip(LEVELS, r.levels, strict=True)},
        "types": {t: s.as_dict() for t, s in r.types.items()},
        "date": r.date.as_dict(),
        "date_given": r.date_given.as_dict(),
        "place_country": r.place_country.as_dict(),
        "place_name": r.place_name.as_dict(),
    }
    if errors:
        out["errors"] = [
            {
                "kind": e.kind,
                "article": e.article,
                "sentence": e.sentence,
                "text": e.text,
                "gold": _unit_json(e.gold),
                "hadath": _unit_json(e.pred),
                "coded": list(e.coded),
            }
            for e in r.errors
        ]
    return out


# corpus ----------------------------------------------------------------------------------


def corpus_tables(r: CorpusResult) -> list[RenderableType]:
    """Events per 1,000 articles by type, and the modality distribution."""
    head = (
        f"{r.articles} articles ({r.uncodable} uncodable), {r.sentences} sentences, "
        f"{r.events} events, {r.per_article:.2f} events per article"
    )
    types = Table(title="Events per 1,000 articles", title_justify="left")
    types.add_column("type")
    types.add_column("events", justify="right")
    types.add_column("per 1,000", justify="right")
    for t in PLOVER_TYPES:
        types.add_row(t, str(r.types.get(t, 0)), f"{r.per_thousand(t):.1f}")
    mods = Table(title="Modality", title_justify="left")
    mods.add_column("modality")
    mods.add_column("events", justify="right")
    mods.add_column("%", justify="right")
    for m in MODALITIES:
        n = r.modalities.get(m, 0)
        mods.add_row(m, str(n), _pct(n / r.events) if r.events else "–")
    return [Text(head), types, mods]


def corpus_json(r: CorpusResult) -> dict[str, Any]:
    """The corpus counts as a JSON-ready dictionary."""
    return {
        "articles": r.articles,
        "uncodable": r.uncodable,
        "sentences": r.sentences,
        "events": r.events,
        "events_per_article": round(r.per_article, 4),
        "types": {
            t: {"events": r.types.get(t, 0), "per_1000": round(r.per_thousand(t), 2)}
            for t in PLOVER_TYPES
        },
        "modalities": {m: r.modalities.get(m, 0) for m in MODALITIES},
    }
