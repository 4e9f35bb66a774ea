from newsfuse.pipeline import prepare
from newsfuse.select import Budget, cross_document_support, select_sentences
from newsfuse.represent import lexical_vectors
from newsfuse.types import Sentence

import numpy as np


def test_support_is_high_for_what_other_documents_also_report():
    texts = [
        "Militants seized the city of Ramadi on Sunday after a three-day battle.",
        "The weather in the capital was mild for the season.",
        "On Sunday militants seized Ramadi after a battle lasting three days.",
    ]
    support = cross_document_support(lexical_vectors(texts), np.array([0, 0, 1]))
    assert support[0] > support[1]
    assert support[2] > 0.3


def test_word_budget_and_sentence_count_are_respected(ramadi):
    sentences, _ = prepare(ramadi)
    chosen = select_sentences(sentences, Budget(words=100))
    assert 60 <= sum(s.words for s in chosen) <= 100
    assert len(select_sentences(sentences, Budget(sentences=3))) == 3


def test_near_duplicate_wire_copy_appears_once(ramadi, encoder):
    sentences, _ = prepare(ramadi)
    chosen = select_sentences(sentences, Budget(words=400), encoder)
    estimates = [s for s in chosen if "We estimate that 500 people have been killed" in s.text]
    assert len(estimates) <= 1
    videos = [s for s in chosen if s.text.startswith("Online video showed")]
    assert len(videos) <= 1


def test_fragments_never_selected_when_real_sentences_exist():
    sentences = [
        Sentence("Death toll", 0, 0),
        Sentence("The militants took control of the city on Sunday after a long battle.", 0, 1),
        Sentence("and the army withdrew", 1, 0),
        Sentence("The army withdrew from the city on Sunday after a long battle with militants.", 1, 1),
    ]
    chosen = select_sentences(sentences, Budget(words=250))
    assert {s.text[:3] for s in chosen} <= {"The"}


def test_a_single_article_is_summarised_from_its_lead():
    text = [
        "A magnitude 6.1 earthquake struck the coastal city of Ardan early on Tuesday, killing at least 12 people.",
        "Rescue teams were searching collapsed buildings in the old town for survivors.",
        "The city hosts a music festival every summer that draws thousands of visitors.",
        "Festival organisers said tickets for this year's edition sold out in March.",
        "The festival's headline act played two encores at last year's edition.",
    ]
    sentences = [Sentence(t, 0, i) for i, t in enumerate(text)]
    chosen = select_sentences(sentences, Budget(sentences=2))
    assert [s.position for s in chosen] == [0, 1]


def test_redundancy_penalty_makes_the_chosen_sentences_less_alike(ramadi, monkeypatch):
    sentences, _ = prepare(ramadi)

    def mean_closest_similarity():
        chosen = select_sentences(sentences, Budget(words=250))
        vectors = lexical_vectors([s.text for s in chosen])
        similarity = (vectors @ vectors.T).toarray()
        np.fill_diagonal(similarity, 0)
        return similarity.max(axis=1).mean()

    with_penalty = mean_closest_similarity()
    monkeypatch.setattr("newsfuse.select.REDUNDANCY_WEIGHT", 0.0)
    assert with_penalty < mean_closest_similarity()
