"""Key quotes: quotations whose speaker the sources name, the ones most outlets carry first."""
from __future__ import annotations

from collections import Counter

from newsfuse.facts.timeline import word_set
from newsfuse.types import Analysis, Entity, KeyQuote

MAX_QUOTES = 5
MAX_QUOTES_PER_SPEAKER = 2


ARTICLES = {"a", "an", "the"}


def role_detail(role: str) -> int:
    """How much a role says: "an Anbar spokesman" says more than "the spokesman", which an
    outlet writes when it has already named the office."""
    return sum(word.lower() not in ARTICLES for word in role.split())


def is_fragment(quotation: str) -> bool:
    """A quotation that opens mid-sentence: "made Steve Bannon's psychological warfare tool"."""
    first = next((c for c in quotation if c.isalnum()), "")
    return first.islower()


def key_quotes(analysis: Analysis, entities: list[Entity]) -> list[KeyQuote]:
    """Quotations whose speaker the sources name, the ones most outlets carry first."""
    full_name = {v: e.name for e in entities if e.kind == "PERSON" for v in e.variants}
    # a name the cluster settles as a body ("Northwestern said in a statement") is no person quoted
    bodies = {v for e in entities if e.kind == "ORG" for v in e.variants} - full_name.keys()
    prominence = {e.name: len(e.documents) for e in entities}
    groups: list[dict] = []
    role_of: dict[str, str] = {}  # each speaker's most detailed role, whichever quotation gives it
    for q in analysis.quotations:
        if q.speaker in bodies:
            continue
        speaker = full_name.get(q.speaker, q.speaker)
        if " " in speaker:  # (a surname left alone may be two people's: a congressman and his son)
            role_of[speaker] = max(role_of.get(speaker, ""), q.role, key=role_detail)
        words = word_set(q.text)
        for g in groups:
            if g["speaker"] == speaker and len(words & g["words"]) >= 0.7 * min(len(words), len(g["words"])):
                g["documents"].add(q.sentence.document)
                break
        else:
            groups.append({"quote": q, "speaker": speaker, "words": words, "documents": {q.sentence.document}})
    # Most carried first; among as widely carried, a whole sentence before a fragment woven into
    # the writer's own ("... called it 'made Steve Bannon's psychological warfare tool'"), which
    # reads as half a thought out of its sentence.
    groups.sort(key=lambda g: (-len(g["documents"]), is_fragment(g["quote"].text),
                               -prominence.get(g["speaker"], 0), g["quote"].sentence.position))
    chosen, per_speaker = [], Counter()
    for g in groups:
        if per_speaker[g["speaker"]] < MAX_QUOTES_PER_SPEAKER and len(chosen) < MAX_QUOTES:
            per_speaker[g["speaker"]] += 1
            role = role_of.get(g["speaker"], g["quote"].role)
            chosen.append(KeyQuote(text=g["quote"].text, speaker=g["speaker"], role=role,
                                   documents=tuple(sorted(g["documents"]))))
    return chosen
