import sqlite3

import pytest

from newsfuse.store import (SCHEMA_VERSION, Store, load_clusterer, load_clusterer_file, save_clusterer,
                            save_clusterer_file)
from newsfuse.stories import StoryClusterer
from newsfuse.types import NewsfuseError

from test_stories import articles


def test_new_database_is_versioned_and_in_wal_mode(tmp_path):
    store = Store(tmp_path / "n.db")
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    Store(tmp_path / "n.db").close()  # opening again migrates nothing and keeps the data


def test_older_schema_is_migrated_and_newer_or_foreign_files_are_refused(tmp_path):
    old = tmp_path / "old.db"
    sqlite3.connect(old).close()  # an empty file: version 0
    assert Store(old).db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION

    newer = tmp_path / "newer.db"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(NewsfuseError, match="newer newsfuse"):
        Store(newer)

    foreign = tmp_path / "foreign.db"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE accounts (id INTEGER)")
    db.close()
    with pytest.raises(NewsfuseError, match="not a newsfuse database"):
        Store(foreign)

    text = tmp_path / "notes.db"
    text.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(NewsfuseError, match="notes.db: not a newsfuse database"):
        Store(text)

    with pytest.raises(NewsfuseError, match="no such database"):
        Store(tmp_path / "absent.db", readonly=True)


def test_a_failed_transaction_leaves_nothing(tmp_path):
    store = Store(tmp_path / "n.db")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.db.execute("INSERT INTO feeds (url) VALUES ('http://a.example/feed')")
            raise RuntimeError("killed half-way")
    assert store.counts()["feeds"] == 0


def test_one_row_per_canonical_url(tmp_path):
    store = Store(tmp_path / "n.db")
    first, created = store.add_article(["http://a.example/x?utm=1"], "http://a.example/x", None, "A", "T", "", "text")
    again, created_again = store.add_article(["http://a.example/amp/x"], "http://a.example/x", None, "A", "T", "", "text")
    assert created and not created_again and first == again
    assert store.counts()["articles"] == 1
    assert store.article_of_link("http://a.example/amp/x") == first


def test_clusterer_state_round_trip_matches_one_clusterer_in_memory(tmp_path):
    stream = articles()
    first, later = stream[:3], stream[3:]
    in_memory = StoryClusterer(None)
    in_memory.add(first)
    expected = in_memory.add(later)

    store = Store(tmp_path / "n.db")
    with store.transaction():
        clusterer = load_clusterer(store, None)
        clusterer.add(first)
        save_clusterer(store, clusterer)
    with store.transaction():
        resumed = load_clusterer(store, None)
        assert resumed.document_frequency == clusterer.document_frequency
        assert resumed.story_of == clusterer.story_of
        assert resumed.add(later) == expected
        save_clusterer(store, resumed)
    again = load_clusterer(store, None)
    assert again.story_of == in_memory.story_of
    assert again.document_frequency == in_memory.document_frequency
    assert again.documents == in_memory.documents


def test_clusterer_file_is_sqlite_not_pickle_and_refuses_another_encoder(encoder, tmp_path):
    path = tmp_path / "state"
    clusterer = StoryClusterer(encoder)
    clusterer.add(articles())
    save_clusterer_file(path, clusterer)
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert load_clusterer_file(path, encoder).story_of == clusterer.story_of
    with pytest.raises(NewsfuseError, match="same --fast"):
        load_clusterer_file(path, None)
