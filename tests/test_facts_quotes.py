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
