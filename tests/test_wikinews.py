"""The 295 real Wikinews articles (CC BY 2.5, read from ../shared) index cleanly and are searchable."""

import pytest

from search import build_index, search


@pytest.fixture(scope="module")
def wikinews_index(tmp_path_factory, wikinews):
    path = tmp_path_factory.mktemp("wikinews-index")
    report = build_index([wikinews], path)
    assert report.errors == [] and report.added == 295
    return path


def test_query_returns_highlighted_hits(wikinews_index):
    res = search("earthquake", index_dir=wikinews_index)
    assert res.total >= 3
    assert all("<mark>" in hit.snippet or "<mark>" in hit.title_html for hit in res.hits)
    assert {fv.value for fv in res.facets["source"]} == {"Wikinews"}


def test_facets_are_filled_on_real_news(wikinews_index):
    res = search("", index_dir=wikinews_index, per_page=50)
    assert sum(1 for h in res.hits if h.countries) >= 40
    assert sum(1 for h in res.hits if h.speakers) >= 20
    assert all(h.published is not None for h in res.hits)
