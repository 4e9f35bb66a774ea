"""The web page in a real browser: Debian's chromium driven by Playwright."""
import os
import shutil

import pytest

from newsfuse.server import ServerSettings, create_app

from conftest import RAMADI, ROOT
from test_server import start_server

CHROMIUM = os.environ.get("NEWSFUSE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"{CHROMIUM} not installed (apt-get install chromium)")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(pipeline):
    server, url = start_server(create_app(pipeline, ServerSettings()))
    yield url
    server.should_exit = True


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        yield browser
        browser.close()


def test_paste_ramadi_and_read_a_cited_briefing(site, browser):
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site)
    texts = [p.read_text() for p in sorted(RAMADI.iterdir())]
    page.fill("textarea.article >> nth=0", texts[0])
    page.fill("textarea.article >> nth=1", "\n|||||\n".join(texts[1:]))
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])", timeout=60_000)

    summary = page.inner_text("#summary")
    assert "Ramadi" in summary
    title = page.inner_text("#title")
    assert title != "Briefing" and any(title in text for text in texts)  # the headline, verbatim from a source
    cites = page.locator("#summary .cite")
    assert cites.count() >= 5
    assert page.locator("#sources li").count() == 5
    assert "Where sources differ" in page.inner_text("body")
    assert "Palmyra" in page.inner_text("#differences")

    cites.first.click()
    assert page.is_visible("#evidence")
    assert page.locator("#evidence-list li").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-ramadi.png"), full_page=True)
    assert not errors


def test_article_html_renders_as_text_not_markup(site, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site)
    hostile = ('The council said <script>alert("xss")</script> was posted on its website on Monday morning. '
               'Officials found <img src=x onerror="alert(1)"> in a comment on the council website on Monday.')
    page.fill("textarea.article >> nth=0", hostile)
    page.fill("textarea.article >> nth=1", hostile.replace("council", "city council"))
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])", timeout=60_000)
    assert page.locator("#summary script").count() == 0
    assert page.locator("#summary img").count() == 0
    assert "<script>" in page.inner_text("#summary") or "<img" in page.inner_text("#summary")
    page.wait_for_timeout(300)
    assert dialogs == []


def test_error_message_shown_for_empty_input(site, browser):
    page = browser.new_page()
    page.goto(site)
    page.click("#submit")
    assert "at least one article" in page.inner_text("#status")


@pytest.fixture(scope="module")
def followed_site(tmp_path_factory, pipeline):
    """A database filled by real `follow` passes against a loopback news site (the Ramadi
    articles over three outlets; one page's title is markup), served with the /stories page."""
    import httpx
    from dataclasses import replace

    from feedsite import Site, ramadi_items
    from test_follow import OPTIONS

    from newsfuse.follow import run_pass
    from newsfuse.store import Store

    items = {i.slug: i for i in ramadi_items()}
    hostile = replace(items["ramadi-002"], title='Militias gather <img src=x onerror="alert(1)">')
    news = Site()
    news.publish("/wire.xml", "The Wire", [items["ramadi-004"]])
    news.publish("/planet.xml", "Daily Planet", [items["ramadi-001"]])
    sources = [f"{news.url}/wire.xml", f"{news.url}/planet.xml"]
    store = Store(tmp_path_factory.mktemp("web") / "news.db")
    run_pass(store, sources, pipeline, OPTIONS)
    news.publish("/wire.xml", "The Wire", [items["ramadi-004"], items["ramadi-000"]])
    news.publish("/planet.xml", "Daily Planet", [items["ramadi-001"], items["ramadi-003"], hostile])
    report = run_pass(store, sources, pipeline, OPTIONS)
    assert report.new_articles == 3 and not report.failures, report.failures
    server, url = start_server(create_app(pipeline, ServerSettings(stories_db=str(store.path))))
    top = httpx.get(f"{url}/v1/stories").json()["stories"][0]
    yield {"url": url, "news": news.url, "story": httpx.get(f"{url}/v1/stories/{top['id']}").json()}
    server.should_exit = True
    news.close()
    store.close()


def test_stories_page_lists_stories_and_opens_a_briefing(followed_site, browser):
    url, story = followed_site["url"], followed_site["story"]
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    errors, dialogs = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A CSP violation is reported on the console as an error ("Refused to ...").
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.add_init_script("window.violations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    response = page.goto(f"{url}/stories")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page.wait_for_selector("#stories li button")
    listed = page.locator("#stories li")
    assert "Ramadi" in listed.first.inner_text() and "3 outlets, 5 articles" in listed.first.inner_text()
    assert "stories" in page.inner_text("#status")

    listed.first.locator("button").click()
    page.wait_for_selector("#story:not([hidden])")
    assert page.inner_text("#headline") == story["story"]["headline"]
    assert "Version 2" in page.inner_text("#meta")
    # What's new since version 1: the new articles' sentences, cited.
    assert page.is_visible("#new") and "since version 1" in page.inner_text("#new-heading")
    new = page.locator("#new-list li")
    assert new.count() >= len(story["whats_new"]["sentences"]) >= 1
    assert story["whats_new"]["sentences"][0]["text"] in new.first.inner_text()
    assert page.locator("#summary p.sentence").count() == len(story["sentences"])
    # Where sources differ: shown, one item per disagreement (Ramadi's sources differ).
    assert story["disagreements"]
    assert page.is_visible("#differences")
    assert page.locator("#differences-list > li").count() == len(story["disagreements"])
    # Sources, each a link to its page on the news site; the markup in a title is text.
    links = page.locator("#sources li a")
    assert links.count() == len(story["documents"]) == 5
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert all(h.startswith(followed_site["news"] + "/") and h.endswith(".html") for h in hrefs)
    assert '<img src=x onerror="alert(1)">' in page.inner_text("#sources")
    assert page.locator("#story img").count() == 0
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-stories.png"), full_page=True)
    assert page.evaluate("window.violations") == [] and not errors and not dialogs, (errors, dialogs)
