from newsfuse.facts import extract_facts
from newsfuse.facts.entities import find_entities
from newsfuse.types import Analysis, Entity, Sentence


def test_names_mentioned_once_are_shown_only_when_few_recur():
    recurring = [Entity(name=f"Person {i}", kind="PERSON", variants=(f"Person {i}",), documents=(0,), mentions=3)
                 for i in range(3)]
    passing = Entity(name="Passing Name", kind="PERSON", variants=("Passing Name",), documents=(0,), mentions=1)
    facts = extract_facts(Analysis((), ()), [*recurring, passing])
    assert [e.name for e in facts.entities] == [e.name for e in recurring]
    assert [e.name for e in extract_facts(Analysis((), ()), [recurring[0], passing]).entities] == ["Person 0", "Passing Name"]


def test_fast_facts_are_marked_approximate():
    from newsfuse.analyze.fast import analyze_with_rules

    analysis = analyze_with_rules([Sentence("Officials said 500 people were killed.", 0, 0)])
    facts = extract_facts(analysis, find_entities(analysis.names, []))
    assert facts.approximate and facts.figures[0].label == "500 people killed"


def test_a_surname_is_not_listed_beside_the_full_names_that_bear_it():
    def person(name):
        return Entity(name=name, kind="PERSON", variants=(name,), documents=(0,), mentions=3)
    kleins = [person(n) for n in ("Kleins", "Klein", "Melissa Klein", "Aaron Klein", "Singhal", "Amit Singhal")]
    family = Entity(name="Kellers", kind="ORG", variants=("Kellers",), documents=(0,), mentions=3)
    kellers = [person("Fran Keller"), person("Dan Keller"), family]
    shown = [e.name for e in extract_facts(Analysis((), ()), kleins + kellers).entities]
    # the Kellers are a family, whatever the model says; "Singhal" is shown as "Amit Singhal" (a
    # surname the merge did not join, as when the parser took him for a body)
    assert shown == ["Melissa Klein", "Aaron Klein", "Amit Singhal", "Fran Keller", "Dan Keller"]
