from newsfuse.attribute import attribute, facts_agree
from newsfuse.types import Sentence


def test_facts_must_agree_on_numbers_and_negation():
    assert facts_agree("500 people were killed.", "About 500 people were killed, officials said.")
    assert not facts_agree("8,000 people fled.", "40,000 people fled.")
    assert not facts_agree("IS took Palmyra.", "IS did not take Palmyra.")


def test_paraphrase_in_another_document_is_cited(encoder):
    a = Sentence("Online video showed Humvees, trucks and other equipment speeding out of Ramadi, with soldiers gripping onto their sides.", 0, 3)
    b = Sentence("Online video showed vehicles, trucks and other equipment speeding out of Ramadi, with soldiers desperate to reach safety gripping on to their sides.", 1, 5)
    c = Sentence("UNESCO has urged both sides to spare Palmyra.", 2, 1)
    [cited] = attribute([a], [a, b, c], encoder)
    assert cited.cited_documents == (0, 1)
    assert cited.citations[1].text == b.text


def test_contradicting_figure_is_not_cited_as_support(encoder):
    a = Sentence("Approximately 8,000 people have fled the city, the spokesman said.", 0, 0)
    b = Sentence("Approximately 40,000 people have fled the city, the spokesman said.", 1, 0)
    [cited] = attribute([a], [a, b], encoder)
    assert cited.cited_documents == (0,)


def test_ramadi_every_sentence_cited_and_one_cites_several_outlets(ramadi_briefing):
    assert all(s.cited_documents for s in ramadi_briefing.sentences)
    assert max(len(s.cited_documents) for s in ramadi_briefing.sentences) >= 2
    for s in ramadi_briefing.sentences:
        assert s.sentence.document in s.cited_documents
