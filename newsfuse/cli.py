"""The `newsfuse` command line. It only parses options and calls the pipeline."""
from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from newsfuse.ingest import read_clusters, read_sources
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
    paths: Annotated[list[str], typer.Argument(
        help="A folder of .txt/.md/.html articles, one file (articles separated by '|||||'), "
        "a JSONL dataset (one cluster per line), a URL, or '-' to read standard input. "
        "Several files or URLs make one cluster.")],
    words: Annotated[Optional[int], typer.Option("--words", "-w", min=10, help="Word budget of the summary (default 250).")] = None,
    sentences: Annotated[Optional[int], typer.Option("--sentences", "-s", min=1, help="Number of sentences instead of a word budget.")] = None,
    fast: Annotated[bool, typer.Option("--fast", help="Lexical representation only: no embedding model (faster, slightly less accurate citations and de-duplication).")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, md (Markdown), json (JSON Lines for several clusters) or html.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Summarise one cluster of articles (or every cluster of a JSONL dataset)."""
    budget = budget_from(words, sentences)
    pipeline = Pipeline.load(fast=fast)
    briefings = []
    failures = 0
    try:
        for item in read_sources(paths):
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
            briefings.append(briefing)
    except NewsfuseError as exc:
        raise fail(str(exc))
    if not briefings:
        raise fail(f"{' '.join(paths)}: no cluster could be summarised")
    if fmt is Format.json:  # one cluster: a JSON document; several: JSON Lines
        indent = 2 if len(briefings) == 1 else None
        text = "\n".join(to_json(b, indent=indent) for b in briefings) + "\n"
    else:
        text = "\n\n".join(render(b, fmt.value).rstrip("\n") for b in briefings) + "\n"
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise fail(f"{output}: cannot write ({exc.strerror})")
    else:
        sys.stdout.write(text)
    if failures:
        raise typer.Exit(1)


@contextmanager
def cluster_progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr with clusters/s and time left; yields `update(done, total)`."""
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.perf_counter()
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]:.1f} clusters/s"),
                  TimeRemainingColumn(), console=Console(stderr=True)) as progress:
        task = progress.add_task(label, total=None, rate=0.0)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, rate=done / max(time.perf_counter() - started, 1e-9))

        yield update


def main() -> None:
    # The pipeline reports what it skipped through logging; on the command line, as
    # "newsfuse: ..." lines on stderr.
    logging.basicConfig(format="newsfuse: %(message)s", level=logging.WARNING)
    try:
        app()
    finally:
        # At exit the collector would walk every object of spaCy and the models: 0.2 s of the
        # 2.5 s a one-cluster run takes. Frozen objects are left to the process's end.
        gc.freeze()


@app.command()
def evaluate(
    data: Annotated[str, typer.Argument(help="JSONL clusters, each with a reference \"summary\" (Multi-News layout).")],
    words: Annotated[int, typer.Option("--words", "-w", min=10, help="Word budget for every system; outputs are cut to it.")] = 250,
    systems: Annotated[str, typer.Option("--systems", help="Comma-separated: newsfuse, lead, lexrank, textrank.")] = "newsfuse,lead,lexrank,textrank",
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first K clusters.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes to score clusters in parallel.")] = 1,
    fast: Annotated[bool, typer.Option("--fast", help="Run newsfuse without the embedding model.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write a JSON report with per-cluster scores.")] = None,
) -> None:
    """Score newsfuse and baselines with ROUGE-1/2/Lsum (rouge-score, stemming) against references."""
    import json
    import time

    from rich.console import Console
    from rich.table import Table

    from newsfuse.evaluate import METRICS, evaluate as run_evaluation, paired_differences

    chosen = tuple(s.strip() for s in systems.split(",") if s.strip())
    clusters = []
    problems = []
    try:
        for item in read_clusters(data):
            if isinstance(item, NewsfuseError):
                problems.append(str(item))
            elif not item.reference.strip():
                problems.append(f"{data} cluster {item.id}: no reference \"summary\"")
            else:
                clusters.append(item)
            if limit and len(clusters) >= limit:
                break
    except NewsfuseError as exc:
        raise fail(str(exc))
    for problem in problems:
        typer.echo(f"newsfuse: skipped {problem}", err=True)
    if not clusters:
        raise fail(f"{data}: no cluster with a reference summary")

    started = time.perf_counter()
    with cluster_progress("scoring") as update:
        scored = 0

        def advance(_result) -> None:
            nonlocal scored
            scored += 1
            update(scored, len(clusters))

        try:
            results, summary = run_evaluation(clusters, chosen, words, workers, fast, on_result=advance)
        except NewsfuseError as exc:
            raise fail(str(exc))
    elapsed = time.perf_counter() - started

    table = Table(title=f"ROUGE F1 on {len(clusters)} clusters, {words}-word budget (mean [95% CI])")
    table.add_column("system")
    for metric in METRICS:
        table.add_column(metric, justify="right")
    for column in ("dangling %", "bare quote %", "words", "copied %", "s/cluster"):
        table.add_column(column, justify="right")
    for name, entry in summary.items():
        table.add_row(
            name,
            *(f"{entry[m]['mean']:.2f} [{entry[m]['low']:.2f}, {entry[m]['high']:.2f}]" for m in METRICS),
            f"{entry['dangling']['mean']:.1f}", f"{entry['bare_quotes']['mean']:.1f}",
            f"{entry['words']['mean']:.0f}", f"{entry['copied']['mean']:.1f}", f"{entry['seconds']['mean']:.3f}",
        )
    Console(width=160).print(table)
    differences = paired_differences(results, chosen)
    for other, entry in differences.items():
        typer.echo(f"newsfuse - {other}, paired over clusters: " + ", ".join(
            f"{m} {entry[m]['mean']:+.2f} [{entry[m]['low']:+.2f}, {entry[m]['high']:+.2f}]" for m in METRICS))
    typer.echo(f"{len(clusters)} clusters in {elapsed:.1f} s ({len(clusters) / elapsed:.2f} clusters/s)")
    failed = [r for r in results if r.error]
    for r in failed:
        typer.echo(f"newsfuse: cluster {r.id}: {r.error}", err=True)
    if output:
        report = {
            "data": data, "words": words, "systems": summary, "newsfuse_minus": differences, "seconds": elapsed,
            "clusters": [{"id": r.id, "error": r.error, "scores": r.scores} for r in results],
        }
        output.write_text(json.dumps(report, indent=2), encoding="utf-8")
    if problems or failed:
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Worker processes computing briefings, each loading the models once (default: the number of cores).")] = None,
    queue: Annotated[int, typer.Option(min=0, help="Requests that may wait for a worker; beyond, 503 with Retry-After.")] = 16,
    fast: Annotated[bool, typer.Option("--fast", help="No embedding model.")] = False,
    allow_private_urls: Annotated[bool, typer.Option("--allow-private-urls", help="Let URL fetching reach loopback and private addresses (local use and tests only).")] = False,
    max_body_mb: Annotated[float, typer.Option(help="Largest request body accepted, in MB.")] = 5.0,
    max_documents: Annotated[int, typer.Option(help="Most documents + URLs per request.")] = 100,
    timeout: Annotated[float, typer.Option(help="Seconds a request may take.")] = 30.0,
    db: Annotated[Optional[Path], typer.Option("--db", help="A `newsfuse follow` database: adds GET /v1/stories and the page /stories.")] = None,
) -> None:
    """Serve the HTTP API (POST /v1/briefings, OpenAPI at /openapi.json) and the web page at /."""
    import os
    import signal

    import uvicorn

    from newsfuse.fetch import FetchPolicy
    from newsfuse.server import ServerSettings, create_app

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    settings = ServerSettings(
        max_body_bytes=int(max_body_mb * 1024 * 1024), max_documents=max_documents, request_timeout_s=timeout,
        workers=workers or cores, queue=queue, fast=fast, fetch=FetchPolicy(allow_private=allow_private_urls),
        stories_db=str(db) if db else None,
    )
    # uvicorn finishes the requests in flight on SIGTERM, then raises the signal again: exit 0 then.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    uvicorn.run(create_app(None, settings), host=host, port=port, log_level="info",
                timeout_graceful_shutdown=timeout + 5)


@app.command()
def batch(
    source: Annotated[Path, typer.Argument(help="JSONL clusters, one per line ({\"id\", \"documents\"}).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL briefings; re-running skips ids already here.")],
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Where failed clusters are reported (default: OUTPUT.errors.jsonl).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes, each loading the model once.")] = 1,
    words: Annotated[int, typer.Option("--words", "-w", min=10, help="Word budget per briefing.")] = 250,
    fast: Annotated[bool, typer.Option("--fast", help="No embedding model.")] = False,
) -> None:
    """Summarise every cluster of a dataset, in parallel, resumably."""
    import time


    from newsfuse.batch import run_batch

    errors = errors or output.with_name(output.name + ".errors.jsonl")
    started = time.perf_counter()
    with cluster_progress("summarising") as update:
        try:
            summary = run_batch(source, output, errors, Budget(words=words), workers, fast, update)
        except NewsfuseError as exc:
            raise fail(str(exc))
    elapsed = time.perf_counter() - started
    typer.echo(f"{summary.done} summarised, {summary.failed} failed (see {errors}), "
               f"{summary.skipped} already done; {elapsed:.1f} s", err=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def spark(
    source: Annotated[str, typer.Argument(help="JSONL clusters (articles with --stories) or a Parquet file/folder.")],
    output: Annotated[str, typer.Argument(help="Output folder (must not exist).")],
    master: Annotated[str, typer.Option(help="Spark master URL, e.g. local[*] or yarn.")] = "local[*]",
    words: Annotated[int, typer.Option("--words", "-w", min=10, help="Word budget per briefing.")] = 250,
    fast: Annotated[bool, typer.Option("--fast", help="No embedding model.")] = False,
    output_format: Annotated[str, typer.Option("--format", help="jsonl (batch's lines) or parquet (id, briefing, error).")] = "jsonl",
    partitions: Annotated[Optional[int], typer.Option(min=1, help="Repartition the input into this many partitions.")] = None,
    stories: Annotated[bool, typer.Option("--stories", help="Input is single articles: group them into stories (as `cluster` does).")] = False,
    summarize_stories: Annotated[bool, typer.Option("--summarize", help="With --stories: add a briefing to every story.")] = False,
    threshold: Annotated[Optional[float], typer.Option(help="With --stories: average similarity needed to join a story.")] = None,
    window_days: Annotated[float, typer.Option(help="With --stories: a story takes new articles for this many days.")] = 3.0,
) -> None:
    """Summarise a dataset, or cluster an article stream into stories, on Apache Spark
    (extra: pip install 'newsfuse\\[spark]')."""
    try:
        from newsfuse.spark import run_spark, run_spark_stories
    except ImportError:
        raise fail("pyspark is not installed: pip install 'newsfuse[spark]'")
    if output_format not in ("jsonl", "parquet"):
        raise fail("--format must be jsonl or parquet")
    if Path(output).exists():
        raise fail(f"{output}: already exists")
    if stories:
        counts = run_spark_stories(source, output, master, fast, threshold, window_days, partitions or 8,
                                   summarize_stories, words, output_format)
        typer.echo(f"{counts['done']} stories, {counts['failed']} articles not clustered (rows with an error) → {output}",
                   err=True)
    else:
        counts = run_spark(source, output, master, words, fast, output_format, partitions)
        typer.echo(f"{counts['done']} summarised, {counts['failed']} failed (rows with an error) → {output}", err=True)


@app.command()
def cluster(
    source: Annotated[Path, typer.Argument(help="JSONL articles, one per line: {\"id\", \"text\", \"title\", \"url\", \"published\"}.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL stories, one per line (input layout of `summarize`).")],
    state: Annotated[Optional[Path], typer.Option(help="Keep the clustering state here: later runs add new articles to existing stories.")] = None,
    summarize_stories: Annotated[bool, typer.Option("--summarize", help="Add a briefing to every story.")] = False,
    words: Annotated[int, typer.Option("--words", "-w", min=10, help="Word budget of each briefing.")] = 250,
    fast: Annotated[bool, typer.Option("--fast", help="No embedding model (TF-IDF similarity only).")] = False,
    threshold: Annotated[Optional[float], typer.Option(help="Average similarity needed to join a story (default 0.18, 0.10 with --fast).")] = None,
    window_days: Annotated[float, typer.Option(help="A story takes new articles for this many days after its last one.")] = 3.0,
) -> None:
    """Group a time-ordered stream of articles into stories (near-duplicates first, then by meaning)."""
    import json

    from newsfuse.ingest import decode, read_file_bytes
    from newsfuse.store import load_clusterer_file, save_clusterer_file
    from newsfuse.stories import StoryClusterer, read_articles, story_record

    pipeline = Pipeline.load(fast=fast)
    try:
        articles, problems = read_articles(decode(read_file_bytes(source), str(source)), source.name)
    except NewsfuseError as exc:
        raise fail(str(exc))
    for problem in problems:
        typer.echo(f"newsfuse: skipped {problem}", err=True)
    try:
        clusterer = load_clusterer_file(state, pipeline.encoder) if state and state.exists() else StoryClusterer(
            pipeline.encoder, threshold, window_days)
    except NewsfuseError as exc:
        raise fail(str(exc))
    skipped_before = len(clusterer.skipped)
    clusterer.add([a for a in articles if a.id not in clusterer.story_of])
    for article_id in clusterer.skipped[skipped_before:]:
        typer.echo(f"newsfuse: not clustered: article {article_id} has no article text after cleaning", err=True)
    known = {a.id: a for a in articles}
    with open(output, "w", encoding="utf-8") as out:
        for story in clusterer.stories:
            members = [known[i] for i in story.members if i in known]
            if members:
                record = story_record(f"story-{story.id}", members, pipeline if summarize_stories else None,
                                      Budget(words=words))
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if state:
        save_clusterer_file(state, clusterer)
    typer.echo(f"{len(articles)} articles → {len(clusterer.stories)} stories → {output}", err=True)
    if problems:
        raise typer.Exit(1)


@contextmanager
def pass_progress() -> Iterator[Callable[[str, int, int], None]]:
    """Bars on stderr for the phases of a follow pass (feeds, clustering, briefings); yields
    `update(phase, done, total)`. A new pass (--every) starts its bars again."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        tasks: dict[str, object] = {}

        def update(phase: str, done: int, total: int) -> None:
            if phase == "feeds" and done == 0:  # a new pass
                for task in tasks.values():
                    progress.remove_task(task)
                tasks.clear()
            if phase not in tasks:
                tasks[phase] = progress.add_task(phase, total=total)
            progress.update(tasks[phase], completed=done, total=total)

        yield update


@app.command()
def follow(
    sources: Annotated[Path, typer.Argument(help="Feeds to follow: a text file of RSS/Atom URLs (one a line; a path is a local feed) or an OPML file.")],
    db: Annotated[Path, typer.Option("--db", help="The SQLite database of articles, stories and briefings (created if absent).")] = Path("newsfuse.db"),
    every: Annotated[Optional[str], typer.Option("--every", help="Run a pass every DURATION (30s, 15m, 2h) until interrupted; default: one pass.")] = None,
    allow_private_urls: Annotated[bool, typer.Option("--allow-private-urls", help="Let fetching reach loopback and private addresses (local feeds on your network).")] = False,
    fast: Annotated[bool, typer.Option("--fast", help="No embedding model nor parser (keep the same setting for one database).")] = False,
    words: Annotated[int, typer.Option("--words", "-w", min=10, help="Word budget of each briefing.")] = 250,
    delay: Annotated[float, typer.Option("--delay", min=0, help="Seconds between two requests to one host.")] = 1.0,
) -> None:
    """Follow feeds: store new articles, group them into stories and keep each story's briefing
    up to date, with what is new since its last version. Prints a summary line per pass."""
    from newsfuse.follow import FollowOptions, follow as run_follow, parse_every
    from newsfuse.fetch import FetchPolicy

    try:
        every_s = parse_every(every) if every else None
        options = FollowOptions(fetch=FetchPolicy(allow_private=allow_private_urls), delay_s=delay, words=words)
        pipeline = Pipeline.load(fast=fast)
        if sys.stderr.isatty():
            with pass_progress() as update:
                code = run_follow(sources, db, pipeline, options, every_s, typer.echo, update)
        else:
            code = run_follow(sources, db, pipeline, options, every_s, typer.echo)
    except NewsfuseError as exc:
        raise fail(str(exc))
    except KeyboardInterrupt:
        typer.echo("newsfuse: stopped", err=True)
        raise typer.Exit(130)
    raise typer.Exit(code)


@app.command("stories")
def list_stories(
    db: Annotated[Path, typer.Option("--db", help="A `newsfuse follow` database.")] = Path("newsfuse.db"),
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many stories.")] = 50,
) -> None:
    """List the followed stories, most outlets first: id, outlets, articles, last update, headline."""
    from newsfuse.store import Store

    try:
        store = Store(db, readonly=True)
        stories = store.stories(limit=limit)
    except NewsfuseError as exc:
        raise fail(str(exc))
    typer.echo(f"{'id':>5}  {'outlets':>7}  {'articles':>8}  {'updated':16}  headline")
    for s in stories:
        typer.echo(f"{s['id']:>5}  {s['outlets']:>7}  {s['articles']:>8}  {s['updated_at'][:16].replace('T', ' '):16}  "
                   f"{s['headline'] or '(no briefing yet)'}")


@app.command("story")
def show_story(
    story_id: Annotated[int, typer.Argument(help="The story's id (see `newsfuse stories`).")],
    db: Annotated[Path, typer.Option("--db", help="A `newsfuse follow` database.")] = Path("newsfuse.db"),
    version: Annotated[Optional[int], typer.Option(min=1, help="An earlier briefing version (default: the latest).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, md, json or html.")] = Format.text,
) -> None:
    """Print one story's briefing, with what is new since its previous version."""
    import json

    from newsfuse.store import Store
    from newsfuse.storyview import render_story

    try:
        row = Store(db, readonly=True).briefing(story_id, version)
    except NewsfuseError as exc:
        raise fail(str(exc))
    if row is None:
        raise fail(f"{db}: no story {story_id}" + (f" version {version}" if version else "") + " with a briefing")
    sys.stdout.write(render_story(json.loads(row["briefing"]), fmt.value))
