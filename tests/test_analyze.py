from newsfuse.analyze import needs_parse
from newsfuse.types import Sentence


def test_only_sentences_that_can_hold_facts_are_parsed():
    assert needs_parse(Sentence("Nothing here but words and more words.", 0, 0))  # an opening sentence
    assert not needs_parse(Sentence("Nothing here but words and more words.", 0, 9))
    assert needs_parse(Sentence("About 500 people were killed.", 0, 9))
