import json

import jsonschema

from newsfuse.render import SCHEMA_PATH, render, to_dict


def test_json_output_validates_against_the_schema(ramadi_briefing):
    data = json.loads(render(ramadi_briefing, "json"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()))
    assert data["words"] == len(data["summary"].split())
    assert data["summary"] == " ".join(s["text"] for s in data["sentences"])
    assert [d["index"] for d in data["documents"]] == [0, 1, 2, 3, 4]
    assert any(r["text"] == "Click to follow" for r in data["removed"])


def test_text_and_markdown_show_numbered_citations_and_sources(ramadi_briefing):
    text = render(ramadi_briefing, "text")
    md = render(ramadi_briefing, "md")
    assert "[5]" in md and "## Sources" in md and "5. 500 killed as Islamic State take Iraqi city Ramadi" in md
    assert "Sources\n=======" in text
    first = ramadi_briefing.sentences[0]
    assert f"{first.sentence.text} [{first.cited_documents[0] + 1}]" in md


def test_a_long_title_is_wrapped_and_underlined_as_wide_as_its_lines():
    from newsfuse.render import TEXT_WIDTH, underlined

    title = ("Florida's highest-ranking officials are increasing the pressure on state police to get involved "
             "in the counting of ballots as Gov. Rick Scott clings to a lead over Bill Nelson.")
    lines = underlined(title).split("\n")
    assert len(lines) > 2 and all(len(line) <= TEXT_WIDTH for line in lines)
    assert " ".join(lines[:-1]) == title and set(lines[-1]) == {"="} and len(lines[-1]) == max(map(len, lines[:-1]))
    assert underlined("Sources") == "Sources\n======="


def test_html_escapes_article_text(pipeline):
    import newsfuse

    briefing = newsfuse.summarize(
        ["The mayor said <script>alert(1)</script> was found on the council website on Monday.",
         "Officials said an <img src=x onerror=alert(2)> tag was posted on the council website on Monday."],
        pipeline=pipeline,
    )
    page = render(briefing, "html")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
    assert "Content-Security-Policy" in page


def test_dict_has_one_support_per_citation(ramadi_briefing):
    for s in to_dict(ramadi_briefing)["sentences"]:
        assert sorted({x["document"] for x in s["supports"]}) == s["citations"]


def test_every_format_leads_with_the_headline(ramadi_briefing):
    title = ramadi_briefing.title
    assert title in {d.title for d in ramadi_briefing.cluster.documents}  # a source's title, verbatim
    assert json.loads(render(ramadi_briefing, "json"))["title"] == title
    assert render(ramadi_briefing, "md").startswith(f"# {title}\n")
    assert render(ramadi_briefing, "text").startswith(f"{title}\n{'=' * len(title)}\n")
    page = render(ramadi_briefing, "html")
    assert f"<h1>{title}</h1>" in page and f"<title>{title}</title>" in page


def test_a_cut_connective_is_listed_with_the_removed_text(pipeline):
    import newsfuse

    briefing = newsfuse.summarize(
        ["Heavy rain flooded the river valley on Monday, forcing hundreds of families from their homes.",
         "Heavy rain flooded the river valley on Monday. But Governor Lee declared a state of emergency in the "
         "river valley on Monday."], words=40, pipeline=pipeline)
    cut = [s.sentence for s in briefing.sentences if s.sentence.cut]
    assert [s.text for s in cut] == ["Governor Lee declared a state of emergency in the river valley on Monday."]
    assert {"document": 1, "text": "But", "reason": "leading connective"} in to_dict(briefing)["removed"]
