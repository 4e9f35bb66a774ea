"""Choose the sentences of the briefing.

What matters is what several outlets report. Two signals capture it:
- concept coverage (after Gillick & Favre, 2009): the concepts of a cluster are its
  stemmed word bigrams, each weighted by the number of documents that use it (bigrams
  used by one document only weigh nothing when there are several). A summary should
  cover as much concept weight as it can per word, and covering a concept twice gains
  nothing, which also keeps repetition out;
- sentence salience: support in the other documents (how closely their best-matching
  sentence says the same), closeness to the cluster centroid, and a lead-position prior
  (which leads when there is a single document).
Sentences are taken greedily by concept gain per word plus salience minus similarity to
the sentences already chosen, skipping any that repeat a chosen sentence (TF-IDF, or MiniLM
when a model is loaded) or overflow the budget.

Cost: concepts and TF-IDF are linear in the words of the cluster; support is one sparse
product over the candidates, capped at `MAX_CANDIDATES`; each greedy step scans the
candidates once, so the whole is O(candidates × chosen). The embedding model sees only
the sentences the greedy loop is about to choose.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.represent import STOP_WORDS, TOKEN_RE, Encoder, lexical_vectors, stem
from newsfuse.segment import is_summary_worthy
from newsfuse.types import Sentence

MAX_CANDIDATES = 2_000
LEXICAL_DUPLICATE = 0.5  # TF-IDF cosine above which two sentences say the same thing
SEMANTIC_DUPLICATE = 0.8  # MiniLM cosine above which two sentences say the same thing
POSITION_WEIGHT = 0.5
# Maximal marginal relevance (Carbonell & Goldstein, 1998): salience counts for less the
# closer a sentence is to one already chosen, so paraphrases of it fall behind.
REDUNDANCY_WEIGHT = 1.0
# With one document there is no cross-document signal, and news is written most important
# first: the writer's order leads (on the single-article Multi-News clusters Lead beat us).
SINGLE_DOCUMENT_POSITION_WEIGHT = 10.0

Concept = tuple[str, str]


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


def concepts(text: str) -> set[Concept]:
    """Stemmed word bigrams, except those made only of stop words."""
    tokens = [stem(t.lower()) for t in TOKEN_RE.findall(text)]
    return {(a, b) for a, b in zip(tokens, tokens[1:]) if a not in STOP_WORDS or b not in STOP_WORDS}


def concept_weights(sentences: list[Sentence], found: list[set[Concept]]) -> dict[Concept, float]:
    """Each concept's document frequency (`found`: each sentence's concepts); with several
    documents, only shared concepts count."""
    by_document: dict[int, set[Concept]] = {}
    for s, sentence_concepts in zip(sentences, found):
        by_document.setdefault(s.document, set()).update(sentence_concepts)
    frequency = Counter(c for found in by_document.values() for c in found)
    minimum = 2 if len(by_document) > 1 else 1
    return {c: float(n) for c, n in frequency.items() if n >= minimum}


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


def salience(sentences: list[Sentence], vectors: sparse.csr_matrix) -> np.ndarray:
    """One score per sentence; higher means more central to what the sources report."""
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = vectors @ (centroid / norm) if norm else np.zeros(len(sentences))
    documents = np.array([s.document for s in sentences])
    support = cross_document_support(vectors, documents)
    weight = POSITION_WEIGHT if len(np.unique(documents)) > 1 else SINGLE_DOCUMENT_POSITION_WEIGHT
    return centrality + support + weight * position_prior(sentences)


def candidate_sentences(sentences: list[Sentence]) -> list[Sentence]:
    candidates = [s for s in sentences if is_summary_worthy(s)]
    if not candidates:
        # A cluster of fragments: better a short briefing of what there is than none.
        candidates = [s for s in sentences if s.words >= 3]
    # Earliest sentences of every document first, so a cap keeps each document's lead.
    return sorted(candidates, key=lambda s: (s.position, s.document))[:MAX_CANDIDATES]


def select_sentences(
    sentences: list[Sentence], budget: Budget, encoder: Encoder | None = None
) -> list[Sentence]:
    """The briefing's sentences, in choice order (most valuable first)."""
    candidates = candidate_sentences(sentences)
    if not candidates:
        return []
    found = {id(s): concepts(s.text) for s in sentences}
    weights = concept_weights(sentences, list(found.values()))
    candidate_concepts = [found[id(s)] & weights.keys() for s in candidates]
    vectors = lexical_vectors([s.text for s in candidates])
    scores = salience(candidates, vectors)
    words = np.array([max(s.words, 1) for s in candidates], dtype=float)

    covered: set[Concept] = set()
    chosen: list[int] = []
    open_ = np.ones(len(candidates), dtype=bool)
    value = _values(candidate_concepts, weights, covered, words, scores)
    redundancy = np.zeros(len(candidates))  # each candidate's highest similarity to a chosen sentence
    while open_.any() and not budget.is_full([candidates[j] for j in chosen]):
        best = int(np.argmax(np.where(open_, value - REDUNDANCY_WEIGHT * redundancy, -np.inf)))
        open_[best] = False
        if not budget.admits([candidates[j] for j in chosen], candidates[best]):
            continue
        if chosen and _repeats(best, chosen, candidates, vectors, encoder):
            continue
        chosen.append(best)
        covered |= candidate_concepts[best]
        value = _values(candidate_concepts, weights, covered, words, scores)
        redundancy = np.maximum(redundancy, (vectors @ vectors[best].T).toarray().ravel())
    return [candidates[j] for j in chosen]


def _values(candidate_concepts, weights, covered, words, scores) -> np.ndarray:
    """Concept weight not yet covered, per word, plus salience."""
    gains = np.array([sum(weights[c] for c in found - covered) for found in candidate_concepts])
    return gains / words + scores


def _repeats(i: int, chosen: list[int], candidates: list[Sentence], vectors: sparse.csr_matrix,
             encoder: Encoder | None) -> bool:
    if (vectors[chosen] @ vectors[i].T).toarray().max() >= LEXICAL_DUPLICATE:
        return True
    if encoder is None:
        return False
    embedded = encoder.encode([candidates[j].text for j in [*chosen, i]])
    return float((embedded[:-1] @ embedded[-1]).max()) >= SEMANTIC_DUPLICATE
