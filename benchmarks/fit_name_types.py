"""Fit the name-type softmax (newsfuse/name_types.json) on the hand-labelled names of the
training clusters (tests/data/train_entities_*.jsonl), and choose when it overrides the votes.

1. A multinomial logistic regression (L2, L-BFGS) from the all-MiniLM-L6-v2 embedding of each
   labelled span to its label (PERSON, PLACE, ORG, OTHER, NOT_A_NAME), on every labelled name.
2. The two thresholds of `NameTypes.retype` (the votes' kind is in doubt below `doubt`; the
   model's kind replaces it above `confidence`, else the entity is left out) are chosen on
   held-out folds: the sets are split four ways, each fold's probabilities come from a model
   fitted on the other three, and the thresholds are those with the most reported names right
   less those wrong over all folds (a name left out counts neither way).
The dev sets are not read: `python benchmarks/entities.py --labels tests/data/dev_entities_check16.jsonl`
measures what this gives.

    python benchmarks/fit_name_types.py            # fit, print the held-out figures
    python benchmarks/fit_name_types.py --write    # ... and write newsfuse/name_types.json
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entities import normal  # noqa: E402

from newsfuse.analyze import load_nlp  # noqa: E402
from newsfuse.facts.entities import find_entities  # noqa: E402
from newsfuse.ingest import iter_jsonl  # noqa: E402
from newsfuse.name_types import LABELS, WEIGHTS, NameTypes, name_text  # noqa: E402
from newsfuse.pipeline import Pipeline, prepare  # noqa: E402
from newsfuse.represent import MiniLMEncoder  # noqa: E402
from newsfuse.types import Entity  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "data" / "multinews" / "train.jsonl"
L2 = 0.001
FOLDS = 4
DOUBTS = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
# Below 0.6 the model guesses unknown names from their form: "Hashed al-Shaabi", a militia, is
# a person to it (0.47).
CONFIDENCES = (0.6, 0.7, 0.8, 0.9)


def fit_softmax(vectors: np.ndarray, labels: np.ndarray, l2: float = L2) -> tuple[np.ndarray, np.ndarray]:
    n, d = vectors.shape
    k = len(LABELS)
    truth = np.eye(k)[labels]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        weights, bias = w[: d * k].reshape(d, k), w[d * k :]
        scores = vectors @ weights + bias
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        gradient = (p - truth) / n
        value = -np.log(p[np.arange(n), labels] + 1e-12).sum() / n + l2 * (weights ** 2).sum() / 2
        return value, np.concatenate([(vectors.T @ gradient + l2 * weights).ravel(), gradient.sum(axis=0)])

    w = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return w[: d * k].reshape(d, k), w[d * k :]


def reported_entities(label_sets: dict[str, list[dict]], pipeline: Pipeline) -> dict[str, list[tuple[dict, Entity]]]:
    """Per set: each labelled name that the votes report, with the entity reporting it."""
    wanted = {label["cluster"] for labels in label_sets.values() for label in labels}
    entities_of = {}
    for cluster in iter_jsonl(TRAIN.read_text(), str(TRAIN)):
        if cluster.id in wanted:
            sentences, _ = prepare(cluster)
            entities_of[cluster.id] = find_entities(pipeline.analyze(sentences, cluster.documents).names, sentences)
    out = {}
    for name, labels in label_sets.items():
        rows = []
        for label in labels:
            by_variant = {normal(v, keep): e for e in entities_of[label["cluster"]] for v in e.variants
                          for keep in (False, True)}
            entity = by_variant.get(normal(label["name"], label["type"] == "NOT_A_NAME"))
            if entity is not None:
                rows.append((label, entity))
        out[name] = rows
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="write newsfuse/name_types.json")
    args = parser.parse_args()
    label_sets = {path.stem: [json.loads(line) for line in path.read_text().splitlines()]
                  for path in sorted((ROOT / "tests" / "data").glob("train_entities_*.jsonl"))}
    encoder = MiniLMEncoder(threads=2)
    vectors = {name: encoder.encode([name_text(label["name"]) for label in labels]) for name, labels in label_sets.items()}
    targets = {name: np.array([LABELS.index(label["type"]) for label in labels]) for name, labels in label_sets.items()}
    reported = reported_entities(label_sets, Pipeline(nlp=load_nlp()))

    def fitted(names: list[str]) -> dict:
        weights, bias = fit_softmax(np.vstack([vectors[n] for n in names]), np.concatenate([targets[n] for n in names]))
        return {"encoder": encoder.name, "labels": list(LABELS), "weights": weights.tolist(), "bias": bias.tolist()}

    sets = sorted(label_sets)
    held_out: dict[str, NameTypes] = {}
    for fold in range(FOLDS):
        test = sets[fold::FOLDS]
        model = fitted([n for n in sets if n not in test])
        for name in test:
            held_out[name] = NameTypes(encoder, model | {"doubt": 0, "confidence": 1})
    right: dict[tuple[float, float], int] = defaultdict(int)
    total: dict[tuple[float, float], int] = defaultdict(int)
    for name, rows in reported.items():
        types = held_out[name]
        for doubt in DOUBTS + (0,):
            for confidence in CONFIDENCES:
                types.doubt, types.confidence = doubt, confidence
                for label, entity in rows:
                    kept = types.retype([entity])
                    if kept:
                        total[doubt, confidence] += 1
                        right[doubt, confidence] += kept[0].kind == label["type"]
    doubt, confidence = max(total, key=lambda key: (2 * right[key] - total[key], -key[0], key[1]))

    def figures(key: tuple[float, float]) -> str:
        return f"{right[key] / total[key]:.4f} ({right[key]} right of {total[key]} reported)"

    print(f"held-out type accuracy of the reported names: votes alone {figures((0, CONFIDENCES[0]))}; "
          f"with the model, doubt {doubt}, confidence {confidence}: {figures((doubt, confidence))}")
    if args.write:
        model = fitted(sets) | {"doubt": doubt, "confidence": confidence,
                                "fitted_on": f"{sum(map(len, label_sets.values()))} labelled names of {len(sets)} "
                                             "training sets (benchmarks/fit_name_types.py)"}
        model["weights"] = [[round(x, 5) for x in row] for row in model["weights"]]
        model["bias"] = [round(x, 5) for x in model["bias"]]
        WEIGHTS.write_text(json.dumps(model, separators=(",", ":")) + "\n")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
