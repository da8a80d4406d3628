"""Nothing lost: incremental updates, prune and delete, kill -9 mid-run, concurrent readers and
writers, corrupt index folders."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from whoosh import index as whoosh_index

import search.index.build as build_module
from search import IndexBusyError, IndexCorruptError, build_index, search
from search.index.build import delete_articles
from search.index.schema import TEXT_FIELDS

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(folder: Path, count: int, name: str = "wire.jsonl", prefix: str = "n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": f"{prefix}{i}", "title": f"Report {i} on trade talks",
                         "text": f"Negotiators met in Geneva for round {i}. The minister said talks would go on.",
                         "date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}"}) for i in range(count)]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def all_ids(index_dir) -> list[str]:
    res = search("", per_page=100, index_dir=index_dir, collapse=False)
    ids = []
    for page in range(1, res.pages + 1):
        ids += [h.id for h in search("", page=page, per_page=100, index_dir=index_dir, collapse=False).hits]
    return ids


def test_prune_removes_articles_whose_file_is_gone(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3, "a.jsonl", "a")
    gone = write_corpus(corpus, 2, "b.jsonl", "b")
    index_dir = tmp_path / "index"
    assert build_index([corpus], index_dir).added == 5
    gone.unlink()
    kept = build_index([corpus], index_dir)  # without --prune nothing is deleted
    assert (kept.skipped, kept.pruned, search("", index_dir=index_dir, collapse=False).total) == (3, 0, 5)
    report = build_index([corpus], index_dir, prune=True)
    assert (report.skipped, report.pruned) == (3, 2)
    assert sorted(all_ids(index_dir)) == ["a0", "a1", "a2"]


def test_prune_leaves_articles_from_other_folders_alone(tmp_path):
    build_index([ROOT / "seeds"], tmp_path / "index")
    write_corpus(tmp_path / "corpus", 2)
    report = build_index([tmp_path / "corpus"], tmp_path / "index", prune=True)
    assert report.pruned == 0 and search("", index_dir=tmp_path / "index", collapse=False).total == 4


def test_delete_by_id_from_python_and_cli(tmp_path):
    write_corpus(tmp_path / "corpus", 4)
    index_dir = tmp_path / "index"
    build_index([tmp_path / "corpus"], index_dir)
    assert delete_articles(["n0", "missing"], index_dir) == 1
    out = subprocess.run([sys.executable, "-m", "search", "delete", "n1", "--index-dir", str(index_dir)],
                         capture_output=True, text=True)
    assert "deleted 1 of 1" in out.stdout
    assert sorted(all_ids(index_dir)) == ["n2", "n3"]


def wait_for_total(index_dir, at_least: int, process) -> None:
    while search("", index_dir=index_dir, collapse=False).total < at_least and process.poll() is None:
        time.sleep(0.02)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("kill_point", ["while starting", "after the first commit", "half way"])
def test_kill_9_mid_run_loses_nothing_and_a_rerun_completes(tmp_path, kill_point, workers):
    index_dir = tmp_path / "index"
    build_index([ROOT / "seeds"], index_dir)  # the previous index
    write_corpus(tmp_path / "corpus", 1200)
    command = [sys.executable, "-m", "search", "index", str(tmp_path / "corpus"), "--index-dir", str(index_dir),
               "--workers", str(workers), "--commit-every", "150", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_point == "while starting":
        time.sleep(0.3)
    else:
        wait_for_total(index_dir, 2 + (150 if kill_point == "after the first commit" else 600), process)
    workers_started = children_of(process.pid)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL  # it was still running: killed mid-run
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() for pid in workers_started) and time.monotonic() < deadline:
        time.sleep(0.1)
    outlived = [pid for pid in workers_started if Path(f"/proc/{pid}").exists()]
    assert not outlived, "worker processes outlived the indexer"
    # The previous index is intact and searchable, with whatever was committed before the kill.
    after_kill = search("", index_dir=index_dir, collapse=False)
    assert search("cyber", index_dir=index_dir, collapse=False).total == 2
    assert 2 <= after_kill.total <= 1202
    # Running the same command again completes the job: every article once, no duplicates.
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    ids = all_ids(index_dir)
    assert len(ids) == len(set(ids)) == 1202
    assert f"skipped {after_kill.total - 2}," in rerun.stdout


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def stored_documents(index_dir) -> dict[str, dict]:
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        return {fields["id"]: fields for fields in searcher.all_stored_fields()}


def test_worker_processes_write_the_same_index_as_one_process(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 700)
    serial = build_index([corpus], tmp_path / "serial", workers=1)
    parallel = build_index([corpus], tmp_path / "parallel", workers=2, commit_every=300)
    assert (serial.added, parallel.added) == (700, 700)
    assert stored_documents(tmp_path / "parallel") == stored_documents(tmp_path / "serial")
    one = search("geneva minister", index_dir=tmp_path / "serial", collapse=False)
    two = search("geneva minister", index_dir=tmp_path / "parallel", collapse=False)
    assert one.total == two.total == 700 and one.facets == two.facets
    # rounds overlap, so intermediate commits leave files alone; the last commit cleans up:
    # one table of contents, no temporary folders, no file of a segment not in the index
    files = {p.name for p in (tmp_path / "parallel").iterdir()}
    with whoosh_index.open_dir(str(tmp_path / "parallel")).reader() as reader:
        segment_ids = {leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()}
    assert len([f for f in files if f.endswith(".toc")]) == 1 and not [f for f in files if f.endswith(".tmp")]
    assert {f.split(".")[0] for f in files if f.startswith("MAIN_") and f != "MAIN_WRITELOCK"} == segment_ids

    # changed articles are replaced, unchanged ones skipped, nothing doubled
    lines = corpus.read_text("utf-8").splitlines()
    lines[:10] = [line.replace("Negotiators met", "Envoys gathered") for line in lines[:10]]
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    again = build_index([corpus], tmp_path / "parallel", workers=2, commit_every=300)
    assert (again.added, again.updated, again.skipped) == (0, 10, 690)
    assert search("envoys", index_dir=tmp_path / "parallel", collapse=False).total == 10
    assert len(set(all_ids(tmp_path / "parallel"))) == len(all_ids(tmp_path / "parallel")) == 700

    # a rebuild replaces everything in one commit
    rebuilt = build_index([corpus], tmp_path / "parallel", workers=2, commit_every=300, rebuild=True)
    assert rebuilt.added == 700 and search("", index_dir=tmp_path / "parallel", collapse=False).total == 700


def test_small_updates_are_merged_but_large_segments_left_alone(tmp_path, monkeypatch):
    from search.index import writers
    index_dir = tmp_path / "index"
    for n in range(4):  # four small updates: their tiny segments are folded together as they come
        build_index([write_corpus(tmp_path / f"batch{n}", 20, prefix=f"b{n}-")], index_dir)
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) <= 2
    monkeypatch.setattr(writers, "TINY_SEGMENT_DOCS", 10)  # now every segment counts as large
    for n in range(4, 7):
        build_index([write_corpus(tmp_path / f"batch{n}", 20, prefix=f"b{n}-")], index_dir)
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) >= 4
    assert len(set(all_ids(index_dir))) == len(all_ids(index_dir)) == 140


def pairs(facets, name):
    values, docs, ords = facets[name]
    return {(int(d), values[o]) for d, o in zip(docs, ords, strict=True)}


def test_saved_facet_arrays_match_the_postings_and_follow_deletions(tmp_path, monkeypatch):
    from search.index import facet_arrays, writers
    monkeypatch.setattr(writers, "TINY_SEGMENT_DOCS", 10)  # keep the workers' segments as written
    from search.index.schema import FACETS
    corpus = write_corpus(tmp_path / "corpus", 600)
    with (tmp_path / "corpus" / "more.jsonl").open("w", encoding="utf-8") as extra:
        extra.write(json.dumps({"id": "kr", "title": "Seoul talks", "text": "South Korea and Japan met in Seoul. "
                                "NATO Secretary General Jens Stoltenberg said cyber defence matters."}) + "\n")
    index_dir = tmp_path / "index"
    build_index([corpus.parent], index_dir, workers=2, commit_every=400)
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        leaves = searcher.reader().leaf_readers()
        assert len(leaves) >= 2  # written by the workers, each with its saved arrays
        for leaf, _ in leaves:
            saved = facet_arrays.load(index_dir, leaf.segment().segment_id())
            assert saved is not None
            from_postings = facet_arrays.from_reader(leaf)
            assert all(pairs(saved, name) == pairs(from_postings, name) for name in FACETS)
    countries = search("seoul", index_dir=index_dir, collapse=False).facets["country"]
    assert {"South Korea": 1, "Japan": 1} == {v.value: v.count for v in countries}
    delete_articles(["kr"], index_dir)
    # the deleted article's values are gone
    assert search("", index_dir=index_dir, collapse=False).facets["country"] == []
    saved_files = {p.stem for p in (index_dir / facet_arrays.CACHE_DIR).glob("*.npz")}
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        generation = searcher.reader().generation()
        version = facet_arrays.version_key(leaf.segment() for leaf, _ in searcher.reader().leaf_readers())
        assert saved_files == {leaf.segment().segment_id() for leaf, _ in searcher.reader().leaf_readers()} | \
            {f"{facet_arrays.TABLES_PREFIX}{generation}"}  # and only this version's combined tables
    # the saved tables are those put together from the segments' pairs, deletions applied
    from search.index import snapshot as snapshot_module
    saved = facet_arrays.load_tables(index_dir, generation, version)
    (index_dir / facet_arrays.CACHE_DIR / f"{facet_arrays.TABLES_PREFIX}{generation}.npz").unlink()
    snapshot_module._cache.clear()
    snap = snapshot_module.snapshot(index_dir)
    for name in FACETS:
        combined = snap.table(name)
        assert saved[name].values == combined.values and saved[name].ordinals == combined.ordinals
        assert all(np.array_equal(getattr(saved[name], a), getattr(combined, a))
                   for a in ("pair_docs", "pair_ords", "starts"))


def test_search_while_another_process_indexes(tmp_path):
    index_dir = tmp_path / "index"
    build_index([ROOT / "seeds"], index_dir)
    write_corpus(tmp_path / "corpus", 800)
    process = subprocess.Popen([sys.executable, "-m", "search", "index", str(tmp_path / "corpus"), "--index-dir",
                                str(index_dir), "--workers", "1", "--commit-every", "100", "--quiet"])
    totals = []
    while process.poll() is None:
        totals.append(search("", index_dir=index_dir, collapse=False).total)  # readers see the last commit
        time.sleep(0.05)
    assert process.returncode == 0
    totals.append(search("", index_dir=index_dir, collapse=False).total)
    assert totals == sorted(totals) and totals[0] >= 2 and totals[-1] == 802
    assert len(set(totals)) >= 2  # the reader saw intermediate commits, then the end


def test_a_snapshot_reads_its_version_whole_after_a_commit_deletes_its_segments(tmp_path):
    """A query keeps the snapshot it started with while another process commits. A commit that
    merges tiny segments deletes their files (and their side files): the snapshot still reads
    every document's stored fields, its field lengths and its text terms' statistics, from the
    files it opened with its version (what `test_search_while_another_process_indexes` hit by
    chance: stored fields read after the files were gone)."""
    from search.index import snapshot as snapshot_module
    index_dir = tmp_path / "index"
    build_index([ROOT / "seeds"], index_dir)
    build_index([write_corpus(tmp_path / "a", 30)], index_dir)  # a second tiny segment: the next commit merges both
    old = snapshot_module.snapshot(index_dir)
    files = [path for leaf, _ in old._leaves() for path in index_dir.glob(f"{leaf.segment().segment_id()}.*")]

    def version_read(snap):
        return ([snap.searcher.stored_fields(d) for d in range(snap.doc_count)],
                [snap.field_lengths(name).tolist() for name in TEXT_FIELDS],
                [(info.min_length(), info.max_length()) for leaf, _ in snap._leaves() for name in TEXT_FIELDS
                 if (name, "report") in leaf for info in [leaf.term_info(name, "report")]],
                snap.published.tolist())

    twin = snapshot_module._open(index_dir)  # the same version, read before the commit
    with twin.searcher:
        expected = version_read(twin)
    build_index([write_corpus(tmp_path / "b", 5, prefix="b")], index_dir)
    assert len(files) > 4 and not any(path.exists() for path in files)  # the old version's segments are gone
    assert not old.searcher.up_to_date()
    assert version_read(old) == expected and len(expected[0]) == 32 and expected[2]


def test_a_second_writer_waits_then_fails_clearly(tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    build_index([ROOT / "seeds"], index_dir)
    monkeypatch.setattr(build_module, "WRITE_TIMEOUT_S", 0.3)
    holder = whoosh_index.open_dir(str(index_dir)).writer()
    try:
        with pytest.raises(IndexBusyError, match="another process is writing"):
            build_index([ROOT / "seeds"], index_dir, rebuild=True)
    finally:
        holder.cancel()
    assert search("cyber", index_dir=index_dir, collapse=False).total == 2  # untouched


def test_corrupt_index_folder_gives_a_clear_error(tmp_path):
    index_dir = tmp_path / "index"
    build_index([ROOT / "seeds"], index_dir)
    for toc in index_dir.glob("*.toc"):
        toc.write_bytes(os.urandom(200))
    with pytest.raises(IndexCorruptError, match="cannot read the index"):
        search("x", index_dir=index_dir, collapse=False)
    out = subprocess.run([sys.executable, "-m", "search", "query", "x", "--index-dir", str(index_dir)],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "cannot read the index" in out.stderr and "Traceback" not in out.stderr


def test_deleted_caches_are_rebuilt_from_whoosh_with_the_same_answers(tmp_path):
    import shutil

    from search.index import snapshot as snapshot_module
    index_dir = tmp_path / "index"
    build_index([ROOT / "seeds", write_corpus(tmp_path / "corpus", 30)], index_dir)
    queries = ["trade talks", '"the minister said"', "negotiat*", "stoltenberg", "geneva -round"]
    before = [search(q, index_dir=index_dir, collapse=False) for q in queries]
    shutil.rmtree(index_dir / "postings")
    shutil.rmtree(index_dir / "facets")
    snapshot_module._cache.clear()  # as a new process would
    after = [search(q, index_dir=index_dir, collapse=False) for q in queries]
    assert [(r.total, [h.id for h in r.hits], r.facets) for r in after] == \
        [(r.total, [h.id for h in r.hits], r.facets) for r in before]
    assert any((index_dir / "postings").iterdir()) and any((index_dir / "facets").iterdir())
