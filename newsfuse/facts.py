"""Key facts of a story: people, places and organisations, figures, and a timeline.

Everything here is rule-based and fast (a few milliseconds per cluster): capitalised
spans typed by the words around them, numbers parsed with what they count, and dated
phrases resolved against the article's publication date when it is known.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from newsfuse.types import Document, Entity, Event, Facts, Figure, Sentence

# ---------------------------------------------------------------- quantities

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
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
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "up to": (0.0, 1.0), "as many as": (0.0, 1.0),
    "fewer than": (0.0, 1.0), "less than": (0.0, 1.0), "under": (0.0, 1.0), "about": (0.85, 1.15),
    "around": (0.85, 1.15), "approximately": (0.85, 1.15), "roughly": (0.85, 1.15),
    "some": (0.85, 1.15), "an estimated": (0.85, 1.15), "estimated": (0.85, 1.15),
}
_WORD_NUMBER = r"(?:%s)(?:[- ](?:%s))?" % ("|".join(UNITS), "|".join(k for k in UNITS if k.endswith("ty") or len(k) > 3))
# The amount is searched alone and its qualifier looked for just before it: trying the
# qualifiers at every position of every sentence made this the pipeline's slowest regex.
QUANTITY_RE = re.compile(
    r"(?P<amount>(?P<vague>\b(?:%s)\b)" % "|".join(sorted(VAGUE, key=len, reverse=True))
    + r"|(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<dscale>million|billion|thousand|bn|m|k)\b)?"
    + r"|\b(?P<words>%s)(?:\s+(?P<wscale>hundred|thousand|million|billion))?\b)" % _WORD_NUMBER,
    re.IGNORECASE,
)
QUALIFIER_BEFORE_RE = re.compile(
    r"\b(?:%s)\s+$" % "|".join(sorted(QUALIFIERS, key=len, reverse=True)), re.IGNORECASE)
YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
# Every quantity has a digit or one of these words; most sentences have neither, and testing
# for them first is far cheaper than running QUANTITY_RE.
NUMBER_WORDS = frozenset(UNITS) | {"hundred", "hundreds", "thousand", "thousands", "millions", "dozen", "dozens",
                                   "scores", "handful"}
DIGIT_RE = re.compile(r"\d")
LETTERS_RE = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Quantity:
    text: str  # as written, qualifier included
    value: float
    low: float
    high: float
    vague: bool
    start: int
    end: int


def parse_quantities(text: str) -> list[Quantity]:
    """Numbers in a sentence with the range they allow; years and clock times are skipped."""
    return list(_quantities(text))


@lru_cache(maxsize=50_000)  # facts and disagree both read every sentence's figures
def _quantities(text: str) -> tuple[Quantity, ...]:
    out: list[Quantity] = []
    if not DIGIT_RE.search(text) and NUMBER_WORDS.isdisjoint(LETTERS_RE.findall(text.lower())):
        return ()
    for m in QUANTITY_RE.finditer(text):
        before = QUALIFIER_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
        start = before.start() if before else m.start()
        qualifier = before.group(0).strip().lower() if before else ""
        written = text[start:m.end()].strip()
        if m.group("vague"):
            low, high = VAGUE[m.group("vague").lower()]
            out.append(Quantity(written, (low + high) / 2, low, high, True, start, m.end()))
            continue
        if m.group("digits"):
            digits = m.group("digits")
            if YEAR_RE.match(digits) and not m.group("dscale"):
                continue
            if text[m.end():m.end() + 1] in (":", "%") or text[max(0, start - 1):start] in ("$", "£", "€", "#", ":"):
                continue  # times, percentages and money are not head counts
            value = float(digits.replace(",", "")) * SCALES.get((m.group("dscale") or "").lower(), 1)
        else:
            value = _word_value(m.group("words").lower()) * SCALES.get((m.group("wscale") or "").lower(), 1)
            if value < 2 and not qualifier:
                continue  # "one of the ...", "zero morale": not figures
        low_factor, high_factor = QUALIFIERS.get(qualifier, (1.0, 1.0))
        out.append(Quantity(written, value, value * low_factor, value * high_factor, False, start, m.end()))
    return tuple(out)


def _word_value(words: str) -> float:
    return float(sum(UNITS.get(w, 0) for w in re.split(r"[- ]", words)))


# What a figure counts: the event verb near it and the noun right after it.
EVENT_WORDS = {
    "killed": "killed", "kill": "killed", "killing": "killed", "dead": "killed", "died": "killed",
    "deaths": "killed", "death": "killed", "lives": "killed", "fatalities": "killed", "massacred": "killed",
    "fled": "fled", "flee": "fled", "fleeing": "fled", "displaced": "fled", "exodus": "fled",
    "evacuated": "fled", "wounded": "injured", "injured": "injured", "hurt": "injured",
    "arrested": "arrested", "detained": "arrested", "missing": "missing", "kidnapped": "kidnapped",
    "abducted": "kidnapped",
}
PEOPLE = {"people", "persons", "residents", "individuals", "inhabitants", "civilians", "lives"}
TIME_NOUNS = {"day", "week", "month", "year", "hour", "minute", "second", "decade", "century", "millennia",
              "time", "figure", "percent", "per", "cent", "times"}
# Distances, areas and weights ("100 kilometres west of Baghdad") locate or describe; they are
# not the counts a story turns on.
MEASURE_NOUNS = {"mile", "kilometre", "kilometer", "km", "metre", "meter", "feet", "foot", "inch", "yard", "acre",
                 "hectare", "square", "pound", "kilogram", "kg", "ton", "tonne", "degree", "mph", "kph", "gallon", "litre",
                 "liter"}
NOT_HEAD_COUNTS = TIME_NOUNS | MEASURE_NOUNS  # spans and sizes: what they count is not people or things
MIN_FIGURE_WITHOUT_EVENT = 10
SKIP_AFTER_NUMBER = {"more", "other", "of", "the", "local", "new", "additional", "extra", "armed", "iraqi", "syrian"}
WORD_RE = re.compile(r"[A-Za-z][\w'-]*")


NOT_A_NOUN = {"have", "has", "had", "were", "was", "are", "is", "to", "and", "in", "on", "at", "from", "who",
              "which", "that", "of", "been", "be", "more"}


def counted_thing(sentence: str, quantity: Quantity) -> tuple[str, str, str]:
    """(event, noun, noun as written) counted by a quantity, e.g. ("fled", "people", "residents")
    for "40,000 residents have fled". The noun is normalised so that reports can be compared.

    The event is the event word nearest to the number, within six words after it or
    three before it ("killing 27", "27 people were killed")."""
    after = WORD_RE.findall(sentence[quantity.end:quantity.end + 60])
    noun = written = ""
    for word in after[:3]:
        lower = word.lower()
        if lower in SKIP_AFTER_NUMBER:
            continue
        if lower in NOT_A_NOUN:
            break
        noun = "people" if lower in PEOPLE else lower.rstrip("s") if len(lower) > 3 else lower
        written = "" if lower in EVENT_WORDS else word  # "220,000 lives": the event says it
        break
    before = [w.lower() for w in WORD_RE.findall(sentence[max(0, quantity.start - 50):quantity.start])][-3:]
    candidates = [(i, w) for i, w in enumerate(w.lower() for w in after[:6])]
    candidates += [(len(before) - i - 0.5, w) for i, w in enumerate(before)]
    event = ""
    for _, word in sorted(candidates):
        if word in EVENT_WORDS:
            event = EVENT_WORDS[word]
            break
    return event, noun, written


AGE_OR_ORDINAL_AFTER_RE = re.compile(r"\s*(-|\s)?(year|month|week|day)s?[- ]old|s\b|th\b|st\b|nd\b|rd\b")
LABEL_BEFORE_RE = re.compile(r"\b(age|aged|No\.?|number)\s*$|'\s*$", re.IGNORECASE)
MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_BEFORE_RE = re.compile(rf"\b({MONTH_NAMES})\s*$", re.IGNORECASE)
MONTH_AFTER_RE = re.compile(rf"\s*({MONTH_NAMES})\b")
APPOSITION_BEFORE_RE = re.compile(r"[A-Z][\w.'’-]*,\s*$")


def is_identifier_or_age(text: str, quantity: Quantity) -> bool:
    """Numbers that name or describe rather than count: "Flight 370", "Smith, 30,", "6-year-old",
    "June 20", "'90s"."""
    before = text[max(0, quantity.start - 25):quantity.start]
    after = text[quantity.end:quantity.end + 12].lower()
    if AGE_OR_ORDINAL_AFTER_RE.match(after) or LABEL_BEFORE_RE.search(before):
        return True
    if MONTH_BEFORE_RE.search(before) or MONTH_AFTER_RE.match(after):
        return True
    if APPOSITION_BEFORE_RE.search(before) and re.match(r"\s*[,)]", after):
        return True  # "Dwight Smith, 30, was arrested": an age in apposition
    return bool(re.search(r"(?<![.!?]\s)\b[A-Z][\w-]*\s+$", before) and not re.search(r"^\s*[A-Z][\w-]*\s+$", before))


# ---------------------------------------------------------------- entities

PERSON_TITLES = {
    "mr", "mrs", "ms", "dr", "president", "minister", "sheikh", "ayatollah", "grand", "governor", "general",
    "gen", "colonel", "col", "senator", "sen", "rep", "king", "queen", "prince", "pope", "judge", "chief",
    "spokesman", "spokeswoman", "leader", "mayor", "secretary", "commander", "prof", "professor", "lord",
    "sir", "dame", "caliph", "cailphe",
}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "prof"}
ORG_WORDS = {
    "state", "council", "army", "forces", "ministry", "observatory", "agency", "agencies", "committee",
    "party", "group", "brigade", "units", "union", "nations", "organisation", "organization", "office",
    "department", "university", "police", "court", "bank", "company", "corporation", "inc", "news",
    "times", "post", "channel", "tv", "network", "command", "coalition", "mobilisation", "mobilization",
    "hezbollah", "front", "movement", "commission", "institute", "association", "federation",
}
# Countries and continents: places, whatever the words around them ("the US and Iran agreed").
COUNTRIES = frozenset("""
Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Burma Cambodia Cameroon Canada Chad Chile China
Colombia Congo Croatia Cuba Cyprus Denmark Ecuador Egypt England Eritrea Estonia Ethiopia Finland France
Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland
Israel Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Lebanon Libya Lithuania Mali Malaysia
Mexico Moldova Morocco Mozambique Myanmar Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan
Palestine Panama Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia
Singapore Slovakia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Tanzania Thailand Tunisia Turkey
Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe America Europe Africa Asia
UK US USA
""".split())
PLACE_CUES_BEFORE = {"in", "near", "from", "to", "outside", "towards", "toward", "into", "across", "at"}
PLACE_WORDS = {"province", "city", "town", "village", "county", "state", "region", "district", "river", "base"}
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "the", "a", "an", "but", "and", "or", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their",
    "this", "that", "these", "those", "there", "here", "when", "while", "after", "before", "since", "as",
    "if", "in", "on", "at", "for", "with", "by", "of", "to", "from", "meanwhile", "however", "later",
    "today", "tomorrow", "yesterday", "god", "online", "local", "backed", "some", "many", "both", "last",
}
# Nationality and religious adjectives ("Iraqi forces", "Shia militias") are not entities here.
DEMONYMS = {
    "iraqi", "syrian", "iranian", "american", "british", "shia", "shiite", "shi'ite", "sunni", "kurdish",
    "arab", "arabic", "muslim", "christian", "jewish", "israeli", "palestinian", "russian", "chinese",
    "french", "german", "european", "western", "afghan", "pakistani", "turkish", "egyptian", "saudi",
    "libyan", "yemeni", "lebanese", "jordanian", "ukrainian", "indian", "african", "asian", "english",
    "catholic", "protestant", "hindu", "sikh", "buddhist",
}
# Well-known variant sets that no string rule can join.
ALIASES = [
    {"islamic state", "is", "isis", "isil", "daesh", "da'esh", "islamic state group"},
    {"united states", "us", "u.s.", "usa", "america"},
    {"united nations", "un", "u.n."},
    {"united kingdom", "uk", "u.k.", "britain"},
]
NAME_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|[A-Z]{2,})(?:\s+(?:(?:al|bin|ibn|de|del|van|von|of|the)[-\s]+)?(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*))*"
)


def _is_demonym(word: str) -> bool:
    return word.lower().replace("’", "'") in DEMONYMS or bool(re.search(r"-(backed|dominated|led|based|born)$", word))


def _is_prefix_word(word: str) -> bool:
    """Titles and possessives before a name: "Prime Minister", "Mr", "Iraq's"."""
    lower = word.lower().rstrip(".")
    return lower in PERSON_TITLES or lower == "prime" or lower.endswith(("'s", "’s"))


@lru_cache(maxsize=50_000)  # a name recurs in many sentences and is keyed at each mention
def _key(name: str) -> str:
    words = [w for w in re.split(r"[\s]+", name.lower().replace("’", "'")) if w not in HONORIFICS]
    # British and American spellings of one name ("Mobilisation", "Mobilization") are one key.
    return " ".join(words).removeprefix("the ").replace("isation", "ization")


def _alias_group(key: str) -> int | None:
    for i, group in enumerate(ALIASES):
        if key in group:
            return i
    return None


def _classify(name: str, before: list[str], after: list[str]) -> str:
    words = name.lower().split()
    if name in COUNTRIES or name in ("United States", "United Kingdom"):
        return "PLACE"
    if words[-1] in ORG_WORDS or (name.isupper() and len(name) >= 2) or _alias_group(_key(name)) == 0:
        return "ORG"
    if before and before[-1] in PERSON_TITLES or (after and after[0] in {"said", "told", "says", "added"} and len(words) >= 2):
        return "PERSON"
    if after and after[0] in PLACE_WORDS or before and before[-1] in PLACE_CUES_BEFORE | {"of"} and len(words) <= 2:
        return "PLACE"
    if len(words) in (2, 3) and all(w[0].isalpha() for w in words):
        return "PERSON"
    return ""


def find_entities(sentences: list[Sentence]) -> list[Entity]:
    """People, places and organisations, with name variants merged, most reported first."""
    mentions: list[tuple[str, str, int]] = []  # (name, kind, document)
    for s in sentences:
        for m in NAME_RE.finditer(s.text):
            name = m.group(0).rstrip(".'’").removesuffix("'s").removesuffix("’s")
            name = re.sub(r"^(?:The|A|An)\s+", "", name)
            words = name.split()
            while len(words) > 1 and _is_prefix_word(words[0]) or words and _is_demonym(words[0]):
                words = words[1:]
            name = " ".join(words)
            first = words[0].lower() if words else ""
            if not name or first in NOT_NAMES or (m.start() == 0 and len(name.split()) == 1 and not name.isupper()):
                continue
            if len(words) == 1 and first in ORG_WORDS - {"hezbollah"}:
                continue  # "the Council", "Police": a kind of body, not a name
            before = [w.lower() for w in WORD_RE.findall(s.text[max(0, m.start() - 30):m.start()])]
            after = [w.lower() for w in WORD_RE.findall(s.text[m.end():m.end() + 30])]
            mentions.append((name, _classify(name, before, after), s.document))
    return _merge(mentions)


class _NameIndex:
    """Names seen so far (longest first), indexed so that a shorter variant finds its full
    name in constant time: by alias set, by word suffix ("al-Abadi" → "Haider al-Abadi")
    and by initials ("UN" → "United Nations")."""

    def __init__(self) -> None:
        self.by_alias: dict[int, str] = {}
        self.by_suffix: dict[str, str] = {}
        self.by_initials: dict[str, str] = {}

    def find(self, key: str) -> str | None:
        alias = _alias_group(key)
        if alias is not None:
            return self.by_alias.get(alias)
        stripped = key.replace("al-", "")
        if len(stripped) > 3 and stripped in self.by_suffix:
            return self.by_suffix[stripped]
        return self.by_initials.get(key.replace(".", "")) if len(key) >= 2 else None

    def add(self, name: str) -> None:
        alias = _alias_group(name)
        if alias is not None:
            self.by_alias.setdefault(alias, name)
        words = name.replace("al-", "").split()
        if " of " not in name:
            for i in range(1, len(words)):
                self.by_suffix.setdefault(" ".join(words[i:]), name)
        if len(words) >= 2:
            self.by_initials.setdefault("".join(w[0] for w in name.split() if w not in {"of", "the", "and"}), name)


def _merge(mentions: list[tuple[str, str, int]]) -> list[Entity]:
    groups: dict[str, dict] = {}
    kind_votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    canonical_of: dict[str, str] = {}
    keys = sorted({_key(n) for n, _, _ in mentions}, key=lambda k: -len(k))
    index = _NameIndex()
    for key in keys:
        canonical_of[key] = index.find(key) or key
        if canonical_of[key] == key:
            index.add(key)
    for name, kind, document in mentions:
        canonical = canonical_of[_key(name)]
        group = groups.setdefault(canonical, {"names": defaultdict(int), "documents": set(), "mentions": 0})
        group["names"][name] += 1
        group["documents"].add(document)
        group["mentions"] += 1
        if kind:
            kind_votes[canonical][kind] += 1
    entities = []
    for canonical, group in groups.items():
        votes = kind_votes.get(canonical)
        if not votes:
            continue
        kind = max(votes, key=votes.get)
        # Display the most used full name: "Haider al-Abadi", not "Prime Minister Haider al-Abadi".
        names = sorted(group["names"], key=lambda n: (len(n.split()) < 2, -group["names"][n], len(n)))
        entities.append(Entity(name=names[0], kind=kind, variants=tuple(sorted(group["names"])),
                               documents=tuple(sorted(group["documents"])), mentions=group["mentions"]))
    entities.sort(key=lambda e: (-len(e.documents), -e.mentions, e.name))
    return entities


# ---------------------------------------------------------------- dates

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
DATE_RE = re.compile(
    r"\b(?:(?:on|last|this|late on|early on|by|since)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<dm>\d{1,2})\s+(?P<dm_month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<dm_year>\d{4}))?\b"
    r"|\b(?P<md_month>January|February|March|April|June|July|August|September|October|November|December)\s+(?P<md>\d{1,2})(?:,\s*(?P<md_year>\d{4}))?\b"
    r"|\b(?:in\s+|last\s+)(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<m_year>\d{4}))?\b"
    r"|\b(?P<relative>yesterday|today|last weekend|last week|last month|last year|last summer)\b",
)


def parse_published(published: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def resolve_date(match: re.Match, published: dt.date | None) -> str:
    """ISO date when the phrase and the publication date allow it, else the phrase itself."""
    phrase = match.group(0)
    year = published.year if published else None
    if match.group("weekday") and published:
        target = WEEKDAYS.index(match.group("weekday").lower())
        back = (published.weekday() - target) % 7
        if phrase.lower().startswith("last ") and back == 0:
            back = 7
        return (published - dt.timedelta(days=back)).isoformat()
    if match.group("dm"):
        y = match.group("dm_year") or year
        if y:
            return dt.date(int(y), MONTHS.index(match.group("dm_month").lower()) + 1, int(match.group("dm"))).isoformat()
    if match.group("md_month"):
        y = match.group("md_year") or year
        if y:
            return dt.date(int(y), MONTHS.index(match.group("md_month").lower()) + 1, int(match.group("md"))).isoformat()
    if match.group("month") and (match.group("m_year") or year):
        month = MONTHS.index(match.group("month").lower()) + 1
        y = int(match.group("m_year") or year)
        if not match.group("m_year") and published and month > published.month:
            y -= 1  # "in April" written in February means last April
        return f"{y:04d}-{month:02d}"
    if match.group("relative") and published:
        offsets = {"yesterday": 1, "today": 0, "last week": 7, "last weekend": (published.weekday() + 2) % 7 or 7}
        days = offsets.get(match.group("relative").lower())
        if days is not None:
            return (published - dt.timedelta(days=days)).isoformat()
    return phrase


def build_timeline(sentences: list[Sentence], documents: tuple[Document, ...], limit: int = 10) -> list[Event]:
    """Dated events, resolved dates first in date order, then unresolved ones by document order."""
    events = []
    seen = set()
    for s in sentences:
        published = parse_published(documents[s.document].published) if s.document < len(documents) else None
        for m in DATE_RE.finditer(s.text):
            when = resolve_date(m, published)
            key = (when, s.text)
            if key not in seen:
                seen.add(key)
                events.append(Event(when=when, phrase=m.group(0), sentence=s.text, document=s.document))
            break  # one date per sentence keeps the timeline readable
    resolved = sorted((e for e in events if re.match(r"\d{4}-\d\d", e.when)), key=lambda e: e.when)
    unresolved = [e for e in events if not re.match(r"\d{4}-\d\d", e.when)]
    return (resolved + unresolved)[:limit]


# ---------------------------------------------------------------- figures


def find_figures(sentences: list[Sentence]) -> list[Figure]:
    """Specific figures with what they count, merged when several documents report them.
    A figure that says what happened ("killed", "fled") is kept; one that does not is left out
    when it is a small detail ("three directions") or a count already listed with its event."""
    merged: dict[tuple[float, str, str], dict] = {}
    for s in sentences:
        for q in parse_quantities(s.text):
            if q.vague or is_identifier_or_age(s.text, q):
                continue
            event, noun, written = counted_thing(s.text, q)
            unit = noun.split("-")[-1]
            if unit in NOT_HEAD_COUNTS or noun.startswith(tuple(TIME_NOUNS)) or not (event or noun):
                continue
            if not event and q.value < MIN_FIGURE_WITHOUT_EVENT:
                continue
            counts = " ".join(x for x in (written, event) if x)
            entry = merged.setdefault((q.value, event, noun), {"text": q.text, "counts": counts, "sentence": s.text, "documents": set()})
            entry["documents"].add(s.document)
    with_event = {value for value, event, _ in merged if event}
    figures = [Figure(value=k[0], text=v["text"], counts=v["counts"], sentence=v["sentence"],
                      documents=tuple(sorted(v["documents"])))
               for k, v in merged.items() if k[1] or k[0] not in with_event]
    figures.sort(key=lambda f: (-len(f.documents), -(f.counts.endswith(("killed", "fled", "injured")))))
    return figures


def extract_facts(sentences: list[Sentence], documents: tuple[Document, ...], entities: list[Entity], top: int = 8) -> Facts:
    chosen = []
    for kind in ("PERSON", "PLACE", "ORG"):
        chosen.extend([e for e in entities if e.kind == kind][:top])
    return Facts(entities=tuple(chosen), figures=tuple(find_figures(sentences)[:top]),
                 timeline=tuple(build_timeline(sentences, documents)))
