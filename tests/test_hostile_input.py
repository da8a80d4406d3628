"""Hostile input costs neither memory, disk, data nor a failed run (issue 12, rows 1, 2, 3, 8, 14).

The hostile files are generated here (no stored blobs). Memory is measured in a subprocess
(`ru_maxrss` of a fresh interpreter that only indexes), under an address-space limit so that a
regression fails the test instead of exhausting the machine.
"""

from __future__ import annotations

import json
import os
import random
import string
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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
