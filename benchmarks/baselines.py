"""newsfuse against sumy LexRank on the same Multi-News dev clusters: clusters/s on one core,
and the baselines' ROUGE on uncleaned vs cleaned text (to compare with published anchors).

    taskset -c 0 python benchmarks/baselines.py [--limit 250]

Speed: every system starts from the same raw cluster (ingest done, model loaded). newsfuse
runs its whole pipeline (clean, segment, select, order, attribute, facts, disagreements);
LexRank is timed as `evaluate` runs it: our clean + segment, then sumy's LexRank ranking.
ROUGE (the protocol of `newsfuse evaluate`): Lead and LexRank on sentences of the uncleaned
text (paragraphs split and segmented, nothing removed) and on the cleaned text.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

from newsfuse.baselines import get_ranker
from newsfuse.clean import split_paragraphs
from newsfuse.evaluate import METRICS, cut_to_words, reference_lines
from newsfuse.ingest import read_clusters
from newsfuse.pipeline import Pipeline, prepare
from newsfuse.segment import segment_document
from newsfuse.select import Budget
from newsfuse.types import Cluster, Sentence

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews" / "dev.jsonl"


def uncleaned_sentences(cluster: Cluster) -> list[Sentence]:
    return [s for i, d in enumerate(cluster.documents) for s in segment_document(split_paragraphs(d.text), i)]


def rate(clusters: list[Cluster], summarize) -> float:
    start = time.perf_counter()
    for cluster in clusters:
        summarize(cluster)
    return len(clusters) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=250)
    args = parser.parse_args()
    clusters = list(read_clusters(str(DEV)))[: args.limit]
    lexrank, lead = get_ranker("lexrank"), get_ranker("lead")
    budget = Budget(words=250)
    fast, default = Pipeline.load(fast=True), Pipeline.load()

    rates = {
        "newsfuse --fast": rate(clusters, lambda c: fast.run(c, budget)),
        "newsfuse (MiniLM)": rate(clusters, lambda c: default.run(c, budget)),
        "sumy LexRank": rate(clusters, lambda c: lexrank(prepare(c)[0])),
    }
    print(f"Speed on {len(clusters)} clusters, one process:")
    for name, value in rates.items():
        print(f"  {name:>18}: {value:6.1f} clusters/s  ({value / rates['sumy LexRank']:.2f}x LexRank)")

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    scores: dict[str, list[list[float]]] = {}
    for cluster in clusters:
        reference = "\n".join(reference_lines(cluster.reference))
        for text, sentences in (("uncleaned", uncleaned_sentences(cluster)), ("cleaned", prepare(cluster)[0])):
            for name, ranker in (("Lead", lead), ("LexRank", lexrank)):
                output = "\n".join(cut_to_words([s.text for s in ranker(sentences)], budget.words))
                rouge = scorer.score(reference, output)
                scores.setdefault(f"{name} on {text} text", []).append([rouge[m].fmeasure * 100 for m in METRICS])
    print("ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1:")
    for name, values in scores.items():
        print(f"  {name:>26}: " + " / ".join(f"{v:.2f}" for v in np.mean(values, axis=0)))


if __name__ == "__main__":
    main()
