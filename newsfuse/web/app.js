// newsfuse web page. Article text is untrusted: it is only ever inserted with textContent.
"use strict";

let briefing = null;

function addArticle(text) {
  const area = el("textarea");
  area.rows = 6;
  area.className = "article";
  area.placeholder = "Paste one article here (several can be pasted at once, separated by a line of |||||)";
  area.value = text || "";
  $("articles").appendChild(area);
  return area;
}

function collectDocuments() {
  const docs = [];
  for (const area of document.querySelectorAll("textarea.article")) {
    for (const part of area.value.split("|||||")) {
      if (part.trim()) docs.push(part.trim());
    }
  }
  return docs;
}

function sourceLabel(doc) {
  return doc.title || doc.source || `Document ${doc.index + 1}`;
}

function showEvidence(sentence, node) {
  for (const s of document.querySelectorAll(".sentence.active")) s.classList.remove("active");
  node.classList.add("active");
  const list = $("evidence-list");
  list.replaceChildren();
  for (const support of sentence.supports) {
    const item = el("li");
    item.appendChild(el("span", `[${support.document + 1}] ${sourceLabel(briefing.documents[support.document])}`, "source-name"));
    item.appendChild(el("span", support.text));
    list.appendChild(item);
  }
  $("evidence").hidden = false;
}

function disputeNote(indices) {
  return indices.map((k) => briefing.disagreements[k].statements
    .map((s) => `${s.value} ${marks(s.documents)}`).join(" vs ")).join("; ");
}

function render(data) {
  briefing = data;
  $("title").textContent = data.title || "Briefing";
  const summary = $("summary");
  summary.replaceChildren();
  data.sentences.forEach((sentence) => {
    const p = el("p", null, "sentence");
    p.appendChild(el("span", sentence.text + " "));
    for (const d of sentence.citations) {
      const cite = el("button", `[${d + 1}]`, "cite");
      cite.type = "button";
      cite.title = sourceLabel(data.documents[d]);
      cite.addEventListener("click", () => showEvidence(sentence, p));
      cite.addEventListener("mouseenter", () => showEvidence(sentence, p));
      p.appendChild(cite);
    }
    if (sentence.disputes && sentence.disputes.length) {
      p.appendChild(el("span", `disputed — sources differ: ${disputeNote(sentence.disputes)}`, "disputed"));
    }
    summary.appendChild(p);
    summary.appendChild(document.createTextNode(" "));
  });
  $("evidence").hidden = true;

  const differences = $("differences-list");
  differences.replaceChildren();
  for (const d of data.disagreements) {
    const item = el("li", d.description);
    for (const s of d.statements) {
      const side = el("span", null, "side");
      side.appendChild(el("span", `${s.value} ${marks(s.documents)}: `, "value"));
      side.appendChild(el("span", s.text));
      item.appendChild(side);
    }
    for (const s of d.context || []) {
      item.appendChild(el("span", `context, ${s.value} ${marks(s.documents)}: ${s.text}`, "side"));
    }
    differences.appendChild(item);
  }
  $("differences").hidden = data.disagreements.length === 0;

  const facts = $("facts-list");
  facts.replaceChildren();
  const groups = [["PERSON", "People"], ["PLACE", "Places"], ["ORG", "Organisations"]];
  for (const [kind, label] of groups) {
    const names = data.facts.entities.filter((e) => e.kind === kind).map((e) => e.name);
    if (names.length) { facts.appendChild(el("dt", label)); facts.appendChild(el("dd", names.join(", "))); }
  }
  if (data.facts.figures.length) {
    facts.appendChild(el("dt", "Figures"));
    for (const f of data.facts.figures) facts.appendChild(el("dd", `${f.label} ${marks(f.documents)}`));
  }
  if (data.facts.timeline.length) {
    facts.appendChild(el("dt", "Timeline"));
    for (const e of data.facts.timeline) facts.appendChild(el("dd", `${e.when}: ${e.event} [${e.document + 1}]`));
  }
  if (data.facts.quotes.length) {
    facts.appendChild(el("dt", "Key quotes"));
    for (const q of data.facts.quotes) {
      facts.appendChild(el("dd", `“${q.text}” — ${q.speaker}${q.role ? ", " + q.role : ""} ${marks(q.documents)}`));
    }
  }
  if (data.facts.approximate) facts.appendChild(el("dd", "Approximate: extracted with fast rules, without the parser."));
  $("facts").hidden = facts.childElementCount === 0;

  const sources = $("sources");
  sources.replaceChildren(...data.documents.map((d) => el("li", sourceLabel(d))));
  const removed = $("removed");
  removed.replaceChildren(...data.removed.map((r) => el("li", `[${r.document + 1}] ${r.text} (${r.reason})`)));
  $("removed-count").textContent = String(data.removed.length);
  $("result").hidden = false;
}

function asMarkdown(data) {
  const body = data.sentences.map((s) => `${s.text} ${marks(s.citations)}` +
    (s.disputes && s.disputes.length ? ` (disputed — sources differ: ${disputeNote(s.disputes)})` : "")).join(" ");
  const lines = [`# ${data.title || "Briefing"}`, "", body, ""];
  if (data.disagreements.length) {
    lines.push("## Where sources differ", "");
    for (const d of data.disagreements) {
      lines.push(`- ${d.description}`);
      for (const s of d.statements) lines.push(`    - ${s.value} ${marks(s.documents)}: ${s.text}`);
    }
    lines.push("");
  }
  lines.push("## Sources", "", ...data.documents.map((d) => `${d.index + 1}. ${sourceLabel(d)}`));
  return lines.join("\n") + "\n";
}

async function submit(event) {
  event.preventDefault();
  const status = $("status");
  status.className = "";
  const documents = collectDocuments();
  const urls = $("urls").value.split("\n").map((u) => u.trim()).filter(Boolean);
  if (!documents.length && !urls.length) {
    status.textContent = "Paste at least one article or URL.";
    status.className = "error";
    return;
  }
  const [unit, amount] = $("length").value.split(":");
  const body = { documents, urls, [unit]: Number(amount) };
  status.textContent = "Writing the briefing…";
  $("submit").disabled = true;
  try {
    const response = await fetch("/v1/briefings", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
    render(data);
    status.textContent = `${data.words} words from ${data.documents.length} sources.`;
  } catch (error) {
    status.textContent = `Could not write the briefing: ${error.message}`;
    status.className = "error";
  } finally {
    $("submit").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  addArticle();
  addArticle();
  $("add-article").addEventListener("click", () => addArticle().focus());
  $("files").addEventListener("change", async (event) => {
    for (const file of event.target.files) {
      const text = await file.text();
      const empty = [...document.querySelectorAll("textarea.article")].find((a) => !a.value.trim());
      (empty || addArticle()).value = text;
    }
  });
  $("input").addEventListener("submit", submit);
  $("copy-md").addEventListener("click", async () => {
    if (!briefing) return;
    await navigator.clipboard.writeText(asMarkdown(briefing)).catch(() => {});
    $("status").textContent = "Markdown copied.";
  });
});
