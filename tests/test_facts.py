import datetime as dt

import pytest

from newsfuse.facts import build_timeline, counted_thing, find_entities, find_figures, parse_quantities
from newsfuse.types import Document, Sentence


@pytest.mark.parametrize("text, value, low, high, vague", [
    ("more than 220,000 lives", 220_000, 220_000, float("inf"), False),
    ("a few hundred fighters", 350, 200, 500, True),
    ("hundreds of people", 599.5, 200, 999, True),
    ("60 miles", 60, 60, 60, False),
    ("nearly 300 people", 300, 255, 300, False),
    ("Twenty-eight people", 28, 28, 28, False),
    ("1.5 million refugees", 1_500_000, 1_500_000, 1_500_000, False),
    ("up to 500 people", 500, 0, 500, False),
    ("approximately 8,000 have fled", 8_000, 6_800, 9_200, False),
])
def test_parse_quantities(text, value, low, high, vague):
    [q] = parse_quantities(text)
    assert (q.value, q.vague) == (value, vague)
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)


@pytest.mark.parametrize("text", ["in 2014", "at 2:45 in the morning", "one of the leaders", "a 20% rise", "$5 million"])
def test_years_times_percentages_money_and_one_are_not_figures(text):
    assert parse_quantities(text) == []


def test_counted_thing_reads_event_and_noun():
    s = "Migration agencies said more than 40,000 people have fled the violence."
    [q] = parse_quantities(s)
    assert counted_thing(s, q)[:2] == ("fled", "people")
    s = "The militants killed up to 500 civilians."
    assert counted_thing(s, parse_quantities(s)[0])[:2] == ("killed", "people")


def test_entity_variants_merge(ramadi):
    from newsfuse.pipeline import prepare

    sentences, _ = prepare(ramadi)
    entities = {e.name: e for e in find_entities(sentences)}
    abadi = entities["Haider al-Abadi"]
    assert abadi.kind == "PERSON" and {"al-Abadi", "Haider al-Abadi"} <= set(abadi.variants)
    islamic_state = entities["Islamic State"]
    assert islamic_state.kind == "ORG" and {"IS", "ISIS", "Isis", "Daesh"} <= set(islamic_state.variants)
    assert entities["Ramadi"].kind == "PLACE" and len(entities["Ramadi"].documents) == 5
    assert "Iraqi" not in entities and "Shia" not in entities


def test_timeline_resolves_weekdays_against_publication_date():
    documents = (Document(text="", published="2015-05-20"),)  # a Wednesday
    sentences = [Sentence("Militants overran the city on Sunday after a long siege.", 0, 0),
                 Sentence("The UN said 114,000 people fled in April.", 0, 1),
                 Sentence("The council met on Friday.", 0, 2)]
    timeline = build_timeline(sentences, documents)
    assert [(e.when, e.phrase) for e in timeline] == [
        ("2015-04", "in April"), ("2015-05-15", "on Friday"), ("2015-05-17", "on Sunday")]
    assert dt.date.fromisoformat("2015-05-17").weekday() == 6


def test_timeline_keeps_the_phrase_without_a_date():
    [event] = build_timeline([Sentence("Fighting resumed on Thursday in the north.", 0, 0)], (Document(text=""),))
    assert event.when == "on Thursday"


def test_figures_merge_across_documents():
    sentences = [Sentence("Officials said 500 people were killed.", 0, 0),
                 Sentence("Some 500 people were killed, the governor said.", 1, 3)]
    [figure] = find_figures(sentences)
    assert figure.value == 500 and figure.documents == (0, 1) and figure.counts == "people killed"


def test_countries_are_places_and_a_bare_kind_of_body_is_no_entity():
    sentences = [
        Sentence("Officials in the US and Iran said the talks would resume in Geneva.", 0, 0),
        Sentence("The United States has sent more advisers, the Council said on Monday.", 1, 0),
        Sentence("Fighters of the Popular Mobilisation Units arrived.", 0, 1),
        Sentence("Fighters of the Popular Mobilization Units arrived.", 1, 1),
    ]
    entities = {e.name: e for e in find_entities(sentences)}
    assert entities["United States"].kind == "PLACE" and "US" in entities["United States"].variants
    assert entities["Iran"].kind == "PLACE"
    assert "Council" not in entities
    units = [e for e in entities.values() if "Units" in e.name]
    assert len(units) == 1 and len(units[0].variants) == 2  # two spellings, one organisation


def test_distances_are_not_key_figures():
    sentences = [Sentence("Ramadi, which lies 100 kilometres west of Baghdad, fell after 500 people were killed.", 0, 0)]
    assert [(f.value, f.counts) for f in find_figures(sentences)] == [(500, "people killed")]


def test_figures_read_as_written_and_leave_out_details_without_an_event():
    sentences = [
        Sentence("As many as 114,000 residents fled, and the war has claimed more than 220,000 lives.", 0, 0),
        Sentence("Fighters attacked from three directions; about 500 people were there.", 0, 1),
        Sentence("Officials said 500 people were killed.", 1, 0),
    ]
    shown = {f"{f.text} {f.counts}" for f in find_figures(sentences)}
    assert shown == {"As many as 114,000 residents fled", "more than 220,000 killed", "500 people killed"}
