"""The `newsfuse` command line. It only parses options and calls the pipeline."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsfuse.ingest import read_clusters
from newsfuse.pipeline import Pipeline
from newsfuse.render import render, to_json
from newsfuse.select import Budget
from newsfuse.types import NewsfuseError

app = typer.Typer(
    help="Turn several news reports about one event into one short, faithful, cited briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
INPUT_ERROR = 2


@app.callback()
def commands() -> None:
    """Turn several news reports about one event into one short, faithful, cited briefing."""


class Format(str, Enum):
    text = "text"
    md = "md"
    json = "json"
    html = "html"


def fail(message: str) -> typer.Exit:
    typer.echo(f"newsfuse: error: {message}", err=True)
    return typer.Exit(INPUT_ERROR)


def budget_from(words: Optional[int], sentences: Optional[int]) -> Budget:
    if words is not None and sentences is not None:
        raise fail("give --words or --sentences, not both")
    return Budget(words=words or 250, sentences=sentences)


@app.command()
def summarize(
    path: Annotated[str, typer.Argument(
        help="A folder of .txt/.md/.html articles, one file (articles separated by '|||||'), "
        "a JSONL dataset (one cluster per line), or '-' to read standard input.")],
    words: Annotated[Optional[int], typer.Option("--words", "-w", min=10, help="Word budget of the summary (default 250).")] = None,
    sentences: Annotated[Optional[int], typer.Option("--sentences", "-s", min=1, help="Number of sentences instead of a word budget.")] = None,
    fast: Annotated[bool, typer.Option("--fast", help="Lexical representation only: no embedding model (faster, slightly less accurate citations and de-duplication).")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, md (Markdown), json (JSON Lines for several clusters) or html.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Summarise one cluster of articles (or every cluster of a JSONL dataset)."""
    budget = budget_from(words, sentences)
    pipeline = Pipeline.load(fast=fast)
    outputs: list[str] = []
    failures = 0
    try:
        for item in read_clusters(path):
            if isinstance(item, NewsfuseError):
                failures += 1
                typer.echo(f"newsfuse: skipped {item}", err=True)
                continue
            try:
                briefing = pipeline.run(item, budget)
            except NewsfuseError as exc:
                failures += 1
                typer.echo(f"newsfuse: skipped {exc}", err=True)
                continue
            outputs.append(to_json(briefing, indent=None) if fmt is Format.json else render(briefing, fmt.value))
    except NewsfuseError as exc:
        raise fail(str(exc))
    if not outputs:
        raise fail(f"{path}: no cluster could be summarised")
    if fmt is Format.json and len(outputs) == 1:
        outputs = [to_json_pretty(outputs[0])]
    text = ("\n" if fmt is Format.json else "\n\n").join(o.rstrip("\n") for o in outputs) + "\n"
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise fail(f"{output}: cannot write ({exc.strerror})")
    else:
        sys.stdout.write(text)
    if failures:
        raise typer.Exit(1)


def to_json_pretty(line: str) -> str:
    import json

    return json.dumps(json.loads(line), ensure_ascii=False, indent=2)


def main() -> None:
    app()
