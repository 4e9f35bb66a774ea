"""HTTP API and web page: `newsfuse serve`.

The app only parses requests and calls the pipeline. Briefings are computed in worker
processes that each load the models once (`newsfuse serve`), or in threads sharing one
loaded pipeline (tests, embedding); at most `workers + queue` requests are admitted at
once and the rest get 503 at once, so latency stays bounded and /healthz stays answered.
"""
from __future__ import annotations

import asyncio
import json
import logging
import math
import multiprocessing
import os
import signal
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator
from starlette.requests import ClientDisconnect

from newsfuse.fetch import FetchPolicy
from newsfuse.ingest import document_from_record, document_from_text, fetch_url
from newsfuse.pipeline import Pipeline
from newsfuse.render import to_dict
from newsfuse.select import Budget
from newsfuse.types import Cluster, DeadlinePassed, Document, NewsfuseError

WEB = files("newsfuse") / "web"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
# Before answering early, the rest of a request body is read and discarded up to this much:
# urllib and requests send the whole body before reading the answer, and a socket closed with
# unread data is reset, which loses the answer. Past this, the answer goes out and the
# connection closes.
DRAIN_LIMIT = 64 * 1024 * 1024
log = logging.getLogger("newsfuse.server")


@dataclass(frozen=True)
class ServerSettings:
    max_body_bytes: int = 5 * 1024 * 1024
    max_documents: int = 100
    request_timeout_s: float = 30.0
    workers: int = 2  # briefings computed at once (processes, or threads with a given pipeline)
    queue: int = 16  # requests admitted beyond those being computed; more get 503 + Retry-After
    fast: bool = False  # worker processes load Pipeline.load(fast=fast)
    fetch: FetchPolicy = FetchPolicy()
    stories_db: str | None = None  # a `newsfuse follow` database: adds /v1/stories and the /stories page


class DocumentIn(BaseModel):
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: str = ""


class BriefingRequest(BaseModel):
    documents: list[str | DocumentIn] = Field(default_factory=list, description="Article texts or objects.")
    urls: list[str] = Field(default_factory=list, description="Article URLs to fetch (http/https).")
    words: int | None = Field(default=None, ge=10, le=5000, description="Word budget (default 250).")
    sentences: int | None = Field(default=None, ge=1, le=200, description="Sentence count instead of words.")

    @model_validator(mode="after")
    def one_budget(self) -> BriefingRequest:
        if self.words is not None and self.sentences is not None:
            raise ValueError("give words or sentences, not both")
        if not self.documents and not self.urls:
            raise ValueError("give at least one document or URL")
        return self


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": message})


def _document(item: str | DocumentIn, index: int) -> Document:
    where = f"document {index + 1}"
    if isinstance(item, str):
        return document_from_text(item, where)
    document = document_from_record(item.model_dump(), where)
    return replace(document, source=document.source or where)


def brief(pipeline: Pipeline | None, request: BriefingRequest, deadline: float, fetch: FetchPolicy) -> bytes:
    """The briefing as JSON bytes (encoded here, so a worker process does that work, not the
    server's event loop). `pipeline` None: this worker process's own."""
    if time.monotonic() > deadline:  # waited in the queue past its time: nobody waits for it
        raise DeadlinePassed("time limit passed before the briefing started")
    pipeline = _worker["pipeline"] if pipeline is None else pipeline
    documents = [_document(d, i) for i, d in enumerate(request.documents)]
    documents += [fetch_url(u, fetch) for u in request.urls]
    budget = Budget(words=request.words or 250, sentences=request.sentences)
    # time.monotonic() is system-wide on Linux, macOS and Windows, so the deadline crosses processes.
    briefing = pipeline.run(Cluster(documents=tuple(documents), id="request"), budget, deadline)
    return json.dumps(to_dict(briefing), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


_worker: dict = {}


def _start_worker(fast: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server decides
    _die_with_parent()
    _worker["pipeline"] = Pipeline.load(fast=fast)


def _die_with_parent() -> None:
    """Linux: have the kernel end this worker if the server dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # the server died before prctl took effect
        os._exit(0)


def _representation() -> str:
    return _worker["pipeline"].representation


class Overloaded(Exception):
    """Every worker and queue place is taken."""


class Workers:
    """The pool computing briefings, admitting at most `workers + queue` requests at once."""

    def __init__(self, pipeline: Pipeline | None, settings: ServerSettings):
        self.pipeline, self.settings = pipeline, settings
        self.admitted = 0
        self.recent_s = 1.0  # moving average of admission-to-answer time: the Retry-After hint
        self.pool = self._new_pool()

    def _new_pool(self) -> Executor:
        if self.pipeline is not None:
            return ThreadPoolExecutor(self.settings.workers, thread_name_prefix="newsfuse")
        # spawn, not fork: the server has threads, and onnxruntime is not fork-safe
        return ProcessPoolExecutor(self.settings.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(self.settings.fast,))

    async def start(self) -> str:
        """Start the worker processes (each loads the models as it starts) and wait until they
        answer, so the server listens only once it can compute; the representation's name."""
        if self.pipeline is not None:
            return self.pipeline.representation
        loop = asyncio.get_running_loop()
        names = await asyncio.gather(*(loop.run_in_executor(self.pool, _representation)
                                       for _ in range(self.settings.workers)))
        return names[0]

    async def stop(self) -> None:
        # Waits for the runs in progress, each ending at its deadline's next stage at the latest.
        await asyncio.to_thread(self.pool.shutdown, wait=True, cancel_futures=True)

    def retry_after(self) -> str:
        return str(max(1, math.ceil(self.recent_s)))

    async def brief(self, request: BriefingRequest) -> bytes:
        if self.admitted >= self.settings.workers + self.settings.queue:
            raise Overloaded()
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        deadline = started + self.settings.request_timeout_s

        def release(_) -> None:  # when the work ends, not when the request gives up waiting
            self.admitted -= 1
            self.recent_s = 0.8 * self.recent_s + 0.2 * (time.monotonic() - started)

        pool = self.pool
        try:
            future = pool.submit(brief, self.pipeline, request, deadline, self.settings.fetch)
            self.admitted += 1
            future.add_done_callback(lambda f: loop.call_soon_threadsafe(release, f))
            return await asyncio.wait_for(asyncio.wrap_future(future), self.settings.request_timeout_s)
        except BrokenProcessPool:  # a worker died (killed, out of memory): the next requests get a fresh pool
            if self.pool is pool:
                self.pool = self._new_pool()
                pool.shutdown(wait=False, cancel_futures=True)
            raise


class BodyDrain:
    """ASGI middleware: refuses bodies declared over the limit, reads and discards what is left
    of a request body before any answer starts (see DRAIN_LIMIT), adds the security headers."""

    def __init__(self, app, max_body_bytes: int):
        self.app, self.max_body_bytes = app, max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        body_done = False
        started_reading = False

        async def tracked_receive():
            nonlocal body_done, started_reading
            started_reading = True
            message = await receive()
            if message["type"] == "http.disconnect" or not message.get("more_body", False):
                body_done = True
            return message

        async def draining_send(message):
            if message["type"] == "http.response.start":
                # A client waiting for "100 Continue" has sent nothing yet: answering is enough.
                waiting = headers.get(b"expect", b"").lower() == b"100-continue" and not started_reading
                drained = 0
                while not body_done and not waiting and drained <= DRAIN_LIMIT:
                    drained += len((await tracked_receive()).get("body", b""))
                extra = [] if body_done or waiting else [(b"connection", b"close")]
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS, *extra]}
            await send(message)

        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            response = error(413, f"request body is {int(declared)} bytes; the limit is {self.max_body_bytes}")
            return await response(scope, tracked_receive, draining_send)
        await self.app(scope, tracked_receive, draining_send)


def create_app(pipeline: Pipeline | None, settings: ServerSettings = ServerSettings()) -> FastAPI:
    """The ASGI app. With a `pipeline`, briefings run in `settings.workers` threads sharing it;
    with None, in `settings.workers` processes, each loading `Pipeline.load(fast=settings.fast)`
    at startup (`newsfuse serve`); they end with the app's lifespan."""
    workers = Workers(pipeline, settings)
    representation = pipeline.representation if pipeline is not None else ""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        nonlocal representation
        representation = await workers.start()
        yield
        await workers.stop()

    # The interactive /docs page needs a CDN; the OpenAPI document itself is at /openapi.json.
    app = FastAPI(title="newsfuse", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Several news reports about one event → one short, faithful, cited briefing.")

    @app.exception_handler(RequestValidationError)
    async def readable_validation_error(request: Request, exc: RequestValidationError):
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p != "body")
            message = str(e.get("msg", "")).removeprefix("Value error, ")
            problems.append(f"{where}: {message}" if where else message)
        details = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                   for e in exc.errors()]  # not the input echoed back: it may hold values JSON cannot encode
        return JSONResponse(status_code=422, content={"error": "; ".join(problems), "details": details})

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok", "representation": representation}

    @app.post("/v1/briefings")
    async def create_briefing(request: Request):
        body = bytearray()
        try:
            async for chunk in request.stream():  # enforce the limit on chunked bodies too
                body.extend(chunk)
                if len(body) > settings.max_body_bytes:
                    return error(413, f"request body over the {settings.max_body_bytes}-byte limit")
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is left to read it
        try:
            payload = BriefingRequest.model_validate_json(bytes(body))
        except ValueError as exc:
            if hasattr(exc, "errors"):
                return await readable_validation_error(request, RequestValidationError(exc.errors()))
            return error(422, str(exc))
        count = len(payload.documents) + len(payload.urls)
        if count > settings.max_documents:
            return error(413, f"{count} documents; the limit is {settings.max_documents} per request")
        try:
            return Response(await workers.brief(payload), media_type="application/json")
        except Overloaded:
            response = error(503, f"the server is busy ({settings.workers} running, {settings.queue} waiting); retry later")
        except (asyncio.TimeoutError, DeadlinePassed):
            response = error(503, f"the briefing took longer than {settings.request_timeout_s:g} s; try fewer or shorter documents")
        except BrokenProcessPool:
            response = error(503, "a worker stopped while computing the briefing; retry")
        except NewsfuseError as exc:
            return error(422, str(exc))
        except Exception:
            log.exception("briefing failed")
            return error(500, "internal error while computing the briefing")
        response.headers["Retry-After"] = workers.retry_after()
        return response

    @app.get("/", include_in_schema=False)
    async def index():
        return FileResponse(str(WEB / "index.html"), media_type="text/html")

    if settings.stories_db:
        from newsfuse.stories_api import register_story_routes

        register_story_routes(app, settings.stories_db, WEB)

    app.mount("/static", StaticFiles(directory=str(WEB)), name="static")
    app.add_middleware(BodyDrain, max_body_bytes=settings.max_body_bytes)
    return app
