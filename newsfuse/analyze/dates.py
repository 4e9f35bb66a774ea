"""Dates: a dated clause per date, resolved against the article's publication date."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from newsfuse.types import DatedClause, Document, Sentence

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def published_date(documents: tuple[Document, ...], index: int) -> dt.date | None:
    if index >= len(documents):
        return None
    try:
        return dt.date.fromisoformat(documents[index].published.strip()[:10])
    except ValueError:
        return None


MONTH_RE = "|".join(m.capitalize() for m in MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
DATE_FORMS = [
    (re.compile(rf"\b(?P<month>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"), "mdy"),
    (re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_RE})\.?(?:,?\s+(?P<year>\d{{4}}))?\b"), "dmy"),
    (re.compile(rf"\b(?P<month>{MONTH_RE})\.?\s+(?:of\s+)?(?P<year>\d{{4}})\b"), "my"),
    (re.compile(r"^(?:in\s+)?(?P<year>(?:19|20)\d\d)$"), "y"),
    (re.compile(r"\b(?P<weekday>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b"), "weekday"),
    (re.compile(r"\b(?P<relative>yesterday|today|tonight|last night)\b", re.IGNORECASE), "relative"),
]


def _month(name: str) -> int:
    return next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(name.lower()[:3]))


def resolve_date(phrase: str, published: dt.date | None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for a date phrase, or None when it cannot be
    placed: a weekday or "yesterday" needs the article's publication date."""
    for pattern, form in DATE_FORMS:
        m = pattern.search(phrase)
        if not m:
            continue
        try:
            if form in ("mdy", "dmy"):
                year = int(m.group("year")) if m.group("year") else None
                month, day = _month(m.group("month")), int(m.group("day"))
                if year is None:
                    if published is None:
                        return None
                    year = published.year - (dt.date(published.year, month, day) > published)
                return dt.date(year, month, day).isoformat()
            if form == "my":
                return f"{int(m.group('year')):04d}-{_month(m.group('month')):02d}"
            if form == "y":
                return m.group("year")
            if published is None:
                return None
            if form == "weekday":
                back = (published.weekday() - WEEKDAYS.index(m.group("weekday").lower())) % 7
                return (published - dt.timedelta(days=back or (7 if "last" in phrase.lower() else 0))).isoformat()
            offset = 0 if m.group("relative").lower() in ("today", "tonight") else 1
            return (published - dt.timedelta(days=offset)).isoformat()
        except ValueError:
            return None
    return None


CLAUSE_EDGE_DEPS = {"advcl", "ccomp", "conj", "cc", "relcl", "parataxis", "punct", "mark"}
MAX_CLAUSE_TOKENS = 30


def dated_clauses(doc, sentence: Sentence, published: dt.date | None) -> Iterator[DatedClause]:
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        when = resolve_date(ent.text, published)
        if when is None:
            continue
        # The date must say when the verb happened ("arrested in 2012", "On Sunday, IS seized"),
        # not describe a noun ("a 2010 graduate", "the report for 2016").
        verb = ent.root.head if ent.root.dep_ in ("npadvmod", "tmod") else ent.root.head.head
        if ent.root.dep_ not in ("npadvmod", "tmod", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "ccomp" for c in verb.children):
            continue  # "the report found that ...": a report of an event, dated by its report
        if any(c.dep_ == "aux" and c.tag_ == "MD" or c.dep_ == "mark" and c.lower_ in ("if", "unless")
               for c in verb.children):
            continue  # "the total could reach 10.5 billion by 2050", "even if it had been proven in 1996": not events
        keep = [verb] + [t for c in verb.children if c.dep_ not in CLAUSE_EDGE_DEPS for t in c.subtree]
        start, end = min(t.i for t in keep), max(t.i for t in keep) + 1
        subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if end - start > MAX_CLAUSE_TOKENS or subject is None or subject.tag_ in ("WDT", "WP", "EX", "PRP") \
                or subject.lower_ in ("this", "that", "these", "those"):
            continue  # a clause without its own subject, or with "she" or "it", does not say who did what
        while start < end and (doc[start].tag_ in ("WRB", "WP", "WDT") or doc[start].is_punct):
            start += 1  # "where Princess Diana gave birth to William in 1982": the clause, not its link
        while end > start and (doc[end - 1].is_punct or doc[end - 1].pos_ == "CCONJ"):
            end -= 1  # "the recession took its toll and"
        clause = doc[start:end].text.strip(" ,;:-—")
        yield DatedClause(when=when, phrase=ent.text, clause=clause, sentence=sentence)
        break  # one entry per sentence keeps the timeline readable
