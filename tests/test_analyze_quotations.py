def test_quotation_with_speaker_and_role(analyzed):
    _, analysis = analyzed(['"We do not have an accurate count yet of the dead," said Anbar spokesman Muhannad Haimour.'])
    [quote] = analysis.quotations
    assert quote.speaker == "Muhannad Haimour" and "spokesman" in quote.role
    assert quote.text == "We do not have an accurate count yet of the dead"
    _, analysis = analyzed(['"It is a critical advance to our basic understanding," says Amander Clark, a stem cell '
                            'biologist at University of California, Los Angeles, who calls the work remarkable.'])
    [quote] = analysis.quotations  # the role, not what the speaker goes on to do
    assert (quote.speaker, quote.role) == ("Amander Clark", "a stem cell biologist at University of California, Los Angeles")


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


def test_a_role_keeps_its_words_as_written(analyzed):
    _, analysis = analyzed(['"It works pretty well when you are resting," study co-author Edward Jo said.'])
    [quote] = analysis.quotations
    assert (quote.speaker, quote.role) == ("Edward Jo", "co-author")


def test_an_age_after_the_speaker_is_no_role(analyzed):
    _, analysis = analyzed(['"I was the one who was victimized," says Dunn, 47, in one of the calls.'])
    [quote] = analysis.quotations
    assert (quote.speaker, quote.role) == ("Dunn", "")


def test_an_adjective_that_says_which_person_is_no_role(analyzed):
    _, analysis = analyzed(['"This is how we show that we are tired of it," the younger Goodlatte tweeted.',
                            '"We are tired of the lack of decorum in Congress," said Goodlatte, the younger, on Monday.'])
    assert [(q.speaker, q.role) for q in analysis.quotations] == [("Goodlatte", ""), ("Goodlatte", "")]


def test_a_long_role_ends_before_a_relative_clause(analyzed):
    _, analysis = analyzed(['"Usually these stories are just romantic hypotheses," said Philip Morgan, a professor of '
                            "sociology at the University of North Carolina who’s the director of the Carolina "
                            "Population Center."])
    [quote] = analysis.quotations
    assert quote.role == "a professor of sociology at the University of North Carolina"


def test_a_hyphenated_role_is_whole(analyzed):
    _, analysis = analyzed(['Nick Patterson, a Renaissance co-founder, said, "Bob has always been very good at '
                            'leveraging his money."'])
    [quote] = analysis.quotations
    assert quote.role == "a Renaissance co-founder"


def test_a_role_keeps_the_phrase_the_parser_hung_on_the_name(analyzed):
    _, analysis = analyzed(['Muhannad Haimour, spokesman and adviser to the provincial governor, said "Anbar operations '
                            'command has been cleared by the army".'])
    [quote] = analysis.quotations
    assert (quote.speaker, quote.role) == ("Muhannad Haimour", "spokesman and adviser to the provincial governor")


def test_a_speaker_the_model_misses_in_one_sentence_is_known_from_another(analyzed):
    # spaCy calls "Lask" a work of art where she speaks; another article names the studio owner
    quote = '"It\'s awful that he\'s even on the streets of Ware," Lask told The Boston Globe.'
    owner = "The studio's owner, Arielle Lask, said she plans to install security systems."
    assert analyzed([quote])[1].quotations == ()
    [said] = analyzed([quote, owner])[1].quotations
    assert said.speaker == "Lask" and said.text.startswith("It's awful")
    # a body no sentence calls a person stays no speaker
    statement = '"We have video evidence that clearly contradicts the claims made," Starbucks said in a statement.'
    assert analyzed([statement, owner])[1].quotations == ()


def test_he_said_goes_on_with_the_one_person_the_sentence_before_is_about(analyzed):
    _, analysis = analyzed(['Nearby surfers helped Robles to shore. Steve Robles was rushed to the hospital. '
                            '"This was such a freak accident that I still cannot believe it," he said.'])
    assert [q.speaker for q in analysis.quotations] == ["Steve Robles"]
    # with two people named there, "he" may be either
    _, analysis = analyzed(['Trump nominated Neil Gorsuch on Tuesday night. '
                            '"I am so thankful tonight for my family and my friends," he said.'])
    assert analysis.quotations == ()


def test_verbs_that_introduce_a_quotation_beyond_said(analyzed):
    _, analysis = analyzed(['In her letter, Charlotte Benjamin lamented how "all the girls did was sit at home and shop."'])
    assert [q.speaker for q in analysis.quotations] == ["Charlotte Benjamin"]


def test_of_two_subjects_the_parser_gives_a_saying_verb_the_person_speaks(analyzed):
    _, analysis = analyzed(['A spokesman for the sheriff\'s office, Lt. Andy Binder said, '
                            '"The facts and the evidence in this case will speak for itself."'])
    assert [q.speaker for q in analysis.quotations] == ["Andy Binder"]


def test_one_who_quotes_another_is_not_the_speaker_of_he_added(analyzed):
    _, analysis = analyzed(['"The government\'s basic stance is that humanitarian assistance should be continued," '
                            'Yonhap quoted a unification ministry official in Seoul as saying. '
                            '"Seoul plans to decide the details of the aid and its timing later," he added.'])
    assert analysis.quotations == ()
