"""`newsfuse batch` throughput on the Multi-News dev clusters: clusters/s at 1 and 2 workers,
default pipeline and --fast, with the peak RSS of the whole process tree.

    python benchmarks/batch.py [--limit 250]
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "multinews" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=250)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(DEV.read_text().splitlines(keepends=True)[: args.limit]))
        for fast in (False, True):
            rates = {}
            for workers in (1, 2):
                out = Path(tmp) / f"out-{fast}-{workers}.jsonl"
                command = [sys.executable, "-m", "newsfuse", "batch", str(source), "-o", str(out), "--workers", str(workers)]
                start = time.perf_counter()
                subprocess.run(command + (["--fast"] if fast else []), check=True, capture_output=True)
                elapsed = time.perf_counter() - start
                rates[workers] = args.limit / elapsed
                peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                print(f"{'--fast ' if fast else 'default'} workers={workers}: {args.limit} clusters in {elapsed:.1f} s "
                      f"= {rates[workers]:.2f} clusters/s (process start and model load included); "
                      f"largest process peak RSS so far {peak:.0f} MB")
            print(f"  speed-up 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
