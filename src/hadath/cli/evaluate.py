"""``hadath eval``: score the coder on gold data and count what it codes on a corpus."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console, RenderableType

from . import main


def _coder() -> Any:
    from ..pipeline import Coder

    return Coder()


def _emit(
    tables: Sequence[RenderableType], errors: Sequence[RenderableType], data: dict[str, Any] | None
) -> None:
    if data is not None:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    for t in [*errors, *tables]:
        console.print(t)


@main.group("eval")
def eval_group() -> None:
    """Score hadath on gold data, or count what it codes on a corpus."""


_json = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
_errors = click.option(
    "--errors", is_flag=True, help="List false positives and misses with what hadath coded."
)


@eval_group.command("gsr")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_json
@_errors
def gsr_cmd(folder: Path, as_json: bool, errors: bool) -> None:
    """Score PROTEST and ASSAULT on the OEDA Arabic gold standard in FOLDER."""
    from ..evaluate import gsr, report

    try:
        sentences, items = gsr.read_gsr_dir(folder)
    except (OSError, ValueError, KeyError) as exc:
        raise click.ClickException(f"cannot read the GSR in {folder}: {exc}") from exc
    r = gsr.score_gsr(sentences, items, _coder())
    _emit(
        report.gsr_tables(r),
        report.gsr_errors(r) if errors else [],
        report.gsr_json(r, errors) if as_json else None,
    )


@eval_group.command("gold")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_json
@_errors
def gold_cmd(file: Path, as_json: bool, errors: bool) -> None:
    """Score the lead-sentence events of a gold JSONL FILE (format: gold_dev/README.md)."""
    from ..evaluate import gold, report

    try:
        articles = gold.read_gold(file)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    r = gold.score_gold(articles, _coder())
    _emit(
        report.gold_tables(r),
        report.gold_errors(r) if errors else [],
        report.gold_json(r, errors) if as_json else None,
    )


@eval_group.command("corpus")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Code the first N only.")
@_json
def corpus_cmd(file: Path, limit: int | None, as_json: bool) -> None:
    """Count events per 1,000 articles by type, and modality, on a JSONL corpus FILE."""
    from ..evaluate import corpus, report

    try:
        r = corpus.summarise(corpus.code_records(corpus.read_corpus(file, limit), _coder()))
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"cannot read {file}: {exc}") from exc
    _emit(report.corpus_tables(r), [], report.corpus_json(r) if as_json else None)
