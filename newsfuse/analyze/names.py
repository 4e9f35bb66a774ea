"""Names: the spans spaCy's NER marks, cleaned of broken edges, each with the type the
words around it imply (a title, a verb of saying, "the town of")."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from newsfuse.types import NameMention

NAME_LABELS = {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}
PERSON_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "president", "minister", "sheikh", "governor", "gov", "general", "gen",
    "colonel", "col", "senator", "sen", "rep", "representative", "king", "queen", "prince", "princess", "pope",
    "judge", "justice", "spokesman", "spokeswoman", "mayor", "secretary", "commander", "prof", "professor",
    "lord", "sir", "dame", "sgt", "sergeant", "officer", "detective", "lt", "capt", "captain", "chancellor",
    "ceo", "chairman", "chairwoman", "coach", "attorney", "rev", "reverend", "father", "sister", "brother",
    "actor", "actress", "singer", "star", "director", "leader", "speaker", "premier", "ayatollah", "consul",
    "ambassador", "envoy", "cmdr", "commodore", "adm", "admiral", "maj", "cpl", "corporal", "pvt",
    "lieutenant", "emeritus", "sheriff", "clerk", "deputy", "chief", "prosecutor", "examiner", "coroner", "marshal",
    "councilman", "councilwoman", "councilmember", "councillor", "councilor", "alderman", "alderwoman", "congressman",
    "congresswoman", "assemblyman", "assemblywoman", "commissioner", "inspector", "superintendent", "trooper",
    "archbishop", "cardinal", "pres", "supt", "insp", "treasurer", "supervisor", "rabbi", "imam", "auditor",
    "comptroller", "principal", "manager", "editor", "reporter", "correspondent", "columnist", "producer",
    "photographer", "analyst", "economist", "surgeon", "physician", "obstetrician", "prophet", "duchess", "countess",
    "baroness", "airman", "seaman", "spc", "pfc", "ensign", "filmmaker", "novelist", "comedian", "rapper", "musician",
}
# Letters after a name that are no part of it: "James Sturman QC", "Jane Smith MP".
POST_NOMINALS = {"QC", "KC", "MP", "MEP", "MSP", "MBE", "OBE", "CBE", "KBE", "PhD", "MD"}
SAYING_VERBS = {"say", "tell", "add", "state", "explain", "write", "tweet", "warn", "insist", "note", "recall",
                "declare", "argue", "claim", "announce", "continue", "ask", "reply", "respond", "admit", "testify", "answer"}
# Number words that open names as well as counts: "Seven Springs", "Two Eagles".
NUMBER_WORDS = {"Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"}
# Words the tagger may take for a name's first word at a sentence's start: "Despite Kris ...".
NOT_NAME_FIRST_WORDS = {"despite", "although", "though", "because", "unless", "until", "whereas", "whether",
                        "meanwhile", "however", "moreover", "nevertheless", "besides", "unlike", "amid", "during",
                        "wherever", "whenever", "whatever", "whoever", "starring", "featuring"}
# Parts of speech that never open a name: "Said Kate", "Hey Maggie", "After Sunday".
NOT_NAME_START = {"VERB", "AUX", "PRON", "INTJ", "ADP", "CCONJ", "SCONJ", "PART", "ADV", "SYM", "NUM", "X"}
NAME_WORD_POS = {"PROPN", "NOUN", "ADJ", "NUM", "ADP", "DET", "CCONJ", "PUNCT", "PART"}
BREAKING_PUNCTUATION = {"(", ")", "[", "]", '"', "“", "”", ":", ";", "|", "/", "—", "–", "!", "?", "...", "…"}
# AP's state abbreviations, for the names the cluster writes in full elsewhere.
STATE_NAMES = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas",
    "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
    "Minn": "Minnesota", "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada",
    "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "Tenn": "Tennessee", "Tex": "Texas",
    "Va": "Virginia", "Vt": "Vermont", "Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming",
}
# Postal codes and AP's abbreviations; "Miss." has no full name above, being a courtesy title too.
STATE_ABBREVIATIONS = frozenset("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT
NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY Miss""".split()) | frozenset(STATE_NAMES)
US_STATES = frozenset("""
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington
Wisconsin Wyoming""".split()) | {"New York", "New Jersey", "New Mexico", "New Hampshire", "North Carolina",
                                 "South Carolina", "North Dakota", "South Dakota", "West Virginia", "Rhode Island"}
# Countries, US states and a few capitals: places whatever the model says.
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
London Paris Beijing Moscow Tokyo Baghdad Damascus UK US USA
""".split()) | US_STATES | {"United States", "United Kingdom", "South Africa", "North Korea", "South Korea",
                            "Saudi Arabia", "New Zealand", "Los Angeles", "Soviet Union"}
PAGEANT_PLACES = COUNTRIES | {"Universe", "World"}  # "Miss Universe"
PAGEANT_RE = re.compile(r"(?:%s)\b" % "|".join(sorted(PAGEANT_PLACES, key=len, reverse=True)))
ABBREVIATION_END_RE = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:%s)\.)$" % "|".join(
    sorted(STATE_NAMES) + ["Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "St", "Ave", "Blvd", "Rd", "Mt", "Ft", "Bros"]))
# What may follow a comma inside one name, dots left out: "Washington, D.C.", "Memphis, Tenn.", "Acme, Inc.".
NAME_AFTER_COMMA = STATE_ABBREVIATIONS | {"DC", "Inc", "Ltd", "LLC", "Jr", "Sr"}
# Kin and companions name a person beside them: "his wife, Helen", "boyfriend Nick Gordon".
KIN_NOUNS = {"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "boyfriend",
             "girlfriend", "fiance", "fiancé", "fiancee", "fiancée", "widow", "widower", "mom", "dad", "grandmother",
             "grandfather", "grandson", "granddaughter", "niece", "nephew", "cousin", "aunt", "uncle", "stepson",
             "stepdaughter", "stepfather", "stepmother", "sibling", "spouse"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof"}  # courtesy, not a role
SAINTS = {"st", "saint"}  # a title on a person's name ("St Francis of Assisi" is Francis); "St. Louis" is a GPE
# Before a name the model does not mark, titles that only a person bears ("Prince Jefri Bolkiah",
# "Governor Walker"); not "King Kong", "Justice Department", "Chief Technology Officer".
PERSON_ONLY_TITLES = HONORIFICS - {"miss"} | {"prince", "princess", "sheikh", "pope", "governor", "gov",
                                              "senator", "sen", "mayor"}
# Words a hyphen glues to a name to make a modifier: "a Ferguson-era Supreme Court", "Chicago-based".
HYPHEN_MODIFIERS = {"era", "based", "led", "backed", "style", "like", "owned", "born", "run", "funded", "linked",
                    "related", "made", "affiliated", "controlled", "sponsored", "inspired", "bound", "area", "wide"}
PAPER_PARTS = {"fig", "figs", "figure", "figures", "table", "tables", "eq", "eqs", "ref", "refs"}
# Words that end a titled person's name: another title, or a word that makes the whole a title
# ("the Princess Royal", "the Prince Regent")
TITLED_NAME_STOPS = PERSON_TITLES | {"royal", "regent"}
# A company's legal form after its name: "Ford Motor Co.", "Pfizer Inc.".
COMPANY_FORMS = {"inc", "corp", "corporation", "co", "llc", "llp", "ltd", "plc", "ag", "sa", "nv", "gmbh", "holdings"}
# Last words of outlets' names, which speak as people do ("ABC7 News said").
OUTLET_LAST_WORDS = {"news", "press", "times", "journal", "tribune", "herald", "gazette", "chronicle"}
PERSONAL_PRONOUNS = {"he", "she", "him", "his", "himself", "herself"}
# Common nouns whose name stands beside them is an organisation: "the fraternity, Kappa Sigma".
ORGANISATION_NOUNS = {"fraternity", "sorority", "company", "firm", "party", "group", "band", "team", "club",
                      "agency", "organization", "organisation", "network", "newspaper", "channel", "university",
                      "college", "charity", "union", "militia", "brigade", "church", "committee", "council",
                      "startup", "manufacturer", "retailer", "airline", "bank", "carrier", "website", "outlet",
                      "magazine", "broadcaster", "publisher", "automaker", "carmaker", "insurer", "chain", "label",
                      "regulator", "watchdog", "nonprofit", "conglomerate"}
# Words that open a body's "X of Y" name: "Journal of ...", "Department of ...".
BODY_HEADS = {"journal", "department", "institute", "museum", "school", "college", "centre", "center", "society",
              "association", "academy", "bureau", "ministry", "office", "council", "federation", "university",
              "faculty", "board", "commission", "committee", "agency", "foundation", "hospital", "library"}
# People and services a town's name describes: "a DeLand woman", "Chicago police".
LOCAL_NOUNS = {"woman", "man", "resident", "native", "teen", "teenager", "boy", "girl", "couple", "police",
               "mayor", "sheriff"}
# Nouns only a company has: "the Tesla and SpaceX CEO", "Verizon's customers".
COMPANY_NOUNS = {"ceo", "founder", "co-founder", "cofounder", "shares", "share", "stock", "shareholder",
                 "investor", "employee", "customer", "subscriber", "user", "executive", "headquarters", "spokesperson",
                 "product", "app", "brand", "subsidiary", "earnings", "revenue", "profit"}
# Nouns whose name is a product, a drug or a work, not an actor: "Adderall pills", "a refill of Adderall".
PRODUCT_NOUNS = {"pill", "tablet", "capsule", "drug", "medication", "medicine", "prescription", "dose", "refill",
                 "vaccine", "phone", "smartphone", "device", "console", "software", "film", "movie", "album", "song",
                 "novel", "sequel", "franchise", "episode", "probe", "lander", "spacecraft", "rover", "satellite",
                 "rocket", "missile", "ship", "vessel", "yacht", "aircraft", "jet", "drone", "robot", "cast",
                 "screenplay", "trailer", "premiere", "soundtrack", "lyrics"}
DATELINE_MARKS = {",", "(", "—", "–", "-", "--"}
KIND_OF_LABEL = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}
# Words before a name that say it is a place: "the town of Palmyra", "in Palmyra".
PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "county", "state", "country",
               "capital", "island", "suburb", "neighbourhood", "neighborhood", "site", "oasis", "area", "continent",
               "supercontinent", "peninsula", "archipelago"}
# Time zones whose letters are nothing else ("10:00 GMT"), and all, some of which are also states
# or words ("CT", "ET"): a time zone only after a time.
PLAIN_TIME_ZONES = {"GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "BST", "CET"}
TIME_ZONES = PLAIN_TIME_ZONES | {"ET", "CT", "MT", "MST", "MDT", "PT", "CEST", "AEST", "AEDT", "JST"}
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "noon", "midnight"}
PLACE_PREPOSITIONS = {"in", "near", "outside", "into", "across", "towards", "toward", "around", "inside"}


def is_possessive(token) -> bool:
    """"’s", or the lone apostrophe after a plural or a name ending in s: "ABC News’ Linsey Davis"."""
    if token.text in ("’s", "'s"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (token.text in ("’", "'") and before is not None and before.text[-1:] in ("s", "S")
            and not before.whitespace_ and bool(token.whitespace_))


def after_title(token) -> bool:
    """A title's word after another ("General" of "Attorney General Schneiderman"): the span
    starts inside the title, whatever name may follow ("General Motors" follows no title)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (token.lower_.rstrip(".") in PERSON_TITLES and before is not None and before.text[:1].isupper()
            and before.lower_.rstrip(".") in PERSON_TITLES)


def clean_name(span) -> tuple[str, list] | None:
    """The name without a leading article or title, or a trailing possessive; None for a
    span that is not a name (a broken span)."""
    tokens = list(span)
    # A title opens a person's name; in a body's name it may be a word of the name ("General Motors"),
    # so only a courtesy title goes there ("Mr. Smith", which the model calls ORG now and then).
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or len(tokens) > 1 and (
            span.label_ == "PERSON" and tokens[0].lower_.rstrip(".") in PERSON_TITLES | SAINTS
            or span.label_ == "ORG" and (tokens[0].lower_.rstrip(".") in HONORIFICS or after_title(tokens[0])))):
        if tokens[0].lower_ == "miss" and PAGEANT_RE.match(span.doc[tokens[1].i:].text):
            break  # "Miss America", "Miss New Jersey Organization": a pageant, no person and no place
        tokens = tokens[1:]
    if tokens and tokens[0].lower_ == "miss" and " ".join(t.text for t in tokens[1:]) in PAGEANT_PLACES:
        return None  # the pageant's title alone: a beauty queen's or the contest's, as the text goes
    # "Paris Prosecutor Francois Molins", "EY’s Brogan", "Delphi Assistant Fire Chief Curtis Borden" (which
    # the model calls a work): the person is the name after a title or a possessive inside the span; a title
    # before one word is a word of the name ("Khalid Sheikh Mohammed", "Martin Luther King Jr."), and one
    # after a lower-case word a body's ("Office of the Chief Medical Examiner")
    cut = max((i for i, t in enumerate(tokens[1:-1], 1) if is_possessive(t) and span.label_ == "PERSON"
               or t.lower_.rstrip(".") in PERSON_TITLES and t.text[:1].isupper() and len(tokens) - i > 2
               and all(w.text[:1].isupper() for w in tokens)), default=0)
    tokens = tokens[cut + 1:] if cut else tokens
    of = next((i for i, t in enumerate(tokens[1:-1], 1) if t.lower_ == "of"), 0)
    if span.label_ == "PERSON" and of:
        if of < 2:
            return None  # "Secretaries of State", "Friends of the Dartmoor Hill Ponies": no person's name
        tokens = tokens[:of]  # "Freeman Hatch of Kennebunk": the person, then the town he is from
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct and tokens[-1].text not in ".)"
                      or len(tokens) > 2 and tokens[-1].text in POST_NOMINALS):
        tokens = tokens[:-1]
    following = span.doc[tokens[-1].i + 1:tokens[-1].i + 2] if tokens else []
    if span.label_ == "PERSON" and following and following[0].text == "-" and tokens[-1].i + 2 < len(span.doc) \
            and not tokens[-1].whitespace_ and not following[0].whitespace_ and is_name_syllable(span.doc[tokens[-1].i + 2]):
        tokens = tokens + [following[0], span.doc[tokens[-1].i + 2]]  # "Moon Jae-in", cut at the hyphen by the model
        following = span.doc[tokens[-1].i + 1:tokens[-1].i + 2]
    if len(tokens) > 1 and tokens[-1].lower_ == "district" and following and following[0].lower_ == "attorney":
        tokens = tokens[:-1]  # "Delaware County" of "Delaware County District Attorney": the title's place
    if len(tokens) == 1 and tokens[0].lower_.rstrip(".") in PERSON_TITLES:
        return None  # "Cmdr": a title alone
    if not tokens or len(tokens) > 7 or tokens[0].pos_ in NOT_NAME_START and not tokens[0].text.isupper() \
            or tokens[0].lower_ in NOT_NAME_FIRST_WORDS:
        return None
    if any(t.pos_ not in NAME_WORD_POS or t.text in BREAKING_PUNCTUATION or "\n" in t.text for t in tokens):
        return None
    if any(a.pos_ == "CCONJ" and b.lower_.rstrip(".") in PERSON_TITLES for a, b in zip(tokens, tokens[1:])):
        return None  # "Prince George and Princess Charlotte": two names glued by "and"
    if any(t.lower_ in HYPHEN_MODIFIERS and t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_
           for t in tokens[1:]):
        return None  # "Ferguson-era Supreme Court": a name made a modifier, glued to another name
    if any(t.tag_ == "POS" or is_possessive(t) for t in tokens) or tokens[-1].pos_ == "NUM" and len(tokens[0].text) == 1:
        return None  # "Lane's Facebook", "ABC News’ Linsey Davis", "H 2"
    if not tokens[0].text[:1].isupper() or not tokens[-1].text[:1].isalnum():
        return None
    if split_before_another_name(span, tokens[-1]):
        return None  # "Air Chief Marshal Angus" + "Houston": one name the model cut in two
    if span.label_ in KIND_OF_LABEL and any(t.text == "in" and span.doc[t.i - 1].whitespace_ for t in tokens[1:]):
        return None  # "The Telegraph in Calcutta", "Thyme Cafe in Lomita": a name glued to its place
    if tokens[-1].pos_ in ("ADP", "DET", "CCONJ") and not (len(tokens) > 2 and tokens[-2].text == "-" and not tokens[-2].whitespace_):
        return None  # "Twitter of" (the Ivanka Trump HQ), "US Fish and": a name does not end on "of"
    if len(tokens) == 1 and tokens[0].pos_ != "PROPN" and not tokens[0].text.isupper():
        return None  # "Council", "Technology": a capitalised common noun
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is not None and tokens[comma + 1].text.replace(".", "") not in NAME_AFTER_COMMA:
        return None  # "Princeton, University of Pennsylvania": a list, not one name ("Washington, D.C." is one)
    if tokens[-1].lower_.rstrip(".") in PERSON_TITLES and span.doc[tokens[-1].i + 1:tokens[-1].i + 2].text[:1].isupper():
        return None  # "Tangipahoa Parish Sheriff" of "... Sheriff Daniel Edwards": a title before the name
    if any(t.text == tokens[0].text for t in tokens[2:]):
        return None  # "Donald Trump Donald": a name glued to its repetition (a byline beside a heading)
    if len(tokens) > 1 and len(tokens[-1].text) == 1 and tokens[-1].text.isupper():
        return None  # "Abstract A", "Class A": a heading or a label, not a name
    if tokens[-1].lower_ in PAPER_PARTS:
        numbered = [t for t in span.doc[tokens[-1].i + 1:tokens[-1].i + 3] if t.text != "."][:1]
        if numbered and numbered[0].like_num:
            return None  # "(Fig. 1)", "Supplementary Table 2": a part of a paper, not a person
    if len(tokens) == 1 and tokens[0].text.replace(".", "") in ("BC", "BCE", "AD") \
            and any(t.like_num for t in span.doc[max(tokens[0].i - 1, 0):tokens[0].i + 2]):
        return None  # "480 B.C.", "AD 79": an era, not British Columbia
    if tokens[0].i > 1 and span.doc[tokens[0].i - 2].text in ("R", "D", "I") and span.doc[tokens[0].i - 1].text == "-" \
            and not span.doc[tokens[0].i - 2].whitespace_ and not span.doc[tokens[0].i - 1].whitespace_:
        return None  # "Fla." of "John Mica, R-Fla.": a lawmaker's party and state, no place of the story
    if tokens[0].i > 0 and span.doc[tokens[0].i - 1].lower_ == "miss" and span.text in PAGEANT_PLACES:
        return None  # "America" of "the Miss America pageant"
    if len(tokens) == 1 and tokens[0].lower_ in PLACE_NOUNS and span.doc[tokens[0].i + 1:tokens[0].i + 2].text == "of":
        return None  # "Town" of "Town of Menasha": the noun of a place's name, not the place
    if cut_short(span.doc, tokens[-1].i + 1) or begun_before(span.doc, tokens[0].i) or split_at_and(span.doc, tokens) \
            or opens_a_quoted_title(span.doc, tokens[0].i, tokens[-1].i + 1):
        return None  # "New York City" of "New York City Police Department": a longer name cut short
    text = span.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    if not ABBREVIATION_END_RE.search(text):
        text = text.rstrip(".")  # a sentence's full stop; but "U.S.", "Calif.", "Inc." keep theirs
    return (text, tokens) if len(text) > 1 else None


def is_name_syllable(token) -> bool:
    """The second part of a hyphenated Korean given name ("Jae-in", "Hyun-ah"), not an English
    word made of a name ("Cruz-like", "Oscar-winner", "Obama-led")."""
    return token.text.islower() and len(token.text) <= 3 and token.text not in ("led", "era", "run", "old", "age")


def cut_short(doc, i: int) -> bool:
    """Whether a name ending before token i goes on there: a capitalised noun that is no title
    and no other name ("... District Attorney"), or "of", "for", "on" before one ("the UN
    Working Group on Arbitrary Detention", "Syrian Observatory for Human Rights")."""
    if i + 1 < len(doc) and doc[i].lower_ in ("of", "for", "on"):
        i += 1
    return i < len(doc) and is_untitled_noun(doc[i]) and not doc[i].ent_type_


def opens_a_quoted_title(doc, start: int, end: int) -> bool:
    """Whether the name opens a title in quotation marks that goes on after it: "Fox News" of
    '"Fox News Sunday"' (the model reads "Sunday" as a date)."""
    if start == 0 or doc[start - 1].text not in ("\"", "“") or end >= len(doc) or not doc[end].text[:1].isupper():
        return False
    return any(t.text in ("\"", "”") for t in doc[end + 1:end + 6])


# What the model may label the rest of a name it cut, by the label of the first piece.
NAME_GOES_ON_AS = {"PERSON": ("PERSON", "ORG", "GPE"), "ORG": ("ORG", "GPE")}


def split_before_another_name(span, last) -> bool:
    """Whether the model ends a name right before another one begins, with nothing between
    ("Air Chief Marshal Angus" + "Houston", "Faizah Khanum" + "Mustafa Khan"): both are pieces of
    one name. Not a town before its state ("Washington D.C."), nor a body before the person it
    titles ("speaker of the U.S. House of Representatives John Boehner")."""
    following = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
    return (following is not None and last.i + 1 == span.end and following.ent_iob_ == "B"
            and following.pos_ == "PROPN" and bool(last.whitespace_)
            and following.ent_type_ in NAME_GOES_ON_AS.get(span.label_, ()))


def campus_after(doc, i: int):
    """The place after a comma or "at" at token i that a university's name ending there goes on
    with ("University of California, Los Angeles", "University of Texas at Austin"), or None."""
    if i + 1 >= len(doc) or doc[i].text not in (",", "at") or doc[i + 1].ent_type_ != "GPE" or doc[i + 1].ent_iob_ != "B":
        return None
    school = next((e for e in doc.ents if e.start < i and e.end in (i, i + 1)), None)  # the model may take the comma in
    if school is None or not any(t.text == "University" for t in school[:2]) or not any(t.lower_ == "of" for t in school):
        return None
    return next(e for e in doc.ents if e.start == i + 1)


def split_at_and(doc, tokens) -> bool:
    """Whether the span is one half of a body's "X of Y and Z" name split at "and": "Journal of
    Psychiatry" and "Neuroscience" of "Journal of Psychiatry and Neuroscience". Only one
    capitalised word after "and" continues the name ("Bank of America and Wells Fargo" are two),
    and only after a body's word ("the states of Nebraska and Iowa" are two places)."""
    end, start = tokens[-1].i + 1, tokens[0].i
    of = next((t.i for t in tokens if t.lower_ == "of"), None)
    if of is not None and of > start and doc[of - 1].lower_ in BODY_HEADS and end + 1 < len(doc) \
            and doc[end].lower_ == "and" and is_untitled_noun(doc[end + 1]) \
            and not (end + 2 < len(doc) and doc[end + 2].text[:1].isupper()):
        return True
    return len(tokens) == 1 and start >= 4 and doc[start - 1].lower_ == "and" and doc[start - 3].lower_ == "of" \
        and is_untitled_noun(doc[start - 2]) and doc[start - 4].lower_ in BODY_HEADS


# Linking words that only a name or a title capitalises in running text.
TITLE_CASE_LINKS = {"For", "Against", "Of", "On", "With", "To", "In", "At"}


def is_surname(token) -> bool:
    """A capitalised title with no name after it, after a first name, is a surname: "Adrienne
    Mayor, a research scholar" (but "Davis Mayor Robb Davis", "the Davis mayor", "former San
    Francisco Mayor and Chronicle columnist Willie Brown")."""
    after = token.doc[token.i + 1:token.i + 2]
    return token.text[:1].isupper() and token.lower_ in PERSON_TITLES and not (after and after.text[:1].isupper())


def begun_before(doc, i: int) -> bool:
    """Whether a name starting at token i is the end of a longer one: after an ordinal ("the 5th
    U.S. Circuit Court"), or after "of" after a capitalised noun that is no title ("Proceedings
    of the National Academy of Sciences", "the Bank of England"); "the town of Palmyra" and "the
    Governor of Texas" name a place."""
    if i > 0 and re.fullmatch(r"\d+(?:st|nd|rd|th)", doc[i - 1].lower_):
        return True  # "the 5th U.S. Circuit Court of Appeals": the court is "5th ..."
    if i > 1 and doc[i - 1].text in NUMBER_WORDS and doc[i - 2].is_alpha:
        # "Springs Mountain Resort" of "at Seven Springs Mountain Resort": a number word opens the
        # name (not "Injuries: Three Marin County firefighters", a count opening a clause)
        return True
    if i > 1 and doc[i - 1].text in TITLE_CASE_LINKS and doc[i - 1].i > doc[i - 1].sent.start \
            and doc[i - 2].text[:1].isupper():
        return True  # "Trump" of "the Bikers For Trump group": a linking word capitalised inside a name
    if i > 0 and doc[i].ent_type_ != "PERSON" and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].ent_type_ \
            and is_untitled_noun(doc[i - 1]):
        # "Sculthorpe" (a place to the model) of "Heather Sculthorpe", "Baptist Church" of "Ebenezer
        # Baptist Church": the model left a word of the name out. A person's name after a capitalised
        # word is most often after a role ("Chief Executive John Idol").
        return True
    if i > 1 and campus_after(doc, i - 1) is not None:
        return True  # "Los Angeles" of "University of California, Los Angeles", "Austin" of "... Texas at Austin"
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    if i < 2 or doc[i - 1].lower_ != "of":
        return False
    if doc[i - 2].lower_ in ("secretary", "minister", "undersecretary"):
        return True  # "State" of "Secretary of State": the portfolio is a word of the title
    if not is_untitled_noun(doc[i - 2]):
        return False
    # "the town of Palmyra" names a place; "the Southern District of New York" is a court
    named_before = i >= 3 and doc[i - 3].text[:1].isupper() and doc[i - 3].i > doc[i - 3].sent.start
    return doc[i - 2].lower_ not in PLACE_NOUNS or named_before


def is_untitled_noun(token) -> bool:
    """A capitalised noun that is no title: a word of a longer name around a name."""
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN") and token.lower_.rstrip(".") not in PERSON_TITLES


def name_mentions(doc, document: int) -> Iterator[NameMention]:
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        cleaned = clean_name(ent)
        if cleaned is None:
            continue
        text, tokens = cleaned
        campus = campus_after(doc, tokens[-1].i + 1)
        if campus is not None and tokens[0].text == "University":
            # "University of California, Los Angeles": one school
            text += tokens[-1].whitespace_ + doc[tokens[-1].i + 1:campus.end].text
        before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
        # One capitalised word opening a sentence is as often a common word as a name: `facts`
        # keeps it only when the name also occurs elsewhere.
        opening = len(tokens) == 1 and tokens[0].i == 0 and tokens[0].text[1:].islower() and ent.label_ != "GPE"
        # A people or faith describing a noun ("Islamic militants") is labelled surely; a
        # person or a company there is labelled by the noun ("the Trump campaign" as ORG).
        modifier = ent.label_ != "NORP" and modified_noun(tokens[-1]) is not None
        cue = context_cue(tokens, before, after)
        if cue == "PERSON" and (ent.label_ == "NORP" or modifier and ent.label_ != "PERSON"):
            # a people ("American") is never a person; "White House spokeswoman Sarah Sanders
            # said": the person cue is the modified noun's
            cue = ""
        yield NameMention(text, ent.label_, document, cue, opening, modifier)
    yield from titled_people(doc, document)


def titled_people(doc, document: int) -> Iterator[NameMention]:
    """People the model missed but a title names: "Prince Jefri Bolkiah, the 55-year-old younger
    brother of the Sultan" (no entity at all), "Governor Walker"."""
    marked = {t.i for ent in doc.ents for t in ent}
    for title in doc[:-1]:
        title_word = title.lower_.rstrip(".")
        if title_word not in PERSON_ONLY_TITLES or not title.text[:1].isupper():
            continue
        end = title.i + 1
        while end < len(doc) and end - title.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].text.isalpha() and doc[end].lower_ not in TITLED_NAME_STOPS and end not in marked:
            end += 1
        # One word after a courtesy title is a surname ("Mr Palihapitiya"); after another title it
        # may be a first name the text goes on to complete ("[then Mayor Ed] Rendell").
        words = end - title.i - 1
        ends_there = end == len(doc) or doc[end].pos_ != "PROPN"
        if ends_there and (words > 1 or words == 1 and title_word in HONORIFICS):
            cleaned = clean_name(doc.char_span(title.idx, doc[end - 1].idx + len(doc[end - 1]), label="PERSON"))
            if cleaned is not None:
                yield NameMention(cleaned[0], "PERSON", document, "PERSON", False, False)


def modified_noun(root):
    """The common noun a name describes, if it is used as a modifier: "the Trump campaign",
    "the Tesla and SpaceX CEO", "Verizon's customers"."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("compound", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN") and not root.head.ent_type_:
        return root.head  # (the model tags "CEO" PROPN now and then)
    return None


def context_cue(tokens, before, after) -> str:
    """The type the words around a name imply, when they imply one: a title or a verb of
    saying → PERSON; "the town of", "in" → PLACE."""
    if before is not None and before.lower_.rstrip(".") in PERSON_TITLES | KIN_NOUNS and len(tokens) <= 3:
        return "PERSON"
    if before is None and all(t.text.isupper() for t in tokens) and after is not None and after.text in DATELINE_MARKS:
        return "PLACE"  # a dateline: "OSLO—", "BEIRUT (Reuters) -"
    root = tokens[-1]
    if root.text in TIME_ZONES and before is not None and (before.lower_ in CLOCK_WORDS or before.like_num):
        return "OTHER"  # "12:06 a.m. ET", "(0406 GMT)": a time zone, not a person or Connecticut
    if after is not None and after.text == "," and in_state(root.doc, after.i + 1):
        return "PLACE"  # "in Millis, Mass.", "Millis, Mass. home"
    if len(tokens) > 1 and root.lower_.rstrip(".") in COMPANY_FORMS:
        return "ORG"  # "Spaeder LLP", "Ford Motor Co. said": a company, whatever it does
    after_the = before is not None and before.lower_ == "the"  # "the Met said", "the White House": a body
    # "ABC7 News said", "the Logansport Pharos-Tribune reported": outlets speak too
    speaker = "ORG" if len(tokens) > 1 and root.lower_ in OUTLET_LAST_WORDS else "PERSON"
    if root.dep_ == "nsubj" and root.head.lemma_ in SAYING_VERBS and not after_the:
        return speaker  # "Haimour said"
    doc = root.doc
    if root.dep_ in ("nsubj", "nsubjpass") and not after_the and any(t.lower_ in PERSONAL_PRONOUNS for t in doc[root.i + 1:]):
        return speaker  # "Knowles struck first when he hit a Walgreens": organisations are not "he"
    appositions = [c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    # "his wife of thirty years, Helen", "Helen, his wife" (the comma: the parser also makes "told
    # CTV Toronto her son ..." an apposition)
    if root.dep_ == "appos" and root.head.lemma_.lower() in KIN_NOUNS and before is not None and before.text == "," \
            or KIN_NOUNS.intersection(appositions) and after is not None and after.text == ",":
        return "PERSON"
    # "Shia militias", "Iraqi town": a people or a faith describing the noun, not its name.
    if root.dep_ in ("compound", "appos") and root.head.pos_ == "NOUN" and root.ent_type_ != "NORP":
        head = root.head.lemma_.lower()  # "Kappa Sigma fraternity", "the fraternity, Kappa Sigma,"
        if head in ORGANISATION_NOUNS and not (root.dep_ == "compound" and root.ent_type_ in ("GPE", "LOC")):
            return "ORG"  # but "a U.S. carrier", "Gulf airlines" are bodies of a place
        if head in PLACE_NOUNS:
            return "PLACE"
    described = modified_noun(root)
    article = before
    while article is not None and article.pos_ == "ADJ" and article.i > 0 and root.ent_type_ != "PERSON":
        article = article.doc[article.i - 1]  # "a new BMW"; but "an unsuspecting Bradley Cooper"
    if article is not None and article.lower_ in ("a", "an") and article.head.i == root.i and len(tokens) <= 3:
        return "OTHER"  # "a Silver Star", "a new BMW": one of many, so a thing; not "a Harvard-trained lawyer"
    if described is not None and described.lemma_.lower() in COMPANY_NOUNS:
        return "ORG"
    of_what = before.head if before is not None and before.lower_ == "of" else described
    if of_what is not None and of_what.lemma_.lower() in PRODUCT_NOUNS or PRODUCT_NOUNS.intersection(appositions):
        return "OTHER"  # "Adderall pills", "a refill of Adderall", "the Star Wars franchise", "Philae, the probe"
    if before is not None and before.pos_ == "NOUN" and before.lemma_ in PRODUCT_NOUNS \
            and (root.ent_type_ not in ("PERSON", "GPE") or root.dep_ == "appos" and root.head.i == before.i):
        # "the new Bond film Spectre", "her album Lemonade"; not "the movie Obama saw", "the rocket Pyongyang launched"
        return "OTHER"
    listed = list_kind(root)
    if listed:
        return listed
    if root.i + 3 < len(doc) and doc[root.i + 1].text == "," and doc[root.i + 2].like_num and doc[root.i + 3].text == ",":
        return "PERSON"  # "Amber Pasztor, 24, was": an age in apposition
    if root.i + 2 < len(doc) and doc[root.i + 1].text == "," and doc[root.i + 2].lower_ in ("who", "whom") \
            and not (after_the and root.tag_ == "NNPS"):
        return "PERSON"  # "witnessed by Amanda Cooper Lickliter, who snapped a photo"; not "the Knicks, who"
    if root.dep_ in ("compound", "amod") and root.head.lemma_.lower() in LOCAL_NOUNS and root.ent_type_ != "NORP" \
            and not (root.ent_type_ == "PERSON" and is_surname(root.head)):
        return "PLACE"  # "a DeLand woman", "DeLand police": people and services named by their town
    if before is not None and before.lower_ == "of" and before.head.lower_ in PLACE_NOUNS:
        return "PLACE"
    if before is not None and before.lower_ in PLACE_PREPOSITIONS and root.dep_ == "pobj" and root.tag_ != "NNPS" \
            and root.ent_type_ not in ("LANGUAGE", "NORP", "PERSON"):  # "in Arabic" is a language; "toward Obama" a person
        return "PLACE"
    if after_the and root.ent_type_ == "PERSON" and described is None and root.tag_ != "NNPS" \
            and not root.text.endswith("s"):
        return "OTHER"  # "the Musashi", "the Heat": one person is not "the" anyone (a family is: "the Kleins")
    return ""


def in_state(doc, i: int) -> bool:
    """Whether a US state starts at token i and closes the phrase, as a town's state does ("Millis,
    Mass. home", "Austin, Texas, on Monday"); not "Cruz, Texas's senator", "Warren, D-Mass.".
    Postal codes are left out: "Albert Quan, MD" is a doctor."""
    for state in (doc[i:i + 1], doc[i:i + 2]):
        if len(state) and (state.text in US_STATES or state.text.endswith(".") and state.text[:-1] in STATE_NAMES):
            end = state.end
            return state.text.endswith(".") or end == len(doc) or doc[end].is_punct and doc[end].text != "'s" \
                or doc[end].pos_ in ("ADP", "CCONJ", "VERB", "AUX")
    return False


def list_kind(root) -> str:
    """The kind shared by the other names in a list with this one ("AT&T, Verizon, Sprint"):
    a list holds names of one kind, so two or more agreeing neighbours outvote a lone label."""
    kinds = Counter(KIND_OF_LABEL.get(t.ent_type_, "") for t in root.conjuncts)
    kinds.pop("", None)
    if not kinds:
        return ""
    [(kind, n)] = kinds.most_common(1)
    return kind if n >= 2 and n == sum(kinds.values()) else ""
