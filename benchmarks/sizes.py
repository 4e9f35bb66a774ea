"""Extreme sizes: 1 document, 500 documents, a 50 MB article, 10,000 one-line documents.
Each runs in a fresh process; prints wall time, peak RSS and the outcome.

    python benchmarks/sizes.py
"""
from __future__ import annotations

import subprocess
import sys

CASE = r'''
import random, resource, sys, time
from newsfuse.pipeline import Pipeline
from newsfuse.select import Budget
from newsfuse.types import Cluster, Document, NewsfuseError
from pathlib import Path
kind = sys.argv[1]
rng = random.Random(1)
nouns = ["council", "army", "mayor", "river", "school", "market", "bridge", "hospital", "court", "port"]
def sentence():
    return (f"The {rng.choice(nouns)} of district {rng.randrange(10**6)} said {rng.randrange(10**4)} people "
            f"visited the {rng.choice(nouns)} on day {rng.randrange(365)}.")
ramadi = [p.read_text() for p in sorted(Path("examples/ramadi").iterdir())]
if kind == "one":
    docs = ramadi[:1]
elif kind == "500":
    docs = [ramadi[i % 5] + " " + sentence() for i in range(500)]
elif kind == "50mb":
    parts, size = [], 0
    while size < 50_000_000:
        p = " ".join(sentence() for _ in range(5)); parts.append(p); size += len(p) + 2
    docs = ["\n\n".join(parts)]
else:
    docs = [sentence() for _ in range(10_000)]
pipeline = Pipeline.load()
start = time.perf_counter()
try:
    b = pipeline.run(Cluster(tuple(Document(text=d) for d in docs)), Budget(words=250))
    outcome = f"briefing of {b.words} words, {len(b.sentences)} sentences"
except NewsfuseError as exc:
    outcome = f"error: {exc}"
elapsed = time.perf_counter() - start
print(f"{kind:>8}: {elapsed:7.1f} s, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:6.0f} MB, {outcome}")
'''


def main() -> None:
    for kind in ("one", "500", "50mb", "10000"):
        subprocess.run([sys.executable, "-c", CASE, kind], check=False, timeout=1200)


if __name__ == "__main__":
    main()
