"""Entity types on the hand-labelled dev names (tests/data/dev_entities.jsonl, made as
tests/data/README.md says).

    python benchmarks/entities.py [--fast] [--show]

A labelled name is reported when an entity of its cluster has it among its variants (compared
without a leading "the", a title or a trailing possessive; in any case, except a short name in
capitals: "US" is not "us"). A span labelled NOT_A_NAME is reported only when it is the name an
entity is shown by: labellers judge the span in its sentence, so "Robinson" cut from "Sarah
Robinson" is broken there, but newsfuse shows "Sarah Robinson", of which "Robinson" is a variant
used elsewhere. Type accuracy is over the
labelled names that are reported: right when the entity's kind is the label (a name labelled
OTHER or NOT_A_NAME is wrong whenever it is reported). Broken spans: reported names labelled
NOT_A_NAME. Coverage: labelled people, places and organisations that are reported. The
baseline is spaCy's label alone, each name taking its most frequent label in the cluster.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from newsfuse.analyze.names import KIND_OF_LABEL, PERSON_TITLES
from newsfuse.facts import extract_facts
from newsfuse.facts.entities import find_entities
from newsfuse.ingest import iter_jsonl
from newsfuse.pipeline import Pipeline, prepare

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "dev_entities.jsonl"
DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"
NAMED = ("PERSON", "PLACE", "ORG")


def normal(name: str, keep_title: bool = False) -> str:
    """A name as compared: no possessive, end punctuation or article; no title either, except
    for a span labelled broken because of its title ("Mayor Joseph Riley"), which newsfuse
    reports only if it keeps the title."""
    words = re.sub(r"(?:'s|’s|[.,;:!?])+$", "", name.strip()).replace("’", "'").split()
    while len(words) > 1 and (words[0].lower() in ("the", "a", "an")
                              or not keep_title and words[0].lower().rstrip(".") in PERSON_TITLES):
        words = words[1:]
    name = " ".join(words)
    # "US" is reported, not the pronoun "us" nor the "Us" of "Both of Us"
    return name if len(name) <= 3 and name.isupper() else name.lower()


def kind_by_variant(entities) -> dict[str, str]:
    """Each variant of each entity, compared with and without its title, → the entity's kind."""
    return {normal(v, keep): e.kind for e in entities for v in e.variants for keep in (False, True)}


def kind_by_shown_name(entities) -> dict[str, str]:
    """The name each entity is shown by, with and without its title, → the entity's kind."""
    return {normal(e.name, keep): e.kind for e in entities for keep in (False, True)}


def reported_kind(label: dict, lookups: tuple[dict[str, str], dict[str, str]]) -> str | None:
    """The kind newsfuse reports for a labelled name, or None when it does not report it.
    lookups: a cluster's kind_by_variant and kind_by_shown_name."""
    by_variant, by_shown_name = lookups
    if label["type"] == "NOT_A_NAME":
        return by_shown_name.get(normal(label["name"], keep_title=True))
    return by_variant.get(normal(label["name"]))


def score(results: list[tuple[dict, str | None]], show: bool, tag: str) -> None:
    """results: (label, reported kind or None) for every labelled name."""
    reported = [(label, kind) for label, kind in results if kind is not None]
    right = sum(kind == label["type"] for label, kind in reported)
    broken = sum(label["type"] == "NOT_A_NAME" for label, _ in reported)
    named = [kind for label, kind in results if label["type"] in NAMED]
    if show:
        for label, kind in reported:
            if kind != label["type"]:
                print(f"    {label['cluster']} {label['name']!r}: labelled {label['type']}, reported {kind}")
    print(f"{tag}: type accuracy {right / len(reported):.3f} ({right}/{len(reported)} reported labelled names), "
          f"broken spans {broken / len(reported):.1%}, coverage of people, places and organisations "
          f"{sum(k is not None for k in named) / len(named):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fast", action="store_true")
    parser.add_argument("--show", action="store_true", help="print every wrong type")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--data", type=Path, default=DEV, help="the Multi-News JSONL file the labels are from")
    args = parser.parse_args()
    labels_by_cluster: dict[str, list[dict]] = defaultdict(list)
    for line in args.labels.read_text().splitlines():
        label = json.loads(line)
        labels_by_cluster[label["cluster"]].append(label)
    pipeline = Pipeline.load(fast=args.fast)
    ours: dict[str, tuple] = {}  # cluster → (kind_by_variant, kind_by_shown_name)
    votes_alone: dict[str, tuple] = {}
    shown: dict[str, tuple] = {}
    baseline: dict[str, dict[str, str]] = {}
    for cluster in iter_jsonl(args.data.read_text(), str(args.data)):
        if cluster.id not in labels_by_cluster:
            continue
        sentences, _ = prepare(cluster)
        analysis = pipeline.analyze(sentences, cluster.documents)
        voted = find_entities(analysis.names, sentences)
        entities = pipeline.key_entities(voted)
        for found, listed in ((ours, entities), (votes_alone, voted), (shown, extract_facts(analysis, entities).entities)):
            found[cluster.id] = (kind_by_variant(listed), kind_by_shown_name(listed))
        votes: dict[str, Counter] = defaultdict(Counter)
        for mention in analysis.names:
            votes[normal(mention.text)][KIND_OF_LABEL.get(mention.label, "OTHER")] += 1
        baseline[cluster.id] = {n: v.most_common(1)[0][0] for n, v in votes.items() if v.most_common(1)[0][0] in NAMED}
    labels = [label for labels in labels_by_cluster.values() for label in labels]
    print(f"{len(labels)} labelled names from {len(labels_by_cluster)} clusters "
          f"({Counter(label['type'] for label in labels).most_common()})")
    for tag, predicted in (("newsfuse, shown in the briefing", shown), ("newsfuse, every entity found", ours),
                           ("newsfuse without the name-type model", votes_alone),
                           ("spaCy label alone", baseline)):
        if predicted is baseline:
            results = [(label, predicted[label["cluster"]].get(normal(label["name"], label["type"] == "NOT_A_NAME")))
                       for label in labels]
        else:
            results = [(label, reported_kind(label, predicted[label["cluster"]])) for label in labels]
        score(results, args.show and predicted is ours, tag)


if __name__ == "__main__":
    main()
