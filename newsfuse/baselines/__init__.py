"""Baseline summarizers for comparison, one file per method, sharing one interface:

    rank(sentences: list[Sentence]) -> list[Sentence]   # most preferred first

They see the same cleaned, segmented sentences as newsfuse; `evaluate` fills the same
word budget from each ranking.
"""
from __future__ import annotations

from collections.abc import Callable

from newsfuse.types import Sentence

Ranker = Callable[[list[Sentence]], list[Sentence]]


def get_ranker(name: str) -> Ranker:
    if name == "lead":
        from newsfuse.baselines.lead import rank
    elif name == "lexrank":
        from newsfuse.baselines.lexrank import rank
    elif name == "textrank":
        from newsfuse.baselines.textrank import rank
    else:
        raise ValueError(f"unknown baseline {name!r} (choose lead, lexrank or textrank)")
    return rank
