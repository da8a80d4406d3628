"""The page in a real browser: `streamlit run app.py` driven by Debian's Chromium through Playwright.

Screenshots go to test-artifacts/. (The README's picture, docs/screenshot.png, is made by
tests/test_app_journey.py on the Wikinews corpus, with UPDATE_DOCS_SCREENSHOT=1.)
"""

from __future__ import annotations

import re

from conftest import SEEDS
from playwright.sync_api import Page, expect

NATO_TITLE = "NATO experts underline importance of partnership at Seoul Defense Dialogue"
EVIL = "<script>alert(1)</script>"
NO_EVIL_DOM = """() => ({
    scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(')).length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    jsLinks: document.querySelectorAll('a[href^="javascript" i]').length,
})"""


def wait_for_results(page: Page, text: str) -> None:
    """Wait until the results header reads `text` and Streamlit has finished running."""
    expect(page.locator(".ns-stats")).to_contain_text(text)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)


def facet_section(page: Page, facet_label: str):
    """The sidebar's expander for one facet ("Source", "Country"...)."""
    title = page.locator("summary", has_text=re.compile(rf"(^|[^A-Za-z]|_down|_right){re.escape(facet_label)}( ·|$)"))
    return page.locator('[data-testid="stSidebar"] [data-testid="stExpander"]').filter(has=title)


def sidebar_checkbox(page: Page, label: str, facet_label: str = "Source"):
    return facet_section(page, facet_label).get_by_role("checkbox", name=label, exact=True)


def test_search_filter_reload_and_read_an_article(page: Page, app_server, seed_index, artifacts_dir):
    base = app_server(seed_index)
    page.goto(base)
    expect(page.get_by_role("heading", name="News Search")).to_be_visible()

    box = page.get_by_label("Search articles")
    box.fill("cyber")
    box.press("Enter")
    wait_for_results(page, "2 articles match “cyber”")
    expect(page.locator(".ns-card")).to_have_count(2)
    expect(page.locator(".ns-title", has_text=NATO_TITLE)).to_be_visible()
    page.screenshot(path=artifacts_dir / "journey-1-results.png")

    # tick a facet value: the results narrow, the highlight is there, the URL holds the filter
    facet_section(page, "Source").get_by_text("NATO (1)", exact=True).click()
    wait_for_results(page, "1 article matches “cyber”")
    expect(page.locator(".ns-card")).to_have_count(1)
    expect(page.locator(".ns-card .ns-title")).to_have_text(NATO_TITLE)
    expect(page.locator(".ns-snippet mark").first).to_be_visible()
    expect(sidebar_checkbox(page, "NATO (1)")).to_be_checked()
    page.wait_for_url(re.compile(r"[?&]source=NATO(&|$)"))
    assert re.search(r"[?&]q=cyber(&|$)", page.url), page.url
    page.screenshot(path=artifacts_dir / "journey-2-filtered.png")

    # the URL alone brings the same page back
    filtered_url = page.url
    page.goto("about:blank")
    page.goto(filtered_url)
    wait_for_results(page, "1 article matches “cyber”")
    expect(page.locator(".ns-card")).to_have_count(1)
    expect(page.locator(".ns-card .ns-title")).to_have_text(NATO_TITLE)
    expect(sidebar_checkbox(page, "NATO (1)")).to_be_checked()
    expect(page.get_by_label("Search articles")).to_have_value("cyber")
    page.screenshot(path=artifacts_dir / "journey-3-reloaded.png")

    # the article view: highlighted full text, facets, and a way back to the same results
    page.locator(".ns-card .ns-title").click()
    expect(page.locator(".ns-article-title")).to_have_text(NATO_TITLE)
    expect(page.locator(".ns-body mark").first).to_be_visible()
    expect(page.locator(".ns-body p")).not_to_have_count(0)
    expect(page.locator('[data-testid="stSidebar"]').get_by_text("About this article")).to_be_visible()
    assert re.search(r"[?&]article=", page.url), page.url
    page.screenshot(path=artifacts_dir / "journey-4-article.png")
    page.locator(".ns-back").first.click()
    wait_for_results(page, "1 article matches “cyber”")
    expect(sidebar_checkbox(page, "NATO (1)")).to_be_checked()
    assert "article=" not in page.url


def test_article_text_is_shown_escaped_never_run(page: Page, app_server, make_index, tmp_path, artifacts_dir):
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "evil.txt").write_text(
        f"Cyber bulletin {EVIL}\n"
        f"Analysts found the cyber payload {EVIL} hidden in a page.\n"
        f'A second trick: <img src=x onerror="alert(2)"> and <a href="javascript:alert(3)">link</a>.\n',
        encoding="utf-8")
    (folder / "evil.meta.toml").write_text(
        'source = "<script>alert(4)</script>"\nurl = "javascript:alert(5)"\n', encoding="utf-8")
    base = app_server(make_index(SEEDS, folder))

    page.goto(base + "?q=cyber")
    wait_for_results(page, "3 articles match “cyber”")
    card = page.locator(".ns-card", has_text="Cyber bulletin")
    expect(card.locator(".ns-title")).to_have_text(f"Cyber bulletin {EVIL}")
    expect(card.locator(".ns-snippet")).to_contain_text(f"payload {EVIL} hidden")
    expect(card.locator(".ns-meta")).to_contain_text("<script>alert(4)</script>")
    expect(page.locator('[data-testid="stSidebar"]').get_by_text("<script>alert(4)</script> (1)")).to_be_visible()
    page.wait_for_timeout(500)  # give anything that might run the time to do so
    page.screenshot(path=artifacts_dir / "xss-results.png")
    assert page.dialogs == []
    assert page.evaluate(NO_EVIL_DOM) == {"scripts": 0, "handlers": 0, "jsLinks": 0}

    card.locator(".ns-title").click()
    expect(page.locator(".ns-article-title")).to_have_text(f"Cyber bulletin {EVIL}")
    expect(page.locator(".ns-body")).to_contain_text(f"payload {EVIL} hidden")
    expect(page.locator(".ns-body")).to_contain_text('<img src=x onerror="alert(2)">')
    expect(page.locator(".ns-original")).to_have_count(0)  # a javascript: url is never linked
    page.wait_for_timeout(500)
    page.screenshot(path=artifacts_dir / "xss-article.png")
    assert page.dialogs == []
    assert page.evaluate(NO_EVIL_DOM) == {"scripts": 0, "handlers": 0, "jsLinks": 0}
