"""The page's Add articles takes a zip of saved pages and feeds and a web archive, in the real
Streamlit page in Chromium: both are indexed, reported per file (with the archive's member and
the web archive's passed-over records named) and searchable at once."""

from __future__ import annotations

import zipfile

from conftest import SEEDS
from news_pages import PAGES, page_html, rss2, warc_bytes
from page_steps import Shots, assert_clean, choose_and_add, report_row, search_for, settled, wait_for_count
from playwright.sync_api import Page, expect

from search import search


def test_zip_and_web_archive_added_from_the_page(page: Page, app_server, make_index, tmp_path, artifacts_dir):
    index = make_index(SEEDS)  # an index of its own: this test adds to it
    base = app_server(index)
    shot = Shots(page, artifacts_dir, "upload-formats")
    bundle = tmp_path / "downloads.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        for saved in PAGES[:5]:
            archive.writestr(f"pages/{saved.slug}.html", page_html(saved))
        archive.writestr("pages/index.html", "<html><body><nav>Home World Sport</nav></body></html>")
        archive.writestr("feeds/world.rss", rss2(PAGES[5:7]))
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(warc_bytes(PAGES[7:]))

    page.goto(base + "?tab=add")
    expect(page.get_by_text("Add articles to the index")).to_be_visible()
    expect(page.get_by_text("Saved web pages (.html), news feeds")).to_be_visible()
    settled(page)
    choose_and_add(page, [bundle, crawl])
    expect(page.locator('[data-testid="stAlertContentWarning"]')).to_contain_text(
        "Added 11 articles from 2 files (0 updated, 0 already indexed); 1 file has problems (see below).")
    expect(report_row(page, "downloads.zip").locator("td").nth(1)).to_have_text("7")
    expect(report_row(page, "downloads.zip").locator(".ns-problems li")).to_have_text(
        "pages/index.html: no article text found in the page (an index page, a login wall, or a page without "
        "an article?)")
    expect(report_row(page, "crawl.warc.gz").locator("td").nth(1)).to_have_text(str(len(PAGES) - 7))
    expect(report_row(page, "crawl.warc.gz").locator(".ns-notes li")).to_have_text(
        "passed over 4 records that are no HTML page with status 200 (2 not HTML, 1 with status 404, "
        "1 with status 301)")
    assert_clean(page)
    shot("report")

    search_for(page, "harbour OR malaria OR earthquake")
    wait_for_count(page, 3, "harbour OR malaria OR earthquake")
    titles = sorted(page.locator(".ns-card .ns-title").all_inner_texts())
    assert titles == sorted(p.title for p in PAGES if p.slug in ("harbour", "vaccine", "quake"))
    card = page.locator(".ns-card", has_text=PAGES[0].title)
    expect(card.locator(".ns-meta")).to_contain_text(PAGES[0].site)
    assert_clean(page)
    shot("found")
    assert search("harbour OR malaria OR earthquake", index_dir=index).total == 3
