"""LexRank (Erkan & Radev, 2004) as implemented by sumy."""
from __future__ import annotations

from newsfuse.baselines._sumy import sumy_rank
from newsfuse.types import Sentence


def rank(sentences: list[Sentence]) -> list[Sentence]:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    return sumy_rank(LexRankSummarizer, sentences)
