"""An index written before the language and metadata fields existed (issue 13.5 and 13.7) opens,
answers and is checked as it is; the next build adds the fields to its schema (docs/metadata-facets.md).

The old index was written by the old program itself, the commit before the merge (`OLD_COMMIT`), and
is kept as `tests/fixtures/index-3dbf60c.tar.gz` (37 KB) so the test needs no git history (CI may
clone shallowly). It holds `articles("old", 30, seed=1)`; to make it again:

    git archive 3dbf60c | tar -x -C /tmp/old   # the old program
    (write articles("old", 30, seed=1) as JSON lines to /tmp/old.jsonl)
    cd /tmp/old && python -m search index /tmp/old.jsonl --index-dir /tmp/old-index
    tar -czf tests/fixtures/index-3dbf60c.tar.gz -C /tmp/old-index .
"""

from __future__ import annotations

import json
import random
import shutil
import tarfile
from pathlib import Path

import pytest
from conftest import ROOT
from whoosh import index as whoosh_index

from search import build_index, check_index, delete_articles, get_article, index_stats, optimize, search
from search.errors import IndexCorruptError
from search.index import build as build_module
from search.index.location import open_index
from search.index.schema import ADDED_FIELDS, make_schema

FIXTURE = ROOT / "tests" / "fixtures" / "index-3dbf60c.tar.gz"
OLD_COMMIT = "3dbf60c"  # main before the metadata facets and language were merged: no such fields
WORDS = ("harbour council budget river school bridge railway farmers market hospital election storm "
         "museum festival factory workers tunnel airport library drought vaccine court mayor treaty").split()


def articles(prefix: str, count: int, seed: int) -> list[dict[str, str]]:
    """`count` articles of our own, each a different random run of words (so no two are copies)."""
    rng = random.Random(seed)
    return [{"id": f"{prefix}{i}", "title": f"{rng.choice(WORDS).capitalize()} report {prefix}{i}",
             "text": " ".join(rng.choice(WORDS) for _ in range(80)) + ".", "source": "Test Wire",
             "date": f"2024-03-{1 + i % 28:02d}"} for i in range(count)]


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    return path


@pytest.fixture(scope="module")
def old_index(tmp_path_factory) -> Path:
    """The index of 30 articles written by the program as it was at `OLD_COMMIT`."""
    index_dir = tmp_path_factory.mktemp("old") / "index"
    with tarfile.open(FIXTURE) as archive:
        archive.extractall(index_dir, filter="data")
    assert ADDED_FIELDS.isdisjoint(whoosh_index.open_dir(str(index_dir)).schema.names())  # really an old one
    return index_dir


@pytest.fixture
def copy_of_old(old_index, tmp_path) -> Path:
    return Path(shutil.copytree(old_index, tmp_path / "index"))


def stored_schema(index_dir: Path) -> set[str]:
    return set(whoosh_index.open_dir(str(index_dir)).schema.names())


def counts(res, facet: str) -> dict[str, int]:
    return {fv.value: fv.count for fv in res.facets[facet]}


def test_an_old_index_opens_answers_and_checks_clean_without_a_rebuild(copy_of_old):
    before = sorted(p.name for p in copy_of_old.rglob("*"))
    res = search("", per_page=50, index_dir=copy_of_old)
    assert res.total == 30 and counts(res, "language") == {}  # no language: the old articles have none
    assert counts(res, "source") == {"Test Wire": 30}
    word = articles("old", 1, seed=1)[0]["text"].split()[0]
    assert search(word, index_dir=copy_of_old).total > 0
    view = get_article("old0", index_dir=copy_of_old)
    assert view is not None and view.hit.facets.get("language", []) in ([], "")
    assert index_stats(index_dir=copy_of_old).articles == 30
    report = check_index(copy_of_old)
    assert report.ok, report
    assert ADDED_FIELDS.isdisjoint(stored_schema(copy_of_old))  # reading wrote no new schema
    assert sorted(p.name for p in copy_of_old.rglob("*")) == before  # nor any new file


def test_the_next_build_adds_the_fields_and_new_articles_have_them(copy_of_old, tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "PARALLEL_MIN_ARTICLES", 20)  # worker processes write segments too
    french = {"id": "fr1", "title": "Le conseil municipal vote le budget",
              "text": "Le conseil municipal de la ville a voté hier soir le budget de l'année prochaine. "
                      "Les élus ont longuement discuté des écoles, des routes et de la nouvelle bibliothèque, "
                      "puis la maire a remercié les habitants venus nombreux pour assister à la séance.",
              "section": "Ville"}
    new = write_jsonl(tmp_path / "new.jsonl", [*articles("new", 24, seed=2), french])
    report = build_index([new], copy_of_old, workers=2)
    assert (report.added, report.errors) == (25, [])
    assert ADDED_FIELDS <= stored_schema(copy_of_old)  # the commit wrote today's schema
    res = search("", per_page=100, index_dir=copy_of_old)
    assert res.total == 55
    assert counts(res, "language") == {"en": 24, "fr": 1}  # the 30 old articles still have none
    with whoosh_index.open_dir(str(copy_of_old)).searcher() as searcher:
        assert searcher.document(id="fr1")["metadata"] == {"section": ["Ville"]}
        assert "metadata" not in searcher.document(id="old0")
    assert search("", filters={"language": ["fr"]}, index_dir=copy_of_old).hits[0].id == "fr1"
    assert check_index(copy_of_old).ok

    delete_articles(["old3"], index_dir=copy_of_old)
    optimize(copy_of_old)  # old and new segments merged into one
    res = search("", per_page=100, index_dir=copy_of_old)
    assert res.total == 54 and counts(res, "language") == {"en": 24, "fr": 1}
    assert check_index(copy_of_old).ok


def test_an_index_missing_another_field_is_still_refused(tmp_path):
    narrow = make_schema()
    narrow.remove("url")  # never added later: another program's (or version's) index
    writer = whoosh_index.create_in(str(tmp_path), narrow).writer()
    writer.add_document(id="x", title="A title", body="A text.")
    writer.commit()
    with pytest.raises(IndexCorruptError, match="missing fields: url"):
        open_index(tmp_path)
