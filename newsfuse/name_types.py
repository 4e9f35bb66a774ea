"""What a name is, as the sentence-embedding model knows it: a second opinion on entity types.

The votes of `facts.find_entities` come from spaCy's small model and from the words around a
name; where the model mislabels a name in every article and the text does not say what it is,
they cannot know that "Bloomberg" is a company or "Brock Turner" a person (a body in six
articles of one dev cluster). all-MiniLM-L6-v2 has read enough of the web to place such names: a softmax over the embedding of a name alone, fitted on the hand-labelled
names of the training clusters (benchmarks/fit_name_types.py writes name_types.json), gives
the probability that it is a person, a place, an organisation, another kind of name (a work, an
event, a product) or no name at all.

That opinion overrides the votes only when it is confident and the votes' kind is unlikely to
it (the two thresholds were chosen on held-out folds of the training sets), and never where the
text itself settles the kind (a title, "the town of", a country: `Entity.settled`; "Jordan" is
a person to the model).
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
# What the text uses as a person or a body is a name even where the model does not know it
# ("Ohr", "THR", "A24"): the model may call it a work or an event, never no name at all.
REPLACEMENTS = {"PERSON": ("PLACE", "ORG", "OTHER"), "ORG": ("PERSON", "PLACE", "OTHER"),
                "PLACE": ("PERSON", "ORG", "OTHER", "NOT_A_NAME")}
WEIGHTS = files("newsfuse") / "name_types.json"


def name_text(name: str) -> str:
    """A name as embedded: without a trailing possessive or the sentence's full stop."""
    return re.sub(r"(?:'s|’s|[,;:!?]|(?<=[a-z]{2})\.)+$", "", name.strip())


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
        """The entities with the model's kind where it is confident and the votes' kind is
        unlikely; an entity it takes for a work, an event or no name is dropped."""
        if not entities:
            return entities
        kept = []
        for entity, p in zip(entities, self.probabilities([e.name for e in entities])):
            best = LABELS[int(p.argmax())]
            if best != entity.kind and p[LABELS.index(entity.kind)] < self.doubt and p.max() > self.confidence \
                    and not entity.settled and best in REPLACEMENTS[entity.kind]:
                if best in ("OTHER", "NOT_A_NAME"):
                    continue
                entity = replace(entity, kind=best)
            kept.append(entity)
        return kept
