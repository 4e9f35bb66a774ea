"""ROUGE evaluation of newsfuse and baselines against reference summaries.

Protocol (the one every figure in our notes uses): every system fills the same word
budget; its output is cut to that many words; ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 from
Google's `rouge-score` with stemming, sentences separated by newlines for ROUGE-Lsum; the
reference loses its leading "– " (Multi-News). Means come with a 95% bootstrap interval.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from newsfuse.baselines import get_ranker
from newsfuse.batch import map_in_processes
from newsfuse.pipeline import Pipeline, prepare
from newsfuse.segment import split_sentences
from newsfuse.select import Budget
from newsfuse.types import Cluster, NewsfuseError, Sentence

SYSTEMS = ("newsfuse", "lead", "lexrank", "textrank")
METRICS = ("rouge1", "rouge2", "rougeLsum")
BOOTSTRAP_SAMPLES = 1000
# Readability (issue 14), counted over the summary sentences of all clusters:
# a *dangling* sentence opens with a word whose referent or link is in an earlier sentence,
# yet the summary sentence before it is not the one right before it in a source article;
# a *bare quote* starts and ends with a quotation mark and names no speaker.
DANGLING_OPENING_RE = re.compile(
    r"[\"“‘']?(He|She|They|It|His|Her|Their|Its|Him|Them|This|These|That|Those|But|However|Also|And|Yet|"
    r"Still|Meanwhile|Both|Such|Instead|Then)\b")
QUOTE_MARKS = "\"“”‘’'"
# The verbs of saying exactly as issue 14 defines the measure (the selection's own judge,
# `select.is_bare_quote`, also knows present tenses: "writes Kate Harding at Salon").
SAYING_RE = re.compile(r"\b(said|says|told|according|added|wrote|tweeted|asked|explained|continued|stated|recalled)\b",
                       re.IGNORECASE)


def is_bare_quote(sentence: str) -> bool:
    text = sentence.strip()
    return (len(text) > 1 and text[0] in QUOTE_MARKS and text.rstrip(".!?,")[-1:] in QUOTE_MARKS
            and not SAYING_RE.search(text))


def dangling_count(sentences: list[str], articles: list[str]) -> int:
    """How many of a summary's sentences (in its order) dangle: see `DANGLING_OPENING_RE`.
    The sentence before in an article is found as the two texts, joined, within one article."""
    count = 0
    for i, sentence in enumerate(sentences):
        if DANGLING_OPENING_RE.match(sentence):
            follows = i > 0 and any(f"{sentences[i - 1]} {sentence}" in article for article in articles)
            count += not follows
    return count


def reference_lines(reference: str) -> list[str]:
    text = reference.strip()
    if text.startswith(("– ", "- ", "— ")):
        text = text[2:]
    return [s for p in text.split("\n") for s in split_sentences(p)]


def cut_to_words(sentences: Iterable[str], words: int) -> list[str]:
    """Sentences until the budget, the last one cut so the total is exactly `words` at most."""
    out, left = [], words
    for sentence in sentences:
        tokens = sentence.split()
        if left <= 0:
            break
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return out


def system_output(system: str, sentences: list[Sentence], cluster: Cluster, words: int, pipeline: Pipeline) -> list[str]:
    if system == "newsfuse":
        return [s.sentence.text for s in pipeline.run(cluster, Budget(words=words)).sentences]
    return [s.text for s in get_ranker(system)(sentences)]


@dataclass
class ClusterScores:
    id: str
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # system -> metric -> value
    error: str = ""


def score_cluster(cluster: Cluster, systems: tuple[str, ...], words: int, pipeline: Pipeline, scorer) -> ClusterScores:
    result = ClusterScores(id=cluster.id)
    try:
        sentences, _ = prepare(cluster)
    except NewsfuseError as exc:
        result.error = str(exc)
        return result
    # What counts as copied: verbatim in one article's cleaned text (a sentence, or a quotation
    # of consecutive sentences).
    by_document: dict[int, list[str]] = {}
    for s in sentences:
        by_document.setdefault(s.document, []).append(s.text)
    articles = [" ".join(texts) for texts in by_document.values()]
    reference = "\n".join(reference_lines(cluster.reference))
    for system in systems:
        start = time.perf_counter()
        try:
            output = system_output(system, sentences, cluster, words, pipeline)
        except NewsfuseError as exc:
            result.error = f"{system}: {exc}"
            output = []
        seconds = time.perf_counter() - start
        cut = cut_to_words(output, words)
        rouge = scorer.score(reference, "\n".join(cut))
        kept = output[: len(cut)]
        result.scores[system] = {
            **{m: rouge[m].fmeasure * 100 for m in METRICS},
            "words": float(sum(len(s.split()) for s in cut)),
            "copied": 100.0 * sum(any(s in article for article in articles) for s in kept) / max(len(kept), 1),
            "sentences": float(len(kept)),
            "dangling": float(dangling_count(kept, articles)),
            "bare_quotes": float(sum(map(is_bare_quote, kept))),
            "seconds": seconds,
        }
    return result


def bootstrap_interval(values: np.ndarray, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(BOOTSTRAP_SAMPLES, len(values)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def summarise_scores(results: list[ClusterScores], systems: tuple[str, ...]) -> dict:
    summary = {}
    for system in systems:
        rows = [r.scores[system] for r in results if system in r.scores]
        if not rows:
            continue
        entry = {}
        for key in (*METRICS, "words", "copied", "seconds"):
            values = np.array([row[key] for row in rows])
            entry[key] = {"mean": float(values.mean())}
            if key in METRICS:
                entry[key]["low"], entry[key]["high"] = bootstrap_interval(values)
        # Shares of all summary sentences, not means of per-cluster shares: a sentence is the unit.
        sentences = max(sum(row["sentences"] for row in rows), 1.0)
        entry["dangling"] = {"mean": 100.0 * sum(row["dangling"] for row in rows) / sentences}
        entry["bare_quotes"] = {"mean": 100.0 * sum(row["bare_quotes"] for row in rows) / sentences}
        entry["clusters"] = len(rows)
        summary[system] = entry
    return summary


def paired_differences(results: list[ClusterScores], systems: tuple[str, ...]) -> dict:
    """newsfuse minus each other system, cluster by cluster, with a 95% bootstrap interval.
    Two systems scored on the same clusters are compared more exactly this way than by
    whether their own intervals overlap: the clusters' varying difficulty cancels out."""
    if "newsfuse" not in systems:
        return {}
    differences = {}
    for other in (s for s in systems if s != "newsfuse"):
        rows = [r.scores for r in results if "newsfuse" in r.scores and other in r.scores]
        if not rows:
            continue
        entry = {}
        for metric in METRICS:
            values = np.array([row["newsfuse"][metric] - row[other][metric] for row in rows])
            low, high = bootstrap_interval(values)
            entry[metric] = {"mean": float(values.mean()), "low": low, "high": high}
        differences[other] = entry
    return differences


# Each worker process loads its pipeline once (the interface layer owns this state).
_worker: dict = {}


def _init_worker(fast: bool, systems: tuple[str, ...], words: int) -> None:
    from rouge_score import rouge_scorer

    _worker.update(
        pipeline=Pipeline.load(fast=fast) if "newsfuse" in systems else Pipeline(),
        scorer=rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True),
        systems=systems,
        words=words,
    )


def _score_in_worker(cluster: Cluster) -> ClusterScores:
    return score_cluster(cluster, _worker["systems"], _worker["words"], _worker["pipeline"], _worker["scorer"])


def evaluate(
    clusters: list[Cluster],
    systems: tuple[str, ...] = SYSTEMS,
    words: int = 250,
    workers: int = 1,
    fast: bool = False,
    on_result: Callable[[ClusterScores], None] = lambda r: None,
) -> tuple[list[ClusterScores], dict]:
    """Per-cluster scores (in input order) and their means with 95% intervals per system."""
    for system in systems:
        if system not in SYSTEMS:
            raise NewsfuseError(f"unknown system {system!r} (choose from {', '.join(SYSTEMS)})")
    results: list[ClusterScores] = []
    for result in map_in_processes(_score_in_worker, clusters, workers, _init_worker, (fast, systems, words), 4):
        results.append(result)
        on_result(result)
    return results, summarise_scores([r for r in results if not r.error or r.scores], systems)


# ---------------------------------------------------------------- disagreements


def _numbers(value: str) -> set[float]:
    from newsfuse.quantities import parse_quantities

    return {q.value for q in parse_quantities(value)}


def disagreement_matches(found, expected: dict) -> bool:
    """Whether a found Disagreement is the expected one: same topic (`kind` in the cases: figure
    or claim), and the same figures (each expected value among the statements) or the same
    subject (claims)."""
    if found.topic != expected["kind"]:
        return False
    if found.topic == "claim":
        return found.subject.lower() == expected["subject"].lower()
    values = set().union(*(_numbers(s.value) for s in found.statements))
    return all(_numbers(v) <= values for v in expected["values"])


def disagreement_scores(cases: list[tuple[list, list[dict]]]) -> dict:
    """Precision and recall of found disagreements over (found, expected) pairs."""
    true_positive = found_total = expected_total = 0
    for found, expected in cases:
        found_total += len(found)
        expected_total += len(expected)
        matched = [any(disagreement_matches(f, e) for f in found) for e in expected]
        true_positive += sum(matched)
    precision = true_positive / found_total if found_total else 1.0
    recall = true_positive / expected_total if expected_total else 1.0
    return {"precision": precision, "recall": recall, "found": found_total, "expected": expected_total,
            "matched": true_positive}
