"""`newsfuse follow`: read feeds, store new articles, group them into stories, keep a briefing
of every story up to date.

A pass has three phases, each resumable from what the store holds, so a pass killed at any
point is finished by the next one:
1. fetch: every feed (conditional GET), then every item page not seen before; each article
   is committed on its own, and a feed's ETag / Last-Modified only once all its items are
   stored (a feed read half-way is read again);
2. cluster: the articles not yet in a story join one (or start one), in one transaction with
   the clusterer's state; a syndicated copy is linked to the earlier article (`duplicate_of`);
3. brief: every story that gained an article gets a new briefing version, with "What's new"
   since the previous one (`updates.whats_new`), each version in its own transaction.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from newsfuse.fetch import Fetcher, FetchPolicy
from newsfuse.ingest import decode, document_from_text, extract_html, looks_like_html, read_file_bytes
from newsfuse.pipeline import Pipeline
from newsfuse.render import to_dict
from newsfuse.select import Budget
from newsfuse.store import Store, load_clusterer, now, save_clusterer
from newsfuse.stories import Article
from newsfuse.types import Cluster, Document, NewsfuseError
from newsfuse.updates import whats_new

TRACKING_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.IGNORECASE)


@dataclass(frozen=True)
class FollowOptions:
    fetch: FetchPolicy = FetchPolicy()
    delay_s: float = 1.0  # between two requests to one host
    words: int = 250  # briefing budget
    max_attempts: int = 3  # a page that failed in this many passes is not tried again


@dataclass
class PassReport:
    feeds: int = 0
    unchanged: int = 0
    new_articles: int = 0
    copies: int = 0
    stories_updated: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    network_s: float = 0.0

    def line(self) -> str:
        return (f"{self.feeds} feeds read ({self.unchanged} unchanged), {self.new_articles} new articles "
                f"({self.copies} syndicated copies), {self.stories_updated} stories updated, "
                f"{len(self.failures)} failures; {self.seconds:.1f} s")


# ---------------------------------------------------------------- sources and URLs


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs from a text file (one a line, '#' comments) or an OPML file (what feed
    readers export). A path instead of a URL is relative to the SOURCES file (a local feed)."""
    text = decode(read_file_bytes(path), str(path))
    if "<opml" in text[:2000].lower():
        try:
            root = ElementTree.fromstring(text.encode("utf-8"))
        except ElementTree.ParseError as exc:
            raise NewsfuseError(f"{path}: not a valid OPML file ({exc})") from None
        entries = [o.get("xmlUrl") or o.get("xmlurl") for o in root.iter("outline")]
        entries = [e.strip() for e in entries if e and e.strip()]
    else:
        entries = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not entries:
        raise NewsfuseError(f"{path}: no feed URLs (expected one URL a line, or an OPML file)")
    urls = []
    for entry in entries:
        if urlsplit(entry).scheme in ("http", "https", "file"):
            urls.append(entry)
        else:
            urls.append((path.parent / entry).resolve().as_uri())
    return list(dict.fromkeys(urls))


def normalize_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no
    tracking parameters."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port in (None, 80 if scheme == "http" else 443) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMETERS.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def iso_time(parsed: time.struct_time | None) -> str:
    if not parsed:
        return ""
    return dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Page:
    text: str
    title: str
    published: str
    canonical: str
    sitename: str


def extract_page(body: bytes, url: str) -> Page:
    """Article text, title, date, canonical URL and site name of a fetched page (trafilatura,
    one parse). A canonical URL is believed only on the page's own host."""
    text = decode(body, url)
    if not looks_like_html(text):
        document = document_from_text(text, url)
        return Page(document.text, document.title, "", url, "")
    page = extract_html(text, url, url)
    canonical, claimed = url, page["url"]
    if claimed and urlsplit(claimed).scheme in ("http", "https") and \
            (urlsplit(claimed).hostname or "").lower() == (urlsplit(url).hostname or "").lower():
        canonical = claimed
    return Page(page["text"], page["title"], page["date"], canonical, page["sitename"])


# ---------------------------------------------------------------- a pass


Progress = Callable[[str, int, int], None]  # (phase, done, total): a bar on a terminal (cli.py)


def run_pass(store: Store, sources: list[str], pipeline: Pipeline, options: FollowOptions = FollowOptions(),
             progress: Progress | None = None, report: PassReport | None = None) -> PassReport:
    """One pass: fetch, cluster, brief. `report` (a new one by default) is filled as the pass
    goes, so a caller whose pass stops half-way still holds what was done."""
    report = report if report is not None else PassReport()
    started = time.perf_counter()
    update = progress or (lambda phase, done, total: None)
    fetcher = Fetcher(options.fetch, options.delay_s)
    try:
        update("feeds", 0, len(sources))
        for number, url in enumerate(sources, start=1):
            read_feed(store, fetcher, url, options, report)
            update("feeds", number, len(sources))
        report.network_s = fetcher.network_s
        update("clustering", 0, 1)
        cluster_new_articles(store, pipeline, report)
        update("clustering", 1, 1)
        brief_pending_stories(store, pipeline, Budget(words=options.words), report, update)
    finally:
        fetcher.close()
        report.seconds = time.perf_counter() - started
    return report


def read_feed(store: Store, fetcher: Fetcher, url: str, options: FollowOptions, report: PassReport) -> None:
    import feedparser

    feed = store.feed(url)

    def failed(message: str) -> None:
        report.failures.append(message)
        with store.transaction():
            store.db.execute("UPDATE feeds SET checked_at = ?, status = 'failed', error = ? WHERE id = ?",
                             (now(), message, feed["id"]))

    local = urlsplit(url).scheme == "file"  # the user's own feed: its file: links may be read
    try:
        response = fetcher.get(url, feed["etag"], feed["last_modified"], local=True)
    except NewsfuseError as exc:
        return failed(str(exc))
    report.feeds += 1
    if response.status == 304:
        report.unchanged += 1
        with store.transaction():
            store.db.execute("UPDATE feeds SET checked_at = ?, status = 'unchanged', error = '' WHERE id = ?",
                             (now(), feed["id"]))
        return
    parsed = feedparser.parse(response.body)  # relative links are joined below (feedparser mangles file: URLs)
    if not parsed.entries and not parsed.get("version"):  # feedparser names the format it recognised
        problem = parsed.get("bozo_exception") or "no RSS or Atom elements"
        return failed(f"{url}: not an RSS or Atom feed ({problem})")
    outlet = parsed.feed.get("title") or urlsplit(url).hostname or Path(urlsplit(url).path).stem
    for entry in parsed.entries:
        if not entry.get("link"):
            report.failures.append(f"{url}: an item without a link ({entry.get('title', '')[:60]!r}) skipped")
            continue
        link = normalize_url(urljoin(response.url, entry["link"]))
        if store.article_of_link(link) is not None or store.failed_attempts(link) >= options.max_attempts:
            continue
        try:
            page = fetcher.get(link, local=local)
            extracted = extract_page(page.body, page.url)
        except NewsfuseError as exc:
            report.failures.append(str(exc))
            store.record_failure(link, str(exc))
            continue
        published = (iso_time(entry.get("published_parsed") or entry.get("updated_parsed"))
                     or extracted.published or now())
        _, created = store.add_article(
            links=[link, normalize_url(page.url)], url=normalize_url(extracted.canonical), feed_id=feed["id"],
            outlet=extracted.sitename or outlet, title=extracted.title or entry.get("title", ""),
            published=published, text=extracted.text)
        report.new_articles += created
    with store.transaction():
        store.db.execute("UPDATE feeds SET title = ?, etag = ?, last_modified = ?, checked_at = ?, status = 'ok', "
                         "error = '' WHERE id = ?",
                         (parsed.feed.get("title", ""), response.etag, response.last_modified, now(), feed["id"]))


def cluster_new_articles(store: Store, pipeline: Pipeline, report: PassReport) -> None:
    """Put every article not yet in a story into one, all in one transaction."""
    with store.transaction():
        rows = store.db.execute("SELECT id, url, title, text, published, fetched_at FROM articles "
                                "WHERE state = 'new' ORDER BY id").fetchall()
        if not rows:
            return
        clusterer = load_clusterer(store, pipeline.encoder)
        assigned = clusterer.add([Article(id=str(r["id"]), text=r["text"], title=r["title"], url=r["url"],
                                          published=r["published"] or r["fetched_at"]) for r in rows])
        stamp = now()
        for key, story_id in assigned.items():
            store.db.execute("INSERT OR IGNORE INTO stories (id, created_at, updated_at) VALUES (?, ?, ?)",
                             (story_id, stamp, stamp))
            store.db.execute("INSERT INTO story_articles (article_id, story_id, added_at) VALUES (?, ?, ?)",
                             (int(key), story_id, stamp))
            original = clusterer.duplicates.get(key)
            if original is not None:
                # Link to the first article of the chain: a copy of a copy is a copy of the original.
                root = store.db.execute("SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?",
                                        (int(original),)).fetchone()[0]
                store.db.execute("UPDATE articles SET state = 'clustered', duplicate_of = ? WHERE id = ?",
                                 (root, int(key)))
                store.db.execute("UPDATE stories SET updated_at = ? WHERE id = ?", (stamp, story_id))
                report.copies += 1
            else:
                store.db.execute("UPDATE articles SET state = 'clustered' WHERE id = ?", (int(key),))
                store.db.execute("UPDATE stories SET updated_at = ?, pending = 1 WHERE id = ?", (stamp, story_id))
        for key in clusterer.skipped:
            store.db.execute("UPDATE articles SET state = 'skipped' WHERE id = ?", (int(key),))
            report.failures.append(f"article {key} ({store.db.execute('SELECT url FROM articles WHERE id = ?', (int(key),)).fetchone()[0]}): "
                                   "no article text after cleaning; not put in a story")
        save_clusterer(store, clusterer)


def brief_pending_stories(store: Store, pipeline: Pipeline, budget: Budget, report: PassReport,
                          update: Progress) -> None:
    pending = [r[0] for r in store.db.execute("SELECT id FROM stories WHERE pending = 1 ORDER BY id")]
    update("briefings", 0, len(pending))
    for number, story_id in enumerate(pending, start=1):
        try:
            articles, data = story_briefing(store, story_id, pipeline, budget)
        except NewsfuseError as exc:
            report.failures.append(f"story {story_id}: no briefing ({exc})")
            with store.transaction():
                store.db.execute("UPDATE stories SET pending = 0 WHERE id = ?", (story_id,))
            update("briefings", number, len(pending))
            continue
        with store.transaction():
            version = store.db.execute("SELECT coalesce(max(version), 0) + 1 FROM briefings WHERE story_id = ?",
                                       (story_id,)).fetchone()[0]
            data["story"]["version"] = version
            store.db.execute("INSERT INTO briefings (story_id, version, created_at, articles, briefing) "
                             "VALUES (?, ?, ?, ?, ?)", (story_id, version, now(), json.dumps(articles),
                                                        json.dumps(data, ensure_ascii=False)))
            store.db.execute("UPDATE stories SET pending = 0, headline = ? WHERE id = ?",
                             (data["story"]["headline"], story_id))
        report.stories_updated += 1
        update("briefings", number, len(pending))


def story_briefing(store: Store, story_id: int, pipeline: Pipeline, budget: Budget) -> tuple[list[int], dict]:
    """The next briefing of a story: the pipeline over its articles (syndicated copies left
    out: they would count one report as several), with What's new since the last version."""
    rows = store.story_articles(story_id)
    originals = [r for r in rows if r["duplicate_of"] is None]
    if not originals:
        raise NewsfuseError("every article is a copy of an article of another story")
    # Articles in the order they joined: a document keeps its index (its citation number)
    # from one version to the next.
    documents = tuple(Document(text=r["text"], title=r["title"], source=r["outlet"] or r["url"], url=r["url"],
                               published=r["published"]) for r in originals)
    cluster = Cluster(documents, id=f"story-{story_id}")
    briefing = pipeline.run(cluster, budget)
    data = to_dict(briefing, timings=False)
    outlets = sorted({r["outlet"] or urlsplit(r["url"]).hostname or "" for r in rows})
    lead = briefing.sentences[0].sentence.document if briefing.sentences else 0
    headline = documents[lead].title or next((d.title for d in documents if d.title), "") or briefing.summary[:100]
    data["story"] = {
        "id": story_id, "headline": headline, "outlets": outlets, "one_outlet": len(outlets) == 1,
        "articles": len(rows),
        "copies": [{"url": r["url"], "outlet": r["outlet"], "copy_of": r["duplicate_of"]}
                   for r in rows if r["duplicate_of"] is not None],
    }
    previous = store.briefing(story_id)
    data["whats_new"] = None
    if previous is not None:
        before = set(json.loads(previous["articles"]))
        new = {i for i, r in enumerate(originals) if r["id"] not in before}
        old = json.loads(previous["briefing"])
        sentences = whats_new(cluster, new, [s["text"] for s in old["sentences"]], pipeline.encoder)
        known = {d["description"] for d in old["disagreements"]}
        data["whats_new"] = {
            "since_version": previous["version"],
            "documents": sorted(new),
            "sentences": [{"text": s.sentence.text, "citations": list(s.cited_documents),
                           "supports": [{"document": c.document, "text": c.text, "similarity": c.similarity}
                                        for c in s.citations]} for s in sentences],
            "disagreements": [d for d in data["disagreements"] if d["description"] not in known
                              and any(i in new for s in d["statements"] for i in s["documents"])],
        }
    return [r["id"] for r in originals], data


# ---------------------------------------------------------------- the command


def parse_every(text: str) -> float:
    """'15m', '1h', '30s' or plain seconds → seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match:
        raise NewsfuseError(f"--every {text!r}: expected a duration such as 30s, 15m, 2h or 1d")
    seconds = float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match[2]]
    if seconds < 1:
        raise NewsfuseError(f"--every {text!r}: must be at least one second")
    return seconds


def follow(sources_path: Path, db_path: Path, pipeline: Pipeline, options: FollowOptions,
           every_s: float | None, echo: Callable[[str], None], progress: Progress | None = None) -> int:
    """One pass (or one every `every_s` seconds until interrupted); returns the exit status:
    0, or 1 when something was skipped in the last pass. The summary line is printed after
    every pass, also one that stopped half-way (an error, Ctrl-C): it says what was stored."""
    store = Store(db_path)
    try:
        while True:
            sources = read_feed_list(sources_path)  # read each time: the user may edit it
            started = time.monotonic()
            report = PassReport()
            try:
                run_pass(store, sources, pipeline, options, progress, report)
            except BaseException:
                echo(report.line() + " (pass stopped before its end; the next pass goes on from what was stored)")
                raise
            for failure in report.failures:
                print(f"newsfuse: skipped {failure}", file=sys.stderr)
            echo(report.line())
            if every_s is None:
                return 1 if report.failures else 0
            time.sleep(max(0.0, every_s - (time.monotonic() - started)))
    finally:
        store.close()
