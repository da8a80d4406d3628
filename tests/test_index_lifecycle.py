"""Indexes that vanish, are replaced or grow (issue 12, rows 12–13): a reader never serves a
deleted index nor builds the sample one in a configured folder; a replaced snapshot stays
readable for the thread still using it; fully deleted segments are dropped at commit, and
`optimize` merges an index into one segment while it keeps answering."""

import gc
import json
import shutil
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import search.index.writers as writers_module
from search import IndexNotFoundError, build_index, index_identity, optimize, search
from search.app.state import index_change_notice
from search.index.location import open_index
from search.index.optimize import folder_bytes
from search.index.snapshot import snapshot
from search.index.whoosh_compat import latest_version

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def write_articles(path: Path, prefix: str, count: int, edition: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": f"{prefix}{i}", "title": f"Ferry timetable {i} edition {edition}",
                         "text": f"The ferry company published timetable {i}. Edition {edition} adds a night crossing.",
                         "date": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"}) for i in range(count)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def segment_count(index_dir: Path) -> int:
    return len(latest_version(open_index(index_dir))[1])


def test_a_deleted_index_folder_is_reported_never_served_from_the_cache(tmp_path):
    index_dir = tmp_path / "index"
    build_index([write_articles(tmp_path / "in" / "a.jsonl", "a", 20)], index_dir)
    assert search("ferry", index_dir=index_dir, collapse=False).total == 20
    shutil.rmtree(index_dir)
    with pytest.raises(IndexNotFoundError, match="does not exist"):
        search("ferry", index_dir=index_dir, collapse=False)


def test_a_configured_folder_that_is_gone_is_an_error_not_a_new_sample_index(tmp_path, monkeypatch):
    monkeypatch.setenv("SEARCH_INDEX_DIR", str(tmp_path / "configured"))
    with pytest.raises(IndexNotFoundError):
        search("cyber", collapse=False)
    assert not (tmp_path / "configured").exists() and index_identity() is None


def test_a_replaced_index_folder_is_opened_anew(tmp_path):
    index_dir, other = tmp_path / "index", tmp_path / "other"
    build_index([write_articles(tmp_path / "in" / "a.jsonl", "a", 20)], index_dir)
    build_index([write_articles(tmp_path / "in2" / "b.jsonl", "b", 7)], other)
    before = index_identity(index_dir)
    assert search("ferry", index_dir=index_dir, collapse=False).total == 20
    shutil.rmtree(index_dir)
    other.rename(index_dir)  # same path, another folder (the same generation number, too)
    assert index_identity(index_dir) != before
    assert {h.id for h in search("ferry", index_dir=index_dir, collapse=False).hits} == {f"b{i}" for i in range(7)}


def test_the_page_says_when_its_index_was_replaced_or_is_gone(tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    build_index([write_articles(tmp_path / "in" / "a.jsonl", "a", 5)], index_dir)
    monkeypatch.setenv("SEARCH_INDEX_DIR", str(index_dir))
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["q"] = "ferry"
    at.run()
    assert not at.warning and not at.error
    shutil.rmtree(index_dir)
    build_index([write_articles(tmp_path / "in2" / "b.jsonl", "b", 3)], index_dir)
    at.run()
    assert at.warning and "replaced" in at.warning[0].value
    shutil.rmtree(index_dir)
    at.run()
    assert "gone" in at.warning[0].value and "does not exist" in at.error[0].value
    assert not index_dir.exists()  # no sample index built in the configured folder


def test_index_change_notice_only_when_the_folder_changed():
    assert index_change_notice(None, (1, 2)) is None and index_change_notice((1, 2), (1, 2)) is None
    assert "replaced" in index_change_notice((1, 2), (1, 3))
    assert "gone" in index_change_notice((1, 2), None)


def test_a_replaced_snapshot_stays_readable_for_its_user_and_closes_when_let_go(tmp_path):
    index_dir = tmp_path / "index"
    build_index([write_articles(tmp_path / "in" / "a.jsonl", "a", 10)], index_dir)
    in_use = snapshot(index_dir)
    reader = in_use.searcher.reader()
    done = threading.Event()

    def update() -> None:
        build_index([write_articles(tmp_path / "in" / "a.jsonl", "a", 10, edition=1)], index_dir)
        done.set()

    worker = threading.Thread(target=update)
    worker.start()
    worker.join()
    assert done.is_set()
    newer = snapshot(index_dir)  # another thread asks: the cache moves on to the new version
    assert newer is not in_use
    assert in_use.stored(0)["title"].endswith("edition 0")  # the old view still answers, whole
    assert not reader.is_closed
    del in_use
    gc.collect()
    assert reader.is_closed


def test_fully_deleted_segments_are_dropped_at_commit_and_space_reclaimed(tmp_path, monkeypatch):
    monkeypatch.setattr(writers_module, "TINY_SEGMENT_DOCS", 5)  # so the update's segments are not merged away
    index_dir = tmp_path / "index"
    source = tmp_path / "in" / "a.jsonl"
    build_index([write_articles(source, "a", 60)], index_dir)
    first = folder_bytes(index_dir)
    for edition in (1, 2):
        report = build_index([write_articles(source, "a", 60, edition)], index_dir)
        assert report.updated == 60
    assert segment_count(index_dir) == 1
    assert folder_bytes(index_dir) < first * 1.3
    assert search("ferry", index_dir=index_dir, collapse=False).total == 60


def test_optimize_merges_into_one_segment_keeps_answers_and_readers_keep_their_version(tmp_path, monkeypatch):
    monkeypatch.setattr(writers_module, "TINY_SEGMENT_DOCS", 5)
    index_dir = tmp_path / "index"
    for name in "abc":
        build_index([write_articles(tmp_path / "in" / f"{name}.jsonl", name, 30)], index_dir)
    build_index([write_articles(tmp_path / "in" / "a2.jsonl", "a", 10, edition=1)], index_dir)  # 10 replaced
    assert segment_count(index_dir) == 4
    before = [(r.total, [h.id for h in r.hits]) for r in (search(q, index_dir=index_dir, collapse=False)
                                                          for q in ("ferry", "night crossing", "edition 1"))]
    reader_view = snapshot(index_dir)
    steps = []
    report = optimize(index_dir, progress=steps.append)
    assert (report.segments_before, report.segments_after) == (4, 1) and report.bytes_after < report.bytes_before
    assert [s.done for s in steps if s.step == "merging"] == [1, 2, 3, 4] and steps[-1].step == "arrays"
    after = [(r.total, [h.id for h in r.hits]) for r in (search(q, index_dir=index_dir, collapse=False)
                                                         for q in ("ferry", "night crossing", "edition 1"))]
    assert after == before and before[0][0] == 90
    # the reader that opened the old version still reads it whole, though its files are deleted
    assert sorted(reader_view.stored(d)["id"] for d in range(reader_view.doc_count) if reader_view.live[d]) \
        == sorted(f"{n}{i}" for n in "abc" for i in range(30))
