import numpy as np

from newsfuse.represent import content_terms, lexical_vectors, load_encoder, tokenize

AP_HUMVEES = "Online video showed Humvees, trucks and other equipment speeding out of Ramadi, with soldiers gripping onto their sides."
AP_VEHICLES = ("Online video showed vehicles, trucks and other equipment speeding out of Ramadi, with soldiers "
               "desperate to reach safety gripping on to their sides.")
UNRELATED = "UNESCO has urged both sides to spare Palmyra, one of the most important cultural centres of the ancient world."


def test_content_terms_stem_and_drop_stop_words():
    assert content_terms("The militants killed 500 people") == ["militant", "kill", "500", "people"]


def test_tokenize_keeps_abbreviations_figures_and_contractions_whole():
    text = "“We don’t know,” the U.S. official said (Reuters): 40,000 people fled ISIS-held Ramadi—and/or Hit."
    assert tokenize(text) == ["we", "don’t", "know", "the", "u.s", "official", "said", "reuters", "40,000",
                              "people", "fled", "isis", "held", "ramadi", "and", "or", "hit"]
    assert tokenize("— ... “ ”") == []


def test_tokenize_splits_chinese_and_japanese_at_their_punctuation():
    assert tokenize("北京时间周日，武装分子攻占了拉马迪。") == ["北京时间周日", "武装分子攻占了拉马迪"]


def test_lexical_vectors_are_normalised_and_rank_paraphrase_first():
    v = lexical_vectors([AP_HUMVEES, AP_VEHICLES, UNRELATED])
    assert np.allclose(np.sqrt(v.multiply(v).sum(axis=1)).A.ravel(), 1.0)
    sims = (v @ v.T).toarray()
    assert sims[0, 1] > 0.5 > sims[0, 2]


def test_packaged_minilm_links_the_two_outlets_versions_of_one_wire_sentence(encoder):
    vectors = encoder.encode([AP_HUMVEES, AP_VEHICLES, UNRELATED])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > 0.85
    assert vectors[0] @ vectors[2] < 0.5


def test_encoder_cache_returns_identical_vectors(encoder):
    first = encoder.encode([AP_HUMVEES])
    assert AP_HUMVEES in encoder.cache
    assert np.array_equal(first, encoder.encode([AP_HUMVEES]))


def test_load_encoder_finds_the_packaged_model():
    assert load_encoder() is not None
