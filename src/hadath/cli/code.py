"""`hadath code`: code one article and print its events."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import HadathError, InputError
from ..pipeline import Coder
from ..serialize import article_dict
from ..settings import Settings
from . import main
from .display import print_table
from .io import read_text


@main.command("code")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--published", "-p",
              help="Publication date YYYY-MM-DD (relative dates resolve against it).")
@click.option("--title", help="The article's title.")
@click.option("--source", help="The outlet.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "plover"]),
              default="table", show_default=True)  # fmt: skip
@click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A lexicon directory that extends the shipped one (repeatable).")  # fmt: skip
@click.option("--max-chars", type=int, default=Settings().max_chars, show_default=True,
              help="Longer texts are cut at a line break before this many characters.")  # fmt: skip
def code_cmd(file: str, published: str | None, title: str | None, source: str | None, fmt: str,
             lexicon_dirs: tuple[str, ...], max_chars: int) -> None:  # fmt: skip
    """Code one article (FILE, or - for standard input) into PLOVER events."""
    try:
        text = read_text(sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes(), file)
        coder = Coder(Settings(lexicon_dirs=lexicon_dirs, max_chars=max_chars))
        article = coder.code(text, published, title=title, source=source,
                             id=None if file == "-" else Path(file).stem)  # fmt: skip
    except (HadathError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    for w in article.warnings:
        click.echo(f"warning: {w}", err=True)
    if fmt == "json":
        click.echo(json.dumps(article_dict(article), ensure_ascii=False, indent=2))
    elif fmt == "plover":
        from ..export.plover import article_records

        for rec in article_records(article, coder.lexicon.version):
            click.echo(json.dumps(rec, ensure_ascii=False))
    else:
        print_table(article)


__all__ = ["code_cmd", "InputError"]
