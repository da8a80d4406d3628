"""Steps shared by the page's browser tests: screenshots, waiting for Streamlit to settle, the clean-page check,
the results count, the URL's view state, and adding files in the "Add articles" tab."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

# Only our own <mark> tags (and the article view's entity spans) may appear inside article text.
FOREIGN_MARKUP = (".ns-snippet *:not(mark), .ns-title *:not(mark), .ns-article-title *:not(mark), "
                  ".ns-body p *:not(mark):not(span.ns-ent), .ns-similar-title *")


class Shots:
    """Numbered screenshots of one test into test-artifacts/ (look at them when the page changes)."""

    def __init__(self, page: Page, folder: Path, prefix: str) -> None:
        self.page, self.folder, self.prefix, self.number = page, folder, prefix, 0

    def __call__(self, name: str) -> Path:
        self.number += 1
        path = self.folder / f"{self.prefix}-{self.number:02d}-{name}.png"
        self.page.screenshot(path=path, animations="disabled")
        return path


def settled(page: Page) -> None:
    """Wait until Streamlit has finished: no "running" widget, nothing stale, no widget still loading."""
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0)
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0)


def assert_clean(page: Page) -> None:
    """No traceback or error box, no dialog, and no markup from articles on the page."""
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)
    expect(page.get_by_text("Traceback")).to_have_count(0)
    expect(page.locator(FOREIGN_MARKUP)).to_have_count(0)
    assert page.dialogs == []


def count_text(total: int, q: str) -> str:
    return f"{total:,} article{'' if total == 1 else 's'} {'matches' if total == 1 else 'match'} “{q}”"


def wait_for_count(page: Page, total: int, q: str) -> None:
    expect(page.locator(".ns-count")).to_have_text(count_text(total, q))
    settled(page)


def url_params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def choose_and_add(page: Page, files: list[Path]) -> None:
    """Pick files in the uploader, wait until they are uploaded, and click "Add to the index"."""
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(files)
    for path in files:
        expect(page.locator('[data-testid="stFileUploader"]').get_by_text(path.name, exact=True)).to_be_visible()
    button = page.get_by_role("button", name="Add to the index")
    expect(button).to_be_enabled()
    button.click()
    expect(page.locator(".ns-report")).to_be_visible(timeout=60_000)
    settled(page)


def report_row(page: Page, name: str):
    return page.locator(".ns-report tbody tr", has_text=name)


def search_for(page: Page, q: str) -> None:
    box = page.get_by_label("Search articles")
    box.fill(q)
    box.press("Enter")
