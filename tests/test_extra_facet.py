"""One declaration per facet: an extra facet registered with `register_facet` is extracted,
indexed, counted, filtered, exported and shown (`search()`, the CLI's JSON and text, the page)
like the built-in ones, with nothing else to change.

The facet ("continent", found from the countries the built-in extraction gives) lives in a
small module the tests write and import, as a user would add one; the CLI and the page run it
in their own processes through a two-line script. The index is built in-process (3 articles,
fewer than the 500 from which `build_index` uses worker processes, which would not see the
registration).
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import Page, expect
from test_app_browser import facet_section, wait_for_results

from search import FACETS, Article, Facet, build_index, export, facet_values, get_article, register_facet, search
from search.ingest.enrich import EXTRACTORS, enrich

FACET_MODULE = '''"""An extra facet: the continents of an article's countries."""

from search import Facet, register_facet

CONTINENTS = {"France": "Europe", "Germany": "Europe", "Japan": "Asia", "Brazil": "South America",
              "Argentina": "South America"}


def continents(article):
    """The continents of the countries found by the built-in extraction (filled in first)."""
    return sorted({CONTINENTS[country] for country in article.countries if country in CONTINENTS})


CONTINENT = register_facet(Facet("continent", "Continent", attr="continents", extract=continents))
'''
CLI_SCRIPT = """import sys

import continent_facet  # noqa: F401  (registers the facet)
from search.cli import main

sys.exit(main())
"""
APP_SCRIPT = """import continent_facet  # noqa: F401  (a module, imported once: Streamlit re-runs this script)
from search.app.page import main

main()
"""

ARTICLES = [
    {"id": "paris", "title": "Talks go on in Paris", "source": "Wire A", "published": "2024-03-01",
     "text": "Officials in France and Germany said on Monday that the talks in Paris would go on."},
    {"id": "brasilia", "title": "Trade agreement signed", "source": "Wire B", "published": "2024-03-02",
     "text": "Brazil and Argentina signed a trade agreement in Brasilia on Tuesday."},
    {"id": "tokyo", "title": "Naval exercises agreed", "source": "Wire A", "published": "2024-03-03",
     "text": "Japan and France agreed on Wednesday to hold naval exercises together."},
]


@pytest.fixture(scope="module")
def continent(tmp_path_factory: pytest.TempPathFactory):
    """The folder holding the facet's module (registered in this process until the module's tests
    end) and the scripts that register it in the CLI's and the page's processes; and the index,
    built with the facet."""
    folder = tmp_path_factory.mktemp("extra-facet")
    (folder / "continent_facet.py").write_text(FACET_MODULE, "utf-8")
    (folder / "search_with_continent.py").write_text(CLI_SCRIPT, "utf-8")
    (folder / "app_with_continent.py").write_text(APP_SCRIPT, "utf-8")
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), "utf-8")
    sys.path.insert(0, str(folder))
    try:
        module = importlib.import_module("continent_facet")
        index_dir = folder / "index"
        report = build_index([folder / "articles.jsonl"], index_dir, workers=1)
        assert (report.added, report.errors) == (3, [])
        yield folder, index_dir, module.CONTINENT
    finally:
        FACETS.pop("continent", None)  # the registry is back to the built-in facets for the other tests
        sys.modules.pop("continent_facet", None)
        sys.path.remove(str(folder))


def by_value(values) -> dict[str, tuple[int, bool, bool]]:
    return {fv.value: (fv.count, fv.selected, fv.excluded) for fv in values}


def test_every_built_in_facet_names_an_extractor_that_exists():
    for facet in FACETS.values():
        assert facet.extract in EXTRACTORS, facet


def test_the_extra_facet_is_extracted_after_the_built_in_ones(continent):
    _, _, facet = continent
    assert FACETS["continent"] is facet and list(FACETS)[-1] == "continent"
    article = enrich(Article(id="x", title="Talks", body=ARTICLES[0]["text"]))
    assert article.countries == ["France", "Germany"]
    assert article.continents == ["Europe"] and article.facets["continent"] == ["Europe"]
    assert Article(id="y", title="t", body="b", continents=["Asia"]).facets["continent"] == ["Asia"]


def test_search_counts_filters_and_returns_the_extra_facet(continent):
    _, index_dir, _ = continent
    res = search("", index_dir=index_dir)
    assert res.total == 3
    assert by_value(res.facets["continent"]) == {"Europe": (2, False, False), "Asia": (1, False, False),
                                                 "South America": (1, False, False)}
    assert res.facet_totals["continent"] == 3
    assert {hit.id: hit.continents for hit in res.hits} == {
        "paris": ["Europe"], "brasilia": ["South America"], "tokyo": ["Asia", "Europe"]}
    assert all(hit.facets["continent"] == hit.continents for hit in res.hits)

    europe = search("", filters={"continent": ["Europe"]}, index_dir=index_dir)
    assert sorted(hit.id for hit in europe.hits) == ["paris", "tokyo"]
    # disjunctive: the facet's own filter leaves its other values countable
    assert by_value(europe.facets["continent"])["Asia"] == (1, False, False)
    assert by_value(europe.facets["continent"])["Europe"] == (2, True, False)
    assert by_value(europe.facets["source"]) == {"Wire A": (2, False, False)}

    both = search("", filters={"continent": ["Europe", "Asia"]}, match_mode={"continent": "all"}, index_dir=index_dir)
    assert [hit.id for hit in both.hits] == ["tokyo"]
    others = search("", exclude={"continent": ["Europe"]}, index_dir=index_dir)
    assert [hit.id for hit in others.hits] == ["brasilia"]
    assert [hit.id for hit in search('continent:"South America"', index_dir=index_dir).hits] == ["brasilia"]
    values, total = facet_values("continent", "eur", index_dir=index_dir)
    assert (by_value(values), total) == ({"Europe": (2, False, False)}, 1)


def test_the_article_view_and_export_carry_the_extra_facet(continent):
    _, index_dir, _ = continent
    assert get_article("tokyo", index_dir=index_dir).hit.continents == ["Asia", "Europe"]
    rows = list(csv.DictReader(io.StringIO("".join(export("", format="csv", index_dir=index_dir)))))
    assert list(rows[0])[-2:] == ["continents", "body"]
    assert {row["id"]: row["continents"] for row in rows} == {
        "paris": "Europe", "brasilia": "South America", "tokyo": "Asia; Europe"}


def test_registering_checks_names_and_needs_an_extract_function(continent):
    with pytest.raises(ValueError, match="taken"):
        register_facet(Facet("continent", "Again", extract=lambda article: []))
    with pytest.raises(ValueError, match="taken"):
        register_facet(Facet("place", "Place", attr="speakers", extract=lambda article: []))
    with pytest.raises(ValueError, match="taken"):
        register_facet(Facet("title", "Title", extract=lambda article: []))
    with pytest.raises(ValueError, match="extract"):
        register_facet(Facet("dialect", "Dialect"))
    with pytest.raises(ValueError, match="identifier"):
        register_facet(Facet("two words", "Two words", extract=lambda article: []))
    assert "dialect" not in FACETS and "place" not in FACETS
    with pytest.raises(TypeError, match="languages"):
        Article(id="x", title="t", body="b", languages=["en"])


def run(folder: Path, *args: str, registered: bool = True) -> subprocess.CompletedProcess[str]:
    """The CLI in a new process, with the facet registered (through the wrapper script) or not."""
    command = [str(folder / "search_with_continent.py")] if registered else ["-m", "search"]
    return subprocess.run([sys.executable, *command, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_the_cli_json_text_and_values_show_the_extra_facet(continent):
    folder, index_dir, _ = continent
    out = run(folder, "query", "", "--filter", "continent=Europe", "--json", "--index-dir", str(index_dir))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["total"] == 2
    assert {v["value"]: (v["count"], v["selected"]) for v in result["facets"]["continent"]} == {
        "Europe": (2, True), "Asia": (1, False), "South America": (1, False)}
    assert {hit["id"]: hit["continents"] for hit in result["hits"]} == {
        "paris": ["Europe"], "tokyo": ["Asia", "Europe"]}
    assert list(result["hits"][0])[-5:] == ["continents", "score", "snippet", "title_html", "duplicates"]

    out = run(folder, "query", "naval", "--index-dir", str(index_dir))
    assert out.returncode == 0, out.stderr
    assert "  continents: Asia, Europe" in out.stdout.splitlines()
    assert "Continent: Asia (1), Europe (1)" in out.stdout.splitlines()

    out = run(folder, "values", "--facet", "continent", "--contains", "america", "--index-dir", str(index_dir))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "South", "America", "(1", "matching", "values)"]


def test_a_process_without_the_registration_still_serves_the_index(continent):
    folder, index_dir, _ = continent
    out = run(folder, "query", "", "--json", "--index-dir", str(index_dir), registered=False)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["total"] == 3 and "continent" not in result["facets"]
    assert {v["value"] for v in result["facets"]["country"]} >= {"France", "Japan", "Brazil"}
    out = run(folder, "query", "", "--filter", "continent=Europe", "--index-dir", str(index_dir), registered=False)
    assert out.returncode == 2 and "unknown facet 'continent'" in out.stderr


def test_the_page_lists_the_extra_facet_and_filters_by_it(continent, app_server, page: Page, artifacts_dir):
    folder, index_dir, _ = continent
    page.goto(app_server(index_dir, folder / "app_with_continent.py"))
    wait_for_results(page, "3 articles")
    section = facet_section(page, "Continent")
    expect(section).to_have_count(1)
    expect(section.get_by_text("Europe (2)", exact=True)).to_be_visible()
    expect(page.locator(".ns-card .ns-tag-continent", has_text="South America")).to_have_count(1)
    page.screenshot(path=artifacts_dir / "extra-facet-sidebar.png")

    section.get_by_text("Europe (2)", exact=True).click()
    wait_for_results(page, "2 articles")
    expect(section.get_by_role("checkbox", name="Europe (2)", exact=True)).to_be_checked()
    page.wait_for_url(lambda url: "continent=Europe" in url)
