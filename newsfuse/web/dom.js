// Helpers shared by the briefing page (app.js) and the stories page (stories.js). Article
// text is untrusted: `el` only ever inserts it with textContent.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function marks(indices) {
  return indices.map((i) => `[${i + 1}]`).join("");
}
