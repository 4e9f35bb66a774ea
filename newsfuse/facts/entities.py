"""People, places and organisations of a cluster.

Entity types are decided per cluster, not per mention: spaCy's small model mislabels a name
now and then ("Palmyra" as a person), so every mention of a name and of its variants
("Abadi" / "Haider al-Abadi", "IS" / "Islamic State") votes, with the words around each
mention ("the town of", "Mr") and a few well-known names as extra evidence.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator, Set
from dataclasses import dataclass
from functools import lru_cache

from newsfuse.analyze.dates import MONTHS, WEEKDAYS
from newsfuse.analyze.names import (COMPANY_FORMS, COUNTRIES, HONORIFICS, KIN_NOUNS, KIND_OF_LABEL, NOT_NAME_FIRST_WORDS,
                                    PERSON_TITLES, PLAIN_TIME_ZONES, SAINTS, STATE_ABBREVIATIONS, STATE_NAMES,
                                    US_STATES)
from newsfuse.types import Entity, NameMention, Sentence

# Names of these kinds are not key facts: nationalities, events, works, holidays, laws, products.
OTHER = "OTHER"
CUE_WEIGHT = 2  # a title or "the town of" outweighs two contrary mentions of the statistical model
KNOWN_WEIGHT = 5
ONE_MENTION = 2  # the votes of one mention of a full name (its own mentions weigh double)
# spaCy often labels a name that modifies a noun by the noun: "the Trump campaign" as ORG.
MODIFIER_WEIGHT = 0.25
# Web platforms and services, which outlets name as sources and the model types at random.
PLATFORMS = {"twitter", "facebook", "instagram", "youtube", "snapchat", "reddit", "tumblr", "tiktok", "whatsapp",
             "linkedin", "pinterest", "netflix", "hulu", "spotify", "google", "amazon", "uber", "lyft", "airbnb",
             "wikipedia", "yahoo", "craigslist", "ebay", "paypal", "vine", "periscope", "flickr", "myspace", "skype",
             "telegram", "wechat", "weibo"}
CALL_SIGN_RE = re.compile(r"[KW][A-Z]{2,3}")  # a US station's letters: "KARE", "WPXI"
CENTRAL_PLATFORM = 10  # mentions of a platform that make the story about the company
COMPANY_CUE = (r"(?:[’']s (?:CEO|chief|founder|co-founder|executives?|shares|stock|board|headquarters|polic(?:y|ies)|"
               r"spokes\w+|acquisition|owner|parent|revenue|profits?|investors|employees|staff|lawyers?|statement)|"
               r",? (?:Inc\b|Corp\b|said|says|told|announced|confirmed|declined|denied|responded|spokes\w+|CEO|"
               r"executives?|shares|stock|employees|founder|co-founder|acquired|bought|agreed|paid|sued|filed|suspended|"
               r"banned|removed|deleted|blocked|launched|plans|will|would|has said|did not|didn't|does not))")


def company_spoken_of(name: str, text: str) -> bool:
    """Whether the text speaks of the company itself: "Twitter said", "Amazon’s policy", "Facebook Inc"."""
    return re.search(rf"\b{re.escape(name)}{COMPANY_CUE}", text) is not None


# A school's last word: the rest of the name alone is the school ("Stanford" of "Stanford University").
SCHOOL_WORDS = {"university", "college", "school"}
# What a company does, after its name: "Tesla Motors" is "Tesla", "Verizon Wireless" "Verizon".
TRADE_WORDS = {"motors", "motor", "airlines", "airways", "wireless", "mobile", "pharmaceuticals", "technologies",
               "communications", "entertainment", "studios", "pictures", "records", "foods", "energy", "systems",
               "networks", "industries", "enterprises", "labs", "brands"}
# Bodies named after a founder or a place, called by that name alone: "Pew Research Center", "Pew".
FOUNDED_BODIES = {"center", "centre", "institute", "institution", "foundation", "group"}
ORG_WORDS = {
    "agency", "army", "association", "authority", "bank", "board", "bureau", "church", "club", "college",
    "commission", "committee", "company", "congress", "corp", "corporation", "council", "court", "department",
    "foundation", "front", "group", "inc", "institute", "league", "ltd", "ministry", "movement", "network",
    "news", "office", "organisation", "organization", "party", "police", "press", "school", "senate",
    "service", "society", "team", "times", "union", "university", "airlines", "airways", "forces",
    "brigade", "brigades", "units", "observatory", "command", "coalition", "federation", "post", "journal",
    "magazine", "tribune", "herald", "charities", "enterprises", "holdings", "industries", "studios", "bros",
    "ventures", "partners", "navy", "guard", "fleet", "marines", "sheriff", "statesman", "guardian", "reuters",
    "cnn", "bbc", "nbc", "cbs", "abc", "fox", "assn", "dept", "channel", "elementary", "administration",
    "gazette", "chronicle", "shimbun", "zeitung", "productions", "brewing", "brewery", "fc", "afc",
}
# Last words of companies' names that are no body's first word ("Communications for ..." is an office).
BUSINESS_WORDS = {"exports", "galleries", "foods", "farms", "technologies", "pharmaceuticals", "communications",
                  "outfitters",
                  "depot",  # "Home Depot"
                  # newspapers ("Las Vegas Sun", "Daily Mail"), whose last word alone is the paper ("the Telegraph")
                  "sun", "mail", "telegraph", "observer", "inquirer", "enquirer", "dispatch", "courier", "ledger",
                  "sentinel", "mirror", "express", "weekly"}
# Well-known variant sets that no string rule can join.
ALIASES = [
    {"islamic state", "is", "isis", "isil", "daesh", "da'esh", "islamic state group"},
    {"united states", "us", "u.s.", "u.s", "usa", "america", "united states of america"},
    {"united nations", "un", "u.n.", "u.n"},
    {"united kingdom", "uk", "u.k.", "u.k", "britain", "great britain"},
    {"republican party", "gop", "grand old party"},
    {"house of representatives", "house"},  # "the House" of a story about Congress
]


STATE_KEYS = {abbreviation.lower(): state.lower() for abbreviation, state in STATE_NAMES.items()}
DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?")
MIDDLE_INITIAL_RE = re.compile(r"[a-z]\.")


STREET_ABBREVIATIONS = {"st": "street", "ave": "avenue", "blvd": "boulevard", "rd": "road"}
COUNTRY_PREFIX_RE = re.compile(r"^(?:the\s+)?(U\.S\.|US|United States|U\.N\.|UN|United Nations)\s+(?!of\b)(?=\S+\s+\S)",
                               re.IGNORECASE)


def without_country(name: str) -> str:
    """A body's name without the country before it ("U.S. Coast Guard" is "Coast Guard", "UN Security
    Council" "Security Council"); not
    before one word, which may be another name ("U.S. Steel"), nor in a company's name ("US
    Airways Group Inc.")."""
    prefix = COUNTRY_PREFIX_RE.match(name)
    return name if prefix is None or has_company_form(name.lower()) else name[prefix.end():]


@lru_cache(maxsize=50_000)
def name_key(name: str) -> str:
    if DOTTED_ACRONYM_RE.fullmatch(name.strip()):
        return name.replace(".", "").strip().upper()  # "F.B.I." is "FBI"
    name = without_country(name.strip())  # "U.S. Department of Labor" is the story's "Department of Labor"
    words = [w for w in name.lower().replace("’", "'").split() if w.rstrip(".") not in HONORIFICS]
    # "James B. Comey" is "James Comey": a middle initial does not make another person.
    words = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and MIDDLE_INITIAL_RE.fullmatch(w))]
    # "Mount St. Helens" is "Mount St Helens", "U.S. Fish and Wildlife Service" "US Fish ...": an
    # abbreviation's full stops inside a name are optional.
    words = [w.replace(".", "") if i < len(words) - 1 and w.endswith(".") and w.replace(".", "").isalpha() else w
             for i, w in enumerate(words)]
    if len(words) > 1 and words[-1].rstrip(".") in STREET_ABBREVIATIONS:
        words[-1] = STREET_ABBREVIATIONS[words[-1].rstrip(".")]  # "Perry St." is "Perry Street"
    # British and American spellings of one name ("Mobilisation", "Mobilization") are one key.
    key = " ".join(words).removeprefix("the ").replace("isation", "ization").rstrip(".")
    # "Grünberg" and "Grunberg", "Díaz" and "Diaz": outlets drop accents now and then.
    key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    if name.strip().endswith("."):
        key = STATE_KEYS.get(key, key)  # "Calif." is "California" (but "Mo" may be Mo Farah)
    # A short name in capitals is an acronym: "US" and "IS" are names, "Us" and "Is" words.
    return key.upper() if len(key) <= 3 and name.strip().isupper() else key


def alias_group(key: str) -> int | None:
    if len(key) <= 3 and not key.isupper():
        return None
    return next((i for i, group in enumerate(ALIASES) if key.lower() in group), None)


# Last words that make a name an event, a work, an award or a programme, not an actor.
OTHER_WORDS = {"awards", "award", "globes", "olympics", "games", "cup", "festival", "day", "week", "index",
               "alert", "program", "programs", "programme", "act", "bill", "prize", "series", "show", "season",
               "fools", "war", "championship", "championships", "tournament", "open", "marathon", "conference",
               "summit", "forums", "forum", "app", "trek", "wars", "christmas", "eve", "olympic", "finals",
               "paralympics", "paralympic",
               "medal", "medicare", "medicaid", "obamacare", "trumpcare", "race", "massacre", "ages", "era",
               "grammys", "emmys", "oscars", "tonys", "baftas", "jamboree", "fest", "expo", "carnival", "parade",
               "gala", "rodeo", "regatta", "convention", "fair", "average",
               # time zones ("10:00 GMT"), which NER often takes for organisations
               *(zone.lower() for zone in PLAIN_TIME_ZONES)}
AWARDS = {"oscar", "emmy", "grammy", "bafta"}  # alone: "an Oscar", "the Oscar votes" (not "Oscar Pistorius")
# Last words that make a name a place.
PLACE_WORDS = {"street", "avenue", "road", "square", "park", "bridge", "airport", "station", "township",
               "county", "city", "island", "islands", "river", "lake", "mountain", "mountains", "valley", "beach",
               "bay", "side", "place", "heights", "hills", "province", "region", "district",
               "boulevard", "highway", "canyon", "coast", "peninsula", "desert", "sea", "ocean", "village",
               "st", "ave", "blvd", "rd", "hwy", "hospital", "stadium", "arena", "prison", "jail", "mall",
               "cemetery", "terminal", "drive", "parkway", "plaza", "tower", "towers", "building", "way", "lane",
               "trail", "memorial", "zoo", "temple", "cathedral", "mosque", "synagogue", "chapel", "capitol", "complex",
               "oasis", "base", "garden", "gardens", "atoll", "reef", "glacier", "volcano", "strait", "gorge", "canal",
               "creek", "harbor", "harbour", "lagoon", "archipelago"}
# What a district that is a body provides: "Omaha Public Power District", "Palo Alto Unified School District".
SERVICE_WORDS = {"school", "power", "water", "utility", "utilities", "fire", "transit", "sanitation", "irrigation",
                 "sewer", "library", "park", "parks", "hospital", "health", "conservation", "port"}
# First words that make an "X of ..." name an event: "Battle of the Sibuyan Sea", "Siege of Leningrad".
EVENT_FIRST_WORDS = {"battle", "siege"}
# First words of armed and political groups named in Arabic, Urdu or Pashto: "supporters",
# "front", "movement", "party", "army", "society" ("Ansar al-Sharia", "Jabhat al-Nusra", "Lashkar-e-Taiba").
ORG_FIRST_WORDS = {"ansar", "jabhat", "jabhet", "harakat", "hizb", "jaish", "jaysh", "tehrik", "tehreek", "lashkar",
                   "jamaat", "jamaah", "jemaah", "kataib", "kata'ib", "asaib", "liwa", "saraya", "ahrar"}
# First words that make a name a place.
PLACE_FIRST_WORDS = {"mount", "mt", "mt.", "lake", "fort", "port", "cape", "isle", "gulf", "interstate", "highway",
                     "route",
                     # Arabic and Hebrew for village, house, valley, mountain, monastery, hill: "Kfar Souseh",
                     # "Beit Hanoun", "Wadi Barada", "Deir Ezzor", which the model makes people
                     "kfar", "kafr", "beit", "wadi", "jabal", "jebel", "deir", "tel"}
# German and Italian articles opening a name, as their newspapers' names do (not "El", "Le", "La":
# "El Paso", "Le Pen", "La Paz").
FOREIGN_ARTICLES = {"Der", "Die", "Das", "Il"}
# Greek letters: a name made of them is a fraternity or a sorority ("Kappa Sigma", "Delta Psi").
GREEK_LETTERS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
                 "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"}


# Parliaments ("voted in Parliament" names no place) and armed groups the model takes for people.
KNOWN_BODIES = {"parliament", "knesset", "duma", "state duma", "bundestag", "legislature", "national assembly",
                "seanad", "dail", "dáil", "oireachtas", "sejm", "riksdag", "storting", "folketing", "majlis",
                "verkhovna rada", "lok sabha", "rajya sabha", "bundesrat", "cortes",
                "boko haram", "hezbollah", "hizbollah", "al-shabab", "al-shabaab", "taliban", "hamas", "al-qaeda",
                "al qaeda", "al-nusra front", "houthis",
                "vanity fair",  # a magazine, not a fair
                "unesco", "unicef", "interpol", "europol", "frontex"}  # bodies written as words
# Stock indexes ("the Dow fell 500 points"), aircraft, epidemics, germs and medals, which the model
# takes for bodies, people or places.
KNOWN_THINGS = {"dow", "dow jones", "s&p", "s&p 500", "ftse", "ftse 100", "nikkei", "nikkei 225", "hang seng", "dax",
                "cac 40", "nasdaq composite", "air force one", "marine one", "ebola", "zika", "sars", "mers", "covid-19",
                "h1n1", "h5n1", "h7n9", "salmonella", "listeria", "e. coli", "legionella", "norovirus",
                # military decorations: "two Bronze Stars", "a Silver Star"
                *(f"{medal}{s}" for medal in ("bronze star", "silver star", "gold star", "purple heart", "navy cross")
                  for s in ("", "s")), "medal of honor",
                "powerball", "mega millions", "euromillions"}  # lottery games, which the model takes for bodies
# Endings of animals' genera, dinosaurs' most of all, whose names come up in science news.
GENUS_ENDINGS = ("saurus", "ceratops", "raptor", "titan", "pteryx", "suchus", "therium", "pithecus", "odocus", "nychus",
                 "mimus", "lophus", "odon")
KNOWN_PLACES = {"oval office", "world trade center"}  # a room and a site the model takes for bodies
# A navy's or a line's ship prefix: "USS Franklin", "HMS Victory" is a ship, not a body or a person.
SHIP_PREFIXES = {"USS", "USNS", "HMS", "HMCS", "HMAS", "HMNZS", "RMS", "MV"}


# Party members and supporters are a kind of people, not a person or an organisation;
ADHERENTS = {"republican", "republicans", "democrat", "democrats", "democratic", "tory", "tories", "conservative",
             "conservatives", "liberal", "liberals", "socialist", "socialists", "communist", "communists",
             # and believers: "a Mormon", "Sunnis" (not "the Mormon Church"; "Christian" may be a first name)
             "mormon", "mormons", "catholic", "catholics", "muslim", "muslims", "christians", "jew",
             "jews", "jewish", "buddhist", "buddhists", "hindu", "hindus", "sikh", "sikhs", "protestant",
             "protestants", "evangelical", "evangelicals", "sunni", "sunnis", "shia", "shias", "shiite", "shiites",
             "klansman", "klansmen"}
# A people's man or woman: "a Frenchman" is a nationality, which the model makes a person or a body
# ("The Scotsman" is left out: a paper).
NATIONALITY_NOUNS = {f"{people}{one}" for people in ("french", "english", "irish", "welsh", "dutch", "norse", "cornish")
                     for one in ("man", "men", "woman", "women")}
# Armed services' members, capitalised in their press releases ("Soldiers, Sailors and Marines").
SERVICE_MEMBERS = {"soldiers", "sailors", "airmen", "seamen", "guardsmen"}
FAITHS = {"islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism"}  # and "-isms": "Zionism"
NO_ACTORS = ADHERENTS | NATIONALITY_NOUNS | SERVICE_MEMBERS | FAITHS | KNOWN_THINGS


def named_by_ending(word: str) -> bool:
    """An idea ("Zionism"), a people, a dynasty or a meteor shower ("Canaanites", "Perseids") or a
    genus ("Brachiosaurus", "Patagotitan", which the model makes a place), by the word's ending."""
    return word.isalpha() and (word.endswith("ism") or len(word) > 6 and word.endswith(("ites", "ids"))
                               or len(word) > 7 and word.endswith(GENUS_ENDINGS))


# First words of bodies named "X of / for ...": "Friends of the Earth", "Center for Biological Diversity".
BODY_FIRST_WORDS = {"friends", "center", "centre", "alliance", "fund", "campaign", "coalition", "institute"}
COURT_CASE_RE = re.compile(r"\w \(?v(?:s)?\.? \w")  # "Kimble v. Marvel Entertainment", "Roe v Wade"
# A bill or a ballot measure by its number: "HB 1411", "H.R. 3590", "Prop 8", "Amendment 2".
BILL_RE = re.compile(r"(?:[HSA]\.?B\.?|H\.?R\.?|Prop\.?|Proposition|Measure|Amendment|Initiative) ?\d+[A-Z]?"
                     r"|Title [IVXL]+")  # a law's part by its number: "Title IX"


def is_shouted(name: str) -> bool:
    """A name of several words in capitals, as datelines and headings write them ("NEW YORK"),
    shown as the text writes it elsewhere when it does; one word may be an acronym ("UNESCO")."""
    return " " in name and name.isupper() and sum(c.isalpha() for c in name) > 5


def is_form_of(key: str, company: str) -> bool:
    """Whether a company's key is `key` with its legal form: "aereo inc." of "aereo"."""
    words = company.split()
    return " ".join(w.rstrip(",") for w in words[:-1]) == key and words[-1].strip(".,") in COMPANY_FORMS


def has_company_form(key: str) -> bool:
    """A company's key with its legal form after its first word: "pfizer inc.", "acme, llc"."""
    return bool(COMPANY_FORMS.intersection(w.strip(".,") for w in key.split()[1:]))


def known_kind(name: str) -> str:
    word = name.lower().rstrip(".")
    if word in NO_ACTORS or named_by_ending(word) or BILL_RE.fullmatch(name) or COURT_CASE_RE.search(name):
        return OTHER
    if word in KNOWN_PLACES:
        return "PLACE"
    if name in COUNTRIES or name.rstrip(".") in STATE_ABBREVIATIONS:
        return "PLACE"
    if word in KNOWN_BODIES or word.endswith("s") and word[:-1] in POSSESSIVE_COMPANIES:
        return "ORG"  # and "McDonalds", "Macys": those companies written without the apostrophe
    words = word.split()
    if words[-1] in OTHER_WORDS or words[0] in EVENT_FIRST_WORDS and "of" in words \
            or len(words) > 1 and name.split()[0] in SHIP_PREFIXES \
            or len(words) == 1 and words[0] in AWARDS or is_award_for(words):
        return OTHER
    if len(words) > 2 and words[-1] == "district" and words[-2] in SERVICE_WORDS:
        return "ORG"  # "Omaha Public Power District", "Chicago Park District": a utility or a board, not an area
    if len(words) > 1 and words[-1] in PLACE_WORDS and not (words[0] in ORG_WORDS and "of" in words):
        return "PLACE"  # "Union Station"; not "Department of Parks ... District"
    if len(words) > 1 and words[-1] in ORG_WORDS | BUSINESS_WORDS and not (len(words) == 2 and words[1] == "fox") \
            or words[0] in ORG_WORDS | BODY_FIRST_WORDS and len(words) > 2 and words[1] in ("of", "for"):
        # "Associated Press", "Boston College", "Department of Defense", "Center for Biological Diversity"
        # (but "Megan Fox": the network's name is a surname too)
        return "ORG"
    if len(words) > 1 and (words[0] in ORG_WORDS and words[-1].isdigit() or GREEK_LETTERS.issuperset(words)):
        return "ORG"  # a station, "Fox 8", "Channel 11"; a fraternity, "Delta Psi"
    if words[0].split("-")[0] in ORG_FIRST_WORDS and (len(words) > 1 or "-" in words[0]):
        return "ORG"  # "Ansar al-Sharia", "Lashkar-e-Taiba"
    if len(words) > 1 and words[0] in PLACE_FIRST_WORDS:
        return "PLACE"  # "Mount Adams", "Lake Tahoe", "Fort Worth"
    if len(words) > 1 and name.split()[0] in FOREIGN_ARTICLES:
        return "ORG"  # "Der Spiegel", "Die Welt", "Il Messaggero": a paper, never a person
    group = alias_group(name_key(name))
    return {0: "ORG", 1: "PLACE", 2: "ORG", 3: "PLACE"}.get(group, "") if group is not None else ""


# Common nouns written after a name in lower case: "Washington state", "Ramadi area".
COMMON_NOUNS_AFTER_NAMES = {"state", "area", "town", "camp", "region", "province", "county", "city", "river",
                            "institute", "police", "office", "campus", "border", "government", "residents"}


def is_species(name: str) -> bool:
    """A Latin binomial: "Platydemus manokwari", "E. coli" (a genus and a lower-case word that
    is no common noun after a name, as "Zabul province" or "Kennebunk police" are)."""
    words = name.split()
    return (len(words) == 2 and words[0][:1].isupper() and words[1].isalpha() and words[1].islower()
            and len(words[1]) > 3
            and words[1] not in PLACE_WORDS | ORG_WORDS | BUSINESS_WORDS | COMMON_NOUNS_AFTER_NAMES)


# Countries whose names hold "and", which no other person or place name does ("South Side and Ogden").
COUNTRIES_WITH_AND = {"Trinidad and Tobago", "Bosnia and Herzegovina", "Antigua and Barbuda", "Turks and Caicos",
                      "Turks and Caicos Islands", "St. Kitts and Nevis", "Saint Kitts and Nevis", "Wallis and Futuna",
                      "Saint Vincent and the Grenadines", "Sao Tome and Principe", "São Tomé and Príncipe"}
# The last words of North American major-league teams' names. "Miami Heat", "Minnesota Twins",
# "San Francisco 49ers": the model makes them people or towns, and no word around says otherwise.
TEAM_NICKNAMES = frozenset("""
cardinals falcons ravens bills panthers bears bengals browns cowboys broncos lions packers texans colts jaguars chiefs
raiders chargers rams dolphins vikings patriots saints giants jets eagles steelers 49ers seahawks buccaneers titans
redskins commanders hawks celtics nets hornets bulls cavaliers mavericks nuggets pistons warriors rockets pacers
clippers lakers grizzlies heat bucks timberwolves pelicans knicks thunder magic 76ers suns blazers kings spurs raptors
jazz wizards diamondbacks braves orioles cubs reds indians guardians rockies tigers astros royals angels dodgers marlins
brewers twins mets yankees athletics phillies pirates padres mariners rays rangers nationals ducks coyotes bruins sabres
flames hurricanes blackhawks avalanche stars oilers wild canadiens predators devils islanders senators flyers penguins
sharks blues lightning canucks capitals kraken sox jays leafs wings jackets knights""".split())
NICKNAME_FIRST_WORDS = {"red", "white", "blue", "maple", "golden", "trail"}  # "Red Sox", "Maple Leafs"


def is_team(name: str, place_keys: set[str]) -> bool:
    """A place's name and a team's nickname: "Miami Heat", "Boston Red Sox" (not "Bronze Stars",
    "Olsen Twins": what comes before the nickname must be a place of the cluster, a state or a country)."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in TEAM_NICKNAMES:
        return False
    cut = 2 if len(words) > 2 and words[-2].lower() in NICKNAME_FIRST_WORDS else 1
    place = " ".join(words[:-cut])
    return place in US_STATES or place in COUNTRIES or name_key(place) in place_keys


def team_name(name: str, text: str, place_keys: set[str]) -> str:
    """The team a name is, by its full name ("Miami Heat" for "Heat", when the text writes it so), or ""."""
    if is_team(name, place_keys):
        return name
    if " " in name or name.lower() not in TEAM_NICKNAMES:
        return ""
    for m in re.finditer(rf"((?:[A-Z][\w.'-]* ){{1,3}}){re.escape(name)}\b", text):
        words = m.group(1).split()
        for i in range(len(words)):
            if is_team(team := " ".join([*words[i:], name]), place_keys):
                return team
    return ""


AWARD_WORDS = {"prize", "prizes", "award", "awards", "medal", "medals", "trophy"}


def is_award_for(words: list[str]) -> bool:
    """"Pulitzer Prize for Public Service", "Nobel Prize in Physics", "Presidential Medal of
    Freedom": an award named with what it is for, whose last word can name a body."""
    return any(w in AWARD_WORDS and following in ("for", "in", "of") for w, following in zip(words, words[1:]))


ARABIC_ARTICLE_RE = re.compile(r"\b(?:al|el|ul|ad|ash|as|ar|an)-")


def skeleton(key: str) -> str:
    """A name's transliteration-free form, for names written from Arabic: "Hashed al-Shaabi" and
    "Hashid Shaabi", "al-Qaeda" and "al-Qaida" share their consonants. A name matches only one
    written with an Arabic article: "Dan Brown" and "Don Brown" stay two people."""
    words = ARABIC_ARTICLE_RE.sub("", key).split()
    return " ".join(w[0] + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy'’-]", "", w[1:])) for w in words)


# Common English first names' short forms.
SHORT_FORMS = {short: set(full.split()) for short, full in {
    "steve": "steven stephen", "chris": "christopher christine christina", "dan": "daniel", "danny": "daniel",
    "dave": "david", "mike": "michael", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
    "bobby": "robert", "jim": "james", "jimmy": "james", "joe": "joseph", "tom": "thomas", "tony": "anthony",
    "matt": "matthew", "nick": "nicholas", "sam": "samuel samantha", "ben": "benjamin", "alex": "alexander alexandra",
    "andy": "andrew", "jeff": "jeffrey", "greg": "gregory", "ed": "edward", "eddie": "edward", "liz": "elizabeth",
    "beth": "elizabeth", "kate": "katherine catherine kathryn", "katie": "katherine catherine kathryn",
    "jen": "jennifer", "jenny": "jennifer", "pat": "patrick patricia", "rick": "richard", "dick": "richard",
    "rich": "richard", "ron": "ronald", "don": "donald", "ken": "kenneth", "tim": "timothy", "jon": "jonathan",
    "josh": "joshua", "zach": "zachary", "charlie": "charles", "chuck": "charles", "larry": "lawrence",
    "jerry": "gerald jerome", "terry": "terrence terence", "ted": "edward theodore", "fred": "frederick",
    "sue": "susan suzanne", "vicky": "victoria", "becky": "rebecca", "meg": "margaret megan", "peggy": "margaret",
    "abby": "abigail", "gabe": "gabriel", "nate": "nathan nathaniel", "max": "maximilian", "phil": "phillip philip",
    "walt": "walter", "ray": "raymond", "stan": "stanley", "doug": "douglas", "cathy": "catherine",
}.items()}


DEPARTMENT_RE = re.compile(r"(.+) (department|ministry)")
COMMITTEE_RE = re.compile(r"(?:(house|senate|assembly) )?(.+?) (committee|subcommittee)")


class NameIndex:
    """Names seen so far (longest first), indexed so that a shorter variant finds its full
    name: by alias set, by surname ("al-Abadi" → "Haider al-Abadi", people only), by a first
    name only one person has ("Betty" → "Betty White") and by initials ("UN" → "United Nations")."""

    def __init__(self) -> None:
        self.by_alias: dict[int, str] = {}
        self.by_suffix: dict[str, set[str]] = defaultdict(set)
        self.by_initials: dict[str, str] = {}
        self.by_skeleton: dict[str, str] = {}
        self.by_first: dict[str, set[str]] = defaultdict(set)
        self.by_company_start: dict[str, set[str]] = defaultdict(set)
        self.by_founder: dict[str, set[str]] = defaultdict(set)  # "Pew" → "Pew Research Center"
        self.by_committee: dict[str, set[str]] = defaultdict(set)  # a committee's shorter names → its full one
        self.kinds: dict[str, str] = {}

    def find(self, key: str, kind: str = "", place_by_text: bool = False) -> str | None:
        """place_by_text: the words around the name say it is a place ("the city of Davis")."""
        alias = alias_group(key)
        if alias is not None:
            return self.by_alias.get(alias)
        spelled_alike = self.by_skeleton.get(skeleton(key))
        if spelled_alike is not None:
            return spelled_alike
        stripped = key.replace("al-", "")
        owners = self.by_suffix.get(stripped, set())
        # "Bush" with two Bushes stays alone; "India", used as the country, is no "Air India"'s surname,
        # nor the town of "Davis Mayor Robb Davis" his
        if len(stripped) > 2 and len(owners) == 1 and not known_kind(key) \
                and not (kind == "PLACE" and (key.title() in COUNTRIES or place_by_text)):
            return next(iter(owners))
        words = key.split()
        if kind == "PERSON" and len(words) == 2:
            # "Kanasho Johns" is "Kanasho Shadrick Johns": a middle name left out
            middle_named = {k for k in self.by_first.get(words[0], ()) if k.split()[-1] == words[-1]}
            if len(middle_named) == 1:
                return next(iter(middle_named))
            # "Steve Hansen" is "Steven Hansen", "Mike Smith" "Michael Smith": a first name's short
            # form, when only one person has the surname
            same_surname = self.by_suffix.get(words[-1], set())
            if len(same_surname) == 1:
                full_name = next(iter(same_surname))
                if len(full_name.split()) == 2 and full_name.split()[0] in SHORT_FORMS.get(words[0], ()):
                    return full_name
        first_named = self.by_first.get(key, set())
        if not owners and len(key) > 2 and len(first_named) == 1 and not known_kind(key):
            full_name = next(iter(first_named))
            # "Betty" → "Betty White", when only one person is called so; also where the model
            # took a first name for a body ("Amanda is also extremely paranoid"), but not for a
            # place the text calls one ("Paris" is no "Paris Hilton"; but "Areej was pronounced dead",
            # a town to the model alone, is Areej Ali) nor when the full name is a body's
            # ("Merseyside" of "Merseyside Fire and Rescue Service said")
            if kind == "PERSON" or not BODY_WORDS.intersection(full_name.split()) \
                    and (kind != "PLACE" or not place_by_text and key.title() not in COUNTRIES):
                return full_name
        companies = self.by_company_start.get(key, set())
        company = next(iter(companies)) if len(companies) == 1 else ""
        if company and not owners and (
                kind == "ORG" or kind != "PLACE" and " " not in key
                or kind == "PLACE" and not place_by_text and (
                    is_form_of(key, company)
                    or company.split()[-1] in TRADE_WORDS and not is_state_or_country(key))):
            # "Chipotle" → "Chipotle Mexican Grill Inc.", "Dartmouth" → "Dartmouth College"; but
            # "Chicago" is no "Chicago Tribune", "Columbia" the place no "Columbia University" and
            # "Thomas Kinkade" no "Thomas Kinkade Co."; a name the model took for a town is the
            # company when the company is that name and its form ("Aereo" of "Aereo Inc.") or
            # what it does ("Verizon" of "Verizon Wireless"; not "Qatar" of "Qatar Airways")
            return company
        founded = self.by_founder.get(key, set())
        if not owners and len(founded) == 1 and kind == "PERSON" and " " not in key:
            # "Pew", "Brookings", "Riken", which the model takes for people, are the one body named
            # after them (a body it calls one stays apart: "USGS" is no "USGS ... Information Center")
            return next(iter(founded))
        department = DEPARTMENT_RE.fullmatch(key)
        if department and f"{department.group(2)} of {department.group(1)}" in self.kinds:
            return f"{department.group(2)} of {department.group(1)}"  # "Education Department", "Department of Education"
        committees = self.by_committee.get(key, set())
        if len(committees) == 1:
            return next(iter(committees))  # "Ways and Means" of the one "House Ways and Means Committee"
        letters = key.replace(".", "").lower()
        initialled = self.by_initials.get(letters) if len(key) >= 2 and key.isalpha() else None
        if initialled is None and len(letters) > 3 and letters.startswith("us") and key.isalpha():
            initialled = self.by_initials.get(letters[2:])  # "USGA": the "Golf Association" of "U.S. Golf Association"
        if initialled is not None and key.replace(".", "").upper() in PLACE_CODES and self.kinds[initialled] != "PLACE" \
                and initialled.title() not in COUNTRIES:
            return None  # "CT" is Connecticut, not the "Chevy Tahoe" of another sentence; "D.C." no "Dave Carney"
        return initialled

    def add(self, key: str, kind: str) -> None:
        self.kinds[key] = kind
        alias = alias_group(key)
        if alias is not None:
            self.by_alias.setdefault(alias, key)
        words = [w.rstrip(",") for w in key.replace("al-", "").split()]  # "BMY Foods, Inc." starts "BMY Foods"
        if kind == "ORG" and has_company_form(key):
            for i in range(1, len(words)):
                self.by_company_start[" ".join(words[:i])].add(key)
        elif kind == "ORG" and len(words) > 1 and words[-1] in FOUNDED_BODIES:
            for i in range(1, len(words)):
                self.by_founder[" ".join(words[:i])].add(key)
        elif kind == "ORG" and len(words) > 1 and words[-1] in SCHOOL_WORDS | TRADE_WORDS:
            # "Stanford" is "Stanford University"; but "Michigan" is no "Michigan State University"
            self.by_company_start[" ".join(words[:-1])].add(key)
        committee = COMMITTEE_RE.fullmatch(key)
        if kind == "ORG" and committee:
            # "House Ways and Means Committee": "Ways and Means Committee", "Ways and Means" (but
            # "Intelligence Committee" stays alone where both chambers' are named)
            chamber, name, noun = committee.groups()
            for shorter in {f"{name} {noun}", name, f"{chamber} {name}" if chamber else ""} - {key, ""}:
                self.by_committee[shorter.strip()].add(key)
        person = kind == "PERSON"
        if person and len(words) >= 2:
            for i in range(1, len(words)):
                self.by_suffix[" ".join(words[i:])].add(key)
            if "-" in words[-1]:  # "Hernandez" of "Ramiro Hernandez-Llanas"
                self.by_suffix[words[-1].split("-")[0]].add(key)
            self.by_first[words[0]].add(key)
        if ARABIC_ARTICLE_RE.search(key):
            self.by_skeleton.setdefault(skeleton(key), key)
        if len(words) >= 2:
            self.by_initials.setdefault("".join(w[0] for w in key.split() if w not in {"of", "the", "and", "for"}), key)
            self.by_initials.setdefault("".join(w[0] for w in key.split() if w != "the"), key)  # "DOB", "DOJ"


def find_entities(names: tuple[NameMention, ...], sentences: list[Sentence]) -> list[Entity]:
    """People, places and organisations, variants merged, each typed by the votes of all its
    mentions; most reported first."""
    votes_by_key: dict[str, Counter] = defaultdict(Counter)
    written: dict[str, Counter] = defaultdict(Counter)
    documents_of: dict[str, set[int]] = defaultdict(set)
    labelled: dict[str, Counter] = defaultdict(Counter)  # the votes of spaCy's labels alone
    # A word seen only where it opens a sentence ("Propanol is ...") is not known to be a name.
    seen_inside = {name_key(m.text) for m in names if not m.opening}
    peoples = {m.text for m in names if m.label == "NORP"}
    for mention in names:
        if mention.opening and name_key(mention.text) not in seen_inside:
            continue
        key = name_key(mention.text)
        documents_of[key].add(mention.document)
        label_vote = {KIND_OF_LABEL.get(mention.label, OTHER): MODIFIER_WEIGHT if mention.modifier else 1}
        votes_by_key[key].update(label_vote)
        labelled[key].update(label_vote)
        if mention.cue:
            votes_by_key[key][mention.cue] += CUE_WEIGHT
        written[key][mention.text] += 1
    canonical: dict[str, str] = {}
    index = NameIndex()
    for key in sorted(votes_by_key, key=lambda k: (-len(k.split()), -len(k))):
        kind = votes_by_key[key].most_common(1)[0][0]
        # Two mentions the words around call a place, or one that the model also takes for a place
        # more than for a person ("in Darby, Pa."; but "an investigation into Butt" is no town)
        place_cues = (votes_by_key[key]["PLACE"] - labelled[key]["PLACE"]) / CUE_WEIGHT
        place_by_text = place_cues >= 2 or place_cues >= 1 and labelled[key]["PERSON"] < labelled[key]["PLACE"]
        canonical[key] = index.find(key, kind, place_by_text) or key
        if canonical[key] == key:
            index.add(key, kind)
            if len(index.by_suffix.get(key, ())) > 1 and not known_kind(key) and key.title() not in COUNTRIES:
                # "Christakis" of Nicholas and Erika Christakis: one of them, whatever the model says
                votes_by_key[key]["PERSON"] += KNOWN_WEIGHT
            elif " " not in key and key.endswith("s") and index.by_suffix.get(key[:-1]) and not known_kind(key):
                votes_by_key[key]["PERSON"] += DECISIVE_CUES  # "the Kellers" of Fran and Dan Keller: a family
    for a, b in declared_aliases(written, sentences):
        root_a, root_b = canonical[a], canonical[b]
        if b.lower() in WIRES or is_state_or_country(a) or is_state_or_country(b):
            continue  # "FORT WAYNE, Ind. (WANE)": a dateline's outlet; "Dean Heller (Nev.)": his state
        if root_a != root_b:  # the longer name stands for both
            keep, drop = sorted((root_a, root_b), key=lambda k: (-len(k), k))
            canonical.update({k: keep for k, root in canonical.items() if root == drop})
    groups: dict[str, Counter] = defaultdict(Counter)
    variants: dict[str, Counter] = defaultdict(Counter)
    mentioned_in: dict[str, set[int]] = defaultdict(set)
    labelled_groups: dict[str, Counter] = defaultdict(Counter)
    for key, votes in votes_by_key.items():
        mentioned_in[canonical[key]] |= documents_of[key]
        # The full name's own mentions weigh double: NER types "Haider al-Abadi" more surely than "Abadi".
        weight = 1 + (canonical[key] == key)
        full = canonical[key]
        if full != key and labelled[key]["PLACE"] and (
                index.kinds.get(full) == "PERSON" and (full.endswith(" " + key) or full.startswith(key + " "))
                or index.kinds.get(full) == "ORG" and full.startswith(key + " ") and full.split()[-1] in TRADE_WORDS):
            # "Junod" of "Tom Junod", "Areej" of "Areej Ali", "Verizon" of "Verizon Wireless", which
            # the model calls towns: the text joined them to a person or a company, so the model's
            # place label on them says nothing (a town that shares the name keeps its own entity
            # when the text says it is a place)
            votes = votes.copy()
            votes["PLACE"] -= labelled[key]["PLACE"]
        groups[canonical[key]].update({kind: n * weight for kind, n in votes.items()})
        labelled_groups[canonical[key]].update({kind: n * weight for kind, n in labelled[key].items()})
        variants[canonical[key]].update(written[key])
    texts: dict[int, str] = defaultdict(str)
    for s in sentences:
        texts[s.document] += s.text + "\n"
    text = "".join(texts.values())
    cues = find_cues(text)
    companies = {key for key, votes in groups.items() if votes.most_common(1)[0][0] == "ORG"}
    places = {key for key, votes in groups.items() if votes.most_common(1)[0][0] == "PLACE"}
    # Two names can end as one: "Jo" (too short to be looked up as a surname) found as "Edward Jo"
    found: dict[tuple[str, str], tuple[Counter, set[int], bool]] = {}
    for key, votes in groups.items():
        if key in companies and is_product(key, companies):
            votes[OTHER] += KNOWN_WEIGHT
        # Display the most used full name: "Haider al-Abadi", not "al-Abadi"; but a company by the
        # name the text uses most: "Chipotle", not "Chipotle Mexican Grill Inc."
        names_written = variants[key]
        name = sorted(names_written, key=lambda n: (is_shouted(n), n.rstrip(".") in STATE_NAMES, len(n.split()) < 2,
                                                    -names_written[n], len(n)))[0]  # "California", not "Calif."
        if has_company_form(name_key(name)):
            name = max(names_written, key=lambda n: (names_written[n], -len(n)))
        # An event's or a programme's last word ("... Remembrance Day", "Medicaid") outweighs every
        # label of the model, except a person's full name ("Dorothy Day"); a thing known by its
        # whole name ("Bronze Stars") outweighs them all.
        person_named = votes.most_common(1)[0][0] == "PERSON" and " " in name \
            and not any(n.lower().rstrip(".") in KNOWN_THINGS for n in names_written)
        if any(map(is_species, names_written)):
            votes[OTHER] += KNOWN_WEIGHT + sum(votes.values())  # "Platydemus manokwari", which the model makes a person
        for known in filter(None, map(known_kind, names_written)):
            votes[known] += KNOWN_WEIGHT + (sum(votes.values()) if known == OTHER and not person_named else 0)
        if CALL_SIGN_RE.fullmatch(name) and re.search(rf"\b{name}(?:-TV|-FM|-AM| \d)", text):
            votes["ORG"] += KNOWN_WEIGHT + sum(votes.values())  # "KARE reported", a station the text calls "KARE-TV"
        team = team_name(name, text, places)
        if team:
            votes["ORG"] += KNOWN_WEIGHT + sum(votes.values())
            name = team  # "the Heat" is the Miami Heat
            names_written[team] += 0
        if key in PLATFORMS:
            # The model takes "Twitter" for a person, "Netflix" for a place. Named as a channel ("said
            # on Twitter", "donations by PayPal"), a platform is a service someone used, however often;
            # a story about the company says so ("Twitter said", "Facebook’s founder") or is all about it.
            if len(mentions_in((name,), text)) < CENTRAL_PLATFORM and not company_spoken_of(name, text):
                continue
            votes["ORG"] += KNOWN_WEIGHT + sum(votes.values())
        for kind, n in text_cues(tuple(names_written), text, cues).items():
            votes[kind] += KNOWN_WEIGHT * n
        first_word = name.split()[0]
        if (name.isalpha() and name.isupper() or first_word.isalpha() and first_word.isupper() and len(first_word) > 2) \
                and votes["ORG"] >= 1 and "PERSON" in votes:
            # "SANA said", "KCNA reported", "CITIC Pacific said": an acronym (or a name opening with
            # one) that the model also calls a body is one when it speaks
            votes["ORG"] += votes.pop("PERSON")
        kind = votes.most_common(1)[0][0]
        if kind == OTHER or len(names_written) == 1 and name.lower().rstrip(".") in KINDS_OF_BODY:
            continue  # not a person, place or organisation; or "the Council", "LLP": a kind of body, not a name
        if kind != "ORG" and " and " in name and name not in COUNTRIES_WITH_AND:
            continue  # "South Side and Ogden", "Mercer and Brown": two names the model joined into one
        if is_office(name):
            continue  # "the Medical Examiner", "the Special Counsel": an office someone holds, not a body
        if votes[kind] < 1:
            continue  # seen only once or twice as a noun's modifier ("the Oxford study"): the text does not say what it is
        if kind == "ORG" and votes[kind] <= ONE_MENTION and is_unmarked_phrase(name):
            continue  # "Literally Unbelievable", "Catholic Imagination": spaCy's ORG for a phrase it does not know
        if is_common_word(name, text):
            continue  # "Basilica", "Legionella": the cluster also writes it in lower case
        if kind == "PLACE" and is_unknown_place_code(name) and votes[kind] <= labelled_groups[key][kind]:
            continue  # "D.A.", "G.M.", "UC": the model's GPE for letters it cannot read
        if MODEL_CODE_RE.fullmatch(name):
            continue  # "U-2", "EF-5", "K-9", "AR-15": a model, a rating or a unit, not who or where
        if kind == "PERSON" and name.split()[-1].lower().rstrip(".") in TITLES_NO_SURNAME:
            continue  # "Broward Supervisor" of "Broward Supervisor of Elections Brenda Snipes", "Patrol Sgt"
        if FOOTNOTE_RE.search(name) or name.endswith(("/", ")")):
            continue  # "Central Oregon37.": a footnote's number glued to a name; "North/" of "North/South"
        if kind == "PERSON" and any(c.isdigit() for c in name):
            continue  # "Furious 8", "Poseidon P8", "P.O. Box 6666": a person's name holds no number
        if kind == "PERSON" and " " not in name:
            full = full_name_in_text(name, text, peoples)  # "Singhal" → "Amit Singhal", which NER missed
            if full:
                name = full
                names_written[full] += 0
            elif votes[kind] <= ONE_MENTION:
                continue  # one word called a person once, with no full name anywhere: "Lo", "Uuo", a passing "Nancy"
        elif kind == "PERSON":
            full = first_name_before(name, text, groups)  # "Anders Fogh Rasmussen", which NER cut to "Fogh Rasmussen"
            if full:
                name = full
                names_written[full] += 0
        if kind == "ORG":
            owned = possessive_name(name, text)  # "McDonald’s", which NER cuts before its "’s"
            if owned:
                name = owned
                names_written[owned] += 0
        names_written.update(dict.fromkeys(alias_spellings(key, sentences), 0))
        written_before, documents_before, settled_before = found.get((name, kind), (Counter(), set(), False))
        written_before.update(names_written)  # (not "+": the spellings counted 0 must stay)
        # settled: more votes than spaCy's labels gave, from the words around a mention, a known name, ...
        found[name, kind] = (written_before, documents_before | mentioned_in[key],
                             settled_before or votes[kind] > labelled_groups[key][kind])
    entities = []
    for (name, kind), (names_written, mentioned, settled) in found.items():
        documents, mentions = occurrences(tuple(names_written), texts)
        entities.append(Entity(name=name, kind=kind, variants=tuple(sorted(names_written)),
                               documents=documents or tuple(sorted(mentioned)), mentions=max(mentions, 1),
                               settled=settled))
    pieces = pieces_of_longer_names(entities, text)
    entities = [e for e in entities if e.name not in pieces]
    entities.sort(key=lambda e: (-len(e.documents), -e.mentions, e.name))
    return entities


def pieces_of_longer_names(entities: list[Entity], text: str) -> set[str]:
    """Entities never written apart from a longer name of the cluster: pieces the model cut
    ("Natalia" of "Natalia Veselnitskaya", "Harvard" only ever in "Harvard University", "New
    York" only in "New York Times"), which name nothing on their own."""
    def written(variants) -> re.Pattern:
        return re.compile("|".join(rf"(?<![\w-]){re.escape(v)}(?![\w-])" for v in sorted(variants, key=len, reverse=True)))

    pieces = set()
    for entity in entities:
        own = written(entity.variants)
        longer = {v for other in entities if other is not entity for v in other.variants
                  if len(v) > len(min(entity.variants, key=len)) and own.search(v)}
        if not longer:
            continue
        covering = [m.span() for m in written(longer).finditer(text)]
        spans = [m.span() for m in own.finditer(text)]
        if spans and all(any(start <= a and b <= end for start, end in covering) for a, b in spans):
            pieces.add(entity.name)
    return pieces


# Capitalised words before a surname that are not first names: "When Singhal", "The Clinton".
NOT_FIRST_NAMES = NOT_NAME_FIRST_WORDS | {
                   "the", "a", "an", "and", "but", "or", "when", "while", "if", "as", "after", "before", "said",
                   "says", "told", "with", "for", "from", "by", "of", "to", "in", "on", "at", "that", "this", "then",
                   "also", "both", "even", "only", "since", "how", "why", "what", "where", "who", "now", "so",
                   "here", "there", "today", "yesterday", "still", "yet", "instead", "like", "once", "thus", "later",
                   "earlier", "finally", "again", "already", "perhaps", "indeed", "according"}
# Words after a company's name that still name the company or a part of it ("Amazon Web
# Services", "Sony Pictures"), not something it makes.
COMPANY_PARTS = {"services", "research", "motor", "motors", "entertainment", "studios", "studio", "records",
                 "pictures", "media", "labs", "capital", "health", "energy", "financial", "holdings",
                 "international", "america", "store", "stores", "co", "llc", "plc", "ag", "sa"}


# Words that say a phrase names a body ("Oak Ridge National Laboratory", "Orlando Sentinel").
BODY_WORDS = ORG_WORDS | COMPANY_PARTS | {
    "administration", "alliance", "academy", "center", "centre", "clinic", "force", "fund", "house",
    "industries", "institution", "laboratory", "partners", "systems", "technologies", "trust",
    "chronicle", "daily", "examiner", "gazette", "inquirer", "radio", "sentinel", "telegraph", "tv", "weekly"}
LINKING_WORDS = {"the", "of", "for", "and", "to", "on", "in", "&"}
# Words that alone name a kind of body, not one ("the Council", "the Academy", "LLP")
KINDS_OF_BODY = ORG_WORDS | COMPANY_FORMS | {"academy", "administration", "center", "centre", "clinic", "hospital",
                                              "institution", "laboratory", "museum", "library", "gallery", "government"}


def is_unmarked_phrase(name: str) -> bool:
    """Several words, none naming a body and none an acronym: a title, a slogan or a piece of a
    longer name as often as an organisation."""
    words = [w for w in name.replace(".", "").split() if w.lower() not in LINKING_WORDS]
    return len(words) > 1 and not any(w.lower() in BODY_WORDS or w.isupper() and len(w) > 1 for w in words)


# Acronyms of common terms, which the model often takes for organisations: things, procedures,
# conditions, formats and roles, not names.
COMMON_ACRONYMS = frozenset("""
ADHD AIDS ALS ATM ATV BYOD CD CEO CFO COO CPR CPU CTO DDT DNA DUI DVD DWI ECG EEG EKG EMT EPS ER ETF EV GDP
GMO GPA GPS GSM GUI HDTV HIV HOV HPV HQ HTML ICU ID IPO IQ IVF LCD LED LGBT LGBTQ MP3 MRI MSA MSG NGO NPO OCD OMG PC
PDF PIN PTSD RSS RV SMS STD SUV TB THC TV UFO URL USB VAT VFX VHS VR AV IP AI""".split())


# A model, a rating, a unit or a flight by its code: "U-2", "EF-5", "AR-15", "MH370" (but "VH1" is
# a channel and "I-95" a road)
MODEL_CODE_RE = re.compile(r"(?!I-)[A-Z]{1,3}-\d+[A-Z]?s?|[A-Z]{2}\d{2,4}")
FOOTNOTE_RE = re.compile(r"[A-Z][a-z]+\d+\b")  # a word with a footnote's number glued on: "Oregon37"


# Letters that stand for a place: postal codes and these
PLACE_CODES = STATE_ABBREVIATIONS | {"US", "USA", "UK", "UAE", "DC", "LA", "NYC", "DRC", "PRC"}


def is_unknown_place_code(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4 and letters not in PLACE_CODES


OFFICES = {"examiner", "counsel", "coroner", "prosecutor", "ombudsman", "comptroller"}


def is_office(name: str) -> bool:
    """An office someone holds ("Medical Examiner"), not a body ("Office of Special Counsel")."""
    words = name_key(name).split()
    return len(words) > 1 and words[-1] in OFFICES and not ORG_WORDS.intersection(words)


def is_common_word(name: str, text: str) -> bool:
    """A name the cluster also writes in lower case, at least as often: a common noun or term
    capitalised in a heading or a longer name ("St Peter's Basilica" → "Basilica", "Federal
    Poverty Level"); or an acronym of a common term ("CPR", "an ATV"), or one the cluster also
    writes in the plural ("an EMT", "the two EMTs"): organisations have no plural."""
    if name.replace(".", "") in COMMON_ACRONYMS:
        return True
    if " " not in name and name.isalpha() and name.isupper() and len(name) > 1:
        return bool(re.search(rf"\b{re.escape(name)}s\b", text)) or lower_case_expansion(name, text)
    if name.isupper() or not name[:1].isupper() or not name.replace(" ", "").isalpha():
        return False
    first, _, rest = name.partition(" ")
    if not re.search(rf"\b{re.escape(first.lower())}\b", text):
        return False  # "Largo police said": a name, with a common noun after it
    lower_re, upper_re = rf"\b{re.escape(name.lower())}\b", rf"\b{re.escape(name)}\b"
    if rest:  # the first word may be capitalised where it opens a sentence ("Federal poverty levels are")
        lower_re = rf"(?:\b{re.escape(first.lower())}|(?:^|[.!?][\"”]?\s+){re.escape(first)}) {re.escape(rest.lower())}s?\b"
        upper_re = rf"\b{re.escape(name)}s?\b"
    lower = len(re.findall(lower_re, text))
    return lower > 0 and lower >= len(re.findall(upper_re, text))


def lower_case_expansion(acronym: str, text: str) -> bool:
    """Whether the cluster spells an acronym out in lower case beside it ("CPE's (continuing
    professional education)", "continuing professional education (CPE)"): a common term, since an
    organisation's name is written with capitals. Only beside it: three lower-case words with the
    right initials turn up by chance in any long text ("faced diagnosis after" for FDA)."""
    glue = r"\s+(?:(?:of|and|in|for|on|the|to)\s+)?"
    spelled = glue.join(f"{letter.lower()}[a-z]+" for letter in acronym)
    name = re.escape(acronym)
    return bool(re.search(rf"\b{name}(?:'s|’s)?\s*\({spelled}\)|\b{spelled}\s*\({name}\)", text))


def is_product(key: str, companies: set[str]) -> bool:
    """"Apple Watch", "Microsoft PowerPoint": a company's name followed by what it makes (only the
    name's shorter beginnings are looked up, never the name itself)."""
    words = key.split()
    return (len(words) > 1 and any(" ".join(words[:n]) in companies for n in range(1, len(words)))
            and words[-1] not in ORG_WORDS | PLACE_WORDS | COMPANY_PARTS and "of" not in words)


WIRES = {"cnn", "reuters", "ap", "afp", "upi", "bbc", "nbc", "cbs", "abc"}
ALIAS_FORMS = [r"{a} \({b}\)", r"{a},? (?:also |or |widely |commonly )?(?:known|called|referred to) as (?:the )?{b}",
               r"known as (?:the )?{a},? or (?:the )?{b}"]


def is_state_or_country(key: str) -> bool:
    return key.lower().rstrip(".") in STATE_KEYS or key.title() in COUNTRIES


def declared_aliases(written: dict[str, Counter], sentences: list[Sentence]) -> list[tuple[str, str]]:
    """Pairs of names the text declares to be one: "the Popular Mobilisation Units (Hashed
    al-Shaabi)", "militias known as Hashid Shaabi or Popular Mobilisation"."""
    spelled = {form: key for key, forms in written.items() for form in forms}
    if len(spelled) < 2:
        return []
    name = "(" + "|".join(re.escape(f) for f in sorted(spelled, key=len, reverse=True)) + ")"
    patterns = [re.compile(form.format(a=name, b=name)) for form in ALIAS_FORMS]
    pairs = []
    for s in sentences:
        if "(" in s.text or " as " in s.text:
            for pattern in patterns:
                pairs += [(spelled[m.group(1)], spelled[m.group(2)]) for m in pattern.finditer(s.text)
                          if spelled[m.group(1)] != spelled[m.group(2)]]
    return pairs


DRUG = r"(?:drugs?|medications?|medicines?|pills?|tablets?|capsules?|prescriptions?|refills?|doses?|vaccines?)"
WORKS = r"(?:products|devices|phones|apps|films|movies|games|shows|books|titles|programs|programmes)"
# Nouns that are never verbs ("shows", "plays" are): a name right after one is its title
WORK = r"(?:film|movie|novel|book|album|song|series|miniseries|documentary|sitcom|musical|memoir|opera|podcast)"
# Common nouns that say what kind of body a name is, written just before or after it.
BODY_KINDS = (r"(?:company|firm|corporation|conglomerate|startup|start-up|retailer|chain|automaker|carmaker|"
              r"drugmaker|publisher|magazine|newspaper|tabloid|broadcaster|network|outlet|airline|bank|lender|insurer|"
              r"charity|nonprofit|non-profit|agency|watchdog|regulator|group|party|band|union)")
SHIPS = (r"(?:(?:container|cargo|cruise|merchant|supply|research|passenger|fishing|hospital|sister) ship|battleship|"
         r"warship|steamship|vessel|tanker|freighter|destroyer|frigate|submarine|yacht|cruiser|ferry|liner|trawler|"
         r"schooner|icebreaker|corvette|gunboat|minesweeper)")
# Animals, whose names are no people: "Jack the cat", "Wisdom, a 68-year-old Laysan albatross".
ANIMALS = (r"(?:dogs?|cats?|pupp(?:y|ies)|kittens?|horses?|pon(?:y|ies)|mares?|stallions?|rhinos?|rhinoceros|"
           r"elephants?|lions?|lioness|tigers?|bears?|pandas?|gorillas?|chimps?|chimpanzees?|monkeys?|mandrills?|"
           r"baboons?|orangutans?|giraffes?|whales?|dolphins?|orcas?|sharks?|parrots?|eagles?|owls?|albatross|"
           r"penguins?|pigs?|cows?|goats?|wolf|wolves|zebras?|hippos?|kangaroos?|koalas?|tortoises?|turtles?|"
           r"crocodiles?|alligators?|otters?|octopus)")
ANIMAL_PHRASE_END = (r"(?=[,.;:!?)’'\"”]|\s+(?:who|that|which|whose|named|called|is|was|has|had|have|were|are|and|at|in|"
                     r"from|of|on|with|for|to|[a-z]+ed)\b)")
PREPOSITIONS = {"at", "with", "of", "for", "in", "from", "to", "on", "by", "near", "across", "about"}
DETERMINERS = "the|a|an|this|that|these|those|its|his|her|their|our|my|your|which|whose|one|another|each|every|any|no"
# Phrases anywhere in the text that type a name, where NER saw it or not: "the town of X" is a
# place; "a refill of X", "X and other ADHD medications", "films like X" a product or work;
# "tweeted on Twitter", "said on CNN" an outlet or a platform, whatever NER says. Each is found
# once per cluster, before or after where a name must be (a pattern per name cost more than the
# rest of `facts`). A cue before a name may need more of it: an outlet's end after it, or a plural.
COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|hundreds of|thousands of)"
CUES_BEFORE = [
    ("PLACE", re.compile(r"\b(?:town|city|village|province|region|district|county|suburb|neighbou?rhood|capital) of "), ""),
    (OTHER, re.compile(rf"\b(?:{DRUG} (?:of|for|like|such as|including)|{WORKS} (?:like|such as)) [\"“']?"), ""),
    (OTHER, re.compile(rf"\b{WORK} [\"“']?"), ""),  # "the 1993 film Jurassic Park"
    ("ORG", re.compile(r"\b(?:post(?:ed|ing|s)?|wr(?:ote|itten|iting|ites)|sa(?:id|ys|ying)|tweet(?:ed|ing|s)|"
                       r"shar(?:ed|ing|es)|announc(?:ed|ing|es)|publish(?:ed|ing|es)|stream(?:ed|ing|s)|"
                       r"broadcast(?:ing|s)?|appear(?:ed|ing|s)) on (?:his |her |their |its )?"), "outlet"),
    # "two Britons", "five Marines": people counted, not a body or a place (but "10 Downing Street")
    (OTHER, re.compile(rf"\b{COUNT} ", re.IGNORECASE), "plural"),
    # "satirical magazine Charlie Hebdo", "data analytics firm Cambridge Analytica": a body's kind
    # before its name; not after a determiner ("the company Smith founded")
    ("ORG", re.compile(rf"\b(?i:(?!(?:{DETERMINERS})\b)[a-z][\w-]*) {BODY_KINDS} "), ""),
    ("ORG", re.compile(r"\bjournal "), ""),  # "published in the journal Nature"
    # "companies we helped start, like Staples": bodies of a kind, named as examples
    ("ORG", re.compile(r"\b(?:companies|businesses|firms|retailers|chains|carmakers|automakers|airlines|banks)"
                       r"(?: [\w-]+){0,4},? (?:like|such as) "), ""),
    # "the container ship, the ACX Crystal", "Battleship Musashi": a ship is a thing
    (OTHER, re.compile(rf"\b(?i:{SHIPS})(?:,? the)? "), ""),
    (OTHER, re.compile(rf"\b(?:{'|'.join(SHIP_PREFIXES)}) "), "decisive"),  # "USS Fitzgerald"
    (OTHER, re.compile(rf"\b{ANIMALS} (?:named|called) "), "decisive"),  # "a dog named Nash"
]
CUES_AFTER = [
    (OTHER, re.compile(rf" (?:and|or) other (?:[\w-]+ ){{0,2}}{DRUG}\b"), ""),
    (OTHER, re.compile(r" (?:pills?|tablets?|capsules?|prescriptions?|doses?)\b"), ""),
    (OTHER, re.compile(r" (?:franchise|sequel|prequel|trilogy)\b"), ""),  # "the Jurassic Park franchise"
    # "Legionnaires’ disease", "Williams syndrome", "the Zika virus", "Legionella bacteria": an illness or a germ
    # (decisive: the model often calls a germ a person, "Legionella" in every sentence but one)
    (OTHER, re.compile(r"(?:'s|’s|'|’)? (?:disease|diseases|syndrome|virus|bacteria|bacterium)\b"), "decisive"),
    # "Cambridge Analytica, a data-mining company hired by ...": not "Tim Cook, a company spokesman",
    # "X, an economist with the firm"
    ("ORG", re.compile(rf", an? (?:(?!(?:{'|'.join(PREPOSITIONS)}|the)\b)[\w-]+ ){{0,3}}{BODY_KINDS}"
                       rf"(?=[,.;)]| (?:that|which|based|owned|run|founded|hired|whose)\b)"), "appositive"),
    # "the Musashi, a second world war Japanese battleship"
    (OTHER, re.compile(rf", an? (?:[\w-]+ ){{0,4}}{SHIPS}\b"), "appositive"),
    ("ORG", re.compile(r" \((?:NASDAQ|Nasdaq|NYSE|AMEX|LSE|TSX|OTC)\s*:"), ""),  # a stock ticker: a listed company
    # "the Charlie Hebdo magazine massacre" (not "newspaper": "the Winnipeg newspaper" is the town's)
    ("ORG", re.compile(r" magazine\b"), ""),
    # "Jack the cat", "Koko, the gorilla", "Angalifu, a 44-year-old northern white rhino"
    # (the animal ends the phrase: not "Bob Baffert, a horse trainer"; an appositive ends at a comma,
    # a relative clause or a participle's phrase: "with Théorêt and Adele, a grizzly bear charged him"
    # is a new clause, "Nabire, a female northern white rhino living in the zoo" is not)
    (OTHER, re.compile(rf" the {ANIMALS}{ANIMAL_PHRASE_END}"), "decisive"),
    (OTHER, re.compile(rf", (?:the|an?)(?: [\w-]+){{0,4}} {ANIMALS}(?=[,.;:!?)]|\s+(?:who|that|which|whose|named|called|"
                r"in|at|from|(?:[a-z]+(?:ed|ing)|born|kept|held) (?:as|in|at|by|from|on|near))\b)"),
     "decisive appositive"),
]
DECISIVE_CUES = 100  # what a decisive cue counts as: more than every other vote of a cluster
# "In Ferguson, a group that ...": a place opening the sentence, not the body after it
PLACE_BEFORE_RE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Oo]n|[Ff]rom|[Nn]ear|[Aa]cross|to) (?:the )?$")
# "two Britons were", not "two Walgreens stores": what may follow people counted
COUNTED_END_RE = re.compile(r"[,.;:!?)]|\s+(?:were|are|was|is|and|or|who|have|had|in|on|at|from|of|to|with|will|would)\b")
# "said on Twitter that ...", not "said on Twitter accounts" nor "on Italian TV" (whose outlet is
# the longer name): what may follow an outlet's name
OUTLET_END_RE = re.compile(r"(?!\s+(?!that|on|in|at|about|to|and|as|after|before)[a-z])(?! [A-Z])")
OPENING_QUOTES, CLOSING_QUOTES = "\"“‘'", "\"”’'"


@dataclass(frozen=True)
class Cues:
    """Where a cue of CUES_BEFORE ends (a name must start there) and where one of CUES_AFTER
    starts (a name must end there), in one cluster's text."""
    before: tuple[tuple[str, int, str], ...]  # kind, position, what the name needs: "outlet" (its end), "plural"
    after: tuple[tuple[str, int, str], ...]  # kind, position, "appositive" (not after "In X, a ..."), "decisive"
    # ("decisive": counts as more than every other vote; a cue before a name may be one too)


def find_cues(text: str) -> Cues:
    return Cues(tuple((kind, m.end(), need) for kind, cue, need in CUES_BEFORE for m in cue.finditer(text)),
                tuple((kind, m.start(), need) for kind, cue, need in CUES_AFTER for m in cue.finditer(text)))


def is_boundary(text: str, i: int) -> bool:
    """Whether `\\b` holds at position i."""
    return (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")) != (i < len(text) and (text[i].isalnum() or text[i] == "_"))


def written_at(variants: tuple[str, ...], text: str) -> Iterator[tuple[int, str]]:
    """(start, variant) of every place a variant is written, overlaps included, variant by variant."""
    for variant in filter(None, variants):
        at = text.find(variant)
        while at != -1:
            yield at, variant
            at = text.find(variant, at + 1)


def mentions_in(variants: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """(start, end) of each whole-word mention of any variant, left to right and not
    overlapping, the first variant in order winning where two start at one place (as the
    regular expression `\\b(?:v1|v2)\\b` finds them)."""
    found: dict[int, int] = {}
    for at, variant in written_at(variants, text):
        end = at + len(variant)
        if at not in found and is_boundary(text, at) and is_boundary(text, end):
            found[at] = end
    spans, last_end = [], 0
    for start in sorted(found):
        if start >= last_end:
            spans.append((start, found[start]))
            last_end = found[start]
    return spans


def closes_quote(text: str, end: int) -> bool:
    """Whether a quotation mark closes at `end`, after a comma or full stop or not."""
    if text[end:end + 1] and text[end] in ",.!?":
        end += 1
    return bool(text[end:end + 1]) and text[end] in CLOSING_QUOTES


def is_plural_name(name: str) -> bool:
    """"Britons", "Marines", "Democrats"; not "Minneapolis", "Texas", "Moss" (whose "s" is no plural)."""
    return name.isalpha() and name.endswith("s") and not name.endswith(("ss", "is", "us", "as", "os"))


def text_cues(variants: tuple[str, ...], text: str, cues: Cues) -> Counter:
    counts: Counter = Counter()
    for kind, at, need in cues.before:
        if any(text.startswith(v, at) and is_boundary(text, at + len(v))
               and (need != "outlet" or OUTLET_END_RE.match(text, at + len(v)))
               and (need != "plural" or is_plural_name(v) and COUNTED_END_RE.match(text, at + len(v)))
               for v in variants):
            counts[kind] += DECISIVE_CUES if "decisive" in need else 1
    for kind, at, need in cues.after:
        if any(text.endswith(v, 0, at) and is_boundary(text, at - len(v))
               and not ("appositive" in need and PLACE_BEFORE_RE.search(text, max(0, at - len(v) - 12), at - len(v)))
               for v in variants):
            counts[kind] += DECISIVE_CUES if "decisive" in need else 1
    # A name written in quotation marks at least half the times it appears is a title ("Mystic
    # River", "New Moon", "Dancing With the Stars"); people and places are quoted only now and then.
    quoted = {at for at, variant in written_at(variants, text)
              if at > 0 and text[at - 1] in OPENING_QUOTES and closes_quote(text, at + len(variant))}
    if quoted and len(quoted) * 2 >= len(mentions_in(variants, text)):
        counts[OTHER] += len(quoted)
    return counts


def full_name_in_text(surname: str, text: str, peoples: Set[str] = frozenset()) -> str:
    """The one full name a surname has in the text ("Amit Singhal" for "Singhal"), or "" when
    none or several ("Bill Clinton" and "Hillary Clinton"). peoples: words the model calls
    nationalities, which are no first names ("the four Americans Francis cited")."""
    written: dict[str, set[str]] = {}  # first name → how the full name is written ("Mark E. Laidre")
    for m in re.finditer(rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)( [A-Z]\.)? {re.escape(surname)}\b", text):
        if m.group(1).lower() not in TITLES_AND_NON_NAMES and m.group(1) not in peoples \
                and not m.group(1).endswith("ing"):
            written.setdefault(m.group(1), set()).add(m.group(0))
    if len(written) != 1:
        return ""
    return max(written.popitem()[1], key=len)  # with the middle initial when one mention gives it


# Roles capitalised before a name that are no titles in PERSON_TITLES ("Magistrate", "Bishop", which
# is a surname too; and "Born", opening a line of facts), and roles' usual endings ("Editor",
# "Biologist", "Administrator").
ROLES = {"bishop", "magistrate", "pastor", "dean", "agent", "nurse", "chef", "contact", "born"}
ROLE_ENDINGS = ("er", "or", "ist", "man", "woman", "ed", "ing", "ary", "ive", "ent", "ant")
# Titles that are nobody's surname (unlike King, Judge, Lord, Singer, Sen): a name ending in one is
# a title glued to a place or a unit.
TITLES_NO_SURNAME = {"supervisor", "sgt", "sergeant", "commissioner", "superintendent", "councilman", "councilwoman",
                     "congressman", "congresswoman", "assemblyman", "assemblywoman", "alderman", "senator", "governor",
                     "spokesman", "spokeswoman", "treasurer", "comptroller", "prosecutor", "chairman", "chairwoman",
                     "ceo", "lieutenant", "lt", "capt", "detective", "trooper", "coroner", "representative"}
# Capitalised words before a name that are no first name of it (built once: it is asked per person).
TITLES_AND_NON_NAMES = PERSON_TITLES | HONORIFICS | SAINTS | NOT_FIRST_NAMES  # before a surname, no first name of it
NOT_A_FIRST_NAME = (TITLES_AND_NON_NAMES | KIN_NOUNS | ADHERENTS | ROLES
                    | set(MONTHS) | set(WEEKDAYS))
BEFORE_A_FIRST_NAME = PREPOSITIONS | {"the", "and"}  # lower-case words that do not open a name's phrase


WORD_BEFORE_RE = re.compile(r"(^|[.!?:;,\"“”(]\s*|\b[A-Za-z]+\.? )((?:Mc|Mac|De|Le|La|Da|Di)?[A-Z][a-z]+) $", re.MULTILINE)


def first_name_before(name: str, text: str, known: dict) -> str:
    """A person's name with the first name NER left out ("Ana Maria Archila" for "Maria Archila"):
    the one capitalised word before every mention of the name, itself after a lower-case word, a
    title or a sentence's start (not "Secretary of State Colin Powell", "Senate Majority Whip Dick
    Durbin"), when it is no title or role, no other name of the cluster and no word the cluster also
    writes in lower case ("Today", "Democrat")."""
    before = set()
    for start, _ in mentions_in((name,), text):
        found = WORD_BEFORE_RE.search(text, max(0, start - 40), start)
        if not found:
            return ""
        previous, word = found.groups()
        if previous[:1].isalpha() and not (previous.islower() and previous.strip() not in BEFORE_A_FIRST_NAME
                                           or previous.strip(" .").lower() in PERSON_TITLES):
            return ""  # after a capitalised word, but "Prime Minister Anders Fogh Rasmussen"
        before.add(word)
    if len(before) != 1:
        return ""
    word = before.pop()
    lower = word.lower()
    if lower in NOT_A_FIRST_NAME or lower.endswith(ROLE_ENDINGS) or word in COUNTRIES \
            or name_key(word) in known or re.search(rf"\b{lower}\b", text):
        return ""
    return f"{word} {name}"


def alias_spellings(key: str, sentences: list[Sentence]) -> set[str]:
    """Spellings of a well-known name's other forms found in the text ("IS", "Isis", "Daesh" for
    the Islamic State), which NER often misses. Short ones only in capitals: "is" is a verb."""
    group = alias_group(key)
    if group is None:
        return set()
    forms = [re.escape(a.upper()) if len(a) <= 3 else f"(?i:{re.escape(a)})" for a in ALIASES[group]]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    return {m.group(0) for s in sentences for m in pattern.finditer(s.text)}


# Companies whose name is a possessive, which NER cuts before the "’s" (as it does any owner's).
POSSESSIVE_COMPANIES = {"mcdonald", "macy", "wendy", "domino", "kellogg", "sainsbury", "lloyd", "christie",
                        "sotheby", "denny", "chili", "applebee", "arby", "hardee", "dillard", "kohl", "lowe",
                        "moody", "claire", "trader joe", "ben & jerry", "carl", "papa john", "nathan", "friendly"}


def possessive_name(name: str, text: str) -> str:
    """A company named with a possessive ("McDonald’s", "Macy's"): the name with its "’s" when
    the text writes it so every time, at least twice."""
    if name.lower() not in POSSESSIVE_COMPANIES:
        return ""
    endings = re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])(['’]s\b)?", text)
    if len(endings) < 2 or not all(endings):
        return ""
    return name + Counter(endings).most_common(1)[0][0]


def occurrences(variants: tuple[str, ...], texts: dict[int, str]) -> tuple[tuple[int, ...], int]:
    """Documents and mentions of a name across each document's text, parsed or not. Short
    all-capital variants ("IS") are matched case-sensitively, so "is" does not count; a word
    that begins a longer name ("Hashid" in "Hashid Shaabi") is that name, not this one."""
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
                         + r")(?![\w-])(?! [A-Z][a-z])")
    documents, mentions = set(), 0
    for document, text in texts.items():
        found = len(pattern.findall(text))
        if found:
            documents.add(document)
            mentions += found
    return tuple(sorted(documents)), mentions
