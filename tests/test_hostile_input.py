"""Hostile input costs neither memory, disk, data nor a failed run (issue 12, rows 1, 2, 3, 8, 14).

The hostile files are generated here (no stored blobs). Memory is measured in a subprocess
(`ru_maxrss` of a fresh interpreter that only indexes), under an address-space limit so that a
regression fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import json
import random
import string
import subprocess
import sys
import textwrap
from pathlib import Path

from search import build_index, search
from search.index.analysis import MAXSIZE, analyze
from search.index.postings import PostingsBuilder

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
    assert search("pipelines", index_dir=index_dir).total == 2  # the long words' articles, by other words
    assert search("crude", index_dir=index_dir).total > 100


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
        assert search("ministers", index_dir=index_dir).total == 3


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
            result = search(query, index_dir=index_dir)
            assert (result.total, result.hits) == (0, [])
        assert facet_values("country", index_dir=index_dir) == ([], 0)
        assert cooccurrence("country", "source", index_dir=index_dir).counts == []
        assert get_article("x", index_dir=index_dir) is None and similar("x", index_dir=index_dir) == []
        assert index_stats(index_dir=index_dir).articles == 0
        assert "".join(export(index_dir=index_dir)).count("\n") == 1  # the header only
        assert main(["query", "oil", "--index-dir", str(index_dir)]) == 0
