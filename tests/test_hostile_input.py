"""Hostile input costs neither memory, disk, data nor a failed run (issue 12, rows 1, 2, 3, 8, 14).

The hostile files are generated here (no stored blobs). Memory is measured in a subprocess
(`ru_maxrss` of a fresh interpreter that only indexes), under an address-space limit so that a
regression fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import ctypes
import json
import os
import random
import string
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import build_index, cooccurrence, facet_values, search
from search.index.analysis import MAXSIZE, analyze
from search.index.postings import PostingsBuilder
from search.index.vocabulary import Vocabulary
from search.ingest.readers import ReadError, plausible_dates, read_paths

ROOT = Path(__file__).resolve().parent.parent
PEAK_RSS_LIMIT_MB = 1024
ADDRESS_SPACE_LIMIT = 6 * 2**30  # a safety net for the machine; the assertion below is the test
INDEX_SIZE_FACTOR = 20
WORDS = "oil market talks minister prices crude supply ports shipping grain export deal summit".split()


def random_letters(count: int, seed: int) -> str:
    return "".join(random.Random(seed).choices(string.ascii_lowercase, k=count))


def write_hostile_corpus(folder: Path) -> int:
    """~1,000 small articles, one whose title is a single 5 MB word and one with a 50,000-letter
    word in its body; returns the input's size in bytes."""
    folder.mkdir(parents=True)
    rng = random.Random(7)
    with open(folder / "small.jsonl", "w", encoding="utf-8") as out:
        for i in range(1000):
            body = " ".join(rng.choice(WORDS) for _ in range(40))
            out.write(json.dumps({"id": f"s{i}", "title": f"Wire story {i}", "text": body}) + "\n")
    (folder / "huge_title.txt").write_text(random_letters(5_000_000, 1) + "\nA short note on pipelines.\n")
    (folder / "long_word.txt").write_text("Long word story\nThe body names pipelines and "
                                          + random_letters(50_000, 2) + " in one line.\n")
    return sum(f.stat().st_size for f in folder.iterdir())


def test_long_tokens_are_stored_but_not_terms():
    text = "pipelines " + "q" * (MAXSIZE + 1) + " crude " + "w" * MAXSIZE
    terms = analyze(text)
    assert set(terms) == {"pipelin", "crude", "w" * MAXSIZE}
    assert terms["crude"] == [1]  # a dropped token leaves no gap, as a stop word
    builder = PostingsBuilder()
    builder.add(0, {"title": "x" * 100_000, "body": text})
    built = builder.build()
    assert built.words.dtype.itemsize <= 4 * MAXSIZE  # never as wide as the longest token
    assert all(field.terms.dtype.itemsize <= 4 * MAXSIZE for field in built.fields.values())


def test_a_5mb_word_and_a_50000_letter_word_cost_bounded_memory_and_disk(tmp_path):
    input_bytes = write_hostile_corpus(tmp_path / "in")
    index_dir = tmp_path / "index"
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE_LIMIT}, {ADDRESS_SPACE_LIMIT}))
        from search import build_index
        report = build_index([{str(tmp_path / 'in')!r}], {str(index_dir)!r})
        print(report.added, len(report.errors), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    added, errors, peak_kb = map(int, done.stdout.split())
    assert (added, errors) == (1002, 0)
    assert peak_kb / 1024 < PEAK_RSS_LIMIT_MB
    index_bytes = sum(f.stat().st_size for f in index_dir.rglob("*") if f.is_file())
    assert index_bytes < INDEX_SIZE_FACTOR * input_bytes
    # the long words' articles, by other words
    assert search("pipelines", index_dir=index_dir, collapse=False).total == 2
    assert search("crude", index_dir=index_dir, collapse=False).total > 100


# Row 2: a build that reads no good article; an index before its first commit


def snapshot_of_folder(folder: Path) -> dict[str, bytes]:
    return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()}


def test_a_rebuild_that_reads_no_good_article_leaves_the_index_as_it_was(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(json.dumps({"id": f"g{i}", "title": f"Talks {i}", "text": "Ministers met."})
                              for i in range(3)) + "\n")
    index_dir = tmp_path / "index"
    build_index([good], index_dir)
    before = snapshot_of_folder(index_dir)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.json").write_text("{not json")
    (bad / "empty.csv").write_text("title,text\n")
    for paths in ([bad], [tmp_path / "nothing-here"], []):
        report = build_index(paths, index_dir, rebuild=True)
        assert (report.added, report.updated) == (0, 0)
        assert "not rebuilt" in report.notice and "unchanged" in report.summary()
        assert snapshot_of_folder(index_dir) == before
        assert search("ministers", index_dir=index_dir, collapse=False).total == 3


def test_a_new_index_is_searchable_before_its_first_commit(tmp_path):
    """The state a kill -9 leaves between creating an index and its first commit (and what a first
    build that read nothing leaves): every reading call answers, empty."""
    from whoosh import index as whoosh_index

    from search import cooccurrence, export, facet_values, get_article, index_stats, similar
    from search.cli import main
    from search.index.schema import make_schema

    created = tmp_path / "created"
    created.mkdir()
    whoosh_index.create_in(str(created), make_schema())
    first_build = tmp_path / "first"
    (tmp_path / "bad.json").write_text("[1, 2]")
    assert build_index([tmp_path / "bad.json"], first_build).added == 0
    for index_dir in (created, first_build):
        for query in ("", "oil", "oil*", "oil~1", '"crude oil"', "title:oil OR body:gas"):
            result = search(query, index_dir=index_dir, collapse=False)
            assert (result.total, result.hits) == (0, [])
        assert facet_values("country", index_dir=index_dir) == ([], 0)
        assert cooccurrence("country", "source", index_dir=index_dir).counts == []
        assert get_article("x", index_dir=index_dir) is None and similar("x", index_dir=index_dir) == []
        assert index_stats(index_dir=index_dir).articles == 0
        assert "".join(export(index_dir=index_dir)).count("\n") == 1  # the header only
        assert main(["query", "oil", "--index-dir", str(index_dir)]) == 0


# Row 3: every bad file or record is one reported error, never a failed run

DEPTH = 100_000


def good_records(folder: Path, count: int, name: str = "good.jsonl") -> None:
    (folder / name).write_text("\n".join(json.dumps({"id": f"{name}-{i}", "title": f"Harbour report {i}",
                                                     "text": "Dockers loaded grain at the harbour."})
                                         for i in range(count)) + "\n")


def errors_by_place(report_errors, folder: Path) -> dict[str, str]:
    return {str(e.where).replace(str(folder) + "/", ""): e.message for e in report_errors}


def test_deep_nesting_is_one_error_and_every_good_record_is_committed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good_records(corpus, 999)
    (corpus / "deep.json").write_text("[" * DEPTH + "]" * DEPTH)
    (corpus / "lines.jsonl").write_text(json.dumps({"id": "l1", "text": "Grain ships left."}) + "\n"
                                        + '{"a":' * DEPTH + "1" + "}" * DEPTH + "\n"
                                        + json.dumps({"id": "l3", "text": "More grain ships left."}) + "\n")
    (corpus / "deep.txt").write_text("Deep sidecar\nA note on grain.\n")
    (corpus / "deep.meta.toml").write_text("source = " + "[" * DEPTH + "]" * DEPTH + "\n")
    report = build_index([corpus], tmp_path / "index")
    errors = errors_by_place(report.errors, corpus)
    assert errors.keys() == {"deep.json", "lines.jsonl:2", "deep.txt"}
    assert all("nested too deeply" in message for message in errors.values())
    assert "deep.meta.toml" in errors["deep.txt"]  # the sidecar is named
    assert report.added == 1001 and search("", index_dir=tmp_path / "index", collapse=False).total == 1001


def test_wrong_json_types_are_errors_naming_the_field(tmp_path):
    records = [{"text": ["a", "b"]}, {"title": {"x": 1}, "text": "ok"}, {"text": True},
               {"text": "Fine text", "speaker": [{"name": "x"}]}, {"text": 12},
               {"id": 7, "text": "A number is a fine id", "date": 20210304}]
    (tmp_path / "types.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    items = list(read_paths([tmp_path / "types.jsonl"]))
    errors = {e.where.rsplit(":", 1)[1]: e.message for e in items if isinstance(e, ReadError)}
    assert errors == {"1": "text must be a string, got a list", "2": "title must be a string, got an object",
                      "3": "text must be a string, got true/false", "4": "speaker must be a string, got an object",
                      "5": "text must be a string, got a number"}
    [article] = [a for a in items if not isinstance(a, ReadError)]
    assert article.body == "A number is a fine id" and "['a', 'b']" not in repr(items)


def test_memory_error_on_one_record_is_reported_and_the_rest_read(tmp_path):
    """One line needs more memory than the process may have (an address-space limit, in a
    subprocess): that record is reported, the records around it are read."""
    path = tmp_path / "big.jsonl"
    with open(path, "w") as out:
        out.write(json.dumps({"id": "g1", "text": "good one"}) + "\n")
        out.write('{"text": "big", "numbers": [')
        for _ in range(60):
            out.write("0," * 1_000_000)
        out.write('0]}\n' + json.dumps({"id": "g2", "text": "good two"}) + "\n")
    script = textwrap.dedent(f"""
        import resource
        from search.ingest.readers import ReadError, read_paths
        size = int(next(line for line in open("/proc/self/status") if line.startswith("VmSize")).split()[1]) * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size + 600 * 2**20, size + 600 * 2**20))
        for item in read_paths([{str(path)!r}]):
            print(item if isinstance(item, ReadError) else item.id)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["g1", f"{path}:2: too large to read in the memory available", "g2"]


def without_root_privileges() -> None:
    """Run a child as root without the capabilities that let root read any folder (so a folder of
    mode 000 is unreadable to it, as to anyone else); a non-root child needs nothing."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def test_unreadable_folders_and_link_loops_are_reported(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    good_records(corpus, 2)
    good_records(corpus / "sub", 1, "inner.jsonl")
    (corpus / "sub" / "loop").symlink_to(corpus)  # a folder that contains itself
    (corpus / "dangling.txt").symlink_to(corpus / "gone.txt")
    (corpus / "locked").mkdir()
    good_records(corpus / "locked", 1, "hidden.jsonl")
    (corpus / "locked").chmod(0)
    try:
        script = textwrap.dedent(f"""
            from search.ingest.readers import ReadError, read_paths
            for item in read_paths([{str(corpus)!r}]):
                print("error", item) if isinstance(item, ReadError) else print("article", item.id)
        """)
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              preexec_fn=without_root_privileges)
    finally:
        (corpus / "locked").chmod(0o755)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert sorted(line for line in lines if line.startswith("article")) == [
        "article good.jsonl-0", "article good.jsonl-1", "article inner.jsonl-0"]  # each read once
    errors = [line for line in lines if line.startswith("error")]
    assert len(errors) == 3
    assert any(f"{corpus}/locked: folder cannot be read (Permission denied)" in e for e in errors)
    assert any(f"{corpus}/sub/loop: symbolic link loop" in e for e in errors)
    assert any(f"{corpus}/dangling.txt: symbolic link that loops or leads nowhere" in e for e in errors)


def test_prune_keeps_the_articles_of_a_file_that_failed_to_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good_records(corpus, 2, "a.jsonl")
    good_records(corpus, 2, "b.jsonl")
    index_dir = tmp_path / "index"
    build_index([corpus], index_dir)
    (corpus / "b.jsonl").write_bytes(b"\xff\xfe\x00\x00broken")
    report = build_index([corpus], index_dir, prune=True)
    assert report.pruned == 0 and len(report.errors) == 1
    assert search("", index_dir=index_dir, collapse=False).total == 4


# Row 8: implausible dates


def test_implausible_dates_are_reported_and_dropped_the_articles_kept(tmp_path):
    latest = plausible_dates()[1]
    dates = {"far": "9999-12-31", "early": "0001-01-01", "before": "1799-12-31", "first": "1800-01-01",
             "last": latest.isoformat(), "after": (latest + timedelta(days=1)).isoformat()}
    (tmp_path / "dates.jsonl").write_text("\n".join(
        json.dumps({"id": name, "title": f"Dated {name}", "text": "Harbour news.", "date": value})
        for name, value in dates.items()) + "\n")
    index_dir = tmp_path / "index"
    report = build_index([tmp_path / "dates.jsonl"], index_dir)
    assert report.added == 6
    warned = {e.where.rsplit(":", 1)[1]: e.message for e in report.errors}
    assert warned.keys() == {"1", "2", "3", "6"}
    assert "9999-12-31 is outside 1800-01-01" in warned["1"] and "kept without a date" in warned["1"]
    result = search("", per_page=10, index_dir=index_dir, collapse=False)
    published = {hit.id: hit.published for hit in result.hits}
    assert published["first"] == date(1800, 1, 1) and published["last"] == latest
    assert all(published[name] is None for name in ("far", "early", "before", "after"))
    assert [v.value for v in result.dates.years] == ["1800", str(latest.year)]


# Row 14: API edges


def test_api_arguments_of_the_wrong_kind_get_clear_errors(seed_index):
    with pytest.raises(ValueError, match="facet_limit must be a whole number"):
        search("", facet_limit=-1, index_dir=seed_index, collapse=False)
    with pytest.raises(TypeError, match="filters must be a mapping of facet name to values"):
        search("", filters="country", index_dir=seed_index, collapse=False)
    with pytest.raises(TypeError, match=r"exclude must be a mapping"):
        facet_values("country", exclude=["France"], index_dir=seed_index)
    with pytest.raises(TypeError, match=r"filters\['country'\] must be a value or a list"):
        search("", filters={"country": 3}, index_dir=seed_index, collapse=False)
    with pytest.raises(TypeError, match="query must be a string"):
        search(b"oil", index_dir=seed_index, collapse=False)
    with pytest.raises(ValueError, match="top must be a whole number from 1 to 200"):
        cooccurrence("country", "source", top=10_000, index_dir=seed_index)
    assert search(None, index_dir=seed_index, collapse=False).total == \
        search("", index_dir=seed_index, collapse=False).total > 0
    assert len(search("", facet_limit=0, index_dir=seed_index, collapse=False).facets["source"]) == 0
    assert len(cooccurrence("source", "source", top=200, index_dir=seed_index).rows) > 0


def test_did_you_mean_keeps_half_the_letters_of_the_word():
    words = Vocabulary.combine([(np.array(sorted(w.encode() for w in ("he", "oil", "石炭"))),
                                 np.array([50, 5, 1], dtype=np.int32))])
    assert words.correct("石油") == "石炭"  # one of two characters kept
    assert words.correct("水道") is None  # "he" is two edits away: nothing of the word kept
    assert words.correct("oi") == "oil" and words.correct("ox") is None


def test_did_you_mean_on_an_index_never_turns_a_foreign_word_into_a_short_one(seed_index):
    assert search("石油", index_dir=seed_index, collapse=False).suggestion is None


# Hypothesis: random bytes (tests/test_fuzz.py) and random structure and nesting to the readers

READ_DEADLINE = timedelta(seconds=10)  # catches a hang or a blow-up, far above a normal read
FIELD_KEYS = st.sampled_from(["id", "title", "text", "body", "date", "speaker", "authors", "source", "url", "x"])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(FIELD_KEYS | st.text(max_size=6), inner, max_size=5),
    max_leaves=40)


def assert_read_cleanly(path: Path) -> list:
    items = list(read_paths([path]))
    for item in items:
        assert isinstance(item, ReadError) or (isinstance(item.body, str) and item.body)
        if not isinstance(item, ReadError) and item.published is not None:
            assert plausible_dates()[0] <= item.published <= plausible_dates()[1]
    return items


@settings(max_examples=150, deadline=READ_DEADLINE, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(json_values, max_size=5), st.sampled_from(["a.json", "a.jsonl"]))
def test_random_json_structure_is_read_or_reported(tmp_path, records, name):
    path = tmp_path / name
    text = json.dumps(records) if name.endswith(".json") else "\n".join(json.dumps(r) for r in records)
    path.write_text(text or " ")
    items = assert_read_cleanly(path)
    assert items  # every file gives an article or says why not


@settings(max_examples=25, deadline=READ_DEADLINE, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(1, 200_000), st.sampled_from(["[", '{"text": ', '{"speaker": [']),
       st.sampled_from(["a.json", "a.jsonl", "a.txt"]))
def test_random_nesting_depth_is_read_or_one_error(tmp_path, depth, opener, name):
    closer = {"[": "]", '{"text": ': "}", '{"speaker": [': "]}"}[opener]
    nested = opener * depth + '"x"' + closer * depth
    path = tmp_path / name
    if name == "a.txt":
        path.write_text("Title\nBody text.\n")
        (tmp_path / "a.meta.toml").write_text("speaker = " + "[" * depth + '"x"' + "]" * depth + "\n")
    else:
        path.write_text(json.dumps({"text": "first"}) + "\n" + nested + "\n" if name == "a.jsonl" else nested)
    items = assert_read_cleanly(path)
    errors = [item for item in items if isinstance(item, ReadError)]
    assert len(errors) <= 1
    if name == "a.jsonl":
        assert items[0].body == "first"  # the good line before is read whatever comes after
