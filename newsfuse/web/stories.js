// Stories page. Article text is untrusted: it is only ever inserted with textContent, and
// only http(s) URLs become links.
"use strict";

function status(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
  return data;
}

async function loadStories() {
  status("Loading…");
  try {
    const data = await getJSON(`/v1/stories?days=${encodeURIComponent($("days").value)}`);
    const list = $("stories");
    list.replaceChildren();
    for (const story of data.stories) {
      const item = el("li");
      const open = el("button", story.headline || `Story ${story.id}`);
      open.type = "button";
      open.dataset.story = story.id;
      open.addEventListener("click", () => showStory(story.id));
      item.appendChild(open);
      const outlets = story.outlets === 1 ? "one outlet" : `${story.outlets} outlets`;
      item.appendChild(el("span", ` — ${outlets}, ${story.articles} articles, updated ${story.updated_at.slice(0, 16).replace("T", " ")}`, "count"));
      list.appendChild(item);
    }
    status(data.stories.length ? `${data.stories.length} stories` : "No stories yet: run newsfuse follow.");
  } catch (error) {
    status(`Could not load the stories: ${error.message}`, true);
  }
}

async function showStory(id) {
  status("Loading…");
  let data;
  try {
    data = await getJSON(`/v1/stories/${encodeURIComponent(id)}`);
  } catch (error) {
    status(`Could not load story ${id}: ${error.message}`, true);
    return;
  }
  status("");
  const story = data.story;
  $("headline").textContent = story.headline;
  if (story.one_outlet) $("headline").appendChild(el("span", "one outlet", "badge"));
  $("meta").textContent = `Version ${story.version} · ${story.articles} articles from ${story.outlets.join(", ")}`;

  const news = data.whats_new;
  $("new").hidden = !news;
  const newList = $("new-list");
  newList.replaceChildren();
  if (news) {
    $("new-heading").textContent = `What's new since version ${news.since_version}`;
    for (const s of news.sentences) newList.appendChild(el("li", `${s.text} ${marks(s.citations)}`));
    for (const d of news.disagreements) newList.appendChild(el("li", `New disagreement: ${d.description}`, "disputed"));
    if (!newList.children.length) newList.appendChild(el("li", "Nothing the previous briefing did not already say."));
  }

  const summary = $("summary");
  summary.replaceChildren();
  for (const s of data.sentences) summary.appendChild(el("p", `${s.text} ${marks(s.citations)}`, "sentence"));

  const differences = $("differences-list");
  differences.replaceChildren();
  for (const d of data.disagreements) {
    const item = el("li", d.description);
    for (const s of d.statements) item.appendChild(el("span", `${s.value} ${marks(s.documents)}: ${s.text}`, "side"));
    differences.appendChild(item);
  }
  $("differences").hidden = !data.disagreements.length;

  const sources = $("sources");
  sources.replaceChildren();
  for (const doc of data.documents) {
    const item = el("li");
    const label = `${doc.title || doc.url}${doc.source && doc.source !== doc.url ? ` — ${doc.source}` : ""}`;
    if (/^https?:\/\//i.test(doc.url)) {
      const link = el("a", label);
      link.href = doc.url;
      link.rel = "noopener noreferrer";
      item.appendChild(link);
    } else {
      item.appendChild(el("span", label));
    }
    sources.appendChild(item);
  }
  $("story").hidden = false;
  $("story").scrollIntoView();
}

$("days").addEventListener("change", loadStories);
loadStories();
