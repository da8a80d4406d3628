"""An analyst's journey through the page in a real browser, on the Wikinews corpus plus the seeds.

Search; narrow by a country and a theme; exclude a speaker; narrow the dates; open an article and
a similar one; go back and reload (the same view each time); download the CSV and compare it
with the engine. (The "Add articles" tab has its own tests: test_app_adding.py.)

The values clicked are taken from the engine (the top country of the results, and so on), so
the test follows the enrichment as it improves. Every step is screenshotted into test-artifacts/;
with UPDATE_DOCS_SCREENSHOT=1 the view with two facets selected becomes docs/screenshot.png.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
from conftest import ROOT, SEEDS
from page_steps import Shots, assert_clean, settled, url_params, wait_for_count
from playwright.sync_api import Page, expect
from test_app_browser import facet_section

from search import export, search, similar
from search.app.charts import month_bounds

QUERY = "president"
CHIPS = ".st-key-chips button:visible"  # (Streamlit also draws a hidden copy of a button with a tooltip)


@pytest.fixture(scope="module")
def news_index(make_index, wikinews) -> Path:
    """The seeds plus the 295 Wikinews articles (CC BY 2.5, read from ../shared, never copied)."""
    return make_index(SEEDS, wikinews)


# --- helpers ------------------------------------------------------------------------------------

def tick(page: Page, facet_label: str, value: str, count: int) -> None:
    """Tick a value's checkbox in the sidebar by clicking its label, as a person does."""
    facet_section(page, facet_label).get_by_text(f"{value} ({count:,})", exact=True).click()


def view_of(page: Page) -> dict:
    """What "the same view" means: URL, results count, ticked boxes, chips and the date inputs."""
    return {
        "url": page.url,
        "count": page.locator(".ns-count").inner_text(),
        "checked": sorted(page.locator('[data-testid="stSidebar"] input[type="checkbox"]:checked')
                          .evaluate_all("boxes => boxes.map(b => b.getAttribute('aria-label'))")),
        "chips": page.locator(CHIPS).all_inner_texts(),
        "dates": [re.sub(r"\s", "", page.get_by_role("group", name=name, exact=True).inner_text())
                  for name in ("From", "To")],
        "titles": page.locator(".ns-card .ns-title").all_inner_texts(),
    }


def type_date(page: Page, name: str, day: date, then: str) -> None:
    """Type a date into the From/To input (year, month, day segments), then apply it: "Enter", or
    "leave" (click the timeline's heading)."""
    page.get_by_role("spinbutton", name=f"year, {name}").click()
    page.keyboard.type(day.strftime("%Y%m%d"))
    if then == "Enter":
        page.keyboard.press("Enter")
    else:
        page.locator(".ns-section").click()


# --- the analyst's journey ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def news_cluster(make_cluster, wikinews) -> str:
    """The same articles in a two-shard cluster (docs/scale-out.md): its URL."""
    from search import build_index

    url = str(make_cluster(2, name="journey").url)
    assert not build_index([SEEDS, wikinews], url).errors
    return url


def test_analyst_journey(page: Page, app_server, news_index, artifacts_dir):
    journey(page, app_server, news_index, artifacts_dir, "analyst")


def test_analyst_journey_on_a_cluster(page: Page, app_server, news_cluster, artifacts_dir):
    """The same journey with the page's index a cluster URL ($SEARCH_INDEX_DIR=sphinx://…)."""
    journey(page, app_server, news_cluster, artifacts_dir, "analyst-cluster")


def journey(page: Page, app_server, news_index, artifacts_dir, prefix: str):
    base = app_server(news_index)
    shot = Shots(page, artifacts_dir, prefix)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).hostname not in (None, "127.0.0.1")
            and not r.url.startswith(("data:", "blob:")) else None)

    # the values to click, from the engine: the top country, then a theme and a speaker within it
    res = search(QUERY, index_dir=news_index)
    country = res.facets["country"][0]
    filters = {"country": [country.value]}
    in_country = search(QUERY, filters, index_dir=news_index)
    theme = next(fv for fv in in_country.facets["theme"] if fv.count < in_country.total)
    filters["theme"] = [theme.value]
    narrowed = search(QUERY, filters, index_dir=news_index)
    speaker = next(fv for fv in narrowed.facets["speaker"][:3] if 0 < fv.count < narrowed.total)
    exclude = {"speaker": [speaker.value]}
    without = search(QUERY, filters, index_dir=news_index, exclude=exclude)
    months = [m.value for m in without.dates.months]
    date_from = month_bounds(months[len(months) // 3])[0]
    date_to = month_bounds(months[2 * len(months) // 3])[1]
    options = {"exclude": exclude, "date_from": date_from, "date_to": date_to}
    final = search(QUERY, filters, per_page=100, index_dir=news_index, **options)
    assert 0 < final.total < without.total < narrowed.total < in_country.total < res.total
    assert final.total <= 100  # all of them in `final.hits`

    # 1. search for a word
    page.goto(base)
    expect(page.get_by_role("heading", name="News Search")).to_be_visible()
    box = page.get_by_label("Search articles")
    box.fill(QUERY)
    box.press("Enter")
    wait_for_count(page, res.total, QUERY)
    expect(page.locator(".ns-card")).to_have_count(10)
    expect(page.locator(".ns-card mark").first).to_be_visible()
    assert url_params(page) == {"q": [QUERY]}
    assert_clean(page)
    shot("search")

    # 2. narrow by two facets: a country, then a theme (its count is the one within the country)
    tick(page, "Country", country.value, country.count)
    wait_for_count(page, in_country.total, QUERY)
    tick(page, "Theme", theme.value, theme.count)
    wait_for_count(page, narrowed.total, QUERY)
    expect(facet_section(page, "Country").get_by_role("checkbox", name=f"{country.value} ({narrowed.total:,})",
                                                      exact=True)).to_be_checked()
    expect(facet_section(page, "Theme").get_by_role("checkbox", name=f"{theme.value} ({narrowed.total:,})",
                                                    exact=True)).to_be_checked()
    assert url_params(page) == {"q": [QUERY], "country": [country.value], "theme": [theme.value]}
    expect(page.locator(CHIPS)).to_have_text(
        [re.compile(f"Country: {re.escape(country.value)}"), re.compile(f"Theme: {re.escape(theme.value)}"),
         "Clear all"])
    expect(page.locator(".ns-section")).to_be_visible()  # the timeline
    assert_clean(page)
    facet_section(page, "Country").evaluate("section => section.scrollIntoView({block: 'start'})")
    picture = shot("two-facets")
    if os.environ.get("UPDATE_DOCS_SCREENSHOT") and prefix == "analyst":
        shutil.copyfile(picture, ROOT / "docs" / "screenshot.png")

    # 3. exclude a speaker with the button beside it: a red, struck-through chip; the box says so
    facet_section(page, "Speaker").get_by_role("button", name=f"Exclude {speaker.value}", exact=True).click()
    wait_for_count(page, without.total, QUERY)
    assert url_params(page)["not_speaker"] == [speaker.value]
    excluded_chip = page.locator(CHIPS, has_text=f"NOT Speaker: {speaker.value}")
    country_chip = page.locator(CHIPS, has_text=f"Country: {country.value}")
    expect(excluded_chip).to_have_attribute("data-testid", "stBaseButton-primary")
    expect(country_chip).to_have_attribute("data-testid", "stBaseButton-secondary")
    expect(excluded_chip.locator("del")).to_have_text(speaker.value)
    assert excluded_chip.evaluate("e => getComputedStyle(e).color") != \
        country_chip.evaluate("e => getComputedStyle(e).color")
    speaker_section = facet_section(page, "Speaker")
    excluded_box = speaker_section.get_by_role("checkbox", name=f"{speaker.value} (excluded)", exact=True)
    expect(excluded_box).not_to_be_checked()
    assert speaker_section.get_by_text(f"{speaker.value} (excluded)", exact=True).evaluate(
        "e => getComputedStyle(e).color") == excluded_chip.evaluate("e => getComputedStyle(e).color")
    expect(speaker_section.get_by_role("button", name=f"Stop excluding {speaker.value}", exact=True)).to_be_visible()
    assert_clean(page)
    shot("excluded")

    # 4. narrow the dates with the inputs beside the timeline; months outside the range turn grey
    type_date(page, "From", date_from, then="leave")
    page.wait_for_url(re.compile(rf"[?&]date_from={date_from.isoformat()}(&|$)"))
    settled(page)
    type_date(page, "To", date_to, then="Enter")
    page.wait_for_url(re.compile(rf"[?&]date_to={date_to.isoformat()}(&|$)"))
    wait_for_count(page, final.total, QUERY)
    expect(page.locator(CHIPS, has_text="Published")).to_contain_text(
        f"{date_from.day} {date_from:%b %Y} – {date_to.day} {date_to:%b %Y}")
    expect(page.locator(".ns-card .ns-title")).to_have_text([hit.title for hit in final.hits[:10]])
    assert_clean(page)
    shot("dates")
    results_view = view_of(page)
    assert len(results_view["checked"]) == 2 and results_view["dates"] == [date_from.isoformat(),
                                                                           date_to.isoformat()]

    # 5. open an article, then one of its similar articles
    first = final.hits[0]
    page.locator(".ns-card .ns-title").first.click()
    expect(page.locator(".ns-article-title")).to_have_text(first.title)
    settled(page)
    assert url_params(page)["article"] == [first.id]
    expected_similar = similar(first.id, n=5, index_dir=news_index)
    expect(page.locator(".ns-similar-title")).to_have_text([hit.title for hit in expected_similar])
    assert_clean(page)
    shot("article")
    article_url = page.url
    other = expected_similar[0]
    page.locator(".ns-similar-title").first.click()
    expect(page.locator(".ns-article-title")).to_have_text(other.title)
    settled(page)
    assert url_params(page)["article"] == [other.id]
    assert {k: v for k, v in url_params(page).items() if k != "article"} == \
        {k: v for k, v in parse_qs(urlsplit(results_view["url"]).query).items()}  # the search is kept
    assert_clean(page)
    shot("similar")

    # 6. the browser's back button: the first article, then exactly the same results
    page.go_back()
    expect(page.locator(".ns-article-title")).to_have_text(first.title)
    assert page.url == article_url
    settled(page)
    page.go_back()
    wait_for_count(page, final.total, QUERY)
    expect(page.locator(".ns-card .ns-title")).to_have_text(results_view["titles"])  # cards render after the count
    assert view_of(page) == results_view
    assert_clean(page)
    shot("back")

    # 7. reload: the same view again
    page.reload()
    wait_for_count(page, final.total, QUERY)
    assert view_of(page) == results_view
    assert_clean(page)
    shot("reloaded")

    # 8. download the CSV: exactly the matching articles, as the engine exports them
    page.get_by_role("button", name="Download", exact=True).click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="CSV", exact=True).click()
    shot("download")
    download = download_info.value
    assert download.suggested_filename == f"news-search-{QUERY}.csv"
    with open(download.path(), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    shown_total = int(page.locator(".ns-count strong").inner_text().split()[0].replace(",", ""))
    assert len(rows) == shown_total == final.total
    expected = list(csv.DictReader(io.StringIO("".join(
        export(QUERY, filters, format="csv", sort="relevance", index_dir=news_index, **options)))))
    assert [r["title"] for r in rows] == [r["title"] for r in expected] == [h.title for h in final.hits]
    assert rows == expected
    for row in rows:
        assert country.value in row["countries"].split("; ") and theme.value in row["themes"].split("; ")
        assert speaker.value not in row["speakers"].split("; ")
        assert date_from.isoformat() <= row["published"] <= date_to.isoformat()
    assert outside == [], f"the page fetched from outside this computer: {outside}"


def test_back_leaves_a_url_the_page_corrected(page: Page, app_server, news_index, artifacts_dir):
    """A value typed in another case and a page past the end are shown corrected, but the URL is
    not rewritten: a rewrite is a new history entry, and "back" would land on the old URL (to be
    corrected again) instead of the page before."""
    base = app_server(news_index)
    res = search(QUERY, index_dir=news_index)
    country = res.facets["country"][0]
    narrowed = search(QUERY, {"country": [country.value]}, index_dir=news_index)
    page.goto(f"{base}?q={QUERY}")
    wait_for_count(page, res.total, QUERY)
    odd = f"{base}?q={QUERY}&country={quote_plus(country.value.lower())}&page=999"
    page.goto(odd)
    wait_for_count(page, narrowed.total, QUERY)
    expect(facet_section(page, "Country").get_by_role("checkbox", name=f"{country.value} ({narrowed.total:,})",
                                                      exact=True)).to_be_checked()
    expect(page.locator(".ns-pageinfo")).to_have_text(f"Page {narrowed.pages} of {narrowed.pages}")
    assert page.url == odd
    assert_clean(page)
    Shots(page, artifacts_dir, "corrected")("last-page")
    page.go_back()
    wait_for_count(page, res.total, QUERY)
    assert page.url == f"{base}?q={QUERY}"
