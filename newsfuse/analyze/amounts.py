"""Amounts: what a number counts (the noun it modifies), what happened to it (the verb that
governs that noun), where and when, its scope and whether the text marks it as a later count."""
from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.analyze.dates import MONTHS
from newsfuse.analyze.names import PLACE_PREPOSITIONS, SAYING_VERBS
from newsfuse.quantities import CURRENCIES, Quantity, is_identifier_or_age, parse_quantities
from newsfuse.types import Amount, Sentence

# What happened, normalised so that outlets' wordings compare: "died" and "killed" are one event.
EVENT_CLASSES = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed", "fatality": "killed",
    "murder": "killed", "slay": "killed", "massacre": "killed", "life": "killed", "casualty": "killed",
    "perish": "killed", "drown": "killed", "apprehend": "arrested",
    "injure": "injured", "wound": "injured", "hurt": "injured", "injury": "injured", "injured": "injured",
    "wounded": "injured", "flee": "fled", "displace": "fled", "evacuate": "evacuated", "exodus": "fled",
    "arrest": "arrested", "detain": "arrested", "missing": "missing", "kidnap": "kidnapped",
    "abduct": "kidnapped", "rescue": "rescued", "homeless": "homeless", "custody": "arrested",
}
# Nouns naming what happened to what they govern: "the evacuation of 70 homes".
NOMINAL_EVENTS = {"evacuation": "evacuate", "killing": "kill", "murder": "murder", "massacre": "massacre",
                  "death": "death", "arrest": "arrest", "detention": "detain", "rescue": "rescue",
                  "abduction": "abduct", "kidnapping": "kidnap", "displacement": "displace", "injury": "injure"}
# Events that happen to people: a number with no noun ("8,000 have fled") counts people.
HUMAN_EVENTS = {"killed", "injured", "fled", "evacuated", "arrested", "missing", "kidnapped",
                "rescued", "homeless"}
PEOPLE = {"people", "person", "individual", "resident", "inhabitant", "civilian", "life", "victim"}
# Events that happen to a verb's object: its subject is who did them ("two gunmen killed three").
DONE_TO_OBJECT = {"killed", "injured", "evacuated", "arrested", "kidnapped", "rescued"}
# Outlets name the same armed men differently ("three rebels", "three terrorists", "three gunmen").
FIGHTERS = {"fighter", "rebel", "terrorist", "gunman", "militant", "insurgent", "jihadist", "jihadi", "attacker",
            "assailant"}
# Outlets name the same people (and homes) differently: "four lawmakers" and "seven politicians"
# count one group.
SAME_COUNTED = {
    **dict.fromkeys(["lawmaker", "legislator", "politician", "deputy", "mp", "congressman", "parliamentarian"], "lawmaker"),
    **dict.fromkeys(["soldier", "troop", "serviceman", "servicemember", "marine"], "soldier"),
    **dict.fromkeys(["officer", "policeman", "policemen", "cop", "trooper"], "officer"),
    **dict.fromkeys(["protester", "demonstrator", "protestor"], "protester"),
    **dict.fromkeys(["migrant", "refugee", "asylum-seeker"], "migrant"),
    **dict.fromkeys(["child", "kid"], "child"),
    **dict.fromkeys(["worker", "employee", "staffer"], "worker"),
    **dict.fromkeys(["passenger", "traveler", "traveller"], "passenger"),
    **dict.fromkeys(["student", "pupil"], "student"),
    **dict.fromkeys(["home", "house", "residence", "dwelling"], "home"),  # "70 homes" and "22 houses" evacuated
}
# Outlets name one thing differently: "a 30-car pileup" and "a 25-vehicle pileup", "the
# 26,330-foot mountain" and "the 26,291-foot peak", "a 5,500-word letter" and "manifesto".
SAME_THINGS = {"car": "vehicle", "truck": "vehicle", "auto": "vehicle", "peak": "mountain", "summit": "mountain",
               "manifesto": "letter", "missive": "letter", "essay": "letter"}
# States that say what happened: "13 people are in custody" were arrested.
STATES = {"custody": "arrested"}
# Nouns naming a total rather than a thing: the thing is in their modifiers ("death toll").
TOTAL_NOUNS = {"toll", "number", "total", "count", "tally", "figure"}
# Verbs that report or frame an event rather than being it: "500 are estimated to have been killed".
FRAMING_VERBS = {"be", "have", "say", "report", "estimate", "believe", "think", "fear", "confirm", "expect",
                 "know", "force", "leave", "cause", "see", "include", "put", "make", "get", "remain", "appear"}
# Framing verbs whose clause is the event's own (unlike "said"): "left 18 dead since Saturday".
RESULT_VERBS = {"leave", "force", "cause", "make", "see", "remain"}
# Words that narrow a count to part of it: "critically injured" is a subset of "injured".
SCOPE_WORDS = {"critically", "seriously", "severely", "badly", "fatally", "mortally", "slightly", "lightly",
               "minor", "serious", "critical", "severe", "other", "more", "additional", "further", "new",
               "foreign", "american", "british", "french", "child", "children", "women", "police", "soldier"}
# Words that say a count is the whole, not a part: "nine people overall have been detained".
WHOLE_WORDS = {"overall", "total", "altogether"}
# Scope words that add to a count rather than narrow it: "seven more were injured".
INCREMENT_WORDS = {"other", "more", "additional", "further", "new"}
PART_BEFORE_RE = re.compile(r"\b(?:including|among them|of them|of whom|of which|among|of those)\s+$", re.IGNORECASE)
PART_AFTER_RE = re.compile(r"\s+(?:of|more|other|others|additional|further)\b")
UPDATE_RE = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|jumped|increased|grew|grown|reached|revised|updated|"
    r"latest|so far|as of|to date|now stands|now at|initially|at first|earlier)\b", re.IGNORECASE)
# Periods that set a count apart from the story's current one: a year, a month, a named event.
PAST_PERIOD_RE = re.compile(r"\b(?:(?:19|20)\d\d|last (?:year|month)|%s)\b|^during\b" % "|".join(m.capitalize() for m in MONTHS))
QUOTE_MARKS = {'"', "“", "”", "‘", "’", "'"}
MAX_INCIDENT_WORDS = 6  # "a 25-vehicle pileup", not a parse gone astray over a whole clause
# What a toll belongs to, by kind: "killed in a pileup" and "the snowstorm left eight dead" are
# two incidents' counts (a part and the whole), while "the attack" and "the bombing" may be one.
INCIDENT_KINDS = {
    **dict.fromkeys(["attack", "bombing", "blast", "explosion", "bomb", "shooting", "clash", "fighting", "violence",
                     "assault", "offensive", "raid", "strike", "airstrike", "shelling", "battle", "ambush", "gunfire",
                     "massacre", "war"], "violence"),
    **dict.fromkeys(["crash", "collision", "accident", "pileup", "wreck", "derailment"], "traffic"),
    **dict.fromkeys(["storm", "snowstorm", "blizzard", "hurricane", "tornado", "flood", "flooding", "cyclone",
                     "typhoon", "weather", "rain", "snow", "heatwave", "wildfire", "landslide", "mudslide"], "weather"),
    **dict.fromkeys(["earthquake", "quake", "tremor", "tsunami", "aftershock"], "earthquake"),
    **dict.fromkeys(["outbreak", "epidemic", "pandemic", "virus", "disease"], "outbreak"),
    **dict.fromkeys(["fire", "blaze", "inferno"], "fire"),
    **dict.fromkeys(["stampede", "crush"], "stampede"),
}
# How far a market or a share fell: "fell", "plunged", "tumbled" are one move.
FALL_VERBS = {"fall", "drop", "plunge", "tumble", "sink", "slide", "decline", "slump", "plummet", "dive", "lose"}
MARKET_WORDS = {"stock": "share", "price": "share", "shares": "share"}
# Sums: "raised $20,000" is money raised, "starts at $1,699" a price; "tax revenue" is tax.
FUNDRAISING_VERBS = {"raise", "donate", "collect", "pledge", "crowdfund"}
PRICE_VERBS = {"cost", "start", "price", "retail"}  # not "sold for": each sale has its price
MONEY_WORDS = {"revenue", "revenues", "money", "fund", "funds", "funding"}
LEMMA_FIXES = {"taxis": "tax"}  # the small model's lemma of "taxes"
# Distances, areas and weights ("100 kilometres west of Baghdad") locate or describe; they are
# not the counts a story turns on, but two sizes of one thing are a dispute.
MEASURE_NOUNS = {"mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "feet", "inch", "yard", "acre",
                 "hectare", "square", "pound", "kilogram", "kg", "ton", "tonne", "degree", "mph", "kph", "gallon",
                 "litre", "liter", "block", "floor", "story", "storey", "page", "word"}
DURATION_NOUNS = {"second", "minute", "hour", "day", "week", "month", "year"}  # "a 39 second video"
DIMENSIONS = {"deep", "tall", "high", "long", "wide", "thick", "heavy", "below", "above"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "away",
              "outside", "from", "off"}
# What a measurement says of its thing: "size" for "the 26,330-foot mountain", a dimension for
# "121 feet deep", "distance" for "90 miles north of Las Vegas" (from the place).
MEASUREMENTS = DIMENSIONS | {"size", "distance"}
SUBJECTS_AND_OBJECTS = {"nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "oprd"}
CLIMB_DEPS = {"prep", "pobj", "conj", "appos"}


def sentence_amounts(doc, sentence: Sentence) -> Iterator[Amount]:
    text = sentence.text
    for quantity in parse_quantities(text):
        if quantity.vague or is_identifier_or_age(text, quantity):
            continue
        span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        # A number inside a date or the name of a thing counts nothing: "the S-300 deal", "the 10
        # Freeway", "the 99-Seat Plan"
        if span is None or any(t.ent_type_ in ("DATE", "TIME", "ORDINAL", "PRODUCT", "FAC", "LAW", "WORK_OF_ART")
                               for t in span) or opens_a_name(doc, span) or closes_a_name(doc, span):
            continue
        yield read_amount(span, quantity, sentence)


def opens_a_name(doc, span) -> bool:
    """"the 10 Freeway", "the 99-Seat Plan", "20 Cent Fox": a number that modifies a singular
    proper noun is part of its name (not "30 Marines", "four U.S. troops", "15 Chinese passengers")."""
    head = span.root.head
    return (head.i >= span.end and head.pos_ == "PROPN" and head.ent_type_ not in ("NORP", "GPE")
            and not head.text.endswith("s") and all(t.pos_ in ("PROPN", "PUNCT") for t in doc[span.end:head.i]))


def closes_a_name(doc, span) -> bool:
    """"Area 51", "Proposition 37", "Apollo 11": a number right after the capitalised noun it belongs
    to (at a sentence's start, the regex that catches "Flight 370" elsewhere cannot tell)."""
    head = span.root.head
    return (span.start > 0 and head.i == span.start - 1 and head.text[:1].isupper()
            and head.pos_ in ("PROPN", "NOUN") and span.root.dep_ in ("nummod", "appos"))


def read_amount(span, quantity: Quantity, sentence: Sentence) -> Amount:
    number = span.root
    noun = counted_noun(number)
    anchor = noun if noun is not None else number
    update = False
    if noun is not None:
        noun = thing_of_total(noun)
    verb, event_word = governing_event(anchor)
    text = sentence.text
    of_group = noun is not None and noun.i > number.i and noun.head.lower_ == "of"  # "two of the gunmen"
    part = bool(PART_BEFORE_RE.search(text[:quantity.start])
                or PART_AFTER_RE.match(text[quantity.end:]) and not of_group)
    whole = anchor.head.head if anchor.head.dep_ == "prep" and anchor.dep_ == "pobj" else None
    if part and verb is None and noun is not None and whole is not None and whole.pos_ in ("NOUN", "PROPN"):
        verb, event_word = governing_event(whole)  # "eight people, including three children, were injured"
    if verb is not None and verb.lemma_.lower() in {"rise", "climb", "jump", "increase", "grow", "reach"}:
        update = True  # "the death toll rose to 500": the count, not what happened
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lemma_.lower() in TOTAL_NOUNS:
            noun = thing_of_total(subject)
        if subject is None or noun is not None and noun.i != subject.i and subject.lemma_.lower() in TOTAL_NOUNS:
            event_word = ""  # the event is in the total's noun: "death toll"
        else:
            verb, event_word = governing_event(subject)
    counted_lemma = noun.lemma_.lower() if noun is not None else ""
    event = EVENT_CLASSES.get(event_word, event_word)
    if event == event_word and event_word not in {*EVENT_CLASSES, "have"} and verb is not None \
            and verb.tag_ not in ("VBD", "VBN"):
        event = ""  # "35 categories uses", "30,000 people affects": a habit or a state, not something that happened
    if counted_lemma == "life" and verb is not None and verb.lemma_.lower() in {"claim", "take", "cost"}:
        event = "killed"  # "the protests claimed 15 lives"
    crime = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"), None) if noun is not None and counted_lemma == "count" else None
    if crime is not None:
        # "five counts of criminal mischief": charges, whatever verb brings them (faces, arrested on)
        # A crime in -ing is its own lemma: the tagger reads some as verbs ("cyberstalke").
        crime_word = crime.lower_ if crime.lower_.endswith("ing") else crime.lemma_.lower()
        counted_lemma, event = f"{CHARGE_COUNT}{crime_word}", "charged"
    if counted_lemma in EVENT_CLASSES and counted_lemma not in ("wound", "injury") \
            and (not event or event in FRAMING_VERBS or event == "dead"):  # "three gunshot wounds" are no three people
        event, counted_lemma = EVENT_CLASSES[counted_lemma], ""  # "17 deaths", "death toll"
    if verb is not None and verb.lemma_.lower() in FALL_VERBS and (quantity.unit == "%" or counted_lemma == "point"):
        # "shares fell less than 1%", "the Dow plunging nearly 1,600 points": how far what fell
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            what_fell = MARKET_WORDS.get(subject.lemma_.lower(), subject.lemma_.lower())
            event, counted_lemma = "fell", f"{what_fell} {quantity.unit or 'point'}"
    if quantity.unit in CURRENCIES and noun is None:
        counted_lemma, counted_text, event = money_matter(number, verb, event)
    else:
        counted_text = counted_phrase(noun) if noun is not None and counted_lemma else ""
    if event in DONE_TO_OBJECT and noun is not None and verb is not None and any(c.dep_ == "dobj" for c in verb.children) \
            and (noun.dep_ == "nsubj" or verb.dep_ == "relcl" and verb.head.i == noun.i
                 and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children)):
        # "two suicide bombings killed 34 people", "the four bombings that have killed two people":
        # the bombings did it, nothing was done to them
        event = ""
    if noun is not None and noun.dep_ == "nsubj" and verb is not None and event not in EVENT_CLASSES.values() \
            and any(c.dep_ == "dobj" and counts_something(c) for c in verb.children):
        event = ""  # "48 volunteers removed about 8,500 pounds of debris": that count is the figure, not theirs
    if counted_lemma in PEOPLE or (not counted_lemma and event in HUMAN_EVENTS):
        counted = "people"
    else:
        counted = "fighter" if counted_lemma in FIGHTERS else SAME_COUNTED.get(counted_lemma, counted_lemma)
    clause = verb if verb is not None else anchor
    while clause.dep_ in ("xcomp", "ccomp", "acomp", "oprd") and clause.head.lemma_.lower() in RESULT_VERBS:
        clause = clause.head  # "has left 18 dead since Saturday": the period hangs on "left"
    clause_tokens = list(clause.subtree)
    # Where it happened is said with a preposition ("killed in Ramadi"); "U.S. troops" is who.
    places = tuple(dict.fromkeys(e.text for e in span.doc.ents if is_place_mention(e) and not (is_source(e) or is_hometown(e))
                                 and e.root.dep_ in ("pobj", "conj", "appos") and attached_to(e.root, {clause.i, anchor.i})
                                 and not names_no_place(e.root, anchor) and not is_origin(e.root, anchor, event)))
    agent = named_subject(verb) if verb is not None else ""
    cause, incident = incident_of(verb, noun) if verb is not None else ("", "")
    # "during Superstorm Sandy", "in the 2014 war": a named event dates a count as a date does.
    dates = [e for e in span.doc.ents if not (span.start <= e.start < span.end) and not is_age(e) and not is_offset(e) and (
        e.label_ == "DATE" or e.label_ == "TIME" and "hour" in e.text.lower()  # "in 19 hours"
        or e.start > 0 and (span.doc[e.start - 1].lower_ == "during"
                            or e.label_ == "EVENT" and span.doc[e.start - 1].lower_ in TIME_PREPOSITIONS))]
    # A relative or adverbial clause dates its own noun or verb: "Wisdom, who was banded in 1956,
    # has raised 35 chicks", "Since experts banded her in 1956, Wisdom has raised 35 chicks".
    dates = [e for e in dates if not in_other_clause(e.root, anchor) and not modifies_other_noun(e, clause)]
    in_clause = [e for e in dates if clause_tokens[0].i <= e.start and e.end <= clause_tokens[-1].i + 1]
    # "over a two-day period during a February 2011 snowstorm": the dated one says which period.
    in_clause.sort(key=lambda e: not PAST_PERIOD_RE.search(e.text))
    period = period_phrase(in_clause[0]) if in_clause else ""
    during = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "during"), None)
    # "canceled during Superstorm Sandy" dates a count by a named event; "during a brawl" (even
    # "between Ku Klux Klan members") is the story's own event and says nothing about the period.
    during_what = next((c for c in during.children if c.dep_ == "pobj"), None) if during is not None else None
    if not period and during_what is not None and (during_what.pos_ == "PROPN" or any(
            c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in during_what.children)):
        period = span.doc[during.i:during.right_edge.i + 1].text
    if not period:  # "the exodus in April, when 114,000 fled": a past month or year elsewhere in the sentence
        # (its own date before the date it was told: "said last year that 30 deaths have been reported since 2009")
        past = min((e for e in dates if PAST_PERIOD_RE.search(e.text)), key=lambda e: dates_a_statement(e, anchor),
                   default=None)
        # "the deadliest attack since July 2011, when Breivik killed 77 people": killed in July 2011
        told_by = past is not None and any(c.dep_ == "relcl" and anchor in c.subtree for c in past.root.children)
        period = "" if past is None else f"in {past.text}" if told_by else period_phrase(past)
    scope = narrowing_words(noun, verb)
    event_text = verb_phrase(verb, noun) if verb is not None else (event_word and event)
    if noun is not None and (unit := unit_after(span, quantity.end, noun)) is not None:
        # "three 250 pound bouncers": how heavy each is, which the parser reads as a count of bouncers
        event, event_text, counted, counted_text, scope = "size", noun.lemma_.lower(), unit.lemma_.lower(), unit.text, ()
    elif counted_lemma in MEASURE_NOUNS and not event:
        event, event_text, origin = measurement(noun)
        places = (origin,) if origin else places
    elif noun is not None and not event and text[quantity.end:quantity.end + 1] == "-" \
            and noun.dep_ in ("compound", "nmod", "amod") and noun.head.pos_ == "NOUN":
        # "a 25-vehicle pileup", "a 12-count indictment": a count that says how big a thing is
        event, event_text = "size", noun.head.lemma_.lower()
        counted = SAME_THINGS.get(counted, counted)
    update = update or bool(UPDATE_RE.search(span.doc[clause_tokens[0].i:clause_tokens[-1].i + 1].text))
    return Amount(
        text=quantity.text, value=quantity.value, low=quantity.low, high=quantity.high, unit=quantity.unit,
        counted=counted, counted_text=counted_text, event=event, event_text=event_text, places=places,
        period=period, agent=agent, cause=cause, incident=incident, scope=scope, part=part, update=update, sentence=sentence,
        asserted=is_asserted(verb, anchor, text[:quantity.start], text[quantity.end:]))


# "need to raise", "a goal of $7 million", "plans to evacuate", "may have been killed"
MODALS = {"would", "could", "may", "might", "should", "must", "will"}
INTENT_VERBS = {"need", "try", "plan", "aim", "hope", "want", "seek", "expect", "attempt", "intend", "threaten",
                "propose", "vow", "promise", "ask", "urge", "wish"}
INTENT_NOUNS = {"goal", "target", "plan", "bid", "effort", "aim", "hope", "pledge", "proposal", "promise", "attempt"}
MARGIN_AFTER_RE = re.compile(r"\s+(?:more|fewer|less|extra)\s+(?:[\w-]+\s+){0,3}?than\b", re.IGNORECASE)
NUMBER_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)"
# "15 of the 21 people", "one of just four rhinos left", "49 of the first 54 seats": the whole
WHOLE_BEFORE_RE = re.compile(
    rf"\b{NUMBER_WORD}\s+(?:out\s+)?of\s+(?:(?:the|its|their|all|just|only|last|remaining|first)\s+){{0,2}}$", re.IGNORECASE)
# "$4,000-$5,000", "between 65,000 and 117,000" (not "between two buildings")
RANGE_BEFORE_RE = re.compile(
    r"(?:\d(?:\s*(?:million|billion|thousand))?\s*(?:-|–|to)|\bbetween\s+[$€£]?[\d,.]+(?:\s*(?:million|billion|thousand))?\s+and)"
    r"\s*[$€£]?$", re.IGNORECASE)
RANGE_AFTER_RE = re.compile(r"(?:\s*(?:-|–)\s*|\s+to\s+)[$€£]?\d")
BETWEEN_BEFORE_RE = re.compile(r"\bbetween\s+[$€£]?$", re.IGNORECASE)
BETWEEN_AFTER_RE = re.compile(r"[^;]{0,30}?\band\s+[$€£]?\d")
# "one in 10 deaths", "a father of two": a rate's base, someone's children
NOT_A_COUNT_BEFORE_RE = re.compile(
    rf"\b(?:{NUMBER_WORD}\s+in\s+(?:every\s+)?|(?:father|mother|mom|dad|parent|grandfather|grandmother)s?\s+of\s+)$",
    re.IGNORECASE)
UNNAMED_WHOLE_AFTER_RE = re.compile(r"\s+of\s+(?:them|those|these|us|you)\b")  # "17 of them": of what?


def is_asserted(verb, anchor, before: str, after: str) -> bool:
    """Whether the sentence states the count as a fact (see Amount.asserted)."""
    if MARGIN_AFTER_RE.match(after) or WHOLE_BEFORE_RE.search(before) or RANGE_BEFORE_RE.search(before) \
            or NOT_A_COUNT_BEFORE_RE.search(before) or BETWEEN_BEFORE_RE.search(before) and BETWEEN_AFTER_RE.match(after) \
            or RANGE_AFTER_RE.match(after) or UNNAMED_WHOLE_AFTER_RE.match(after):
        return False
    if any(t.lemma_.lower() in INTENT_NOUNS and t.pos_ == "NOUN" for t in list(anchor.ancestors)[:3]):
        return False  # "a newly updated goal of $7.0 million"
    if anchor.dep_ == "pobj" and verb is not None and EVENT_CLASSES.get(verb.lemma_.lower()) in HUMAN_EVENTS and (
            anchor.head.lower_ in ("at", "in", "during", "after", "from")
            or anchor.head.lower_ in ("on", "for") and anchor.head.head.i == verb.i):
        # "arrested at two airports", "killed in three attacks", "released on $200 bail": where or
        # how, not whom (but "a minute's silence for the 12 people killed")
        return False
    if verb is None:
        return True
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False
    if verb.dep_ == "acl" and is_infinitive(verb):
        return False  # "a campaign to raise $250,000": what a thing is for, not what happened
    head = verb.head
    return not (verb.dep_ in ("xcomp", "ccomp", "acl") and head.lemma_.lower() in INTENT_VERBS | INTENT_NOUNS)


# Adverbs that finish what a verb says: "sent 800,000 workers home"
DIRECTION_ADVERBS = {"home", "away", "back", "abroad", "overseas", "out", "off"}


NUMBER_NOUNS = {"dozen", "hundred", "thousand", "million", "billion", "score", "total", "sum", "average"}
# Irregular past tenses and their participles (regular ones are written alike).
PAST_PARTICIPLES = {
    "ate": "eaten", "took": "taken", "gave": "given", "drew": "drawn", "wrote": "written", "stole": "stolen",
    "broke": "broken", "chose": "chosen", "drove": "driven", "rode": "ridden", "saw": "seen", "shook": "shaken",
    "spoke": "spoken", "threw": "thrown", "tore": "torn", "wore": "worn", "froze": "frozen", "hid": "hidden",
    "bit": "bitten", "forgave": "forgiven", "grew": "grown", "knew": "known", "blew": "blown", "flew": "flown",
    "began": "begun", "drank": "drunk", "sang": "sung", "sank": "sunk", "rang": "rung", "did": "done",
    "forgot": "forgotten", "swore": "sworn", "overtook": "overtaken", "undertook": "undertaken",
    "withdrew": "withdrawn", "mistook": "mistaken", "rewrote": "rewritten", "wove": "woven", "slew": "slain",
}


def counts_something(noun) -> bool:
    """"about 8,500 pounds", "dozens of aircraft": a noun that is itself a count."""
    return noun.like_num or noun.lemma_.lower() in NUMBER_NOUNS or noun.lower_ in ("dozens", "hundreds", "thousands") \
        or any(c.dep_ == "nummod" for c in noun.children)


def object_words(verb) -> list:
    """A verb's object, short, with the words before it: "the app", "a low-fat diet"; not a count
    ("joined dozens of aircraft") nor a question ("over what period the deaths occurred")."""
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if thing is None or counts_something(thing) or any(c.tag_ in ("WDT", "WP", "WP$") for c in thing.children):
        return []
    words = [thing] + [t for c in thing.children if c.dep_ in ("det", "poss", "compound", "amod")
                       and c.i < thing.i and not any(t.like_num for t in c.subtree) for t in c.subtree]
    # and what it is of or to, short: "lacked access to enough food", not "access" alone
    preposition = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "of")), None)
    whom = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
    if whom is not None and not whom.like_num:
        added = [preposition, whom] + [t for c in whom.children if c.dep_ in ("det", "poss", "compound", "amod")
                                       and c.i < whom.i for t in c.subtree]
        if len(added) <= 4 and not any(t.like_num for t in added):
            words += added
    return words


def verb_phrase(verb, noun=None) -> str:
    """The verb with its particle, its adjective, a direction or the verb it takes: "filed out",
    "went dark", "sent home", "were required to work" ("required" alone says nothing); and its
    object, short, when what is counted is the subject: "270,000 people downloaded the app"."""
    words = [verb] + [c for c in verb.children if c.dep_ == "prt" or c.dep_ == "acomp" and c.pos_ == "ADJ"
                      or c.dep_ == "advmod" and c.lower_ in DIRECTION_ADVERBS]
    complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if complement is not None:  # "were asked to eat a low-fat diet"
        words += [complement] + [c for c in complement.children if c.dep_ == "aux" and c.lower_ == "to"]
        words += object_words(complement)
    elif noun is not None and noun.dep_ == "nsubj" and noun.head.i == verb.i:
        words += object_words(verb)
    # What was counted is the verb's object: the figure reads "1,000 McNuggets eaten", not "ate"
    as_object = noun is not None and noun.dep_ == "dobj" and noun.head.i == verb.i and verb.tag_ == "VBD"
    text, previous = "", None
    for t in sorted(words, key=lambda t: t.i):  # as written where words are next to each other: "low-fat"
        if previous is not None:
            text += previous.whitespace_ if t.i == previous.i + 1 else " "
        text += PAST_PARTICIPLES.get(t.lower_, t.text) if t.i == verb.i and as_object else t.text
        previous = t
    return text


AGE_RE = re.compile(r"\bold\b|-year-")
CHARGE_COUNT = "count of "  # how charges are counted: "count of mischief"


def charged_crime(amount: Amount) -> str:
    """The crime of a count of charges: "mischief" of "five counts of criminal mischief"."""
    return amount.counted.removeprefix(CHARGE_COUNT)


# Units whose count says nothing without what they measure: "3,000 grams of protein", "400 head of cattle".
PARTITIVE_NOUNS = {"kilo", "kilogram", "gram", "head", "worth", "lot", "piece", "bag", "box", "barrel", "bottle", "crate",
                   "sack", "dose", "ounce", "pound", "ton", "tonne", "gallon", "litre", "liter"}


def counted_phrase(noun) -> str:
    """What a number counts as a reader needs it: the noun with its compounds, the nouns listed with
    it that share its number ("10 cities and counties"; not "1,400 rifles and 30,000 bullets") and,
    for a unit, what it measures ("3,000 grams of protein")."""
    text = with_compounds(noun) + listed_with(noun)
    if noun.lemma_.lower() in PARTITIVE_NOUNS:
        measured = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
        if measured is not None:
            text += f" of {with_compounds(measured)}"
    return text


def listed_with(noun) -> str:
    """The bare nouns listed right after a noun, which share its number: ", journalists and guests"
    of "350 politicians, journalists and guests" (not "their seats", "free items", "30,000 bullets")."""
    doc, conjuncts, i, items = noun.doc, {c.i for c in noun.conjuncts}, noun.i + 1, []
    while i + 1 < len(doc) and doc[i].lower_ in (",", "and", "or"):
        i += 1 if doc[i].lower_ == "," and doc[i + 1].lower_ in ("and", "or") and i + 2 < len(doc) else 0
        item = doc[i + 1]
        if item.i not in conjuncts or item.pos_ != "NOUN" or any(c.dep_ not in ("cc", "punct", "conj") for c in item.children) \
                or item.lower_ in (noun.lower_, *(x.lower() for _, x in items)):  # "five reviews, time and time again"
            break
        items.append((doc[i].text, item.text))
        i += 2
    # ("3.5 million jobs and unemployment would stay below 8%": a new clause's subject)
    if not items or items[-1][0].lower() not in ("and", "or") or i < len(doc) and doc[i].pos_ in ("AUX", "VERB"):
        return ""
    return "".join(f" {word} {item}" if word.isalpha() else f"{word} {item}" for word, item in items)


def with_compounds(noun) -> str:
    """The counted noun with the common nouns compounded before it and the words hyphenated to
    it: "service members", "fire engines", "fifth-graders", "co-workers"."""
    doc, start, end = noun.doc, noun.i, noun.i + 1
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == noun.i \
            and doc[start - 1].pos_ == "NOUN":
        start -= 1
    while start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ \
            and doc[start - 2].pos_ != "NUM":  # not the number of "a 30-car pileup"
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
    return doc[start:end].text


def is_age(ent) -> bool:
    """"41-year-old", "children under 5" and the "26" of "Arnold Demoski, 26, of Nulato" are tagged
    DATE but date nothing."""
    before = ent.doc[ent.start - 1].text if ent.start else ""
    return bool(AGE_RE.search(ent.text)) or ent.text.isdigit() and len(ent.text) <= 3 \
        or bool(AGE_BOUND_RE.search(f"{before} {ent.text}"))


AGE_BOUND_RE = re.compile(r"\b(?:under|over|aged?|ages)\s+\d{1,3}(?:\s+(?:and|or|to))?$", re.IGNORECASE)


def is_offset(ent) -> bool:
    """"a day after 24 people were shot", "less than two days after another bombing": how long
    before or after something, not when."""
    return ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in ("after", "before", "earlier", "later") \
        and bool(DURATION_RE.match(ent.text))  # not "on Saturday after they were rescued"


DURATION_RE = re.compile(
    r"^(?:(?:just|only|less than|more than|about|nearly|some|approximately|a few|several)\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|the)?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$",
    re.IGNORECASE)


TIME_PREPOSITIONS = {"in", "on", "since", "over", "during", "by", "until", "from", "for", "after", "before", "at",
                     "through", "throughout", "within", "between"}


RANGE_WORDS = {"and", "to", "through", "until", "-", "–"}  # between the two dates of a period


def period_phrase(ent) -> str:
    """A date with its preposition: "over the past few days", "in April", "since Friday"; a
    range to its end: "between May 2014 and May 2015", "from June 2014 to January 2015"."""
    doc, end = ent.doc, ent.end
    while end + 1 < len(doc) and doc[end].lower_ in RANGE_WORDS and doc[end + 1].ent_type_ == "DATE":
        end += 2  # the link and the next date's first word
        while end < len(doc) and doc[end].ent_type_ == "DATE" and doc[end].ent_iob_ == "I":
            end += 1
    text = doc[ent.start:end].text
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in TIME_PREPOSITIONS:
        return f"{before.lower_} {text}"  # "On Saturday" opening a sentence reads "on Saturday" here
    return text


def money_matter(number, verb, event: str) -> tuple[str, str, str]:
    """(what a sum is, as written, what happened) for a sum no noun counts: "$500,000 in tax
    revenue" is tax; "raised almost $20,000" is money raised; "starts at $1,699" is a price."""
    head = number_head(number)
    kind = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)
    # Only a sum said to have been made, paid or passed: "$1 trillion in cuts" in a debate is a
    # proposal, and a debate has many.
    happened = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if kind is not None and happened is not None and happened.tag_ in ("VBD", "VBN"):
        # "tax revenue" and "taxes" are one kind of sum; "sales" another
        modifier = next((c for c in kind.children if c.dep_ == "compound"), None)
        kind_lemma = LEMMA_FIXES.get(kind.lemma_.lower(), kind.lemma_.lower())
        lemma = modifier.lemma_.lower() if modifier is not None and kind_lemma in MONEY_WORDS else kind_lemma
        return lemma, kind.text, "sum"
    lemma = verb.lemma_.lower() if verb is not None else ""
    if lemma in FUNDRAISING_VERBS:
        return "money", "money", "raised"
    if lemma in PRICE_VERBS:
        return "price", "price", "cost"
    return "", "", event


def unit_after(span, end: int, noun):
    """The unit noun written right after a number (its `span`, ending at character `end`), when
    it describes the counted noun ("250 pound bouncers", "a 39 second video"), or None."""
    unit = span.doc[span.end] if span.end < len(span.doc) else None
    if unit is None or unit.idx != end + 1 or unit.lemma_.lower() not in MEASURE_NOUNS | DURATION_NOUNS or unit.i == noun.i:
        return None
    return unit if unit.dep_ in ("compound", "nmod", "amod") and unit.head.i == noun.i else None


def measurement(unit) -> tuple[str, str, str]:
    """(what is measured, the thing, the place a distance is from) for a unit noun, or three
    empty strings: "the 26,330-foot mountain" → size of the mountain; "more than 121 feet deep"
    → deep; "90 miles north of Las Vegas", "125 miles from Kathmandu" → distance from the place."""
    head = unit.head
    if unit.dep_ in ("nmod", "compound", "amod") and head.pos_ == "NOUN" and head.i != unit.i:
        dimension = next((c.lower_ for c in head.children if c.lower_ in DIMENSIONS), "size")
        return dimension, SAME_THINGS.get(head.lemma_.lower(), head.lemma_.lower()), ""
    if unit.dep_ == "npadvmod" and head.lower_ in DIMENSIONS:
        verb = head.head
        described = verb if head.dep_ in ("amod", "conj") else next(
            (c for c in verb.children if c.dep_ == "nsubj"), head)
        if described.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            described = verb.head  # "the spring, which is 121 feet deep"
        if head.lower_ in ("below", "above") and (described is head or any(c.dep_ in ("prep", "pobj") for c in head.children)):
            return "", "", ""  # "two miles below the surface": where, from a reference the other source may not share
        return head.lower_, SAME_THINGS.get(described.lemma_.lower(), described.lemma_.lower()), ""
    origin = unit if any(c.lower_ == "from" for c in unit.children) else head
    if unit.dep_ == "npadvmod" and head.lower_ in DIRECTIONS or origin is unit:
        # "north of Las Vegas", "miles from Kathmandu", or "from" itself heading the place
        prepositions = [origin] if origin.lower_ in ("of", "from") else [
            p for p in origin.children if p.dep_ == "prep" and p.lower_ in ("of", "from")]
        place = next((o for p in prepositions for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
        if place is not None:
            return "distance", "", " ".join(t.text for t in place.subtree if t.pos_ == "PROPN")
    return "", "", ""


def dates_a_statement(date, anchor) -> bool:
    """Whether a date says when the count was told rather than when what was counted happened:
    "the DEA said last year that ..." (but "In the 2010 Census, 3 percent said they were black":
    the saying is what was counted)."""
    verb = date.root.head
    if verb.dep_ == "prep":  # "told reporters on Monday"
        verb = verb.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in SAYING_VERBS and any(
        c.dep_ == "ccomp" and anchor in c.subtree for c in verb.children)


def in_other_clause(token, anchor) -> bool:
    """Whether a token sits in a clause that does not hold `anchor`: a relative or adverbial one,
    a verb's ("since debuting in 1990", "airlifted 475 people and planned to resume searches on
    Sunday") or a comparison's ("compared with 521 in 2009"). Not a reported one: "The 8,000
    figure is in addition to the exodus in April, Haimour said, when 114,000 fled"."""
    clause = next((t for t in token.ancestors if t.dep_ in ("relcl", "acl", "advcl")
                   or t.dep_ in ("pcomp", "conj") and t.pos_ in ("VERB", "AUX")
                   or t.dep_ == "prep" and t.lemma_ in ("compare", "include")), None)
    return clause is not None and anchor not in clause.subtree


def modifies_other_noun(date, clause) -> bool:
    """A date that describes a noun dates that noun ("the six-year civil war", "monthly
    infusions"), unless the noun says when the clause happened ("killed in the 2014 war")."""
    root = date.root
    if root.dep_ not in ("amod", "compound", "nmod", "poss", "nummod") or root.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = root.head
    return not (noun.dep_ == "pobj" and noun.head.head.i == clause.i)


def attached_to(token, heads: set[int], steps: int = 4) -> bool:
    """Whether a token hangs from one of `heads` through prepositions, compounds and lists:
    "died across Syria" → Syria; not "died ..., many of them in Homs"."""
    for _ in range(steps):
        if token.head.i in heads:
            return True
        if token.dep_ not in ("pobj", "prep", "compound", "conj", "appos", "npadvmod") or token.head.i == token.i:
            return False
        token = token.head
    return False


def named_subject(verb) -> str:
    """The name that does what a count reports, when the subject is one: "OPEC agreed to cut",
    "Russia said it would cut" (up through the verbs that frame the event)."""
    while verb is not None:
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return ""  # "X said four were killed": X reports the count, it did not do it
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and not (subject.pos_ == "PRON" and verb.dep_ == "ccomp"):  # "Russia said it would"
            name = next((e for e in subject.doc.ents if e.start <= subject.i < e.end
                         and e.label_ in ("PERSON", "ORG", "GPE", "NORP")), None)
            if name is not None:
                return name.text
            if subject.pos_ == "PROPN":  # a name NER missed: "Musk has five sons"
                return " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN" and t.dep_ in ("compound", "nsubj"))
            return ""
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head.i != verb.i else None
    return ""


def incident_of(verb, counted) -> tuple[str, str]:
    """The kind of incident a count belongs to and its words, when the clause names one: the
    subject ("the snowstorm left eight dead", "a snowstorm ..., leaving eight dead") or what it
    happened in or by ("two were killed and seven injured in a 25-vehicle pileup"). No words
    when the incident is what is counted ("88 crashes occurred")."""
    def kind(token) -> str:
        # Only a particular incident ("a 25-vehicle pileup", "the roadside bomb attack") sets a
        # count apart; "the fighting", "the blast" is the story's own.
        incident = INCIDENT_KINDS.get(token.lemma_.lower(), "")
        particular = incident and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
                                      or c.dep_ in ("compound", "nummod", "amod") for c in token.children)
        return incident if particular else ""

    def found(token) -> tuple[str, str]:
        start = min((c.i for c in token.lefts if c.dep_ in ("det", "compound", "nummod", "amod")), default=token.i)
        words = [t for t in token.doc[start:token.i + 1] if t.text not in QUOTE_MARKS]
        text = "".join(t.text_with_ws for t in words).strip()
        if words[0].dep_ == "det":  # "The civil war has claimed ...": shown as "in the civil war"
            text = text[0].lower() + text[1:]
        return kind(token), text if len(words) <= MAX_INCIDENT_WORDS and token != counted else ""

    nodes = [verb] + [c for c in verb.children if c.dep_ == "conj"]
    node = verb
    for _ in range(3):  # up through the verbs and the noun a clause describes
        if node.dep_ not in ("ccomp", "xcomp", "conj", "acl", "relcl", "advcl", "oprd", "amod") or node.head.i == node.i:
            break
        node = node.head
        nodes.append(node)
    for node in nodes:
        if node.pos_ == "NOUN" and kind(node):
            return found(node)
        for child in node.children:
            if child.dep_ == "nsubj" and kind(child):
                return found(child)
            if child.dep_ in ("prep", "agent") and child.lower_ in ("in", "by", "during"):
                noun = next((c for c in child.children if c.dep_ == "pobj"), None)
                if noun is not None and kind(noun):
                    return found(noun)
    return "", ""


DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ans", "ians")


def is_place_mention(ent) -> bool:
    """A place by spaCy's label, or a name after "in"/"near" that the model mistyped ("In Homs,")."""
    if ent.label_ in ("GPE", "LOC", "FAC"):
        return True
    if ent.label_ == "NORP" and ent.text.endswith(DEMONYM_ENDINGS):
        return False  # "in Ukrainian": a language or a people, not a place
    return ent.label_ in ("ORG", "PERSON", "NORP") and ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPOSITIONS


# Prepositions before a place that say when or compared with what, not where: "95 incidents
# have taken place since Newtown".
NOT_WHERE_PREPOSITIONS = {"since", "after", "before", "until", "till", "like", "unlike", "than"}


def names_no_place(root, anchor) -> bool:
    """Whether a place name says where nothing counted happened: a time or a comparison ("since
    Newtown"), or a second subject beside the counted one ("45 states and Washington have adopted")."""
    while root.dep_ == "conj" and root.head.i != root.i:
        if root.head.i == anchor.i:
            return True
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in NOT_WHERE_PREPOSITIONS


def is_origin(root, anchor, event: str) -> bool:
    """"85 fifth-graders from Louisville were greeted": where those counted come from, not where it
    happened (but "8,000 people from Ramadi fled": where they fled)."""
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    return (root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.i == anchor.i
            and event not in ("fled", "evacuated", "rescued"))


def is_source(ent) -> bool:
    """"according to the Las Vegas Sun": who reports the count, not where it happened."""
    preposition = ent.root.head
    return preposition.lower_ == "to" and preposition.head.lower_ == "according"


def is_hometown(ent) -> bool:
    """"Dorene Browne-Louis, 45, of Upper Marlboro, Md., was indicted": where a named person is
    from, not where it happened (unlike "residents of Ramadi fled")."""
    token = ent.root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.ent_type_ == "PERSON"


def thing_of_total(noun):
    """"death" for "death toll": what a total counts is its modifier; other nouns are themselves."""
    if noun.lemma_.lower() not in TOTAL_NOUNS:
        return noun
    return next((c for c in noun.children if c.dep_ in ("compound", "amod")), noun)


def number_head(number):
    """The last word of a number: "million" of "1.5 million", of "$1 million"."""
    while number.dep_ in ("compound", "quantmod", "nummod", "amod", "nmod") and number.head.pos_ == "NUM" \
            and number.head.i != number.i:
        number = number.head
    return number


def counted_noun(number):
    """The noun a number counts: "40,000 people", "a $5 million contract", "a death toll of 500"."""
    head = number_head(number)
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        # "killed two of the gunmen": the gunmen it happened to. "six of those arrested", "five
        # of the 19", "two of the injured": a part of another count.
        group = next((c for c in of.children if c.dep_ == "pobj"), None)
        definite = group is not None and group.tag_ == "NNS" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in group.children)
        if definite and group.lemma_.lower() not in EVENT_CLASSES.keys() | PEOPLE and not any(
                c.dep_ in ("nummod", "amod") or c.pos_ == "NUM" for c in group.children):
            return group
        return None
    if head.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ in ("to", "at", "of") and head.head.head.pos_ == "NOUN" \
            and head.head.head.lemma_.lower() in TOTAL_NOUNS:
        return head.head.head  # "a death toll of 500"
    return None


def is_infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def governing_event(anchor) -> tuple[object | None, str]:
    """(verb token, event lemma) of what happened to a counted noun or number."""
    for child in anchor.children:  # "500 people dead", "27 killed", "40 people who were killed"
        lemma = child.lemma_.lower()
        if child.dep_ in ("amod", "acl", "relcl", "acomp") and (lemma in EVENT_CLASSES or child.lower_ in EVENT_CLASSES) \
                and not is_infinitive(child):  # not "two opportunities to kill Saul"
            return child, lemma if lemma in EVENT_CLASSES else child.lower_
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN":
        action = anchor.head.head  # "the evacuation of about 70 homes", "the arrest of 13 people"
        event = NOMINAL_EVENTS.get(action.lemma_.lower(), "")
        if event:
            return action, event
    node = anchor
    through_preposition = False
    for _ in range(4):  # up through prepositions and conjunctions to the verb: "killing of 27 people"
        if node.head.pos_ in ("VERB", "AUX", "ADJ") or node.head.i == node.i or node.dep_ not in CLIMB_DEPS:
            break
        through_preposition |= node.dep_ == "pobj"
        node = node.head
    if node.head.pos_ not in ("VERB", "AUX", "ADJ") or node.dep_ not in SUBJECTS_AND_OBJECTS | CLIMB_DEPS:
        return None, ""
    verb = node.head
    for _ in range(3):  # "are estimated to have been killed", "forced 8,000 to flee"
        if verb.lemma_.lower() not in FRAMING_VERBS:
            break
        complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "acomp", "oprd")
                       and c.pos_ in ("VERB", "ADJ")]  # "has left 18 service members dead"
        # "Seven people believed to be connected to them have been detained": the event, when one is
        complement = next((c for c in complements if c.lemma_.lower() in EVENT_CLASSES), complements[0] if complements else None)
        if complement is None:
            break
        verb = complement
    lemma = verb.lemma_.lower()
    if lemma == "have" and node.dep_ == "dobj" and named_subject(verb):
        return verb, "have"  # "Musk has five sons": what a named one has is a fact about it
    if lemma in FRAMING_VERBS:
        state = next((o.lemma_.lower() for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                      for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in STATES), None)
        return (verb, state) if state else (None, "")  # "13 people are in custody"
    # Any verb says what happened to its subject or object; through a preposition only a known
    # event does: "killed in 3 attacks" is about the attacks, "set records in 29 territories" is not.
    return verb, lemma if lemma in EVENT_CLASSES or verb.pos_ == "VERB" and not through_preposition else ""


def narrowing_words(noun, verb) -> tuple[str, ...]:
    words = set()
    if noun is not None:  # "22 invalid ballots" and "205 legal ballots" count different things
        # A name before the noun says whose ("U.S. troops", "ISAF service members"), not which part.
        words.update(c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")
                     and c.pos_ not in ("NUM", "PROPN") and c.lower_ not in WHOLE_WORDS)
    if verb is not None:
        words.update(c.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in SCOPE_WORDS)
        if verb.dep_ == "relcl":  # "a pileup that killed two": that pileup's toll, not the storm's
            words.add(verb.head.lemma_.lower())
    if noun is not None and noun.lower_ in SCOPE_WORDS:
        words.add(noun.lower_)
    return tuple(sorted(words))
