"""Soak test of `newsfuse serve` on loopback: thousands of mixed requests from several clients
(httpx and the standard library's urllib): valid clusters, invalid JSON, wrong types, too many
documents, oversized bodies (by Content-Length and chunked), refused URLs, /healthz, and bursts
beyond the queue. Reports each kind's status codes, 5xx other than the deliberate 503s,
connection errors (resets, broken pipes), error bodies that are not JSON, and the growth of the
server's RSS (server + worker processes) between the first and the last thousand requests.

    python benchmarks/soak.py [--requests 5000] [--workers 2] [--queue 4] [--fast]
"""
from __future__ import annotations

import argparse
import json
import random
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

import httpx

from load import RAMADI, memory_mb, start_server

TEXTS = [p.read_text() for p in sorted(RAMADI.iterdir())]
SIX_MB = json.dumps({"documents": ["word " * (6 * 1024 * 1024 // 5)]}).encode()
WRONG_TYPES = [b'{"documents": 5}', b'{"documents": [1, 2]}', b'{"documents": ["x"], "words": "many"}',
               b'[1, 2]', b'Infinity', b'{"urls": "http://example.com/"}', b'{"documents": [{"title": "no text"}]}']
# What each kind may get: anything else counts as unexpected.
EXPECTED = {
    "valid": {200, 503}, "burst": {200, 503}, "invalid_json": {422}, "wrong_types": {422},
    "too_many_documents": {413}, "oversized": {413}, "oversized_chunked": {413},
    "refused_url": {422, 503},  # URLs are checked in a worker: a full queue answers first
    "healthz": {200},
}
MIX = ["valid"] * 15 + ["invalid_json"] * 20 + ["wrong_types"] * 20 + ["too_many_documents"] * 5 \
    + ["oversized"] * 3 + ["oversized_chunked"] * 2 + ["refused_url"] * 15 + ["healthz"] * 20


def chunks(data: bytes, size: int = 256 * 1024):
    for i in range(0, len(data), size):
        yield data[i:i + size]


local = threading.local()


def http() -> httpx.Client:
    if not hasattr(local, "client"):
        local.client = httpx.Client(timeout=120)
    return local.client


def with_urllib(url: str, body: bytes) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def with_httpx(method: str, url: str, **options) -> tuple[int, dict, bytes]:
    response = http().request(method, url, **options)
    return response.status_code, dict(response.headers), response.content


def send(base: str, kind: str, rng: random.Random) -> tuple[str, int | str, bool]:
    """(kind, status or exception name, whether a refusal was readable: JSON {"error": ...},
    and Retry-After on a 503)."""
    url = f"{base}/v1/briefings"
    try:
        if kind in ("valid", "burst"):
            body = {"documents": rng.sample(TEXTS, 2), "words": rng.choice([60, 120, 250])}
            status, headers, content = with_httpx("POST", url, json=body)
        elif kind == "healthz":
            status, headers, content = with_httpx("GET", f"{base}/healthz")
        elif kind == "oversized":  # the standard library sends it all before reading the answer
            status, headers, content = with_urllib(url, SIX_MB)
        elif kind == "oversized_chunked":
            status, headers, content = with_httpx("POST", url, content=chunks(SIX_MB))
        elif kind == "invalid_json":
            status, headers, content = with_urllib(url, b'{"documents": ["unfinished')
        elif kind == "wrong_types":
            status, headers, content = with_httpx("POST", url, content=rng.choice(WRONG_TYPES))
        elif kind == "too_many_documents":
            status, headers, content = with_httpx("POST", url, json={"documents": ["A short text."] * 101})
        else:  # refused_url
            host = rng.choice(["127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]", "192.168.1.1"])
            status, headers, content = with_httpx("POST", url, json={"urls": [f"http://{host}/"]})
    except (httpx.HTTPError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None)
        return kind, type(reason if isinstance(reason, BaseException) else exc).__name__, False
    if status == 200:
        return kind, status, True
    try:
        readable = bool(json.loads(content)["error"])
    except (ValueError, KeyError, TypeError):
        readable = False
    if status == 503:
        readable = readable and {k.lower() for k in headers} >= {"retry-after"}
    return kind, status, readable


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients outside bursts")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queue", type=int, default=4)
    parser.add_argument("--burst", type=int, default=24, help="simultaneous valid requests every 500")
    parser.add_argument("--fast", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    server, base = start_server("--workers", str(args.workers), "--queue", str(args.queue),
                                *(["--fast"] if args.fast else []))
    results: list[tuple[str, int | str, bool]] = []
    rss_first = rss_last = 0.0
    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(max(args.clients, args.burst)) as pool:
            next_burst = 500
            while len(results) < args.requests:
                if len(results) >= next_burst:  # a burst well beyond workers + queue
                    batch, next_burst = ["burst"] * args.burst, next_burst + 500
                else:
                    batch = [rng.choice(MIX) for _ in range(min(100, args.requests - len(results)))]
                seeds = [rng.randrange(2**32) for _ in batch]
                workers = len(batch) if batch[0] == "burst" else args.clients
                for i in range(0, len(batch), workers):
                    part = list(zip(batch[i:i + workers], seeds[i:i + workers]))
                    results += pool.map(lambda ks: send(base, ks[0], random.Random(ks[1])), part)
                if not rss_first and len(results) >= 1000:
                    rss_first = memory_mb(server.pid)
        rss_last = memory_mb(server.pid)
        alive = server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=60)
    elapsed = time.perf_counter() - started

    by_kind: dict[str, Counter] = defaultdict(Counter)
    for kind, status, _ in results:
        by_kind[kind][status] += 1
    unexpected = [(k, s) for k, s, _ in results if s not in EXPECTED[k]]
    server_errors = [(k, s) for k, s, _ in results if isinstance(s, int) and s >= 500 and s != 503]
    connection_errors = [(k, s) for k, s, _ in results if isinstance(s, str)]
    unreadable = [(k, s) for k, s, ok in results if isinstance(s, int) and not ok]
    print(f"{len(results)} requests in {elapsed:.0f} s; server --workers {args.workers} --queue {args.queue}"
          f"{' --fast' if args.fast else ''}; bursts of {args.burst} every 500 requests")
    for kind in sorted(by_kind):
        print(f"  {kind:20} {dict(sorted(by_kind[kind].items(), key=str))}")
    print(f"5xx other than 503: {len(server_errors)}; connection errors (resets, broken pipes): "
          f"{len(connection_errors)} {dict(Counter(s for _, s in connection_errors))}")
    print(f"unexpected statuses: {len(unexpected)}; refusals not JSON {{\"error\"}} (or 503 without Retry-After): {len(unreadable)}")
    print(f"503s: {sum(1 for _, s, _ in results if s == 503)}; server still up at the end: {alive}")
    if rss_first:
        print(f"server RSS (server + workers) after the first 1000 requests {rss_first:.0f} MB, at the end "
              f"{rss_last:.0f} MB: growth {100 * (rss_last - rss_first) / rss_first:+.1f}%")


if __name__ == "__main__":
    main()
