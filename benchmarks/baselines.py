"""newsfuse against sumy LexRank on the same Multi-News dev clusters: clusters/s on one core,
and the baselines' ROUGE on uncleaned vs cleaned text (to compare with published anchors).

    taskset -c 0 python benchmarks/baselines.py [--limit 250] [--rounds 3]

Speed, two comparisons, one core:
- summarising alone: both start from the same cleaned, segmented sentences; newsfuse selects
  and orders its summary, sumy's LexRank ranks the sentences and the ranking is cut to the
  budget (as `evaluate` does). This is the like-for-like comparison of the two methods.
- end to end: both start from the same raw cluster (ingest done, model loaded); newsfuse runs
  its whole pipeline (clean, segment, select, order, citations, facts, disagreements), LexRank
  our clean + segment and its ranking.
ROUGE (the protocol of `newsfuse evaluate`), on sentences of the uncleaned text (paragraphs
split and segmented, nothing removed) and of the cleaned text:
- Lead and LexRank as `evaluate` runs them (LexRank fills the budget in rank order);
- LexRank as sumy returns a summary: its 50 best sentences back in document order, then cut to
  the budget. Cut to 250 words, that is mostly the opening of the first article, and it is this
  configuration that reproduces the published LexRank anchor (44.45 / 15.50 / 40.95);
- the first 250 words of the articles, one after another, for comparison.
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

from newsfuse.baselines import get_ranker
from newsfuse.clean import split_paragraphs
from newsfuse.evaluate import METRICS, cut_to_words, reference_lines
from newsfuse.ingest import read_clusters
from newsfuse.order import order_sentences
from newsfuse.pipeline import Pipeline, earliest, prepare
from newsfuse.segment import segment_document
from newsfuse.select import Budget, select_sentences
from newsfuse.types import Cluster, Sentence

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews" / "dev.jsonl"


def uncleaned_sentences(cluster: Cluster) -> list[Sentence]:
    return [s for i, d in enumerate(cluster.documents) for s in segment_document(split_paragraphs(d.text), i)]


def sumy_order(ranked: list[Sentence], sentences: list[Sentence], count: int) -> list[Sentence]:
    """What sumy's summarizer(document, count) returns: the `count` best, in document order."""
    position = {id(s): i for i, s in enumerate(sentences)}
    return sorted(ranked[:count], key=lambda s: position[id(s)])


def rates(items: list, systems: dict) -> dict[str, float]:
    """Clusters/s of each system. The systems take turns on each item, so that a slow spell of
    a shared machine slows them all alike rather than whichever happened to be running. The
    order of the turns rotates from item to item, so that no system always meets an item's data
    first (not yet in the CPU caches) or always runs right after the same other system."""
    seconds = dict.fromkeys(systems, 0.0)
    turns = list(systems.items())
    for i, item in enumerate(items):
        for name, summarize in turns[i % len(turns):] + turns[:i % len(turns)]:
            start = time.perf_counter()
            summarize(item)
            seconds[name] += time.perf_counter() - start
    return {name: len(items) / spent for name, spent in seconds.items()}


def newsfuse_summary(sentences: list[Sentence], budget: Budget, encoder=None) -> list[Sentence]:
    chosen = select_sentences(earliest(sentences), budget, encoder)
    return order_sentences(chosen, Counter(s.document for s in sentences))


def print_rates(title: str, rates: dict[str, float], reference: str) -> None:
    print(title)
    for name, value in rates.items():
        print(f"  {name:>26}: {value:7.1f} clusters/s  ({value / rates[reference]:.2f}x LexRank)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=250)
    # The ratio moves with the shared machine's speed from minute to minute.
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the summarising-alone comparison")
    args = parser.parse_args()
    clusters = list(read_clusters(str(DEV)))[: args.limit]
    lexrank, lead = get_ranker("lexrank"), get_ranker("lead")
    budget = Budget(words=250)
    # Separate model instances: each keeps a cache of sentence vectors, which must start empty.
    fast, default, encoder = Pipeline.load(fast=True), Pipeline.load(), Pipeline.load().encoder

    prepared = [prepare(c)[0] for c in clusters]
    ratios = []
    for round_ in range(1, args.rounds + 1):
        alone = rates(prepared, {
            "newsfuse": lambda s: newsfuse_summary(s, budget),
            "sumy LexRank": lambda s: cut_to_words([x.text for x in lexrank(s)], budget.words),
        })
        print_rates(f"Summarising alone, from the same sentences ({len(clusters)} clusters, one process), "
                    f"round {round_} of {args.rounds}:", alone, "sumy LexRank")
        ratios.append(alone["newsfuse"] / alone["sumy LexRank"])
    print(f"newsfuse / sumy LexRank, summarising alone: median {np.median(ratios):.2f}x "
          f"(rounds: {', '.join(f'{r:.2f}x' for r in ratios)})")
    print_rates("Summarising alone, with the embedding model for repeats:", rates(prepared, {
        "newsfuse with MiniLM": lambda s: newsfuse_summary(s, budget, encoder),
        "sumy LexRank": lambda s: cut_to_words([x.text for x in lexrank(s)], budget.words),
    }), "sumy LexRank")
    print_rates("End to end, from the raw cluster (newsfuse adds citations, facts, disagreements):", rates(clusters, {
        "newsfuse --fast": lambda c: fast.run(c, budget),
        "newsfuse (MiniLM)": lambda c: default.run(c, budget),
        "clean + sumy LexRank": lambda c: cut_to_words([x.text for x in lexrank(prepare(c)[0])], budget.words),
    }), "clean + sumy LexRank")

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    scores: dict[str, list[list[float]]] = {}
    for cluster in clusters:
        reference = "\n".join(reference_lines(cluster.reference))
        for text, sentences in (("uncleaned", uncleaned_sentences(cluster)), ("cleaned", prepare(cluster)[0])):
            ranked = lexrank(sentences)
            outputs = {
                "Lead": lead(sentences),
                "LexRank": ranked,
                "LexRank, sumy's order": sumy_order(ranked, sentences, 50),
                "first words": sentences,
            }
            for name, output in outputs.items():
                rouge = scorer.score(reference, "\n".join(cut_to_words([s.text for s in output], budget.words)))
                scores.setdefault(f"{name} on {text} text", []).append([rouge[m].fmeasure * 100 for m in METRICS])
    print("ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1:")
    for name, values in scores.items():
        print(f"  {name:>40}: " + " / ".join(f"{v:.2f}" for v in np.mean(values, axis=0)))


if __name__ == "__main__":
    main()
