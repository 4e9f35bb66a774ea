"""Cite, for every summary sentence, each document that reports the same content.

A sentence always cites the document it was taken from. Another document supports it
when one of its sentences says the same thing: nearly the same words (TF-IDF cosine), or,
with an embedding model, the same meaning (MiniLM cosine). A supporting sentence must also
agree on the facts that paraphrase detectors miss: it must contain the sentence's numbers
and must not differ in negation.
"""
from __future__ import annotations

import re

import numpy as np

from newsfuse.represent import Encoder, lexical_vectors
from newsfuse.types import Citation, Sentence, SummarySentence

LEXICAL_SUPPORT = 0.55  # near-duplicate wording: support without asking the model
LEXICAL_SHORTLIST = 0.2  # below this, no paraphrase is likely: not worth embedding
SEMANTIC_SUPPORT = 0.78
NUMBER_RE = re.compile(r"\d[\d,.]*\d|\d")
NEGATION_RE = re.compile(
    r"\b(not|no|never|neither|nor|none|denied|denies|prevented|foiled|repelled|failed|n't)\b|n't\b",
    re.IGNORECASE,
)


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in NUMBER_RE.findall(text)}


def facts_agree(claim: str, support: str) -> bool:
    """Whether `support` can back `claim`: same numbers present, same polarity."""
    if not numbers_in(claim) <= numbers_in(support):
        return False
    return bool(NEGATION_RE.search(claim)) == bool(NEGATION_RE.search(support))


def attribute(
    chosen: list[Sentence], sentences: list[Sentence], encoder: Encoder | None = None
) -> list[SummarySentence]:
    """Citations for each chosen sentence, its own document first."""
    if not chosen:
        return []
    texts = [s.text for s in chosen] + [s.text for s in sentences]
    vectors = lexical_vectors(texts)
    lexical = (vectors[: len(chosen)] @ vectors[len(chosen) :].T).toarray()
    shortlists: list[dict[int, int]] = []  # per chosen sentence: document -> best sentence index
    for row, sentence in enumerate(chosen):
        best: dict[int, int] = {}
        for j in np.argsort(-lexical[row]):
            other = sentences[j]
            if lexical[row, j] < LEXICAL_SHORTLIST:
                break
            if other.document != sentence.document and other.document not in best and facts_agree(sentence.text, other.text):
                best[other.document] = int(j)
        shortlists.append(best)

    semantic = _semantic_similarities(chosen, sentences, shortlists, lexical, encoder)
    result = []
    for row, sentence in enumerate(chosen):
        citations = [Citation(document=sentence.document, text=sentence.text, similarity=1.0)]
        for document, j in sorted(shortlists[row].items()):
            similarity = max(lexical[row, j], semantic.get((row, j), 0.0))
            threshold_met = lexical[row, j] >= LEXICAL_SUPPORT or semantic.get((row, j), 0.0) >= SEMANTIC_SUPPORT
            if threshold_met:
                citations.append(Citation(document=document, text=sentences[j].text, similarity=round(float(similarity), 3)))
        result.append(SummarySentence(sentence=sentence, citations=tuple(citations)))
    return result


def _semantic_similarities(chosen, sentences, shortlists, lexical, encoder) -> dict[tuple[int, int], float]:
    if encoder is None:
        return {}
    # Near-duplicate wording is support already; only the pairs between need the model.
    pairs = [(row, j) for row, best in enumerate(shortlists) for j in best.values() if lexical[row, j] < LEXICAL_SUPPORT]
    if not pairs:
        return {}
    needed = list(dict.fromkeys([chosen[row].text for row, _ in pairs] + [sentences[j].text for _, j in pairs]))
    vectors = dict(zip(needed, encoder.encode(needed)))
    return {(row, j): float(vectors[chosen[row].text] @ vectors[sentences[j].text]) for row, j in pairs}
