"""Numbers as written in news text → values with the range their qualifier allows.

"more than 40,000" is [40,000, ∞), "about 500" is [425, 575], "hundreds" is a vague [200, 999].
Years, clock times, ages and identifiers are not quantities. Used by both analysers (the
spaCy one and the --fast rules), which then decide what each number counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 10**12, "m": 1_000_000, "bn": 1_000_000_000, "tn": 10**12, "k": 1_000}
# Vague amounts: a range, never an exact figure (they are never one side of a conflict).
VAGUE = {
    "a few hundred": (200, 500), "several hundred": (200, 900), "hundreds": (200, 999),
    "a few thousand": (2_000, 5_000), "several thousand": (2_000, 9_000), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999), "dozens": (24, 99), "a dozen": (12, 12), "scores": (40, 99),
    "a handful": (3, 6),
}
# Qualifiers turn a number into a range: (low factor, high factor).
QUALIFIERS = {
    "more than": (1.0, float("inf")), "over": (1.0, float("inf")), "at least": (1.0, float("inf")),
    "nearly": (0.95, 1.0), "almost": (0.95, 1.0), "up to": (0.0, 1.0), "as many as": (0.0, 1.0), "as much as": (0.0, 1.0),
    "fewer than": (0.0, 1.0), "less than": (0.0, 1.0), "under": (0.0, 1.0), "about": (0.85, 1.15),
    "around": (0.85, 1.15), "approximately": (0.85, 1.15), "roughly": (0.85, 1.15),
    "some": (0.85, 1.15), "an estimated": (0.85, 1.15), "estimated": (0.85, 1.15),
}
# "thirty-one", "twenty three" before "thirty", "three"
_TENS = [k for k in UNITS if k.endswith("ty")]
_WORD_NUMBER = r"(?:(?:%s)[- ](?:%s)\b|%s)" % ("|".join(_TENS), "|".join(list(UNITS)[1:10]),
                                               "|".join(sorted(UNITS, key=len, reverse=True)))
# The amount is searched alone and its qualifier looked for just before it: trying the
# qualifiers at every position of every sentence made this the slowest regex of the pipeline.
QUANTITY_RE = re.compile(
    r"(?P<amount>(?P<vague>\b(?:%s)\b)" % "|".join(sorted(VAGUE, key=len, reverse=True))
    + r"|(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?:\s*|-(?=(?:million|billion|trillion|thousand)\b))(?P<dscale>million|billion|trillion|thousand|bn|tn|m|k)\b)?"
    # "one hundred and three", "five hundred and fifty thousand"
    + r"|\b(?P<words>%s)(?:\s+(?P<hundred>hundred)(?:\s+and\s+(?P<rest>%s))?)?"
      r"(?:\s+(?P<wscale>thousand|million|billion|trillion))?\b)" % (_WORD_NUMBER, _WORD_NUMBER),
    re.IGNORECASE,
)
QUALIFIER_BEFORE_RE = re.compile(
    r"\b(?:%s)\s+$" % "|".join(sorted(QUALIFIERS, key=len, reverse=True)), re.IGNORECASE)
YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
CURRENCIES = ("$", "£", "€")
# Every quantity has a digit or one of these words; most sentences have neither, and testing
# for them first is far cheaper than running QUANTITY_RE.
NUMBER_WORDS = frozenset(UNITS) | {"hundred", "hundreds", "thousand", "thousands", "millions", "dozen", "dozens",
                                   "scores", "handful"}
DIGIT_RE = re.compile(r"\d")
LETTERS_RE = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Quantity:
    text: str  # as written, qualifier and currency sign included
    value: float
    low: float
    high: float
    vague: bool
    start: int
    end: int
    unit: str = ""  # "", a currency sign, or "%"


def has_number(text: str) -> bool:
    return bool(DIGIT_RE.search(text)) or not NUMBER_WORDS.isdisjoint(LETTERS_RE.findall(text.lower()))


def parse_quantities(text: str) -> list[Quantity]:
    """Numbers in a sentence with the range they allow; years and clock times are skipped."""
    return list(_quantities(text))


PERCENT_AFTER_RE = re.compile(r" per ?cent", re.IGNORECASE)  # "percentage points" too


@lru_cache(maxsize=50_000)  # several stages read the same sentences' numbers
def _quantities(text: str) -> tuple[Quantity, ...]:
    out: list[Quantity] = []
    if not has_number(text):
        return ()
    for m in QUANTITY_RE.finditer(text):
        # "about $500,000": the qualifier stands before the currency sign
        signed = m.start() - (text[max(0, m.start() - 1):m.start()] in CURRENCIES)
        before = QUALIFIER_BEFORE_RE.search(text, max(0, signed - 20), signed)
        start = before.start() if before else m.start()
        qualifier = before.group(0).strip().lower() if before else ""
        if m.group("vague"):
            low, high = VAGUE[m.group("vague").lower()]
            out.append(Quantity(text[start:m.end()].strip(), (low + high) / 2, low, high, True, start, m.end()))
            continue
        unit, end = "", m.end()
        if m.group("digits"):
            digits = m.group("digits")
            sign = text[max(0, m.start() - 1):m.start()]
            if YEAR_RE.match(digits) and not m.group("dscale") and sign not in CURRENCIES:
                continue
            if text[m.end():m.end() + 1] == ":" or sign in ("#", ":"):
                continue  # clock times and labels
            if sign in CURRENCIES:
                unit, start = sign, (start if before else m.start() - 1)
            value = float(digits.replace(",", "")) * SCALES.get((m.group("dscale") or "").lower(), 1)
        else:
            value = _word_value(m.group("words").lower()) * (100 if m.group("hundred") else 1)
            value = (value + _word_value((m.group("rest") or "").lower())) * SCALES.get((m.group("wscale") or "").lower(), 1)
            if value < 2 and not qualifier:
                continue  # "one of the ...", "zero morale": not figures
        percent = PERCENT_AFTER_RE.match(text, m.end())
        if unit not in CURRENCIES and (text[m.end():m.end() + 1] == "%" or percent):
            unit = "%"  # "15%", "15 per cent", "Fifteen percent"
            end = m.end() + 1 if percent is None else percent.end()
        low_factor, high_factor = QUALIFIERS.get(qualifier, (1.0, 1.0))
        if high_factor == float("inf") and value >= 100 and value % 10:
            high_factor = 1.1  # "more than 121 feet": a precise figure is a floor only just below the truth
        out.append(Quantity(text[start:end].strip(), value, value * low_factor, value * high_factor, False,
                            start, end, unit))
    return tuple(out)


def _word_value(words: str) -> float:
    return float(sum(UNITS.get(w, 0) for w in re.split(r"[- ]", words)))


ERA_AFTER_RE = re.compile(r"\s*(?:B\.?C\.?(?:E\.?)?|A\.?D\.?|C\.?E\.?)(?!\w)")  # "360 B.C.": a year
AGE_OR_ORDINAL_AFTER_RE = re.compile(r"\s*(-|\s)?(year|month|week|day)s?[- ]old|s\b|th\b|st\b|nd\b|rd\b")
LABEL_BEFORE_RE = re.compile(r"\b(age|aged|No\.?|number|elements?|route|room|gate|chapter|section|page|level|exit|"
                             r"channel|highway|interstate|apartment|suite|stage|category|type|grade|phase|class|top)\s*$"
                             r"|'\s*$", re.IGNORECASE)  # "stage four cancer", "a top 10 hit": a rank or a label
MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_BEFORE_RE = re.compile(rf"\b({MONTH_NAMES})\.?\s*$", re.IGNORECASE)
MONTH_AFTER_RE = re.compile(rf"\s*({MONTH_NAMES})\b", re.IGNORECASE)
APPOSITION_BEFORE_RE = re.compile(r"[A-Z][\w.'’-]*,\s*$")
MODEL_BEFORE_RE = re.compile(r"[A-Za-z]-?$")  # "S-300", "F-16", "G63": a model, not a count
LINK_OR_CODE_RE = re.compile(r"https?:|www\.|[/@#]")  # a word that is a link, a date, a handle or a tag
PHONE_RE = re.compile(r"\b\d{3}[-.]\d{3}[-.]\d{4}\b")
NAME_BEFORE_RE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w-]*\s+$")


def is_identifier_or_age(text: str, quantity: Quantity) -> bool:
    """Numbers that name or describe rather than count: "Flight 370", "Smith, 30,", "6-year-old",
    "June 20", "'90s", "S-300", "407-420-5022", "bit.ly/1SmBXVy", "9/11"."""
    start, end = text.rfind(" ", 0, quantity.start) + 1, text.find(" ", quantity.end)
    if LINK_OR_CODE_RE.search(text[start:end if end != -1 else len(text)]):
        return True
    if quantity.unit:
        return False
    before = text[max(0, quantity.start - 25):quantity.start]
    after = text[quantity.end:quantity.end + 12].lower()
    if AGE_OR_ORDINAL_AFTER_RE.match(after) or ERA_AFTER_RE.match(text, quantity.end) \
            or LABEL_BEFORE_RE.search(before) or MODEL_BEFORE_RE.search(before):
        return True
    if quantity.text == "911" or PHONE_RE.search(text[max(0, quantity.start - 8):quantity.end + 9]):
        return True  # "a 911 call", "407-420-5022"
    if MONTH_BEFORE_RE.search(before) or MONTH_AFTER_RE.match(after):
        return True
    if APPOSITION_BEFORE_RE.search(before) and re.match(r"\s*[,)]", after):
        return True  # "Dwight Smith, 30, was arrested": an age in apposition
    return bool(NAME_BEFORE_RE.search(before) and not re.search(r"^\s*[A-Z][\w-]*\s+$", before))
