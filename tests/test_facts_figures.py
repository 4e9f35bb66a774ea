from newsfuse.facts.figures import find_figures
from newsfuse.types import Amount, Sentence


def test_figures_read_as_events(analyzed):
    _, analysis = analyzed([
        "Officials said 500 people were killed in Ramadi since Friday. Ramadi lies 100 kilometres west of Baghdad.",
        "Some 500 people were killed, the governor said. Fighters attacked from three directions. "
        "The new model starts at $1,699. Sales generated $3 million in tax revenue.",
        "The civil war has claimed more than 220,000 lives. He faces 12 counts of fraud.",
    ])
    labels = [(f.label, f.documents) for f in find_figures(analysis.amounts)]
    assert labels[0] == ("500 people killed in Ramadi, since Friday", (0, 1))
    assert ("more than 220,000 people killed in the civil war", (2,)) in labels  # not "lives killed"; which war
    assert ("12 counts of fraud charged", (2,)) in labels
    # distances, prices and sums say no event: they are compared between sources, not key facts
    assert not any(word in label for label, _ in labels for word in ("kilometres", "directions", "1,699", "3 million"))


def test_a_figure_is_not_placed_in_a_name_the_cluster_knows_as_a_person():
    sentence = Sentence("Police arrested 12 protesters in Jordan on Saturday.", 0, 0)
    arrested = Amount(text="12", value=12, low=12, high=12, unit="", counted="protester", counted_text="protesters",
                      event="arrested", event_text="arrested", places=("Jordan",), agent="", cause="", incident="",
                      period="", scope=(), part=False, update=False, sentence=sentence)
    assert find_figures((arrested,))[0].place == "Jordan"
    assert find_figures((arrested,), frozenset({"Jordan"}))[0].label == "12 protesters arrested"


def test_a_key_figure_is_a_count_the_sentence_states_as_a_fact(analyzed):
    _, analysis = analyzed([
        "The campaign needs to raise $2 million by Friday. Three soldiers may have been killed in the raid. "
        "She won 400,000 more votes than her rival. The crash killed 15 of the 21 people on board. "
        "The charity raises $4,000-$5,000 a year. Police found a 220-unit complex empty. "
        "About 270,000 people took the quiz. Reporters watched as 40 Marines filed out, and the hall fell silent. "
        "Thirty-one bodies were recovered. The 10 Freeway was shut down for hours. "
        "Five U.S. soldiers were killed on Tuesday. Only 450 whales are left and 17 of them have died this year. "
        "A woman who sneaks onto planes was arrested at two airports. More than 85 fifth-graders were rescued. "
        "The machine hit the team, killing one dog and injuring five others. "
        "The shutdown sent roughly 800,000 federal workers home during the standoff. More than 1 million employees were required to work. "
        "Researchers asked 145 people to eat a low-fat diet. "
        "That means that 8.4 million Americans lacked access to enough food for an active, healthy life. "
        "Approximately 12,800 U.S. forces joined dozens of aircraft in the drill. The Rockies gave out 15,000 jerseys. "
        "The $5.4 billion pipeline would become a target. "
        "In the study, 48 participants were classified as heavy drinkers."])
    labels = [f.label for f in find_figures(analysis.amounts)]
    assert "15 people killed" in labels and "40 Marines filed out" in labels  # the verb with its particle
    # ... its direction or the verb it takes
    assert "roughly 800,000 workers sent home" in labels and "More than 1 million employees required to work" in labels
    assert "145 people asked to eat a low-fat diet" in labels  # the verb it takes with that verb's object, as written
    assert "8.4 million Americans lacked access to enough food" in labels  # and what the object is of or to
    assert "Thirty-one bodies recovered" in labels  # the whole number word, not "Thirty"
    assert "Five soldiers killed, on Tuesday" in labels  # "U.S." is who, "10 Freeway" a name
    assert "More than 85 fifth-graders rescued" in labels
    assert "About 270,000 people took the quiz" in labels  # a light verb says what happened with its object
    # but a count is no object to show, and "forces joined" alone says nothing
    assert not any(label.startswith("Approximately 12,800") for label in labels)
    assert "15,000 jerseys given out" in labels  # what was given, not what gave
    # (a verb of being or judging says what something is, not what happened to it)
    for wrong in ("$2 million", "Three soldiers", "400,000", "21 people", "$4,000", "$5,000", "220", "10", "17", "two airports",
                  "five others", "$5.4 billion", "48"):
        assert not any(label.startswith(wrong) for label in labels), wrong


def test_the_dead_of_an_outbreak_or_a_crash_died_and_only_the_killed_were_killed(analyzed):
    _, analysis = analyzed(["A total of 125 people had died across Syria, activists said. The outbreak has caused 17 deaths.",
                            "The storm left 18 people dead since Saturday. At least 144 people were reported killed."])
    labels = [f.label for f in find_figures(analysis.amounts)]
    assert "125 people died in Syria" in labels and "17 people died" in labels
    assert "18 people died, since Saturday" in labels and "At least 144 people killed" in labels


def test_a_measure_of_a_named_stuff_is_a_figure_and_a_bare_size_is_not(analyzed):
    _, analysis = analyzed(["The company recalled almost 55,000 pounds of turkey burgers on Friday. "
                            "The mountain is 29,000 feet high. The storm dropped 12 inches on the city."])
    labels = [f.label for f in find_figures(analysis.amounts)]
    assert labels == ["almost 55,000 pounds of turkey burgers recalled, on Friday"]


def test_a_population_is_no_event(analyzed):
    _, analysis = analyzed(["Deer Trail -- population 598 -- was scheduled to vote Tuesday on a measure. "
                            "Police arrested 45 protesters on Tuesday."])
    assert [f.label for f in find_figures(analysis.amounts)] == ["45 protesters arrested, on Tuesday"]
