"""The plain, immutable data that flows between pipeline stages."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def has_cjk(text: str) -> bool:
    """Whether a text holds Chinese, Japanese or Korean characters (ASCII text, checked in C, has none)."""
    return not text.isascii() and CJK_RE.search(text) is not None


class NewsfuseError(Exception):
    """A problem with the user's input, worded for the user (no traceback needed)."""


class DeadlinePassed(NewsfuseError):
    """A run stopped because its time limit passed."""


@dataclass(frozen=True)
class Document:
    text: str
    title: str = ""
    source: str = ""  # file name or URL: how the reader finds the article
    url: str = ""
    published: str = ""  # ISO date or free text as given


@dataclass(frozen=True)
class Removal:
    """A piece of boilerplate dropped by `clean`, kept so users can audit it."""

    document: int
    text: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    text: str
    document: int  # index into Cluster.documents
    position: int  # 0-based index of the sentence within its document
    paragraph: int = 0
    cut: str = ""  # a leading connective left out ("However,"): the text is the rest, verbatim

    @cached_property  # the word budget sums it again at every step of the selection
    def words(self) -> int:
        """Whitespace words; in Chinese and Japanese, which have no spaces, two characters count as one."""
        if not has_cjk(self.text):
            return len(self.text.split())
        cjk = len(CJK_RE.findall(self.text))
        return len(CJK_RE.sub(" ", self.text).split()) + (cjk + 1) // 2


@dataclass(frozen=True)
class Cluster:
    documents: tuple[Document, ...]
    id: str = ""
    reference: str = ""  # human summary, for evaluation only


@dataclass(frozen=True)
class Citation:
    document: int
    text: str  # the supporting sentence in that document
    similarity: float  # TF-IDF cosine, or the model's when the wording alone was not enough


@dataclass(frozen=True)
class SummarySentence:
    sentence: Sentence
    citations: tuple[Citation, ...]
    disputes: tuple[int, ...] = ()  # indices into Briefing.disagreements this sentence takes a side in

    @property
    def cited_documents(self) -> tuple[int, ...]:
        return tuple(sorted({c.document for c in self.citations}))


@dataclass(frozen=True)
class Statement:
    """A verbatim span that takes one side of a disagreement."""

    text: str
    documents: tuple[int, ...]
    value: str = ""  # normalised value (a number, a verb) when there is one


@dataclass(frozen=True)
class Disagreement:
    kind: str  # "conflict", or "update" when the texts say one statement is a later count
    topic: str  # "figure" (a count) or "claim" (whether a place was taken)
    description: str
    statements: tuple[Statement, ...]
    confidence: float
    context: tuple[Statement, ...] = ()  # related but not conflicting (e.g. another period)
    subject: str = ""  # what is disputed: a place for claims, the counted thing for figures


# ---------------------------------------------------------------- analysis (one spaCy pass)


@dataclass(frozen=True)
class NameMention:
    text: str  # as written, without a leading "the" or a trailing possessive
    label: str  # spaCy's entity label (PERSON, GPE, ORG, NORP, ...)
    document: int
    cue: str = ""  # the type the words around it imply: a title → PERSON, "the town of" → PLACE
    opening: bool = False  # a single word that opens its sentence
    modifier: bool = False  # used as a noun's modifier ("the Trump campaign"), where NER labels are unsure


@dataclass(frozen=True)
class Amount:
    """A number in a sentence with what it counts and what happened to it."""

    text: str  # as written, qualifier included: "more than 40,000"
    value: float
    low: float  # the range the qualifier allows
    high: float
    unit: str  # "", "$", "£", "€", "%"
    counted: str  # the counted noun's lemma, people-words as "people"; "" when the number stands alone
    counted_text: str  # the counted noun as written: "residents"
    event: str  # what happened, normalised: "killed", "fled", or the verb's lemma
    event_text: str  # the verb as written: "fled"
    places: tuple[str, ...]  # places the event is said to happen in: "killed in Ramadi"
    agent: str  # the name that did it, when the subject is one: "OPEC" in "OPEC agreed to cut"
    cause: str  # the kind of incident it belongs to, when named: "traffic" in "killed in a pileup"
    incident: str  # that incident as written: "a 25-vehicle pileup", "a civil war"
    period: str  # a time phrase in the same clause: "in April", "since Friday"
    scope: tuple[str, ...]  # words narrowing the count: "critically", "Iraqi"
    part: bool  # a part of another count ("including 12 children", "six of the 19")
    update: bool  # the clause says this is a later count ("rose to", "as of", "so far")
    sentence: Sentence
    # False where the sentence states no such count as a fact: a goal or a possibility ("need to
    # raise $100 million", "may have been killed"), a margin ("400,000 more votes than"), the
    # whole a part is taken from ("15 of the 21 people"), a part of an unnamed whole ("17 of
    # them"), one end of a range ("$4,000-$5,000")
    asserted: bool = True


@dataclass(frozen=True)
class DatedClause:
    when: str  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD)
    phrase: str  # the date as written
    clause: str  # the clause it dates, verbatim
    sentence: Sentence


@dataclass(frozen=True)
class Quotation:
    text: str  # the quoted words, verbatim
    speaker: str  # the name as written in this sentence
    role: str  # "Anbar spokesman", "a spokesman for the governor", or ""
    sentence: Sentence


@dataclass(frozen=True)
class Analysis:
    names: tuple[NameMention, ...] = ()
    amounts: tuple[Amount, ...] = ()
    dates: tuple[DatedClause, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    approximate: bool = False  # from cheap rules (--fast), not the parser


# ---------------------------------------------------------------- facts


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str  # PERSON, PLACE, ORG
    variants: tuple[str, ...]
    documents: tuple[int, ...]
    mentions: int
    # The text itself says what it is (a title, "the town of", a well-known name), beyond the
    # statistical model's labels: no second opinion overrides it.
    settled: bool = False


@dataclass(frozen=True)
class Figure:
    value: float
    text: str  # the number as written
    counts: str  # what is counted and what happened: "people killed", "residents fled"
    event: str  # what happened, normalised: "killed", "fled", or the verb as written
    place: str
    period: str
    sentence: str
    documents: tuple[int, ...]

    @property
    def label(self) -> str:
        """"500 people killed in Ramadi, since Friday"."""
        where = f" in {self.place}" if self.place else ""
        return f"{self.text} {self.counts}{where}" + (f", {self.period}" if self.period else "")


@dataclass(frozen=True)
class Event:
    when: str  # ISO date
    phrase: str  # the date as written
    clause: str  # the event, verbatim
    sentence: str
    document: int


@dataclass(frozen=True)
class KeyQuote:
    text: str
    speaker: str  # the fullest name the sources give
    role: str
    documents: tuple[int, ...]


@dataclass(frozen=True)
class Facts:
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    timeline: tuple[Event, ...] = ()
    quotes: tuple[KeyQuote, ...] = ()
    approximate: bool = False  # from cheap rules (--fast): names and figures less reliable


@dataclass(frozen=True)
class Briefing:
    cluster: Cluster
    sentences: tuple[SummarySentence, ...]
    removed: tuple[Removal, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    facts: Facts = field(default_factory=Facts)
    timings: dict = field(default_factory=dict, compare=False, hash=False)
    title: str = ""  # the headline: a source's title, verbatim, or the lead sentence

    @property
    def summary(self) -> str:
        return " ".join(s.sentence.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(s.sentence.words for s in self.sentences)
