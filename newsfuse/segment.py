"""Split paragraphs into sentences.

A rule-based splitter tuned for news prose: it breaks after . ! ? (and any closing
quotes or brackets) when the next word starts a sentence, except after known
abbreviations (Mr., U.S., a.m., Ala.), initials and inside decimal numbers.
"""
from __future__ import annotations

import re

from newsfuse.types import Sentence

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cpl sgt adm cmdr gov sen rep rev
    pres supt insp det hon messrs mme mlle no nos vol vs etc inc ltd co corp bros dept est
    approx fig al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass
    mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo u.s u.k u.n u.s.a
    a.m p.m e.g i.e d.c ph.d
    """.split()
)
# Names written with "!" that do not end a sentence: "E! News", "Yahoo! Finance", "Jeopardy! host".
BANG_NAMES = frozenset({"e", "yahoo", "jeopardy"})
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
BOUNDARY_RE = re.compile(r"([.!?…]+[\"'”’)\]]*)(\s+)")
SENTENCE_START_RE = re.compile(r"[\"'“‘(\[]*[A-Z0-9À-ÖØ-Þ\u0370-\u03ff\u0400-\u04ff]")
WORD_BEFORE_RE = re.compile(r"([\w.'’-]+)$")
# Sentences glued together where a page lost its paragraph breaks: "...of Ebola.The CDC says".
GLUED_BOUNDARY_RE = re.compile(r"(?<=[a-z][.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][\"”’])(?=[A-Z][a-z])")
# Kana and Han only (not Hangul, which Korean writes with spaces): text where words are not space-separated.
UNSPACED_SCRIPT_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SENTENCE_END_MARKS = tuple(".!?。！？")
CLOSING_MARKS = "\"'”’)]"  # may follow the end mark: 'he said."', '(in 2014.)'
# Scripts that end sentences without a space (Chinese/Japanese full stops).
CJK_BOUNDARY_RE = re.compile(r"(?<=[。！？])")
MIN_SENTENCE_WORDS = 3


def _is_abbreviation(before: str) -> bool:
    match = WORD_BEFORE_RE.search(before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Single initials ("J. K. Rowling") and dotted acronyms ("U.S.", "N.Y.").
    return bool(re.fullmatch(r"[a-z]|([a-z]\.)+[a-z]", word))


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, verbatim (whitespace normalised)."""
    text = " ".join(paragraph.split())
    if not text:
        return []
    if GLUED_BOUNDARY_RE.search(text):
        return [s for part in GLUED_BOUNDARY_RE.split(text) for s in split_sentences(part)]
    sentences: list[str] = []
    start = 0
    for match in BOUNDARY_RE.finditer(text):
        end = match.end(1)
        rest = text[match.end():]
        if not rest or not SENTENCE_START_RE.match(rest):
            continue
        if match.group(1).startswith(".") and len(match.group(1).rstrip("\"'”’)]")) == 1:
            if _is_abbreviation(text[start:match.start(1)]):
                continue
        if match.group(1) == "!" and text[start:match.start(1)].rsplit(" ", 1)[-1].lower() in BANG_NAMES:
            continue
        sentences.append(text[start:end])
        start = match.end()
    sentences.append(text[start:])
    out = []
    for sentence in sentences:
        out.extend(s.strip() for s in CJK_BOUNDARY_RE.split(sentence) if s.strip())
    return out


def segment_document(paragraphs: list[str], document: int) -> list[Sentence]:
    sentences = []
    position = 0
    for paragraph_index, paragraph in enumerate(paragraphs):
        for text in split_sentences(paragraph):
            sentences.append(Sentence(text=text, document=document, position=position, paragraph=paragraph_index))
            position += 1
    return sentences


def is_summary_worthy(sentence: Sentence) -> bool:
    """Whether a sentence can stand alone in a briefing: long enough, a real sentence, not a fragment."""
    text = sentence.text
    if sentence.words < 6 and not UNSPACED_SCRIPT_RE.search(text):
        return False
    if not text.rstrip(CLOSING_MARKS).endswith(SENTENCE_END_MARKS):
        return False
    if text[0].islower() or text.endswith(("...", "…")):
        return False
    # Unbalanced quotes mean a quotation that runs across sentences: a fragment alone
    # (`quotation_units` joins such a quotation into one unit).
    if not quotes_balanced(text):
        return False
    return sentence.words <= 80


def quotes_balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def closes_earlier_quotation(text: str) -> bool:
    """Whether the text's unmatched quotation mark closes a quotation opened before it: the
    tail of a quotation ('We've infused the cups with aromas."'), which no unit may start with,
    even where the next sentence's opening mark balances the count."""
    if text.count("”") > text.count("“"):
        return True
    straight = text.find('"')
    return text.count('"') % 2 == 1 and straight > 0 and not text[straight - 1].isspace()


MAX_QUOTATION_SENTENCES = 4


def quotation_units(sentences: list[Sentence]) -> list[Sentence]:
    """Quotations that run over several sentences of one paragraph ("We do not have an
    accurate count yet. We estimate that 500 people have been killed."), each joined into one
    unit: alone, each of its sentences is a fragment with an unclosed quote, but the whole is
    what a reporter would quote. `sentences` in document order; a unit takes its first
    sentence's place."""
    units = []
    i = 0
    while i < len(sentences):
        found = _quotation_from(sentences, i)
        if found is None:
            i += 1
        else:
            unit, i = found
            units.append(unit)
    return units


def _quotation_from(sentences: list[Sentence], i: int) -> tuple[Sentence, int] | None:
    """The quotation opened by sentence `i` and the index after it, if it closes within
    `MAX_QUOTATION_SENTENCES` consecutive sentences of the same paragraph."""
    first = sentences[i]
    if quotes_balanced(first.text) or closes_earlier_quotation(first.text):
        return None
    for end in range(i + 1, min(i + MAX_QUOTATION_SENTENCES, len(sentences))):
        previous, following = sentences[end - 1], sentences[end]
        if (following.document, following.paragraph, following.position) != (
                first.document, first.paragraph, previous.position + 1):
            return None
        text = " ".join(s.text for s in sentences[i:end + 1])
        if quotes_balanced(text):
            return Sentence(text=text, document=first.document, position=first.position, paragraph=first.paragraph), end + 1
    return None
