"""News sites for the follow tests, built from real articles: RSS feeds and article pages,
served by a real HTTP server on loopback (http.server in a thread) or written as files.

`python tests/feedsite.py examples/feeds` writes the shipped example (local feeds with
relative links, read through file: URLs).
"""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import http.server
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAMADI = ROOT / "examples" / "ramadi"


@dataclass(frozen=True)
class Item:
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    outlet: str
    published: dt.datetime


def article_parts(text: str) -> tuple[str, tuple[str, ...]]:
    """Title (a short first line without a full stop) and paragraphs of a plain-text article."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n") if b.strip()]
    title = blocks[0] if len(blocks[0].split()) <= 25 and not blocks[0].endswith((".", '"', "”")) else ""
    return title or blocks[0][:80], tuple(blocks[1:] if title else blocks)


def ramadi_items() -> list[Item]:
    """The Ramadi example as three outlets over four days (the city falls on Sunday 17 May
    2015, militias gather on the 18th, IS presses east on the 20th)."""
    plan = [("000_1ef04b339c3ba576.txt", "The Wire", 20), ("001_50a85e9e3df0fe24.txt", "Daily Planet", 17),
            ("002_328267cee0c06e12.txt", "Gazette", 18), ("003_dacab0c8f8c5c914.txt", "Daily Planet", 18),
            ("004_894c021ee41a0ef1.txt", "The Wire", 17)]
    items = []
    for name, outlet, day in plan:
        title, paragraphs = article_parts((RAMADI / name).read_text(encoding="utf-8"))
        items.append(Item(f"ramadi-{name[:3]}", title, paragraphs, outlet,
                          dt.datetime(2015, 5, day, 9 + len(items), tzinfo=dt.timezone.utc)))
    return items


def page_html(item: Item, canonical: str = "") -> bytes:
    esc = html.escape
    paragraphs = "\n".join(f"<p>{esc(p)}</p>" for p in item.paragraphs)
    link = f'<link rel="canonical" href="{esc(canonical)}">' if canonical else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(item.title)} | {esc(item.outlet)}</title>{link}
<meta property="og:site_name" content="{esc(item.outlet)}">
<meta property="article:published_time" content="{item.published.isoformat()}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{esc(item.title)}</h1>
{paragraphs}
</article><footer>Copyright {esc(item.outlet)}</footer></body></html>
""".encode()


def rss(title: str, entries: list[tuple[Item, str]]) -> bytes:
    """An RSS 2.0 feed of (item, link) pairs."""
    esc = html.escape
    items = "\n".join(
        f"<item><title>{esc(item.title)}</title><link>{esc(link)}</link><guid>{esc(link)}</guid>"
        f"<pubDate>{email.utils.format_datetime(item.published)}</pubDate></item>" for item, link in entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{esc(title)}</title><link>http://example.invalid/</link>
<description>{esc(title)}</description>
{items}
</channel></rss>
""".encode()


class Site:
    """A real HTTP server on 127.0.0.1. `routes[path]` is bytes (200, with an ETag: a request
    with a matching If-None-Match gets 304), or a tuple (status, headers, body), or a callable
    handler → such a tuple. `hits[path]` counts requests."""

    def __init__(self):
        self.routes: dict[str, object] = {}
        self.hits: dict[str, int] = {}
        self.delay_s = 0.0  # before every answer (a slow site)
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                path = self.path.split("?", 1)[0]
                site.hits[path] = site.hits.get(path, 0) + 1
                if site.delay_s:
                    time.sleep(site.delay_s)
                route = site.routes.get(path)
                if callable(route):
                    route = route(self)
                    if route is None:  # the handler answered itself
                        return
                if route is None:
                    status, headers, body = 404, {}, b"not found"
                elif isinstance(route, bytes):
                    etag = '"' + hashlib.sha1(route).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        status, headers, body = 304, {"ETag": etag}, b""
                    else:
                        kind = "application/rss+xml" if route.lstrip().startswith(b"<?xml") else "text/html; charset=utf-8"
                        status, headers, body = 200, {"ETag": etag, "Content-Type": kind}, route
                else:
                    status, headers, body = route
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    try:
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, feed_path: str, title: str, items: list[Item]) -> None:
        """A feed at `feed_path` listing `items`, each page at /<outlet>/<slug>.html."""
        entries = []
        for item in items:
            path = f"/{item.outlet.lower().replace(' ', '-')}/{item.slug}.html"
            self.routes[path] = page_html(item, canonical=self.url + path)
            entries.append((item, self.url + path))
        self.routes[feed_path] = rss(title, entries)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def write_example(folder: Path) -> None:
    """Local feeds, one per outlet, with relative links to the pages beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pages").mkdir(exist_ok=True)
    items = ramadi_items()
    feeds = {}
    for item in items:
        (folder / "pages" / f"{item.slug}.html").write_bytes(page_html(item))
        feeds.setdefault(item.outlet, []).append((item, f"pages/{item.slug}.html"))
    names = []
    for outlet, entries in feeds.items():
        name = outlet.lower().replace(" ", "-") + ".xml"
        (folder / name).write_bytes(rss(outlet, entries))
        names.append(name)
    (folder / "feeds.txt").write_text("# One feed a line: a URL, or a path relative to this file (a local feed).\n"
                                      + "\n".join(names) + "\n")


if __name__ == "__main__":
    write_example(Path(sys.argv[1]))
