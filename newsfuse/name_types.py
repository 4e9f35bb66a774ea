"""What a name is, as the sentence-embedding model knows it: a second opinion on entity types.

The votes of `facts.find_entities` come from spaCy's small model and from the words around a
name; where the model mislabels a name in every article and the text does not say what it is,
they cannot know that "Bloomberg" is a company or "Brock Turner" a person (a body in six
articles of one dev cluster). all-MiniLM-L6-v2 has read enough of the web to place such
names: a softmax over the embedding of a name alone, fitted on the hand-labelled names of the
training clusters (benchmarks/fit_name_types.py writes name_types.json), gives the probability
that it is a person, a place, an organisation, another kind of name (a work, an event, a
product) or no name at all.

The votes decide wherever the text itself settles the kind (a title, "the town of", a country:
`Entity.settled`; "Jordan" is a person to the model) and wherever the model finds their kind
likely. An entity whose kind rests on spaCy's labels alone and is unlikely to the model takes
the model's kind when the model is confident, and is otherwise left out: held out, such
entities were wrong more often than right. A name the cluster uses five times or more is
central to the story and keeps the votes' kind, as do capitals and initials, which the model
reads as letters. The two thresholds were chosen on held-out
folds of the training sets.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from importlib.resources import files

import numpy as np

from newsfuse.represent import Encoder
from newsfuse.types import Entity

LABELS = ("PERSON", "PLACE", "ORG", "OTHER", "NOT_A_NAME")
NAMED = ("PERSON", "PLACE", "ORG")
CENTRAL_MENTIONS = 5
WEIGHTS = files("newsfuse") / "name_types.json"


def name_text(name: str) -> str:
    """A name as embedded: without a trailing possessive or the sentence's full stop."""
    return re.sub(r"(?:'s|’s|[,;:!?]|(?<=[a-z]{2})\.)+$", "", name.strip())


def is_initials(name: str) -> bool:
    """Capitals or initials ("N.J.", "THR"): letters to the model, which cannot say what they
    stand for."""
    letters = name.replace(".", "").replace("&", "")
    return letters.isalpha() and letters.isupper()


class NameTypes:
    """The fitted softmax, tied to the encoder whose vectors it was fitted on."""

    def __init__(self, encoder: Encoder, fitted: dict):
        if fitted["encoder"] != encoder.name or tuple(fitted["labels"]) != LABELS:
            raise ValueError(f"name types fitted on {fitted['encoder']}, not on {encoder.name}")
        self.encoder = encoder
        self.weights = np.asarray(fitted["weights"], dtype=np.float32)
        self.bias = np.asarray(fitted["bias"], dtype=np.float32)
        self.doubt = fitted["doubt"]  # below this probability the votes' kind is in doubt...
        self.confidence = fitted["confidence"]  # ... and above this one the model's own kind replaces it

    @classmethod
    def load(cls, encoder: Encoder) -> NameTypes:
        return cls(encoder, json.loads(WEIGHTS.read_text()))

    def probabilities(self, names: list[str]) -> np.ndarray:
        """One row per name: the probability of each of LABELS."""
        scores = self.encoder.encode([name_text(n) for n in names]) @ self.weights + self.bias
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def retype(self, entities: list[Entity]) -> list[Entity]:
        """The entities, with the model's kind or left out where the votes' kind is in doubt."""
        unsettled = [e.name for e in entities if not e.settled]  # the model is asked only about these
        probabilities = dict(zip(unsettled, self.probabilities(unsettled)))
        kept, made_people = [], {}  # a name the model made a person → the votes' kind of it
        for entity in entities:
            p = probabilities.get(entity.name) if not entity.settled else None
            if p is not None and p[LABELS.index(entity.kind)] < self.doubt:
                best = LABELS[int(p.argmax())]
                if best in NAMED and p.max() > self.confidence:
                    if best == "PERSON":
                        made_people[entity.name] = entity.kind
                    entity = replace(entity, kind=best)
                elif entity.mentions < CENTRAL_MENTIONS and not is_initials(entity.name):
                    continue
            kept.append(entity)
        return join_surnames(kept, made_people)


def join_surnames(entities: list[Entity], made_people: dict[str, str]) -> list[Entity]:
    """A surname and its full name that the model made people ("Daniels" and "Stormy Daniels",
    bodies to spaCy, so the votes never joined them as a person's names) are one person, when
    only one person of the cluster has that surname. So is a surname the votes left with the
    kind spaCy gave the full name before the model made it a person ("Humphries" and "Kris
    Humphries", bodies in every article) unless the text settled it. The surname's mentions
    already count those inside the full name ("Daniels" in "Stormy Daniels"), so the larger
    count is the person's."""
    people = [e for e in entities if e.kind == "PERSON"]
    joined: dict[str, Entity] = {}  # surname entity's name → the full name's entity it joins
    for short in entities:
        if " " in short.name:
            continue
        owners = [e for e in people if e.name.split()[-1] == short.name and e is not short]
        if len(owners) != 1:
            continue
        if short.kind == "PERSON" and {short.name, owners[0].name} & made_people.keys() \
                or not short.settled and made_people.get(owners[0].name) == short.kind:
            joined[short.name] = owners[0]
    if not joined:
        return entities
    out = []
    for entity in entities:
        if entity.name in joined:
            continue
        extra = [e for e in entities if joined.get(e.name) is entity]
        if extra:
            entity = replace(entity, variants=tuple(sorted({v for e in [entity, *extra] for v in e.variants})),
                             documents=tuple(sorted({d for e in [entity, *extra] for d in e.documents})),
                             mentions=max(e.mentions for e in [entity, *extra]))
        out.append(entity)
    return out
