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
