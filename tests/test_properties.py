"""Property-based tests over ingest → briefing with hostile text (hypothesis)."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.ingest import document_from_html, documents_from_text_blob, iter_jsonl
from newsfuse.pipeline import Pipeline, prepare
from newsfuse.select import Budget
from newsfuse.types import Cluster, Document, NewsfuseError

WORDS = ["the", "army", "said", "city", "Ramadi", "fled", "8,000", "Mr.", "U.S.", "killed", "on", "Sunday",
         "«", "»", "\u200b", "\u202e", "مرحبا", "城市", "Привет", "3.5", "—", "<b>", "</p>", "|||||",
         "Sign up to our newsletter", "Click to follow", "\x00", "\x07", "\t", "!", "?", ".", "\n", "\n\n"]
sentence_like = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=400), sentence_like, st.text(alphabet="0123456789 ,.", max_size=200),
                     st.text(alphabet="abc ", min_size=500, max_size=3000))
FAST = Pipeline(encoder=None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_text, min_size=1, max_size=5), st.integers(min_value=10, max_value=300))
def test_briefing_invariants(texts, words):
    cluster = Cluster(documents=tuple(Document(text=t, source=f"d{i}") for i, t in enumerate(texts)))
    try:
        briefing = FAST.run(cluster, Budget(words=words))
    except NewsfuseError:
        return  # the documented error type, with a message for the user
    assert briefing.words <= words
    sources = {s.text for s in prepare(cluster)[0]}
    for s in briefing.sentences:
        assert s.sentence.text in sources
        assert s.citations and all(0 <= c.document < len(texts) for c in s.citations)
    for d in briefing.disagreements:
        assert all(0 <= doc < len(texts) for st_ in d.statements for doc in st_.documents)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_parsers_raise_only_newsfuse_errors(text):
    for parse in (lambda: documents_from_text_blob(text, "x.txt"), lambda: document_from_html(text, "x.html")):
        try:
            parse()
        except NewsfuseError:
            pass
    for item in iter_jsonl(text, "x.jsonl"):
        assert isinstance(item, (Cluster, NewsfuseError))


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(
                        ["id", "documents", "text", "title", "summary", "url"]), children, max_size=4), max_leaves=12))
def test_jsonl_records_of_any_shape(record):
    for item in iter_jsonl(json.dumps(record), "x.jsonl"):
        assert isinstance(item, (Cluster, NewsfuseError))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(
    st.dictionaries(st.sampled_from(["documents", "urls", "words", "sentences", "extra"]),
                    st.one_of(st.none(), st.integers(-5, 10**6), st.text(max_size=50),
                              st.lists(st.one_of(any_text, st.dictionaries(st.sampled_from(["text", "title"]),
                                                                            st.text(max_size=50))), max_size=3)),
                    max_size=4),
    st.text(max_size=100)))
def test_api_answers_any_body_with_json_and_no_5xx(http_api, body):
    import httpx

    content = json.dumps(body) if not isinstance(body, str) else body
    response = httpx.post(f"{http_api}/v1/briefings", content=content, headers={"content-type": "application/json"},
                          timeout=60)
    assert response.status_code in (200, 413, 422), response.text
    data = response.json()
    assert ("error" in data) == (response.status_code != 200)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(st.text(max_size=80), st.builds(
    lambda texts: json.dumps({"documents": texts}), st.lists(any_text, min_size=1, max_size=3))), max_size=6))
def test_batch_never_stops_on_bad_lines(tmp_path_factory, lines):
    from newsfuse.batch import run_batch

    folder = tmp_path_factory.mktemp("batch")
    source = folder / "in.jsonl"
    source.write_text("\n".join(line.replace("\n", " ") for line in lines) + "\n")
    try:
        summary = run_batch(source, folder / "out.jsonl", folder / "errors.jsonl", Budget(words=50), fast=True)
    except NewsfuseError:
        return  # e.g. an empty file: reported as a whole
    written = (folder / "out.jsonl").read_text().splitlines()
    errors = (folder / "errors.jsonl").read_text().splitlines()
    assert len(written) == summary.done and len(errors) == summary.failed
    assert all(json.loads(line)["words"] <= 50 for line in written)
