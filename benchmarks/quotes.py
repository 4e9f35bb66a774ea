"""Who said it: the speakers newsfuse gives quotations, against hand labels of real clusters
(tests/data/*_quote_speakers.jsonl, made as tests/data/README.md says).

    python benchmarks/quotes.py [--show]

A labelled quotation is attributed when the analysis gives a quotation of that document that
starts with the labelled words a speaker; it is right when that speaker is the labelled person
(same surname or same first name: "Haimour" is "Muhannad Haimour"). Precision is over the
attributed quotations; recall over those the labellers gave a named speaker. The dev labels
come in two strata: every quotation an earlier version attributed (d44b5da), and a random 300
of the other 1,554 quoted spans; the dev figures weight the sample up to what it stands for.
"""
from __future__ import annotations

import argparse
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

from newsfuse.analyze import load_nlp
from newsfuse.ingest import iter_jsonl
from newsfuse.pipeline import Pipeline, prepare

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "multinews"
SETS = (("train", ROOT / "tests" / "data" / "train_quote_speakers.jsonl", DATA / "train.jsonl"),
        ("dev", ROOT / "tests" / "data" / "dev_quote_speakers.jsonl", DATA / "dev.jsonl"))
STRATUM_WEIGHT = {"attributed": 1.0, "sample": 1554 / 300, None: 1.0}
SUFFIXES = {"jr", "sr", "ii", "iii"}


def name_words(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace(".", "")
    return [w for w in plain.split() if w not in SUFFIXES]


def same_person(ours: str, label: str) -> bool:
    a, b = name_words(ours), name_words(label)
    return bool(a and b) and (a[-1] == b[-1] or a[0] == b[0])


def speakers(labels: list[dict], data: Path, pipeline: Pipeline) -> list[str]:
    """Our speaker of each labelled quotation ("" when none)."""
    wanted = {label["cluster"] for label in labels}
    quotations = defaultdict(list)  # (cluster, document) → [(words, speaker)]
    for cluster in iter_jsonl(data.read_text(), str(data)):
        if cluster.id in wanted:
            sentences, _ = prepare(cluster)
            for q in pipeline.analyze(sentences, cluster.documents).quotations:
                quotations[cluster.id, q.sentence.document].append((" ".join(q.text.split()), q.speaker))
    return [next((speaker for text, speaker in quotations[label["cluster"], label["document"]]
                  if text.startswith(label["quote_start"])), "") for label in labels]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print every wrong attribution")
    args = parser.parse_args()
    pipeline = Pipeline(nlp=load_nlp())
    for name, labels_path, data in SETS:
        labels = [json.loads(line) for line in labels_path.read_text().splitlines()]
        attributed = right = named = 0.0
        for label, ours in zip(labels, speakers(labels, data, pipeline)):
            weight = STRATUM_WEIGHT[label.get("stratum")]
            named += weight * (label["speaker"] != "NONE")
            if ours:
                ok = label["speaker"] != "NONE" and same_person(ours, label["speaker"])
                attributed += weight
                right += weight * ok
                if args.show and not ok:
                    print(f"    {label['cluster']} [{label['document']}] {label['quote_start']!r}: "
                          f"ours {ours!r}, labelled {label['speaker']!r}")
        print(f"{name}: {len(labels)} labelled quoted spans, {named:.0f} with a named speaker; "
              f"{attributed:.0f} attributed, {right:.0f} right: precision {right / max(attributed, 1):.3f}, "
              f"recall {right / max(named, 1):.3f}")


if __name__ == "__main__":
    main()
