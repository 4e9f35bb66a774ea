from __future__ import annotations

from pathlib import Path

import os

import pytest
from hypothesis import settings

# CI explores a fixed set of examples (no flaky runs); locally each run explores new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

from newsfuse.ingest import read_clusters
from newsfuse.pipeline import Pipeline
from newsfuse.represent import MiniLMEncoder

ROOT = Path(__file__).resolve().parent.parent
RAMADI = ROOT / "examples" / "ramadi"
DATA = Path(__file__).resolve().parent / "data"
SHARED_DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"


@pytest.fixture(scope="session")
def encoder() -> MiniLMEncoder:
    return MiniLMEncoder()


@pytest.fixture(scope="session")
def nlp():
    from newsfuse.analyze import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(encoder, nlp) -> Pipeline:
    from newsfuse.name_types import NameTypes

    return Pipeline(encoder=encoder, nlp=nlp, name_types=NameTypes.load(encoder))


@pytest.fixture(scope="session")
def analyzed(nlp):
    """Analysis of plain texts, one document each: analyzed(["text of doc 0", ...])."""
    from newsfuse.analyze import analyze
    from newsfuse.pipeline import prepare
    from newsfuse.types import Cluster, Document

    def run(texts, published=""):
        cluster = Cluster(documents=tuple(Document(text=t, published=published) for t in texts))
        sentences, _ = prepare(cluster)
        return sentences, analyze(sentences, cluster.documents, nlp)

    return run


@pytest.fixture(scope="session")
def ramadi():
    [cluster] = list(read_clusters(str(RAMADI)))
    return cluster


@pytest.fixture(scope="session")
def ramadi_briefing(pipeline, ramadi):
    return pipeline.run(ramadi)


def require_shared_dev() -> Path:
    if not SHARED_DEV.exists():
        pytest.skip(f"{SHARED_DEV} is absent (the Multi-News dev set lives in ../shared, beside the repo)")
    return SHARED_DEV


@pytest.fixture(scope="session")
def http_api(pipeline):
    """The real HTTP server on a loopback port, for tests outside test_server.py."""
    from newsfuse.server import ServerSettings, create_app
    from test_server import start_server

    server, url = start_server(create_app(pipeline, ServerSettings(max_body_bytes=100_000)))
    yield url
    server.should_exit = True
