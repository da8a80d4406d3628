"""Near-duplicates collapse into stories: syndicated copies of real Wikinews articles, index and search."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from search import (
    build_index,
    check_index,
    cooccurrence,
    delete_articles,
    export,
    facet_values,
    index_stats,
    search,
    similar,
    versions,
)
from search.engine.collapse import count_stories
from search.index import stories
from search.index.facet_table import FacetTable

OUTLETS = ("Harbour Gazette", "Valley Courier", "Metro Ledger")
STORIES = 20


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _wikinews_articles(folder: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += list(csv.DictReader(handle))
    return rows


def _reword(sentence: str) -> str:
    """A sentence said another way: an opening clause added, one word swapped."""
    return "According to local reports, " + sentence[:1].lower() + sentence[1:].replace(" the ", " this ", 1)


def _republished(row: dict[str, str], outlet: int) -> dict[str, str]:
    """Outlet `outlet`'s copy: its own dateline and source; the second outlet rewords the first
    sentence, the third drops the last paragraph."""
    paragraphs = _paragraphs(row["text"])[1:]  # Wikinews' own date line goes: each outlet has its dateline
    if outlet == 1:
        first, _, rest = paragraphs[0].partition(". ")
        paragraphs[0] = _reword(first) + ". " + rest
    if outlet == 2:
        paragraphs = paragraphs[:-1]
    dateline = f"({OUTLETS[outlet]}) — "
    slug = re.sub(r"\W+", "-", row["title"].lower())[:60]
    return {"id": f"{slug}-{outlet}", "title": row["title"] if outlet != 1 else "Update: " + row["title"],
            "text": dateline + "\n\n".join(paragraphs), "date": row["date"], "source": OUTLETS[outlet],
            "url": f"https://outlet{outlet}.example/{slug}"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{5,}", text.lower())}


@pytest.fixture(scope="module")
def syndicated(wikinews: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """20 long Wikinews articles × 3 outlets, plus the corpus article that shares the most
    words with the first of them (same topic, other text), indexed; then a lightly edited copy
    of the sixth arriving in a second build."""
    rows = [r for r in _wikinews_articles(wikinews) if len(_paragraphs(r["text"])) >= 5
            and len(r["text"].split()) >= 250]
    chosen, others = rows[:STORIES], rows[STORIES:]
    topic = max(others, key=lambda r: len(_words(r["text"]) & _words(chosen[0]["text"])))
    folder = tmp_path_factory.mktemp("syndicated")
    copies = [_republished(row, outlet) for row in chosen for outlet in range(3)]
    unrelated = {"id": "same-topic", "title": topic["title"], "text": topic["text"], "date": topic["date"],
                 "source": "Wikinews", "url": topic["url"]}
    (folder / "copies.jsonl").write_text("".join(json.dumps(c) + "\n" for c in copies + [unrelated]), encoding="utf-8")
    index_dir = folder / "index"
    assert not build_index([folder / "copies.jsonl"], index_dir).errors
    first = search("", per_page=100, index_dir=index_dir, facet_limit=None)
    edited = dict(copies[15], id="late-copy", source="Late Wire", title="Late: " + chosen[5]["title"])
    edited["text"] = edited["text"].replace(" and ", " as well as ", 2) + "\n\nThis story was updated."
    (folder / "late.jsonl").write_text(json.dumps(edited) + "\n", encoding="utf-8")
    assert not build_index([folder / "late.jsonl"], index_dir).errors
    return {"index": index_dir, "copies": copies, "chosen": chosen, "topic": topic, "first": first,
            "shared_words": len(_words(topic["text"]) & _words(chosen[0]["text"]))}


def test_twenty_stories_of_three_versions(syndicated: dict) -> None:
    res = syndicated["first"]
    assert res.total == STORIES + 1 and res.total_articles == 3 * STORIES + 1
    for hit in res.hits:
        if hit.id == "same-topic":
            assert hit.duplicates.count == 0
            continue
        story = hit.id.rsplit("-", 1)[0]
        assert hit.duplicates.count == 2
        assert sorted(hit.duplicates.ids + [hit.id]) == [f"{story}-{i}" for i in range(3)]
        assert set(hit.duplicates.sources) | {hit.source} == set(OUTLETS)


def test_an_unrelated_article_on_the_same_topic_stays_apart(syndicated: dict) -> None:
    assert syndicated["shared_words"] >= 15, "the same-topic article should share many words with the story"
    assert [v.id for v in versions("same-topic", index_dir=syndicated["index"])] == ["same-topic"]


def test_a_lightly_edited_copy_joins_its_story(syndicated: dict) -> None:
    index_dir = syndicated["index"]
    story = syndicated["copies"][15]["id"].rsplit("-", 1)[0]
    assert sorted(v.id for v in versions("late-copy", index_dir=index_dir)) == \
        sorted([f"{story}-{i}" for i in range(3)] + ["late-copy"])
    res = search("", per_page=100, index_dir=index_dir)
    assert res.total == STORIES + 1 and res.total_articles == 3 * STORIES + 2


def test_without_collapsing_every_article_is_a_hit(syndicated: dict) -> None:
    res = search("", per_page=100, index_dir=syndicated["index"], collapse=False)
    assert res.total == res.total_articles == 3 * STORIES + 2 and len(res.hits) == res.total
    assert all(hit.duplicates.count == 0 for hit in res.hits)


def test_facet_counts_count_stories(syndicated: dict) -> None:
    """Differential: the collapsed facet counts against a plain-Python count of distinct stories."""
    index_dir = syndicated["index"]
    for query, filters in (("", None), ("police OR government", None), ("", {"source": ["Valley Courier"]})):
        every = search(query, filters, per_page=100, index_dir=index_dir, collapse=False, facet_limit=None)
        collapsed = search(query, filters, per_page=100, index_dir=index_dir, facet_limit=None)
        story_of = {hit.id: min(v.id for v in versions(hit.id, index_dir=index_dir)) for hit in every.hits}
        assert collapsed.total == len(set(story_of.values()))
        for facet in ("country", "theme", "organisation"):
            expected: Counter[str] = Counter()
            for value in {v for hit in every.hits for v in hit.facets[facet]}:
                expected[value] = len({story_of[h.id] for h in every.hits if value in h.facets[facet]})
            assert {fv.value: fv.count for fv in collapsed.facets[facet]} == dict(expected)


QUERIES = (("", None), ("police OR government", None), ("", {"source": ["Valley Courier"]}))


def _story_of(every, index_dir: Path) -> dict[str, str]:
    """Per hit of an uncollapsed search, its story (named by its smallest version id)."""
    return {hit.id: min(v.id for v in versions(hit.id, index_dir=index_dir)) for hit in every.hits}


def _distinct(story_of: dict[str, str], hits, key) -> dict[str, int]:
    """Per value `key(hit)` gives, how many distinct stories (or articles, for the identity map) have it."""
    found: dict[str, set[str]] = {}
    for hit in hits:
        for value in key(hit):
            found.setdefault(value, set()).add(story_of[hit.id])
    return {value: len(members) for value, members in found.items()}


def _months(hit) -> list[str]:
    return [f"{hit.published:%Y-%m}"] if hit.published else []


def test_every_count_of_a_search_counts_stories_when_collapsing(syndicated: dict) -> None:
    """Differential, against the same calls with collapse=False: the timeline, value search and
    co-occurrence count stories (a plain-Python count of distinct stories among the articles),
    and articles without collapsing; the index summary has both."""
    index_dir = syndicated["index"]
    for query, filters in QUERIES:
        every = search(query, filters, per_page=100, index_dir=index_dir, collapse=False, facet_limit=None)
        story_of, itself = _story_of(every, index_dir), {hit.id: hit.id for hit in every.hits}
        for collapse, group in ((True, story_of), (False, itself)):
            res = search(query, filters, per_page=100, index_dir=index_dir, facet_limit=None, collapse=collapse)
            assert {fv.value: fv.count for fv in res.dates.months} == _distinct(group, every.hits, _months)
            years = _distinct(group, every.hits, lambda h: [f"{h.published:%Y}"] if h.published else [])
            assert {fv.value: fv.count for fv in res.dates.years} == years
            for facet in ("country", "theme"):
                values, total = facet_values(facet, query=query, filters=filters, limit=None, index_dir=index_dir,
                                             collapse=collapse)
                expected = _distinct(group, every.hits, lambda h, f=facet: h.facets[f])
                assert {fv.value: fv.count for fv in values if fv.count} == expected and total == len(expected)
            grid = cooccurrence("country", "theme", query, filters, top=20, index_dir=index_dir, collapse=collapse)
            assert grid.collapsed == collapse
            pairs = _distinct(group, every.hits, lambda h: [f"{c}|{t}" for c in h.countries for t in h.themes])
            for i, row in enumerate(grid.rows):
                for j, column in enumerate(grid.columns):
                    assert grid.counts[i][j] == pairs.get(f"{row}|{column}", 0)
    months = search("", per_page=1, index_dir=index_dir).dates.months
    assert sum(fv.count for fv in months) == STORIES + 1  # every copy of a story has its date
    stats = index_stats(index_dir)
    assert (stats.articles, stats.stories) == (3 * STORIES + 2, STORIES + 1)


def test_similar_articles_are_other_stories_when_collapsing(syndicated: dict) -> None:
    index_dir = syndicated["index"]
    article = syndicated["copies"][0]["id"]
    own = {v.id for v in versions(article, index_dir=index_dir)}
    every = similar(article, 10, index_dir=index_dir, collapse=False)
    assert own - {article} <= {hit.id for hit in every}  # its copies are the most similar articles
    stories_only = similar(article, 10, index_dir=index_dir)
    assert not own & {hit.id for hit in stories_only}
    story_of = {hit.id: min(v.id for v in versions(hit.id, index_dir=index_dir)) for hit in stories_only}
    assert len(set(story_of.values())) == len(stories_only) > 0
    assert all(hit.duplicates.count == len(versions(hit.id, index_dir=index_dir)) - 1 for hit in stories_only)


def test_a_filter_on_a_copys_value_finds_the_story_through_that_copy(syndicated: dict) -> None:
    res = search("", {"source": ["Metro Ledger"]}, per_page=100, index_dir=syndicated["index"])
    assert res.total == STORIES and {hit.source for hit in res.hits} == {"Metro Ledger"}
    assert {fv.value: fv.count for fv in res.facets["source"]}["Valley Courier"] == STORIES


def test_export_includes_or_skips_copies(syndicated: dict) -> None:
    index_dir = syndicated["index"]
    every = [json.loads(line) for line in "".join(export(format="jsonl", index_dir=index_dir)).splitlines()]
    stories_only = [json.loads(line) for line in
                    "".join(export(format="jsonl", index_dir=index_dir, collapse=True)).splitlines()]
    assert len(every) == 3 * STORIES + 2 and len(stories_only) == STORIES + 1


def test_story_counts_match_plain_python_on_random_tables() -> None:
    rng = np.random.default_rng(7)
    for _ in range(30):
        docs, values = int(rng.integers(1, 60)), int(rng.integers(1, 8))
        pairs = {(int(d), int(v)) for d, v in zip(rng.integers(0, docs, 120), rng.integers(0, values, 120),
                                                  strict=True)}
        table = FacetTable.combine([([str(v) for v in range(values)], np.array([d for d, _ in pairs], dtype=np.int32),
                                     np.array([v for _, v in pairs], dtype=np.int32), 0)], np.ones(docs, dtype=bool))
        labels = np.minimum(np.arange(docs), rng.integers(0, docs, docs))
        labels = labels[labels]
        mask = rng.random(docs) < 0.7
        expected = [len({labels[d] for d, v in pairs if mask[d] and str(v) == value}) for value in table.values]
        shared_docs = {d for d in range(docs) if sum(labels[o] == labels[d] for o in range(docs)) > 1}
        shared_pairs = np.array([d in shared_docs for d in table.pair_docs.tolist()], dtype=bool)
        assert count_stories(table, mask, labels, shared_pairs).tolist() == expected


def test_groups_are_sound_and_find_close_copies() -> None:
    """Each LSH group is held together by pairs that pass the similarity check, and texts that
    differ by a word are always grouped; a text too short for a 3-gram is alone."""
    base = [" ".join(f"word{i}x{j}" for j in range(80)) for i in range(40)]
    texts = base + [t.replace("x5 ", "y5 ") for t in base[:20]] + ["too short"] * 2
    rows = stories.signatures(texts)
    labels = stories.story_labels(rows, np.ones(len(rows), dtype=bool))
    for i in range(20):
        assert labels[i] == labels[40 + i] == i
    assert len(set(labels[:40].tolist())) == 40 and labels[60] == 60 and labels[61] == 61
    for i, label in enumerate(labels.tolist()):
        if label != i:
            assert (rows[i] == rows[label]).mean() >= stories.SIMILARITY
    deleted_first = np.ones(len(rows), dtype=bool)
    deleted_first[0] = False
    assert stories.story_labels(rows, deleted_first)[40] == 40


def test_cli_collapses_and_skips_copies(syndicated: dict) -> None:
    index = str(syndicated["index"])
    run = [sys.executable, "-m", "search"]
    out = subprocess.run([*run, "query", "", "--index-dir", index], capture_output=True, text=True, check=True)
    assert f"{STORIES + 1} stories ({3 * STORIES + 2} articles) match" in out.stdout
    assert "+ 2 versions (" in out.stdout
    plain = subprocess.run([*run, "query", "", "--no-collapse", "--index-dir", index], capture_output=True,
                           text=True, check=True)
    assert f"{3 * STORIES + 2} articles match" in plain.stdout and "versions (" not in plain.stdout
    skipped = subprocess.run([*run, "export", "", "--format", "jsonl", "--skip-copies", "--index-dir", index],
                             capture_output=True, text=True, check=True)
    assert len(skipped.stdout.splitlines()) == STORIES + 1


def test_the_page_shows_versions_under_a_hit_and_the_toggle_lives_in_the_url(page, app_server, syndicated) -> None:
    from playwright.sync_api import expect

    base = app_server(syndicated["index"])
    page.goto(base)
    expect(page.locator(".ns-stats")).to_contain_text(f"{STORIES + 1} stories ({3 * STORIES + 2} articles)")
    expect(page.locator(".ns-card")).to_have_count(10)
    versions_block = page.locator(".ns-card details.ns-versions").first
    expect(versions_block.locator("summary")).to_contain_text(re.compile(r"\+ [23] versions \("))
    expect(versions_block.locator("li").first).not_to_be_visible()
    versions_block.locator("summary").click()
    expect(versions_block.locator("li a").first).to_be_visible()
    page.get_by_text("Collapse copies").click()
    page.wait_for_url(re.compile(r"[?&]copies=show(&|$)"))
    expect(page.locator(".ns-stats")).to_contain_text(f"{3 * STORIES + 2} articles")
    expect(page.locator(".ns-versions")).to_have_count(0)
    page.reload()
    expect(page.locator(".ns-stats")).to_contain_text(f"{3 * STORIES + 2} articles")
    page.goto(base)
    expect(page.locator(".ns-stats")).to_contain_text(f"{STORIES + 1} stories")


def test_deleting_a_storys_first_version_keeps_the_others_together(syndicated: dict, tmp_path: Path) -> None:
    index_dir = Path(shutil.copytree(syndicated["index"], tmp_path / "index"))
    story = syndicated["copies"][0]["id"].rsplit("-", 1)[0]
    assert delete_articles([f"{story}-0"], index_dir) == 1
    assert sorted(v.id for v in versions(f"{story}-1", index_dir=index_dir)) == [f"{story}-1", f"{story}-2"]
    assert search("", per_page=100, index_dir=index_dir).total == STORIES + 1


def test_signature_files_are_recorded_and_a_damaged_one_is_found_and_rebuilt(syndicated: dict, tmp_path: Path) -> None:
    index_dir = Path(shutil.copytree(syndicated["index"], tmp_path / "index"))
    recorded = json.loads((index_dir / "integrity.json").read_text())
    saved = sorted((index_dir / stories.CACHE_DIR).glob("*.npy"))
    assert saved and all(f"{stories.CACHE_DIR}/{p.name}" in str(recorded) for p in saved)
    saved[0].write_bytes(saved[0].read_bytes()[:100])
    damage = check_index(index_dir).damaged
    assert [d.name for d in damage] == [f"{stories.CACHE_DIR}/{saved[0].name}"] and damage[0].derived
    assert check_index(index_dir, repair=True).ok and check_index(index_dir).ok
    res = search("", per_page=100, index_dir=index_dir)
    assert res.total == STORIES + 1 and res.total_articles == 3 * STORIES + 2


def test_a_versions_story_labels_are_saved_recorded_and_read_by_a_new_process(syndicated: dict) -> None:
    index_dir = syndicated["index"]
    saved = sorted((index_dir / stories.CACHE_DIR).glob(f"{stories.LABELS_PREFIX}*.npz"))
    assert len(saved) == 1 and f"{stories.CACHE_DIR}/{saved[0].name}" in (index_dir / "integrity.json").read_text()
    code = ("import sys; from search import search; r = search('', per_page=100, index_dir=sys.argv[1]); "
            "print(r.total, r.total_articles)")
    out = subprocess.run([sys.executable, "-c", code, str(index_dir)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(STORIES + 1), str(3 * STORIES + 2)]
