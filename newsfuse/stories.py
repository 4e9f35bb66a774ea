"""Group a time-ordered stream of single articles into stories: `newsfuse cluster`.

1. Syndicated copies first: MinHash signatures of word 5-shingles in an LSH index (datasketch)
   put an article whose text is a near-duplicate of an earlier one into that one's story.
2. Otherwise the article's lead (title and first sentences, embedded with the pipeline's
   encoder) joins the most similar story seen within the time window, if similar enough,
   or starts a new story.
The state (story centroids, last times, LSH index) lives in a `StoryClusterer` that takes
new articles as they come, so a new day of articles updates existing stories without
recomputing the old ones; `save`/`load` keep it between runs.
"""
from __future__ import annotations

import datetime as dt
import json
import pickle
import re
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from newsfuse.clean import clean_document
from newsfuse.pipeline import Pipeline
from newsfuse.render import to_dict
from newsfuse.select import Budget
from newsfuse.represent import Encoder, content_terms
from newsfuse.segment import split_sentences
from newsfuse.types import Cluster, Document, NewsfuseError

SHINGLE_WORDS = 5
NUM_PERM = 64
DUPLICATE_JACCARD = 0.7
LEAD_SENTENCES = 8


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str = ""
    url: str = ""
    published: str = ""  # ISO date or datetime


@dataclass
class Story:
    id: int
    centroid: np.ndarray
    last_seen: float  # days since epoch
    members: list[str] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)


def days(published: str) -> float:
    try:
        moment = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.timestamp() / 86_400


def lead_text(article: Article) -> str:
    paragraphs, _ = clean_document(article.text, 0, article.title)
    sentences = [s for p in paragraphs for s in split_sentences(p)][:LEAD_SENTENCES]
    return " ".join([article.title, *sentences]).strip() or article.text[:500]


def shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}


class StoryClusterer:
    def __init__(self, encoder: Encoder | None, threshold: float = 0.4, window_days: float = 3.0):
        from datasketch import MinHashLSH

        self.encoder = encoder
        self.threshold = threshold
        self.window_days = window_days
        self.lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
        self.stories: list[Story] = []
        self.story_of: dict[str, int] = {}

    def _vectors(self, texts: list[str]) -> np.ndarray:
        if self.encoder is not None:
            return self.encoder.encode(texts)
        # Without a model, hashed bag-of-words keeps one fixed vector space across batches.
        matrix = np.zeros((len(texts), 2 ** 14), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in set(content_terms(text)):
                matrix[row, zlib.crc32(term.encode()) % matrix.shape[1]] += 1.0  # stable across runs
        return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)

    def add(self, articles: list[Article]) -> dict[str, int]:
        """Assign each new article (in time order) to a story; returns article id → story id."""
        from datasketch import MinHash

        articles = sorted(articles, key=lambda a: days(a.published))
        vectors = self._vectors([lead_text(a) for a in articles])
        assigned = {}
        for article, vector in zip(articles, vectors):
            when = days(article.published)
            signature = MinHash(num_perm=NUM_PERM)
            signature.update_batch(list(shingles(article.text)))
            duplicates = [key for key in self.lsh.query(signature) if key in self.story_of]
            story = self.stories[self.story_of[duplicates[0]]] if duplicates else self._nearest(vector, when)
            if story is None:
                story = Story(id=len(self.stories), centroid=vector.copy(), last_seen=when)
                self.stories.append(story)
            else:
                n = len(story.members)
                centroid = story.centroid * n + vector
                story.centroid = centroid / max(np.linalg.norm(centroid), 1e-9)
                story.last_seen = max(story.last_seen, when)
            story.members.append(article.id)
            story.vectors.append(vector)
            self.story_of[article.id] = story.id
            if article.id not in self.lsh:
                self.lsh.insert(article.id, signature)
            assigned[article.id] = story.id
        return assigned

    def _nearest(self, vector: np.ndarray, when: float) -> Story | None:
        recent = [s for s in self.stories if when - s.last_seen <= self.window_days]
        if not recent:
            return None
        # A story matches through its centroid or its closest member (stories drift as they grow).
        similarities = np.array([max(float(s.centroid @ vector), max(float(v @ vector) for v in s.vectors))
                                 for s in recent])
        best = int(np.argmax(similarities))
        return recent[best] if similarities[best] >= self.threshold else None

    def save(self, path: Path) -> None:
        encoder, self.encoder = self.encoder, None
        try:
            path.write_bytes(pickle.dumps(self))
        finally:
            self.encoder = encoder

    @staticmethod
    def load(path: Path, encoder: Encoder | None) -> StoryClusterer:
        state = pickle.loads(path.read_bytes())
        state.encoder = encoder
        return state


# ---------------------------------------------------------------- input and output


def read_articles(text: str, name: str) -> tuple[list[Article], list[str]]:
    """Articles from JSONL ({"id", "text", "title", "url", "published"}), and a message per bad line."""
    articles, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            articles.append(Article(id=str(record.get("id") or f"{name}:{number}"), text=str(record["text"]),
                                    title=str(record.get("title") or ""), url=str(record.get("url") or ""),
                                    published=str(record.get("published") or "")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            problems.append(f"{name} line {number}: {type(exc).__name__} {exc}")
    return articles, problems


def story_record(story: Story, known: dict[str, Article], pipeline: Pipeline | None, budget: Budget) -> dict | None:
    """A story as a cluster line (the input layout of `summarize`), with a briefing when a
    pipeline is given; None for a story with none of the known articles."""
    documents = tuple(Document(text=a.text, title=a.title, url=a.url, published=a.published, source=a.url or a.id)
                      for a in (known[i] for i in story.members if i in known))
    if not documents:
        return None
    record = {"id": f"story-{story.id}", "articles": [i for i in story.members if i in known],
              "documents": [asdict(d) for d in documents]}
    if pipeline is not None:
        try:
            record["briefing"] = to_dict(pipeline.run(Cluster(documents, id=record["id"]), budget), timings=False)
        except NewsfuseError as exc:
            record["error"] = str(exc)
    return record


# ---------------------------------------------------------------- scoring


def adjusted_rand_index(truth: list, predicted: list) -> float:
    from math import comb

    pairs: dict[tuple, int] = {}
    for t, p in zip(truth, predicted):
        pairs[(t, p)] = pairs.get((t, p), 0) + 1
    rows: dict = {}
    cols: dict = {}
    for (t, p), n in pairs.items():
        rows[t] = rows.get(t, 0) + n
        cols[p] = cols.get(p, 0) + n
    index = sum(comb(n, 2) for n in pairs.values())
    row_sum, col_sum = sum(comb(n, 2) for n in rows.values()), sum(comb(n, 2) for n in cols.values())
    expected = row_sum * col_sum / max(comb(len(truth), 2), 1)
    maximum = (row_sum + col_sum) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def b_cubed_f1(truth: list, predicted: list) -> float:
    by_truth: dict = {}
    by_predicted: dict = {}
    for i, (t, p) in enumerate(zip(truth, predicted)):
        by_truth.setdefault(t, set()).add(i)
        by_predicted.setdefault(p, set()).add(i)
    precision = recall = 0.0
    for t, p in zip(truth, predicted):
        overlap = len(by_truth[t] & by_predicted[p])
        precision += overlap / len(by_predicted[p])
        recall += overlap / len(by_truth[t])
    precision, recall = precision / len(truth), recall / len(truth)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
