"""Damaged indexes (issue 12, rows 9–11): every file has a record written at commit; a damaged
Whoosh file gives `IndexCorruptError` (never a wrong answer), a damaged side file is rebuilt and
saved again, and `check [--repair]` finds everything and says which articles are affected.
Each case damages a real index on disk, as a disk or an interrupted copy would."""

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from search import IndexCorruptError, build_index, check_index, search
from search.index import integrity

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["harbour", "grain", "tariff", "pipeline", "election", "drought", "vaccine", "satellite", "railway", "copper"]


def write_articles(path: Path, prefix: str, count: int) -> Path:
    """Articles with dates in two years and a few words each, so that damage changes answers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(count):
        a, b = WORDS[i % len(WORDS)], WORDS[(i * 3 + 1) % len(WORDS)]
        lines.append(json.dumps({"id": f"{prefix}{i}", "title": f"Notes on the {a} plan {i}",
                                 "text": f"The council discussed the {a} and the {b} on day {i}. "
                                         f"A spokesman said the {b} question was settled.",
                                 "date": f"{2019 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}"}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """An index of two segments (two runs of 150 articles), with its records."""
    root = tmp_path_factory.mktemp("pristine")
    index_dir = root / "index"
    build_index([write_articles(root / "in" / "a.jsonl", "a", 150)], index_dir)
    build_index([write_articles(root / "in" / "b.jsonl", "b", 150)], index_dir)
    return index_dir


@pytest.fixture
def index(pristine, tmp_path) -> Path:
    """A copy of the pristine index, for a test to damage."""
    return Path(shutil.copytree(pristine, tmp_path / "index"))


def answers(index_dir: Path) -> list[tuple[int, list[str]]]:
    """What a handful of queries answer: totals and the ids of the top hits."""
    out = []
    for q, filters in [("harbour", None), ("grain tariff", None), ("", {"date": ("2019-01-01", "2019-12-31")}),
                       ("spokesman", None), ("rail*", None)]:
        if filters:
            res = search(q, date_from=date.fromisoformat(filters["date"][0]),
                         date_to=date.fromisoformat(filters["date"][1]), index_dir=index_dir)
        else:
            res = search(q, index_dir=index_dir)
        out.append((res.total, [h.id for h in res.hits]))
    return out


def all_ids(index_dir: Path) -> set[str]:
    res = search("", per_page=100, index_dir=index_dir, collapse=False)
    return {h.id for page in range(1, res.pages + 1) for h in search("", page=page, per_page=100,
                                                                   index_dir=index_dir, collapse=False).hits}


def segment_file(index_dir: Path, suffix: str) -> Path:
    return sorted(p for p in index_dir.iterdir() if p.name.startswith("MAIN_") and p.name.endswith(suffix))[0]


def truncate(path: Path, keep: float = 0.5) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * keep)])


def scribble(path: Path) -> None:
    """Random bytes over the middle of a file, its size unchanged."""
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(7)
    start = len(data) // 3
    span = max(16, len(data) // 4)
    data[start:start + span] = rng.integers(0, 256, span, dtype=np.uint8).tobytes()
    path.write_bytes(bytes(data[:len(path.read_bytes())]))


def test_every_file_of_the_version_has_a_record_that_matches_it(index):
    records = integrity.read_manifest(index)
    whoosh_files = [p.name for p in index.iterdir() if p.name.startswith(("MAIN_", "_MAIN_")) and p.suffix != ".tmp"
                    and "WRITELOCK" not in p.name]
    side_files = [str(p.relative_to(index)) for p in index.rglob("*.np[yz]")]
    assert set(whoosh_files) | set(side_files) == set(records)
    assert len(side_files) > 20 and any(name.endswith(".pst") for name in records)
    for name, record in records.items():
        assert integrity.measure(index / name) == record, name
    assert check_index(index).ok


@pytest.mark.parametrize("suffix", ["published.col", "_body_len.col", ".trm", "_stored.col", ".pst"])
def test_a_truncated_whoosh_file_is_an_index_corrupt_error_naming_it_and_check_lists_the_articles(index, suffix):
    damaged = segment_file(index, suffix)
    truncate(damaged)
    with pytest.raises(IndexCorruptError, match="damaged") as caught:
        search("harbour", index_dir=index)
    assert damaged.name in str(caught.value) and "python -m search check" in str(caught.value)
    report = check_index(index)
    assert not report.ok and [d.name for d in report.damaged] == [damaged.name]
    segment = damaged.name.split(".")[0]
    assert [lost.segment for lost in report.lost] == [segment] and report.lost[0].count == 150
    assert any(f"segment {segment} holds 150 articles" in line for line in report.lines())


def test_a_deleted_segment_file_is_an_index_corrupt_error(index):
    segment_file(index, ".pst").unlink()
    with pytest.raises(IndexCorruptError, match=r"\.pst: missing"):
        search("harbour", index_dir=index)


def test_repair_drops_the_unreadable_segment_lists_its_articles_and_the_rest_answers(index):
    intact = all_ids(index)
    damaged = segment_file(index, ".pst")
    truncate(damaged)
    report = check_index(index, repair=True)
    assert report.ok and any("dropped 1 unreadable segments (150 articles)" in r for r in report.repaired)
    lost = set(report.lost[0].ids)
    assert len(lost) == 150 and report.lost[0].origins and report.lost[0].origins[0].endswith(".jsonl:1")
    left = all_ids(index)
    assert left == intact - lost and len(left) == 150
    assert check_index(index).ok  # the new version is recorded and whole


def test_random_bytes_in_a_postings_array_are_rebuilt_and_saved_again_not_answered(pristine, index):
    expected = answers(pristine)
    terms = next(index.glob("postings/*/body.terms.npy"))
    before = terms.read_bytes()
    scribble(terms)
    assert terms.read_bytes() != before and len(terms.read_bytes()) == len(before)
    assert answers(index) == expected
    # saved again, whole, with its record: the next process loads it without rebuilding
    assert integrity.measure(terms) == integrity.read_manifest(index)[str(terms.relative_to(index))]
    assert np.array_equal(np.load(terms), np.load(next(pristine.glob(f"postings/{terms.parent.name}/body.terms.npy"))))
    fresh = run_python(f"from search import search; print(search('harbour', index_dir={str(index)!r}).total)")
    assert fresh.stdout.strip() == str(expected[0][0]) and "unreadable" not in fresh.stderr, fresh.stderr


@pytest.mark.parametrize("victim", ["facets/MAIN_*.npz", "facets/tables-*.npz", "postings/*/docs.npy"])
def test_damaged_or_truncated_side_files_never_change_an_answer(pristine, index, victim):
    expected = answers(pristine)
    for number, path in enumerate(sorted(index.glob(victim.replace("docs.npy", "body.docs.npy")))):
        truncate(path) if number % 2 else scribble(path)
    assert answers(index) == expected
    # what the answers needed was rebuilt and saved again; what they did not need, check finds and repairs
    damage = check_index(index).damaged
    assert all(d.derived for d in damage)
    if victim != "facets/MAIN_*.npz":  # the tables (and postings) were needed: saved again, whole
        assert not damage
    assert check_index(index, repair=True).ok and check_index(index).ok and answers(index) == expected


def test_check_finds_damage_the_open_check_does_not_look_for_and_repair_rebuilds_it(pristine, index):
    big = max((p for p in index.rglob("*.npy")), key=lambda p: p.stat().st_size)
    scribble(big)
    report = check_index(index)
    assert not report.ok and [d.problem for d in report.damaged] == ["checksum differs"]
    assert report.damaged[0].derived and not report.lost
    repaired = check_index(index, repair=True)
    assert repaired.ok and "rebuilt 1 derived files" in repaired.repaired
    assert check_index(index).ok and answers(index) == answers(pristine)


def test_a_damaged_record_file_is_reported_and_repair_records_again(index):
    (index / integrity.MANIFEST).write_text("{not json")
    with pytest.raises(IndexCorruptError, match="file records"):
        search("harbour", index_dir=index)
    assert check_index(index, repair=True).ok
    assert check_index(index).ok and search("harbour", index_dir=index).total > 0


def test_an_index_without_records_still_opens_and_check_records_it(index):
    (index / integrity.MANIFEST).unlink()
    assert search("harbour", index_dir=index).total > 0
    report = check_index(index)
    assert report.ok and len(report.unrecorded) > 20
    assert check_index(index, repair=True).ok and not check_index(index).unrecorded


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "search", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_the_cli_says_what_is_damaged_in_one_line_and_check_repair_mends_it(index):
    truncate(segment_file(index, "published.col"))
    out = run_cli("query", "harbour", "--index-dir", str(index))
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1
    assert out.stderr.startswith("error: the index at") and "published.col" in out.stderr
    out = run_cli("check", "--index-dir", str(index))
    assert out.returncode == 2 and "holds 150 articles" in out.stdout and "--repair" in out.stdout
    out = run_cli("check", "--repair", "--index-dir", str(index))
    assert out.returncode == 0 and "dropped 1 unreadable segments" in out.stdout and "read from:" in out.stdout
    assert run_cli("query", "harbour", "--index-dir", str(index)).returncode == 0


def test_the_page_shows_damage_as_a_sentence(index, monkeypatch):
    truncate(segment_file(index, "_body_len.col"))
    monkeypatch.setenv("SEARCH_INDEX_DIR", str(index))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["q"] = "harbour"
    at.run()
    assert not at.exception and at.error and "is damaged" in at.error[0].value and "len.col" in at.error[0].value


def test_recording_keeps_a_segment_files_first_record_and_measures_the_table_of_contents_anew(tmp_path):
    toc, segment = tmp_path / "_MAIN_1.toc", tmp_path / "MAIN_x.pst"
    toc.write_bytes(b"version one of an index")
    segment.write_bytes(b"postings as written")
    integrity.record(tmp_path, [toc.name, segment.name], toc.name)
    toc.write_bytes(b"version one of a new index in the same folder")  # versions counted from 0 again
    segment.write_bytes(b"postings as damaged")  # a segment file never changes: this is damage
    integrity.record(tmp_path, [toc.name, segment.name], toc.name)
    records = integrity.read_manifest(tmp_path)
    assert records[toc.name] == integrity.measure(toc)
    assert [str(d) for d in integrity.compare(tmp_path, list(records), records, full=True)] == \
        ["MAIN_x.pst: checksum differs"]
