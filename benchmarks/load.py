"""Bounded load test of `newsfuse serve` on loopback: concurrent clients posting the Ramadi
cluster, against a server with 1 worker process, then 2 (`--workers 1 2`). Prints requests/s,
p50/p99 latency, errors and the server's peak RSS (server + worker processes) for each.

The queue is as long as there are clients, so that every request is computed (throughput,
not refusals, is measured here; benchmarks/soak.py covers 503s).

    python benchmarks/load.py [--clients 20] [--requests 5] [--workers 1 2] [--fast]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

RAMADI = Path(__file__).resolve().parent.parent / "examples" / "ramadi"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (the worker processes), from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        todo.extend(children.get(tree[-1], []))
    return tree


def memory_mb(pid: int, field: str = "VmRSS") -> float:
    """Sum of `field` (VmRSS now, VmHWM peak) over the server and its worker processes."""
    total = 0
    for p in process_tree(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def start_server(*options: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsfuse", "serve", "--port", str(port), *options],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/healthz").status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("server did not start")


async def client(url: str, body: dict, requests: int, latencies: list, errors: Counter) -> None:
    async with httpx.AsyncClient(timeout=300) as http:
        for _ in range(requests):
            start = time.perf_counter()
            try:
                response = await http.post(url, json=body)
                if response.status_code != 200:
                    errors[response.status_code] += 1
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] += 1
            latencies.append(time.perf_counter() - start)


async def run(url: str, body: dict, clients: int, requests: int) -> tuple[list, Counter, float]:
    latencies: list = []
    errors: Counter = Counter()
    start = time.perf_counter()
    await asyncio.gather(*(client(url, body, requests, latencies, errors) for _ in range(clients)))
    return latencies, errors, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=5, help="per client")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--fast", action="store_true", help="serve without the embedding model")
    args = parser.parse_args()
    body = {"documents": [p.read_text() for p in sorted(RAMADI.iterdir())]}
    rows = []
    for workers in args.workers:
        server, base = start_server("--workers", str(workers), "--queue", str(args.clients), "--timeout", "300",
                                    *(["--fast"] if args.fast else []))
        try:
            url = f"{base}/v1/briefings"
            asyncio.run(run(url, body, workers, 2))  # warm up: every worker has run a briefing
            # CPU used by other programs meanwhile: on a shared machine it skews the comparison.
            ours = [*process_tree(server.pid), os.getpid()]
            before = machine_busy_seconds() - cpu_seconds(ours)
            latencies, errors, elapsed = asyncio.run(run(url, body, args.clients, args.requests))
            other_cores = (machine_busy_seconds() - cpu_seconds(ours) - before) / elapsed
            latencies.sort()
            total = len(latencies)
            rows.append((workers, total, total / elapsed, statistics.median(latencies) * 1000,
                         latencies[int(0.99 * (total - 1))] * 1000, sum(errors.values()), dict(errors),
                         memory_mb(server.pid, "VmHWM"), other_cores))
        finally:
            server.terminate()
            server.wait(timeout=60)
    print(f"{args.clients} clients x {args.requests} requests of the Ramadi cluster"
          f"{' (--fast)' if args.fast else ''}, on {len(os.sched_getaffinity(0))} cores")
    print("| workers | requests | req/s | p50 ms | p99 ms | errors | peak RSS MB (server + workers) | other programs' CPU (cores) |")
    print("|---|---|---|---|---|---|---|---|")
    for workers, total, rate, p50, p99, count, kinds, rss, other in rows:
        print(f"| {workers} | {total} | {rate:.2f} | {p50:.0f} | {p99:.0f} | {count}{' ' + str(kinds) if kinds else ''} "
              f"| {rss:.0f} | {other:.2f} |")
    if len(rows) > 1:
        print(f"throughput {rows[-1][0]} vs {rows[0][0]} workers: {rows[-1][2] / rows[0][2]:.2f}x")


if __name__ == "__main__":
    main()
