import random
import re
import time

import pytest

import newsfuse
from newsfuse.pipeline import Pipeline, prepare
from newsfuse.select import Budget
from newsfuse.types import Cluster, Document, NewsfuseError

BOILERPLATE_PHRASES = ["Sign up", "newsletter", "Click to follow", "min read", "Picture:", "Additional reporting",
                       "contributed to this report", "Getty", "Mailchimp", "unsubscribe"]


def test_ramadi_briefing_is_clean_cited_and_within_budget(ramadi, ramadi_briefing):
    b = ramadi_briefing
    assert 200 <= b.words <= 250
    for phrase in BOILERPLATE_PHRASES:
        assert phrase.lower() not in b.summary.lower()
    cleaned_sources, _ = prepare(ramadi)
    articles = {d: " ".join(s.text for s in cleaned_sources if s.document == d) for d in range(len(ramadi.documents))}
    for s in b.sentences:
        # Verbatim, never invented: a sentence, or consecutive ones taken as one unit.
        assert s.sentence.text in articles[s.sentence.document]
        assert re.search(r"[.!?][\"'”’]?$", s.sentence.text)  # whole sentences, no fragments
        assert s.cited_documents


def test_ramadi_briefing_has_no_near_duplicate_sentences(ramadi_briefing, encoder):
    texts = [s.sentence.text for s in ramadi_briefing.sentences]
    vectors = encoder.encode(texts)
    similarity = vectors @ vectors.T
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            assert similarity[i, j] < 0.85, (texts[i], texts[j])


def test_ramadi_briefing_covers_the_main_event(ramadi_briefing):
    assert "Ramadi" in ramadi_briefing.summary
    assert "500" in ramadi_briefing.summary


def test_api_accepts_strings_and_documents(pipeline):
    texts = [
        "Militants seized the city of Ramadi on Sunday after a three-day battle with Iraqi forces.",
        "On Sunday militants seized Ramadi after three days of battle, officials in Baghdad said.",
    ]
    from_strings = newsfuse.summarize(texts, words=30, pipeline=pipeline)
    from_documents = newsfuse.summarize([Document(text=t, title=f"T{i}") for i, t in enumerate(texts)], words=30, pipeline=pipeline)
    assert from_strings.summary == from_documents.summary
    assert from_strings.words <= 30
    assert from_strings.sentences[0].cited_documents == (0, 1)


def test_fast_pipeline_needs_no_model(ramadi):
    briefing = Pipeline.load(fast=True).run(ramadi, Budget(words=120))
    assert Pipeline.load(fast=True).representation == "tf-idf"
    assert 80 <= briefing.words <= 120


def test_a_run_past_its_deadline_stops_with_a_clear_error(ramadi):
    fast = Pipeline.load(fast=True)
    with pytest.raises(NewsfuseError, match="time limit passed after clean_segment"):
        fast.run(ramadi, Budget(words=120), deadline=time.monotonic() - 1)
    assert fast.run(ramadi, Budget(words=120), deadline=time.monotonic() + 60).words <= 120


def test_single_article_and_identical_articles_give_sane_briefings(pipeline, ramadi):
    one = pipeline.run(Cluster(documents=ramadi.documents[:1]), Budget(words=80))
    assert 40 <= one.words <= 80
    same = pipeline.run(Cluster(documents=(ramadi.documents[1],) * 3), Budget(words=250))
    texts = [s.sentence.text for s in same.sentences]
    assert len(texts) == len(set(texts))
    assert all(s.cited_documents == (0, 1, 2) for s in same.sentences)


def test_only_boilerplate_is_a_clear_error(pipeline):
    with pytest.raises(NewsfuseError, match="no article text left"):
        pipeline.run(Cluster(documents=(Document(text="Sign up to our daily newsletter\n\nClick to follow"),)))


def test_five_megabyte_article(pipeline):
    rng = random.Random(7)
    nouns = ["council", "army", "mayor", "river", "school", "market", "bridge", "hospital", "court", "port"]
    verbs = ["inspected", "closed", "reopened", "funded", "reported on", "visited", "repaired", "praised"]
    paragraphs = []
    while sum(len(p) for p in paragraphs) < 5_200_000:
        paragraphs.append(" ".join(
            f"The {rng.choice(nouns)} of district {rng.randrange(10**6)} {rng.choice(verbs)} the "
            f"{rng.choice(nouns)} on day {rng.randrange(365)} with {rng.randrange(10**4)} people."
            for _ in range(5)))
    briefing = pipeline.run(Cluster(documents=(Document(text="\n\n".join(paragraphs)),)), Budget(words=100))
    assert 50 <= briefing.words <= 100


def test_german_cluster_gives_a_cited_briefing(pipeline):
    de = ["Extremisten haben am Sonntag die irakische Stadt Ramadi eingenommen. Rund 8000 Menschen flohen aus der Stadt.",
          "Am Sonntag haben Extremisten die irakische Stadt Ramadi eingenommen. Die Regierung plant eine Gegenoffensive."]
    briefing = newsfuse.summarize(de, words=30, pipeline=pipeline)
    texts = [s.sentence.text for s in briefing.sentences]
    assert sum("Ramadi eingenommen" in t for t in texts) == 1  # the shared fact once, cited by both
    assert [s.cited_documents for s in briefing.sentences if "Ramadi" in s.sentence.text] == [(0, 1)]


def test_chinese_cluster_is_segmented_budgeted_and_cited():
    zh = ["伊斯兰国武装分子周日攻占了伊拉克城市拉马迪。约有八千人逃离该市。政府宣布将发动反攻。",
          "伊斯兰国武装分子周日攻占了伊拉克城市拉马迪。数千个家庭逃离了这座城市。什叶派民兵正在集结准备反击。"]
    briefing = Pipeline(encoder=None).run(Cluster(tuple(Document(text=t) for t in zh)), Budget(words=30))
    assert 0 < briefing.words <= 30
    texts = [s.sentence.text for s in briefing.sentences]
    assert all(t.endswith("。") for t in texts)
    assert texts.count("伊斯兰国武装分子周日攻占了伊拉克城市拉马迪。") == 1
    assert briefing.sentences[0].cited_documents == (0, 1)
