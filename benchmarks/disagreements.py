"""Disagreement detection: precision/recall on the hand-written clusters, and the time the
facts and disagree stages add per Multi-News cluster.

    taskset -c 0 python benchmarks/disagreements.py
"""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from newsfuse.disagree import find_disagreements
from newsfuse.evaluate import disagreement_scores
from newsfuse.facts import extract_facts, find_entities
from newsfuse.ingest import cluster_from_record, iter_jsonl
from newsfuse.pipeline import prepare

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "disagreements.jsonl"
DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"


def main() -> None:
    pairs = []
    for line in CASES.read_text().splitlines():
        case = json.loads(line)
        sentences, _ = prepare(cluster_from_record(case, case["id"]))
        pairs.append((find_disagreements(sentences), case["expected"]))
    scores = disagreement_scores(pairs)
    print(f"hand-written clusters: {len(pairs)} ({sum(1 for _, e in pairs if not e)} with no disagreement)")
    print(f"precision {scores['precision']:.2f}  recall {scores['recall']:.2f}  "
          f"(found {scores['found']}, expected {scores['expected']}, matched {scores['matched']})")

    if not DEV.exists():
        print(f"{DEV} absent: skipping the Multi-News timing")
        return
    times, found = [], 0
    for cluster in iter_jsonl(DEV.read_text(), str(DEV)):
        sentences, _ = prepare(cluster)
        start = time.perf_counter()
        entities = find_entities(sentences)
        extract_facts(sentences, cluster.documents, entities)
        found += len(find_disagreements(sentences, entities))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"facts + disagree on {len(times)} Multi-News clusters: median {statistics.median(times):.1f} ms, "
          f"p90 {times[int(0.9 * len(times))]:.1f} ms, max {times[-1]:.1f} ms (target <= 100 ms); "
          f"{found} disagreements reported")


if __name__ == "__main__":
    main()
