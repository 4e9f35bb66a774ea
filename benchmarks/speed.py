"""Speed of the core pipeline on the Ramadi example.

Prints: CLI wall time (process start and model load included), `Pipeline.run` time with the
model loaded (cold cache: a fresh encoder cache for each run), and with --fast.
Run on one core, as the targets are stated: `taskset -c 0 python benchmarks/speed.py`.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsfuse.ingest import read_clusters
from newsfuse.analyze import load_nlp
from newsfuse.pipeline import Pipeline
from newsfuse.represent import MiniLMEncoder

RAMADI = Path(__file__).resolve().parent.parent / "examples" / "ramadi"
REPEATS = 5


def median_seconds(run, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    [cluster] = list(read_clusters(str(RAMADI)))
    cli = [sys.executable, "-m", "newsfuse", "summarize", str(RAMADI)]
    cli_full = median_seconds(lambda: subprocess.run(cli, check=True, capture_output=True))
    cli_fast = median_seconds(lambda: subprocess.run(cli + ["--fast"], check=True, capture_output=True))

    encoder = MiniLMEncoder()
    pipeline = Pipeline(encoder=encoder, nlp=load_nlp())

    def cold_run():
        encoder.cache.clear()  # measure the embedding work, not the cache
        pipeline.run(cluster)

    full = median_seconds(cold_run)
    warm = median_seconds(lambda: pipeline.run(cluster))
    fast_pipeline = Pipeline(encoder=None)
    fast = median_seconds(lambda: fast_pipeline.run(cluster), repeats=20)
    print(f"CLI, model load included (median of {REPEATS}):   {cli_full:6.3f} s   target <= 2.5 s")
    print(f"CLI --fast (median of {REPEATS}):                 {cli_fast:6.3f} s")
    print(f"summarize() with model loaded, empty cache: {full * 1000:6.0f} ms  target <= 500 ms")
    print(f"summarize() with model loaded, warm cache:  {warm * 1000:6.0f} ms")
    print(f"summarize() --fast (lexical only):          {fast * 1000:6.0f} ms  target <= 100 ms")


if __name__ == "__main__":
    main()
