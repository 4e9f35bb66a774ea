"""Summarise a JSONL dataset of clusters on one machine: parallel, resumable, nothing lost.

- Each worker process loads the pipeline (and its model) once.
- Output lines are appended with one `write` each to a file opened O_APPEND, so a killed run
  leaves whole lines only; a torn last line (power loss) is cut off when the run resumes.
- Re-running skips the cluster ids already in the output. Failures go to an errors file with
  the cluster id and the reason, and the run goes on.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsfuse.ingest import decode, iter_jsonl, read_file_bytes
from newsfuse.pipeline import Pipeline
from newsfuse.render import to_dict
from newsfuse.select import Budget
from newsfuse.types import Cluster, NewsfuseError


@dataclass(frozen=True)
class BatchResult:
    id: str
    line: str = ""  # the JSON line to write on success
    error: str = ""


def summarize_cluster(pipeline: Pipeline, cluster: Cluster, budget: Budget) -> BatchResult:
    """One cluster to one output line (or an error); deterministic, so Spark can share it."""
    try:
        record = to_dict(pipeline.run(cluster, budget), timings=False)
    except NewsfuseError as exc:
        return BatchResult(id=cluster.id, error=str(exc))
    except Exception as exc:  # one bad cluster must not stop a dataset: report and go on
        return BatchResult(id=cluster.id, error=f"internal error: {type(exc).__name__}: {exc}")
    return BatchResult(id=cluster.id, line=json.dumps(record, ensure_ascii=False, sort_keys=True))


def finished_ids(output: Path) -> set[str]:
    """Ids already written; a torn last line is cut off so the file stays valid JSONL."""
    if not output.exists():
        return set()
    data = output.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(output, "r+b") as f:
            f.truncate(cut)
        data = data[:cut]
    ids = set()
    for line in data.splitlines():
        try:
            ids.add(str(json.loads(line)["id"]))
        except (ValueError, KeyError, TypeError):
            continue
    return ids


class AppendOnlyLines:
    """A JSONL file written one whole line per system call."""

    def __init__(self, path: Path):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, line: str) -> None:
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        written = os.write(self.fd, data)
        if written != len(data):  # only on a full disk: better stop than leave half a line
            raise OSError(f"short write ({written} of {len(data)} bytes)")

    def close(self) -> None:
        os.fsync(self.fd)
        os.close(self.fd)


_worker: dict = {}


def _init_worker(fast: bool, budget: Budget) -> None:
    _worker["pipeline"] = Pipeline.load(fast=fast)
    _worker["budget"] = budget


def _run_in_worker(cluster: Cluster) -> BatchResult:
    return summarize_cluster(_worker["pipeline"], cluster, _worker["budget"])


@dataclass
class BatchSummary:
    done: int = 0
    failed: int = 0
    skipped: int = 0  # already in the output


def run_batch(
    source: Path,
    output: Path,
    errors: Path,
    budget: Budget = Budget(),
    workers: int = 1,
    fast: bool = False,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> BatchSummary:
    finished = finished_ids(output)
    text = decode(read_file_bytes(source), str(source))
    summary = BatchSummary()
    todo: list[Cluster] = []
    bad_lines: list[NewsfuseError] = []
    for item in iter_jsonl(text, str(source)):
        if isinstance(item, NewsfuseError):
            bad_lines.append(item)
        elif item.id in finished:
            summary.skipped += 1
        else:
            todo.append(item)
    out, err = AppendOnlyLines(output), AppendOnlyLines(errors)
    try:
        for problem in bad_lines:
            err.write(json.dumps({"id": None, "error": str(problem)}))
            summary.failed += 1
        for result in _results(todo, workers, fast, budget):
            if result.error:
                err.write(json.dumps({"id": result.id, "error": result.error}, ensure_ascii=False))
                summary.failed += 1
            else:
                out.write(result.line)
                summary.done += 1
            on_progress(summary.done + summary.failed - len(bad_lines), len(todo))
    finally:
        out.close()
        err.close()
    return summary


def _results(clusters: list[Cluster], workers: int, fast: bool, budget: Budget) -> Iterator[BatchResult]:
    return map_in_processes(_run_in_worker, clusters, workers, _init_worker, (fast, budget))


def map_in_processes(function: Callable, items: list, workers: int, initializer: Callable, initargs: tuple,
                     chunksize: int = 8) -> Iterator:
    """`function` over `items`, results in order: here when `workers` is 1, otherwise in a pool
    of processes that each run `initializer(*initargs)` once (to load a pipeline)."""
    if workers <= 1:
        initializer(*initargs)
        yield from map(function, items)
        return
    with ProcessPoolExecutor(workers, initializer=initializer, initargs=initargs) as pool:
        yield from pool.map(function, items, chunksize=chunksize)
