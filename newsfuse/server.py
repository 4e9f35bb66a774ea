"""HTTP API and web page: `newsfuse serve`.

The app only parses requests and calls the pipeline. CPU work runs in a bounded thread
pool (onnxruntime and numpy release the GIL), off the event loop, under a time limit.
"""
from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator

from newsfuse.ingest import FetchPolicy, document_from_record, document_from_text, fetch_url
from newsfuse.pipeline import Pipeline
from newsfuse.render import to_dict
from newsfuse.select import Budget
from newsfuse.types import Cluster, DeadlinePassed, Document, NewsfuseError

WEB = files("newsfuse") / "web"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class ServerSettings:
    max_body_bytes: int = 5 * 1024 * 1024
    max_documents: int = 100
    request_timeout_s: float = 30.0
    workers: int = 2
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


def create_app(pipeline: Pipeline, settings: ServerSettings = ServerSettings()) -> FastAPI:
    executor = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="newsfuse")

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        executor.shutdown(wait=False, cancel_futures=True)

    # The interactive /docs page needs a CDN; the OpenAPI document itself is at /openapi.json.
    app = FastAPI(title="newsfuse", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Several news reports about one event → one short, faithful, cited briefing.")

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next):
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_body_bytes:
            return error(413, f"request body is {int(declared)} bytes; the limit is {settings.max_body_bytes}")
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

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
        return {"status": "ok", "representation": pipeline.representation}

    @app.post("/v1/briefings")
    async def create_briefing(request: Request):
        body = bytearray()
        async for chunk in request.stream():  # enforce the limit on chunked bodies too
            body.extend(chunk)
            if len(body) > settings.max_body_bytes:
                return error(413, f"request body over the {settings.max_body_bytes}-byte limit")
        try:
            payload = BriefingRequest.model_validate_json(bytes(body))
        except ValueError as exc:
            if hasattr(exc, "errors"):
                return await readable_validation_error(request, RequestValidationError(exc.errors()))
            return error(422, str(exc))
        count = len(payload.documents) + len(payload.urls)
        if count > settings.max_documents:
            return error(413, f"{count} documents; the limit is {settings.max_documents} per request")
        budget = Budget(words=payload.words or 250, sentences=payload.sentences)

        deadline = time.monotonic() + settings.request_timeout_s

        def work() -> dict:
            documents = [_document(d, i) for i, d in enumerate(payload.documents)]
            documents += [fetch_url(u, settings.fetch) for u in payload.urls]
            return to_dict(pipeline.run(Cluster(documents=tuple(documents), id="request"), budget, deadline))

        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(executor, work), settings.request_timeout_s)
        except (asyncio.TimeoutError, DeadlinePassed):
            return error(503, f"the briefing took longer than {settings.request_timeout_s:g} s; try fewer or shorter documents")
        except NewsfuseError as exc:
            return error(422, str(exc))

    @app.get("/", include_in_schema=False)
    async def index():
        return FileResponse(str(WEB / "index.html"), media_type="text/html")

    if settings.stories_db:
        from newsfuse.stories_api import register_story_routes

        register_story_routes(app, settings.stories_db, WEB)

    app.mount("/static", StaticFiles(directory=str(WEB)), name="static")
    return app
