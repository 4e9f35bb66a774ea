"""Group a time-ordered stream of single articles into stories: `newsfuse cluster`.

1. Pages with no article text after cleaning (archive notices, tweet-location pages, site
   messages such as a video player that cannot play or a paywall, empty captures) are not
   news: they are set aside in `skipped`, not made into stories.
2. Syndicated copies: MinHash signatures of the cleaned text's word 5-shingles in an LSH
   index (datasketch) put a near-duplicate of an earlier article into that one's story.
3. Otherwise the article joins the story within the time window that it is most similar to
   on average over the story's articles (average link, so a story does not drift through a
   chain of loosely related articles), if similar enough, or starts a new story. Similarity
   mixes the cosine of the leads' embeddings (meaning) with the TF-IDF cosine of the whole
   cleaned texts (names, places and numbers that make one story different from another of
   the same kind); document frequencies are counted over the stream seen so far. Without
   the model, a story quiet for days needs a closer match (LEXICAL_DECAY_PER_DAY).
The state lives in a `StoryClusterer` that takes new articles as they come, so a new day of
articles updates existing stories without recomputing the old ones (only the stories still
inside the window keep their articles' vectors); `save`/`load` keep it between runs, as rows
of an SQLite file (`newsfuse/store.py`), not a pickle, which would run code from the file.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field

import numpy as np
from scipy import sparse

from newsfuse.clean import clean_document
from newsfuse.pipeline import Pipeline
from newsfuse.render import to_dict
from newsfuse.represent import Encoder, content_terms, tfidf_rows
from newsfuse.segment import split_sentences
from newsfuse.select import Budget
from newsfuse.types import Cluster, Document, NewsfuseError

SHINGLE_WORDS = 5
NUM_PERM = 64
DUPLICATE_JACCARD = 0.7
LEAD_SENTENCES = 8
# Share of the embedding cosine in the similarity; the rest is the TF-IDF cosine.
EMBEDDING_WEIGHT = 0.3
# Average similarity needed to join a story, with and without the embedding model (measured
# on Multi-News clusters mixed into one stream: benchmarks/stories.py).
MIXED_THRESHOLD = 0.18
LEXICAL_THRESHOLD = 0.09
# Without the model, a story quiet for a while needs a closer match to take a new article:
# its average similarity is lowered by this much per day since its last article. Topical
# neighbours (two Syria stories two days apart) were the main over-merging without it.
# Fitted with the threshold on the train clusters of the follow replay (benchmarks/follow.py);
# the model's threshold was fitted without it, so it is not applied there.
LEXICAL_DECAY_PER_DAY = 0.04


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
    first_seen: float  # days since epoch
    last_seen: float
    members: list[str] = field(default_factory=list)
    # Per member, while the story is inside the window: term counts and lead embedding.
    terms: list[Counter] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)


def days(published: str) -> float:
    try:
        moment = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.timestamp() / 86_400


def article_sentences(article: Article) -> list[str]:
    paragraphs, _ = clean_document(article.text, 0, article.title)
    return [s for p in paragraphs for s in split_sentences(p)]


def similarity_block(lexical: sparse.csr_matrix, dense: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Article similarities, rows × columns: the TF-IDF cosine mixed with the lead-embedding
    cosine when there are embeddings (`dense` has no columns without a model)."""
    block = (lexical[rows] @ lexical[columns].T).toarray()
    if dense.shape[1]:
        block = EMBEDDING_WEIGHT * (dense[rows] @ dense[columns].T) + (1 - EMBEDDING_WEIGHT) * block
    return block


def shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}


class StoryClusterer:
    def __init__(self, encoder: Encoder | None, threshold: float | None = None, window_days: float = 3.0,
                 document_frequency: Counter | None = None, documents: int = 0):
        """`document_frequency` over `documents` articles may be given in advance (the Spark
        job counts them over the whole input); the stream's own articles are added to it."""
        from datasketch import MinHashLSH

        self.encoder = encoder
        self.encoder_name = encoder.name if encoder else "none"
        self.threshold = threshold if threshold is not None else (MIXED_THRESHOLD if encoder else LEXICAL_THRESHOLD)
        self.window_days = window_days
        self.decay = LEXICAL_DECAY_PER_DAY if encoder is None else 0.0
        self.lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
        self.stories: list[Story] = []
        self.story_of: dict[str, int] = {}
        self.skipped: list[str] = []
        self.document_frequency: Counter = Counter(document_frequency or {})
        self.documents = documents
        self.counted = document_frequency is not None
        self.signatures: dict[str, np.ndarray] = {}  # MinHash values of the articles added (the store keeps them)
        self.duplicates: dict[str, str] = {}  # article id → the earlier article it is a near-copy of
        self.stored_frequency: Counter = Counter()  # document frequencies as last saved: the store writes changes

    def add(self, articles: list[Article]) -> dict[str, int]:
        """Assign each new article (in time order) to a story; returns article id → story id.
        Articles without article text go to `skipped` and get no story."""
        from datasketch import MinHash

        texts = {}
        for article in sorted(articles, key=lambda a: days(a.published)):
            sentences = article_sentences(article)
            if sentences:
                texts[article] = sentences
            else:
                self.skipped.append(article.id)
        if not texts:
            return {}
        batch = list(texts)
        counts = [Counter(content_terms(" ".join(s))) for s in texts.values()]
        if not self.counted:
            for terms in counts:
                self.document_frequency.update(terms.keys())
            self.documents += len(counts)
        leads = [" ".join([a.title, *s[:LEAD_SENTENCES]]) for a, s in texts.items()]
        embeddings = self.encoder.encode(leads) if self.encoder is not None else np.zeros((len(batch), 0))

        # Only stories that the earliest new article can still join take part; the others
        # let go of their vectors.
        start = days(batch[0].published)
        for story in self.stories:
            if story.terms and start - story.last_seen > self.window_days:
                story.terms, story.vectors = [], []
        active = [s for s in self.stories if s.terms]
        rows, old_rows = {}, 0  # story id → its members' rows in the matrices below
        for story in active:
            rows[story.id] = list(range(old_rows, old_rows + len(story.terms)))
            old_rows += len(story.terms)
        lexical = tfidf_rows([t for s in active for t in s.terms] + counts, self.document_frequency, self.documents,
                             dtype=np.float32)
        dense = np.vstack([np.zeros((0, embeddings.shape[1]), np.float32)]
                          + [v for s in active for v in s.vectors] + [embeddings])

        assigned = {}
        for j, (article, sentences) in enumerate(texts.items()):
            when = days(article.published)
            if j % 256 == 255:  # a long batch moves through time: keep the candidate list short
                active = [s for s in active if when - s.last_seen <= self.window_days]
            signature = MinHash(num_perm=NUM_PERM)
            signature.update_batch(list(shingles(" ".join(sentences))))
            duplicates = [key for key in self.lsh.query(signature) if key in self.story_of]
            if duplicates:
                story = self.stories[self.story_of[duplicates[0]]]
                self.duplicates[article.id] = duplicates[0]
            else:
                candidates = [s for s in active if when - s.last_seen <= self.window_days]
                story = self._nearest(candidates, rows, lexical, dense, old_rows + j, when)
            if story is None:
                story = Story(id=len(self.stories), first_seen=when, last_seen=when)
                self.stories.append(story)
                active.append(story)
            story.last_seen = max(story.last_seen, when)
            story.members.append(article.id)
            story.terms.append(counts[j])
            story.vectors.append(embeddings[j])
            rows.setdefault(story.id, []).append(old_rows + j)
            self.story_of[article.id] = story.id
            if article.id not in self.lsh:
                self.lsh.insert(article.id, signature)
            self.signatures[article.id] = signature.hashvalues
            assigned[article.id] = story.id
        return assigned

    def _nearest(self, candidates: list[Story], rows: dict[int, list[int]], lexical: sparse.csr_matrix,
                 dense: np.ndarray, row: int, when: float) -> Story | None:
        """The candidate story with the highest average similarity to `row`, if high enough."""
        if not candidates:
            return None
        member_rows = np.concatenate([rows[s.id] for s in candidates])
        similarity = similarity_block(lexical, dense, member_rows, np.array([row])).ravel()
        sizes = np.array([len(rows[s.id]) for s in candidates])
        averages = np.add.reduceat(similarity, np.concatenate([[0], np.cumsum(sizes)[:-1]])) / sizes
        averages -= self.decay * np.array([max(when - s.last_seen, 0.0) for s in candidates])
        best = int(np.argmax(averages))
        return candidates[best] if averages[best] >= self.threshold else None


# ---------------------------------------------------------------- time ranges clustered apart


def edge_stories(clusterer: StoryClusterer, key_prefix: str) -> list[dict]:
    """The stories of a clusterer that ran over one time range of a larger stream and that an
    article of a neighbouring range could belong to: those that began within the window of
    the range's start or were still open within the window of its end."""
    if not clusterer.stories:
        return []
    start = min(s.first_seen for s in clusterer.stories)
    end = max(s.last_seen for s in clusterer.stories)
    return [{"key": f"{key_prefix}{s.id}", "first_seen": s.first_seen, "last_seen": s.last_seen,
             "terms": [dict(t) for t in s.terms], "vectors": [v.tolist() for v in s.vectors]}
            for s in clusterer.stories
            if s.first_seen - start <= clusterer.window_days or end - s.last_seen <= clusterer.window_days]


def stitch(edges: list[dict], document_frequency: Counter, documents: int, threshold: float,
           window_days: float) -> dict[str, str]:
    """Join stories that were cut apart at time-range boundaries: in order of first article, a
    story joins the earlier-range story (open within the window before it began) with the
    highest average similarity over their articles, if high enough — the rule `add` uses.
    Returns story key → key of the story it now belongs to (for the keys that moved)."""
    if not edges:
        return {}
    edges = sorted(edges, key=lambda e: e["first_seen"])
    rows, offset = [], 0
    for edge in edges:
        rows.append(np.arange(offset, offset + len(edge["terms"])))
        offset += len(edge["terms"])
    lexical = tfidf_rows([Counter(t) for e in edges for t in e["terms"]], document_frequency, documents,
                         dtype=np.float32)
    dense = np.array([v for e in edges for v in e["vectors"]], dtype=np.float32).reshape(offset, -1)
    root: dict[str, str] = {}

    def find(key: str) -> str:
        while root.get(key, key) != key:
            key = root[key]
        return key

    for later, edge in enumerate(edges):
        prefix = edge["key"].split(":")[0]
        best, best_score = None, threshold
        for earlier in range(later):
            other = edges[earlier]
            if other["key"].split(":")[0] == prefix or edge["first_seen"] - other["last_seen"] > window_days:
                continue
            score = float(similarity_block(lexical, dense, rows[later], rows[earlier]).mean())
            if score >= best_score:
                best, best_score = other, score
        if best is not None:
            root[find(edge["key"])] = find(best["key"])
    return {key: find(key) for key in root}


# ---------------------------------------------------------------- input and output


ARTICLE_ERRORS = (ValueError, KeyError, TypeError, AttributeError)


def article_from_json(line: str, fallback_id: str) -> Article:
    """One JSON article ({"id", "text", "title", "url", "published"}); raises one of
    ARTICLE_ERRORS when the line is not JSON or has no text."""
    record = json.loads(line)
    return Article(id=str(record.get("id") or fallback_id), text=str(record["text"]),
                   title=str(record.get("title") or ""), url=str(record.get("url") or ""),
                   published=str(record.get("published") or ""))


def read_articles(text: str, name: str) -> tuple[list[Article], list[str]]:
    """Articles from JSONL, and a message per bad line."""
    articles, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            articles.append(article_from_json(line, f"{name}:{number}"))
        except ARTICLE_ERRORS as exc:
            problems.append(f"{name} line {number}: {type(exc).__name__} {exc}")
    return articles, problems


def story_record(story_id: str, articles: list[Article], pipeline: Pipeline | None, budget: Budget) -> dict:
    """A story as a cluster line (the input layout of `summarize`), with a briefing when a
    pipeline is given."""
    documents = tuple(Document(text=a.text, title=a.title, url=a.url, published=a.published, source=a.url or a.id)
                      for a in articles)
    record = {"id": story_id, "articles": [a.id for a in articles], "documents": [asdict(d) for d in documents]}
    if pipeline is not None:
        try:
            record["briefing"] = to_dict(pipeline.run(Cluster(documents, id=story_id), budget), timings=False)
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
