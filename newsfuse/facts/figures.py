"""Key figures: counts with what happened to what was counted ("500 people killed in Ramadi")."""
from __future__ import annotations

from dataclasses import replace

from newsfuse.analyze.amounts import MEASURE_NOUNS, MEASUREMENTS, charged_crime
from newsfuse.types import Amount, Figure

TIME_NOUNS = {"day", "week", "month", "year", "hour", "minute", "second", "decade", "century", "millennium",
              "time", "figure", "percent", "per", "cent", "times", "point", "age", "term", "season", "night"}
# ... nor is a population, which is no event ("Deer Trail -- population 598 -- was to vote")
NOT_HEAD_COUNTS = TIME_NOUNS | MEASURE_NOUNS | {"population"}
MIN_FIGURE_WITHOUT_HUMAN_EVENT = 10
NAMED_EVENTS = {"killed", "died", "injured", "fled", "evacuated", "arrested", "missing", "kidnapped",
                "rescued", "homeless", "charged"}


# Verbs that say little alone: "270,000 people took" (the quiz), "150 WestJetters acted" (as elves);
# and verbs of being, showing or judging, which say what something is or is thought to be, not
# what happened to it: "the $5.4 billion pipeline would become", "48 participants were classified",
# "images showed objects up to 75 ft", "some 18 states have considered".
LIGHT_VERBS = {"take", "make", "go", "come", "get", "give", "put", "call", "act", "do", "hold", "keep", "set", "turn",
               "become", "remain", "seem", "appear", "look", "show", "mean", "represent", "constitute", "range",
               "consider", "conclude", "classify", "assess", "rate", "rank", "highlight", "describe", "define"}


def is_key_figure(amount: Amount) -> bool:
    """A figure is a key fact when it says what was counted and what happened to it."""
    # A sum's kind or a price is enough to compare two sources, not to read as an event; nor
    # is the size of one thing ("a 220-unit complex").
    # (a measure of a named stuff counts it: "almost 55,000 pounds of turkey burgers recalled")
    measured = amount.counted in MEASURE_NOUNS and " of " in amount.counted_text
    if amount.event in ("", "have", "sum", "cost") or amount.event in MEASUREMENTS \
            or amount.counted in NOT_HEAD_COUNTS and not measured or amount.unit == "%" or not amount.asserted:
        return False
    if amount.event in LIGHT_VERBS and " " not in amount.event_text:
        return False
    if amount.counted == "other":  # "five others injured": others than someone the line leaves out
        return False
    if amount.event in NAMED_EVENTS:
        return True
    return bool(amount.counted) and (amount.value >= MIN_FIGURE_WITHOUT_HUMAN_EVENT or bool(amount.unit))


# Words that say people died without saying they were killed: "125 people had died", "18 dead",
# "17 deaths" (a noun, which leaves no verb). A figure says "died" for them, never "killed": an
# outbreak's or a crash's dead were not killed by anyone.
DIED_WORDS = ("die", "dead", "death", "dying", "fatal", "perish", "drown", "succumb")


def figure_event(amount: Amount) -> str:
    if amount.event == "killed" and (not amount.event_text or amount.event_text.lower().startswith(DIED_WORDS)):
        return "died"
    return amount.event if amount.event in NAMED_EVENTS else amount.event_text


def figure_counts(amount: Amount) -> str:
    """"people killed", "residents fled", "contract awarded"."""
    # "claimed 220,000 lives": people killed, not "lives killed"
    written = "" if amount.counted_text.lower() in ("life", "lives") else amount.counted_text
    if amount.event == "charged":  # "12 counts of fraud charged"
        written = f"{written or 'counts'} of {charged_crime(amount)}"
    thing = written or ("people" if amount.counted == "people" else amount.counted)
    # "more than 220,000 people killed in a civil war": a count of another incident than the
    # story's own says which.
    incident = f"in {amount.incident}" if amount.incident else ""
    return " ".join(x for x in (thing, figure_event(amount), incident) if x)


def find_figures(amounts: tuple[Amount, ...], not_places: frozenset[str] = frozenset()) -> list[Figure]:
    """Figures with their event, merged when several documents report them, most reported first.
    not_places: names the cluster's entities show are people or bodies, which the parse of one
    sentence took for where a count happened ("charged in San-Juan", Vaz's co-defendant)."""
    merged: dict[tuple, dict] = {}
    for a in amounts:
        if not is_key_figure(a):
            continue
        if not_places.intersection(a.places):
            a = replace(a, places=tuple(p for p in a.places if p not in not_places))
        entry = merged.setdefault((a.value, a.unit, a.counted, a.event), {"amount": a, "documents": set()})
        entry["documents"].add(a.sentence.document)
        best = entry["amount"]
        if (bool(a.places), bool(a.period)) > (bool(best.places), bool(best.period)):
            entry["amount"] = a  # the statement that says where and when
    figures = [Figure(value=v["amount"].value, text=v["amount"].text, counts=figure_counts(v["amount"]),
                      event=figure_event(v["amount"]), place=", ".join(v["amount"].places[:2]), period=v["amount"].period,
                      sentence=v["amount"].sentence.text, documents=tuple(sorted(v["documents"])))
               for v in merged.values()]
    figures.sort(key=lambda f: (-len(f.documents), f.event not in NAMED_EVENTS, -f.value))
    return figures
