"""Before/after speed of summarising alone (select + order): the package at a git revision
against the working tree, on the same Multi-News dev clusters, taking turns cluster by
cluster so that the shared machine's slow spells hit both alike. Also counts the clusters
whose summary differs.

    taskset -c 0 python benchmarks/ab.py --base dfa477e [--rounds 2] [--limit 250]

Compared with itself (`--base HEAD`, no change) it reads 0.997 and 1.007 over 250 clusters x 2
rounds: differences under 1% are noise.
"""
from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"
BASE_PACKAGE = "newsfuse_base"


def import_revision(revision: str, into: Path):
    """The `newsfuse` package as it was at `revision`, importable as `newsfuse_base`."""
    archive = subprocess.run(["git", "archive", revision, "newsfuse"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "newsfuse").rename(into / BASE_PACKAGE)
    for source in (into / BASE_PACKAGE).rglob("*.py"):
        source.write_text(re.sub(r"\bnewsfuse\.", f"{BASE_PACKAGE}.", source.read_text()))
    sys.path.insert(0, str(into))
    return {stage: importlib.import_module(f"{BASE_PACKAGE}.{stage}") for stage in ("pipeline", "select", "order")}


def summarizer(modules):
    """For a cluster, its cleaned sentences (prepared now, outside the timing) and a function
    that summarises them."""
    pipeline, select, order = modules["pipeline"], modules["select"], modules["order"]

    def prepared(cluster):
        sentences = pipeline.earliest(pipeline.prepare(cluster)[0])
        return lambda: order.order_sentences(
            select.select_sentences(sentences, select.Budget(250)), Counter(s.document for s in sentences))
    return prepared


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="git revision to compare the working tree with")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=250)
    args = parser.parse_args()
    from newsfuse.ingest import read_clusters

    clusters = list(read_clusters(str(DEV)))[: args.limit]
    with tempfile.TemporaryDirectory() as folder:
        base = summarizer(import_revision(args.base, Path(folder)))
        new = summarizer({stage: importlib.import_module(f"newsfuse.{stage}") for stage in ("pipeline", "select", "order")})
        runs = [(base(c), new(c)) for c in clusters]  # each side its own sentences, as a caller's
        seconds, differ = [0.0, 0.0], set()
        for round_ in range(args.rounds):
            for i, pair in enumerate(runs):
                outputs = [None, None]
                for side in ((0, 1) if (i + round_) % 2 else (1, 0)):
                    start = time.perf_counter()
                    outputs[side] = pair[side]()
                    seconds[side] += time.perf_counter() - start
                if [s.text for s in outputs[0]] != [s.text for s in outputs[1]]:
                    differ.add(i)
    n = len(clusters) * args.rounds
    print(f"select + order, {len(clusters)} clusters x {args.rounds} rounds: {args.base} {seconds[0] / n * 1000:.3f} ms, "
          f"working tree {seconds[1] / n * 1000:.3f} ms per cluster; working tree / base {seconds[1] / seconds[0]:.3f}; "
          f"{len(differ)} clusters summarised differently")


if __name__ == "__main__":
    main()
