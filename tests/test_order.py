from newsfuse.order import order_sentences
from newsfuse.types import Sentence


def test_lead_sentences_first_and_each_document_in_its_own_order():
    a0, a5 = Sentence("a0", 0, 0), Sentence("a5", 0, 5)
    b1, b9 = Sentence("b1", 1, 1), Sentence("b9", 1, 9)
    ordered = order_sentences([b9, a5, a0, b1], {0: 10, 1: 10})
    assert [s.text for s in ordered] == ["a0", "b1", "a5", "b9"]
