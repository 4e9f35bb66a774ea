import json
import sys
from pathlib import Path

import numpy as np
import pytest

from newsfuse.name_types import LABELS, WEIGHTS, NameTypes, name_text
from newsfuse.types import Entity

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def entity(name: str, kind: str, settled: bool = False, mentions: int = 2) -> Entity:
    return Entity(name=name, kind=kind, variants=(name,), documents=(0,), mentions=mentions, settled=settled)


@pytest.fixture(scope="module")
def name_types(encoder) -> NameTypes:
    return NameTypes.load(encoder)


def test_name_text_drops_the_possessive_and_the_sentence_full_stop_but_not_an_abbreviation():
    assert name_text("Hurley’s") == "Hurley"
    assert name_text("Argentinosaurus.") == "Argentinosaurus"
    assert name_text("U.S.") == "U.S."


def test_the_shipped_model_is_a_probability_per_label_for_the_shipped_encoder(name_types):
    fitted = json.loads(WEIGHTS.read_text())
    assert fitted["labels"] == list(LABELS) and np.asarray(fitted["weights"]).shape == (384, len(LABELS))
    p = name_types.probabilities(["Bloomberg", "Grand Canyon", "Hillary Clinton", "Christmas", "U-2"])
    assert p.shape == (5, len(LABELS)) and np.allclose(p.sum(axis=1), 1)
    assert [LABELS[i] for i in p.argmax(axis=1)] == ["ORG", "PLACE", "PERSON", "OTHER", "NOT_A_NAME"]


def test_a_confident_model_retypes_or_drops_what_the_votes_got_wrong(name_types):
    entities = [entity("Bloomberg", "PLACE"), entity("Stormy Daniels", "ORG"), entity("Easter", "ORG"),
                entity("Grand Canyon", "PERSON"), entity("U-2", "PLACE")]
    assert [(e.name, e.kind) for e in name_types.retype(entities)] == [
        ("Bloomberg", "ORG"), ("Stormy Daniels", "PERSON"), ("Grand Canyon", "PLACE")]


def test_a_surname_and_its_full_name_the_model_made_people_are_one_person(name_types):
    # spaCy calls the actress a body in every article, so the votes never joined her two names
    # "Daniels" is counted five times, twice inside "Stormy Daniels": the person has five mentions
    entities = [entity("Daniels", "ORG", mentions=5), entity("Stormy Daniels", "ORG", mentions=2)]
    assert [(e.name, e.kind, e.variants, e.mentions) for e in name_types.retype(entities)] == [
        ("Stormy Daniels", "PERSON", ("Daniels", "Stormy Daniels"), 5)]


def test_a_surname_left_with_the_kind_spacy_gave_its_full_name_joins_the_person_the_model_made(name_types):
    # "Humphries", a body in every article, is central (eight mentions), so it keeps the votes'
    # kind; the model makes "Kris Humphries" a person, and the surname goes with him
    entities = [entity("Humphries", "ORG", mentions=8), entity("Kris Humphries", "ORG", mentions=3)]
    assert [(e.name, e.kind, e.variants, e.mentions) for e in name_types.retype(entities)] == [
        ("Kris Humphries", "PERSON", ("Humphries", "Kris Humphries"), 8)]
    # a surname the text settled as a body ("the Humphries company said") stays one
    settled = entity("Humphries", "ORG", mentions=8, settled=True)
    assert settled in name_types.retype([settled, entity("Kris Humphries", "ORG", mentions=3)])

def test_settled_likely_or_central_names_keep_the_votes_kind(name_types):
    # Ramadi's Shia militias are a person to the model (0.47); their other name, "Popular
    # Mobilisation Units", settles their kind. "Jordan" is a person to the model, a country to the rules.
    # "Ohr", unknown to the model, is the man a story is about: ten mentions
    entities = [entity("Hashed al-Shaabi", "ORG", settled=True), entity("Jordan", "PLACE", settled=True),
                entity("Apple", "ORG"), entity("Ohr", "PERSON", mentions=10)]
    assert name_types.retype(entities) == entities
    assert name_types.retype([]) == []


def test_a_name_in_doubt_that_the_model_does_not_know_is_left_out(name_types):
    # spaCy's label alone, unlikely to the model, which does not know better either
    entities = [entity("Ohr", "PERSON"), entity("Tayside Capital", "ORG"), entity("Hashed al-Shaabi", "ORG")]
    assert name_types.retype(entities) == []
    # but capitals and initials are letters to it: "THR" (The Hollywood Reporter), "N.J."
    assert name_types.retype([entity("THR", "ORG"), entity("N.J.", "PLACE")]) == [entity("THR", "ORG"),
                                                                                 entity("N.J.", "PLACE")]


def test_a_model_fitted_on_another_encoder_is_refused(encoder):
    fitted = json.loads(WEIGHTS.read_text()) | {"encoder": "some-other-model"}
    with pytest.raises(ValueError, match="some-other-model"):
        NameTypes(encoder, fitted)


def test_the_softmax_fit_learns_separable_labels():
    from fit_name_types import fit_softmax

    rng = np.random.default_rng(0)
    centres = rng.normal(size=(len(LABELS), 8)) * 3
    labels = np.repeat(np.arange(len(LABELS)), 20)
    vectors = centres[labels] + rng.normal(size=(len(labels), 8))
    weights, bias = fit_softmax(vectors, labels)
    assert weights.shape == (8, len(LABELS)) and ((vectors @ weights + bias).argmax(axis=1) == labels).mean() > 0.95
