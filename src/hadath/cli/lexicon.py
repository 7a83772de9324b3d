"""`hadath lexicon check|lookup|stats`: read, search and validate the lexicons."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from ..lexicon import LexiconError, build_lexicon, load_lexicon
from ..lexicon.check import check, lookup, stats
from ..lexicon.load import DATA_DIR
from . import main


@main.group("lexicon")
def lexicon_group() -> None:
    """Read, search and validate the lexicons."""


def _load(dirs: tuple[str, ...]):  # type: ignore[no-untyped-def]
    try:
        return load_lexicon(dirs)
    except LexiconError as exc:
        raise click.ClickException(str(exc)) from exc


@lexicon_group.command("check")
@click.argument("paths", nargs=-1, type=click.Path(file_okay=False, exists=True))
@click.option("--warnings/--no-warnings", default=False, help="Also list ambiguities to review.")
def check_cmd(paths: tuple[str, ...], warnings: bool) -> None:
    """Validate the shipped lexicon and any extra directories; exit 1 on errors."""
    from pathlib import Path

    try:
        lex = build_lexicon((DATA_DIR, *(Path(p) for p in paths)))
    except LexiconError as exc:
        raise click.ClickException(str(exc)) from exc
    findings = check(lex)
    errors = [f for f in findings if f.level == "error"]
    for f in findings:
        if f.level == "error" or warnings:
            click.echo(f"{f.level}: {f.message}")
    n_warn = len(findings) - len(errors)
    click.echo(f"{len(errors)} errors, {n_warn} warnings (lexicon version {lex.version})")
    if errors:
        raise SystemExit(1)


@lexicon_group.command("lookup")
@click.argument("word", nargs=-1, required=True)
@click.option("--lexicon", "dirs", multiple=True, type=click.Path(file_okay=False))
def lookup_cmd(word: tuple[str, ...], dirs: tuple[str, ...]) -> None:
    """Which entries match WORD, and why (the clitics stripped and the key found)."""
    lex = _load(dirs)
    rows = lookup(lex, " ".join(word))
    if not rows:
        click.echo("no entry matches")
        return
    table = Table()
    for col in ("key", "prefix", "suffix", "kind", "entry"):
        table.add_column(col)
    for key, pre, suf, sense in rows:
        kind = type(sense).__name__.replace("Sense", "").lower()
        desc = ", ".join(f"{k}={v}" for k, v in vars_of(sense).items()
                         if v not in (None, (), "", 3))  # fmt: skip
        table.add_row(key, pre, suf, kind, desc)
    Console().print(table)


def vars_of(sense: object) -> dict[str, object]:
    """The fields of a sense worth showing."""
    fields = getattr(sense, "__slots__", ())
    hidden = {"roles"}
    return {f: getattr(sense, f) for f in fields if f not in hidden}


@lexicon_group.command("stats")
@click.option("--lexicon", "dirs", multiple=True, type=click.Path(file_okay=False))
def stats_cmd(dirs: tuple[str, ...]) -> None:
    """How many entries of each kind the lexicon holds."""
    lex = _load(dirs)
    for k, v in stats(lex).items():
        click.echo(f"{k:32} {v:>8}")
    click.echo(f"{'version':32} {lex.version:>8}")
