"""The stages wired together: ingest → clean → segment → analyze → represent → select → order →
attribute → facts → disagree → render. Interfaces (CLI, server, batch, Spark) call only this."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from newsfuse.analyze import analyze, load_nlp
from newsfuse.analyze.fast import analyze_with_rules
from newsfuse.attribute import attribute
from newsfuse.clean import clean_document, drop_boilerplate_sentences
from newsfuse.disagree import find_disagreements, mark_disputes
from newsfuse.facts import extract_facts
from newsfuse.facts.entities import find_entities
from newsfuse.ingest import document_from_text
from newsfuse.name_types import NameTypes
from newsfuse.order import order_sentences
from newsfuse.represent import Encoder, load_encoder
from newsfuse.segment import segment_document
from newsfuse.select import Budget, headline, select_sentences
from newsfuse.types import (Analysis, Briefing, Cluster, DeadlinePassed, Document, Entity, NewsfuseError, Removal,
                            Sentence)


# Past this many sentences a cluster is analysed from each document's beginning only (where
# news puts its facts), so that time and memory stay bounded for 50 MB inputs.
MAX_ANALYSED_SENTENCES = 5_000


def earliest(sentences: list[Sentence], limit: int = MAX_ANALYSED_SENTENCES) -> list[Sentence]:
    """At most `limit` sentences, taking each document's first ones in turn, in original order."""
    if len(sentences) <= limit:
        return sentences
    kept = set(map(id, sorted(sentences, key=lambda s: (s.position, s.document))[:limit]))
    return [s for s in sentences if id(s) in kept]


def prepare(cluster: Cluster) -> tuple[list[Sentence], list[Removal]]:
    """Cleaned, segmented sentences of every document, and the boilerplate removed."""
    sentences: list[Sentence] = []
    removed: list[Removal] = []
    for index, document in enumerate(cluster.documents):
        paragraphs, dropped = clean_document(document.text, index, document.title)
        removed.extend(dropped)
        kept, dropped = drop_boilerplate_sentences(segment_document(paragraphs, index))
        removed.extend(dropped)
        sentences.extend(kept)
    return sentences, removed


@dataclass(frozen=True)
class Pipeline:
    """A loaded pipeline: build once (the model loads are the slow part), reuse for every cluster.
    Without an encoder, similarity is lexical only; without a spaCy pipeline (`nlp`), facts
    and disagreements come from cheap rules and are marked approximate."""

    encoder: Encoder | None = None
    nlp: object | None = None  # a spaCy Language
    name_types: NameTypes | None = None  # fitted on the encoder's vectors

    @classmethod
    def load(cls, fast: bool = False, threads: int = 1) -> Pipeline:
        if fast:
            return cls()
        # The two loads overlap: ONNX Runtime builds its session outside the GIL while spaCy
        # imports (1.25 s → 1.05 s here, a tenth of the CLI's run on one cluster).
        with ThreadPoolExecutor(max_workers=1) as pool:
            loading = pool.submit(load_encoder, threads)
            nlp = load_nlp()
            encoder = loading.result()
        return cls(encoder=encoder, nlp=nlp, name_types=NameTypes.load(encoder) if encoder else None)

    def analyze(self, sentences: list[Sentence], documents: tuple[Document, ...]) -> Analysis:
        return analyze(sentences, documents, self.nlp) if self.nlp is not None else analyze_with_rules(sentences)

    def _timed_analysis(self, sentences: list[Sentence], documents: tuple[Document, ...]) -> tuple[Analysis, float]:
        started = time.perf_counter()
        analysis = self.analyze(sentences, documents)
        return analysis, round((time.perf_counter() - started) * 1000, 2)

    def key_entities(self, entities: list[Entity]) -> list[Entity]:
        """The people, places and organisations a briefing lists: the votes' entities with the
        name-type model's second opinion. (Disagreements keep the votes' kinds: a capture claim
        needs its town, which the model may not know.)"""
        return self.name_types.retype(entities) if self.name_types else entities

    @property
    def representation(self) -> str:
        return self.encoder.name if self.encoder else "tf-idf"

    def run(self, cluster: Cluster, budget: Budget = Budget(), deadline: float | None = None) -> Briefing:
        """The briefing of one cluster. With a `deadline` (a `time.monotonic()` value), a run
        that passes it stops at the end of the current stage with `DeadlinePassed`, so that a
        server does not keep computing answers nobody waits for."""
        if not cluster.documents:
            raise NewsfuseError(f"{cluster.id or 'input'}: no documents")
        timings: dict[str, float] = {}
        clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            timings[stage] = round((now - clock) * 1000, 2)
            clock = now
            if deadline is not None and time.monotonic() > deadline:
                raise DeadlinePassed(f"{cluster.id or 'input'}: time limit passed after {stage.removesuffix('_ms')}")

        sentences, removed = prepare(cluster)
        lap("clean_segment_ms")
        if not sentences:
            raise NewsfuseError(f"{cluster.id or 'input'}: no article text left after removing boilerplate")
        sentences = earliest(sentences)
        # The parse and the choice of sentences are independent, and the embedding model runs
        # outside the GIL: on a second core, they overlap (Ramadi's CLI run: -0.1 s).
        with ThreadPoolExecutor(max_workers=1) as pool:
            analysing = pool.submit(self._timed_analysis, sentences, cluster.documents)
            chosen = select_sentences(sentences, budget, self.encoder)
            removed += [Removal(document=s.document, text=s.cut, reason="leading connective") for s in chosen if s.cut]
            lap("select_ms")
            ordered = order_sentences(chosen, Counter(s.document for s in sentences))
            lap("order_ms")
            cited = attribute(ordered, sentences, self.encoder)
            lap("attribute_ms")
            analysis, timings["analyze_ms"] = analysing.result()
            lap("analyze_wait_ms")
        entities = find_entities(analysis.names, sentences)
        facts = extract_facts(analysis, self.key_entities(entities))
        lap("facts_ms")
        disagreements = find_disagreements(sentences, analysis.amounts, entities, analysis.approximate)
        cited = mark_disputes(cited, disagreements)
        lap("disagree_ms")
        return Briefing(
            cluster=cluster,
            title=headline(cluster.documents, ordered),
            sentences=tuple(cited),
            removed=tuple(removed),
            disagreements=tuple(disagreements),
            facts=facts,
            timings=timings,
        )


def as_documents(documents: Iterable[str | Document]) -> tuple[Document, ...]:
    out = []
    for i, d in enumerate(documents):
        if isinstance(d, Document):
            out.append(d)
        elif isinstance(d, str):
            out.append(document_from_text(d, f"document {i + 1}"))
        else:
            raise NewsfuseError(f"document {i}: expected a string or Document, got {type(d).__name__}")
    return tuple(out)
