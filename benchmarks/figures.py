"""Key figures as an editor judges them: the figures a briefing lists, against hand judgements
of real clusters (tests/data/*_key_figures.jsonl, made as tests/data/README.md says).

    python benchmarks/figures.py [--show]

The judged lines are the key figures (at most eight per cluster) of the rules of 4524062 on
train 150-349 and dev 0-249, and of the rules of 6bb1bff on train 0-149 and 350-499 (held out:
their errors were not read before that); each was judged "ok" (the number, what it counts, what
happened to it, and the place and period shown are what the sentence says) or "wrong". A figure listed
now is matched to a judgement by its cluster, sentence and label; one whose label changed or
that is new is counted apart, unjudged. Precision is over the judged figures still listed.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsfuse.facts import extract_facts
from newsfuse.facts.entities import find_entities
from newsfuse.ingest import iter_jsonl
from newsfuse.pipeline import Pipeline, prepare

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "multinews"
SETS = (("train", ROOT / "tests" / "data" / "train_key_figures.jsonl", DATA / "train.jsonl", range(150, 350)),
        ("dev", ROOT / "tests" / "data" / "dev_key_figures.jsonl", DATA / "dev.jsonl", range(0, 250)),
        ("train held out", ROOT / "tests" / "data" / "train_key_figures_holdout.jsonl", DATA / "train.jsonl",
         [*range(0, 150), *range(350, 500)]))
TOP = 8


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print every listed figure judged wrong or unjudged")
    args = parser.parse_args()
    pipeline = Pipeline.load()
    for name, labels_path, data, lines in SETS:
        judged = {(j["cluster"], j["sentence_start"], j["figure"]): j for j in map(json.loads, labels_path.read_text().splitlines())}
        counts: Counter = Counter()
        listed = set()
        for line, cluster in enumerate(iter_jsonl(data.read_text(), str(data))):
            if line not in lines:
                continue
            sentences, _ = prepare(cluster)
            analysis = pipeline.analyze(sentences, cluster.documents)
            entities = pipeline.key_entities(find_entities(analysis.names, sentences))
            for figure in extract_facts(analysis, entities, top=TOP).figures:
                key = (cluster.id, " ".join(figure.sentence.split()[:8]), figure.label)
                judgement = judged.get(key)
                listed.add(key)
                counts[judgement["label"] if judgement else "unjudged"] += 1
                if args.show and (judgement is None or judgement["label"] == "wrong"):
                    print(f"    {cluster.id} {judgement['kind'] if judgement else 'unjudged'}: {figure.label!r} | {figure.sentence[:120]}")
        left_out = Counter(j["label"] for key, j in judged.items() if key not in listed)
        print(f"{name}: {sum(counts.values())} figures listed: {counts['ok']} judged ok, {counts['wrong']} judged wrong "
              f"(precision {counts['ok'] / max(counts['ok'] + counts['wrong'], 1):.3f}), {counts['unjudged']} unjudged; "
              f"judged figures no longer listed: {left_out['ok']} ok, {left_out['wrong']} wrong")


if __name__ == "__main__":
    main()
