"""`newsfuse follow` against a real HTTP server on loopback serving feeds and pages built from
the Ramadi articles (three outlets over four days), and against the shipped local example."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace

import httpx
import numpy as np
import pytest

from newsfuse.follow import FollowOptions, normalize_url, parse_every, read_feed_list, run_pass
from newsfuse.fetch import FetchPolicy
from newsfuse.pipeline import Pipeline
from newsfuse.select import LEXICAL_DUPLICATE, Words
from newsfuse.server import ServerSettings, create_app
from newsfuse.store import Store
from newsfuse.types import NewsfuseError, Sentence

from conftest import ROOT
from feedsite import Item, Site, page_html, ramadi_items, rss
from test_server import start_server

# Loopback is not a public address: the test site is allowed by network, so every other
# private address (a redirect to one, say) is still refused.
OPTIONS = FollowOptions(fetch=FetchPolicy(allowed_networks=("127.0.0.0/8",), timeout_s=2.0), delay_s=0.0)


def by_slug():
    return {item.slug: item for item in ramadi_items()}


def syndicated_copy(item: Item) -> Item:
    """The wire story as another outlet runs it: same text, its own page, title and footer."""
    return replace(item, slug="wire-copy", outlet="Gazette", title=item.title + " (AP)")


@pytest.fixture(scope="module")
def followed(tmp_path_factory, pipeline):
    """Two passes: Sunday's articles and a syndicated copy, then the rest of the week; then a
    third pass over unchanged feeds."""
    site = Site()
    items = by_slug()
    site.publish("/wire.xml", "The Wire", [items["ramadi-004"]])
    site.publish("/planet.xml", "Daily Planet", [items["ramadi-001"]])
    site.publish("/gazette.xml", "Gazette", [syndicated_copy(items["ramadi-004"])])
    sources = [f"{site.url}/wire.xml", f"{site.url}/planet.xml", f"{site.url}/gazette.xml"]
    store = Store(tmp_path_factory.mktemp("follow") / "news.db")
    first = run_pass(store, sources, pipeline, OPTIONS)
    after_first = {"hits": dict(site.hits), "versions": {r[0]: r[1] for r in store.db.execute(
        "SELECT story_id, max(version) FROM briefings GROUP BY story_id")}}
    site.publish("/wire.xml", "The Wire", [items["ramadi-004"], items["ramadi-000"]])
    site.publish("/planet.xml", "Daily Planet", [items["ramadi-001"], items["ramadi-003"], items["ramadi-002"]])
    second = run_pass(store, sources, pipeline, OPTIONS)
    hits_after_second = dict(site.hits)
    third = run_pass(store, sources, pipeline, OPTIONS)
    yield {"store": store, "site": site, "reports": (first, second, third), "after_first": after_first,
           "hits_after_second": hits_after_second}
    store.close()
    site.close()


def article(store, slug):
    return store.db.execute("SELECT * FROM articles WHERE url LIKE ?", (f"%/{slug}.html",)).fetchone()


def story_of(store, article_id):
    return store.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()[0]


def test_first_pass_stores_articles_and_links_the_syndicated_copy(followed):
    store, (first, _, _) = followed["store"], followed["reports"]
    assert (first.feeds, first.new_articles, first.copies, first.failures) == (3, 3, 1, [])
    original, copy = article(followed["store"], "ramadi-004"), article(store, "wire-copy")
    assert copy["duplicate_of"] == original["id"]
    assert story_of(store, copy["id"]) == story_of(store, original["id"])
    story = json.loads(store.briefing(story_of(store, original["id"]))["briefing"])
    # The copy is listed, not counted as a second report of the same text.
    assert [c["url"] for c in story["story"]["copies"]] == [copy["url"]]
    assert copy["url"] not in [d["url"] for d in story["documents"]]
    assert story["story"]["outlets"] == ["Daily Planet", "Gazette", "The Wire"]


def test_second_pass_fetches_only_new_items_and_unchanged_feeds_answer_304(followed):
    site, (_, second, third) = followed["site"], followed["reports"]
    assert second.new_articles == 3 and second.unchanged == 1 and not second.failures  # the Gazette did not change
    before, after = followed["after_first"]["hits"], followed["hits_after_second"]
    for slug in ("the-wire/ramadi-004", "daily-planet/ramadi-001", "gazette/wire-copy"):
        assert before[f"/{slug}.html"] == after[f"/{slug}.html"] == 1
    assert (third.feeds, third.unchanged, third.new_articles, third.stories_updated) == (3, 3, 0, 0)
    # The third pass asks for the three feeds (and robots.txt, read once a pass), no page.
    assert site.hits == {**after, "/wire.xml": after["/wire.xml"] + 1, "/planet.xml": after["/planet.xml"] + 1,
                         "/gazette.xml": after["/gazette.xml"] + 1, "/robots.txt": after["/robots.txt"] + 1}


def test_story_that_gained_articles_has_a_new_version_with_whats_new(followed):
    store = followed["store"]
    story_id = story_of(store, article(store, "ramadi-004")["id"])
    assert followed["after_first"]["versions"][story_id] == 1
    latest, previous = store.briefing(story_id), store.briefing(story_id, 1)
    assert latest["version"] == 2
    data, old = json.loads(latest["briefing"]), json.loads(previous["briefing"])
    new = data["whats_new"]
    assert new["since_version"] == 1 and new["sentences"]
    added = set(new["documents"])
    assert added and all(data["documents"][i]["url"] not in [d["url"] for d in old["documents"]] for i in added)
    # Every sentence cites an article added since, first its own.
    assert all(s["citations"] and set(s["citations"]) & added for s in new["sentences"])
    # None repeats the previous version (the selection's lexical redundancy test).
    said = [Sentence(s["text"], -1, 0) for s in old["sentences"]]
    fresh = [Sentence(s["text"], 0, 0) for s in new["sentences"]]
    vectors = Words.of(said + fresh).tfidf(np.arange(len(said) + len(fresh)))
    similarity = (vectors[len(said):] @ vectors[:len(said)].T).toarray()
    assert similarity.max() < LEXICAL_DUPLICATE
    # Document indices (citation numbers) are stable from one version to the next.
    assert [d["url"] for d in data["documents"][:len(old["documents"])]] == [d["url"] for d in old["documents"]]


def test_one_outlet_story_is_marked(tmp_path, pipeline):
    site = Site()
    site.publish("/planet.xml", "Daily Planet", [by_slug()["ramadi-003"]])
    store = Store(tmp_path / "one.db")
    report = run_pass(store, [f"{site.url}/planet.xml"], Pipeline(), OPTIONS)
    site.close()
    assert report.stories_updated == 1
    data = json.loads(store.briefing(0)["briefing"])
    assert data["story"]["one_outlet"] and data["whats_new"] is None and data["sentences"]


def test_bad_feeds_and_pages_are_reported_and_skipped(tmp_path):
    site = Site()
    good = by_slug()["ramadi-001"]

    def trickle(handler):  # headers at once, then the body a little at a time: past the total time cap
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(12):
                handler.wfile.write(b"<p>" + b"slow words " * 50 + b"</p>")
                handler.wfile.flush()
                time.sleep(0.25)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            pass

    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /private/\n")
    site.routes["/big.html"] = (200, {"Content-Type": "text/html"}, b"<html><p>" + b"x" * (6 * 1024 * 1024) + b"</p></html>")
    site.routes["/slow.html"] = trickle
    site.routes["/to-metadata.html"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    site.routes["/private/page.html"] = page_html(good)
    site.routes["/broken.xml"] = (200, {"Content-Type": "application/rss+xml"}, b"<html><body>Service moved</body></html>")
    site.routes["/down.xml"] = (503, {}, b"")
    bad = [(good, site.url + path) for path in ("/missing.html", "/big.html", "/slow.html", "/to-metadata.html",
                                                "/private/page.html")]
    bad.append((good, "file:///etc/passwd"))
    site.routes["/mixed.xml"] = rss("Mixed", [(good, f"{site.url}/good.html"), *bad])
    site.routes["/good.html"] = page_html(good)
    store = Store(tmp_path / "bad.db")
    sources = [f"{site.url}/{name}.xml" for name in ("mixed", "broken", "down")]
    report = run_pass(store, sources, Pipeline(), OPTIONS)
    site.close()
    problems = "\n".join(report.failures)
    assert report.new_articles == 1 and report.stories_updated == 1, problems
    expected = [
        "/missing.html: the server answered HTTP 404",
        "/big.html: page larger than 5120 KiB",
        "/slow.html: download took longer than 2 s",
        "refused, 169.254.169.254 resolves to the non-public address 169.254.169.254",
        "/private/page.html: robots.txt of 127.0.0.1 disallows fetching it",
        "/passwd: file: links are only followed from local feeds",
        "/broken.xml: not an RSS or Atom feed",
        "/down.xml: the server answered HTTP 503",
    ]
    for message in expected:
        assert message in problems
    assert "Traceback" not in problems and len(report.failures) == len(expected), problems
    assert store.failed_attempts(f"{site.url}/missing.html") == 1
    assert store.db.execute("SELECT status FROM feeds WHERE url LIKE '%down.xml'").fetchone()[0] == "failed"


def test_private_addresses_are_refused_without_the_option(tmp_path):
    site = Site()
    site.publish("/wire.xml", "The Wire", [by_slug()["ramadi-004"]])
    store = Store(tmp_path / "n.db")
    strict = FollowOptions(delay_s=0.0)
    report = run_pass(store, [f"{site.url}/wire.xml"], Pipeline(), strict)
    assert report.new_articles == 0 and "non-public address 127.0.0.1" in report.failures[0]
    allowed = run_pass(store, [f"{site.url}/wire.xml"], Pipeline(), replace(strict, fetch=FetchPolicy(allow_private=True)))
    site.close()
    assert allowed.new_articles == 1 and not allowed.failures


def test_sources_from_text_and_opml_and_urls_normalised(tmp_path):
    (tmp_path / "local.xml").write_bytes(rss("Local", []))
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttps://a.example/feed.xml\n\nlocal.xml\nhttps://a.example/feed.xml\n")
    assert read_feed_list(listing) == ["https://a.example/feed.xml", (tmp_path / "local.xml").as_uri()]
    opml = tmp_path / "export.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
                    '<outline type="rss" text="A" xmlUrl="https://a.example/feed.xml"/>'
                    '<outline type="rss" text="B" xmlUrl="https://b.example/rss"/></outline></body></opml>')
    assert read_feed_list(opml) == ["https://a.example/feed.xml", "https://b.example/rss"]
    (tmp_path / "empty.txt").write_text("# nothing yet\n")
    with pytest.raises(NewsfuseError, match="empty.txt: no feed URLs"):
        read_feed_list(tmp_path / "empty.txt")
    assert normalize_url("HTTPS://News.Example:443/a/b?id=7&utm_source=rss#top") == "https://news.example/a/b?id=7"
    assert parse_every("15m") == 900 and parse_every("2h") == 7200
    with pytest.raises(NewsfuseError, match="--every 'soon'"):
        parse_every("soon")


def newsfuse(*args, timeout=180):
    return subprocess.run([sys.executable, "-m", "newsfuse", *args], capture_output=True, text=True, timeout=timeout)


def test_readme_example_follows_local_feeds_and_reads_stories(tmp_path):
    db = str(tmp_path / "news.db")
    result = newsfuse("follow", str(ROOT / "examples" / "feeds" / "feeds.txt"), "--db", db, "--fast")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("3 feeds read (0 unchanged), 5 new articles")
    listing = newsfuse("stories", "--db", db)
    assert listing.returncode == 0 and "Ramadi" in listing.stdout
    story_id = listing.stdout.splitlines()[1].split()[0]
    for fmt, marker in (("text", "Briefing\n===="), ("md", "## Briefing"), ("html", "<h2>Briefing</h2>"),
                        ("json", '"whats_new": null')):
        shown = newsfuse("story", story_id, "--db", db, "--format", fmt)
        assert shown.returncode == 0 and marker in shown.stdout, shown.stderr
    missing = newsfuse("story", "999", "--db", db)
    assert missing.returncode == 2 and "no story 999" in missing.stderr


def test_stories_api_and_openapi(followed, pipeline):
    store = followed["store"]
    server, url = start_server(create_app(pipeline, ServerSettings(stories_db=str(store.path))))
    try:
        listing = httpx.get(f"{url}/v1/stories").json()["stories"]
        assert listing[0]["outlets"] == 3 and listing[0]["version"] == 2
        story = httpx.get(f"{url}/v1/stories/{listing[0]['id']}").json()
        assert story["whats_new"]["sentences"] and story["story"]["versions"] == 2
        assert httpx.get(f"{url}/v1/stories/{listing[0]['id']}?version=1").json()["whats_new"] is None
        missing = httpx.get(f"{url}/v1/stories/999")
        assert missing.status_code == 404 and "story 999" in missing.json()["error"]
        paths = httpx.get(f"{url}/openapi.json").json()["paths"]
        assert "/v1/stories" in paths and "/v1/stories/{story_id}" in paths
        page = httpx.get(f"{url}/stories")
        assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
        assert "http" not in page.text.replace("http-equiv", "")  # no external assets
        assert httpx.get(f"{url}/static/stories.js").status_code == 200
    finally:
        server.should_exit = True


def test_killed_passes_lose_nothing_committed_and_the_next_pass_completes(tmp_path):
    """SIGKILL at random points of a pass (a slow site makes the pass last a few seconds),
    then a pass that runs to the end: no duplicate, nothing committed lost, a sound file."""
    site = Site()
    site.delay_s = 0.12
    items = ramadi_items()
    site.publish("/wire.xml", "The Wire", [i for i in items if i.outlet == "The Wire"])
    site.publish("/planet.xml", "Daily Planet", [i for i in items if i.outlet != "The Wire"])
    site.publish("/gazette.xml", "Gazette", [syndicated_copy(items[4])])
    sources = tmp_path / "feeds.txt"
    sources.write_text("\n".join(f"{site.url}/{n}.xml" for n in ("wire", "planet", "gazette")) + "\n")
    db = tmp_path / "news.db"
    command = [sys.executable, "-m", "newsfuse", "follow", str(sources), "--db", str(db), "--fast",
               "--allow-private-urls", "--delay", "0"]
    rng = random.Random(15)
    committed: set[str] = set()
    for _ in range(4):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if db.exists():
            with sqlite3.connect(db) as check:
                assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                urls = {r[0] for r in check.execute("SELECT url FROM articles")}
            assert committed <= urls
            committed = urls
    final = subprocess.run(command, capture_output=True, text=True, timeout=180)
    site.close()
    assert final.returncode == 0, final.stderr
    store = Store(db)
    urls = [r[0] for r in store.db.execute("SELECT url FROM articles")]
    assert committed <= set(urls) and len(urls) == len(set(urls)) == 6
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.db.execute("SELECT count(*) FROM articles WHERE state = 'new'").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 6
    assert store.db.execute("SELECT count(*) FROM cluster_members").fetchone()[0] == 6
    assert store.db.execute("SELECT count(*) FROM stories WHERE pending = 1 OR id NOT IN "
                            "(SELECT story_id FROM briefings)").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] == 1


def test_progress_phases_are_reported_in_order(tmp_path):
    site = Site()
    site.publish("/wire.xml", "The Wire", [by_slug()["ramadi-004"]])
    site.publish("/planet.xml", "Daily Planet", [by_slug()["ramadi-001"]])
    seen = []
    report = run_pass(Store(tmp_path / "p.db"), [f"{site.url}/wire.xml", f"{site.url}/planet.xml"], Pipeline(),
                      OPTIONS, progress=lambda phase, done, total: seen.append((phase, done, total)))
    site.close()
    n = report.stories_updated
    assert n >= 1 and seen == [("feeds", 0, 2), ("feeds", 1, 2), ("feeds", 2, 2), ("clustering", 0, 1),
                               ("clustering", 1, 1), *[("briefings", i, n) for i in range(n + 1)]]


def test_terminal_shows_bars_and_an_interrupted_pass_still_prints_its_summary(tmp_path):
    """On a terminal (a pty as stderr) the phases show as bars; Ctrl-C half-way through a
    pass prints the summary line of what was stored, and says the pass stopped."""
    import pty

    site = Site()
    site.publish("/wire.xml", "The Wire", [i for i in ramadi_items() if i.outlet == "The Wire"])
    site.publish("/planet.xml", "Daily Planet", [i for i in ramadi_items() if i.outlet != "The Wire"])
    planet = site.routes["/planet.xml"]
    interrupted = threading.Event()

    def slow_planet(handler):  # the pass is surely still running when Ctrl-C comes, however loaded the machine
        interrupted.wait(60)
        return planet

    site.routes["/planet.xml"] = slow_planet
    sources = tmp_path / "feeds.txt"
    sources.write_text(f"{site.url}/wire.xml\n{site.url}/planet.xml\n")
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "newsfuse", "follow", str(sources), "--db", str(tmp_path / "n.db"),
                                "--fast", "--allow-private-urls", "--delay", "0"],
                               stdout=subprocess.PIPE, stderr=follower, text=True, env={**os.environ, "COLUMNS": "100"},
                               # a user's Ctrl-C, even where the test itself runs with SIGINT ignored (a background job)
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    os.close(follower)
    terminal = b""
    deadline = time.time() + 60
    while b"1/2" not in terminal and time.time() < deadline:  # the first feed is read; the second is slow
        terminal += os.read(leader, 4096)
    process.send_signal(signal.SIGINT)
    threading.Timer(1.0, interrupted.set).start()  # the slow feed answers only once Ctrl-C was sent
    stdout, _ = process.communicate(timeout=60)
    os.close(leader)
    site.close()
    assert b"feeds" in terminal and b"1/2" in terminal
    assert process.returncode == 130
    assert "feeds read" in stdout and "pass stopped before its end" in stdout, stdout
