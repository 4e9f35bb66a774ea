import json

import pytest

from newsfuse.disagree import claim_stances, find_disagreements, takes_a_side
from newsfuse.evaluate import disagreement_matches, disagreement_scores
from newsfuse.ingest import cluster_from_record
from newsfuse.pipeline import prepare
from newsfuse.types import Cluster, Document

from conftest import DATA

CASES = [json.loads(line) for line in (DATA / "disagreements.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hand_written_cluster(case):
    sentences, _ = prepare(cluster_from_record(case, case["id"]))
    found = find_disagreements(sentences)
    assert len(found) == len(case["expected"]), [d.description for d in found]
    for expected in case["expected"]:
        assert any(disagreement_matches(d, expected) for d in found), (expected, [d.description for d in found])


def test_precision_and_recall_over_the_set():
    pairs = []
    for case in CASES:
        sentences, _ = prepare(cluster_from_record(case, case["id"]))
        pairs.append((find_disagreements(sentences), case["expected"]))
    scores = disagreement_scores(pairs)
    assert len(CASES) >= 15 and sum(1 for c in CASES if not c["expected"]) >= 5
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.8


def test_distances_are_not_disputed_head_counts():
    cluster = Cluster(documents=(
        Document(text="Thousands of residents fled 10 kilometres to the north of Mosul on Monday, officials said."),
        Document(text="Thousands of residents fled 30 kilometres to the north of Mosul on Monday, officials said."),
    ))
    assert find_disagreements(prepare(cluster)[0]) == []


@pytest.mark.parametrize("sentence, stances", [
    ("IS needed no more than a few hundred fighters to take Palmyra.", {"taken"}),
    ("The group was prevented by Syrian troops from taking the heritage site of Palmyra.", {"not taken"}),
    ("Isis seized part of the ancient city of Palmyra on Wednesday.", {"partly taken"}),
    ("The group came close to also seizing the heritage site of Palmyra, but the army pinned them back.", {"not taken"}),
    ("ISIS has threatened to take control of Palmyra for months.", set()),
    ("Government forces drove them out of the ancient oasis town of Palmyra.", {"not taken"}),
])
def test_claim_stances(sentence, stances):
    assert claim_stances(sentence, "Palmyra") == stances


def test_ramadi_palmyra_and_fled_counts(ramadi_briefing):
    top = ramadi_briefing.disagreements[:5]
    fled = [d for d in top if d.kind == "figure" and "fled" in d.subject]
    assert len(fled) == 1
    values = " ".join(s.value for s in fled[0].statements)
    assert "8,000" in values and "40,000" in values
    assert any("114,000" in c.value and "April" in c.value for c in fled[0].context)
    assert "114,000" not in values  # the April exodus is another period, not a conflicting count
    palmyra = [d for d in top if d.kind == "claim" and d.subject == "Palmyra"]
    assert len(palmyra) == 1
    stances = {s.value: s.documents for s in palmyra[0].statements}
    assert stances["taken"] == (0,) and 2 in stances["not taken"] and stances["partly taken"] == (3,)
    # No false disagreement among the top five: everything listed is one of these two.
    assert len(top) == 2


def test_briefing_never_states_a_disputed_figure_as_settled(ramadi_briefing):
    from newsfuse.render import citation_marks, render

    for s in ramadi_briefing.sentences:
        for k, d in enumerate(ramadi_briefing.disagreements):
            if takes_a_side(s.sentence.text, d):
                assert k in s.disputes
    disputed = [s for s in ramadi_briefing.sentences if s.disputes]
    assert disputed, "the Ramadi briefing quotes the 8,000 estimate, which another source disputes"
    text = render(ramadi_briefing, "md")
    for s in disputed:
        after = text.split(s.sentence.text + " " + citation_marks(s.cited_documents), 1)[1]
        assert after.startswith(" (disputed — sources differ: ")
