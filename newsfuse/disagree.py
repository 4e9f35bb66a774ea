"""Find where the sources disagree: conflicting figures and contradicting claims.

Precision comes first (a false "disagreement" misleads readers), so both detectors only
compare statements that are clearly about the same matter:
- figures: the same count (same event such as killed/fled, compatible noun) about the same
  place focus, from different documents, whose value ranges cannot both be true. A figure
  with an explicit other period ("in April", "in 2014") is shown as context, not conflict.
  Vague amounts ("hundreds") never make a conflict.
- claims: whether a place was taken. Sentences that say a place was seized/captured are
  compared with sentences that say the attack on it was prevented, foiled or repelled;
  "seized part of" is its own stance.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsfuse.facts import (COUNTRIES, MONTHS, NOT_HEAD_COUNTS, Quantity, counted_thing, find_entities,
                            is_identifier_or_age, parse_quantities)
from newsfuse.types import Disagreement, Entity, Sentence, Statement, SummarySentence

FOCUS_LOOKBACK = 3  # sentences back to look for the place a sentence is about
# Counts this far apart describe different things (a war's toll and one battle's), not a dispute.
MAX_CONFLICT_RATIO = 20
SUBSET_RE = re.compile(r"\b(including|among them|of them|of whom|of which)\s*$", re.IGNORECASE)
SCOPE_RE = re.compile(
    r"\b(?:in|since|during|last|by|from)\s+(?P<scope>(?:%s)(?:\s+\d{4})?|\d{4}|last year|last month)\b"
    % "|".join(m.capitalize() for m in MONTHS)
)


@dataclass(frozen=True)
class FigureMention:
    quantity: Quantity
    event: str
    noun: str
    focus: frozenset[str]
    scope: str
    sentence: Sentence


def place_names(entities: list[Entity]) -> dict[str, str]:
    """Every variant of every place → its canonical name."""
    return {variant: e.name for e in entities if e.kind == "PLACE" for variant in e.variants}


def place_focus(sentences: list[Sentence], places: dict[str, str]) -> list[frozenset[str]]:
    """The places each sentence is about: those it names, else those of a recent sentence."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True)) + r")\b") if places else None
    named = [frozenset(places[m] for m in pattern.findall(s.text)) if pattern else frozenset() for s in sentences]
    focus = []
    for i, s in enumerate(sentences):
        found = named[i]
        back = i - 1
        while not found and back >= 0 and i - back <= FOCUS_LOOKBACK and sentences[back].document == s.document:
            found = named[back]
            back -= 1
        focus.append(found)
    return focus


def figure_mentions(sentences: list[Sentence], focus: list[frozenset[str]]) -> list[FigureMention]:
    mentions = []
    for s, places in zip(sentences, focus):
        scope_match = SCOPE_RE.search(s.text)
        for q in parse_quantities(s.text):
            if q.vague or is_identifier_or_age(s.text, q) or SUBSET_RE.search(s.text[:q.start]):
                continue
            if re.match(r"\s+(of|more|other|others|additional|further)\b", s.text[q.end:]):
                continue  # "six of those arrested", "65 more were killed": parts, not totals
            event, noun, _ = counted_thing(s.text, q)
            if not event or noun in NOT_HEAD_COUNTS:
                continue  # only head counts of events (killed, fled, injured...) are compared
            mentions.append(FigureMention(q, event, noun, places, scope_match.group("scope") if scope_match else "", s))
    return mentions


def _same_matter(a: FigureMention, b: FigureMention) -> bool:
    nouns_agree = a.noun == b.noun or "" in (a.noun, b.noun)
    # Countries are too broad a focus: two tolls "in Syria" may be about different towns.
    specific_a, specific_b = a.focus - COUNTRIES, b.focus - COUNTRIES
    if specific_a and specific_b:
        places_agree = bool(specific_a & specific_b)
    else:
        places_agree = bool(a.focus & b.focus) or not (a.focus or b.focus)
    return a.event == b.event and nouns_agree and places_agree


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Whether both figures can be true at once (ranges overlap, with 10% slack)."""
    return a.low <= b.high * 1.1 and b.low <= a.high * 1.1


def _comparable(a: Quantity, b: Quantity) -> bool:
    return max(a.value, b.value) <= MAX_CONFLICT_RATIO * max(min(a.value, b.value), 1)


def figure_disagreements(mentions: list[FigureMention]) -> list[Disagreement]:
    out = []
    used: set[int] = set()
    for i, anchor in enumerate(mentions):
        if i in used or anchor.scope:
            continue
        group = [j for j, m in enumerate(mentions) if j not in used and not m.scope and _same_matter(anchor, m)
                 and _comparable(anchor.quantity, m.quantity)]
        used.update(group)
        group = _main_figure_per_document(group, mentions)
        # Statements: distinct values, each with the documents reporting a compatible figure.
        sides: list[list[int]] = []
        for j in group:
            for side in sides:
                if _compatible(mentions[side[0]].quantity, mentions[j].quantity):
                    side.append(j)
                    break
            else:
                sides.append([j])
        documents_per_side = [{mentions[j].sentence.document for j in side} for side in sides]
        everyone = set().union(*documents_per_side)
        if len(sides) < 2 or len(everyone) < 2:
            continue
        context = _merge_by_value([m for m in mentions if m.scope and _same_matter(anchor, m)])
        statements = tuple(_statement([mentions[j] for j in side]) for side in sides)
        thing = anchor.noun if anchor.noun and anchor.noun != "people" else "people"
        place = f" ({', '.join(sorted(anchor.focus))})" if anchor.focus else ""
        values = " vs ".join(s.value for s in statements)
        smallest_side = min(len(d) for d in documents_per_side)
        out.append(Disagreement(
            kind="figure",
            description=f"How many {thing} {anchor.event}{place}: {values}",
            statements=statements,
            confidence=round(min(0.95, 0.6 + 0.1 * smallest_side + 0.1 * (len(statements) == 2)), 2),
            context=tuple(_statement(same, scope=True) for same in context),
            subject=f"{thing} {anchor.event}",
        ))
    return out


def _main_figure_per_document(group: list[int], mentions: list[FigureMention]) -> list[int]:
    """Each document's headline figure for the matter: its largest. Smaller ones in the same
    document are usually parts (a town's share of a national toll) or earlier counts."""
    best: dict[int, int] = {}
    for j in group:
        document = mentions[j].sentence.document
        if document not in best or mentions[j].quantity.value > mentions[best[document]].quantity.value:
            best[document] = j
    return sorted(best.values())


def _merge_by_value(mentions: list[FigureMention]) -> list[list[FigureMention]]:
    groups: dict[tuple[float, str], list[FigureMention]] = {}
    for m in mentions:
        groups.setdefault((m.quantity.value, m.scope), []).append(m)
    return list(groups.values())


def _statement(mentions: list[FigureMention], scope: bool = False) -> Statement:
    first = mentions[0]
    value = first.quantity.text + (f" ({first.scope})" if scope else "")
    return Statement(text=first.sentence.text, documents=tuple(sorted({m.sentence.document for m in mentions})), value=value)


# ---------------------------------------------------------------- claims

CAPTURE = r"(?:seiz\w*|captur\w*|(?:took|take|taken|taking)(?!\s+(?:off|place|part|over|care|office|power|steps|action|aim|responsibility))|overr[au]n\w*|storm\w*|conquer\w*|fell to|control of)"
FAILED = r"(?:prevent\w*|close to|fail\w*|not|never|unable to)"  # "prevented from taking": not taken
TRYING = r"(?:tr(?:y|ied|ying|ies) to|attempt\w*|bid to|threat\w*|sought to|seek\w*|aim\w*|plan\w*|vow\w*|bid)"  # no outcome
PARTIAL = r"\b(?:part|parts|much|most|per cent|percent|half)\s+of\b"
REPEL = r"(?:foil\w*|repel\w*|repuls\w*|fought off|pinned\s+\w+\s+back|pinned back|drove\s+\w+\s+out|driven out|rout\w*|pushed\s+\w+\s+out|beat\w* back|held off)"
GAP = r"(?:\W+\w+){0,7}?\W+"  # up to seven words between the verb and the place


CLAIM_VERB_RE = re.compile(rf"\b{CAPTURE}|\b{REPEL}", re.IGNORECASE)
TRYING_BEFORE_RE = re.compile(rf"\b{TRYING}\W+(?:\w+\W+){{0,4}}$", re.IGNORECASE)
FAILED_BEFORE_RE = re.compile(rf"\b{FAILED}\W+(?:\w+\W+){{0,4}}$", re.IGNORECASE)
PARTIAL_RE = re.compile(PARTIAL, re.IGNORECASE)


def _place_patterns(place: str) -> tuple[re.Pattern, re.Pattern]:
    name = re.escape(place)
    return (re.compile(rf"\b{CAPTURE}{GAP}{name}\b", re.IGNORECASE),
            re.compile(rf"\b{REPEL}{GAP}{name}\b|\b{name}\b[^.;]*\b{REPEL}", re.IGNORECASE))


def claim_stances(sentence: str, place: str, patterns: tuple[re.Pattern, re.Pattern] | None = None) -> set[str]:
    """What a sentence says about `place` being taken: "taken", "partly taken", "not taken"."""
    captured, repelled = patterns or _place_patterns(place)
    stances = set()
    for m in captured.finditer(sentence):
        window = sentence[max(0, m.start() - 60):m.start()]
        if TRYING_BEFORE_RE.search(window):
            continue
        if FAILED_BEFORE_RE.search(window):
            stances.add("not taken")
        elif PARTIAL_RE.search(m.group(0)):
            stances.add("partly taken")
        else:
            stances.add("taken")
    if repelled.search(sentence):
        stances.discard("taken")
        stances.add("not taken")
    return stances


def claim_disagreements(sentences: list[Sentence], entities: list[Entity]) -> list[Disagreement]:
    out = []
    # Only sentences with a capture or repel verb can take a side: a cheap filter before
    # compiling patterns for each place.
    claiming = [s for s in sentences if CLAIM_VERB_RE.search(s.text)]
    for place in (e for e in entities if e.kind == "PLACE"):
        mentioning = [s for s in claiming if any(v in s.text for v in place.variants)]
        if len({s.document for s in mentioning}) < 2:
            continue
        by_stance: dict[str, dict[int, str]] = {}
        patterns = {variant: _place_patterns(variant) for variant in place.variants}
        for s in mentioning:
            for variant in place.variants:
                for stance in claim_stances(s.text, variant, patterns[variant]):
                    by_stance.setdefault(stance, {}).setdefault(s.document, s.text)
        if "taken" not in by_stance or "not taken" not in by_stance:
            continue
        taken, not_taken = set(by_stance["taken"]), set(by_stance["not taken"])
        if taken <= not_taken and not_taken <= taken:
            continue  # every source says both: a story of capture and counter-attack, not a dispute
        statements = []
        for stance in ("taken", "partly taken", "not taken"):
            if stance in by_stance:
                docs = by_stance[stance]
                statements.append(Statement(text=docs[min(docs)], documents=tuple(sorted(docs)), value=stance))
        out.append(Disagreement(
            kind="claim",
            description=f"Whether {place.name} was taken: " + " vs ".join(
                f"{s.value} ({len(s.documents)} source{'s' * (len(s.documents) > 1)})" for s in statements),
            statements=tuple(statements),
            confidence=0.75 if taken.isdisjoint(not_taken) else 0.6,
            subject=place.name,
        ))
    return out


def find_disagreements(sentences: list[Sentence], entities: list[Entity] | None = None) -> list[Disagreement]:
    """All disagreements, most confident first."""
    entities = entities if entities is not None else find_entities(sentences)
    focus = place_focus(sentences, place_names(entities))
    found = figure_disagreements(figure_mentions(sentences, focus)) + claim_disagreements(sentences, entities)
    return sorted(found, key=lambda d: -d.confidence)


def takes_a_side(text: str, disagreement: Disagreement) -> bool:
    """Whether a sentence states one side of a disagreement (so it must not read as settled)."""
    if any(s.text in text for s in disagreement.statements):  # the sentence, or a quotation holding it
        return True
    if disagreement.kind == "figure":
        return any(re.search(rf"(?<![\d,.]){re.escape(s.value)}(?![\d,])", text) for s in disagreement.statements)
    return bool(claim_stances(text, disagreement.subject))


def mark_disputes(summary: list[SummarySentence], disagreements: list[Disagreement]) -> list[SummarySentence]:
    return [
        replace(s, disputes=tuple(k for k, d in enumerate(disagreements) if takes_a_side(s.sentence.text, d)))
        for s in summary
    ]
