"""The --fast analysis: cheap rules in place of the parser, same output types as `analyze`.

A few milliseconds per cluster instead of a spaCy pass, at a cost in accuracy that the
briefing states (`Facts.approximate`): names are capitalised runs typed by the words around
them, a number counts the noun right after it, and the event is the nearest event word.
No timeline and no key quotes (both need the parse to be faithful).
"""
from __future__ import annotations

import re

from newsfuse.analyze.amounts import EVENT_CLASSES, HUMAN_EVENTS, PEOPLE, UPDATE_RE
from newsfuse.analyze.names import PERSON_TITLES, PLACE_PREPOSITIONS
from newsfuse.quantities import Quantity, is_identifier_or_age, parse_quantities
from newsfuse.types import Amount, Analysis, NameMention, Sentence

NAME_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|[A-Z]{2,})(?:\s+(?:(?:al|bin|ibn|de|del|van|von|of|the)[-\s]+)?"
    r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*))*")
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "the", "a", "an", "but", "and", "or", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their",
    "this", "that", "these", "those", "there", "here", "when", "while", "after", "before", "since", "as",
    "if", "in", "on", "at", "for", "with", "by", "of", "to", "from", "meanwhile", "however", "later",
}
ORG_ENDINGS = {"state", "council", "army", "forces", "ministry", "agency", "committee", "party", "group", "union",
               "nations", "department", "university", "police", "court", "bank", "company", "news", "press"}
WORD_RE = re.compile(r"[A-Za-z][\w'-]*")
DATE_PERIOD_RE = re.compile(r"\b(?:in|since|during|last|by|on)\s+((?:January|February|March|April|May|June|July|"
                            r"August|September|October|November|December)(?:\s+\d{4})?|\d{4}|last year|last month)\b")
PLACE_RE = re.compile(r"\b(?i:%s)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)" % "|".join(PLACE_PREPOSITIONS))
IRREGULAR_PAST = {"fled": "flee", "slain": "slay", "slew": "slay"}


def verb_lemma(word: str) -> str:
    """"died" → "die", "killing" → "kill", "wounded" → "wound": enough for the event words."""
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word]
    for suffix, replacement in (("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("s", "")):
        if word.endswith(suffix) and word[:-len(suffix)] + replacement in EVENT_CLASSES:
            return word[:-len(suffix)] + replacement
    return word


def name_mentions(sentence: Sentence):
    for m in NAME_RE.finditer(sentence.text):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group(0).rstrip(".'’").removesuffix("'s").removesuffix("’s"))
        words = name.split()
        titled = False
        while len(words) > 1 and words[0].lower().rstrip(".") in PERSON_TITLES:
            words, titled = words[1:], True
        name = " ".join(words)
        if not words or words[0].lower() in NOT_NAMES or (m.start() == 0 and len(words) == 1 and not name.isupper()):
            continue
        before = [w.lower() for w in WORD_RE.findall(sentence.text[max(0, m.start() - 30):m.start()])]
        after = [w.lower() for w in WORD_RE.findall(sentence.text[m.end():m.end() + 20])]
        if words[-1].lower() in ORG_ENDINGS or name.isupper():
            label = "ORG"
        elif titled or before and before[-1].rstrip(".") in PERSON_TITLES or after and after[0] in ("said", "says", "told"):
            label = "PERSON"
        elif before and before[-1] in PLACE_PREPOSITIONS:
            label = "GPE"
        else:
            label = "PERSON" if len(words) in (2, 3) else ""
        if label:
            yield NameMention(name, label, sentence.document)


def amount(sentence: Sentence, quantity: Quantity) -> Amount:
    after = [w.lower() for w in WORD_RE.findall(sentence.text[quantity.end:quantity.end + 60])]
    before = [w.lower() for w in WORD_RE.findall(sentence.text[max(0, quantity.start - 50):quantity.start])][-3:]
    noun = next((w for w in after[:2] if w not in ("more", "other", "of", "the", "have", "has", "were", "was")), "")
    words = after[:6] + before[::-1]
    event = next((EVENT_CLASSES[lemma] for lemma in map(verb_lemma, words) if lemma in EVENT_CLASSES), "")
    counted = "people" if noun.rstrip("s") in PEOPLE or noun in ("people", "lives") else noun.rstrip("s")
    if counted and counted not in ("people",) and counted.startswith(tuple(EVENT_CLASSES)):
        counted = ""
    counted = counted or ("people" if event in HUMAN_EVENTS else "")
    period = DATE_PERIOD_RE.search(sentence.text)
    # "killed in Homs": a name after a place preposition, as the parse would attach it
    places = tuple(m.group(1) for m in PLACE_RE.finditer(sentence.text) if m.group(1).lower() not in NOT_NAMES)
    return Amount(text=quantity.text, value=quantity.value, low=quantity.low, high=quantity.high, unit=quantity.unit,
                  counted=counted, counted_text="", event=event, event_text=event, places=places, agent="", cause="", incident="",
                  period=period.group(0) if period else "", scope=(), part=False,
                  update=bool(UPDATE_RE.search(sentence.text)), sentence=sentence)


def analyze_with_rules(sentences: list[Sentence]) -> Analysis:
    names, amounts = [], []
    for s in sentences:
        names.extend(name_mentions(s))
        amounts.extend(amount(s, q) for q in parse_quantities(s.text)
                       if not q.vague and not is_identifier_or_age(s.text, q))
    return Analysis(names=tuple(names), amounts=tuple(amounts), approximate=True)
