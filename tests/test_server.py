"""The HTTP API, tested over real HTTP against uvicorn on a loopback port."""
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn

from newsfuse.fetch import FetchPolicy
from newsfuse.server import ServerSettings, create_app

from conftest import RAMADI


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(app) -> tuple[uvicorn.Server, str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 20
    while not server.started:
        assert time.time() < deadline, "server did not start"
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def api(pipeline):
    settings = ServerSettings(max_body_bytes=200_000, max_documents=6, request_timeout_s=30)
    server, url = start_server(create_app(pipeline, settings))
    yield url
    server.should_exit = True


@pytest.fixture(scope="module")
def api_private(pipeline):
    server, url = start_server(create_app(pipeline, ServerSettings(fetch=FetchPolicy(allow_private=True))))
    yield url
    server.should_exit = True


@pytest.fixture(scope="module")
def page_server():
    """A local web server with an article and a redirect to a private address."""
    article = ("<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
               + "<p>The old bridge over the river reopened on Monday after two years of repairs, the mayor said.</p>" * 3
               + "</article></body></html>").encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/redirect-to-metadata":
                self.send_response(302)
                self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(article)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def ramadi_texts():
    return [p.read_text() for p in sorted(RAMADI.iterdir())]


def test_healthz(api):
    assert httpx.get(f"{api}/healthz").json() == {"status": "ok", "representation": "all-MiniLM-L6-v2-int8"}


def test_briefing_matches_the_cli_json_contract(api):
    response = httpx.post(f"{api}/v1/briefings", json={"documents": ramadi_texts(), "words": 120}, timeout=60)
    assert response.status_code == 200
    data = response.json()
    assert 0 < data["words"] <= 120
    assert all(s["citations"] for s in data["sentences"])
    assert {"summary", "sentences", "documents", "removed", "disagreements", "facts"} <= data.keys()
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_documents_as_objects_keep_titles(api):
    docs = [{"text": t, "title": f"Outlet {i}", "url": f"https://news.example/{i}"} for i, t in enumerate(ramadi_texts()[:2])]
    data = httpx.post(f"{api}/v1/briefings", json={"documents": docs, "sentences": 2}, timeout=60).json()
    assert [d["title"] for d in data["documents"]] == ["Outlet 0", "Outlet 1"]
    assert data["documents"][1]["source"] == "https://news.example/1"
    assert len(data["sentences"]) == 2


@pytest.mark.parametrize("body, status, fragment", [
    ({"documents": []}, 422, "at least one document"),
    ({"documents": ["text"], "words": 5}, 422, "words"),
    ({"documents": ["a"], "words": 50, "sentences": 2}, 422, "not both"),
    ({"documents": ["x"] * 7}, 413, "limit is 6"),
    ({"documents": ["Sign up to our daily newsletter"]}, 422, "no article text"),
])
def test_bad_requests_get_4xx_json_errors(api, body, status, fragment):
    response = httpx.post(f"{api}/v1/briefings", json=body)
    assert response.status_code == status
    assert fragment in response.json()["error"]


def test_malformed_json_and_oversized_body(api):
    response = httpx.post(f"{api}/v1/briefings", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.json()["error"]
    response = httpx.post(f"{api}/v1/briefings", json={"documents": ["word " * 60_000]})
    assert response.status_code == 413 and "limit" in response.json()["error"]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/", "http://192.168.1.1/",
])
def test_private_urls_are_refused(api, url):
    response = httpx.post(f"{api}/v1/briefings", json={"urls": [url]})
    assert response.status_code == 422
    assert "refused" in response.json()["error"]


def test_redirect_to_a_private_address_is_refused_on_the_second_hop(pipeline, page_server):
    # Loopback is allowed (the test page lives there) but nothing else: the redirect to the
    # metadata address must be checked and refused, not followed.
    policy = FetchPolicy(allowed_networks=("127.0.0.0/8",))
    server, url = start_server(create_app(pipeline, ServerSettings(fetch=policy)))
    try:
        ok = httpx.post(f"{url}/v1/briefings", json={"urls": [f"{page_server}/article"]}, timeout=30)
        assert ok.status_code == 200
        response = httpx.post(f"{url}/v1/briefings", json={"urls": [f"{page_server}/redirect-to-metadata"]}, timeout=30)
        assert response.status_code == 422
        assert "refused" in response.json()["error"] and "169.254.169.254" in response.json()["error"]
    finally:
        server.should_exit = True


def test_local_page_is_fetched_when_private_urls_are_allowed(api_private, page_server):
    response = httpx.post(f"{api_private}/v1/briefings", json={"urls": [f"{page_server}/article"]}, timeout=30)
    assert response.status_code == 200, response.text
    data = response.json()
    assert "bridge" in data["summary"]
    assert data["documents"][0]["title"] == "Bridge reopens"


def test_openapi_document_describes_the_endpoint(api):
    spec = httpx.get(f"{api}/openapi.json").json()
    assert "/v1/briefings" in spec["paths"]


def test_body_that_is_a_bare_json_constant_gets_a_422(api):
    # Found by the property test: "Infinity" once made the error handler itself fail with a 500.
    for body in (b"Infinity", b"NaN", b"[1, 2]", b'"text"'):
        response = httpx.post(f"{api}/v1/briefings", content=body, headers={"content-type": "application/json"})
        assert response.status_code == 422 and response.json()["error"]


def test_invalid_url_gets_a_422(api):
    # Found by the property test: a control character as URL made httpx raise outside its HTTPError family.
    for url in ("\x1f", "http://", "ftp://example.com/x", "http://exa mple.com/"):
        response = httpx.post(f"{api}/v1/briefings", json={"urls": [url]})
        assert response.status_code == 422 and response.json()["error"], url


def test_request_over_the_time_limit_gets_503_json_and_the_worker_is_freed():
    from newsfuse.pipeline import Pipeline

    settings = ServerSettings(request_timeout_s=0.05, workers=1)
    server, url = start_server(create_app(Pipeline.load(fast=True), settings))
    try:
        documents = [p.read_text() for p in sorted(RAMADI.iterdir())] * 8
        for _ in range(3):
            response = httpx.post(f"{url}/v1/briefings", json={"documents": documents}, timeout=60)
            assert response.status_code == 503 and "longer than 0.05 s" in response.json()["error"]
        # The abandoned runs stop at their next stage, so the single worker soon serves a small request.
        small = {"documents": ["The old bridge over the river reopened on Monday after two years of repairs."]}
        for _ in range(50):
            response = httpx.post(f"{url}/v1/briefings", json=small, timeout=10)
            if response.status_code == 200:
                break
            time.sleep(0.1)
        assert response.status_code == 200
    finally:
        server.should_exit = True


# --- Refusals every client can read: urllib, httpx and requests send the whole body first. ---

EIGHT_MB = json.dumps({"documents": ["word " * (8 * 1024 * 1024 // 5)]}).encode()


def chunks(data: bytes, size: int = 256 * 1024):
    for i in range(0, len(data), size):
        yield data[i:i + size]


def post_urllib(url: str, body: bytes, chunked: bool) -> tuple[int, dict, dict]:
    data = chunks(body) if chunked else body  # an iterable without Content-Length goes chunked
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), json.loads(exc.read())


def post_httpx(url: str, body: bytes, chunked: bool) -> tuple[int, dict, dict]:
    response = httpx.post(url, content=chunks(body) if chunked else body, timeout=60,
                          headers={"Content-Type": "application/json"})
    return response.status_code, dict(response.headers), response.json()


def post_requests(url: str, body: bytes, chunked: bool) -> tuple[int, dict, dict]:
    requests = pytest.importorskip("requests")
    response = requests.post(url, data=chunks(body) if chunked else body, timeout=60,
                             headers={"Content-Type": "application/json"})
    return response.status_code, dict(response.headers), response.json()


@pytest.fixture(scope="module")
def api_defaults(pipeline):
    server, url = start_server(create_app(pipeline, ServerSettings()))
    yield url
    server.should_exit = True


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize("post", [post_urllib, post_httpx, post_requests], ids=["urllib", "httpx", "requests"])
def test_an_8_mb_body_gets_a_readable_413_with_every_client(api_defaults, post, chunked):
    status, headers, data = post(f"{api_defaults}/v1/briefings", EIGHT_MB, chunked)
    assert status == 413
    assert "limit" in data["error"] and "5242880" in data["error"]
    assert headers["content-type"] == "application/json"


def test_an_early_404_with_a_large_body_is_readable(api_defaults):
    # Any answer given before the body is read (here: no such route) drains the body first.
    status, _, data = post_urllib(f"{api_defaults}/v1/no-such-thing", EIGHT_MB, chunked=True)
    assert status == 404 and data


def test_after_a_413_the_connection_serves_the_next_request(api_defaults):
    with httpx.Client(timeout=60) as client:
        assert client.post(f"{api_defaults}/v1/briefings", content=EIGHT_MB).status_code == 413
        assert client.get(f"{api_defaults}/healthz").status_code == 200
        assert client.post(f"{api_defaults}/v1/briefings", content=chunks(EIGHT_MB)).status_code == 413
        assert client.get(f"{api_defaults}/healthz").status_code == 200


# --- Worker processes, backpressure, shutdown. ---

SLOW = {"documents": ramadi_texts() * 16}  # about 0.5 s with the fast pipeline
SMALL = {"documents": ["The old bridge over the river reopened on Monday after two years of repairs."]}


def worker_processes(parent: int) -> list[int]:
    """Pids of the multiprocessing workers whose parent is `parent`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == parent and b"spawn_main" in (stat.parent / "cmdline").read_bytes():
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to collect it counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(condition, seconds: float = 30) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


@needs_proc
def test_worker_processes_queue_full_gets_503_with_retry_after_and_healthz_answers():
    settings = ServerSettings(workers=1, queue=1, fast=True, request_timeout_s=30)
    server, url = start_server(create_app(None, settings))
    try:
        assert len(worker_processes(os.getpid())) == 1  # loaded at startup, in a process of its own
        assert httpx.get(f"{url}/healthz").json()["representation"] == "tf-idf"
        with ThreadPoolExecutor(8) as pool:
            posts = [pool.submit(httpx.post, f"{url}/v1/briefings", json=SLOW, timeout=60) for _ in range(8)]
            time.sleep(0.2)
            started = time.perf_counter()
            health = httpx.get(f"{url}/healthz", timeout=5)
            health_s = time.perf_counter() - started
            responses = [p.result() for p in posts]
        assert health.status_code == 200 and health_s < 1.0
        statuses = sorted(r.status_code for r in responses)
        assert set(statuses) == {200, 503} and statuses.count(200) >= 2, statuses
        for r in responses:
            if r.status_code == 503:
                assert "busy" in r.json()["error"] and int(r.headers["retry-after"]) >= 1
            else:
                assert r.json()["sentences"]
        # A worker killed (say, by the out-of-memory killer) costs one 503, then a fresh pool serves.
        [worker] = worker_processes(os.getpid())
        os.kill(worker, signal.SIGKILL)
        time.sleep(0.5)
        response = httpx.post(f"{url}/v1/briefings", json=SMALL, timeout=30)
        assert response.status_code == 503 and "worker stopped" in response.json()["error"]
        assert httpx.post(f"{url}/v1/briefings", json=SMALL, timeout=30).status_code == 200
    finally:
        server.should_exit = True
    assert wait_until(lambda: not worker_processes(os.getpid())), "worker processes outlived the server"


@needs_proc
def test_a_request_over_its_time_limit_frees_its_worker_process():
    settings = ServerSettings(workers=1, queue=4, fast=True, request_timeout_s=0.2)
    server, url = start_server(create_app(None, settings))
    try:
        for _ in range(2):
            response = httpx.post(f"{url}/v1/briefings", json=SLOW, timeout=60)
            assert response.status_code == 503 and "longer than 0.2 s" in response.json()["error"]
        # The worker stops the late run at its next stage, so a small request soon gets through.
        assert wait_until(lambda: httpx.post(f"{url}/v1/briefings", json=SMALL, timeout=10).status_code == 200, 10)
    finally:
        server.should_exit = True


@needs_proc
def test_sigterm_finishes_the_request_in_flight_then_exits_0_without_leaving_workers():
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsfuse", "serve", "--fast", "--workers", "2", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: _healthy(url), 60), "server did not start"
        workers = worker_processes(server.pid)
        assert len(workers) == 2
        with ThreadPoolExecutor(1) as pool:
            slower = {"documents": ramadi_texts() * 20}  # 100 documents: about 0.6 s
            in_flight = pool.submit(httpx.post, f"{url}/v1/briefings", json=slower, timeout=60)
            time.sleep(0.3)
            server.send_signal(signal.SIGTERM)
            assert in_flight.result().status_code == 200
        assert server.wait(timeout=30) == 0, server.stderr.read()
        assert "Traceback" not in server.stderr.read()
        assert not any(alive(pid) for pid in workers)
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{url}/healthz")
    finally:
        if server.poll() is None:
            server.kill()


@needs_proc
def test_worker_processes_end_when_the_server_is_killed():
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsfuse", "serve", "--fast", "--workers", "2", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_until(lambda: _healthy(f"http://127.0.0.1:{port}"), 60), "server did not start"
        workers = worker_processes(server.pid)
        assert len(workers) == 2
    finally:
        server.kill()  # SIGKILL: no shutdown code runs in the server
        server.wait()
    assert wait_until(lambda: not any(alive(pid) for pid in workers), 10)


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
