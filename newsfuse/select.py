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
The weights of these signals are fitted on the Multi-News training clusters.

Every sentence of a briefing must stand on its own (a reader cannot click through to find who
"he" is): one that opens with a pronoun, a demonstrative, a connective or a definite
back-reference, or a quotation that names no speaker, is chosen only with the sentences
before it (one unit), right after its antecedent once that is chosen, or without a leading
connective that can go ("However, ..." with the cut recorded). On dev this took dangling
openings from 13.4% of summary sentences to none, for 0.2 ROUGE-2 (`newsfuse evaluate`).

Cost: each sentence is tokenised once; concepts and TF-IDF are then counted with numpy over
integer word ids, and the candidates' pairwise similarities are one sparse product (candidates
capped at `MAX_CANDIDATES`). Each greedy step is one pass over the coverage matrix, so the
whole is O(words + candidates × chosen). The embedding model sees only the sentences the
greedy loop is about to choose, and only when they share words with one chosen already.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from importlib.resources import files

import numpy as np
from scipy import sparse

from newsfuse.represent import STOP_WORDS, Encoder, lexical_vectors, stem, tfidf_matrix, tokenize
from newsfuse.segment import closes_earlier_quotation, is_summary_worthy, quotation_units
from newsfuse.types import Document, Sentence, has_cjk

MAX_CANDIDATES = 2_000
LEXICAL_DUPLICATE = 0.5  # TF-IDF cosine above which two sentences say the same thing
SEMANTIC_DUPLICATE = 0.8  # MiniLM cosine above which two sentences say the same thing
# TF-IDF cosine below which the model is not asked (it costs 10 ms a sentence). On 120 dev
# clusters the model found 5 repeats below 0.2: true ones at 0.17 and 0.19, and three that were
# only on the same topic at 0.09, 0.13 and 0.16.
PARAPHRASE_SHORTLIST = 0.15
# The weights of the signals in a sentence's value (per word: concept gain; per sentence:
# centrality, support, position prior, brought context, cut connective, an opening quotation
# mark (what someone said: the reference summaries quote the sources), and redundancy: maximal
# marginal relevance, Carbonell & Goldstein 1998, the highest similarity to a sentence chosen
# already, so that paraphrases fall behind), fitted on the Multi-News training clusters by
# `benchmarks/fit_selection.py`.
WEIGHTS: dict[str, float] = json.loads((files("newsfuse") / "selection_weights.json").read_text())["weights"]
# With one document there is no cross-document signal, and news is written most important
# first: the writer's order leads (on the single-article Multi-News clusters Lead beat us).
SINGLE_DOCUMENT_POSITION_WEIGHT = 10.0
# The position prior falls by a factor e every POSITION_DECAY sentences (on the multi-document train
# clusters, 1/√(1 + position) gave 41.38 / 13.18 ROUGE-1/2, exp(-position / 6) 41.41 / 13.31;
# decays 4, 5, 8 and 10 gave no more).
POSITION_DECAY = 6.0
BREAK_WORD = "\0"  # between texts tokenised together: a word of its own, found in no sentence

# A sentence that opens with a pronoun, a demonstrative, a connective or a definite
# back-reference ("The 8,000 figure", "the two men", "The estimates are for ...") leans on the
# sentence before it: alone in a briefing, its "he" or "however" points at nothing. (Not "The
# 2015 election": a year; not "The number of dead": it says which number; "Which is all a big deal"
# is a fragment, "Which team won?" a question.)
NEEDS_CONTEXT_RE = re.compile(
    r"[\"“‘']?(?:He|She|They|It|His|Her|Their|Its|Him|Them|This|These|That|Those|But|However|Also|And|Yet|"
    r"Still|Meanwhile|Both|Such|Instead|Then|Moreover|Furthermore|Nevertheless|Nonetheless|Thus|Hence|"
    r"Similarly|Likewise|Therefore|Indeed|Besides|Otherwise|Nor|Plus|Which(?![^?]*\?\W*$)|"
    r"The (?:former|latter|same|other|two|three|four|five|six|(?!(?:1[89]|20)\d\d\b)\d[\d,.]*)|"
    r"The (?:figures?|estimates?|numbers?)\b(?! of))\b"
    # "Speaking to reporters on Tuesday, he confirmed ...": a pronoun after an opening phrase (but
    # "When Pasztor was able to ..., she": the clause names her)
    r"|[\"“‘']?(?!(?:When|After|Before|Because|As|If|Although|While|Since|Once|Until) [A-Z])"
    r"[A-Z][^,\"“”.;:]{0,80}, (?:he|she|they|his|her|their) ")
# Connectives that only link to what came before: cut, the rest still says what it said.
CONNECTIVES = ("But", "However", "Also", "And", "Yet", "Still", "Meanwhile", "Moreover", "Furthermore", "Nevertheless",
               "Nonetheless", "Instead")
CONNECTIVE_RE = re.compile(rf"(?:{'|'.join(CONNECTIVES)}),? ")
CONNECTIVE_WORDS = {c.lower() for c in CONNECTIVES}
QUOTE_MARKS = "\"“”‘’'"
# Quoted words; a ’ followed by a letter is an apostrophe ("don’t"), not the closing mark.
QUOTED_RE = re.compile(r'"[^"]*"|“[^”]*”|‘(?:[^’]|’(?=\w))*’')
SAYING_RE = re.compile(r"\b(?:said|says|say|told|tells|according|added|adds|wrote|writes|tweeted|asked|explained|"
                       r"continued|stated|recalled|insisted|noted|argued|warned|declared)\b", re.IGNORECASE)
MAX_CONTEXT = 2  # antecedent sentences a sentence may bring along
SPEAKER_WORDS = 6  # a sentence names the speaker of the quotation before it when it opens so: "Smith told reporters"


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
    """exp(-position / POSITION_DECAY): flatter than 1/√(1 + position) over the first few
    sentences, which say as much of the reference as the lead does, and steeper after them."""
    return np.exp(-np.array([s.position for s in sentences], dtype=float) / POSITION_DECAY)


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


def salience_signals(sentences: list[Sentence], similarity: np.ndarray) -> dict[str, np.ndarray]:
    """What makes each sentence central to what the sources report: closeness to the centroid,
    support in the other documents and a lead-position prior. `similarity`: pairwise cosines."""
    # Closeness to the centroid c of the rows: v_i·c/|c| = Σ_j sim_ij / √(Σ_jk sim_jk), from
    # the similarities already computed.
    total = similarity.sum()
    centrality = similarity.sum(axis=1) / np.sqrt(total) if total > 0 else np.zeros(len(sentences))
    documents = np.array([s.document for s in sentences])
    support = cross_document_support(similarity, documents)
    return {"centrality": centrality, "support": support,
            "position": position_prior(sentences) * document_relevance(support, documents)}


def document_relevance(support: np.ndarray, documents: np.ndarray) -> np.ndarray:
    """Per sentence, how much its document shares with the others, √(its mean support / the
    highest): a lead is the lead of this story only as far as its document tells this story
    (Multi-News clusters hold off-topic pages; on train +0.3 ROUGE-1 and +0.1 ROUGE-2)."""
    present, index = np.unique(documents, return_inverse=True)
    if len(present) < 2:
        return np.ones(len(documents))
    mean = np.bincount(index, weights=support) / np.bincount(index)
    return np.sqrt(mean / mean.max())[index] if mean.max() > 0 else np.ones(len(documents))


def is_bare_quote(text: str) -> bool:
    """A quotation with no speaker in it: who says so is in a sentence around it. A verb of
    saying names a speaker only outside the quoted words ("...what people are going to say"),
    and only with a word that is not a pronoun or a connective ("Furthermore, he noted, ...":
    who is he?)."""
    if not (text[:1] in QUOTE_MARKS and text.rstrip(".!?,")[-1:] in QUOTE_MARKS):
        return False
    outside = QUOTED_RE.sub(" ", text)
    return not SAYING_RE.search(outside) or all(
        w in STOP_WORDS or w in CONNECTIVE_WORDS or SAYING_RE.fullmatch(w) for w in re.findall(r"\w+", outside.lower()))


def needs_context(text: str) -> bool:
    return bool(NEEDS_CONTEXT_RE.match(text)) or is_bare_quote(text)


def context_units(sentences: list[Sentence]) -> list[Sentence]:
    """For each sentence that needs context, the versions of it that stand on their own: with
    the sentences before it in its article back to one that stands alone (at most
    `MAX_CONTEXT`), as one unit; a bare quotation also with the next sentence when that one
    says who spoke; and without a leading connective when the rest opens a sentence.
    `sentences` in document order; a unit takes its first sentence's place."""
    units = []
    for i, sentence in enumerate(sentences):
        text = sentence.text
        if not needs_context(text):
            continue
        first = i
        while (first > 0 and i - first < MAX_CONTEXT and _follows(sentences[first - 1], sentences[first])
               and (first == i or needs_context(sentences[first].text))):
            first -= 1
        if first < i and not needs_context(sentences[first].text) and not closes_earlier_quotation(sentences[first].text):
            units.append(_joined(sentences[first:i + 1]))  # (a quotation's tail is no sentence to start from)
        if is_bare_quote(text) and i + 1 < len(sentences) and _follows(sentence, sentences[i + 1]) \
                and SAYING_RE.search(" ".join(sentences[i + 1].text.split()[:SPEAKER_WORDS])):
            units.append(_joined(sentences[i:i + 2]))
        connective = CONNECTIVE_RE.match(text)
        if connective:
            rest = text[connective.end():]
            if rest[:1].isupper() and not needs_context(rest):
                units.append(replace(sentence, text=rest, cut=connective.group().strip()))
    return units


def _follows(before: Sentence, sentence: Sentence) -> bool:
    return before.document == sentence.document and before.position + 1 == sentence.position


def _joined(run: list[Sentence]) -> Sentence:
    return replace(run[0], text=" ".join(s.text for s in run))


def candidate_sentences(sentences: list[Sentence]) -> list[Sentence]:
    candidates = [s for s in sentences if is_summary_worthy(s)]
    if not candidates:
        # A cluster of fragments: better a short briefing of what there is than none.
        candidates = [s for s in sentences if s.words >= 3]
    # Earliest sentences of every document first, so a cap keeps each document's lead.
    return sorted(candidates, key=lambda s: (s.position, s.document))[:MAX_CANDIDATES]


@dataclass(frozen=True)
class Pool:
    """The candidates of a cluster and what the greedy choice needs of them."""

    candidates: list[Sentence]
    sentences: list[Sentence]  # the cluster's sentences and units, candidates among them
    coverage: Coverage
    similarity: np.ndarray  # the candidates' pairwise TF-IDF cosines
    signals: dict[str, np.ndarray]  # per candidate, the fixed signals of `WEIGHTS` (all but "gain")
    lengths: np.ndarray

    @classmethod
    def of(cls, sentences: list[Sentence]) -> Pool | None:
        # Multi-sentence quotations, and sentences with the context they need, compete as whole
        # units; their words count once per document. A sentence that needs context is a
        # candidate only right after its context (`select_sentences`).
        context = context_units(sentences)
        brought = {id(u) for u in context if not u.cut}
        sentences = sentences + quotation_units(sentences) + context
        candidates = candidate_sentences(sentences)
        if not candidates:
            return None
        words = Words.of(sentences)
        index = {id(s): i for i, s in enumerate(sentences)}
        rows = np.array([index[id(s)] for s in candidates])
        coverage = concept_coverage(words, np.array([s.document for s in sentences]), rows)
        if any(has_cjk(s.text) for s in candidates):  # written without spaces: character bigrams
            vectors = lexical_vectors([s.text for s in candidates])
        else:
            vectors = words.tfidf(rows)
        similarity = (vectors @ vectors.T).toarray()
        signals = salience_signals(candidates, similarity)
        signals["context"] = np.array([id(c) in brought for c in candidates], dtype=float)
        signals["cut"] = np.array([bool(c.cut) for c in candidates], dtype=float)
        signals["quotation"] = np.array([c.text[:1] in QUOTE_MARKS for c in candidates], dtype=float)
        lengths = np.array([max(s.words, 1) for s in candidates], dtype=float)
        return cls(candidates, sentences, coverage, similarity, signals, lengths)


def select_sentences(
    sentences: list[Sentence], budget: Budget, encoder: Encoder | None = None, weights: dict | None = None
) -> list[Sentence]:
    """The briefing's sentences, in choice order (most valuable first). `weights`: of the
    selection signals, `WEIGHTS` (fitted on training data) unless given."""
    pool = Pool.of(sentences)
    if pool is None:
        return []
    weights = dict(weights or WEIGHTS)
    if len({s.document for s in sentences}) == 1:
        weights["position"] = SINGLE_DOCUMENT_POSITION_WEIGHT
    candidates, coverage, similarity, lengths = pool.candidates, pool.coverage, pool.similarity, pool.lengths
    scores = sum(weights[name] * signal for name, signal in pool.signals.items())

    chosen: list[int] = []
    picked: list[Sentence] = []
    # A sentence that needs context waits until the sentence before it is chosen; it is then
    # joined to it, so that it follows it in the briefing.
    waiting = np.array([needs_context(c.text) for c in candidates])
    open_ = ~waiting
    taken = np.zeros(len(candidates), dtype=bool)  # overlaps a chosen sentence
    ending = {}  # (document, last position) of each picked unit -> its index in `picked`
    uncovered = coverage.weight.copy()  # weight still to gain per concept: 0 once covered
    covering_row = np.repeat(np.arange(len(candidates)), np.diff(coverage.starts))
    redundancy = np.zeros(len(candidates))  # each candidate's highest similarity to a chosen sentence
    # Units share sentences with the sentences they are made of: what overlaps a chosen one
    # would repeat it.
    document, first, last = spans(candidates, pool.sentences)
    while not budget.is_full(picked):
        open_ &= lengths <= budget.room(picked)  # what no longer fits never will
        if not open_.any():
            break
        gains = np.bincount(covering_row, weights=uncovered[coverage.concepts], minlength=len(candidates))
        value = weights["gain"] * gains / lengths + scores - weights["redundancy"] * redundancy
        best = int(np.argmax(np.where(open_, value, -np.inf)))
        open_[best] = False
        if chosen and repeats(best, chosen, candidates, similarity, encoder):
            continue
        before = ending.get((document[best], first[best] - 1)) if waiting[best] else None
        if before is not None:
            joined = replace(picked[before], text=f"{picked[before].text} {candidates[best].text}")
            if is_bare_quote(joined.text):  # the end of a quotation whose opening named no speaker
                continue
            picked[before] = joined
            del ending[(document[best], first[best] - 1)]
        else:
            picked.append(candidates[best])
            before = len(picked) - 1
        chosen.append(best)
        ending[(document[best], last[best])] = before
        uncovered[coverage.of(best)] = 0.0
        taken |= (document == document[best]) & (last >= first[best]) & (first <= last[best])
        open_ &= ~taken
        open_ |= waiting & ~taken & (document == document[best]) & (first == last[best] + 1)
        redundancy = np.maximum(redundancy, similarity[best])
    return picked


def headline(documents: tuple[Document, ...], chosen: list[Sentence]) -> str:
    """The briefing's title: of the sources' titles, verbatim, the one closest in words to the
    chosen sentences (the most central to what the briefing says); without titles, the lead
    sentence (the first chosen in reading order)."""
    titles = list(dict.fromkeys(d.title.strip() for d in documents if d.title.strip()))
    if not titles or not chosen:
        return titles[0] if titles else (chosen[0].text if chosen else "")
    vectors = lexical_vectors([" ".join(s.text for s in chosen), *titles])
    return titles[int(np.argmax((vectors[1:] @ vectors[0].T).toarray().ravel()))]


def spans(candidates: list[Sentence], sentences: list[Sentence]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each candidate's document and first and last sentence position (a unit's text is its
    sentences joined by spaces)."""
    length: dict[tuple[int, int], int] = {}
    for s in sentences:  # the sentences themselves come before the units made of them
        length.setdefault((s.document, s.position), len(s.text))
    last = []
    for c in candidates:
        position, covered = c.position, length.get((c.document, c.position), 0)
        while covered < len(c.text) and (c.document, position + 1) in length:
            position += 1
            covered += 1 + length[(c.document, position)]
        last.append(position)
    return (np.array([c.document for c in candidates]), np.array([c.position for c in candidates]),
            np.array(last))


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
