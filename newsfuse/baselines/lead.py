"""Lead: the first sentence of each article, then the second of each, and so on (round robin)."""
from __future__ import annotations

from newsfuse.types import Sentence


def rank(sentences: list[Sentence]) -> list[Sentence]:
    return sorted(sentences, key=lambda s: (s.position, s.document))
