from newsfuse.analyze.fast import analyze_with_rules
from newsfuse.types import Sentence


def test_fast_rules_read_figures_and_are_marked_approximate():
    analysis = analyze_with_rules([Sentence("Officials said 500 people were killed in the city.", 0, 0),
                                   Sentence("President Barack Obama said the city of Mosul was calm.", 1, 1)])
    assert analysis.approximate
    [amount] = analysis.amounts
    assert (amount.value, amount.counted, amount.event) == (500, "people", "killed")
    labels = {n.text: n.label for n in analysis.names}
    assert labels.get("Barack Obama") == "PERSON"


def test_fast_rules_read_verb_forms_places_and_dated_periods():
    analysis = analyze_with_rules([Sentence("In Homs, 125 people died and 8,000 fled.", 0, 0),
                                   Sentence("The bombing on May 22 killed 22 people.", 1, 1)])
    amounts = {a.text: a for a in analysis.amounts}
    assert (amounts["125"].event, amounts["125"].places) == ("killed", ("Homs",))
    assert amounts["8,000"].event == "fled"
    assert amounts["22"].period == "on May"  # a past month: not compared with this week's toll
