"""Choose the sentences of the briefing.

Salience is what several outlets report: each candidate is scored by its support in the
other documents (how closely their best-matching sentence says the same), its closeness
to the cluster centroid, and a lead-position prior (news puts the key facts first).
Sentences are then taken greedily by score, skipping any that repeat a chosen sentence,
until the word budget or sentence count is reached.

Cost: building TF-IDF is linear in the words of the cluster; support needs one sparse
product over the candidate pool, which is capped at `MAX_CANDIDATES` sentences so large
clusters stay near linear; the embedding model sees only the top of the pool.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.represent import Encoder, lexical_vectors
from newsfuse.segment import is_summary_worthy
from newsfuse.types import Sentence

MAX_CANDIDATES = 2_000
EMBEDDED_CANDIDATES = 40
EMBEDDING_BATCH = 8
LEXICAL_DUPLICATE = 0.5  # TF-IDF cosine above which two sentences say the same thing
SEMANTIC_DUPLICATE = 0.8  # MiniLM cosine above which two sentences say the same thing


@dataclass(frozen=True)
class Budget:
    """The size of a summary: a word budget, or a sentence count when `sentences` is set."""

    words: int = 250
    sentences: int | None = None

    def admits(self, chosen: list[Sentence], candidate: Sentence) -> bool:
        if self.sentences is not None:
            return len(chosen) < self.sentences
        return sum(s.words for s in chosen) + candidate.words <= self.words

    def is_full(self, chosen: list[Sentence]) -> bool:
        if self.sentences is not None:
            return len(chosen) >= self.sentences
        return sum(s.words for s in chosen) >= self.words - 5


def position_prior(sentences: list[Sentence]) -> np.ndarray:
    return np.array([1.0 / np.sqrt(1.0 + s.position) for s in sentences])


def cross_document_support(vectors: sparse.csr_matrix, documents: np.ndarray) -> np.ndarray:
    """For each sentence, the mean over the other documents of its best match there."""
    n_documents = len(set(documents.tolist()))
    if n_documents < 2:
        return np.zeros(vectors.shape[0])
    similarity = (vectors @ vectors.T).toarray()
    support = np.zeros(vectors.shape[0])
    for document in np.unique(documents):
        in_document = documents == document
        best = similarity[:, in_document].max(axis=1)
        best[in_document] = 0.0
        support += best
    return support / (n_documents - 1)


def salience(sentences: list[Sentence]) -> np.ndarray:
    """One score per sentence; higher means more central to what the sources report."""
    vectors = lexical_vectors([s.text for s in sentences])
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = vectors @ (centroid / norm) if norm else np.zeros(len(sentences))
    documents = np.array([s.document for s in sentences])
    support = cross_document_support(vectors, documents)
    return centrality + support + 0.5 * position_prior(sentences)


def select_sentences(
    sentences: list[Sentence], budget: Budget, encoder: Encoder | None = None
) -> list[Sentence]:
    """The briefing's sentences, in choice order (most salient first)."""
    candidates = [s for s in sentences if is_summary_worthy(s)]
    if not candidates:
        # A cluster of fragments: better a short briefing of what there is than none.
        candidates = [s for s in sentences if s.words >= 3]
    if not candidates:
        return []
    candidates = sorted(candidates, key=lambda s: (s.position, s.document))[:MAX_CANDIDATES]
    scores = salience(candidates)
    ranked = [candidates[i] for i in np.argsort(-scores, kind="stable")]
    return greedy_non_redundant(ranked, budget, encoder)


def greedy_non_redundant(ranked: list[Sentence], budget: Budget, encoder: Encoder | None) -> list[Sentence]:
    """Take sentences best first, skipping those that repeat a chosen one or overflow the budget.

    Embeddings are computed lazily, a small batch at a time, for the sentences the loop
    actually reaches: the model is the expensive part of the pipeline.
    """
    pool = ranked[: max(EMBEDDED_CANDIDATES, 4 * (budget.sentences or budget.words // 20))]
    lexical = lexical_vectors([s.text for s in pool])
    semantic: list = []
    chosen: list[int] = []
    for i, sentence in enumerate(pool):
        chosen_sentences = [pool[j] for j in chosen]
        if budget.is_full(chosen_sentences):
            break
        if not budget.admits(chosen_sentences, sentence):
            continue
        if chosen and (lexical[chosen] @ lexical[i].T).toarray().max() >= LEXICAL_DUPLICATE:
            continue
        if chosen and encoder is not None and i < EMBEDDED_CANDIDATES:
            if i >= len(semantic):
                semantic.extend(encoder.encode([s.text for s in pool[len(semantic) : i + EMBEDDING_BATCH]]))
            if max(float(semantic[j] @ semantic[i]) for j in chosen if j < len(semantic)) >= SEMANTIC_DUPLICATE:
                continue
        chosen.append(i)
    return [pool[j] for j in chosen]
