from newsfuse.analyze_rules import analyze_with_rules
from newsfuse.types import Sentence


def test_fast_rules_read_figures_and_are_marked_approximate():
    analysis = analyze_with_rules([Sentence("Officials said 500 people were killed in the city.", 0, 0),
                                   Sentence("President Barack Obama said the city of Mosul was calm.", 1, 1)])
    assert analysis.approximate
    [amount] = analysis.amounts
    assert (amount.value, amount.counted, amount.event) == (500, "people", "killed")
    labels = {n.text: n.label for n in analysis.names}
    assert labels.get("Barack Obama") == "PERSON"
