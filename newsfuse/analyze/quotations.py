"""Quotations with their speaker and role: the nearest verb of saying's subject."""
from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.analyze.names import HONORIFICS, SAYING_VERBS, clean_name
from newsfuse.types import NameMention, Quotation, Sentence

# Quotation marks pair in order: the span between one quotation's closing mark and the next
# one's opening mark is the writer's own words ('insisted police numbers "remained high" and that
# the services did an "incredible job"').
QUOTED_RE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
MIN_QUOTE_WORDS = 6
# Verbs that introduce a quotation besides those that make a name a speaker ("she said"); not
# "joke", "comment", "urge" or "promise", which more often say something else ("was joking",
# "declined to comment", "urged him to").
QUOTING_VERBS = SAYING_VERBS | {
    "acknowledge", "concede", "confirm", "deny", "predict", "observe", "remark", "whisper", "shout", "scream", "quip",
    "boast", "complain", "lament", "describe", "suggest", "recount", "exclaim", "caution", "stress", "emphasize",
    "assert", "contend", "maintain", "muse", "sigh", "reveal", "disclose", "post", "wonder", "counter", "retort",
    "speculate"}
ROLE_BEFORE_CLAUSE = 6  # words of a role after which a relative clause says more than the role
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


def sentence_quotations(doc, sentence: Sentence, previous: tuple[str, str] = ("", ""),
                        people: frozenset[str] = frozenset()) -> Iterator[Quotation]:
    """Each quotation with the speaker of the saying verb nearest to it; none when that verb's
    subject is not a named person ("a diplomat said, with Ambassador Gerard Araud saying ...").
    previous: who speaks in the sentence before, which "he said" and a quotation standing alone
    go on ('"...," Gillum said. "I'm saying the racists believe he's a racist."'). people: the
    names the cluster gives people elsewhere (see `speaker_and_role`)."""
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
                             else speaker_and_role(subject, people))
        else:
            speaker, role = previous if not re.search(r"\w", QUOTED_RE.sub("", sentence.text)) else ("", "")
        if speaker:
            yield Quotation(text=m.group(1).strip(" ,"), speaker=speaker, role=role, sentence=sentence)


def saying_verbs(doc, inside: list[bool]) -> list:
    """The saying verbs outside the quotations."""
    return [t for t in doc if not inside[t.i]
            and (t.lower_ == "according" or t.pos_ == "VERB" and t.lemma_.lower() in QUOTING_VERBS)]


def named_speaker(doc, people: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The named person who last says something in a sentence without a quotation ("Smith said
    the plan would fail"), else the one person the sentence names, when its main verb's subject
    ("Robles was rushed to the hospital." before '"This was such a freak accident," he said'),
    or ("", ""). Not one who asks: the next "he said" is the answer."""
    for verb in reversed(saying_verbs(doc, [False] * len(doc))):
        if verb.lemma_ == "ask":
            continue
        subject = saying_subject(verb)
        if subject is not None and subject.lower_ not in ("he", "she"):
            speaker, role = speaker_and_role(subject, people)
            if speaker:
                return speaker, role
    # not one who asks, nor one who quotes another ("Yonhap quoted an official as saying")
    root = next((t for t in doc if t.dep_ == "ROOT" and t.lemma_ not in ("ask", "quote", "cite")), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    # (with two people named, "he" may be either: "Trump chose Gorsuch. '...,' he said")
    if subject is not None and len({e.text for e in doc.ents if e.label_ == "PERSON"}) <= 1:
        return speaker_and_role(subject, people)
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
        # The parser may give a verb two subjects ("A spokesman for the office, Lt. Andy Binder
        # said"; "Co-owner Nick Kokonas told"): the one the model calls a person says it.
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject = next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0] if subjects else None)
        if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            return verb.head
        if subject is not None or verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head is verb:
            return subject
        verb = verb.head


def known_people(names: list[NameMention]) -> frozenset[str]:
    """The names the model gives people anywhere in the cluster, and their surnames ("Arielle
    Lask", "Lask")."""
    full = {m.text for m in names if m.label == "PERSON"}
    return frozenset(full | {name.split()[-1] for name in full if " " in name})


def speaker_and_role(subject, people: frozenset[str] = frozenset()) -> tuple[str, str]:
    """("Muhannad Haimour", "Anbar spokesman") from "Anbar spokesman Muhannad Haimour"; a
    role noun with a name in apposition ("the governor, Talal Barazi") works the same way. A
    subject the model did not tag as a person in this sentence is one when the cluster names a
    person so elsewhere (people): '"...," Lask told The Boston Globe', where "Lask" is the
    studio owner Arielle Lask; not "Barclays" or "the FBI", which no sentence calls a person."""
    doc = subject.doc
    person = subject if subject.ent_type_ == "PERSON" else next(
        (c for c in subject.children if c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON"), None)
    if person is None:
        name = doc[min([subject.i] + [c.i for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"]):
                   subject.i + 1].text
        # (the tagger takes a rare surname for a noun now and then: "Timmons said")
        proper = subject.pos_ == "PROPN" or subject.pos_ == "NOUN" and subject.text[:1].isupper() and subject.i > 0
        return (name, "") if proper and name in people else ("", "")
    name = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= person.i < e.end), None)
    if name is None:
        return "", ""
    cleaned = clean_name(name)
    if cleaned is None:
        return "", ""
    # "Dunn, 47" (an age) and "Goodlatte, the younger," (no noun) are no roles
    appos = next((c for c in person.children if c.dep_ == "appos" and not c.like_num
                  and any(t.pos_ in ("NOUN", "PROPN") for t in c.subtree)), None)
    before_name = [t for t in subject.subtree if t.i < name.start]
    if appos is not None:
        # "a stem cell biologist at UCLA, who calls the work ...": the role, not what else the text
        # says of the person (a clause after a comma, or after a role that already says who she is:
        # "a professor of sociology at UNC who's the director of ..."; "the aide who worked on the
        # campaign" is the role)
        start = min(t.i for t in appos.subtree)
        clauses = [min(t.i for t in c.subtree) for c in appos.subtree if c.dep_ == "relcl"]
        clause = min((i for i in clauses if doc[i - 1].text == "," or i - start >= ROLE_BEFORE_CLAUSE), default=len(doc))
        tokens = [t for t in appos.subtree if t.i < clause]
        end = tokens[-1].i + 1
        while end + 1 < min(clause, len(doc)) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_:
            end += 2  # "co-founder", which the parser may split into three appositions
        if end < min(clause, len(doc)) and doc[end].dep_ == "prep" and doc[end].head.i == person.i:
            end = doc[end].right_edge.i + 1  # "spokesman and adviser to the provincial governor", hung on the name
        role = doc[tokens[0].i:end].text
    elif subject.i != person.i and subject.pos_ == "NOUN":
        role = tokens_text([t for t in before_name if t.lower_.rstrip(".") not in HONORIFICS])
    else:
        words = [t for t in before_name if t.dep_ in ("compound", "amod", "nmod")
                 and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_.rstrip(".") not in HONORIFICS]
        # "Anbar spokesman"; but "the younger Goodlatte" says which Goodlatte, not what he is
        role = tokens_text(words) if any(t.pos_ != "ADJ" for t in words) else ""
    return cleaned[0], role.strip(" ,")


def tokens_text(tokens: list) -> str:
    """Tokens as written ("co-author", not "co - author"), a space where others were left out."""
    return "".join(t.text + (t.whitespace_ if later is not None and later.i == t.i + 1 else " ")
                   for t, later in zip(tokens, tokens[1:] + [None]))
