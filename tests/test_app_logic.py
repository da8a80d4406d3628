"""The page's behaviour without a browser: Streamlit's AppTest against temporary indexes.

The URL is the page's state, so most tests set `at.query_params`, run the script, and check what
it rendered (and what it wrote back to the URL after a widget changed).
"""

from __future__ import annotations

import html as html_lib
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from search import FacetValue, Hit, search
from search.app import ui
from search.app.article_html import safe_url
from search.app.state import PageState, href, state_from_params, state_to_params

APP = str(Path(__file__).resolve().parent.parent / "app.py")
NATO_TITLE = "NATO experts underline importance of partnership at Seoul Defense Dialogue"
ARIRANG_TITLE_START = "With President Yoon expected to hold a series of meetings"


@pytest.fixture
def app(seed_index, monkeypatch):
    """A function returning a fresh AppTest of app.py on the seed index, run with the given URL params."""
    monkeypatch.setenv("SEARCH_INDEX_DIR", str(seed_index))

    def run(**params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        for name, value in params.items():
            at.query_params[name] = value
        at.run()
        assert not at.exception, at.exception
        return at

    return run


def page_html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def params(at: AppTest) -> dict[str, list[str]]:
    """The URL parameters after the run, every value as a list."""
    return {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}


def checkbox(at: AppTest, facet: str, value: str):
    return at.checkbox(key=f"facet:{facet}:{value}")


def nato_article(seed_index) -> Hit:
    hits = search("cyber", {"source": ["NATO"]}, index_dir=seed_index).hits
    assert len(hits) == 1
    return hits[0]


# --- URL → page ---------------------------------------------------------------------------------

def test_query_in_url_shows_both_seed_articles(app):
    at = app(q="cyber")
    html = page_html(at)
    assert "<strong>2 articles</strong> match <span class='ns-q'>“cyber”</span>" in html
    assert NATO_TITLE in html
    assert ARIRANG_TITLE_START in html
    assert at.text_input(key="q_input").value == "cyber"
    assert not at.error


def test_filter_in_url_narrows_results_and_ticks_the_box(app):
    at = app(q="cyber", source="NATO")
    html = page_html(at)
    assert "<strong>1 article</strong> matches" in html
    assert NATO_TITLE in html and ARIRANG_TITLE_START not in html
    assert checkbox(at, "source", "NATO").value is True
    assert checkbox(at, "source", "NATO").label == "NATO (1)"
    # the other source is still offered, with the count it would add (disjunctive counts)
    other = [c for c in at.checkbox if c.key.startswith("facet:source:") and c.key != "facet:source:NATO"]
    assert other and all(c.value is False for c in other)
    assert all(c.label.endswith("(1)") for c in other)


def test_every_facet_has_a_sidebar_section(app):
    at = app(q="cyber")
    titles = [e.label for e in at.sidebar.expander]
    for facet in ui.FACETS.values():
        assert any(t.startswith(facet.label) for t in titles), (facet.label, titles)


def test_selected_value_with_no_matches_stays_listed_and_ticked(app):
    at = app(q="cyber", source=["NATO", "Nowhere Press"])
    box = checkbox(at, "source", "Nowhere Press")
    assert box.value is True and box.label == "Nowhere Press (0)"
    assert "<strong>1 article</strong>" in page_html(at)


# --- widgets → URL ------------------------------------------------------------------------------

def test_search_box_writes_the_query_to_the_url(app):
    at = app(page="3")
    at.text_input(key="q_input").input("cyber")
    at.button(key="search_submit").click().run()
    assert params(at)["q"] == ["cyber"]
    assert "page" not in params(at)
    assert "<strong>2 articles</strong>" in page_html(at)


def test_ticking_a_facet_value_keeps_the_other_selections(app, seed_index):
    # a theme both seed articles have, so the other source stays on offer once it is selected
    both = search("cyber", index_dir=seed_index).hits
    theme = sorted(set(both[0].themes) & set(both[1].themes))[0]
    at = app(q="cyber", source="NATO")
    checkbox(at, "theme", theme).check().run()
    assert params(at)["source"] == ["NATO"]
    assert params(at)["theme"] == [theme]
    assert checkbox(at, "source", "NATO").value is True
    assert checkbox(at, "theme", theme).value is True

    # a second value of the same facet is OR'ed in; the theme stays selected
    other = next(c.key.split(":", 2)[2] for c in at.checkbox
                 if c.key.startswith("facet:source:") and c.key != "facet:source:NATO")
    checkbox(at, "source", other).check().run()
    assert sorted(params(at)["source"]) == sorted(["NATO", other])
    assert params(at)["theme"] == [theme]
    assert checkbox(at, "source", "NATO").value is True
    assert checkbox(at, "source", other).value is True

    # unticking removes only that value
    checkbox(at, "source", "NATO").uncheck().run()
    assert params(at)["source"] == [other]
    assert params(at)["theme"] == [theme]


def test_sort_is_read_from_and_written_to_the_url(app):
    at = app(q="cyber", sort="newest")
    assert at.selectbox(key="sort_select").value == "newest"
    at.selectbox(key="sort_select").select("oldest").run()
    assert params(at)["sort"] == ["oldest"]
    assert at.selectbox(key="sort_select").value == "oldest"


def test_did_you_mean_runs_the_suggestion(app, seed_index):
    suggestion = search("cybr", index_dir=seed_index).suggestion
    assert suggestion == "cyber"
    at = app(q="cybr")
    button = at.button(key="suggestion")
    assert "cyber" in button.label
    button.click().run()
    assert params(at)["q"] == ["cyber"]
    assert "<strong>2 articles</strong>" in page_html(at)


# --- empty state, errors, odd URLs --------------------------------------------------------------

def test_empty_state_suggests_removing_a_filter_and_clears_filters(app):
    at = app(q="cyber", source="Nowhere Press")
    html = page_html(at)
    assert "No articles match — try removing a filter" in html
    assert 'class="ns-card"' not in html
    at.button(key="clear-empty").click().run()
    assert "source" not in params(at)
    assert params(at)["q"] == ["cyber"]
    assert "<strong>2 articles</strong>" in page_html(at)


def test_empty_state_without_filters(app):
    at = app(q="zyzzyvaqq")
    assert "No articles match" in page_html(at)
    assert 'class="ns-card"' not in page_html(at)


def test_malformed_url_parameters_are_harmless(app):
    at = app(q="cyber", page="abc", sort="sideways", colour="red")
    assert not at.error
    assert "<strong>2 articles</strong>" in page_html(at)
    assert at.selectbox(key="sort_select").value == "relevance"


def test_page_past_the_end_shows_the_last_page(app):
    at = app(q="cyber", page="9")
    assert NATO_TITLE in page_html(at)
    # the URL is left as given: rewriting it during a run would add a history entry that the back
    # button lands on (and corrects again), so "back" would seem to do nothing
    assert params(at)["page"] == ["9"]


def test_values_spelled_another_way_are_shown_and_kept_as_the_index_spells_them(app):
    at = app(q="cyber", source="nato")
    assert "<strong>1 article</strong> matches" in page_html(at)
    assert checkbox(at, "source", "NATO").value is True
    assert params(at)["source"] == ["nato"]  # not rewritten (see above)
    # the next action starts from the corrected view: unticking the value removes the filter
    checkbox(at, "source", "NATO").uncheck().run()
    assert "source" not in params(at)
    assert "<strong>2 articles</strong>" in page_html(at)


def test_engine_errors_are_shown_as_a_friendly_message(monkeypatch, tmp_path):
    (tmp_path / "notes.txt").write_text("not an index")
    monkeypatch.setenv("SEARCH_INDEX_DIR", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["q"] = "cyber"
    at.run()
    assert not at.exception
    assert at.error and "could not be run" in at.error[0].value


def test_pagination_moves_through_pages(make_index, tmp_path, monkeypatch):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(23):
        (folder / f"harbour-{n:02d}.txt").write_text(
            f"Harbour report number {n}\nThe harbour authority published report {n} on shipping.\n")
    monkeypatch.setenv("SEARCH_INDEX_DIR", str(make_index(folder)))
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["q"] = "harbour"
    at.run()
    assert "Page 1 of 3" in page_html(at)
    assert page_html(at).count('class="ns-card"') == 10
    assert at.button(key="prev").disabled and not at.button(key="next").disabled
    at.button(key="next").click().run()
    assert params(at)["page"] == ["2"]
    assert "Page 2 of 3" in page_html(at)
    at.button(key="next").click().run()
    assert "Page 3 of 3" in page_html(at)
    assert page_html(at).count('class="ns-card"') == 3
    assert at.button(key="next").disabled
    # a new filter or query goes back to page 1
    at.text_input(key="q_input").input("harbour shipping")
    at.button(key="search_submit").click().run()
    assert "page" not in params(at)


# --- article view -------------------------------------------------------------------------------

def test_article_view_shows_highlighted_text_facets_and_a_back_link(app, seed_index):
    hit = nato_article(seed_index)
    at = app(q="cyber", source="NATO", article=hit.id)
    html = page_html(at)
    assert NATO_TITLE in html
    assert "<mark>cyber</mark>" in html
    assert html.count("<p>") > 3  # paragraphs kept
    back = href(PageState(q="cyber", filters={"source": ["NATO"]}))
    assert f'href="{html_lib.escape(back)}"' in html and "Back to results" in html
    assert "article=" not in back
    for value in hit.speakers + hit.countries + hit.themes:
        assert html_lib.escape(value) in html


def test_unknown_article_is_a_friendly_warning(app):
    at = app(article="no-such-article", q="cyber")
    assert at.warning and "not in the index" in at.warning[0].value
    assert "Back to results" in page_html(at)


# --- page logic (search.app.ui, search.app.state) -----------------------------------------------

def test_state_round_trips_through_the_url():
    state = PageState(q="arms control", filters={"country": ["South Korea", "Russia"], "source": ["NATO"]},
                      page=2, sort="oldest", article="a/1")
    params_ = state_to_params(state)
    assert list(params_) == ["q", "source", "country", "sort", "page", "article"]

    def get_all(name: str) -> list[str]:
        value = params_.get(name, [])
        return value if isinstance(value, list) else [value]

    again = state_from_params(get_all)
    assert again == state
    assert href(state).startswith("?q=arms+control&source=NATO&country=South+Korea&country=Russia")
    assert href(PageState()) == "?"


def test_with_filter_adds_and_removes_one_value():
    state = PageState(q="x", filters={"country": ["Russia"]}, page=4)
    added = state.with_filter("country", "Japan", True)
    assert added.filters == {"country": ["Russia", "Japan"]} and added.page == 1
    assert added.with_filter("country", "Russia", False).filters == {"country": ["Japan"]}
    assert added.with_filter("country", "Russia", False).with_filter("country", "Japan", False).filters == {}


@pytest.mark.parametrize("url, safe", [
    ("https://example.com/a?b=1", True), ("http://example.com", True), ("HTTPS://EXAMPLE.COM/x", True),
    ("javascript:alert(1)", False), ("  javascript:alert(1)", False), ("data:text/html,<b>", False),
    ("//example.com/x", False), ("ftp://example.com", False), ("", False), ("https://", False),
    ("https://exa mple.com", False),
])
def test_only_http_urls_are_linked(url, safe):
    assert (safe_url(url) is not None) is safe


def test_card_escapes_everything_but_the_highlighted_fragments():
    evil = "<script>alert(1)</script>"
    hit = Hit(id="x", title=evil, source=evil, published=date(2024, 2, 3), url="javascript:alert(1)",
              speakers=[evil], people=[], organisations=[evil], countries=['"><img src=x onerror=alert(1)>'],
              regions=[], themes=[evil], score=1.0, snippet="a <mark>b</mark> &lt;c&gt;", title_html="T <mark>b</mark>")
    html = ui.card_html(hit, PageState(q='"x"'))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a <mark>b</mark> &lt;c&gt;" in html and "T <mark>b</mark>" in html
    assert 'href="?q=%22x%22&amp;article=x"' in html
    assert "3 Feb 2024" in html


def test_facet_labels_cannot_inject_markdown():
    label = ui.facet_label(FacetValue("[click](https://evil.example) **bold**", 2))
    assert label.endswith(" (2)")
    assert not re.search(r"(?<!\\)[\[\]*]", label), label  # every [ ] * is backslash-escaped
    assert label == "\\[click\\](https:\u2060//evil.example) \\*\\*bold\\*\\* (2)"  # no autolink: a word joiner
    assert ui.facet_label(FacetValue("Russia", 3)) == "Russia (3)"
    # no Markdown styling either: Streamlit reads the label out as written (aria-label)
    assert ui.facet_label(FacetValue("Russia", 0, excluded=True)) == "Russia (excluded)"


def test_facet_values_keep_selected_values_missing_from_the_counts():
    shown = ui.facet_values([FacetValue("NATO", 1)], ["NATO", "Reuters"])
    assert [(fv.value, fv.count) for fv in shown] == [("NATO", 1), ("Reuters", 0)]


def test_without_a_query_the_sort_offers_dates_only(app):
    at = app()
    sort = at.selectbox(key="sort_select")
    assert sort.options == ["Newest first", "Oldest first", "Source A–Z"] and sort.value == "newest"
    assert "<strong>2 articles</strong>" in page_html(at)


def test_long_facets_show_the_top_values_then_all(app, seed_index):
    countries = search("cyber", index_dir=seed_index).facets["country"]
    assert len(countries) > ui.FACET_SHOWN
    at = app(q="cyber")

    def shown() -> list[str]:
        return [c.key.split(":", 2)[2] for c in at.checkbox if c.key.startswith("facet:country:")]

    assert shown() == [fv.value for fv in countries[:ui.FACET_SHOWN]]
    at.button(key="more-country").click().run()
    assert shown() == [fv.value for fv in countries]
    # ticking a value from the long tail keeps it listed once the list is short again
    rare = countries[-1].value
    checkbox(at, "country", rare).check().run()
    at.button(key="more-country").click().run()
    assert rare in shown() and checkbox(at, "country", rare).value is True
    assert params(at)["country"] == [rare]


def test_timeline_is_at_least_a_year_wide_and_date_inputs_allow_every_chosen_date():
    from search.app import charts

    def span(months):
        first, last = (d.to_dict() for d in charts.timeline_domain([FacetValue(m, 1) for m in months]))
        return (first["year"], first["month"]), (last["year"], last["month"])

    assert span(["2022-09"]) == ((2022, 4), (2023, 4))        # one month, centred in a year
    assert span(["2019-01", "2021-01"]) == ((2019, 1), (2021, 2))  # long enough already: its own months
    low, high = charts.date_bounds([FacetValue("2022-09", 1)], None, date(2001, 5, 6), None)
    assert (low, high) == (date(2001, 5, 6), date(2022, 9, 30))


def test_charts_import_pandas_fully_before_altair_can_meet_it_half_imported():
    """Altair takes pandas from `sys.modules`; Streamlit may be importing it in another thread meanwhile.

    The charts module imports pandas itself (waiting for any import under way), so a fresh process that has
    only imported the charts has a complete pandas, and a chart builds (this once failed under load with
    "partially initialized module 'pandas'")."""
    import subprocess
    import sys

    code = ("import sys, search.app.charts as c; m = sys.modules.get('pandas'); "
            "assert m is not None and hasattr(m, 'Timestamp'), 'pandas not imported by the charts'; "
            "from search import FacetValue; c.timeline_chart([FacetValue('2022-09', 2)], None, None).to_dict()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
