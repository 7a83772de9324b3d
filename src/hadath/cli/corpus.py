"""Corpus commands: ``run``, ``stories``, ``export``, ``query`` (thin: options in, library out)."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import main

DB_HELP = "SQLite file or sqlite:///FILE, or postgresql://user@host/dbname"


def _store(db: str, schema: str | None) -> Any:
    from ..store.engine import StoreError, open_store

    try:
        return open_store(db, schema=schema)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _factory(spec: str | None, lexicon: tuple[str, ...]) -> Any:
    from ..batch.worker import default_factory
    from ..settings import Settings

    if not spec:
        return default_factory(Settings(lexicon_dirs=lexicon))
    module, _, name = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise click.BadParameter(f"{spec}: {exc} (write module:function)") from exc


def _rejects_path(db: str, given: Path | None) -> Path:
    if given:
        return given
    if "://" not in db:
        return Path(db).with_suffix(".rejects.jsonl")
    return Path("hadath-rejects.jsonl")


@main.command("run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default="hadath.db", show_default=True, help=DB_HELP)
@click.option("--schema", default=None, help="PostgreSQL schema for the tables.")
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(1),
    default=os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Coding processes.",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="OURS=THEIRS",
    help="Input field names, e.g. --field text=body --field date=published.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "text", "html"]),
    help="Format of files whose suffix does not say it.",
)
@click.option(
    "--rejects",
    type=click.Path(path_type=Path),
    help="Rejects file (JSONL) [default: next to the SQLite file].",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(1000),
    default=1_000_000,
    show_default=True,
    help="Records longer than this are rejected.",
)
@click.option("--recode", is_flag=True, help="Re-code articles coded with another lexicon.")
@click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=200,
    show_default=True,
    help="Articles per commit.",
)
@click.option(
    "--stories/--no-stories",
    default=True,
    show_default=True,
    help="Group events into stories at the end.",
)
@click.option(
    "--lexicon",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Extra lexicon folder (repeatable).",
)
@click.option(
    "--progress",
    type=click.Choice(["auto", "bar", "log", "none"]),
    default="auto",
    show_default=True,
    help="Live bar on a terminal, a log line per 1,000 otherwise.",
)
@click.option("--coder-factory", hidden=True, help="module:function building the coder.")
def run_cmd(inputs: tuple[Path, ...], db: str, schema: str | None, workers: int,
            fields: tuple[str, ...], fmt: Any, rejects: Path | None, max_bytes: int,
            recode: bool, batch_size: int, stories: bool, lexicon: tuple[str, ...],
            progress: str, coder_factory: str | None) -> None:  # fmt: skip
    """Code a corpus (JSONL, CSV, text files, folders of HTML pages) into the event store."""
    from ..batch.progress import BarProgress, LogProgress, summary_lines
    from ..batch.readers import ReadOptions, parse_field_map
    from ..batch.run import NoProgress, Progress, RunOptions, run_corpus

    try:
        read = ReadOptions(parse_field_map(fields), max_bytes, fmt)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from exc
    if progress == "auto":
        progress = "bar" if sys.stderr.isatty() else "log"
    reporter: Progress = {"bar": BarProgress, "log": LogProgress, "none": NoProgress}[progress]()
    opts = RunOptions(workers=workers, recode=recode, rejects=_rejects_path(db, rejects),
                      read=read, batch_size=batch_size, stories=stories,
                      estimate=progress == "bar")  # fmt: skip
    store = _store(db, schema)
    try:
        summary = run_corpus(store, list(inputs), _factory(coder_factory, lexicon), opts,
                             reporter)  # fmt: skip
    finally:
        store.close()
    click.echo("\n".join(summary_lines(summary, db)))


@main.command("stories")
@click.option("--db", default="hadath.db", show_default=True, help=DB_HELP)
@click.option("--schema", default=None, help="PostgreSQL schema of the tables.")
def stories_cmd(db: str, schema: str | None) -> None:
    """Group stored events reported by several articles into stories (rebuilds the table)."""
    from ..batch.stories import build_stories

    store = _store(db, schema)
    n = build_stories(store)
    store.close()
    click.echo(f"{n} stories")


def _date(_ctx: Any, _param: Any, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD") from exc


@main.command("export")
@click.option("--db", default="hadath.db", show_default=True, help=DB_HELP)
@click.option("--schema", default=None, help="PostgreSQL schema of the tables.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plover", "gdelt", "csv", "parquet"]),
    default="plover",
    show_default=True,
)
@click.option("--since", callback=_date, help="First day (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Last day (YYYY-MM-DD).")
@click.option("--type", "types", multiple=True, help="PLOVER type (repeatable).")
@click.option("--country", help="Country code of an actor, a recipient or the place.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file [default: stdout].",
)
def export_cmd(db: str, schema: str | None, fmt: Any, since: dt.date | None,
               until: dt.date | None, types: tuple[str, ...], country: str | None,
               output: Path | None) -> None:  # fmt: skip
    """Export stored events as PLOVER JSONL, a GDELT-style table, CSV or Parquet."""
    from ..export import EventFilter, export

    store = _store(db, schema)
    try:
        n = export(store, fmt, output, EventFilter(since, until, types, country))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"{n} events exported" + (f" to {output}" if output else ""), err=True)


@main.command("query")
@click.argument("name", type=click.Choice(["dyad", "meetings", "protests"]))
@click.argument("countries", nargs=-1)
@click.option("--db", default="hadath.db", show_default=True, help=DB_HELP)
@click.option("--schema", default=None, help="PostgreSQL schema of the tables.")
@click.option("--since", callback=_date, help="First day (YYYY-MM-DD), for dyad.")
@click.option("--until", callback=_date, help="Last day (YYYY-MM-DD), for dyad.")
@click.option("--limit", type=int, default=50, show_default=True, help="Rows, for meetings.")
@click.option(
    "--as", "as_", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True
)
def query_cmd(
    name: str,
    countries: tuple[str, ...],
    db: str,
    schema: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    as_: str,
) -> None:
    """Named queries: dyad A B (events between two countries by month), meetings [COUNTRY]
    (who met whom), protests [COUNTRY] (protests by country and week)."""
    from ..store import queries

    store = _store(db, schema)
    try:
        if name == "dyad":
            if len(countries) != 2:
                raise click.UsageError(
                    "dyad needs two country codes, e.g. hadath query dyad TUR RUS"
                )
            res = queries.dyad(store, *countries, since=since, until=until)
        elif name == "meetings":
            res = queries.meetings(store, countries[0] if countries else None, limit)
        else:
            res = queries.protests(store, countries[0] if countries else None)
    finally:
        store.close()
    _print(res.columns, res.rows, as_)


def _print(columns: tuple[str, ...], rows: list[tuple[Any, ...]], as_: str) -> None:
    if as_ == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
    elif as_ == "json":
        for r in rows:
            click.echo(json.dumps(dict(zip(columns, r, strict=True)), ensure_ascii=False,
                                  default=str))  # fmt: skip
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        Console().print(table)
