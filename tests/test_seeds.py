"""Acceptance on the two seed articles: what an analyst sees after indexing `seeds/`."""

from pathlib import Path

import pytest

from search import build_index, get_article, search

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NATO_ID_PART = "000"  # seed 000 is the NATO release, seed 003 the Arirang TV report


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed-index")
    report = build_index([SEEDS], path)
    assert (report.added, report.errors) == (2, [])
    return path


def by_source(index_dir, source):
    (hit,) = search("", filters={"source": [source]}, index_dir=index_dir).hits
    return hit


def test_cyber_finds_both_seeds(index_dir):
    res = search("cyber", index_dir=index_dir)
    assert res.total == 2
    assert all("<mark>cyber</mark>" in hit.snippet.lower() for hit in res.hits)
    assert {fv.value: fv.count for fv in res.facets["source"]} == {"NATO": 1, "Arirang TV": 1}


def test_speakers_of_each_seed(index_dir):
    assert set(by_source(index_dir, "NATO").speakers) == {"David van Weel", "Eirini Lemos-Maniati"}
    assert set(by_source(index_dir, "Arirang TV").speakers) == {"Ramon Pacheco Pardo", "Jens Stoltenberg"}


def test_countries_of_each_seed(index_dir):
    nato = set(by_source(index_dir, "NATO").countries)
    assert {"South Korea", "North Korea", "China", "Russia", "Japan", "Australia", "New Zealand"} <= nato
    arirang = set(by_source(index_dir, "Arirang TV").countries)
    assert {"South Korea", "North Korea", "Russia", "Ukraine", "United States", "China", "Iran", "Poland",
            "Romania"} <= arirang


def test_themes_of_each_seed(index_dir):
    assert {"Arms control & non-proliferation", "Cyber security"} <= set(by_source(index_dir, "NATO").themes)
    assert {"Defence industry & arms trade", "War in Ukraine"} <= set(by_source(index_dir, "Arirang TV").themes)


def test_regions_people_and_organisations_are_facets_too(index_dir):
    res = search("", index_dir=index_dir)
    regions = {fv.value for fv in res.facets["region"]}
    assert {"Indo-Pacific", "Korean Peninsula", "South China Sea"} <= regions
    assert {"NATO", "Arirang News"} <= {fv.value for fv in res.facets["organisation"]}
    assert {"Yoon Suk Yeol", "Oh Soo-young"} <= {fv.value for fv in res.facets["people"]}
    assert "Oh Soo-young" not in {fv.value for fv in res.facets["speaker"]}


def test_dates_come_from_the_text(index_dir):
    assert str(by_source(index_dir, "NATO").published) == "2022-09-08"


def test_speaker_filter_keeps_other_speakers_countable(index_dir):
    res = search("", filters={"speaker": ["Ramon Pacheco Pardo"]}, index_dir=index_dir)
    assert [hit.source for hit in res.hits] == ["Arirang TV"]
    speakers = {fv.value: (fv.count, fv.selected) for fv in res.facets["speaker"]}
    assert speakers == {
        "David van Weel": (1, False), "Eirini Lemos-Maniati": (1, False),
        "Ramon Pacheco Pardo": (1, True), "Jens Stoltenberg": (1, False),
    }
    # Other facets are narrowed by the speaker filter: only the Arirang TV source is left.
    assert {fv.value for fv in res.facets["source"]} == {"Arirang TV"}


def test_snippets_and_titles_mark_the_query_terms(index_dir):
    res = search("partnership", index_dir=index_dir)
    nato = next(hit for hit in res.hits if hit.source == "NATO")
    assert "<mark>partnership</mark>" in nato.title_html
    assert "<mark>" in nato.snippet and len(nato.snippet) < 360


def test_article_view_marks_every_match(index_dir):
    hit = by_source(index_dir, "NATO")
    view = get_article(hit.id, "partnership", index_dir=index_dir)
    assert view is not None and view.hit.title == hit.title
    assert view.body_html.count("<mark>") >= 2
    assert "Cyber security" in view.theme_evidence and view.theme_evidence["Cyber security"]
    assert get_article("no-such-id", index_dir=index_dir) is None
