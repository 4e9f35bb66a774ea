"""TextRank (Mihalcea & Tarau, 2004) as implemented by sumy."""
from __future__ import annotations

from newsfuse.baselines._sumy import sumy_rank
from newsfuse.types import Sentence


def rank(sentences: list[Sentence]) -> list[Sentence]:
    from sumy.summarizers.text_rank import TextRankSummarizer

    return sumy_rank(TextRankSummarizer, sentences)
