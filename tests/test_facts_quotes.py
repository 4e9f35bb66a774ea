from newsfuse.facts.entities import find_entities
from newsfuse.facts.quotes import key_quotes


def test_key_quotes_need_a_speaker_and_use_the_full_name(analyzed):
    _, analysis = analyzed([
        '"We do not have an accurate count yet of the dead," said Anbar spokesman Muhannad Haimour.',
        '"We do not have an accurate count yet of the dead," Haimour said on Monday.',
    ])
    entities = find_entities(analysis.names, [])
    [quote] = key_quotes(analysis, entities)
    assert quote.speaker == "Muhannad Haimour" and quote.documents == (0, 1) and "spokesman" in quote.role


def test_key_quote_role_is_the_most_detailed_an_outlet_gives(analyzed):
    _, analysis = analyzed([
        '"We do not have an accurate count yet," said the spokesman, Muhannad Haimour.',
        '"We do not have an accurate count yet," said an Anbar spokesman, Muhannad Haimour.',
    ])
    [quote] = key_quotes(analysis, find_entities(analysis.names, []))
    assert quote.role == "an Anbar spokesman"


def test_every_key_quote_of_a_speaker_shows_the_role_one_of_them_gives(analyzed):
    _, analysis = analyzed([
        '"We do not believe doctors are supposed to be drug dispensers," said William Graf, a professor of pediatrics. '
        '"As a society we have a pill for everything and for every ailment," Graf said.'])
    quotes = key_quotes(analysis, find_entities(analysis.names, []))
    assert [q.role for q in quotes] == ["a professor of pediatrics", "a professor of pediatrics"]


def test_a_surname_left_alone_borrows_no_role(analyzed):
    # two Goodlattes: the congressman's role is not his son's
    _, analysis = analyzed([
        '"The hearing was a disgrace to the committee and to Congress," said Rep. Goodlatte, the committee chairman.',
        '"I am deeply embarrassed by my father\'s political grandstanding," Goodlatte wrote on Twitter.'])
    quotes = key_quotes(analysis, find_entities(analysis.names, []))
    assert [q.role for q in quotes] == ["the committee chairman", ""]


def test_a_whole_quoted_sentence_comes_before_a_fragment_as_widely_carried(analyzed):
    _, analysis = analyzed([
        'Wylie said the firm had "made Steve Bannon\'s psychological warfare tool for the campaign."',
        '"It sounds a dreadful thing to say, but these things need not be true," said Alexander Nix.'])
    quotes = key_quotes(analysis, find_entities(analysis.names, []))
    assert [q.speaker for q in quotes] == ["Alexander Nix", "Wylie"]


def test_a_body_the_cluster_settles_is_no_quoted_person():
    from newsfuse.types import Analysis, Entity, Quotation, Sentence

    sentence = Sentence('"Unionization is not the appropriate method," Northwestern said.', 0, 0)
    analysis = Analysis((), (), (), (Quotation("Unionization is not the appropriate method", "Northwestern", "", sentence),))
    school = Entity(name="Northwestern", kind="ORG", variants=("Northwestern",), documents=(0,), mentions=3)
    assert key_quotes(analysis, [school]) == []
    assert [q.speaker for q in key_quotes(analysis, [])] == ["Northwestern"]  # nothing says what it is
