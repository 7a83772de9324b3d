"""A GDELT-style tab-separated event table for tools built on CAMEO.

One row an event: actor codes (country + sector, e.g. TURGOV), the CAMEO root code of the
PLOVER type, QuadClass, a Goldstein-style score, mentions/sources from the story table,
the place as geo columns. Columns are GDELT 2.0 names where one exists.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..store.reader import EventView, Row
from .scales import cameo_root, quad_class, score

COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
    "PloverType", "PloverMode", "Modality", "StoryID", "ArticleID",
)  # fmt: skip


def _actor(prefix: str, ents: list[Row]) -> dict[str, Any]:
    first = ents[0] if ents else None
    return {
        f"{prefix}Code": first["code"] if first else "",
        f"{prefix}Name": first["name"] if first else "",
        f"{prefix}CountryCode": (first["country"] or "") if first else "",
        f"{prefix}Type1Code": (first["sector"] or "") if first else "",
    }


def gdelt_row(view: EventView) -> dict[str, Any]:
    """The GDELT-style row of one stored event (the first actor and recipient as Actor1/2)."""
    ev, art, story = view.event, view.article, view.story or {}
    day = ev["day"]
    root = cameo_root(ev["type"], ev["mode"])
    return {
        "GlobalEventID": ev["event_key"],
        "Day": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        **_actor("Actor1", view.actors), **_actor("Actor2", view.recipients),
        "IsRootEvent": 1 if ev["sentence_index"] == 0 else 0,
        "EventCode": root, "EventBaseCode": root, "EventRootCode": root,
        "QuadClass": quad_class(ev["type"]) or "",
        "GoldsteinScale": score(ev["type"], ev["mode"]),
        "NumMentions": story.get("mentions", 1), "NumSources": story.get("sources", 1),
        "NumArticles": story.get("articles", 1),
        "ActionGeo_FullName": ev["place_name"] or "",
        "ActionGeo_CountryCode": ev["place_country"] or "",
        "ActionGeo_Lat": "" if ev["lat"] is None else ev["lat"],
        "ActionGeo_Long": "" if ev["lon"] is None else ev["lon"],
        "DATEADDED": art["coded_at"].strftime("%Y%m%d%H%M%S") if art["coded_at"] else "",
        "SOURCEURL": art["url"] or art["source"] or "",
        "PloverType": ev["type"], "PloverMode": ev["mode"] or "", "Modality": ev["modality"],
        "StoryID": story.get("story_id", ""), "ArticleID": art["id"],
    }  # fmt: skip


def gdelt_rows(views: Iterable[EventView]) -> Iterator[dict[str, Any]]:
    """GDELT-style rows."""
    return (gdelt_row(v) for v in views)


def _clean(value: Any) -> Any:
    # a tab or newline inside a value would break the table
    return value.replace("\t", " ").replace("\n", " ") if isinstance(value, str) else value


def write_gdelt(views: Iterable[EventView], out: TextIO, header: bool = True) -> int:
    """Write the tab-separated table (with a header row); returns the number of rows."""
    writer = csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\",
                        lineterminator="\n")  # fmt: skip
    if header:
        writer.writerow(COLUMNS)
    n = 0
    for row in gdelt_rows(views):
        writer.writerow([_clean(row[c]) for c in COLUMNS])
        n += 1
    return n
