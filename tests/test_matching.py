"""`query_match` finds exactly the documents Whoosh's own matchers find, for every kind of query."""

from pathlib import Path

import numpy as np
import pytest

import json

from whoosh import index as whoosh_index

from search import build_index, delete_articles, postings, search, segments
from search.parsing import parse_query
from search.readers import read_paths
from search.snapshot import snapshot
from search.matching import query_match

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews"

QUERIES = [
    "said", "president", "election AND vote", "police OR fire", "nato -russia", "climate NOT change",
    "(storm OR flood) AND NOT police", '"prime minister"', '"prime minister"~3 election', "elect*", "c?ty",
    "stoltenburg~", "trump~2", "title:election", 'country:"United States"', "theme:\"Armed conflict\" police",
    "published:[2019-01-01 TO 2019-06-30]", "published:>2020-03-01 virus", "election^3 vote",
    "cyber-security", "nothingatall", "police OR nothingatall", "+police fire",
    '"president of the united states"', '"united states" -trump', "pres*", "zz*", "é*", "title:\"new york\"",
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("textmask-index")
    build_index([ROOT / "seeds", WIKINEWS], path)
    # deleted documents must never match
    before = search("police", index_dir=path).total
    victims = [h.id for h in search("police", per_page=3, index_dir=path).hits]
    assert delete_articles(victims, path) == 3
    return path, before, victims


@pytest.fixture(scope="module")
def parallel_index(tmp_path_factory):
    """Wikinews twice over (590 articles, new ids), enriched and written by two worker processes."""
    folder = tmp_path_factory.mktemp("parallel")
    articles = [a for a in read_paths([WIKINEWS]) if not hasattr(a, "where")]
    with (folder / "twice.jsonl").open("w", encoding="utf-8") as out:
        for copy in ("a", "b"):
            for a in articles:
                out.write(json.dumps({"id": f"{a.id}-{copy}", "title": a.title, "text": a.body,
                                      "date": a.published.isoformat() if a.published else None}) + "\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segments, "TINY_SEGMENT_DOCS", 10)  # keep the workers' segments as they wrote them
        report = build_index([folder / "twice.jsonl"], folder / "index", workers=2, commit_every=300)
    assert report.added == 2 * len(articles) >= 500  # enough for the worker path
    return folder / "index"


def test_postings_written_by_workers_equal_those_read_from_whoosh(parallel_index):
    with whoosh_index.open_dir(str(parallel_index)).searcher() as searcher:
        leaves = searcher.reader().leaf_readers()
        assert len(leaves) >= 2
        for leaf, _ in leaves:
            saved = postings.load(parallel_index, leaf.segment().segment_id())
            assert saved is not None, "the worker saved its segment's postings"
            read = postings.from_reader(leaf)
            for field, arrays in read.fields.items():
                for name in ("terms", "starts", "docs", "pos_starts", "positions"):
                    assert np.array_equal(getattr(saved.fields[field], name), getattr(arrays, name)), (field, name)
            assert np.array_equal(saved.words, read.words) and np.array_equal(saved.word_docs, read.word_docs)


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_as_whoosh_on_worker_segments(parallel_index, text):
    snap = snapshot(parallel_index)
    parsed = parse_query(text, snap.searcher.schema, lambda facet, value: snap.table(facet).lookup(value))
    expected = np.zeros(snap.doc_count, dtype=bool)
    expected[list(parsed.query.docs(snap.searcher))] = True
    assert np.array_equal(query_match(snap, parsed.query)[0], expected), text


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_as_whoosh(index, text):
    index_dir = index[0]
    snap = snapshot(Path(index_dir))
    parsed = parse_query(text, snap.searcher.schema, lambda facet, value: snap.table(facet).lookup(value))
    assert parsed.query is not None
    expected = np.zeros(snap.doc_count, dtype=bool)
    expected[list(parsed.query.docs(snap.searcher))] = True
    ours = query_match(snap, parsed.query)[0] & snap.live
    assert np.array_equal(ours, expected & snap.live), text
    assert search(text, index_dir=index_dir).total == int(ours.sum())


def test_deleted_documents_are_not_counted(index):
    index_dir, before, victims = index
    res = search("police", per_page=100, index_dir=index_dir)
    assert res.total == before - 3 == len(res.hits)
    assert not set(victims) & {h.id for h in res.hits}


RANKED = ["election", "police fire", "police OR fire", "nato -russia", "title:election vote", "election^3 vote",
          '"prime minister"', "trump~", "(storm OR flood) AND NOT police"]


# (prefix and wildcard terms are ranked by the BM25F of the words they expand to, where Whoosh's
# constant-score path gives other numbers: they are left out here)
@pytest.mark.parametrize("text", RANKED)
def test_same_ranking_and_scores_as_whoosh(index, text):
    index_dir = Path(index[0])
    snap = snapshot(index_dir)
    parsed = parse_query(text, snap.searcher.schema, lambda facet, value: snap.table(facet).lookup(value))
    theirs = [(h.docnum, h.score) for h in snap.searcher.search(parsed.query, limit=10)]
    ours = [(h.id, h.score) for h in search(text, per_page=10, index_dir=index_dir).hits]
    assert len(ours) == len(theirs) > 0
    assert [h for h, _ in ours] == [snap.searcher.stored_fields(d)["id"] for d, _ in theirs]
    # Whoosh gives a "NOT" part a constant score of 1; it shifts every score alike
    shift = 1.0 if "NOT" in text else 0.0
    assert [s + shift for _, s in ours] == pytest.approx([s for _, s in theirs], rel=1e-6)


def test_a_worker_segment_holds_exactly_what_whoosh_itself_writes(tmp_path):
    """The worker's direct writing of title/body postings gives Whoosh's postings, posting by posting."""
    from whoosh.formats import Positions
    from whoosh.writing import SegmentWriter

    from search.enrich import enrich
    from search.schema import make_schema, to_document

    articles = [a for a in read_paths([WIKINEWS]) if not hasattr(a, "where")][:120]
    (tmp_path / "ours").mkdir()
    ours = whoosh_index.create_in(str(tmp_path / "ours"), make_schema())
    segment = segments.write_segment((str(tmp_path / "ours"), [(a, a.content_hash(), False) for a in articles]))
    plain_schema = make_schema()
    for name in ("title", "body"):  # Whoosh's own format and analyzer, nothing of ours
        plain_schema[name].format = Positions(field_boost=plain_schema[name].format.field_boost)
    (tmp_path / "plain").mkdir()
    plain = whoosh_index.create_in(str(tmp_path / "plain"), plain_schema)
    writer = SegmentWriter(plain)
    for a in articles:
        writer.add_document(**to_document(enrich(a), a.content_hash()))
    writer.commit()

    from whoosh.reading import SegmentReader
    mine, theirs = SegmentReader(ours.storage, ours.schema, segment), plain.reader()
    assert list(mine.all_terms()) == list(theirs.all_terms())
    for field, term in theirs.all_terms():
        a, b = mine.term_info(field, term), theirs.term_info(field, term)
        assert (a.doc_frequency(), a.weight(), a.min_length(), a.max_length(), a.max_weight()) == \
            (b.doc_frequency(), b.weight(), b.min_length(), b.max_length(), b.max_weight()), (field, term)
        m, t = mine.postings(field, term), theirs.postings(field, term)
        assert list(m.items_as("positions") if field in ("title", "body") else m.all_ids()) == \
            list(t.items_as("positions") if field in ("title", "body") else t.all_ids()), (field, term)
    for doc in range(len(articles)):
        assert mine.stored_fields(doc) == theirs.stored_fields(doc)
        assert all(mine.doc_field_length(doc, f) == theirs.doc_field_length(doc, f) for f in ("title", "body"))
