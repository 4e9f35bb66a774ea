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
when a model is loaded) or overflow the budget. A quotation that runs over several sentences
is one candidate, whole (on the Multi-News dev clusters, +0.6 ROUGE-2: reporters quote).

Cost: each sentence is tokenised once; concepts and TF-IDF are then counted with numpy over
integer word ids, and the candidates' pairwise similarities are one sparse product (candidates
capped at `MAX_CANDIDATES`). Each greedy step is one pass over the coverage matrix, so the
whole is O(words + candidates × chosen). The embedding model sees only the sentences the
greedy loop is about to choose, and only when they share words with one chosen already.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.represent import STOP_WORDS, Encoder, lexical_vectors, stem, tfidf_matrix, tokenize
from newsfuse.segment import is_summary_worthy, quotation_units
from newsfuse.types import Sentence, has_cjk

MAX_CANDIDATES = 2_000
LEXICAL_DUPLICATE = 0.5  # TF-IDF cosine above which two sentences say the same thing
SEMANTIC_DUPLICATE = 0.8  # MiniLM cosine above which two sentences say the same thing
# TF-IDF cosine below which the model is not asked (it costs 10 ms a sentence). On 120 dev
# clusters the model found 5 repeats below 0.2: true ones at 0.17 and 0.19, and three that were
# only on the same topic at 0.09, 0.13 and 0.16.
PARAPHRASE_SHORTLIST = 0.15
POSITION_WEIGHT = 0.5
# Maximal marginal relevance (Carbonell & Goldstein, 1998): salience counts for less the
# closer a sentence is to one already chosen, so paraphrases of it fall behind.
REDUNDANCY_WEIGHT = 1.0
# With one document there is no cross-document signal, and news is written most important
# first: the writer's order leads (on the single-article Multi-News clusters Lead beat us).
SINGLE_DOCUMENT_POSITION_WEIGHT = 10.0
BREAK_WORD = "\0"  # between texts tokenised together: a word of its own, found in no sentence


@dataclass(frozen=True)
class Budget:
    """The size of a summary: a word budget, or a sentence count when `sentences` is set."""

    words: int = 250
    sentences: int | None = None

    def room(self, chosen: list[Sentence]) -> float:
        """How many more words fit (any number while a sentence count is not reached)."""
        if self.sentences is not None:
            return float("inf") if len(chosen) < self.sentences else 0.0
        return self.words - sum(s.words for s in chosen)

    def is_full(self, chosen: list[Sentence]) -> bool:
        if self.sentences is not None:
            return len(chosen) >= self.sentences
        return sum(s.words for s in chosen) >= self.words - 5


@dataclass(frozen=True)
class Words:
    """The words of a list of sentences as integer arrays, so that concepts and TF-IDF are
    counted with numpy rather than word by word in Python."""

    stem_ids: np.ndarray  # per word occurrence: the id of its stem
    owner: np.ndarray  # per word occurrence: the index of its sentence
    is_content: np.ndarray  # per word occurrence: not a stop word nor a single letter
    stop_stems: np.ndarray  # per stem id: whether the stem is a stop word
    n_sentences: int

    @classmethod
    def of(cls, sentences: list[Sentence]) -> Words:
        # One tokenize call over all the texts, with a break word between them to tell whose
        # each word is: a call per sentence costs twice as much.
        texts = f" {BREAK_WORD} ".join(s.text for s in sentences)
        if texts.count(BREAK_WORD) != len(sentences) - 1:  # texts with NUL characters of their own
            texts = f" {BREAK_WORD} ".join(s.text.replace(BREAK_WORD, "") for s in sentences)
        flat = tokenize(texts)
        vocabulary = {w: i for i, w in enumerate(dict.fromkeys([BREAK_WORD, *flat]))}  # the break is word 0
        ids = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
        is_word = ids != 0
        word_ids = ids[is_word]
        stem_of_each = list(map(stem, vocabulary))
        stems = {st: i for i, st in enumerate(dict.fromkeys(stem_of_each))}
        stem_of_word = np.fromiter(map(stems.__getitem__, stem_of_each), dtype=np.int64, count=len(stem_of_each))
        content_word = np.array([w not in STOP_WORDS and len(w) > 1 for w in vocabulary], dtype=bool)
        return cls(
            stem_ids=stem_of_word[word_ids],
            owner=np.cumsum(~is_word)[is_word],
            is_content=content_word[word_ids],
            stop_stems=np.array([st in STOP_WORDS for st in stems], dtype=bool),
            n_sentences=len(sentences),
        )

    def concepts(self) -> tuple[np.ndarray, np.ndarray]:
        """Every concept occurrence: (sentence index, concept code). A concept is a pair of
        consecutive stems of one sentence, unless both are stop words."""
        first, second = self.stem_ids[:-1], self.stem_ids[1:]
        keep = (self.owner[:-1] == self.owner[1:]) & ~(self.stop_stems[first] & self.stop_stems[second])
        return self.owner[:-1][keep], first[keep] * len(self.stop_stems) + second[keep]

    def tfidf(self, rows: np.ndarray) -> sparse.csr_matrix:
        """`lexical_vectors` of the sentences `rows`, in that order, from the words found already."""
        row_of_sentence = np.full(self.n_sentences, -1)
        row_of_sentence[rows] = np.arange(len(rows))
        row = row_of_sentence[self.owner]
        keep = (row >= 0) & self.is_content
        n_stems = len(self.stop_stems)
        pairs, counts = np.unique(row[keep] * n_stems + self.stem_ids[keep], return_counts=True)
        pair_rows, pair_stems = pairs // n_stems, pairs % n_stems
        frequency = np.bincount(pair_stems, minlength=n_stems)
        return tfidf_matrix(pair_rows, pair_stems, counts, frequency, len(rows), len(rows), idf_offset=1.0)


@dataclass(frozen=True)
class Coverage:
    """Which concepts each candidate covers, in compressed-row layout (candidate i covers
    `concepts[starts[i]:starts[i + 1]]`, once each), and each concept's weight."""

    starts: np.ndarray
    concepts: np.ndarray
    weight: np.ndarray

    def of(self, candidate: int) -> np.ndarray:
        return self.concepts[self.starts[candidate]:self.starts[candidate + 1]]


def concept_coverage(words: Words, documents: np.ndarray, candidates: np.ndarray) -> Coverage:
    """What the candidates cover. A concept weighs the number of documents that use it; with
    several documents, concepts of one document only are left out.
    `documents`: each sentence's document; `candidates`: the sentences to cover with."""
    sentence, code = words.concepts()
    codes, concept = np.unique(code, return_inverse=True)
    used = np.unique(documents[sentence] * len(codes) + concept) % max(len(codes), 1)  # once per (document, concept)
    frequency = np.bincount(used, minlength=len(codes))
    weighted = frequency >= (2 if len(np.unique(documents)) > 1 else 1)
    row_of_sentence = np.full(words.n_sentences, -1)
    row_of_sentence[candidates] = np.arange(len(candidates))
    rows = row_of_sentence[sentence]
    found = (rows >= 0) & weighted[concept]
    width = max(len(codes), 1)
    cells = np.unique(rows[found] * width + concept[found])  # sorted by row, then concept
    starts = np.concatenate(([0], np.cumsum(np.bincount(cells // width, minlength=len(candidates)))))
    return Coverage(starts, cells % width, np.where(weighted, frequency, 0).astype(float))


def position_prior(sentences: list[Sentence]) -> np.ndarray:
    return 1.0 / np.sqrt(1.0 + np.array([s.position for s in sentences], dtype=float))


def cross_document_support(similarity: np.ndarray, documents: np.ndarray) -> np.ndarray:
    """For each sentence, the mean over the other documents of its best match there
    (`similarity`: the sentences' pairwise cosines)."""
    present = np.unique(documents)
    if len(present) < 2:
        return np.zeros(similarity.shape[0])
    support = np.zeros(similarity.shape[0])
    for document in present:
        in_document = documents == document
        best = similarity[:, in_document].max(axis=1)
        best[in_document] = 0.0
        support += best
    return support / (len(present) - 1)


def salience(sentences: list[Sentence], similarity: np.ndarray) -> np.ndarray:
    """One score per sentence; higher means more central to what the sources report.
    `similarity`: the sentences' pairwise cosines."""
    # Closeness to the centroid c of the rows: v_i·c/|c| = Σ_j sim_ij / √(Σ_jk sim_jk), from
    # the similarities already computed.
    total = similarity.sum()
    centrality = similarity.sum(axis=1) / np.sqrt(total) if total > 0 else np.zeros(len(sentences))
    documents = np.array([s.document for s in sentences])
    support = cross_document_support(similarity, documents)
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
    # Multi-sentence quotations compete as whole units; their words count once per document.
    sentences = sentences + quotation_units(sentences)
    candidates = candidate_sentences(sentences)
    if not candidates:
        return []
    words = Words.of(sentences)
    index = {id(s): i for i, s in enumerate(sentences)}
    rows = np.array([index[id(s)] for s in candidates])
    coverage = concept_coverage(words, np.array([s.document for s in sentences]), rows)
    if any(has_cjk(s.text) for s in candidates):  # written without spaces: character bigrams
        vectors = lexical_vectors([s.text for s in candidates])
    else:
        vectors = words.tfidf(rows)
    similarity = (vectors @ vectors.T).toarray()
    scores = salience(candidates, similarity)
    lengths = np.array([max(s.words, 1) for s in candidates], dtype=float)

    chosen: list[int] = []
    picked: list[Sentence] = []
    open_ = np.ones(len(candidates), dtype=bool)
    uncovered = coverage.weight.copy()  # weight still to gain per concept: 0 once covered
    covering_row = np.repeat(np.arange(len(candidates)), np.diff(coverage.starts))
    redundancy = np.zeros(len(candidates))  # each candidate's highest similarity to a chosen sentence
    while not budget.is_full(picked):
        open_ &= lengths <= budget.room(picked)  # what no longer fits never will
        if not open_.any():
            break
        gains = np.bincount(covering_row, weights=uncovered[coverage.concepts], minlength=len(candidates))
        value = gains / lengths + scores - REDUNDANCY_WEIGHT * redundancy
        best = int(np.argmax(np.where(open_, value, -np.inf)))
        open_[best] = False
        if chosen and repeats(best, chosen, candidates, similarity, encoder):
            continue
        chosen.append(best)
        picked.append(candidates[best])
        uncovered[coverage.of(best)] = 0.0
        redundancy = np.maximum(redundancy, similarity[best])
    return picked


def repeats(i: int, chosen: list[int], candidates: list[Sentence], similarity: np.ndarray,
            encoder: Encoder | None) -> bool:
    """The redundancy test: does candidate `i` say what one of `chosen` says? A TF-IDF cosine
    (`similarity`, candidates × candidates) at or above LEXICAL_DUPLICATE, or with a model a
    paraphrase at or above SEMANTIC_DUPLICATE. Also used by `updates.whats_new`."""
    if similarity[chosen, i].max() >= LEXICAL_DUPLICATE:
        return True
    if encoder is None:
        return False
    # Paraphrases share some words: only chosen sentences that do are worth a model call.
    similar = [j for j in chosen if similarity[j, i] >= PARAPHRASE_SHORTLIST]
    if not similar:
        return False
    embedded = encoder.encode([candidates[j].text for j in [*similar, i]])
    return float((embedded[:-1] @ embedded[-1]).max()) >= SEMANTIC_DUPLICATE
