"""Metadata fields as facets (issue 13, point 5): extra JSON/CSV fields kept with the article,
`build_index(facets=[...])` / `--facet` making them facets recorded in `<index>/facets.toml`,
counts, filters, the CLI's JSON, worker processes, and suggested facets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from search import FACETS, build_index, index_stats, search
from search.index.metadata_facets import SETTINGS_FILE, use_facets
from search.ingest.readers import read_paths

SECTIONS = ["Politics", "Sport", "Politics", "Business", "Sport", "Politics", "Business", "Politics"]
TAGS = [["election", "europe"], ["football"], ["election"], ["trade", "europe"], ["tennis"], [], ["trade", "election"],
        ["europe"]]


def rows() -> list[dict[str, object]]:
    """Eight short articles of our own, with a section, tags and a field whose every value differs."""
    return [{"id": f"a{i}", "title": f"Report number {i}", "text": f"The council met on day {i} to talk about plans.",
             "section": section, "tags": tags, "ref": f"REF-{1000 + i}", "source": "Daily Test"}
            for i, (section, tags) in enumerate(zip(SECTIONS, TAGS, strict=True))]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


@pytest.fixture(autouse=True)
def builtin_facets_after():
    """The registry is back to the built-in facets for the other tests."""
    yield
    use_facets([])


def counts(res, facet: str) -> dict[str, int]:
    return {fv.value: fv.count for fv in res.facets[facet]}


def test_extra_json_and_csv_fields_are_kept_as_metadata(tmp_path):
    jsonl = write_jsonl(tmp_path / "a.jsonl", rows()[:1])
    (tmp_path / "b.csv").write_text("Title,Text,Sub-Section,Tags,Author\nA storm,Rain fell all day.,Weather,"
                                    "rain; wind,Jane Doe and John Roe\n", "utf-8")
    first, second = [a for a in read_paths([jsonl, tmp_path / "b.csv"]) if not isinstance(a, Exception)]
    assert first.metadata == {"section": ["Politics"], "tags": ["election", "europe"], "ref": ["REF-1000"]}
    assert second.metadata == {"sub_section": ["Weather"], "tags": ["rain; wind"], "author": ["Jane Doe", "John Roe"]}


def test_metadata_facets_count_filter_and_persist(tmp_path):
    index_dir = tmp_path / "index"
    report = build_index([write_jsonl(tmp_path / "news.jsonl", rows())], index_dir, facets=["section", "Tags"])
    assert (report.added, report.errors) == (8, [])
    assert "section = " not in (index_dir / SETTINGS_FILE).read_text() and "[facets.tags]" in (
        index_dir / SETTINGS_FILE).read_text()

    res = search("", index_dir=index_dir)
    assert counts(res, "section") == {"Politics": 4, "Sport": 2, "Business": 2}
    assert counts(res, "tags") == {"europe": 3, "election": 3, "trade": 2, "football": 1, "tennis": 1}
    assert FACETS["section"].label == "Section"
    politics = search("", filters={"section": ["Politics"]}, index_dir=index_dir)
    assert sorted(h.id for h in politics.hits) == ["a0", "a2", "a5", "a7"]
    assert counts(politics, "tags") == {"europe": 2, "election": 2}
    both = search("", filters={"tags": ["europe", "trade"]}, match_mode={"tags": "all"}, index_dir=index_dir)
    assert [h.id for h in both.hits] == ["a3"] and both.hits[0].tags == ["trade", "europe"]

    # a later build without facets keeps them (the settings file), and so does a new process
    use_facets([])
    more = [{"id": "b1", "title": "A match", "text": "The team won the final on Sunday.", "section": "Sport",
             "tags": ["football"]}]
    assert build_index([write_jsonl(tmp_path / "more.jsonl", more)], index_dir).added == 1
    assert counts(search("", index_dir=index_dir), "section")["Sport"] == 3
    use_facets([])
    out = subprocess.run([sys.executable, "-m", "search", "query", "", "--filter", "tags=football", "--json",
                          "--index-dir", str(index_dir)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert sorted(h["id"] for h in result["hits"]) == ["a1", "b1"]
    assert {v["value"]: v["count"] for v in result["facets"]["section"]} == {"Sport": 2}
    assert {h["id"]: h["section"] for h in result["hits"]} == {"a1": ["Sport"], "b1": ["Sport"]}


def test_a_csv_separator_splits_values_and_a_new_facet_needs_a_rebuild(tmp_path):
    table = tmp_path / "news.csv"
    table.write_text("id,title,text,tags,desk\n1,One,First text here.,war; trade,World\n"
                     "2,Two,Second text here.,trade,World\n", "utf-8")
    index_dir = tmp_path / "index"
    build_index([table], index_dir, facets=["tags"], facet_separator=";")
    assert counts(search("", index_dir=index_dir), "tags") == {"trade": 2, "war": 1}
    with pytest.raises(ValueError, match="rebuild"):
        build_index([table], index_dir, facets=["desk"])
    assert "desk" not in (index_dir / SETTINGS_FILE).read_text()
    build_index([table], index_dir, facets=["desk"], rebuild=True)
    res = search("", index_dir=index_dir)
    assert counts(res, "desk") == {"World": 2} and counts(res, "tags") == {"trade": 2, "war": 1}


def test_a_facet_cannot_take_a_built_in_name(tmp_path):
    with pytest.raises(ValueError, match="taken"):
        build_index([write_jsonl(tmp_path / "news.jsonl", rows())], tmp_path / "index", facets=["source"])


def test_worker_processes_see_the_metadata_facets(tmp_path):
    many = [{**row, "id": f"{row['id']}-{copy}"} for copy in range(70) for row in rows()]  # 560: workers run
    index_dir = tmp_path / "index"
    report = build_index([write_jsonl(tmp_path / "many.jsonl", many)], index_dir, workers=2, facets=["section"])
    assert report.added == 560
    assert counts(search("", index_dir=index_dir), "section") == {"Politics": 280, "Sport": 140, "Business": 140}


def test_stats_suggest_fields_that_repeat_and_not_ids(tmp_path):
    index_dir = tmp_path / "index"
    build_index([write_jsonl(tmp_path / "news.jsonl", rows())], index_dir)
    suggested = {s.field: s for s in index_stats(index_dir).suggested_facets}
    assert "section" in suggested and "tags" in suggested and "ref" not in suggested
    assert suggested["section"].coverage == 1.0 and suggested["section"].distinct == 3
    assert suggested["section"].examples[0] == "Politics"
    out = subprocess.run([sys.executable, "-m", "search", "stats", "--index-dir", str(index_dir)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "suggested facet: section (in 100% of articles, 3 values" in out.stdout
    build_index([write_jsonl(tmp_path / "news.jsonl", rows())], index_dir, facets=["section"], rebuild=True)
    assert "section" not in {s.field for s in index_stats(index_dir).suggested_facets}


def test_the_page_lists_a_metadata_facet_with_counts_and_a_chip(tmp_path, app_server, page, artifacts_dir):
    from playwright.sync_api import expect
    from test_app_browser import facet_section, wait_for_results

    index_dir = tmp_path / "index"
    build_index([write_jsonl(tmp_path / "news.jsonl", rows())], index_dir, facets=["section"])
    use_facets([])  # the page's process finds the facet in the index's settings, not in this one
    page.goto(app_server(index_dir))
    wait_for_results(page, "8 articles")
    section = facet_section(page, "Section")
    expect(section).to_have_count(1)
    expect(section.get_by_text("Politics (4)", exact=True)).to_be_visible()
    section.get_by_text("Sport (2)", exact=True).click()
    wait_for_results(page, "2 articles")
    expect(page.locator(".st-key-chips button:visible", has_text="Section: Sport")).to_have_count(1)
    page.wait_for_url(lambda url: "section=Sport" in url)
    page.reload()
    wait_for_results(page, "2 articles")
    expect(page.locator(".ns-suggested")).to_contain_text("tags")
    page.screenshot(path=artifacts_dir / "metadata-facet.png")
