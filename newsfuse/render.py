"""Render a Briefing as plain text, Markdown, JSON (see newsfuse/briefing.schema.json) or HTML."""
from __future__ import annotations

import html
import json
import textwrap
from importlib.resources import files

from newsfuse.types import Briefing, Disagreement, Document

FORMATS = ("text", "md", "json", "html")
SCHEMA_PATH = files("newsfuse") / "briefing.schema.json"
TEXT_WIDTH = 88  # columns of the plain-text format


def document_label(document: Document, index: int) -> str:
    return document.title or document.source or document.url or f"Document {index + 1}"


def citation_marks(documents: tuple[int, ...]) -> str:
    return "".join(f"[{d + 1}]" for d in documents)


def to_dict(briefing: Briefing, timings: bool = True) -> dict:
    """The JSON contract. `timings=False` leaves out the only field that changes between runs."""
    cluster = briefing.cluster
    data = {
        "id": cluster.id,
        "title": briefing.title,
        "summary": briefing.summary,
        "words": briefing.words,
        "sentences": [
            {
                "text": s.sentence.text,
                "citations": list(s.cited_documents),
                "disputes": list(s.disputes),
                "supports": [
                    {"document": c.document, "text": c.text, "similarity": c.similarity} for c in s.citations
                ],
            }
            for s in briefing.sentences
        ],
        "documents": [
            {
                "index": i,
                "title": d.title,
                "source": d.source or d.url,
                "url": d.url,
                "published": d.published,
            }
            for i, d in enumerate(cluster.documents)
        ],
        "removed": [{"document": r.document, "text": r.text, "reason": r.reason} for r in briefing.removed],
        "disagreements": [disagreement_to_dict(d) for d in briefing.disagreements],
        "facts": {
            "entities": [
                {"name": e.name, "kind": e.kind, "variants": list(e.variants), "documents": list(e.documents),
                 "mentions": e.mentions}
                for e in briefing.facts.entities
            ],
            "figures": [
                {"value": f.value, "text": f.text, "counts": f.counts, "event": f.event, "place": f.place,
                 "period": f.period, "label": f.label, "sentence": f.sentence, "documents": list(f.documents)}
                for f in briefing.facts.figures
            ],
            "timeline": [
                {"when": e.when, "phrase": e.phrase, "event": e.clause, "sentence": e.sentence, "document": e.document}
                for e in briefing.facts.timeline
            ],
            "quotes": [
                {"text": q.text, "speaker": q.speaker, "role": q.role, "documents": list(q.documents)}
                for q in briefing.facts.quotes
            ],
            "approximate": briefing.facts.approximate,
        },
    }
    if timings:
        data["timings"] = briefing.timings
    return data


def disagreement_to_dict(d: Disagreement) -> dict:
    def statement(s):
        return {"text": s.text, "documents": list(s.documents), "value": s.value}

    return {
        "kind": d.kind,
        "topic": d.topic,
        "description": d.description,
        "confidence": d.confidence,
        "statements": [statement(s) for s in d.statements],
        "context": [statement(s) for s in d.context],
        "subject": d.subject,
    }


def to_json(briefing: Briefing, indent: int | None = 2) -> str:
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=indent)


def dispute_note(briefing: Briefing, disputes: tuple[int, ...]) -> str:
    """A marked editorial note, so a disputed figure or claim never reads as settled."""
    if not disputes:
        return ""
    ranges = "; ".join(
        " vs ".join(f"{s.value} {citation_marks(s.documents)}" for s in briefing.disagreements[k].statements)
        for k in disputes
    )
    return f" (disputed — sources differ: {ranges})"


def _sources(briefing: Briefing) -> list[tuple[int, str]]:
    return [(i + 1, document_label(d, i)) for i, d in enumerate(briefing.cluster.documents)]


def underlined(title: str) -> str:
    """A plain-text heading: wrapped like the body (a lead sentence may be the title), underlined
    as wide as its longest line."""
    lines = textwrap.wrap(title, width=TEXT_WIDTH) or [title]
    return "\n".join(lines) + "\n" + "=" * max(map(len, lines))


def to_text(briefing: Briefing, markdown: bool = False) -> str:
    heading = (lambda t: f"## {t}") if markdown else underlined
    body = " ".join(
        f"{s.sentence.text} {citation_marks(s.cited_documents)}{dispute_note(briefing, s.disputes)}"
        for s in briefing.sentences
    )
    title = briefing.title or "Briefing"
    out = [f"# {title}" if markdown else heading(title), "", body if markdown else textwrap.fill(body, width=TEXT_WIDTH), ""]
    if briefing.disagreements:
        out += [heading("Where sources differ"), ""]
        for d in briefing.disagreements:
            out.append(f"- {d.description}" + (" (a later count)" if d.kind == "update" else ""))
            for s in d.statements:
                out.append(f"    - {s.value} {citation_marks(s.documents)}: {s.text}")
            for s in d.context:
                out.append(f"    - context, {s.value} {citation_marks(s.documents)}: {s.text}")
        out.append("")
    facts = briefing.facts
    if facts.entities or facts.figures or facts.timeline or facts.quotes:
        out += [heading("Key facts" + (" (approximate: --fast rules, no parser)" if facts.approximate else "")), ""]
        for kind, label in (("PERSON", "People"), ("PLACE", "Places"), ("ORG", "Organisations")):
            names = [e.name for e in facts.entities if e.kind == kind]
            if names:
                out.append(f"- {label}: {', '.join(names)}")
        for f in facts.figures:
            out.append(f"- {f.label} {citation_marks(f.documents)}")
        for e in facts.timeline:
            out.append(f"- {e.when}: {e.clause} [{e.document + 1}]")
        for q in facts.quotes:
            out.append(f"- “{q.text}” — {q.speaker}{', ' + q.role if q.role else ''} {citation_marks(q.documents)}")
        out.append("")
    out += [heading("Sources"), ""]
    out += [f"{n}. {label}" for n, label in _sources(briefing)]
    return "\n".join(out).rstrip() + "\n"


def to_html(briefing: Briefing) -> str:
    """A standalone page. All article text is escaped: sources are untrusted."""
    esc = html.escape
    sentences = "\n".join(
        f'<p class="sentence">{esc(s.sentence.text)} '
        + "".join(
            f'<sup class="cite" title="{esc(c.text)}">[{c.document + 1}]</sup>' for c in s.citations
        )
        + (f'<em class="disputed">{esc(dispute_note(briefing, s.disputes))}</em>' if s.disputes else "")
        + "</p>"
        for s in briefing.sentences
    )
    disagreements = "".join(
        f"<li>{esc(d.description)}{' (a later count)' if d.kind == 'update' else ''}<ul>"
        + "".join(f"<li><b>{esc(s.value)}</b> {esc(citation_marks(s.documents))}: {esc(s.text)}</li>" for s in d.statements)
        + "</ul></li>"
        for d in briefing.disagreements
    )
    sources = "".join(f"<li>{esc(label)}</li>" for _, label in _sources(briefing))
    facts = briefing.facts
    fact_items = "".join(
        f"<li>{esc(label)}: {esc(', '.join(e.name for e in facts.entities if e.kind == kind))}</li>"
        for kind, label in (("PERSON", "People"), ("PLACE", "Places"), ("ORG", "Organisations"))
        if any(e.kind == kind for e in facts.entities))
    fact_items += "".join(f"<li>{esc(f.label)} {esc(citation_marks(f.documents))}</li>" for f in facts.figures)
    fact_items += "".join(f"<li>{esc(e.when)}: {esc(e.clause)} [{e.document + 1}]</li>" for e in facts.timeline)
    fact_items += "".join(
        f"<li><q>{esc(q.text)}</q> — {esc(q.speaker)}{esc(', ' + q.role if q.role else '')} "
        f"{esc(citation_marks(q.documents))}</li>" for q in facts.quotes)
    facts_heading = "Key facts" + (" (approximate)" if facts.approximate else "")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{esc(briefing.title or "newsfuse briefing")}</title>
<style>body{{font:17px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#222}}
.cite{{color:#1a5fb4;cursor:help}}h2{{font-family:sans-serif;font-size:1.1rem;margin-top:2rem}}</style>
</head><body>
<h1>{esc(briefing.title or "Briefing")}</h1>
{sentences}
{f'<h2>Where sources differ</h2><ul>{disagreements}</ul>' if disagreements else ''}
{f'<h2>{facts_heading}</h2><ul>{fact_items}</ul>' if fact_items else ''}
<h2>Sources</h2><ol>{sources}</ol>
</body></html>
"""


def render(briefing: Briefing, fmt: str) -> str:
    if fmt == "json":
        return to_json(briefing)
    if fmt == "md":
        return to_text(briefing, markdown=True)
    if fmt == "html":
        return to_html(briefing)
    return to_text(briefing)
