"""`newsfuse batch` throughput on the Multi-News dev clusters: clusters/s at 1 and 2 workers,
default pipeline and --fast, with the peak RSS of the whole process tree.

    python benchmarks/batch.py [--limit 250] [--fast-repeat 4]

A --fast run of 250 clusters lasts a few seconds, of which process start and model load
are a large part; --fast runs therefore also use the clusters `--fast-repeat` times over
(under new ids; the fast pipeline keeps no cache between clusters) to show the steady rate.
"""
from __future__ import annotations

import argparse
import json
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
    parser.add_argument("--fast-repeat", type=int, default=4)
    args = parser.parse_args()
    rows = [json.loads(line) for line in DEV.read_text().splitlines()[: args.limit]]
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(False, 1), (True, 1)] + ([(True, args.fast_repeat)] if args.fast_repeat > 1 else [])
        for fast, repeat in runs:
            source = Path(tmp) / f"in-{repeat}.jsonl"
            source.write_text("".join(json.dumps({**row, "id": f"{row['id']}#{k}"}) + "\n"
                                      for k in range(repeat) for row in rows))
            count = len(rows) * repeat
            rates = {}
            for workers in (1, 2):
                out = Path(tmp) / f"out-{fast}-{repeat}-{workers}.jsonl"
                command = [sys.executable, "-m", "newsfuse", "batch", str(source), "-o", str(out), "--workers", str(workers)]
                start = time.perf_counter()
                subprocess.run(command + (["--fast"] if fast else []), check=True, capture_output=True)
                elapsed = time.perf_counter() - start
                rates[workers] = count / elapsed
                peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                print(f"{'--fast ' if fast else 'default'} workers={workers}: {count} clusters in {elapsed:.1f} s "
                      f"= {rates[workers]:.2f} clusters/s (process start and model load included); "
                      f"largest process peak RSS so far {peak:.0f} MB")
            print(f"  speed-up 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
