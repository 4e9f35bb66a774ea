"""Bounded load test of `newsfuse serve` on loopback: 50 concurrent clients × 20 requests of
the Ramadi cluster. Prints requests/s, p50/p99 latency, errors and the server's peak RSS.

    python benchmarks/load.py [--clients 50] [--requests 20]
"""
from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

RAMADI = Path(__file__).resolve().parent.parent / "examples" / "ramadi"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def client(url: str, body: dict, requests: int, latencies: list, errors: list) -> None:
    async with httpx.AsyncClient(timeout=120) as http:
        for _ in range(requests):
            start = time.perf_counter()
            try:
                response = await http.post(url, json=body)
                if response.status_code != 200:
                    errors.append(response.status_code)
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
            latencies.append(time.perf_counter() - start)


async def run(url: str, clients: int, requests: int) -> tuple[list, list, float]:
    body = {"documents": [p.read_text() for p in sorted(RAMADI.iterdir())]}
    latencies: list = []
    errors: list = []
    start = time.perf_counter()
    await asyncio.gather(*(client(url, body, requests, latencies, errors) for _ in range(clients)))
    return latencies, errors, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsfuse", "serve", "--port", str(port),
                               "--workers", str(args.workers), "--timeout", "120"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        latencies, errors, elapsed = asyncio.run(run(f"{base}/v1/briefings", args.clients, args.requests))
        latencies.sort()
        total = len(latencies)
        print(f"{args.clients} clients x {args.requests} requests = {total} requests in {elapsed:.1f} s")
        print(f"throughput {total / elapsed:.1f} requests/s; latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
              f"p99 {latencies[int(0.99 * (total - 1))] * 1000:.0f} ms; errors {len(errors)}; "
              f"server peak RSS {peak_rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
