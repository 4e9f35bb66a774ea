import datetime as dt

import pytest

from newsfuse.analyze import needs_parse, resolve_date
from newsfuse.types import Sentence


def amounts_of(analyzed, text):
    return {a.text: a for a in analyzed([text])[1].amounts}


def test_figure_reads_counted_noun_event_place_and_period(analyzed):
    a = amounts_of(analyzed, "Local officials said 500 people were killed in Ramadi since Friday.")["500"]
    assert (a.counted, a.event, a.places, a.period) == ("people", "killed", ("Ramadi",), "since Friday")


@pytest.mark.parametrize("text, number, counted, event", [
    ("Approximately 8,000 have fled the city.", "Approximately 8,000", "people", "fled"),
    ("Militants are thought to have killed up to 500 people.", "up to 500", "people", "killed"),
    ("Authorities said 40,000 residents have fled the violence.", "40,000", "people", "fled"),
    ("The blast left 17 deaths and dozens of wounded.", "17", "people", "killed"),
    ("Police arrested 12 protesters on Saturday.", "12", "protester", "arrested"),
    ("The death toll rose to 45 on Monday.", "45", "people", "killed"),
    ("Protests claimed 15 lives in Pakistan.", "15", "people", "killed"),
    ("The blast forced the evacuation of about 70 homes.", "about 70", "home", "evacuated"),
    ("He faces five counts of criminal mischief.", "five", "count of mischief", "charged"),
])
def test_what_a_number_counts_and_what_happened(analyzed, text, number, counted, event):
    a = amounts_of(analyzed, text)[number]
    assert (a.counted, a.event) == (counted, event)


@pytest.mark.parametrize("text, number, measured, thing, places", [
    ("They climbed the 26,291-foot (8,013 m) peak.", "26,291", "size", "mountain", ()),  # a peak is a mountain
    ("The baby landed on the elevator car, which was six stories below.", "six", "below", "vehicle", ()),
    ("The hot spring, which is more than 121 feet deep, is famous.", "more than 121", "deep", "spring", ()),
    ("The base lies 90 miles north of Las Vegas.", "90", "distance", "", ("Las Vegas",)),
    ("Jomsom is 125 miles from Kathmandu.", "125", "distance", "", ("Kathmandu",)),
    ('"I got jumped by three 250 pound bouncers," London tweeted.', "250", "size", "bouncer", ()),
    ("A 39 second slow motion video has been viewed 780,000 times.", "39", "size", "video", ()),
])
def test_a_measurement_says_what_it_measures(analyzed, text, number, measured, thing, places):
    a = amounts_of(analyzed, text)[number]
    assert (a.event, a.event_text, a.places) == (measured, thing, places)


def test_a_depth_below_a_named_reference_is_no_measurement(analyzed):
    """"two miles below the surface" says where, from a reference another source may not share."""
    assert amounts_of(analyzed, "The lake lies some two miles below the surface.")["some two"].event == ""


def test_an_age_is_not_a_period(analyzed):
    a = amounts_of(analyzed, "Arnold Demoski, 26, of Nulato, faces six counts of criminal mischief.")["six"]
    assert a.period == ""


def test_scope_parts_and_later_counts(analyzed):
    amounts = amounts_of(analyzed, "Five people were critically injured, including two children.")
    assert "critically" in amounts["Five"].scope and amounts["two"].part
    assert amounts_of(analyzed, "Six of those arrested were members.")["Six"].part
    gunmen = amounts_of(analyzed, "The forces killed two of the gunmen.")["two"]
    assert (gunmen.counted, gunmen.event, gunmen.part) == ("fighter", "killed", False)
    assert amounts_of(analyzed, "The death toll rose to 45 on Monday.")["45"].update
    assert not amounts_of(analyzed, "Police said 45 people were killed.")["45"].update


def test_names_drop_broken_spans_and_keep_cues(analyzed):
    _, analysis = analyzed(["Mr Haimour said the town of Palmyra was calm. Hey Maggie, look.",
                            "Iraqi forces left Ramadi, the Associated Press reported.",
                            "Photo by Donald Trump Donald Trump speaks in Washington."])
    names = {n.text: n for n in analysis.names}
    assert names["Haimour"].cue == "PERSON" and names["Palmyra"].cue == "PLACE"
    assert "Hey Maggie" not in names and not any(n.startswith("Said") for n in names)
    assert not any(n.startswith("Donald Trump Donald") for n in names)  # a name glued to its repetition
    assert "Associated Press" in names


def test_a_name_after_another_names_of_is_its_end(analyzed):
    _, analysis = analyzed(["The study appears in the Proceedings of the National Academy of Sciences.",
                            "Mr Haimour said the town of Palmyra was calm.",
                            "He pleaded guilty in the U.S. District Court for the Southern District of New York."])
    names = {n.text for n in analysis.names}
    assert not any("National Academy" in n for n in names) and "Palmyra" in names
    assert "New York" not in names  # a court's district
    _, analysis = analyzed(["Secretary of State John Kerry and the Secretary of Defense, Ash Carter, spoke."])
    assert {n.text for n in analysis.names} == {"John Kerry", "Ash Carter"}  # the portfolio is no body
    _, analysis = analyzed(["The ruling from the 5th U.S. Circuit Court of Appeals came on Monday."])
    assert not any("Circuit" in n.text for n in analysis.names)  # the court is the 5th one


def test_names_glued_by_a_comma_or_to_a_title_are_broken(analyzed):
    _, analysis = analyzed(["He applied to Princeton, University of Pennsylvania and Cornell.",
                            "Tangipahoa Parish Sheriff Daniel Edwards said the boy was found.",
                            "The official Twitter of the Ivanka Trump HQ. posted it."])
    names = {n.text for n in analysis.names}
    assert not any(n.endswith(" of") for n in names)
    assert "Princeton, University of Pennsylvania" not in names and "Tangipahoa Parish Sheriff" not in names
    assert "Daniel Edwards" in names


def test_a_person_after_a_title_or_possessive_inside_the_span_is_the_name(analyzed):
    _, analysis = analyzed(["EY’s Brogan said the firm was fine.",
                            "Medical Examiner H. Wayne Carer II ruled it a suicide.",
                            "Martin Luther King Jr. spoke in Washington in 1963.",
                            "Khalid Sheikh Mohammed was held at Guantanamo Bay.",
                            "An hour after Delphi Assistant Fire Chief Curtis Borden told RTV6 two missing 13-year-old "
                            "girls from Carroll County were found, authorities said.",
                            "The Office of the Chief Medical Examiner ruled on Monday."])
    names = {n.text for n in analysis.names}
    assert "Brogan" in names and "H. Wayne Carer II" in names and "Martin Luther King Jr." in names
    assert "Khalid Sheikh Mohammed" in names  # a title before one last word is part of the name
    assert "Curtis Borden" in names and not any("Fire Chief" in n for n in names)  # the model said work of art
    assert "Office of the Chief Medical Examiner" in names  # a title after "the" is a body's word
    assert not any("’s" in n or "Examiner H" in n for n in names)


def test_a_district_attorney_s_district_is_the_place(analyzed):
    _, analysis = analyzed(["He will be charged Friday with murder, Delaware County District Attorney Jack Whelan said.",
                            "The Monterey County District Attorney's office took the case."])
    names = {n.text for n in analysis.names}
    assert not any(n.endswith("District") for n in names)
    assert {"Delaware County", "Monterey County"} <= names


def test_halves_of_a_name_split_at_and_are_dropped_but_two_names_stay(analyzed):
    _, analysis = analyzed(["The study, published today in the Journal of Psychiatry and Neuroscience, found that "
                            "rats were lazy.",
                            "Bank of America and Wells Fargo cut rates, officials in Iraq and Syria said.",
                            "Flooding hit the states of Nebraska and Iowa on Monday."])
    names = {n.text for n in analysis.names}
    assert not {"Journal of Psychiatry", "Neuroscience"} & names
    assert {"Bank of America", "Wells Fargo", "Iraq", "Syria", "Nebraska", "Iowa"} <= names


def test_an_era_after_a_year_is_no_name(analyzed):
    _, analysis = analyzed(["Rome was founded in 753 B.C., historians say. The city grew from 300 BC on."])
    assert {n.text for n in analysis.names} == {"Rome"}
    _, analysis = analyzed(["Officials in B.C. said the road was shut."])
    assert [n.text for n in analysis.names] == ["B.C."]  # British Columbia, its full stop kept


def test_a_title_word_inside_a_body_s_name_stays(analyzed):
    _, analysis = analyzed(["General Motors said on Tuesday that it would recall the cars.",
                            "Mr. Smith went to the General Assembly."])
    names = {n.text for n in analysis.names}
    assert "General Motors" in names and "Motors" not in names and "Smith" in names


def test_a_name_cut_before_the_rest_of_a_longer_name_is_dropped(analyzed):
    _, analysis = analyzed(["Officers from the Monterey County District Attorney office came.",
                            "The complaint went to the UN Working Group on Arbitrary Detention last year."])
    names = {n.text for n in analysis.names}
    assert "Monterey County" not in names and "UN Working Group" not in names


def test_timeline_dates_are_resolved_or_left_out():
    published = dt.date(2015, 5, 20)  # a Wednesday
    assert resolve_date("Sunday", published) == "2015-05-17"
    assert resolve_date("yesterday", published) == "2015-05-19"
    assert resolve_date("May 17, 2015", None) == "2015-05-17"
    assert resolve_date("April", None) is None and resolve_date("Sunday", None) is None
    assert resolve_date("March 3", published) == "2015-03-03" and resolve_date("in 2014", None) == "2014"


def test_dated_clause_is_the_clause_not_the_sentence(analyzed):
    _, analysis = analyzed(["Militants seized the city on Sunday, and residents fled as the army withdrew."],
                           published="2015-05-20")
    [entry] = analysis.dates
    assert entry.when == "2015-05-17" and entry.clause.startswith("Militants seized the city on Sunday")
    assert "residents fled" not in entry.clause


def test_a_dated_clause_needs_a_subject_that_says_who_and_drops_its_link_word(analyzed):
    _, analysis = analyzed(["She previously served as a guest mentor to the contestants in 2007.",
                            "The family lived near the hospital where Princess Diana gave birth to William in 1982."])
    assert [(d.when, d.clause) for d in analysis.dates] == [("1982", "Princess Diana gave birth to William in 1982")]


def test_quotation_with_speaker_and_role(analyzed):
    _, analysis = analyzed(['"We do not have an accurate count yet of the dead," said Anbar spokesman Muhannad Haimour.'])
    [quote] = analysis.quotations
    assert quote.speaker == "Muhannad Haimour" and "spokesman" in quote.role
    assert quote.text == "We do not have an accurate count yet of the dead"


def test_quotation_without_a_speaker_is_left_out(analyzed):
    assert analyzed(['"This is the worst flood any of us can remember in this valley," the statement read.'])[1].quotations == ()


def test_words_between_two_quotations_are_no_quotation(analyzed):
    _, analysis = analyzed(['Mayor Ann Price insisted crime was "falling fast" and that the police had done an '
                            '"outstanding job of keeping every neighbourhood safe this year".'])
    assert [q.text for q in analysis.quotations] == ["outstanding job of keeping every neighbourhood safe this year"]


def test_a_title_or_a_plea_in_quotation_marks_is_nobody_speaking(analyzed):
    _, analysis = analyzed([
        'John Miller, author of the book "How We Built The Bridge Over The Wide River Valley," says the work took a decade.',
        'Tom Reed said he could have been shot after the police released his photo with the plea '
        '"This is one of our suspects, please help us find him."'])
    assert analysis.quotations == ()


def test_a_quotation_takes_the_speaker_of_the_nearest_saying_verb(analyzed):
    _, analysis = analyzed([
        '"The aim now is to find common ground on the text," a diplomat said, with Ambassador Paul Morel saying a vote was likely.',
        '"I have plans to put on television about people and their love," Bill Lane said, adding, '
        '"There is still a lot of work left in me for the years ahead."'])
    assert [(q.speaker, q.text[:18]) for q in analysis.quotations] == [("Bill Lane", "I have plans to pu"),
                                                                       ("Bill Lane", "There is still a l")]


def test_he_said_and_a_quotation_standing_alone_go_on_with_the_speaker_before(analyzed):
    _, analysis = analyzed(['"We will rebuild every house on this street," Mayor Ann Price said on Monday. '
                            '"Nobody here will be left without a roof this winter." '
                            '"The money is already in the city budget for this," she said. '
                            'Reporters asked Ann Price about the cost. "We cannot say how much it will cost yet," he said.'])
    assert [q.speaker for q in analysis.quotations] == ["Ann Price", "Ann Price", "Ann Price"]


def test_only_sentences_that_can_hold_facts_are_parsed():
    assert needs_parse(Sentence("Nothing here but words and more words.", 0, 0))  # an opening sentence
    assert not needs_parse(Sentence("Nothing here but words and more words.", 0, 9))
    assert needs_parse(Sentence("About 500 people were killed.", 0, 9))


def test_pronouns_and_head_nouns_are_type_cues(analyzed):
    _, analysis = analyzed(["Knowles struck first when he robbed a Walgreens in Lauderdale Lakes.",
                            "The fraternity, Kappa Sigma, lost its recognition. Members of Kappa Sigma fraternity left."])
    cues = {(n.text, n.cue) for n in analysis.names}
    assert ("Knowles", "PERSON") in cues
    assert ("Kappa Sigma", "ORG") in cues
    _, analysis = analyzed(["The White House was worried that she would offend voters."])
    assert {(n.text, n.cue) for n in analysis.names} == {("White House", "")}  # "the ...": a body, whatever "she" is


def test_company_nouns_lists_and_modifiers_are_type_cues(analyzed):
    _, analysis = analyzed(["The deal needs a contract with AT&T, Verizon, Sprint or T-Mobile.",
                            "The Tesla and SpaceX CEO spoke. Shia militias and the Trump campaign gathered.",
                            "Prince George and Princess Charlotte attended."])
    names = {n.text: n for n in analysis.names}
    assert names["Verizon"].cue == "ORG" and names["SpaceX"].cue == "ORG"
    assert names["Shia"].cue == "" and not names["Shia"].modifier  # a faith describing the militias, not their name
    assert names["Trump"].modifier
    assert "Prince George and Princess Charlotte" not in names


def test_a_relative_who_and_a_town_described_noun_are_type_cues(analyzed):
    _, analysis = analyzed(["The encounter was witnessed by Amanda Cooper Lickliter, who snapped a photo.",
                            "A DeLand woman passed a note to the staff. DeLand police arrived."])
    cues = {(n.text, n.cue) for n in analysis.names}
    assert ("Amanda Cooper Lickliter", "PERSON") in cues
    assert ("DeLand", "PLACE") in cues


def test_kin_beside_a_name_make_it_a_person(analyzed):
    _, analysis = analyzed(["At his side was his wife of more than thirty years, Helen.",
                            "Helen, his wife, lost the battle. Multiple sources name her boyfriend Nick Gordon.",
                            "A Mississauga woman told CTV Toronto her teenage son recorded the video."])
    cues = {(n.text, n.cue) for n in analysis.names}
    assert ("Helen", "PERSON") in cues and ("Nick Gordon", "PERSON") in cues
    assert ("CTV Toronto", "PERSON") not in cues  # no comma: the son is no apposition of the station


def test_a_cue_does_not_overrule_what_the_model_is_sure_of(analyzed):
    _, analysis = analyzed(["Delegates went running toward Obama after he won their districts."])
    assert {(n.text, n.cue) for n in analysis.names} == {("Obama", "")}  # a person the model knows is no place
    _, analysis = analyzed(["An American said the plan would fail."])
    assert [(n.label, n.cue) for n in analysis.names] == [("NORP", "")]  # a people is no person
    _, analysis = analyzed(["Raj Shah, a deputy White House press secretary, told reporters on Monday."])
    assert {n.text: n.cue for n in analysis.names}["White House"] != "PERSON"  # "deputy" is the secretary's title


def test_an_indefinite_article_makes_a_name_a_thing(analyzed):
    _, analysis = analyzed(["Jones received a Silver Star and two Bronze Stars.", "She started a Tumblr last year.",
                            "Police hauled away a new BMW on a flatbed truck."])
    cues = {(n.text, n.cue) for n in analysis.names}
    assert ("Silver Star", "OTHER") in cues and ("Tumblr", "OTHER") in cues
    assert ("BMW", "OTHER") in cues  # an adjective between the article and the name changes nothing


def test_a_body_named_by_the_noun_before_it_is_an_organisation(analyzed):
    _, analysis = analyzed(["India's national carrier Air India is set to ground 125 crew members.",
                            "The news was first reported by the website Eurogamer on Monday."])
    cues = {(n.text, n.cue) for n in analysis.names}
    assert ("Air India", "ORG") in cues and ("Eurogamer", "ORG") in cues


def test_a_pageant_title_is_no_person_and_no_place(analyzed):
    _, analysis = analyzed(["The Miss America Organization terminated the licenses of four states.",
                            "The crowning of the latest Miss America took place last month in the Miss America pageant.",
                            "Miss Scanlon said the contest was over."])
    names = {n.text for n in analysis.names}
    assert "Miss America Organization" in names and "America" not in names and "Miss America" not in names
    assert "Scanlon" in names  # a woman's courtesy title still goes


def test_a_name_glued_to_its_place_by_in_is_broken(analyzed):
    _, analysis = analyzed(["An Air India official told The Telegraph in Calcutta that 130 failed."])
    assert not any(" in " in n.text for n in analysis.names)


def test_a_work_or_craft_named_by_the_noun_before_it_is_a_thing(analyzed):
    _, analysis = analyzed(["Monica Bellucci will join the cast of Spectre.", "Her album Lemonade sold well.",
                            "It used the same type of rocket Pyongyang launched in 2012."])
    cues = {n.text: n.cue for n in analysis.names}
    assert cues["Spectre"] == "OTHER" and cues["Lemonade"] == "OTHER"
    assert cues["Pyongyang"] != "OTHER"  # the model's place is the rocket's launcher, not its name


def test_the_before_a_saying_subject_makes_it_a_body_not_a_person(analyzed):
    _, analysis = analyzed(["On Wednesday, the Met said it had received a huge response.",
                            "Yesterday Muhannad Haimour said the city had fallen."])
    cues = {(n.text, n.cue) for n in analysis.names}
    assert ("Muhannad Haimour", "PERSON") in cues and ("Met", "PERSON") not in cues


def test_a_craft_named_by_its_noun_is_a_thing(analyzed):
    _, analysis = analyzed(["Philae, the probe that landed on a comet, has detected organic molecules.",
                            "An instrument aboard the Philae lander detected the molecules."])
    assert {n.cue for n in analysis.names if n.text == "Philae"} == {"OTHER"}


def test_a_dateline_is_a_place(analyzed):
    _, analysis = analyzed(["OSLO—U.S. presidential contender Donald Trump is among the nominees."])
    assert [(n.text, n.cue) for n in analysis.names if n.text == "OSLO"] == [("OSLO", "PLACE")]


def test_a_verb_reached_through_a_preposition_is_no_event_unless_known(analyzed):
    amounts = amounts_of(analyzed, "The film earned $100 million in 29 territories.")
    assert amounts["29"].event == "" and amounts["$100 million"].event == "earn"


def test_framed_events_and_dates_of_relative_clauses(analyzed):
    amount = amounts_of(analyzed, "The spell has left 18 service members dead since Saturday.")["18"]
    assert (amount.event, amount.period) == ("killed", "since Saturday")
    # 1956 dates the banding, not the chicks
    assert amounts_of(analyzed, "Wisdom, who was banded in 1956, has raised as many as 35 chicks.")["as many as 35"].period == ""
    text = "Since experts first banded her in 1956, Wisdom has raised as many as 35 chicks."
    assert amounts_of(analyzed, text)["as many as 35"].period == ""  # an adverbial clause dates its own verb
    # a particular incident sets a count apart; "the fighting" is the story's own
    bomb = amounts_of(analyzed, "A roadside bomb attack killed four U.S. troops.")["four"]
    assert (bomb.cause, bomb.incident) == ("violence", "a roadside bomb attack")
    assert amounts_of(analyzed, "At least 88 crashes occurred on highways.")["At least 88"].incident == ""  # what is counted
    assert amounts_of(analyzed, "Three rebels were killed in the fighting.")["Three"].cause == ""


def test_dates_that_describe_a_noun_or_a_report_are_not_events(analyzed):
    _, analysis = analyzed(["He was a 2010 graduate of Ferris State University. The report for 2016 found that Sweden leads.",
                            "Anderson had been arrested four times since 1982, police said."])
    assert [d.clause for d in analysis.dates] == ["Anderson had been arrested four times since 1982"]


def test_a_present_habit_is_not_an_event_and_an_age_is_not_a_period(analyzed):
    assert amounts_of(analyzed, "The index uses 35 categories to rate each nation.")["35"].event == ""
    amount = amounts_of(analyzed, "The 41-year-old said 12 people were arrested.")["12"]
    assert amount.event == "arrested" and amount.period == ""


def test_a_count_told_in_a_date_s_clause_happened_then_and_a_comparison_dates_its_own_count(analyzed):
    told = amounts_of(analyzed, "It was the deadliest attack since July 2011, when a gunman killed 77 people in Oslo.")
    assert told["77"].period == "in July 2011"  # not "since July 2011"
    compared = amounts_of(analyzed, "At least 485 soldiers were killed this year, compared with 521 in 2009.")
    assert compared["At least 485"].period != "in 2009"


def test_a_period_keeps_both_ends_of_its_range(analyzed):
    text = "Officials said 87 people were sickened between May 2014 and May 2015 in the county."
    assert amounts_of(analyzed, text)["87"].period == "between May 2014 and May 2015"


def test_a_name_whose_first_word_the_model_left_out_is_dropped(analyzed):
    _, analysis = analyzed(["Heather Sculthorpe, chief executive of the Tasmanian Aboriginal Center, called it a betrayal.",
                            "Kors Chief Executive John Idol said sales rose."])
    names = {n.text for n in analysis.names}
    assert "Sculthorpe" not in names  # a place to the model, cut from the person's name
    assert "John Idol" in names  # a person after a role keeps the name


def test_a_name_opening_a_quoted_title_is_cut_short_and_a_marshal_is_a_title(analyzed):
    _, analysis = analyzed(['He said on "Fox News Sunday" that the talks failed.',
                            "Fox News reported the talks failed.",
                            "Fire Marshal Houston Smith said the fire started in the kitchen."])
    names = [n.text for n in analysis.names]
    assert names.count("Fox News") == 1  # the network, not the show's title cut short
    assert "Marshal Houston" not in " ".join(names)


def test_a_university_and_its_campus_are_one_name(analyzed):
    _, analysis = analyzed(["Alison Xu studies at the University of California, Los Angeles, and lives nearby."])
    names = {n.text for n in analysis.names}
    assert "University of California, Los Angeles" in names and "Los Angeles" not in names



def test_a_given_name_after_a_hyphen_stays_with_the_name(analyzed):
    _, analysis = analyzed(["South Korean President Moon Jae-in met Shinzo Abe.", "Moon Jae-in said he would visit.",
                            "Kim Jong-un fired a missile.", "He ran a Ted Cruz-like campaign."])
    names = [n.text for n in analysis.names]
    assert names.count("Moon Jae-in") == 2 and "Moon Jae" not in names and "Kim Jong-un" in names
    assert "Ted Cruz" in names  # an English word made of a name is no part of it


def test_a_town_followed_by_its_state_is_a_place_but_a_doctor_s_degree_is_no_state(analyzed):
    _, analysis = analyzed(["Bryan Johnson was found dead in his Millis, Mass. home, the police said. "
                            "\"It is rare,\" says Albert Quan, MD, a nephrologist."])
    cues = {n.text: n.cue for n in analysis.names}
    assert cues["Millis"] == "PLACE"
    assert cues["Albert Quan"] != "PLACE"


def test_a_time_zone_after_a_time_is_a_thing(analyzed):
    _, analysis = analyzed(["Trump sent a tweet at 12:06 a.m. ET (0406 GMT) on May 31 that drew mockery."])
    assert {n.text: n.cue for n in analysis.names if n.text in ("ET", "GMT")} == {"ET": "OTHER", "GMT": "OTHER"}


def test_the_supercontinent_of_a_name_is_a_place(analyzed):
    _, analysis = analyzed(["The fragments broke off the ancient supercontinent of Gondwana about 200 million years ago."])
    assert [n.cue for n in analysis.names if n.text == "Gondwana"] == ["PLACE"]
