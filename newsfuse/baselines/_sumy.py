"""Run a sumy summarizer on our sentences and read back its full ranking.

sumy's own parsers need nltk's punkt data, which is not installed offline; we build its
document model directly from our sentences instead, with sumy's English stemmer and stop
words, so the peers are the real sumy algorithms on the same input.
"""
from __future__ import annotations

import re

from newsfuse.types import Sentence

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class _WordTokenizer:
    language = "english"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(WORD_RE.findall(text))


def sumy_rank(summarizer_class, sentences: list[Sentence]) -> list[Sentence]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    if not sentences:
        return []
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _WordTokenizer()
    wrapped = [SumySentence(s.text, tokenizer) for s in sentences]
    document = ObjectDocumentModel([Paragraph(wrapped)])
    by_rating: list = []

    def keep_all(infos):  # sumy passes the rating-sorted sentence infos to its count
        by_rating.extend(infos)
        return infos

    summarizer(document, keep_all)
    first_by_text: dict[str, Sentence] = {}
    for s in sentences:
        first_by_text.setdefault(s.text.strip(), s)
    ranked = [first_by_text[str(info.sentence)] for info in by_rating]
    return list(dict.fromkeys(ranked))
