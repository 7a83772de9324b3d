"""Terminal display of coded articles: one event a line, Arabic kept in bidi isolates."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..model import Article, Entity

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: each Arabic cell keeps its own direction


def iso(text: str) -> str:
    """Wrap text in a bidi isolate so right-to-left text does not reorder the line around it."""
    return f"{FSI}{text}{PDI}" if text else ""


def _who(entities: tuple[Entity, ...]) -> str:
    return "; ".join(f"{iso(e.name)} ({e.country or '?'}{' ' + e.sector if e.sector else ''})"
                     for e in entities) or "-"  # fmt: skip


def print_table(article: Article, console: Console | None = None) -> None:
    """Print an article's events, quotations and sources as tables."""
    console = console or Console()
    table = Table(title=f"{len(article.events)} events", show_lines=False)
    for col in ("id", "type", "modality", "actors", "→ recipients", "date", "place", "trigger",
                "sent"):  # fmt: skip
        table.add_column(col, no_wrap=col in ("id", "type", "modality", "date", "sent"))
    for e in article.events:
        date = ""
        if e.date is not None:
            span = e.date.date_start.isoformat() if e.date.date_start else "?"
            if e.date.date_end and e.date.date_end != e.date.date_start:
                span += f"..{e.date.date_end.isoformat()}"
            date = span
        place = f"{e.place.name} ({e.place.country})" if e.place else ""
        kind = e.type + (f"/{e.mode}" if e.mode else "")
        table.add_row(e.id, kind, e.modality, _who(e.actors), _who(e.recipients), date, place,
                      iso(" | ".join(e.trigger_text)), ",".join(map(str, e.sentences)))  # fmt: skip
    console.print(table)
    if article.quotes:
        q = Table(title="quotations")
        q.add_column("id")
        q.add_column("speaker")
        q.add_column("text")
        for quote in article.quotes:
            speaker = quote.speaker.name if quote.speaker else "?"
            text = quote.text if len(quote.text) < 70 else quote.text[:67] + "…"
            q.add_row(quote.id, iso(speaker), iso(text))
        console.print(q)
    if article.sources:
        console.print("sources: " + "; ".join(iso(s.name) for s in article.sources))
