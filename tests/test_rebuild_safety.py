"""Rebuilding over a damaged index, and saved facet tables that belong to another index version.

Real indexes on disk, damaged as a disk or an interrupted copy would damage them:
- a damaged table of contents (`_MAIN_<generation>.toc`) is a clear `IndexCorruptError` for a
  plain build, a query and the CLI, naming the file and the way out (`--rebuild`);
- `--rebuild` writes the new index over the damaged one as its next version: the old files stay
  untouched until the new version is committed, so a rebuild that reads no article, or that stops
  half-way, leaves the damaged index exactly as it was;
- facet tables saved for one index version (`facets/tables-<generation>.npz`) are never taken for
  another version's that has the same generation number.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from search import IndexCorruptError, build_index, check_index, facet_values, search
from search.cli import main
from search.index import snapshot as snapshot_module
from search.index.schema import make_schema

ROOT = Path(__file__).resolve().parent.parent


def write_articles(folder: Path, prefix: str, count: int, source: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{prefix}.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"{prefix}{i}", "title": f"Harbour report {i}", "source": source,
                                          "text": f"Dockers loaded grain at the harbour for ship {i}."})
                              for i in range(count)) + "\n", "utf-8")
    return path


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()}


def damage_toc(index_dir: Path) -> str:
    """Scribble over the table of contents (same size, other bytes); return its name."""
    (toc,) = index_dir.glob("_MAIN_*.toc")
    toc.write_bytes(os.urandom(toc.stat().st_size))
    snapshot_module._cache.clear()  # as a new process would
    return toc.name


@pytest.fixture
def damaged(tmp_path) -> tuple[Path, Path, str]:
    """An index of 40 articles whose table of contents is damaged: (index folder, corpus file, toc name)."""
    corpus = write_articles(tmp_path / "corpus", "a", 40, "Alpha Wire")
    index_dir = tmp_path / "index"
    build_index([corpus], index_dir)
    return index_dir, corpus, damage_toc(index_dir)


def test_a_plain_build_over_a_damaged_table_of_contents_is_a_clear_error(damaged):
    index_dir, corpus, toc = damaged
    before = folder_bytes(index_dir)
    with pytest.raises(IndexCorruptError) as raised:
        build_index([corpus], index_dir)
    message = str(raised.value)
    assert toc in message and "--rebuild" in message and "check" in message
    assert isinstance(raised.value.__cause__, Exception)  # Whoosh's own error, kept as the cause
    with pytest.raises(IndexCorruptError, match=toc):
        search("harbour", index_dir=index_dir, collapse=False)
    assert main(["index", str(corpus), "--index-dir", str(index_dir)]) == 2
    assert folder_bytes(index_dir) == before  # nothing written, nothing deleted


def test_the_default_index_folder_with_a_damaged_table_of_contents_is_an_error_not_a_traceback(damaged,
                                                                                                monkeypatch):
    index_dir, _, toc = damaged
    monkeypatch.setenv("SEARCH_INDEX_DIR", str(index_dir))
    from search.index.build import ensure_default_index

    assert ensure_default_index() == index_dir  # an index, though damaged: never replaced by the seeds
    with pytest.raises(IndexCorruptError, match=toc):
        search("harbour", collapse=False)


def test_a_rebuild_that_reads_nothing_leaves_a_damaged_index_as_it_was(damaged, tmp_path):
    index_dir, _, toc = damaged
    before = folder_bytes(index_dir)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.json").write_text("{not json")
    for paths in ([bad], [tmp_path / "nothing-here"]):
        report = build_index(paths, index_dir, rebuild=True)
        assert (report.added, report.updated) == (0, 0)
        assert "not rebuilt" in report.notice and "unchanged" in report.notice
        assert folder_bytes(index_dir) == before  # the damaged files are still there, for a better rebuild
    with pytest.raises(IndexCorruptError, match=toc):
        search("harbour", index_dir=index_dir, collapse=False)


def test_a_rebuild_stopped_half_way_leaves_every_old_file(damaged):
    index_dir, corpus, _ = damaged
    before = folder_bytes(index_dir)

    def stop_after_ten(progress) -> None:
        if progress.articles >= 10:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_index([corpus], index_dir, rebuild=True, progress=stop_after_ten)
    after = folder_bytes(index_dir)
    assert {name: after.get(name) for name in before} == before


@pytest.mark.parametrize("workers", [1, 2])
def test_a_rebuild_replaces_a_damaged_index_once_it_has_read_articles(damaged, tmp_path, workers, monkeypatch):
    import search.index.build as build_module

    monkeypatch.setattr(build_module, "PARALLEL_MIN_ARTICLES", 20)  # workers from 20 articles on
    index_dir, _, toc = damaged
    old_segments = {f.name.split(".")[0] for f in index_dir.glob("MAIN_*.*")}
    corpus = write_articles(tmp_path / "new", "b", 30, "Beta Wire")
    report = build_index([corpus], index_dir, rebuild=True, workers=workers, commit_every=10)
    assert report.added == 30 and "could not be read" in report.notice and "rebuilt" in report.notice
    assert search("harbour", index_dir=index_dir, collapse=False).total == 30
    assert [(v.value, v.count) for v in facet_values("source", index_dir=index_dir)[0]] == [("Beta Wire", 30)]
    assert [p.name for p in index_dir.glob("_MAIN_*.toc")] != [toc]  # one table of contents: the new version's
    assert len(list(index_dir.glob("_MAIN_*.toc"))) == 1
    assert not {f.name.split(".")[0] for f in index_dir.glob("MAIN_*.*")} & old_segments  # old segments gone
    checked = check_index(index_dir)
    assert checked.ok and not checked.unrecorded, checked.lines()


def test_saved_facet_tables_of_another_version_with_the_same_generation_are_not_used(tmp_path):
    """An index re-created in place (as Whoosh's `create_in` does: its versions count from 0
    again) reaches the generation of the old index's saved tables: they must not be read as its
    own. (Without file records, as an index written before they were kept: with them, the new
    table of contents would differ from the old one's record, and the index would be reported damaged.)"""
    index_dir = tmp_path / "index"
    build_index([write_articles(tmp_path / "old", "a", 40, "Alpha Wire")], index_dir)
    old_tables = sorted(p.name for p in (index_dir / "facets").glob("tables-*.npz"))
    whoosh_index.create_in(str(index_dir), make_schema())  # deletes the table of contents, keeps side files
    (index_dir / "integrity.json").unlink()
    snapshot_module._cache.clear()
    build_index([write_articles(tmp_path / "new", "b", 25, "Beta Wire")], index_dir)
    assert sorted(p.name for p in (index_dir / "facets").glob("tables-*.npz")) == old_tables  # same name
    for fresh_process in (False, True):
        if fresh_process:
            snapshot_module._cache.clear()
        values, _ = facet_values("source", index_dir=index_dir)
        assert [(v.value, v.count) for v in values] == [("Beta Wire", 25)]
        assert search("", index_dir=index_dir, collapse=False).facets["source"][0].value == "Beta Wire"
    assert check_index(index_dir).ok


def test_tables_saved_without_their_version_are_rebuilt_and_saved_with_it(tmp_path):
    """Tables saved before they recorded their version (or by another copy of the index) are
    rebuilt once and saved again, so the next process loads them at once."""
    import numpy as np

    from search.index import facet_arrays

    index_dir = tmp_path / "index"
    build_index([write_articles(tmp_path / "c", "c", 12, "Gamma Wire")], index_dir)
    (path,) = (index_dir / "facets").glob("tables-*.npz")
    with np.load(path) as saved:
        arrays = {k: saved[k] for k in saved.files if k != facet_arrays.VERSION_KEY}
    with path.open("wb") as handle:
        np.savez(handle, **arrays)
    snapshot_module._cache.clear()
    values, _ = facet_values("source", index_dir=index_dir)
    assert [(v.value, v.count) for v in values] == [("Gamma Wire", 12)]
    with np.load(path) as saved:
        assert facet_arrays.VERSION_KEY in saved.files
    assert check_index(index_dir).ok


def damage(index_dir: Path, case: str) -> None:
    segment = next(index_dir.glob("MAIN_*.pst")).name.split(".")[0]
    if case == "truncated .pst":
        path = index_dir / f"{segment}.pst"
        path.write_bytes(path.read_bytes()[:50])
    elif case == "deleted .trm":
        (index_dir / f"{segment}.trm").unlink()
    else:  # unreadable file records
        (index_dir / "integrity.json").write_text("{not json", "utf-8")
    snapshot_module._cache.clear()


@pytest.mark.parametrize("case", ["truncated .pst", "deleted .trm", "unreadable integrity.json"])
def test_a_build_over_damaged_files_is_a_clear_error_and_a_rebuild_starts_over(tmp_path, case):
    """Damage the open-time check finds (search/index/integrity.py) stops a plain build before it
    writes anything (Whoosh's own errors before: `Block tag error`, `FileNotFoundError`); a
    rebuild writes the new index over the damaged one and reports what it replaced."""
    index_dir = tmp_path / "index"
    corpus = write_articles(tmp_path / "corpus", "a", 40, "Alpha Wire")
    build_index([corpus], index_dir)
    damage(index_dir, case)
    before = folder_bytes(index_dir)
    with pytest.raises(IndexCorruptError, match="check --"):
        build_index([corpus], index_dir)
    assert folder_bytes(index_dir) == before
    report = build_index([corpus], index_dir, rebuild=True)
    assert report.added == 40 and "replaced one that could not be read" in report.notice
    assert search("harbour", index_dir=index_dir, collapse=False).total == 40
    checked = check_index(index_dir)
    assert checked.ok and not checked.unrecorded, checked.lines()


def test_kill_9_during_a_rebuild_over_a_damaged_index_keeps_every_old_file_and_a_rerun_completes(damaged, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from test_reliability import children_of

    index_dir, _, toc = damaged
    before = folder_bytes(index_dir)
    corpus = write_articles(tmp_path / "big", "b", 1200, "Beta Wire")
    command = [sys.executable, "-m", "search", "index", str(corpus), "--index-dir", str(index_dir), "--rebuild",
               "--workers", "2", "--commit-every", "150", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not [p for p in (index_dir / "facets").glob("*.npz") if f"facets/{p.name}" not in before]:
        assert process.poll() is None and time.monotonic() < deadline, "the rebuild ended before a segment was written"
        time.sleep(0.02)  # until a worker has written a segment of the new index
    workers = children_of(process.pid)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    after = folder_bytes(index_dir)
    records = "integrity.json"  # the workers recorded their new side files beside the old records
    assert {name: after.get(name) for name in before if name != records} == \
        {name: data for name, data in before.items() if name != records}  # every old file, as it was
    old_records = json.loads(before[records])["files"]
    assert {name: json.loads(after[records])["files"].get(name) for name in old_records} == old_records
    with pytest.raises(IndexCorruptError, match=toc):
        search("harbour", index_dir=index_dir, collapse=False)
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert search("harbour", index_dir=index_dir, collapse=False).total == 1200
    checked = check_index(index_dir)
    assert checked.ok and not checked.unrecorded, checked.lines()
    old_segment_files = [n for n in before if n.startswith("MAIN_") and n != "MAIN_WRITELOCK"]
    assert not (index_dir / toc).exists() and not [n for n in old_segment_files if (index_dir / n).exists()]
