"""The store of `newsfuse follow`: one SQLite file (standard library, WAL mode).

What it holds: feeds with their conditional-GET state, articles (one row per canonical URL;
a syndicated copy points at the earlier article in `duplicate_of`), the links that led to
each article (so a known item is never fetched again), pages that failed, stories and their
articles, every briefing version as JSON, and the story clusterer's state as plain rows
(term counts, embeddings and MinHash values), never a pickle: loading a pickle from a file
someone else wrote runs their code.

The schema is versioned with `PRAGMA user_version`; `MIGRATIONS[n]` takes a database from
version n to n + 1, so an older file is upgraded in place when it is opened. Writers work in
explicit transactions (`with store.transaction():`), so a process killed at any point leaves
the last committed state and no half-written row.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from newsfuse.stories import NUM_PERM, Story, StoryClusterer
from newsfuse.types import NewsfuseError

# One script per version step. Never edit a released step: add the next one.
MIGRATIONS = [
    # 0 -> 1
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        status TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        feed_id INTEGER REFERENCES feeds(id),
        outlet TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',
        fetched_at TEXT NOT NULL,
        text TEXT NOT NULL,
        duplicate_of INTEGER REFERENCES articles(id),
        state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'clustered', 'skipped'))
    );
    CREATE INDEX articles_state ON articles(state);
    CREATE TABLE links (
        link TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id)
    ) WITHOUT ROWID;
    CREATE TABLE failures (
        url TEXT PRIMARY KEY,
        attempts INTEGER NOT NULL,
        error TEXT NOT NULL,
        last_try TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        headline TEXT NOT NULL DEFAULT '',
        pending INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX stories_pending ON stories(pending);
    CREATE TABLE story_articles (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        story_id INTEGER NOT NULL REFERENCES stories(id),
        added_at TEXT NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles(story_id, article_id);
    CREATE TABLE briefings (
        story_id INTEGER NOT NULL REFERENCES stories(id),
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        articles TEXT NOT NULL,
        briefing TEXT NOT NULL,
        PRIMARY KEY (story_id, version)
    );
    CREATE TABLE clusterer (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        encoder TEXT NOT NULL,
        threshold REAL NOT NULL,
        window_days REAL NOT NULL,
        documents INTEGER NOT NULL
    );
    CREATE TABLE cluster_stories (
        id INTEGER PRIMARY KEY,
        first_seen REAL NOT NULL,
        last_seen REAL NOT NULL
    );
    CREATE TABLE cluster_members (
        key TEXT PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES cluster_stories(id),
        position INTEGER NOT NULL,
        terms TEXT,
        vector BLOB,
        signature BLOB NOT NULL
    );
    CREATE INDEX cluster_members_story ON cluster_members(story_id, position);
    CREATE TABLE cluster_terms (
        term TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
    ) WITHOUT ROWID;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """One open database. Not shared between threads: open one per thread (the server does)."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise NewsfuseError(f"{path}: no such database (run `newsfuse follow` first)")
        try:
            if readonly:
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                          check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if not readonly:
                # WAL: readers (the server) never block the writer (a pass), and a killed
                # writer's uncommitted pages are simply ignored on the next open.
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise NewsfuseError(f"{path}: not a newsfuse database ({exc})") from None
        if version > SCHEMA_VERSION:
            raise NewsfuseError(f"{path}: made by a newer newsfuse (schema {version}, this one knows {SCHEMA_VERSION})")
        if version < SCHEMA_VERSION:
            if readonly:
                raise NewsfuseError(f"{path}: schema {version} is out of date; run `newsfuse follow` once to upgrade it")
            self.migrate(version)

    def migrate(self, version: int) -> None:
        if version == 0 and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise NewsfuseError(f"{self.path}: an SQLite file that is not a newsfuse database")
        for step in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {step + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing. IMMEDIATE takes the write lock at once, so two writers queue
        instead of failing half-way."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ feeds, links, failures

    def feed(self, url: str) -> sqlite3.Row:
        """The feed's row, created on first sight (commits on its own when outside a transaction)."""
        self.db.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
        return self.db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()

    def article_of_link(self, link: str) -> int | None:
        row = self.db.execute("SELECT article_id FROM links WHERE link = ?", (link,)).fetchone()
        return row[0] if row else None

    def failed_attempts(self, url: str) -> int:
        row = self.db.execute("SELECT attempts FROM failures WHERE url = ?", (url,)).fetchone()
        return row[0] if row else 0

    def record_failure(self, url: str, message: str) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO failures (url, attempts, error, last_try) VALUES (?, 1, ?, ?) "
                            "ON CONFLICT(url) DO UPDATE SET attempts = attempts + 1, error = excluded.error, "
                            "last_try = excluded.last_try", (url, message, now()))

    def add_article(self, links: list[str], url: str, feed_id: int | None, outlet: str, title: str, published: str,
                    text: str) -> tuple[int, bool]:
        """Store one article in its own transaction; returns (article id, whether it is new).
        An article whose canonical URL is known already only gains the new links."""
        with self.transaction():
            row = self.db.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
            created = row is None
            if created:
                article_id = self.db.execute(
                    "INSERT INTO articles (url, feed_id, outlet, title, published, fetched_at, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", (url, feed_id, outlet, title, published, now(), text)).lastrowid
            else:
                article_id = row[0]
            self.db.executemany("INSERT OR IGNORE INTO links (link, article_id) VALUES (?, ?)",
                                [(link, article_id) for link in {url, *links}])
            self.db.execute("DELETE FROM failures WHERE url IN (%s)" % ",".join("?" * len(links)), links)
        return article_id, created

    # ------------------------------------------------------------ reading stories

    def stories(self, limit: int | None = None, since: str = "") -> list[dict]:
        """Stories with their counts, most outlets first, then the latest."""
        rows = self.db.execute(
            """SELECT s.id, s.headline, s.created_at, s.updated_at,
                      count(a.id) AS articles, count(DISTINCT a.outlet) AS outlets,
                      max(a.published) AS last_published,
                      (SELECT max(version) FROM briefings b WHERE b.story_id = s.id) AS version
               FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
               WHERE s.updated_at >= ?
               GROUP BY s.id ORDER BY outlets DESC, s.updated_at DESC, s.id DESC""" + (" LIMIT ?" if limit else ""),
            (since, limit) if limit else (since,)).fetchall()
        return [dict(r) for r in rows]

    def story_articles(self, story_id: int) -> list[sqlite3.Row]:
        """The story's articles in the order they joined it (stable document indices)."""
        return self.db.execute(
            "SELECT a.* FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = ? ORDER BY sa.article_id", (story_id,)).fetchall()

    def briefing(self, story_id: int, version: int | None = None) -> sqlite3.Row | None:
        if version is None:
            return self.db.execute("SELECT * FROM briefings WHERE story_id = ? ORDER BY version DESC LIMIT 1",
                                   (story_id,)).fetchone()
        return self.db.execute("SELECT * FROM briefings WHERE story_id = ? AND version = ?",
                               (story_id, version)).fetchone()

    def story(self, story_id: int) -> dict | None:
        row = self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        return dict(row) if row else None

    def counts(self) -> dict:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {"feeds": one("SELECT count(*) FROM feeds"), "articles": one("SELECT count(*) FROM articles"),
                "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                "stories": one("SELECT count(*) FROM stories"), "briefings": one("SELECT count(*) FROM briefings")}


# ---------------------------------------------------------------- the story clusterer's state


def load_clusterer(store: Store, encoder, threshold: float | None = None, window_days: float = 3.0):
    """The StoryClusterer kept in the store (a new one when there is none). Raises when the
    stored state was built with another encoder: similarities would not be comparable."""
    from datasketch import MinHash

    db = store.db
    settings = db.execute("SELECT * FROM clusterer").fetchone()
    name = encoder.name if encoder else "none"
    if settings is None:
        return StoryClusterer(encoder, threshold, window_days)
    if settings["encoder"] != name:
        raise NewsfuseError(f"{store.path}: this state was built with encoder {settings['encoder']!r}; "
                            "use the same --fast setting to add to it")
    clusterer = StoryClusterer(encoder, settings["threshold"] if threshold is None else threshold, settings["window_days"])
    clusterer.documents = settings["documents"]
    clusterer.document_frequency = Counter(dict(db.execute("SELECT term, documents FROM cluster_terms")))
    clusterer.stored_frequency = Counter(clusterer.document_frequency)
    stories = {r["id"]: Story(r["id"], r["first_seen"], r["last_seen"])
               for r in db.execute("SELECT * FROM cluster_stories ORDER BY id")}
    if list(stories) != list(range(len(stories))):
        raise NewsfuseError(f"{store.path}: story clusterer state is damaged (story ids are not 0..n-1)")
    clusterer.stories = list(stories.values())
    # The LSH index is rebuilt from the stored MinHash values (made with datasketch's default
    # scheme, which newer versions ask for by name).
    scheme = {"scheme": MinHash(num_perm=NUM_PERM).scheme} if hasattr(MinHash(num_perm=1), "scheme") else {}
    for row in db.execute("SELECT * FROM cluster_members ORDER BY story_id, position"):
        story = stories[row["story_id"]]
        story.members.append(row["key"])
        if row["terms"] is not None:  # only stories still open keep their vectors
            story.terms.append(Counter(json.loads(row["terms"])))
            story.vectors.append(np.frombuffer(row["vector"], dtype=np.float32))
        clusterer.story_of[row["key"]] = story.id
        signature = MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(row["signature"], dtype=np.uint64),
                            **scheme)
        clusterer.lsh.insert(row["key"], signature)
    return clusterer


def save_clusterer(store: Store, clusterer) -> None:
    """Write what changed since `load_clusterer`: new members, the stories' time spans, stories
    that closed (their vectors are dropped), and the document frequencies. Call inside a
    transaction."""
    db = store.db
    db.execute("INSERT INTO clusterer (id, encoder, threshold, window_days, documents) VALUES (1, ?, ?, ?, ?) "
               "ON CONFLICT(id) DO UPDATE SET documents = excluded.documents",
               (clusterer.encoder_name, clusterer.threshold, clusterer.window_days, clusterer.documents))
    db.executemany("INSERT INTO cluster_stories (id, first_seen, last_seen) VALUES (?, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET first_seen = excluded.first_seen, last_seen = excluded.last_seen",
                   [(s.id, s.first_seen, s.last_seen) for s in clusterer.stories])
    known = {row[0] for row in db.execute("SELECT key FROM cluster_members")}
    new_rows = []
    for story in clusterer.stories:
        if not story.terms:
            db.execute("UPDATE cluster_members SET terms = NULL, vector = NULL WHERE story_id = ? AND terms IS NOT NULL",
                       (story.id,))
        # Members with vectors are the last len(terms) ones (a closed story that takes a
        # syndicated copy reopens with that copy only).
        with_terms = dict(zip(story.members[len(story.members) - len(story.terms):], zip(story.terms, story.vectors)))
        for position, key in enumerate(story.members):
            if key in known:
                continue
            terms, vector = with_terms.get(key, (None, None))
            new_rows.append((key, story.id, position,
                             None if terms is None else json.dumps(terms, separators=(",", ":")),
                             None if vector is None else np.asarray(vector, dtype=np.float32).tobytes(),
                             np.asarray(clusterer.signatures[key], dtype=np.uint64).tobytes()))
    db.executemany("INSERT INTO cluster_members (key, story_id, position, terms, vector, signature) "
                   "VALUES (?, ?, ?, ?, ?, ?)", new_rows)
    saved = clusterer.stored_frequency
    changed = [(term, n) for term, n in clusterer.document_frequency.items() if saved.get(term) != n]
    db.executemany("INSERT INTO cluster_terms (term, documents) VALUES (?, ?) "
                   "ON CONFLICT(term) DO UPDATE SET documents = excluded.documents", changed)
    saved.update({term: n - saved.get(term, 0) for term, n in changed})


def save_clusterer_file(path: Path, clusterer: StoryClusterer) -> None:
    """Write a clusterer's state to an SQLite file (created if absent), in one transaction
    (`newsfuse cluster --state`)."""
    store = Store(path)
    try:
        with store.transaction():
            save_clusterer(store, clusterer)
    finally:
        store.close()


def load_clusterer_file(path: Path, encoder) -> StoryClusterer:
    store = Store(path)
    try:
        return load_clusterer(store, encoder)
    finally:
        store.close()
