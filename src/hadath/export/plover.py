"""PLOVER JSONL: one record an event, PLOVER's field names, our extra fields under their own.

``event``, ``mode`` and ``context`` are lists as in the PLOVER manual's JSON example.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..model import Article
from ..store.reader import EventView, Row
from ..store.rows import article_rows, text_hash
from .scales import quad_class, score


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def entity_object(ent: Row) -> dict[str, Any]:
    """A PLOVER entity object (code, sector, entity_text, identifier_*, office)."""
    obj = {"code": ent["country"], "sector": ent["sector"], "entity_text": ent["text"],
           "identifier_id": ent["entity_id"], "identifier_text": ent["name"],
           "office": ent["office"], "kind": ent["kind"]}  # fmt: skip
    return {k: v for k, v in obj.items() if v is not None}


def plover_record(view: EventView, coder: str = "hadath") -> dict[str, Any]:
    """The PLOVER record of one stored event."""
    ev, art = view.event, view.article
    typ, mode = ev["type"], ev["mode"]
    record: dict[str, Any] = {
        "id": ev["event_key"],
        "date": _iso(ev["day"]),
        "actor": [entity_object(e) for e in view.actors],
        "recipient": [entity_object(e) for e in view.recipients],
        "event": [typ],
        "mode": [mode] if mode else [],
        "context": json.loads(ev["context"]),
        "event_text": json.loads(ev["trigger_text"]),
        "text": ev["sentence_text"],
        "quad_code": quad_class(typ),
        "event_scale": score(typ, mode),
        "text_info": {"sequence": ev["sentence_index"], "start": ev["sentence_start"],
                      "end": ev["sentence_end"]},
        "cite_info": {"citation": art["id"], "url": art["url"], "title": art["title"],
                      "publication": art["source"], "language": "ar"},
        "coder": f"{coder} lexicon {art['lexicon']}",
        "coded_date": _iso(art["coded_at"].date()) if art["coded_at"] else None,
    }  # fmt: skip
    if ev["date_end"] is not None and ev["date_end"] != ev["day"]:
        record["enddate"] = _iso(ev["date_end"])
    if ev["place_name"] is not None:
        record["event_loc"] = {"resolved_place": ev["place_name"],
                               "country_code": ev["place_country"],
                               "lat": ev["lat"], "lon": ev["lon"]}  # fmt: skip
    # hadath's own fields
    record |= {
        "modality": ev["modality"],
        "date_text": ev["date_text"],
        "date_from_text": ev["date_start"] is not None,
        "trigger": json.loads(ev["triggers"]),
        "evidence": json.loads(ev["evidence"]),
        "quote": ev["quote_id"],
        "article_id": art["id"],
        "published": _iso(art["published"]),
        "story": view.story,
    }  # fmt: skip
    return record


def plover_lines(views: Iterable[EventView]) -> Iterator[str]:
    """PLOVER JSONL lines (without newline)."""
    for view in views:
        yield json.dumps(plover_record(view), ensure_ascii=False)


def write_plover(views: Iterable[EventView], out: TextIO) -> int:
    """Write PLOVER JSONL; returns the number of records."""
    n = 0
    for line in plover_lines(views):
        out.write(line + "\n")
        n += 1
    return n


def article_records(article: Article, lexicon_version: str) -> list[dict[str, Any]]:
    """PLOVER records of one coded article, without a store (for `hadath code --format plover`)."""
    rows = article_rows(article, article_id=article.id or "article",
                        hashed_text=text_hash(article.text),
                        lexicon_version=lexicon_version)  # fmt: skip
    by_role: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for ent in rows.entities:
        by_role[(ent["event_key"], ent["role"])].append(ent)
    art = dict(rows.article, lexicon=lexicon_version, coded_at=None)
    return [plover_record(EventView(ev, art, by_role[(ev["event_key"], "actor")],
                                    by_role[(ev["event_key"], "recipient")]))
            for ev in rows.events]  # fmt: skip
