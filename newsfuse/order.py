"""Put the chosen sentences in a readable order.

Sentences appear in the order of the story as the sources tell it: by relative position
in their article (the lead first), then by document. Sentences from one paragraph stay in
their original order.
"""
from __future__ import annotations

from newsfuse.types import Sentence


def order_sentences(chosen: list[Sentence], document_lengths: dict[int, int]) -> list[Sentence]:
    def relative_position(sentence: Sentence) -> tuple[float, int, int]:
        length = max(document_lengths.get(sentence.document, 1), 1)
        return (sentence.position / length, sentence.document, sentence.position)

    ordered = sorted(chosen, key=relative_position)
    # Keep each document's sentences in their original order, whatever the interleaving.
    by_document: dict[int, list[Sentence]] = {}
    for sentence in sorted(chosen, key=lambda s: (s.document, s.position)):
        by_document.setdefault(sentence.document, []).append(sentence)
    return [by_document[s.document].pop(0) for s in ordered]
