import pytest


def amounts_of(analyzed, text):
    return {a.text: a for a in analyzed([text])[1].amounts}


def test_figure_reads_counted_noun_event_place_and_period(analyzed):
    a = amounts_of(analyzed, "Local officials said 500 people were killed in Ramadi since Friday.")["500"]
    assert (a.counted, a.event, a.places, a.period) == ("people", "killed", ("Ramadi",), "since Friday")



def test_the_outlet_a_count_is_according_to_is_not_its_place(analyzed):
    text = ("State retailers lined the state's coffers with $500,000 in tax revenues in Nevada, "
            "according to the Las Vegas Sun.")
    assert amounts_of(analyzed, text)["$500,000"].places == ("Nevada",)


@pytest.mark.parametrize("text, number, counted, event", [
    ("Approximately 8,000 have fled the city.", "Approximately 8,000", "people", "fled"),
    ("Militants are thought to have killed up to 500 people.", "up to 500", "people", "killed"),
    ("Authorities said 40,000 residents have fled the violence.", "40,000", "people", "fled"),
    ("The blast left 17 deaths and dozens of wounded.", "17", "people", "killed"),
    ("Police arrested 12 protesters on Saturday.", "12", "protester", "arrested"),
    ("The death toll rose to 45 on Monday.", "45", "people", "killed"),
    ("Protests claimed 15 lives in Pakistan.", "15", "people", "killed"),
    ("The blast forced the evacuation of about 70 homes.", "about 70", "home", "evacuated"),
    ("Officials evacuated 22 houses near the blast.", "22", "home", "evacuated"),
    ("At least 40 people perished in the fire.", "At least 40", "people", "killed"),
    ("Police apprehended five suspects on Monday.", "five", "suspect", "arrested"),
    ("The shutdown sent roughly 800,000 federal workers home during the standoff.", "roughly 800,000", "worker", "send"),
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


def test_a_crime_in_ing_is_named_as_written(analyzed):
    text = "McCullum faces two counts of cyberstalking and Browne-Louis faces two counts of obstruction of justice."
    counted = {a.counted for a in analyzed([text])[1].amounts}
    assert counted == {"count of cyberstalking", "count of obstruction"}


def test_where_a_named_person_is_from_is_not_where_it_happened(analyzed):
    amounts = analyzed(["Dorene Browne-Louis, 45, of Upper Marlboro, Md., was indicted on two counts of obstruction.",
                        "Five residents of Ramadi were killed."])[1].amounts
    assert [a.places for a in amounts] == [(), ("Ramadi",)]


def test_a_time_or_a_second_subject_is_not_where_it_happened(analyzed):
    amounts = analyzed(["To date, 45 states and Washington have adopted the Common Core standards.",
                        "Some 95 incidents have taken place since Newtown.",
                        "At least 500 people were killed in Ramadi and Fallujah."])[1].amounts
    assert [a.places for a in amounts] == [(), (), ("Ramadi", "Fallujah")]
    assert amounts[0].event_text == "adopted the Common Core standards"  # the object, whole, when the count is the subject


def test_who_did_a_harm_is_not_who_suffered_it(analyzed):
    amounts = analyzed(["Two suicide bombings killed 34 people just before the New Year.",
                        "Two gunmen were killed by police."])[1].amounts
    assert [(a.text, a.event) for a in amounts] == [("Two", ""), ("34", "killed"), ("Two", "killed")]


def test_a_number_closing_a_name_counts_nothing(analyzed):
    amounts = analyzed(["Area 51 has also been referenced in government documents.",
                        "Proposition 37 would have required labels on 40 foods."])[1].amounts
    assert [a.text for a in amounts] == ["40"]


def test_during_the_story_s_own_event_is_no_period(analyzed):
    amounts = analyzed(["Twelve people were arrested during a brawl between Ku Klux Klan members and protesters.",
                        "More than 13,000 flights were canceled during Superstorm Sandy."])[1].amounts
    assert [a.period for a in amounts] == ["", "during Superstorm Sandy"]


@pytest.mark.parametrize("text, part, whole", [
    ("The crash killed 15 of the 21 people on board.", "15", "21"),
    ("Nola, one of just four northern white rhinos left in the world, died on Sunday.", None, "four"),
    ("Suu Kyi's party won 49 of the first 54 seats declared.", "49", "54"),
])
def test_the_whole_a_part_is_taken_from_is_not_stated_as_what_happened(analyzed, text, part, whole):
    amounts = amounts_of(analyzed, text)
    assert not amounts[whole].asserted  # the rhinos left are four; one died
    if part:
        assert amounts[part].asserted


def test_a_count_takes_its_own_date_before_the_date_it_was_told(analyzed):
    text = "However, the DEA said last year that roughly 30 deaths have been reported since 2009."
    assert amounts_of(analyzed, text)["roughly 30"].period == "since 2009"
    # with no date of its own, the date it was told still dates it
    text = "The Trump administration in July announced it would provide up to $12 billion to farmers."
    assert amounts_of(analyzed, text)["up to $12 billion"].period == "in July"


@pytest.mark.parametrize("text, number, places", [
    ("More than 85 fifth-graders from Louisville were greeted by their parents on Saturday.", "More than 85", ()),
    ("About 8,000 people from Ramadi fled on Sunday.", "About 8,000", ("Ramadi",)),  # where they fled
    ("More than 30 officers from Menasha responded to the scene.", "More than 30", ()),
])
def test_where_those_counted_come_from_is_not_where_it_happened(analyzed, text, number, places):
    assert amounts_of(analyzed, text)[number].places == places


@pytest.mark.parametrize("text, number", [
    ("One in 10 deaths among U.S. adults is due to excessive drinking.", "10"),  # a rate's base
    ("An Antioch father of two has died from botulism.", "two"),  # his children
    ("The regime has abducted between 65,000 and 117,000 people.", "65,000"),  # the ends of a range
    ("The regime has abducted between 65,000 and 117,000 people.", "117,000"),
])
def test_a_rate_a_range_or_someones_children_is_no_count_of_what_happened(analyzed, text, number):
    assert not amounts_of(analyzed, text)[number].asserted


def test_a_count_between_two_things_is_still_a_count(analyzed):
    text = "The explosion took place between two residential buildings, and five people were killed."
    assert amounts_of(analyzed, text)["two"].asserted and amounts_of(analyzed, text)["five"].asserted


def test_what_did_the_killing_was_not_killed(analyzed):
    text = "Police suspect it is related to the four bombings that have killed two people."
    amounts = amounts_of(analyzed, text)
    assert amounts["four"].event == "" and amounts["two"].event == "killed"


@pytest.mark.parametrize("text, number, counted_text", [
    ("Turkish officials seized 1,400 rifles and pistols and some 30,000 bullets.", "1,400", "rifles and pistols"),
    ("Turkish officials seized 1,400 rifles and pistols and some 30,000 bullets.", "some 30,000", "bullets"),
    ("Officials said more than 350 politicians, journalists and guests to the session were trapped.", "more than 350",
     "politicians, journalists and guests"),
    ("The impact tossed three flight attendants and their seats onto the runway.", "three", "flight attendants"),
    ("Bolt ate about 3,000 grams of protein during the tournament.", "about 3,000", "grams of protein"),
    ("On Saturday, the bureau released about 400 head of cattle.", "about 400", "head of cattle"),
])
def test_what_is_counted_includes_what_shares_the_number_and_what_a_unit_measures(analyzed, text, number, counted_text):
    assert amounts_of(analyzed, text)[number].counted_text == counted_text


def test_what_a_thing_is_for_did_not_happen(analyzed):
    amounts = amounts_of(analyzed, "He will start a campaign to raise $250,000. David has two opportunities to kill Saul.")
    assert not amounts["$250,000"].asserted and amounts["two"].event != "killed"


def test_who_did_something_to_a_counted_thing_is_not_the_figure(analyzed):
    amounts = amounts_of(analyzed, "In May, 48 volunteers removed about 8,500 pounds of debris from the forest.")
    assert amounts["48"].event == "" and amounts["about 8,500"].event == "remove"


@pytest.mark.parametrize("text, number, period", [
    ("In the most recent discoveries, 11 corpses were found Thursday in an apartment, a day after 24 people were "
     "shot execution-style there.", "24", ""),  # an offset
    ("The FedEx blast came less than two days after a bombing wounded two men.", "two", ""),
    ("Police say the couple's two sons, both under 10, were home at the time.", "two", ""),  # an age
    ("Hunger accounts for 6.5 million deaths of children under 5 in developing countries each year.", "6.5 million",
     "each year"),
    ("More than 85 fifth-graders were greeted on Saturday after they were rescued.", "More than 85", "on Saturday"),
])
def test_an_offset_or_an_age_is_no_period(analyzed, text, number, period):
    assert amounts_of(analyzed, text)[number].period == period


def test_where_an_event_happened_is_not_whom_it_happened_to(analyzed):
    amounts = amounts_of(analyzed, "As many as 25 people were evacuated on the 400 block of Daly Street.")
    assert amounts["As many as 25"].asserted and not amounts["400"].asserted
    text = "France observed a minute's silence for the 12 people killed at the magazine."
    assert amounts_of(analyzed, text)["12"].asserted


def test_another_incident_is_the_counts_own(analyzed):
    text = "The FedEx blast came less than two days after another bombing wounded two men in Austin."
    assert amounts_of(analyzed, text)["two"].incident == "another bombing"
