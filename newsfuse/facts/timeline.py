"""The timeline: dated clauses in date order, each event told once."""
from __future__ import annotations

import re

from newsfuse.types import Analysis, Event

# Words two tellings of any event share: left out when comparing them.
FUNCTION_WORDS = frozenset({"a", "an", "the", "in", "on", "at", "of", "to", "for", "from", "by", "with", "since", "and",
                            "was", "were", "is", "are", "has", "have", "had", "be", "been", "s"})


def word_set(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def build_timeline(analysis: Analysis, limit: int = 10) -> list[Event]:
    """Dated clauses in date order; an event two outlets tell alike ("The magazine's office was
    firebombed in 2011", "The magazine's offices were fire-bombed after that in 2011") once."""
    events: list[Event] = []
    told: list[tuple[str, frozenset[str]]] = []  # each event's date and words, but the date's own
    for d in sorted(analysis.dates, key=lambda d: d.when):
        words = word_set(d.clause) - word_set(d.phrase) - FUNCTION_WORDS
        if any(when == d.when and len(words & other) > 0.6 * min(len(words), len(other)) for when, other in told):
            continue
        told.append((d.when, words))
        events.append(Event(when=d.when, phrase=d.phrase, clause=d.clause, sentence=d.sentence.text,
                            document=d.sentence.document))
    return events[:limit]
