"""Find where the sources disagree: conflicting figures and contradicting claims.

A false "sources differ" misinforms, so both detectors report only what a careful editor
would accept, and nothing when unsure:
- figures: two documents count the same thing (same counted noun, same event, same unit),
  at the same place and period, with the same scope (not "critically injured" against
  "injured", not a part against a total), and their ranges cannot both be true. When either
  text marks its count as a later one ("rose to", "as of", "so far"), the kind is `update`.
  A figure for another period ("in April") is shown as context. Vague amounts never conflict.
- claims: whether a place was taken by an armed force. Sentences that say fighters seized or
  captured it are compared with sentences that say the attack was foiled or repelled; "seized
  part of" is its own stance.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.analyze.amounts import (HUMAN_EVENTS, INCREMENT_WORDS, MEASURE_NOUNS, MEASUREMENTS, PAST_PERIOD_RE,
                                      charged_crime)
from newsfuse.facts.figures import NOT_HEAD_COUNTS, figure_event
from newsfuse.quantities import CURRENCIES, UNITS
from newsfuse.types import Amount, Disagreement, Entity, Sentence, Statement, SummarySentence

# Counts this far apart describe different things (a war's toll and one battle's), not a dispute.
MAX_CONFLICT_RATIO = 20
APPROXIMATE_MAX_RATIO = 3  # the --fast rules' figures: see figure_disagreements
SLACK = 1.1  # rounding: "12,000" and "13,000" for one crowd are not a dispute
ROUNDED_FROM = 100  # below this, counts are exact: 12 and 13 arrests are a dispute


def comparable(amount: Amount) -> bool:
    """Whether an amount can take a side: a specific count of something, with what happened."""
    if amount.event in MEASUREMENTS:  # "the 26,330-foot mountain", "a 25-vehicle pileup": a size of one thing
        return amount.counted in MEASURE_NOUNS or amount.event == "size" and amount.counted not in NOT_HEAD_COUNTS
    if amount.event == "fell":  # "shares fell 10%": how far one thing fell
        return True
    # Sums compare only when the analysis says what they are (a kind, money raised, a price):
    # two sums in one story are as often different things as one disputed. Other percentages
    # are left out: the parse rarely says of what.
    return ((bool(amount.event) or described_count(amount)) and bool(amount.counted)
            and amount.counted not in NOT_HEAD_COUNTS and amount.unit != "%")


def described_count(amount: Amount) -> bool:
    """A count with no event but a modifier that says which ("21 fire engines at the scene",
    "12 fire engines attended"): exact, undated, and not of people, who are counted by events."""
    which = set(amount.scope) - set(amount.counted_text.lower().split()[-1:]) - INCREMENT_WORDS
    return (bool(which) and amount.counted not in ("people", "") and not amount.unit
            and amount.low == amount.high and not amount.period)


def same_matter(a: Amount, b: Amount, name_of: dict[str, str]) -> bool:
    """name_of: every variant of every entity → its name, so "IS" and "Islamic State" agree."""
    # A part ("including three children") compares only with another part of the same kind.
    if (a.counted, a.event, a.unit, a.part) != (b.counted, b.event, b.unit, b.part):
        return False
    if a.event in MEASUREMENTS and a.event_text != b.event_text:
        return False  # "a 27-inch touchscreen", "a 36-inch prototype": sizes of two things
    if a.scope != b.scope:
        # A narrower count ("five critically injured") may be part of a wider one ("19 injured");
        # only when it is the larger ("seven opposition lawmakers" against "four lawmakers")
        # can they not both be true.
        if a.scope and b.scope:
            return False
        narrow, whole = (a, b) if a.scope else (b, a)
        if INCREMENT_WORDS.intersection(narrow.scope) or narrow.low <= whole.high:
            return False
    if a.event == "have" and not (a.agent and b.agent):
        return False  # a possession compares only between two sentences about one named owner
    if a.agent and b.agent and name_of.get(a.agent, a.agent) != name_of.get(b.agent, b.agent):
        return False  # "OPEC cut 1.2 million barrels", "Russia cut 300,000": two actors, two counts
    if a.cause and b.cause and a.cause != b.cause:
        return False  # "two killed in a pileup", "the snowstorm left eight dead": two incidents
    if bool(a.cause) != bool(b.cause):
        # "a roadside bomb killed four" vs "five were killed on Tuesday": a smaller count for a
        # named incident may be its part of the day's toll; a larger one cannot be.
        incident, other = (a, b) if a.cause else (b, a)
        if incident.high < other.low:
            return False
    places_a = {name_of.get(p, p) for p in a.places}
    places_b = {name_of.get(p, p) for p in b.places}
    if places_a and places_b and not places_a & places_b:
        return False
    # A count without a period is read as the story's current one: it compares with another
    # current count ("since Friday"), not with a past month's or year's ("in April", "in 2014").
    if a.period and b.period:
        return same_period(a.period, b.period) or bool(ELAPSED_RE.match(a.period) and ELAPSED_RE.match(b.period))
    return not PAST_PERIOD_RE.search(a.period or b.period)


# A running total's time so far: "in just three days", "in 19 hours", "the first four days".
ELAPSED_RE = re.compile(r"^(?:(?:in|within|over|after)\s+)?(?:just\s+|only\s+|the\s+(?:first|past|last)\s+)?"
                        r"(?:\d+|an?|%s)\s+(?:hours?|days?|weeks?|months?)$" % "|".join(UNITS), re.IGNORECASE)


def same_period(a: str, b: str) -> bool:
    """"Monday" and "on Monday" are one period; "since Monday" is another."""
    def bare(period: str) -> str:
        return re.sub(r"^(?:on|in|at|during)\s+", "", period.lower())
    return bare(a) == bare(b)


def compatible(a: Amount, b: Amount) -> bool:
    """Whether both figures can be true at once (ranges overlap, with some slack)."""
    # Slack is for a rounded figure against another: 12,000 and 13,000 for one crowd. A
    # qualifier already says how rough a figure is ("nearly 6,000" words is not 5,500), and
    # two precise figures (26,330 and 26,291 feet) are not roundings.
    exact = all(x.low == x.value == x.high for x in (a, b))
    if not exact and factors(a) == factors(b) and max(factors(a)) < float("inf"):
        # One qualifier on both ("as many as 35" and "as many as 36" chicks): two estimates of
        # the same kind, compared as said.
        a, b = (replace(x, low=x.value, high=x.value) for x in (a, b))
        exact = True
    rounded = any(x.value % ROUNDED_FROM == 0 for x in (a, b))
    slack = SLACK if exact and rounded and min(a.value, b.value) >= ROUNDED_FROM else 1.0
    return a.low <= b.high * slack and b.low <= a.high * slack


def factors(amount: Amount) -> tuple[float, float]:
    return (amount.low / amount.value, amount.high / amount.value) if amount.value else (1.0, 1.0)


def near_enough(a: Amount, b: Amount, ratio: float = MAX_CONFLICT_RATIO) -> bool:
    return max(a.value, b.value) <= ratio * max(min(a.value, b.value), 1)


def figure_disagreements(amounts: tuple[Amount, ...], name_of: dict[str, str],
                         approximate: bool = False) -> list[Disagreement]:
    """approximate: the amounts come from the --fast rules, which see no scope, part or
    incident; then only counts within a factor of 3, one of them said of a place, are compared
    (on the labelled sets the rules' reports were otherwise mostly false: 3 of 10 right)."""
    candidates = [a for a in amounts if comparable(a)]
    ratio = APPROXIMATE_MAX_RATIO if approximate else MAX_CONFLICT_RATIO
    out, used = [], set()
    for i, anchor in enumerate(candidates):
        if i in used:
            continue
        # Every member agrees with every other on the matter: an anchor that names no actor
        # must not join "OPEC cut" and "Russia cut" into one count.
        group: list[int] = []
        for j, a in enumerate(candidates):
            if j not in used and near_enough(anchor, a, ratio) and all(same_matter(candidates[k], a, name_of) for k in group + [i]):
                group.append(j)
        used.update(group)
        members = [candidates[j] for j in group]
        if approximate and not any(m.places for m in members):
            continue
        group = main_figure_per_document(members)
        sides: list[list[Amount]] = []
        for a in group:
            side = next((side for side in sides if compatible(side[0], a)), None)
            if side is None:
                sides.append([a])
            else:
                side.append(a)
        # A document that also gives another side's figure ("state TV said three, the Observatory
        # four") is cited on that side too; its other figures make no side of their own.
        for a in members:
            if a not in group:
                for side in sides:
                    if compatible(side[0], a) and a.sentence.document not in {b.sentence.document for b in side}:
                        side.append(a)
        documents_per_side = [{a.sentence.document for a in side} for side in sides]
        if len(sides) < 2 or len(set().union(*documents_per_side)) < 2:
            continue
        # Totals after different times so far ("in 19 hours", "in three days") are one count growing.
        elapsed = {a.period.lower() for a in group if ELAPSED_RE.match(a.period)}
        kind = "update" if any(a.update for a in group) or len(elapsed) > 1 else "conflict"
        context = [a for a in candidates if a.period and not same_period(a.period, anchor.period)
                   and a not in members and same_matter(replace(a, period=anchor.period), anchor, name_of)]
        statements = tuple(statement(side) for side in sides)
        # "How many people died" when a side's text says they died ("125 people had died"): true of
        # the killed too, while "killed" would not be of an outbreak's dead.
        subject = question(anchor, died=any(figure_event(a) == "died" for side in sides for a in side))
        smallest_side = min(len(d) for d in documents_per_side)
        out.append(Disagreement(
            kind=kind,
            topic="figure",
            description=f"{subject}: " + " vs ".join(s.value for s in statements),
            statements=statements,
            confidence=round(min(0.95, 0.6 + 0.1 * smallest_side + 0.1 * (len(statements) == 2)), 2),
            context=tuple(statement(same, scope=True) for same in by_value(context)),
            subject=subject,
        ))
    return out


def question(amount: Amount, died: bool = False) -> str:
    """What the figures answer: "How many people killed in Ramadi", "How deep the spring is (feet)"."""
    units = plural(amount.counted)  # "30-car pileup", "26,330-foot mountain": the unit as a word
    if amount.unit in CURRENCIES and amount.event in ("sum", "raised", "cost"):
        return {"sum": f"How much in {amount.counted_text}", "raised": "How much money raised",
                "cost": "The price"}[amount.event]
    if amount.event == "fell":
        thing, unit = amount.counted.rsplit(" ", 1)
        return f"How far {amount.agent or plural(thing)} fell ({'%' if unit == '%' else 'points'})"
    if amount.event == "charged":
        return f"How many counts of {charged_crime(amount)} charged"
    if amount.event == "distance":
        return f"Distance from {amount.places[0]} ({units})"
    if amount.event == "size":
        return f"Size of the {amount.event_text} ({units})"
    if amount.event in ("below", "above"):
        return f"How far {amount.event} the {amount.event_text} was ({units})"
    if amount.event in MEASUREMENTS:
        return f"How {amount.event} the {amount.event_text} is ({units})"
    # The verb as written when it is not one of the named events: "stabbed", not "stab".
    happened = f"{amount.agent} has" if amount.event == "have" else "died" if died and amount.event == "killed" else (
        amount.event if amount.event in HUMAN_EVENTS else amount.event_text or amount.event)
    where = f"in {amount.places[0]}" if amount.places else ""
    return " ".join(filter(None, ["How many", amount.counted_text or amount.counted or "people", happened, where]))


IRREGULAR_PLURALS = {"foot": "feet", "story": "stories", "storey": "storeys", "inch": "inches", "mph": "mph",
                     "kph": "kph", "km": "km", "kg": "kg", "person": "people"}


def plural(noun: str) -> str:
    return IRREGULAR_PLURALS.get(noun, noun if noun.endswith("s") else noun + "s")


def main_figure_per_document(group: list[Amount]) -> list[Amount]:
    """Each document's headline figure for the matter: its largest. Smaller ones in the same
    document are usually parts (a town's share of a national toll) or earlier counts."""
    best: dict[int, Amount] = {}
    for a in group:
        if a.sentence.document not in best or a.value > best[a.sentence.document].value:
            best[a.sentence.document] = a
    return sorted(best.values(), key=lambda a: a.sentence.document)


def by_value(amounts: list[Amount]) -> list[list[Amount]]:
    groups: dict[tuple[float, str], list[Amount]] = {}
    for a in amounts:
        groups.setdefault((a.value, a.period.lower()), []).append(a)
    return list(groups.values())


def statement(amounts: list[Amount], scope: bool = False) -> Statement:
    first = amounts[0]
    value = first.text + (f" ({first.period})" if scope else "")
    return Statement(text=first.sentence.text, documents=tuple(sorted({a.sentence.document for a in amounts})),
                     value=value)


# ---------------------------------------------------------------- claims

CAPTURE = r"(?:seiz\w*|captur\w*|(?:took|take|taken|taking)(?!\s+(?:off|place|part|over|care|office|power|steps|action|aim|responsibility))|overr[au]n\w*|storm\w*|conquer\w*|fell to|control of)"
FAILED = r"(?:prevent\w*|close to|fail\w*|not|never|unable to)"  # "prevented from taking": not taken
TRYING = r"(?:tr(?:y|ied|ying|ies) to|attempt\w*|bid to|threat\w*|sought to|seek\w*|aim\w*|plan\w*|vow\w*|bid)"  # no outcome
PARTIAL = r"\b(?:part|parts|much|most|per cent|percent|half)\s+of\b"
REPEL = r"(?:foil\w*|repel\w*|repuls\w*|fought off|pinned\s+\w+\s+back|pinned back|drove\s+\w+\s+out|driven out|rout\w*|pushed\s+\w+\s+out|beat\w* back|held off)"
GAP = r"(?:\W+\w+){0,7}?\W+"  # up to seven words between the verb and the place


# Only a place taken by an armed force is a capture claim: "buses taking migrants away from
# Serbia" or a fugitive "taken into custody" are not.
ARMED_FORCE_RE = re.compile(
    r"\b(?:(?i:militants?|fighters?|forces?|troops?|soldiers?|army|armies|rebels?|insurgents?|jihadis?|jihadists?|"
    r"militias?|military|gunmen|separatists?|paramilitar\w*|offensive|attack)|IS|ISIS|ISIL|Isis|Daesh|"
    r"Islamic State|Taliban|al-Qaeda|al-Shabab|Boko Haram)\b")
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
    claiming = [s for s in sentences if CLAIM_VERB_RE.search(s.text) and ARMED_FORCE_RE.search(s.text)]
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
            kind="conflict",
            topic="claim",
            description=f"Whether {place.name} was taken: " + " vs ".join(
                f"{s.value} ({len(s.documents)} source{'s' * (len(s.documents) > 1)})" for s in statements),
            statements=tuple(statements),
            confidence=0.75 if taken.isdisjoint(not_taken) else 0.6,
            subject=place.name,
        ))
    return out


def find_disagreements(sentences: list[Sentence], amounts: tuple[Amount, ...], entities: list[Entity],
                       approximate: bool = False) -> list[Disagreement]:
    """All disagreements, most confident first."""
    name_of = {v: e.name for e in entities for v in e.variants}
    found = figure_disagreements(amounts, name_of, approximate) + claim_disagreements(sentences, entities)
    return sorted(found, key=lambda d: -d.confidence)


def takes_a_side(text: str, disagreement: Disagreement) -> bool:
    """Whether a sentence states one side of a disagreement (so it must not read as settled)."""
    if any(s.text in text for s in disagreement.statements):  # the sentence, or a quotation holding it
        return True
    if disagreement.topic == "figure":
        # The number itself, qualifier or not: "forced 8,000 to flee" states "approximately 8,000".
        # A number in words ("three") only with its qualifier: it is too common alone.
        return any(re.search(rf"(?<![\d,.]){re.escape(figure_number(s.value))}(?![\d,])", text)
                   for s in disagreement.statements)
    return bool(claim_stances(text, disagreement.subject))


def figure_number(value: str) -> str:
    """The value without its qualifier: "8,000" of "approximately 8,000", "$1.5 million" whole."""
    number = re.search(r"[$£€]?\d.*", value)
    return number.group(0) if number else value


def mark_disputes(summary: list[SummarySentence], disagreements: list[Disagreement]) -> list[SummarySentence]:
    return [
        replace(s, disputes=tuple(k for k, d in enumerate(disagreements) if takes_a_side(s.sentence.text, d)))
        for s in summary
    ]
