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
