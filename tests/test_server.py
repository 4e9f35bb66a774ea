"""The HTTP API, tested over real HTTP against uvicorn on a loopback port."""
import http.server
import socket
import threading
import time

import httpx
import pytest
import uvicorn

from newsfuse.ingest import FetchPolicy
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
