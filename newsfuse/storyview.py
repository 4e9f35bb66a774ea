"""A stored story briefing (the JSON that `newsfuse follow` keeps per version) in any of the
formats of `render.py`, with its story header and What's new part.

The stored JSON is `render.to_dict` plus `story` and `whats_new`; `briefing_from_dict` turns
it back into a `Briefing` so that the existing renderers print it unchanged.
"""
from __future__ import annotations

import html
import json
import textwrap

from newsfuse.render import citation_marks, render
from newsfuse.types import (Briefing, Citation, Cluster, Disagreement, Document, Entity, Event, Facts, Figure,
                            KeyQuote, Removal, Sentence, Statement, SummarySentence)


def briefing_from_dict(data: dict) -> Briefing:
    documents = tuple(Document(text="", title=d["title"], source=d["source"], url=d["url"], published=d["published"])
                      for d in data["documents"])

    def statements(items: list[dict]) -> tuple[Statement, ...]:
        return tuple(Statement(s["text"], tuple(s["documents"]), s.get("value", "")) for s in items)

    sentences = tuple(
        SummarySentence(
            Sentence(s["text"], document=(s["citations"] or [0])[0], position=i),
            tuple(Citation(c["document"], c["text"], c["similarity"]) for c in s["supports"]),
            tuple(s.get("disputes", ())))
        for i, s in enumerate(data["sentences"]))
    facts = data.get("facts") or {}
    return Briefing(
        cluster=Cluster(documents, id=data.get("id", "")),
        sentences=sentences,
        removed=tuple(Removal(r["document"], r["text"], r["reason"]) for r in data.get("removed", ())),
        disagreements=tuple(Disagreement(d["kind"], d["topic"], d["description"], statements(d["statements"]),
                                         d["confidence"], statements(d.get("context", ())), d.get("subject", ""))
                            for d in data.get("disagreements", ())),
        facts=Facts(
            entities=tuple(Entity(e["name"], e["kind"], tuple(e["variants"]), tuple(e["documents"]), e["mentions"])
                           for e in facts.get("entities", ())),
            figures=tuple(Figure(f["value"], f["text"], f["counts"], f["event"], f["place"], f["period"], f["sentence"],
                                 tuple(f["documents"])) for f in facts.get("figures", ())),
            timeline=tuple(Event(e["when"], e["phrase"], e["event"], e["sentence"], e["document"])
                           for e in facts.get("timeline", ())),
            quotes=tuple(KeyQuote(q["text"], q["speaker"], q["role"], tuple(q["documents"])) for q in facts.get("quotes", ())),
            approximate=facts.get("approximate", False)),
    )


def story_header(data: dict) -> str:
    story = data["story"]
    outlets = "one outlet" if story["one_outlet"] else f"{len(story['outlets'])} outlets"
    return f"{story['headline']}\n(story {story['id']}, version {story.get('version', 1)}: {outlets}, " \
           f"{story['articles']} articles: {', '.join(story['outlets'])})"


def whats_new_lines(data: dict) -> list[str]:
    new = data.get("whats_new")
    if not new:
        return []
    lines = [f"{s['text']} {citation_marks(tuple(s['citations']))}" for s in new["sentences"]]
    lines += [f"New disagreement: {d['description']}" for d in new["disagreements"]]
    return lines or ["Nothing the previous briefing did not already say."]


def render_story(data: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    body = render(briefing_from_dict(data), fmt)
    header = story_header(data)
    new = whats_new_lines(data)
    since = data["whats_new"]["since_version"] if data.get("whats_new") else 0
    if fmt == "html":
        esc = html.escape
        title, detail = header.split("\n", 1)
        part = f"<h1>{esc(title)}</h1>\n<p class=\"story\">{esc(detail)}</p>\n"
        if new:
            part += f"<h2>What's new since version {since}</h2>\n" + "".join(f"<p>{esc(n)}</p>\n" for n in new)
        return body.replace("<h1>Briefing</h1>", part + "<h2>Briefing</h2>", 1)
    if fmt == "md":
        title, detail = header.split("\n", 1)
        part = f"# {title}\n\n{detail}\n\n"
        if new:
            part += f"## What's new since version {since}\n\n" + "\n".join(f"- {n}" for n in new) + "\n\n"
        # The story's headline is the page's title; the briefing is one section under it.
        return part + body.replace("# Briefing\n", "## Briefing\n", 1)
    part = header + "\n\n"
    if new:
        heading = f"What's new since version {since}"
        part += f"{heading}\n{'=' * len(heading)}\n\n" + "\n".join(textwrap.fill(f"- {n}", 88, subsequent_indent="  ")
                                                                   for n in new) + "\n\n"
    return part + body
