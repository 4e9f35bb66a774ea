import pytest

from newsfuse.facts.entities import find_cues, find_entities, full_name_in_text, text_cues
from newsfuse.types import NameMention, Sentence


def test_ramadi_entities_typed_by_the_cluster(pipeline, ramadi):
    from newsfuse.pipeline import prepare

    sentences, _ = prepare(ramadi)
    analysis = pipeline.analyze(sentences, ramadi.documents)
    entities = {e.name: e for e in find_entities(analysis.names, sentences)}
    assert entities["Haider al-Abadi"].kind == "PERSON"
    haimour = entities["Muhannad Haimour"]
    assert haimour.kind == "PERSON" and "Haimour" in haimour.variants
    islamic_state = entities["Islamic State"]
    assert islamic_state.kind == "ORG" and {"IS", "ISIS", "Isis", "Daesh"} <= set(islamic_state.variants)
    assert entities["Palmyra"].kind == "PLACE"  # the model says PERSON; "the town of Palmyra" says otherwise
    assert entities["Ramadi"].kind == "PLACE" and len(entities["Ramadi"].documents) == 5
    assert "Iraqi" not in entities and "Shia" not in entities  # nationalities are not entities


def test_votes_cues_and_known_names_decide_the_type():
    names = (NameMention("Lattner", "ORG", 0), NameMention("John Lattner", "PERSON", 1),
             NameMention("Golden Globes", "ORG", 0), NameMention("Upper East Side", "ORG", 1),
             NameMention("Kessab", "PERSON", 0, cue="PLACE"), NameMention("Kessab", "PERSON", 1, cue="PLACE"),
             NameMention("Kessab", "PERSON", 1), NameMention("Council", "ORG", 0), NameMention("LLP", "ORG", 0), NameMention("LLP", "ORG", 1),
             NameMention("Academy", "ORG", 0), NameMention("Academy", "ORG", 1),
             NameMention("Fremont St.", "ORG", 0),
             NameMention("Southmead Hospital", "ORG", 0), NameMention("Union Station", "ORG", 0),
             NameMention("Brennan Center", "ORG", 0), NameMention("World Trade Center", "FAC", 0),
             NameMention("Leetsdale Drive", "PERSON", 0), NameMention("Trump Tower", "PERSON", 0),
             NameMention("Sherman Way", "PERSON", 0), NameMention("Largo Sports Complex", "ORG", 0),
             NameMention("Dakhleh Oasis", "ORG", 0), NameMention("Furious 8", "PERSON", 0),
             NameMention("Furious 8", "PERSON", 1), NameMention("Fox 8", "GPE", 0), NameMention("Delta Psi", "GPE", 0),
             NameMention("Omaha Public Power District", "GPE", 0), NameMention("Santa Clara County District", "ORG", 0),
             NameMention("North Park Elementary", "FAC", 0))
    entities = {e.name: e for e in find_entities(names, [Sentence("John Lattner met in Kessab.", 0, 0)])}
    assert entities["John Lattner"].kind == "PERSON" and "Lattner" in entities["John Lattner"].variants
    assert entities["Kessab"].kind == "PLACE"
    assert entities["Upper East Side"].kind == entities["Fremont St."].kind == entities["Southmead Hospital"].kind == "PLACE"
    assert entities["Union Station"].kind == "PLACE"  # a first word that names bodies does not make it one
    assert entities["Leetsdale Drive"].kind == entities["Trump Tower"].kind == entities["Sherman Way"].kind == "PLACE"
    assert entities["Largo Sports Complex"].kind == entities["Dakhleh Oasis"].kind == "PLACE"
    assert entities["Fox 8"].kind == entities["Delta Psi"].kind == "ORG"  # a station; a fraternity
    # a district that provides a service is a body; a school by its short name is one too
    assert entities["Omaha Public Power District"].kind == entities["North Park Elementary"].kind == "ORG"
    assert entities["Santa Clara County District"].kind == "PLACE"
    assert "Furious 8" not in entities  # a person's name holds no number
    # "Center" names a body as often as a building: the model's label decides.
    assert entities["Brennan Center"].kind == "ORG" and entities["World Trade Center"].kind == "PLACE"
    assert "Golden Globes" not in entities and "Council" not in entities and "LLP" not in entities
    assert "Academy" not in entities  # a kind of body, not one
    # what the text itself says (the words around "Kessab", the "Street"-like last words) is settled; a
    # kind only the model's labels give is not
    assert entities["Kessab"].settled and entities["Leetsdale Drive"].settled
    assert not entities["John Lattner"].settled and not entities["Brennan Center"].settled


def test_a_name_modifying_a_noun_weighs_less_and_short_words_are_not_acronyms():
    # spaCy labels "Trump" in "the Trump campaign" as ORG; the person's own mentions decide.
    names = (*[NameMention("Trump", "ORG", 0, modifier=True)] * 6, NameMention("Donald Trump", "PERSON", 1),
             NameMention("Trump", "PERSON", 1), NameMention("Us", "GPE", 0), NameMention("US", "GPE", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert entities["Donald Trump"].kind == "PERSON"
    assert "Us" not in entities["US"].variants  # "Both of Us" is a title, not the United States


def test_names_the_text_declares_one_and_transliterations_merge():
    text = ("Militia leaders praised the Popular Mobilisation Units (Hashed al-Shaabi). Shia militias, known as "
            "Hashid Shaabi, gathered near the town of Husaiba al-Sharqiya. Hashid Shaabi fighters were there.")
    sentences = [Sentence(t, 0, i) for i, t in enumerate(text.split(". "))]
    names = (NameMention("Popular Mobilisation Units", "ORG", 0), NameMention("Hashed al-Shaabi", "PERSON", 0),
             NameMention("Hashed al-Shaabi", "PERSON", 0), NameMention("Hashid Shaabi", "ORG", 0),
             NameMention("Husaiba al-Sharqiya", "PERSON", 0), NameMention("Hashid", "PERSON", 0))
    entities = {e.name: e for e in find_entities(names, sentences)}
    militia = next(e for e in entities.values() if "Hashid Shaabi" in e.variants)
    assert militia.kind == "ORG" and {"Hashed al-Shaabi", "Popular Mobilisation Units"} <= set(militia.variants)
    assert entities["Husaiba al-Sharqiya"].kind == "PLACE"  # "the town of" outweighs the model's label
    assert "Hashid" not in entities  # one word once called a person, with no full name: left out


def test_drugs_and_products_are_not_people_wherever_the_text_says_so():
    text = ("She mailed a refill of Adderall to her daughter. Adderall and other ADHD medications are common. "
            "Adderall was seized by customs.")
    sentences = [Sentence(t, 0, i) for i, t in enumerate(text.split(". "))]
    names = (NameMention("Adderall", "PERSON", 0), NameMention("Adderall", "PERSON", 0))
    assert find_entities(names, sentences) == []
    games = [Sentence("Zynga makes popular titles such as “CityVille” and “FarmVille.”", 0, 0)]
    assert find_entities((NameMention("CityVille", "ORG", 0),), games) == []


def test_a_common_word_capitalised_is_no_name_and_first_words_can_mark_a_place():
    sentences = [Sentence("The basilica was full. Crowds filled St Peter's Basilica. Mount Adams is quiet.", 0, 0)]
    names = (NameMention("Basilica", "PERSON", 0), NameMention("Mount Adams", "PERSON", 0),
             NameMention("Mount Adams", "PERSON", 0))
    assert {e.name: e.kind for e in find_entities(names, sentences)} == {"Mount Adams": "PLACE"}
    medics = [Sentence("An EMT who worked with him spoke. The two EMTs left. The FBI's agents came.", 0, 0)]
    names = (NameMention("EMT", "ORG", 0), NameMention("FBI", "ORG", 0))
    assert {e.name for e in find_entities(names, medics)} == {"FBI"}  # an acronym in the plural is a common noun
    terms = [Sentence("He had a traumatic brain injury (TBI), the FDA said. The TBI was severe.", 0, 0)]
    names = (NameMention("TBI", "ORG", 0), NameMention("TBI", "ORG", 0), NameMention("FDA", "ORG", 0))
    assert {e.name for e in find_entities(names, terms)} == {"FDA"}  # spelled out in lower case beside it
    programmes = [Sentence("The bill repeals Obamacare. The vote came at 10:00 GMT.", 0, 0)]
    names = (NameMention("Obamacare", "ORG", 0), NameMention("GMT", "ORG", 0))
    assert find_entities(names, programmes) == []  # a health programme and a time zone
    names = tuple(NameMention(n, "ORG", 0) for n in ("Mormon", "Sunnis", "Mormon Church")) * 2
    assert {e.name for e in find_entities(names, [])} == {"Mormon Church"}  # believers are a kind of people
    names = tuple(NameMention(n, "ORG", 0) for n in ("Medical Examiner", "Special Counsel", "Office of Special Counsel")) * 2
    assert {e.name for e in find_entities(names, [])} == {"Office of Special Counsel"}  # offices, and an agency
    names = tuple(NameMention(n, "ORG", 0) for n in ("CPR", "ATV", "ICU", "NGO", "NATO")) * 2
    assert {e.name for e in find_entities(names, [])} == {"NATO"}  # acronyms of common terms are no names


def test_names_the_text_says_too_little_about_are_left_out():
    # Seen once as a modifier ("the Oxford study"): nothing says whether a town or a university.
    names = (NameMention("Oxford", "ORG", 0, modifier=True), NameMention("Obama", "PERSON", 0, modifier=True),
             NameMention("Obama", "PERSON", 1), NameMention("White House", "ORG", 0, modifier=True),
             NameMention("White House", "ORG", 0, modifier=True), NameMention("White House", "ORG", 1, modifier=True))
    assert {e.name for e in find_entities(names, [])} == {"Obama", "White House"}
    # spaCy's ORG for one mention of a phrase with no word naming a body and no acronym.
    names = (NameMention("Catholic Imagination", "ORG", 0), NameMention("Literally Unbelievable", "ORG", 1),
             NameMention("Oak Ridge National Laboratory", "ORG", 0), NameMention("CBS New York", "ORG", 0),
             NameMention("Orlando Sentinel", "ORG", 1), NameMention("Clear Coffee", "ORG", 0),
             NameMention("Clear Coffee", "ORG", 1), NameMention("Bernie Sanders", "PERSON", 0))
    assert {e.name for e in find_entities(names, [])} == {
        "Oak Ridge National Laboratory", "CBS New York", "Orlando Sentinel", "Clear Coffee", "Bernie Sanders"}


def test_titles_in_quotation_marks_events_and_awards_are_not_key_names():
    sentences = [Sentence("His films, from “Mystic River” on, are marvels. “Mystic River,” he said, was his best. "
                          "Boston lies on the Mystic River too. Obama spoke; “Obama,” she said. Obama left.", 0, 0)]
    names = (NameMention("Mystic River", "LOC", 0), NameMention("Mystic River", "LOC", 0),
             NameMention("Obama", "PERSON", 0), NameMention("Obama", "PERSON", 0),
             NameMention("Battle of the Sibuyan Sea", "LOC", 0), NameMention("Iditarod Trail Sled Dog Race", "ORG", 0),
             NameMention("Grammys", "GPE", 0), NameMention("Grammys", "GPE", 0), NameMention("Middle Ages", "LOC", 0),
             *[NameMention("International Holocaust Remembrance Day", "FAC", 0)] * 3,
             *[NameMention("Dorothy Day", "PERSON", 0)] * 3,
             *[NameMention("HB 1411", "ORG", 0)] * 2, *[NameMention("H.R. 3590", "ORG", 0)] * 2,
             *[NameMention("SR 520", "FAC", 0)] * 2)  # a state route, not a Senate resolution
    assert {e.name for e in find_entities(names, sentences)} == {"Obama", "Dorothy Day", "SR 520"}


def test_a_name_after_a_verb_of_posting_on_is_an_outlet_or_platform():
    sentences = [Sentence("Smith was posting on Parler that he was fine. He said on Parler he would stay. "
                          "Duda spoke on Polish television.", 0, 0)]
    names = (NameMention("Parler", "PERSON", 0), NameMention("Parler", "PERSON", 0),
             NameMention("Polish", "NORP", 0), NameMention("Polish", "NORP", 0))
    assert {e.name: e.kind for e in find_entities(names, sentences)} == {"Parler": "ORG"}


def test_a_platform_is_an_organisation_when_the_story_is_about_it_and_passes_otherwise():
    sentences = [Sentence("Twitter suspended the account. Twitter said it acted fast. Critics said Twitter was slow. "
                          "She wrote about it on Facebook.", 0, 0)]
    names = (NameMention("Twitter", "PERSON", 0), NameMention("Twitter", "PERSON", 0, cue="PERSON"),
             NameMention("Twitter", "PERSON", 0), NameMention("Facebook", "ORG", 0))
    assert {e.name: e.kind for e in find_entities(names, sentences)} == {"Twitter": "ORG"}
    # used as a channel, however often, it is no organisation of the story
    sentences = [Sentence("He wrote on Twitter. She replied on Twitter. Twitter users laughed at him.", 0, 0)]
    names = (NameMention("Twitter", "PERSON", 0), NameMention("Twitter", "PERSON", 0), NameMention("Twitter", "ORG", 0))
    assert find_entities(names, sentences) == []


def test_a_company_name_followed_by_what_it_makes_is_a_product():
    sentences = [Sentence("Apple said the Apple Watch sold well. Apple Music grew. Sony Pictures was hacked, Sony said.", 0, 0)]
    names = tuple(NameMention(n, "ORG", 0) for n in ("Apple", "Apple", "Apple Watch", "Apple Music", "Sony",
                                                     "Sony Pictures"))
    kinds = {e.name: e.kind for e in find_entities(names, sentences)}
    assert kinds == {"Apple": "ORG", "Sony Pictures": "ORG"}  # "Sony" of "Sony Pictures" is the studio


def test_middle_initials_and_dotted_acronyms_are_variants():
    names = (NameMention("James B. Comey", "PERSON", 0), NameMention("James Comey", "PERSON", 1),
             NameMention("James Comey", "PERSON", 1), NameMention("Comey", "PERSON", 1),
             NameMention("F.B.I", "GPE", 0), NameMention("FBI", "ORG", 1), NameMention("FBI", "ORG", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert set(entities) == {"James Comey", "FBI"}
    assert set(entities["James Comey"].variants) == {"James B. Comey", "James Comey", "Comey"}
    assert entities["FBI"].kind == "ORG" and "F.B.I" in entities["FBI"].variants
    names = (NameMention("Department of Buildings", "ORG", 0), NameMention("DOB", "ORG", 1))
    assert [e.variants for e in find_entities(names, [])] == [("DOB", "Department of Buildings")]  # "of" has its letter
    names = (NameMention("Perry St.", "FAC", 0), NameMention("Perry St.", "FAC", 1), NameMention("Perry Street", "FAC", 2))
    assert [e.variants for e in find_entities(names, [])] == [("Perry St.", "Perry Street")]


def test_a_name_in_capitals_is_shown_as_the_text_writes_it_elsewhere():
    names = (NameMention("NEW YORK", "GPE", 0), NameMention("NEW YORK", "GPE", 1), NameMention("New York", "GPE", 2),
             NameMention("UNESCO", "ORG", 0), NameMention("UNESCO", "ORG", 1), NameMention("Unesco", "ORG", 2))
    assert sorted(e.name for e in find_entities(names, [])) == ["New York", "UNESCO"]


def test_a_body_s_country_word_order_and_company_form_make_no_other_body():
    names = (NameMention("U.S. Department of Labor", "ORG", 0), NameMention("Department of Labor", "ORG", 1),
             NameMention("Department of Education", "ORG", 0), NameMention("Education Department", "ORG", 1),
             NameMention("BMY Foods, Inc.", "ORG", 0), NameMention("BMY Foods", "ORG", 1),
             NameMention("US Airways", "ORG", 0), NameMention("US Airways Group Inc.", "ORG", 1),
             NameMention("U.S. Golf Association", "ORG", 0), NameMention("USGA", "ORG", 1),
             NameMention("United States of America", "GPE", 0), NameMention("U.S.", "GPE", 1))
    variants = sorted(e.variants for e in find_entities(names, []))
    committees = (NameMention("House Ways and Means Committee", "ORG", 0), NameMention("Ways and Means Committee", "ORG", 1),
                  NameMention("Ways and Means", "ORG", 2), NameMention("House Intelligence Committee", "ORG", 0),
                  NameMention("Senate Intelligence Committee", "ORG", 1), NameMention("Intelligence Committee", "ORG", 2))
    assert sorted(e.variants for e in find_entities(committees, [])) == [
        ("House Intelligence Committee",), ("House Ways and Means Committee", "Ways and Means", "Ways and Means Committee"),
        ("Intelligence Committee",), ("Senate Intelligence Committee",)]  # two chambers' committees stay apart
    assert variants == [("BMY Foods", "BMY Foods, Inc."), ("Department of Education", "Education Department"),
                        ("Department of Labor", "U.S. Department of Labor"), ("U.S.", "United States of America"),
                        ("U.S. Golf Association", "USGA"), ("US Airways", "US Airways Group Inc.")]


def test_navies_dotted_acronyms_and_party_members():
    names = (NameMention("US Navy", "PERSON", 0), NameMention("U.S", "GPE", 0), NameMention("US", "GPE", 1),
             NameMention("Republican", "PERSON", 0), NameMention("Republican", "NORP", 1),
             NameMention("Klansmen", "PERSON", 0), NameMention("Klansmen", "PERSON", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert entities["US Navy"].kind == "ORG"
    assert {"U.S", "US"} <= set(entities["US"].variants)
    assert "Republican" not in entities and "Klansmen" not in entities


def test_a_surname_shared_by_two_people_stays_alone():
    names = (NameMention("George Bush", "PERSON", 0), NameMention("Jeb Bush", "PERSON", 0),
             NameMention("Bush", "PERSON", 1), NameMention("Bush", "PERSON", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert entities["Bush"].variants == ("Bush",)


def test_a_surname_alone_is_shown_with_the_one_full_name_the_text_gives_it():
    sentences = [Sentence("When the head of Google Search, Amit Singhal, spoke, Singhal smiled. Though Singhal left.", 0, 0),
                 Sentence("Bill Clinton and Hillary Clinton came. Clinton spoke.", 1, 1)]
    names = (NameMention("Singhal", "PERSON", 0), NameMention("Singhal", "PERSON", 0),
             NameMention("Clinton", "PERSON", 1), NameMention("Clinton", "PERSON", 1))
    assert {e.name for e in find_entities(names, sentences)} == {"Amit Singhal", "Clinton"}


def test_a_first_name_only_one_person_has_is_that_person():
    names = (NameMention("Betty White", "PERSON", 0), NameMention("Betty", "PERSON", 0),
             NameMention("Kendra Wilkinson", "PERSON", 1), NameMention("Kendra Scott", "PERSON", 1),
             NameMention("Kendra", "PERSON", 1), NameMention("Kendra", "PERSON", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert entities["Betty White"].variants == ("Betty", "Betty White")
    assert entities["Kendra"].variants == ("Kendra",)  # two Kendras: it stays alone
    names = (NameMention("Ramiro Hernandez-Llanas", "PERSON", 0), NameMention("Hernandez", "ORG", 1))
    assert [e.name for e in find_entities(names, [])] == ["Ramiro Hernandez-Llanas"]  # a double surname's first part
    # the model's ORG for a first name ("Amanda is also extremely paranoid") does not keep it apart
    names = (NameMention("Amanda Bynes", "PERSON", 0), NameMention("Amanda", "ORG", 0), NameMention("Amanda", "ORG", 1),
             NameMention("Merseyside Fire and Rescue Service", "ORG", 0, cue="PERSON"),
             NameMention("Merseyside", "ORG", 0), NameMention("Merseyside", "ORG", 1),
             NameMention("Paris Hilton", "PERSON", 0), NameMention("Paris", "GPE", 0), NameMention("Paris", "GPE", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert entities["Amanda Bynes"].variants == ("Amanda", "Amanda Bynes")
    assert entities["Merseyside"].kind == "ORG"  # a body named after a place does not take the place's name
    assert entities["Paris"].kind == "PLACE"  # nor does a person named like a place


def test_a_last_word_naming_a_body_makes_an_organisation():
    names = tuple(NameMention(n, "PERSON", 0) for n in ("Ronald McDonald House Charities", "Victor Gordon Enterprises",
                                                       "Warner Bros", "Menlo Ventures", "Associated Press")) * 2
    assert {e.kind for e in find_entities(names, [])} == {"ORG"}


def test_an_acronym_the_model_also_calls_a_body_is_one_when_it_speaks():
    names = (NameMention("SANA", "ORG", 0), NameMention("SANA", "PERSON", 0, cue="PERSON"),
             NameMention("SANA", "PERSON", 1, cue="PERSON"), *[NameMention("JFK", "PERSON", 0)] * 3)
    assert {e.name: e.kind for e in find_entities(names, [])} == {"SANA": "ORG", "JFK": "PERSON"}
    company = (NameMention("CITIC Pacific", "ORG", 0), NameMention("CITIC Pacific", "ORG", 0, cue="PERSON"),
               NameMention("CITIC Pacific", "PERSON", 0, cue="PERSON"))
    assert {e.name: e.kind for e in find_entities(company, [])} == {"CITIC Pacific": "ORG"}


def test_a_company_is_its_legal_name_and_is_shown_as_the_text_names_it():
    names = (NameMention("Chipotle Mexican Grill Inc.", "ORG", 0), NameMention("Chipotle", "PERSON", 1),
             NameMention("Chipotle", "PERSON", 1), NameMention("Chipotle", "ORG", 2),
             NameMention("Thomas Kinkade Co.", "ORG", 0), NameMention("Thomas Kinkade", "PERSON", 1),
             NameMention("Chicago Tribune Co.", "ORG", 0), NameMention("Chicago", "GPE", 1), NameMention("Chicago", "GPE", 2),
             NameMention("Aereo Inc.", "ORG", 0), NameMention("Aereo", "GPE", 1), NameMention("Aereo", "GPE", 2))
    entities = {e.name: e for e in find_entities(names, [])}
    assert entities["Chipotle"].kind == "ORG"
    assert entities["Chipotle"].variants == ("Chipotle", "Chipotle Mexican Grill Inc.")
    # a name the model takes for a town is the company the text names with its legal form
    assert entities["Aereo"].kind == "ORG" and entities["Aereo"].variants == ("Aereo", "Aereo Inc.")
    assert entities["Thomas Kinkade"].kind == "PERSON" and entities["Chicago"].kind == "PLACE"  # not the companies


def test_a_school_by_its_short_name_is_the_school_but_a_place_or_another_school_is_not():
    names = (NameMention("Dartmouth College", "ORG", 0), NameMention("Dartmouth", "ORG", 1), NameMention("Dartmouth", "ORG", 2),
             NameMention("Columbia University", "ORG", 0), NameMention("Columbia", "GPE", 1), NameMention("Columbia", "GPE", 2),
             NameMention("Michigan State University", "ORG", 0), NameMention("Michigan", "ORG", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert set(entities["Dartmouth College"].variants) == {"Dartmouth", "Dartmouth College"}
    assert entities["Columbia"].kind == "PLACE" and "Michigan" in entities


def test_abbreviations_keep_their_dots_and_a_state_s_abbreviation_is_the_state(analyzed):
    _, analysis = analyzed(["The fire near Fresno, Calif., burned 500 acres. California officials said the U.S. "
                            "Forest Service helped.", "Firefighters in Fresno, Calif., said the fire was out."])
    entities = {e.name: e for e in find_entities(analysis.names, [])}
    assert entities["California"].variants == ("Calif.", "California")  # shown by its full name
    assert "U.S. Forest Service" in entities


def test_a_name_written_with_and_without_its_accents_is_one_name():
    names = (NameMention("Kira Grünberg", "PERSON", 0), NameMention("Kira Grunberg", "PERSON", 1),
             NameMention("Kira Grunberg", "PERSON", 1))
    [kira] = find_entities(names, [])
    assert kira.variants == ("Kira Grunberg", "Kira Grünberg") and kira.documents == (0, 1)


def test_a_surname_two_people_share_is_a_person():
    names = (NameMention("Nicholas Christakis", "PERSON", 0), NameMention("Erika Christakis", "PERSON", 1),
             NameMention("Christakis", "GPE", 1), NameMention("George Bush", "PERSON", 0),
             NameMention("Laura Bush", "PERSON", 0), NameMention("Georgia", "GPE", 0),
             NameMention("Jimmy Georgia", "PERSON", 1), NameMention("Tom Georgia", "PERSON", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert entities["Christakis"].kind == "PERSON"  # one of the two, not merged with either
    assert entities["Georgia"].kind == "PLACE"  # a known place stays one


def test_a_country_is_no_surname_and_foreign_group_words_make_a_body():
    names = (NameMention("Air India", "ORG", 0), NameMention("Air India", "PERSON", 0, cue="PERSON"),
             NameMention("India", "GPE", 1), NameMention("Ansar al-Sharia", "PERSON", 1),
             NameMention("Lashkar-e-Taiba", "PERSON", 0), NameMention("Big Valley Jamboree", "GPE", 0),
             NameMention("Big Valley Jamboree", "GPE", 1), NameMention("Paralympics", "ORG", 0),
             NameMention("Paralympics", "ORG", 1))
    entities = {e.name: e for e in find_entities(names, [])}
    assert entities["India"].kind == "PLACE" and "India" not in entities["Air India"].variants
    assert entities["Ansar al-Sharia"].kind == entities["Lashkar-e-Taiba"].kind == "ORG"
    assert "Big Valley Jamboree" not in entities and "Paralympics" not in entities  # events


def test_a_short_surname_found_as_a_full_name_is_that_person():
    # "Jo" is too short to be looked up as a surname; the text's "Edward Jo" makes it the same person
    names = (NameMention("Edward Jo", "PERSON", 0), NameMention("Jo", "PERSON", 1, cue="PERSON"),
             NameMention("Jo", "PERSON", 1))
    sentences = [Sentence("Edward Jo led the study.", 0, 0), Sentence("Jo said the trackers were off.", 1, 0)]
    [jo] = find_entities(names, sentences)
    assert jo.name == "Edward Jo" and set(jo.variants) == {"Edward Jo", "Jo"} and jo.documents == (0, 1)


def test_a_term_the_cluster_also_writes_in_lower_case_is_no_name_but_a_named_body_is():
    sentences = [Sentence("See the Federal Poverty Level chart. Federal poverty levels are used to set aid; the "
                          "federal government sets them. Largo Police came. Largo police said little.", 0, 0)]
    names = (NameMention("Federal Poverty Level", "ORG", 0), NameMention("Federal Poverty Level", "ORG", 0),
             NameMention("Largo Police", "ORG", 0), NameMention("Largo Police", "ORG", 0))
    assert {e.name for e in find_entities(names, sentences)} == {"Largo Police"}


def test_a_model_code_is_no_body_or_place_but_an_interstate_is_a_place():
    sentences = [Sentence("The U-2 flew over. An EF-5 tornado hit. The U-2 landed. Traffic stopped on I-95 and I-95. "
                          "Flight MH370 vanished. MH370 was never found.", 0, 0)]
    names = (NameMention("U-2", "ORG", 0), NameMention("U-2", "GPE", 0), NameMention("EF-5", "ORG", 0),
             NameMention("EF-5", "ORG", 0), NameMention("I-95", "FAC", 0), NameMention("I-95", "FAC", 0),
             NameMention("MH370", "ORG", 0), NameMention("MH370", "ORG", 0))
    assert {e.name: e.kind for e in find_entities(names, sentences)} == {"I-95": "PLACE"}


def test_text_cues_type_a_name_by_the_phrases_around_it():
    from newsfuse.facts.entities import mentions_in

    text = ('He fled the town of Palmyra. A refill of Adderall and other ADHD medications. She said on Twitter that '
            'she would go; he said on Twitter accounts nothing. The films like "Mystic River," and "Mystic River" won; '
            'Mystic Riverside is a place. Palmyra and Palmyra Road.')
    cues = find_cues(text)
    assert text_cues(("Palmyra",), text, cues) == {"PLACE": 1}
    assert text_cues(("Adderall",), text, cues) == {"OTHER": 2}  # "a refill of", "and other ... medications"
    assert text_cues(("Twitter",), text, cues) == {"ORG": 1}  # not "said on Twitter accounts"
    italian = "Sollecito said in an interview broadcast on Italian TV that he was innocent."
    assert text_cues(("Italian",), italian, find_cues(italian)) == {}  # the outlet is "Italian TV"
    assert text_cues(("Mystic River",), text, cues)["OTHER"] == 3  # "films like", then quoted twice of two
    # whole words only, not overlapping, the first variant winning where two start at one place
    assert mentions_in(("Palmyra Road", "Palmyra"), text) == [(text.index("Palmyra."), text.index("Palmyra.") + 7),
                                                               (text.rindex("Palmyra and"), text.rindex("Palmyra and") + 7),
                                                               (text.index("Palmyra Road"), text.index("Palmyra Road") + 12)]


def test_an_award_named_alone_is_a_thing_but_a_person_named_after_it_is_not():
    award = [Sentence("She won an Oscar. The Oscar votes were counted.", 0, 0)]
    assert find_entities((NameMention("Oscar", "PERSON", 0), NameMention("Oscar", "PERSON", 0)), award) == []
    runner = [Sentence("Oscar Pistorius spoke. Oscar Pistorius left.", 0, 0)]
    names = (NameMention("Oscar Pistorius", "PERSON", 0), NameMention("Oscar Pistorius", "PERSON", 0))
    assert {e.name: e.kind for e in find_entities(names, runner)} == {"Oscar Pistorius": "PERSON"}


def test_a_work_named_after_its_noun_is_a_thing_and_unknown_letters_are_no_place():
    text = "The 1993 film Jurassic Park grossed more. The Jurassic Park franchise goes on; the Fox series ended."
    assert text_cues(("Jurassic Park",), text, find_cues(text)) == {"OTHER": 2}
    assert text_cues(("Fox",), text, find_cues(text)) == {}  # the network before "series" is not its title
    sentences = [Sentence("The D.A. filed charges. The D.A. spoke. He flew from the U.S. to the U.S. again.", 0, 0)]
    names = (NameMention("D.A.", "GPE", 0), NameMention("D.A.", "GPE", 0),
             NameMention("U.S.", "GPE", 0), NameMention("U.S.", "GPE", 0))
    assert {e.name: e.kind for e in find_entities(names, sentences)} == {"U.S.": "PLACE"}
    admin = [Sentence("The Administration continues its work. The Administration said so.", 0, 0)]
    assert find_entities((NameMention("Administration", "ORG", 0), NameMention("Administration", "ORG", 0)), admin) == []


def test_people_counted_by_a_number_are_no_body_but_a_numbered_street_is_a_place():
    text = "Two Britons were freed. The kidnapped Britons flew home from 10 Downing Street."
    cues = find_cues(text)
    assert text_cues(("Britons",), text, cues) == {"OTHER": 1}
    assert text_cues(("Downing Street",), text, cues) == {}
    shops = "Two Walgreens stores closed. Two Minneapolis students spoke."
    assert text_cues(("Walgreens",), shops, find_cues(shops)) == text_cues(("Minneapolis",), shops, find_cues(shops)) == {}


def test_a_dateline_s_outlet_and_a_state_code_join_no_other_name():
    sentences = [Sentence("White Plains, New York (CNN) Clinton spoke. She lives in New York. Police seized a "
                          "Chevy Tahoe. Mansfield, CT. Charged. Dave Camp met Dave Camp in D.C. and Los Angeles, or L.A.", 0, 0)]
    names = (NameMention("New York", "GPE", 0), NameMention("New York", "GPE", 0), NameMention("CNN", "ORG", 0),
             NameMention("Chevy Tahoe", "ORG", 0), NameMention("CT", "GPE", 0),
             NameMention("Dave Camp", "PERSON", 0), NameMention("Dave Camp", "PERSON", 0), NameMention("D.C.", "GPE", 0),
             NameMention("Los Angeles", "ORG", 0), NameMention("L.A.", "GPE", 0), NameMention("L.A.", "GPE", 0))
    variants = {e.name: set(e.variants) for e in find_entities(names, sentences)}
    assert "CNN" not in variants.get("New York", set())
    assert "CT" not in variants.get("Chevy Tahoe", set()) and "D.C." not in variants["Dave Camp"]
    assert "L.A." in variants["Los Angeles"]  # a place's own letters still join it


def test_a_town_that_shares_a_person_s_surname_stays_a_place():
    names = (NameMention("Davis", "PERSON", 0, cue="PLACE"), NameMention("Davis", "PERSON", 0, cue="PLACE"),
             NameMention("Davis", "PERSON", 0), NameMention("Robb Davis", "PERSON", 0, cue="PERSON"),
             NameMention("Lattner", "GPE", 0), NameMention("John Lattner", "PERSON", 0))
    entities = {e.name: e for e in find_entities(names, [Sentence("The city of Davis and its mayor, Robb Davis.", 0, 0)])}
    assert entities["Davis"].kind == "PLACE" and entities["Robb Davis"].kind == "PERSON"
    assert "Lattner" in entities["John Lattner"].variants  # the model's place label alone joins the surname


def test_an_award_named_with_what_it_is_for_is_a_thing():
    names = (NameMention("Pulitzer Prize for Public Service", "ORG", 0), NameMention("Nobel Prize in Physics", "ORG", 1),
             NameMention("Presidential Medal of Freedom", "ORG", 0), NameMention("X Prize Foundation", "ORG", 1))
    entities = {e.name: e.kind for e in find_entities(names, [])}
    assert entities == {"X Prize Foundation": "ORG"}


def test_a_saint_is_no_first_name():
    assert full_name_in_text("Francis", "Pope Francis chose the name in honour of St Francis of Assisi.") == ""
    assert full_name_in_text("Singhal", "Amit Singhal left. Singhal said so.") == "Amit Singhal"


def test_a_participle_before_a_surname_is_no_first_name():
    # "Outgoing Wildcats quarterback", "Managing Laysan albatrosses": a sentence's opening word
    assert full_name_in_text("Wildcats", "Outgoing Wildcats quarterback Kain Colter spoke.") == ""
    assert full_name_in_text("Laidre", "Yesterday Mark Laidre said so.") == "Mark Laidre"


def test_a_full_name_keeps_its_middle_initial():
    text = "Laidre watched them, notes Mark E. Laidre, a biologist. Mark Laidre says so. Laidre smiled."
    assert full_name_in_text("Laidre", text) == "Mark E. Laidre"
    assert full_name_in_text("Clinton", "Bill J. Clinton and Hillary Clinton spoke.") == ""


def test_an_abbreviation_s_full_stop_inside_a_name_is_optional():
    names = (NameMention("Mount St. Helens", "LOC", 0), NameMention("Mount St Helens", "LOC", 1),
             NameMention("Mount St. Helens", "LOC", 1))
    [helens] = find_entities(names, [])
    assert helens.name == "Mount St. Helens" and helens.variants == ("Mount St Helens", "Mount St. Helens")
    names = (NameMention("U.S. Fish and Wildlife Service", "ORG", 0), NameMention("US Fish and Wildlife Service", "ORG", 1))
    assert len(find_entities(names, [])) == 1


def test_an_illness_or_a_germ_named_after_someone_or_somewhere_is_a_thing():
    names = (NameMention("Williams", "PERSON", 0), NameMention("Williams", "PERSON", 0),
             NameMention("Legionnaires", "GPE", 1), NameMention("Venezuela", "GPE", 1))
    sentences = [Sentence("Martinez had Williams syndrome. Williams syndrome is rare.", 0, 0),
                 Sentence("Legionnaires’ disease broke out, as in Venezuela.", 1, 0)]
    assert [e.name for e in find_entities(names, sentences)] == ["Venezuela"]


def test_a_full_name_without_its_middle_name_is_the_same_person():
    names = (NameMention("Kanasho Shadrick Johns", "PERSON", 0), NameMention("Kanasho Johns", "PERSON", 1),
             NameMention("Kanasho Johns", "PERSON", 1), NameMention("Mary Ann Smith", "PERSON", 0),
             NameMention("Mary Beth Smith", "PERSON", 1), NameMention("Mary Smith", "PERSON", 1))
    variants = [e.variants for e in find_entities(names, [])]
    assert ("Kanasho Johns", "Kanasho Shadrick Johns") in variants
    assert ("Mary Smith",) in variants  # two Marys with a middle name: which one is not known


def test_one_place_cue_does_not_part_a_surname_from_its_person():
    names = (NameMention("Khuram Shazad Butt", "PERSON", 0), NameMention("Khuram Butt", "PERSON", 1),
             NameMention("Butt", "GPE", 0, cue="PLACE"), NameMention("Butt", "GPE", 1),
             NameMention("Butt", "PERSON", 1), NameMention("Butt", "PERSON", 0))
    [butt] = find_entities(names, [Sentence("An investigation into Butt began in 2015.", 0, 0)])
    assert butt.kind == "PERSON" and "Butt" in butt.variants
    # but one that the model also takes for a place more than for a person stays a place
    names = (NameMention("Upper Darby", "PERSON", 0), NameMention("Darby", "GPE", 1, cue="PLACE"))
    assert {e.name: e.kind for e in find_entities(names, [])}["Darby"] == "PLACE"


BODY_TEXT = ("French satirical magazine Charlie Hebdo posted it. Facebook said Cambridge Analytica, a data-mining "
             "company hired by the campaign, lied. The company John founded failed. Tim Cook, a company spokesman, "
             "said so. The Kurdish group PKK said. In Ferguson, a group that marched met. Michael Plante, an "
             "economist with the firm, said.")
THING_TEXT = ("The coast guard called the container ship, the ACX Crystal. Allen found the Musashi, a second world war "
              "Japanese battleship. In Tokyo, a vessel sank. It was published in the journal Nature Genetics. "
              "Investors like Keurig Green Mountain (NASDAQ:GMCR).")


ANIMAL_TEXT = ("Jack the cat escaped. Wisdom, a 68-year-old Laysan albatross, laid an egg. A dog named Nash ran. "
               "Nabire, a female northern white rhino living in the zoo, died. Bob Baffert, a horse trainer, said so. "
               "He shared a cabin with Adele, a grizzly bear charged him.")


@pytest.mark.parametrize("text, name, cues", [
    (BODY_TEXT, "Charlie Hebdo", {"ORG": 1}),  # a body's kind before its name
    (BODY_TEXT, "Cambridge Analytica", {"ORG": 1}),  # ... or after it
    (BODY_TEXT, "PKK", {"ORG": 1}),
    (BODY_TEXT, "John", {}),  # after a determiner: what John founded
    (BODY_TEXT, "Tim Cook", {}),  # "a company spokesman" is his role
    (BODY_TEXT, "Ferguson", {}),  # where the group marched
    (BODY_TEXT, "Michael Plante", {}),  # "an economist with the firm"
    (THING_TEXT, "ACX Crystal", {"OTHER": 1}),  # a ship
    (THING_TEXT, "Musashi", {"OTHER": 1}),
    ("The USS Fitzgerald collided with a freighter.", "Fitzgerald", {"OTHER": 100}),  # a navy's ship prefix
    (THING_TEXT, "Tokyo", {}),  # where the vessel sank
    (THING_TEXT, "Nature Genetics", {"ORG": 1}),  # a journal
    (THING_TEXT, "Keurig Green Mountain", {"ORG": 1}),  # a listed company
    ("That was true of companies we helped start, like Staples and others.", "Staples", {"ORG": 1}),  # an example
    # a named animal is no person, however often the model calls it one
    (ANIMAL_TEXT, "Jack", {"OTHER": 100}), (ANIMAL_TEXT, "Wisdom", {"OTHER": 100}), (ANIMAL_TEXT, "Nash", {"OTHER": 100}),
    (ANIMAL_TEXT, "Nabire", {"OTHER": 100}),
    (ANIMAL_TEXT, "Bob Baffert", {}),  # his trade
    (ANIMAL_TEXT, "Adele", {}),  # a new clause after her name
])
def test_the_words_beside_a_name_say_what_it_is(text, name, cues):
    assert text_cues((name,), text, find_cues(text)) == cues


def test_bodies_named_for_what_they_do_court_cases_and_a_former_country_have_known_kinds():
    from newsfuse.facts.entities import known_kind

    assert known_kind("Kimble v. Marvel Entertainment") == "OTHER" and known_kind("Roe v Wade") == "OTHER"
    assert known_kind("Title IX") == "OTHER"  # a law's part
    assert known_kind("Center for Biological Diversity") == "ORG" and known_kind("Soviet Union") == "PLACE"
    assert known_kind("Calgary Zoo") == "PLACE" and known_kind("Lincoln Memorial") == "PLACE"
    assert known_kind("Utah Air National Guard Base") == known_kind("Poison Garden") == "PLACE"
    assert known_kind("Megan Fox") == "" and known_kind("Fox News") == "ORG"  # a network's name is a surname too
    assert known_kind("Parliament") == known_kind("Boko Haram") == known_kind("State Duma") == "ORG"
    assert known_kind("Stockholm Convention") == known_kind("Republican National Convention") == "OTHER"  # a treaty, an event
    assert known_kind("Octopi Brewing") == known_kind("Ralph Waite Productions") == known_kind("Der Spiegel") == "ORG"
    assert known_kind("El Paso") == ""  # "El" opens places and people's names too
    assert known_kind("Huy Fong Foods") == known_kind("Thomas Kinkade Signature Galleries") == "ORG"
    assert known_kind("Communications for Community of Christ") == ""  # an office's name, not a company's
    assert known_kind("Islam") == known_kind("Zionism") == known_kind("Frenchman") == "OTHER"  # a faith, an idea, a people
    assert known_kind("Nation of Islam") == ""
    assert known_kind("Seanad") == known_kind("Lok Sabha") == "ORG"  # a parliament's own name
    sentences = [Sentence("Friends of the Dartmoor Hill Ponies asked. Friends of the Dartmoor Hill Ponies said.", 0, 0)]
    names = (NameMention("Friends of the Dartmoor Hill Ponies", "PERSON", 0),) * 2
    assert {e.name: e.kind for e in find_entities(names, sentences)} == {"Friends of the Dartmoor Hill Ponies": "ORG"}


def test_a_first_name_ner_left_out_is_put_back():
    from newsfuse.facts.entities import first_name_before

    text = ("Ana Maria Archila, a director, spoke. Danish Prime Minister Anders Fogh Rasmussen ran. Democrat Joe Biden "
            "spoke. Today Ryan Gosling said so. Ryan Gosling left today.")
    assert first_name_before("Maria Archila", text, {}) == "Ana Maria Archila"
    assert first_name_before("Fogh Rasmussen", text, {}) == "Anders Fogh Rasmussen"
    assert first_name_before("Joe Biden", text, {}) == ""  # a party, not a name
    assert first_name_before("Ryan Gosling", text, {}) == ""  # not before every mention; "today" is a word
    titled = ("Senate Majority Whip Dick Durbin and Sergeant at Arms Terry Gainer met Managing Editor Dean Baquet "
              "and Cardinal Jorge Bergoglio.")
    assert [first_name_before(n, titled, {}) for n in ("Dick Durbin", "Terry Gainer", "Dean Baquet", "Jorge Bergoglio")] \
        == ["", "", "", ""]
    sentences = [Sentence(text, 0, 0)]
    names = (NameMention("Maria Archila", "PERSON", 0), NameMention("Maria Archila", "PERSON", 0))
    assert [e.name for e in find_entities(names, sentences)] == ["Ana Maria Archila"]


def test_a_germ_named_once_as_such_is_a_thing_however_often_the_model_calls_it_a_person():
    sentences = [Sentence("The water was not tested for the Legionella bacteria. Is Legionella there? Legionella "
                          "grows in pipes. Officials looked for Legionella. Dr. Ann Lee said so.", 0, 0)]
    names = (NameMention("Legionella", "PERSON", 0),) * 4 + (NameMention("Ann Lee", "PERSON", 0),) * 2
    assert [e.name for e in find_entities(names, sentences)] == ["Ann Lee"]


def test_a_short_first_name_is_the_same_person_when_one_person_has_the_surname():
    names = (NameMention("Steven Hansen", "PERSON", 0), NameMention("Steve Hansen", "PERSON", 1),
             NameMention("Steve Hansen", "PERSON", 1), NameMention("Anna Lee", "PERSON", 0),
             NameMention("Annabel Lee", "PERSON", 1), NameMention("Mike Ross", "PERSON", 0),
             NameMention("Michael Ross", "PERSON", 1), NameMention("Michelle Ross", "PERSON", 1))
    variants = [e.variants for e in find_entities(names, [])]
    assert ("Steve Hansen", "Steven Hansen") in variants
    assert ("Anna Lee",) in variants and ("Annabel Lee",) in variants  # not a short form
    assert ("Mike Ross",) in variants  # two other Rosses: which one is not known


def test_a_company_named_with_a_possessive_keeps_it_but_an_owner_does_not():
    sentences = [Sentence("McDonald’s said it would change the McRib. Joining the menu at McDonald’s is the "
                          "McRibster. The Pentagon’s budget grew. The Pentagon’s staff met.", 0, 0)]
    names = (NameMention("McDonald", "ORG", 0), NameMention("McDonald", "ORG", 0),
             NameMention("Pentagon", "ORG", 0), NameMention("Pentagon", "ORG", 0))
    assert {e.name for e in find_entities(names, sentences)} == {"McDonald’s", "Pentagon"}
    names = (NameMention("McDonalds", "GPE", 0), NameMention("McDonalds", "GPE", 1))  # no apostrophe
    assert [(e.name, e.kind) for e in find_entities(names, [])] == [("McDonalds", "ORG")]


def test_a_surname_joined_to_a_person_loses_the_model_s_place_label_and_a_magazine_is_a_body():
    names = (NameMention("Tom Junod", "PERSON", 0), NameMention("Junod", "GPE", 0), NameMention("Junod", "GPE", 0),
             NameMention("Junod", "GPE", 1))
    assert {e.name: e.kind for e in find_entities(names, [])} == {"Tom Junod": "PERSON"}
    text = "Two gunmen attacked Charlie Hebdo magazine. Charlie Hebdo said it would print."
    assert text_cues(("Charlie Hebdo",), text, find_cues(text)) == {"ORG": 1}


def test_a_latin_binomial_is_a_species_but_a_name_and_its_common_noun_are_not():
    from newsfuse.facts.entities import is_species

    assert is_species("Platydemus manokwari") and is_species("E. coli")
    assert not is_species("Zabul province") and not is_species("Ueli Steck") and not is_species("ueli steck")
    names = (NameMention("Platydemus manokwari", "PERSON", 0), NameMention("Platydemus manokwari", "PERSON", 1))
    assert find_entities(names, []) == []


def test_a_place_and_a_team_s_nickname_are_a_team_and_the_nickname_alone_is_that_team():
    sentences = [Sentence("LeBron James of the Miami Heat scored. The Heat beat the Thunder in Miami. "
                          "The Olsen Twins were seen in Miami.", 0, 0)]
    names = (NameMention("Miami Heat", "GPE", 0), NameMention("Heat", "PERSON", 0), NameMention("Heat", "PERSON", 0),
             NameMention("Miami", "GPE", 0), NameMention("Miami", "GPE", 0),
             NameMention("Olsen Twins", "PERSON", 0), NameMention("Olsen Twins", "PERSON", 0),
             NameMention("Minnesota Twins", "PERSON", 0), NameMention("Minnesota Twins", "PERSON", 0))
    kinds = {e.name: e.kind for e in find_entities(names, sentences)}
    assert kinds["Miami Heat"] == "ORG" and kinds["Minnesota Twins"] == "ORG" and kinds["Miami"] == "PLACE"
    assert kinds["Olsen Twins"] == "PERSON"  # no place before the nickname: people
    assert "Heat" not in kinds  # one team, shown by its full name


def test_two_names_joined_by_and_and_a_nationality_are_no_person_or_place_but_a_country_or_body_may_be():
    names = (NameMention("South Side and Ogden", "LOC", 0), NameMention("South Side and Ogden", "LOC", 1),
             NameMention("Trinidad and Tobago", "GPE", 0), NameMention("Trinidad and Tobago", "GPE", 1),
             NameMention("Food and Drug Administration", "ORG", 0), NameMention("Food and Drug Administration", "ORG", 1),
             NameMention("Frenchman", "PERSON", 0), NameMention("Frenchman", "PERSON", 1))
    assert {e.name: e.kind for e in find_entities(names, [])} == {
        "Trinidad and Tobago": "PLACE", "Food and Drug Administration": "ORG"}  # "a Frenchman" is a nationality


def test_a_first_name_the_model_alone_calls_a_town_is_the_one_person_so_named():
    names = (NameMention("Areej Ali", "PERSON", 0), NameMention("Areej Ali", "PERSON", 1),
             NameMention("Areej", "GPE", 0), NameMention("Areej", "GPE", 1), NameMention("Areej", "GPE", 1),
             NameMention("Paris Hilton", "PERSON", 0), NameMention("Paris", "GPE", 0), NameMention("Paris", "GPE", 1))
    entities = {e.name: (e.kind, e.variants) for e in find_entities(names, [])}
    assert entities["Areej Ali"] == ("PERSON", ("Areej", "Areej Ali"))
    assert entities["Paris"][0] == "PLACE"  # a capital is a place, whoever shares its name


def test_a_name_ending_in_a_title_is_a_glued_title_and_a_prefixed_first_name_is_put_back():
    text = "DeAngelo Lamar Davis, 31, was charged. DeAngelo Lamar Davis will remain in jail."
    names = (NameMention("Broward Supervisor", "PERSON", 0), NameMention("Broward Supervisor", "PERSON", 1),
             NameMention("Lamar Davis", "PERSON", 0), NameMention("Lamar Davis", "PERSON", 0))
    assert {e.name for e in find_entities(names, [Sentence(text, 0, 0)])} == {"DeAngelo Lamar Davis"}


def test_arabic_and_hebrew_words_for_village_or_valley_open_a_place():
    names = (NameMention("Kfar Souseh", "PERSON", 0), NameMention("Kfar Souseh", "PERSON", 1),
             NameMention("Wadi Barada", "PERSON", 0), NameMention("Wadi Barada", "PERSON", 1))
    assert {e.name: e.kind for e in find_entities(names, [])} == {"Kfar Souseh": "PLACE", "Wadi Barada": "PLACE"}


def test_a_station_s_letters_are_a_body_when_the_text_names_the_station():
    sentences = [Sentence("KARE-TV A video shows the crowd. Both are expected to survive, KARE reported.", 0, 0)]
    names = (NameMention("KARE", "PERSON", 0), NameMention("KARE", "PERSON", 0))
    assert {e.name: e.kind for e in find_entities(names, sentences)} == {"KARE": "ORG"}


def test_ships_indexes_aircraft_germs_and_the_oval_office_have_known_kinds_and_papers_are_bodies():
    from newsfuse.facts.entities import known_kind

    assert known_kind("USS Franklin") == known_kind("HMS Victory") == "OTHER"  # a ship, not a navy
    text = "Gunmen boarded the anti-submarine corvette Ternopol and seized it."
    assert text_cues(("Ternopol",), text, find_cues(text))["OTHER"] == 1
    assert known_kind("Dow") == known_kind("Air Force One") == known_kind("Ebola") == known_kind("Salmonella") == "OTHER"
    assert known_kind("Mega Millions") == known_kind("Powerball") == "OTHER"  # lottery games
    assert known_kind("Google Science Fair") == "OTHER" and known_kind("Vanity Fair") == "ORG"  # a fair; a magazine
    assert known_kind("Oval Office") == known_kind("World Trade Center") == known_kind("Midway Atoll") == "PLACE"
    assert known_kind("Canaanites") == known_kind("Perseids") == "OTHER" and known_kind("Whites") == ""  # a family
    assert known_kind("Unesco") == "ORG"
    assert known_kind("Sailors") == "OTHER"  # "Soldiers, Sailors and Marines": members of a service
    assert known_kind("Home Depot") == "ORG"
    names = (NameMention("Bronze Stars", "PERSON", 0), NameMention("Bronze Stars", "PERSON", 1))
    assert find_entities(names, []) == []  # medals, however often the model calls them a person
    names = (NameMention("Central Oregon37.", "GPE", 0), NameMention("Central Oregon37.", "GPE", 1))
    assert find_entities(names, []) == []  # a footnote's number glued to a name
    names = (NameMention("Museum", "ORG", 0), NameMention("Museum", "ORG", 1), NameMention("North/", "GPE", 0),
             NameMention("North/", "GPE", 1))
    assert find_entities(names, []) == []  # a kind of body alone; a piece of "North/South"
    names = (NameMention("Poseidon P8", "PERSON", 0), NameMention("Poseidon P8", "PERSON", 1),
             NameMention("Entertainment Weekly", "GPE", 0), NameMention("Entertainment Weekly", "GPE", 1))
    assert {e.name: e.kind for e in find_entities(names, [])} == {"Entertainment Weekly": "ORG"}  # an aircraft; a magazine
    assert known_kind("Las Vegas Sun") == known_kind("Daily Mail") == known_kind("Columbus Dispatch") == "ORG"
    names = (NameMention("Telegraph", "ORG", 0), NameMention("Telegraph", "ORG", 1))
    assert {e.name: e.kind for e in find_entities(names, [])} == {"Telegraph": "ORG"}  # the paper, not a kind of body


def test_a_nationality_before_a_name_is_no_first_name():
    text = "Day was the least famous of the four Americans Francis cited. Francis spoke. Francis left."
    names = (NameMention("Americans", "NORP", 0), NameMention("Francis", "PERSON", 0), NameMention("Francis", "PERSON", 0),
             NameMention("Francis", "PERSON", 0))
    assert {e.name for e in find_entities(names, [Sentence(text, 0, 0)])} == {"Francis"}
    assert full_name_in_text("Francis", text) == "Americans Francis"  # what the model's NORP label rules out


def test_a_founder_s_name_alone_is_the_body_named_after_it_when_nobody_has_it_as_a_surname():
    names = (NameMention("Pew Research Center", "ORG", 0), NameMention("Pew Research Center", "ORG", 1),
             NameMention("Pew", "PERSON", 0, cue="PERSON"), NameMention("Pew", "PERSON", 1),
             NameMention("Alex Lowe Charitable Foundation", "ORG", 0), NameMention("Alex Lowe", "PERSON", 0),
             NameMention("Alex Lowe", "PERSON", 1))
    entities = {e.name: (e.kind, e.variants) for e in find_entities(names, [])}
    assert entities["Pew Research Center"] == ("ORG", ("Pew", "Pew Research Center"))
    assert entities["Alex Lowe"][0] == "PERSON"  # the person the foundation is named after stays a person


def test_a_family_a_genus_and_a_un_body_without_its_prefix():
    from newsfuse.facts.entities import known_kind, name_key

    names = (NameMention("Fran Keller", "PERSON", 0), NameMention("Dan Keller", "PERSON", 1),
             NameMention("Zimmermans", "GPE", 0), *[NameMention("Zimmermans", "ORG", 1)] * 8,
             NameMention("Bob Zimmerman", "PERSON", 0), NameMention("Bob Zimmerman", "PERSON", 1))
    assert {e.name: e.kind for e in find_entities(names, [])}["Zimmermans"] == "PERSON"  # the Zimmerman family
    assert known_kind("Brachiosaurus") == known_kind("Triceratops") == known_kind("Patagotitan") == "OTHER"
    assert name_key("UN Security Council") == name_key("Security Council") and name_key("UN Women") == "un women"


def test_a_name_never_written_apart_from_a_longer_name_is_a_piece_of_it():
    # the model cut "Natalia" from "Natalia Veselnitskaya" once, "New York" from "New York Times"
    text = "Natalia Veselnitskaya met him, The New York Times said. Veselnitskaya denied it to The New York Times."
    names = (NameMention("Natalia", "PERSON", 0), NameMention("Natalia Veselnitskaya", "PERSON", 0),
             NameMention("New York", "GPE", 0), NameMention("The New York Times", "ORG", 0),
             NameMention("New York Times", "ORG", 0))
    kinds = {e.name: e.kind for e in find_entities(names, [Sentence(text, 0, 0)])}
    assert kinds == {"Natalia Veselnitskaya": "PERSON", "New York Times": "ORG"}
    # written apart once, it is a name of its own
    text += " She flew to New York."
    kinds = {e.name: e.kind for e in find_entities(names, [Sentence(text, 0, 0)])}
    assert kinds["New York"] == "PLACE"


def test_a_company_is_its_name_without_what_it_does():
    # "Verizon", a town to the model, is Verizon Wireless; "Qatar" stays the country beside Qatar Airways
    names = (NameMention("Verizon Wireless", "ORG", 0), NameMention("Verizon Wireless", "ORG", 1),
             NameMention("Verizon", "GPE", 1), NameMention("Verizon", "GPE", 1),
             NameMention("Qatar Airways", "ORG", 0), NameMention("Qatar Airways", "ORG", 1),
             NameMention("Qatar", "GPE", 0), NameMention("Qatar", "GPE", 1))
    text = ("Verizon Wireless signed. Verizon Wireless said so. Verizon said it. Verizon agreed. "
            "Qatar Airways flew to Qatar. Qatar Airways left Qatar.")
    entities = {e.name: (e.kind, e.variants) for e in find_entities(names, [Sentence(text, 0, 0)])}
    assert entities == {"Verizon Wireless": ("ORG", ("Verizon", "Verizon Wireless")),
                        "Qatar Airways": ("ORG", ("Qatar Airways",)), "Qatar": ("PLACE", ("Qatar",))}


def test_the_gop_is_the_republican_party_and_the_house_the_house_of_representatives():
    names = (NameMention("GOP", "ORG", 0), NameMention("GOP", "ORG", 1), NameMention("Republican Party", "ORG", 1),
             NameMention("House", "ORG", 0), NameMention("House of Representatives", "ORG", 1))
    text = "The GOP met. GOP leaders and the Republican Party agreed. The House of Representatives voted; the House adjourned."
    kinds = {e.name: e.variants for e in find_entities(names, [Sentence(text, 0, 0)])}
    assert kinds == {"Republican Party": ("GOP", "Republican Party"),
                     "House of Representatives": ("House", "House of Representatives")}
