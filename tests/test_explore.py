"""Deeper exploration: match modes, exclusion, dates, facet value search, sorting, similar,
co-occurrence, export and index stats — on a small hand-made corpus plus the seeds."""

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from search import build_index, cooccurrence, export, facet_values, index_stats, read_paths, search, similar

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLES = [
    ("r1", "Russia and North Korea sign pact", "Russia and North Korea signed a military pact in Pyongyang.",
     "2024-06-19", "Wire A"),
    ("r2", "Russia tests missile", "Russia tested a new missile near Moscow.", "2024-06-02", "Wire B"),
    ("r3", "North Korea launches missile", "North Korea launched a ballistic missile test.", "2023-11-21",
     "Wire A"),
    ("r4", "Japan and Australia talks", "Japan and Australia held security talks in Tokyo.", "2023-01-05",
     "Wire C"),
    ("r5", "Ukraine grain corridor", "Ukraine reopened a grain corridor; Russia objected.", "2022-08-01",
     "Wire B"),
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("explore-corpus")
    rows = [{"id": i, "title": t, "text": b, "date": d, "source": s} for i, t, b, d, s in ARTICLES]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    path = tmp_path_factory.mktemp("explore-index")
    report = build_index([folder, SEEDS], path)
    assert report.added == 7 and not report.errors
    return path


def ids(res):
    return {hit.id for hit in res.hits}


def test_all_mode_needs_every_selected_value(index_dir):
    chosen = {"country": ["Russia", "North Korea"]}
    any_mode = search("", filters=chosen, index_dir=index_dir, per_page=50)
    all_mode = search("", filters=chosen, match_mode={"country": "all"}, index_dir=index_dir, per_page=50)
    assert {"r1", "r2", "r3", "r5"} <= ids(any_mode)
    assert "r1" in ids(all_mode) and not {"r2", "r3", "r5"} & ids(all_mode)
    assert all({"Russia", "North Korea"} <= set(hit.countries) for hit in all_mode.hits)


def test_excluded_values_drop_articles_and_stay_listed(index_dir):
    res = search("missile", exclude={"country": ["Russia"]}, index_dir=index_dir)
    assert "r3" in ids(res) and "r2" not in ids(res)
    russia = next(fv for fv in res.facets["country"] if fv.value == "Russia")
    assert russia.excluded and not russia.selected


def test_date_range_and_date_buckets(index_dir):
    res = search("", date_from=date(2024, 1, 1), date_to=date(2024, 12, 31), index_dir=index_dir)
    assert ids(res) == {"r1", "r2"}
    # Buckets ignore the date range itself (like any facet's own filter) but follow other filters.
    years = {fv.value: fv.count for fv in res.dates.years}
    assert years == {"2024": 2, "2023": 2, "2022": 2}  # seed 000 is dated 2022 in its text; 003 is undated
    months = {fv.value: fv.count for fv in search("", filters={"source": ["Wire A"]}, index_dir=index_dir).dates.months}
    assert months == {"2023-11": 1, "2024-06": 1}


def test_facet_value_search_by_substring(index_dir):
    values, total = facet_values("country", "korea", index_dir=index_dir)
    assert {fv.value for fv in values} == {"North Korea", "South Korea"} and total == 2
    values, _ = facet_values("country", "KOR", query="missile", index_dir=index_dir)
    assert [fv.value for fv in values][0] == "North Korea"


def test_facet_limit_and_distinct_totals(index_dir):
    res = search("", facet_limit=2, index_dir=index_dir)
    assert len(res.facets["country"]) == 2 and res.facet_totals["country"] > 2
    names = [fv.value for fv in search("", facet_order="name", index_dir=index_dir).facets["source"]]
    assert names == sorted(names, key=str.casefold)


def test_sort_by_source_then_newest(index_dir):
    res = search("", sort="source", per_page=50, index_dir=index_dir)
    keys = [hit.source.casefold() for hit in res.hits]
    assert keys == sorted(keys)
    wire_a = [hit.id for hit in res.hits if hit.source == "Wire A"]
    assert wire_a == ["r1", "r3"]


def test_similar_articles_exclude_the_article_itself(index_dir):
    hits = similar("r2", n=3, index_dir=index_dir)
    assert hits and "r2" not in {h.id for h in hits} and len(hits) <= 3
    assert hits[0].id in {"r3", "r1"}  # the other missile / Russia stories
    filtered = similar("r2", n=3, filters={"source": ["Wire A"]}, index_dir=index_dir)
    assert filtered and {h.source for h in filtered} == {"Wire A"}
    assert similar("no-such-id", index_dir=index_dir) == []


def test_cooccurrence_of_two_facets(index_dir):
    grid = cooccurrence("country", "source", index_dir=index_dir)
    russia, wire_b = grid.rows.index("Russia"), grid.columns.index("Wire B")
    assert grid.counts[russia][wire_b] == 2  # r2 and r5
    assert grid.pairs(1)[0][2] == max(max(row) for row in grid.counts)
    pairs = cooccurrence("country", "country", query="missile", index_dir=index_dir).pairs(5)
    assert all(a < b for a, b, _ in pairs)  # each unordered pair once, no value paired with itself


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_round_trip(index_dir, tmp_path, fmt):
    text = "".join(export("missile", format=fmt, index_dir=index_dir))
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
    elif fmt == "json":
        rows = json.loads(text)
    else:
        rows = [json.loads(line) for line in text.splitlines()]
    assert {r["id"] for r in rows} == ids(search("missile", per_page=100, index_dir=index_dir))
    assert all("countries" in r and "body" in r for r in rows)
    exported = tmp_path / f"export.{fmt}"
    exported.write_text(text, "utf-8")
    again = {a.id: a for a in read_paths([exported])}
    assert again.keys() == {r["id"] for r in rows}
    assert {a.title for a in again.values()} >= {"Russia tests missile"}


def test_index_stats(index_dir):
    stats = index_stats(index_dir)
    assert stats.articles == 7 and stats.sources == 5
    assert stats.first_published == date(2022, 8, 1) and stats.last_published == date(2024, 6, 19)
    assert stats.size_bytes > 0


def test_no_results_with_a_correction_says_so(index_dir):
    res = search("misile", index_dir=index_dir)
    assert res.total == 0 and res.suggestion == "missile"
    assert "missile" in res.notice and "finds" in res.notice
