"""Disagreements: precision and recall on the hand-labelled dev clusters
(tests/data/dev_figure_groups.jsonl, made as tests/data/README.md says), the hand-written unit
clusters, and the time the analyze + facts + disagree stages take per Multi-News cluster.

    taskset -c 0 python benchmarks/disagreements.py [--fast] [--show]
    python benchmarks/disagreements.py --labels tests/data/train_figure_groups.jsonl \
        --data ../shared/data/multinews/train.jsonl --clusters 0-299

Precision counts every figure disagreement reported on the labelled range of dev clusters
(0-224): one is right when two of its statements from different sides are a pair labelled
`conflict` or `update`. Recall: the labelled pairs whose two statements some reported
disagreement puts on different sides.
"""
from __future__ import annotations

import argparse
import itertools
import re
import json
import statistics
import time
from pathlib import Path

from newsfuse.disagree import find_disagreements
from newsfuse.evaluate import disagreement_scores
from newsfuse.facts import extract_facts
from newsfuse.facts.entities import find_entities
from newsfuse.ingest import cluster_from_record, iter_jsonl
from newsfuse.pipeline import Pipeline, prepare

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "disagreements.jsonl"
LABELS = ROOT / "tests" / "data" / "dev_figure_groups.jsonl"
DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"
LABELLED_CLUSTERS = "0-224"


def number_key(text: str) -> str:
    return re.sub(r"[$£€%,]", "", text.lower()).strip()


def positive_pairs(path: Path) -> dict[str, list[tuple[tuple[int, str], tuple[int, str], str]]]:
    """Per cluster: ((document, number), (document, number), label) of every conflict or update."""
    out: dict[str, list] = {}
    for line in path.read_text().splitlines():
        group = json.loads(line)
        for pair in group["pairs"]:
            if pair["label"] in ("conflict", "update"):
                a, b = group["statements"][pair["a"]], group["statements"][pair["b"]]
                out.setdefault(group["cluster"], []).append(
                    ((a["document"], number_key(a["number"])), (b["document"], number_key(b["number"])), pair["label"]))
    return out


def holds(statement, side: tuple[int, str]) -> bool:
    document, number = side
    return document in statement.documents and number in number_key(statement.value).split(" ")


def matches(disagreement, pair) -> bool:
    a, b, _ = pair
    return any(holds(x, a) and holds(y, b) or holds(x, b) and holds(y, a)
               for x, y in itertools.combinations(disagreement.statements, 2))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fast", action="store_true", help="the --fast rules instead of the spaCy analysis")
    parser.add_argument("--show", action="store_true", help="print every reported disagreement and every missed labelled pair")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--data", type=Path, default=DEV, help="the Multi-News JSONL file the labels are from")
    parser.add_argument("--clusters", default=LABELLED_CLUSTERS, help="the labelled line range, inclusive")
    args = parser.parse_args()
    first, last = map(int, args.clusters.split("-"))
    labelled_clusters = range(first, last + 1)
    pipeline = Pipeline.load(fast=args.fast)

    pairs = []
    for line in CASES.read_text().splitlines():
        case = json.loads(line)
        pairs.append((pipeline.run(cluster_from_record(case, case["id"])).disagreements, case["expected"]))
    scores = disagreement_scores(pairs)
    print(f"hand-written clusters: {len(pairs)} ({sum(1 for _, e in pairs if not e)} with no disagreement): "
          f"precision {scores['precision']:.2f}  recall {scores['recall']:.2f}")

    if not args.data.exists():
        print(f"{args.data} absent: skipping the real clusters")
        return
    labelled = positive_pairs(args.labels)
    reported = correct = found = updates_right = 0
    times = []
    for index, cluster in enumerate(iter_jsonl(args.data.read_text(), str(args.data))):
        if index not in labelled_clusters:
            continue
        sentences, _ = prepare(cluster)
        if pipeline.encoder is not None:
            pipeline.encoder.cache.clear()  # a real run embeds each cluster's names afresh
        start = time.perf_counter()
        analysis = pipeline.analyze(sentences, cluster.documents)
        entities = find_entities(analysis.names, sentences)
        extract_facts(analysis, pipeline.key_entities(entities))
        disagreements = [d for d in find_disagreements(sentences, analysis.amounts, entities, analysis.approximate)
                         if d.topic == "figure"]
        times.append((time.perf_counter() - start) * 1000)
        truth = labelled.get(cluster.id, [])
        for d in disagreements:
            hit = [p for p in truth if matches(d, p)]
            reported += 1
            correct += bool(hit)
            updates_right += bool(hit) and hit[0][2] == d.kind
            if args.show:
                print(f"  {'OK ' if hit else 'NO '} {cluster.id} {d.kind}: {d.description}")
        for pair in truth:
            hit = any(matches(d, pair) for d in disagreements)
            found += hit
            if args.show and not hit:
                print(f"  MISSED {cluster.id} {pair[2]}: {pair[0]} vs {pair[1]}")
    total = sum(len(v) for v in labelled.values())
    print(f"{args.data.stem} clusters {args.clusters}: {reported} figure disagreements "
          f"reported, {correct} right ({updates_right} with the right kind); labelled pairs {total}, found {found}")
    print(f"precision {correct / reported if reported else 1:.2f}  recall {found / total:.2f}")
    times.sort()
    print(f"analyze + facts + disagree: median {statistics.median(times):.1f} ms, p90 "
          f"{times[int(0.9 * len(times))]:.1f} ms, max {times[-1]:.1f} ms per cluster (target: median <= 250 ms)")


if __name__ == "__main__":
    main()
