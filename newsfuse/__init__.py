"""newsfuse: several news reports about one event → one short, faithful, cited briefing."""
from __future__ import annotations

from collections.abc import Iterable

from newsfuse.pipeline import Pipeline, as_documents
from newsfuse.select import Budget
from newsfuse.types import (
    Briefing,
    Citation,
    Cluster,
    Disagreement,
    Document,
    NewsfuseError,
    Sentence,
)

__all__ = [
    "Briefing", "Budget", "Citation", "Cluster", "Disagreement", "Document", "NewsfuseError",
    "Pipeline", "Sentence", "summarize",
]
__version__ = "0.1.0"


def summarize(
    documents: Iterable[str | Document],
    words: int = 250,
    sentences: int | None = None,
    pipeline: Pipeline | None = None,
) -> Briefing:
    """Summarise articles about one story.

    Pass a `Pipeline.load()` to reuse the embedding model across calls; without one, a
    pipeline is loaded for this call (about 0.5 s for the model).
    """
    pipeline = pipeline or Pipeline.load()
    cluster = Cluster(documents=as_documents(documents))
    return pipeline.run(cluster, Budget(words=words, sentences=sentences))
