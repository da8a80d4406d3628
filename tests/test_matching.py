"""`query_match` finds exactly the documents Whoosh's own matchers find, for every kind of query.

The reference is a twin index written by Whoosh alone (its own `Positions` format, writer and
postings) from the same stored documents, with the same deletions, so document numbers, idf and
field lengths agree; our index keeps title and body postings only in its arrays. The twin's
analyzer ends, per document, in Whoosh's own StemFilter for its language (Porter for English, a
Snowball stemmer for German, ...; none for a language without one) and the analysis's mark, and
a mixed index (Wikinews with French, German, Spanish and Polish articles) is compared as the
English ones are.
"""

import json
from pathlib import Path

import numpy as np
import pytest
from test_non_english import ARTICLES as NON_ENGLISH
from test_non_english import write_jsonl
from whoosh import index as whoosh_index
from whoosh.analysis import Filter, StandardAnalyzer, StemFilter
from whoosh.fields import DATETIME
from whoosh.formats import Positions
from whoosh.writing import SegmentWriter

from search import build_index, delete_articles, search
from search.engine.matching import query_match
from search.engine.parsing import Analyses, parse_query
from search.engine.query import index_analyses
from search.index import writers
from search.index.analysis import MAXSIZE, MarkFilter
from search.index.languages import ENGLISH, PLAIN, analysis_of, mark
from search.index.schema import TEXT_FIELDS, from_stored, make_schema, to_document
from search.index.snapshot import snapshot
from search.ingest.readers import read_paths
from search.model import Article

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    "said", "president", "election AND vote", "police OR fire", "nato -russia", "climate NOT change",
    "(storm OR flood) AND NOT police", '"prime minister"', '"prime minister"~3 election', "elect*", "c?ty",
    "stoltenburg~", "trump~2", "title:election", 'country:"United States"', "theme:\"Armed conflict\" police",
    "published:[2019-01-01 TO 2019-06-30]", "published:>2020-03-01 virus", "election^3 vote",
    "cyber-security", "nothingatall", "police OR nothingatall", "+police fire",
    '"president of the united states"', '"united states" -trump', "pres*", "zz*", "é*", "title:\"new york\"",
    "body:[elect TO elector]", '"vote election"~5',
]


class LanguageFilter(Filter):
    """The twin's last steps of analysis, for the document being added (`analysis`; English for
    queries): Whoosh's StemFilter for its language, if any, and its mark."""

    analysis = ENGLISH

    def __call__(self, tokens):
        if self.analysis == ENGLISH:
            return StemFilter()(tokens)
        if self.analysis != PLAIN:
            tokens = StemFilter(lang=self.analysis)(tokens)
        return MarkFilter(mark(self.analysis))(tokens)


LANGUAGE = LanguageFilter()


def plain_schema(analyzer=None):
    """Our schema with Whoosh's own postings format for title and body and its own indexed
    DATETIME for dates (nothing of ours); `analyzer` for title and body when given."""
    schema = make_schema()
    for name in TEXT_FIELDS:
        schema[name].format = Positions(field_boost=schema[name].format.field_boost)
        if analyzer is not None:
            schema[name].analyzer = analyzer
    schema.remove("published")
    schema.add("published", DATETIME(stored=True, sortable=True))
    return schema


def whoosh_twin(index_dir: Path, folder: Path):
    """The documents of our index (deleted ones too, in document order) written by Whoosh alone,
    then the same ones deleted: a reference with the same document numbers."""
    folder.mkdir()
    twin = whoosh_index.create_in(str(folder), plain_schema(StandardAnalyzer(maxsize=MAXSIZE) | LANGUAGE))
    with whoosh_index.open_dir(str(index_dir)).reader() as ours:
        writer = SegmentWriter(twin)
        try:
            for docnum in range(ours.doc_count_all()):
                fields = ours.stored_fields(docnum)
                LANGUAGE.analysis = analysis_of(fields.get("language"))
                writer.add_document(**to_document(Article(**from_stored(fields)), fields["content_hash"]))
        finally:
            LANGUAGE.analysis = ENGLISH
        writer.commit()
        deleted = [d for d in range(ours.doc_count_all()) if ours.is_deleted(d)]
    if deleted:
        writer = twin.writer()
        for docnum in deleted:
            writer.delete_document(docnum)
        writer.commit(merge=False)
    return twin


@pytest.fixture(scope="module")
def index(tmp_path_factory, wikinews):
    path = tmp_path_factory.mktemp("textmask-index")
    build_index([ROOT / "seeds", wikinews], path)
    # deleted documents must never match
    before = search("police", index_dir=path).total
    victims = [h.id for h in search("police", per_page=3, index_dir=path).hits]
    assert delete_articles(victims, path) == 3
    return path, before, victims, whoosh_twin(path, path.parent / "textmask-twin")


@pytest.fixture(scope="module")
def parallel_index(tmp_path_factory, wikinews):
    """Wikinews twice over (590 articles, new ids), enriched and written by two worker processes."""
    folder = tmp_path_factory.mktemp("parallel")
    articles = [a for a in read_paths([wikinews]) if not hasattr(a, "where")]
    with (folder / "twice.jsonl").open("w", encoding="utf-8") as out:
        for copy in ("a", "b"):
            for a in articles:
                out.write(json.dumps({"id": f"{a.id}-{copy}", "title": a.title, "text": a.body,
                                      "date": a.published.isoformat() if a.published else None}) + "\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writers, "TINY_SEGMENT_DOCS", 10)  # keep the workers' segments as they wrote them
        report = build_index([folder / "twice.jsonl"], folder / "index", workers=2, commit_every=300)
    assert report.added == 2 * len(articles) >= 500  # enough for the worker path
    return folder / "index", whoosh_twin(folder / "index", folder / "twin")


MIXED_QUERIES = [
    "Messe", "Messing -Kupfer", "national", "nation OR police", '"Leipziger Messe"', '"musée national"',
    '"Messe öffnet"~3', "Mess*", "nation*", "Iserlohm~", "title:Leipziger", "alquileres", "alquiler*",
    "[nation TO national]", "élections", "Fachkräfte", "mieszkań", "Glocke", "Gießereien", "mieszk*",
    "(Messe OR Glocken) AND NOT Kupfer", "président~",
]


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory, wikinews):
    """Wikinews with French, German and Spanish articles, one of them deleted, and its twin."""
    folder = tmp_path_factory.mktemp("mixed")
    extra = write_jsonl(folder / "non-english.jsonl", [*NON_ENGLISH, *MORE_NON_ENGLISH])
    build_index([wikinews, extra], folder / "index")
    assert delete_articles(["fr-deleted"], folder / "index") == 1
    return folder / "index", whoosh_twin(folder / "index", folder / "twin")


MORE_NON_ENGLISH = [
    {"id": "fr-elections", "title": "Élections municipales : la participation en hausse",
     "text": "La participation aux élections municipales a atteint soixante pour cent dimanche, selon le "
             "ministère de l'Intérieur. Les maires sortants ont été réélus dans la plupart des grandes villes, "
             "mais la police a signalé quelques incidents près des bureaux de vote."},
    {"id": "fr-deleted", "title": "Un article retiré",
     "text": "Cet article sur la nation et le musée national a été retiré par la rédaction après sa publication, "
             "car plusieurs chiffres cités dans le texte étaient faux."},
]


def _text_postings(reader, field: str, term: bytes) -> list:
    matcher = reader.postings(field, term)
    return [(doc, list(positions)) for doc, positions in matcher.items_as("positions")]


@pytest.mark.parametrize("fixture", ["index", "parallel_index", "mixed_index"])
def test_text_terms_and_postings_equal_whoosh_own(fixture, request):
    """Title/body terms, statistics and postings (with positions) answered from our arrays equal
    those Whoosh writes itself, whether workers or the indexing process wrote the segments."""
    index_dir, twin = request.getfixturevalue(fixture)[0], request.getfixturevalue(fixture)[-1]
    snap = snapshot(Path(index_dir))
    ours, theirs = snap.searcher.reader(), twin.reader()
    if fixture == "parallel_index":
        assert len(ours.leaf_readers()) >= 2
    for field in TEXT_FIELDS:
        lexicon = list(theirs.lexicon(field))
        assert list(ours.lexicon(field)) == lexicon and len(lexicon) > 1000
        for term in lexicon:
            a, b = ours.term_info(field, term), theirs.term_info(field, term)
            assert (a.doc_frequency(), a.weight(), a.min_length(), a.max_length(), a.max_weight()) == \
                (b.doc_frequency(), b.weight(), b.min_length(), b.max_length(), b.max_weight()), (field, term)
            assert _text_postings(ours, field, term) == _text_postings(theirs, field, term), (field, term)
        assert [ours.doc_field_length(d, field) for d in range(ours.doc_count_all())] == \
            [theirs.doc_field_length(d, field) for d in range(theirs.doc_count_all())]
        assert ours.field_length(field) == theirs.field_length(field)


def _twin_known(searcher, snap):
    """The twin's own answer to `parse_query`'s question (is this term in the index?)."""
    reader = searcher.reader()
    ours = index_analyses(snap)
    return None if ours is None else \
        Analyses(ours.others, lambda term: any((field, term.encode("utf-8")) in reader for field in TEXT_FIELDS))


def _whoosh_answer(twin, text: str, snap) -> np.ndarray:
    with twin.searcher() as searcher:
        parsed = parse_query(text, searcher.schema, lambda facet, value: snap.table(facet).lookup(value),
                             _twin_known(searcher, snap))
        expected = np.zeros(snap.doc_count, dtype=bool)
        expected[list(parsed.query.docs(searcher))] = True
    return expected


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_as_whoosh_on_worker_segments(parallel_index, text):
    index_dir, twin = parallel_index
    snap = snapshot(index_dir)
    parsed = parse_query(text, snap.searcher.schema, lambda facet, value: snap.table(facet).lookup(value))
    assert np.array_equal(query_match(snap, parsed.query)[0] & snap.live, _whoosh_answer(twin, text, snap)), text


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_as_whoosh(index, text):
    index_dir, twin = index[0], index[-1]
    snap = snapshot(Path(index_dir))
    parsed = parse_query(text, snap.searcher.schema, lambda facet, value: snap.table(facet).lookup(value),
                         index_analyses(snap))
    assert parsed.query is not None
    ours = query_match(snap, parsed.query)[0] & snap.live
    assert np.array_equal(ours, _whoosh_answer(twin, text, snap)), text
    assert search(text, index_dir=index_dir).total == int(ours.sum())


@pytest.mark.parametrize("text", QUERIES + MIXED_QUERIES)
def test_same_documents_as_whoosh_with_non_english_articles(mixed_index, text):
    test_same_documents_as_whoosh(mixed_index, text)
    if text in MIXED_QUERIES:  # each of these finds a non-English article
        snap = snapshot(mixed_index[0])
        assert (_whoosh_answer(mixed_index[-1], text, snap) & snap.foreign_docs()).any(), text


def test_the_mixed_index_holds_plain_terms(mixed_index):
    snap = snapshot(mixed_index[0])
    assert int(snap.foreign_docs().sum()) == len(NON_ENGLISH) - 2 + len(MORE_NON_ENGLISH)  # (2 English ones)
    assert index_analyses(snap).others == ("=", "de", "es", "fr")
    assert snap.has_term("=de:mess") and snap.has_term("=fr:national") and snap.has_term("=rząd")


def test_deleted_documents_are_not_counted(index):
    index_dir, before, victims, _ = index
    res = search("police", per_page=100, index_dir=index_dir)
    assert res.total == before - 3 == len(res.hits)
    assert not set(victims) & {h.id for h in res.hits}


RANKED = ["election", "police fire", "police OR fire", "nato -russia", "title:election vote", "election^3 vote",
          '"prime minister"', "trump~", "(storm OR flood) AND NOT police"]
RANKED_MIXED = ["election", "police nation", "Messe OR national", "élections police", '"musée national"']


# (prefix and wildcard terms are ranked by the BM25F of the words they expand to, where Whoosh's
# constant-score path gives other numbers: they are left out here)
@pytest.mark.parametrize(("fixture", "text"),
                         [("index", t) for t in RANKED] + [("mixed_index", t) for t in RANKED_MIXED])
def test_same_ranking_and_scores_as_whoosh(fixture, text, request):
    index_dir, twin = Path(request.getfixturevalue(fixture)[0]), request.getfixturevalue(fixture)[-1]
    snap = snapshot(index_dir)
    with twin.searcher() as searcher:
        parsed = parse_query(text, searcher.schema, lambda facet, value: snap.table(facet).lookup(value),
                             _twin_known(searcher, snap))
        theirs = [(searcher.stored_fields(h.docnum)["id"], h.score) for h in searcher.search(parsed.query, limit=10)]
    ours = [(h.id, h.score) for h in search(text, per_page=10, index_dir=index_dir).hits]
    assert len(ours) == len(theirs) > 0
    assert [i for i, _ in ours] == [i for i, _ in theirs]
    # Whoosh gives a "NOT" part a constant score of 1; it shifts every score alike
    shift = 1.0 if "NOT" in text else 0.0
    assert [s + shift for _, s in ours] == pytest.approx([s for _, s in theirs], rel=1e-6)


def test_a_worker_segment_holds_exactly_what_whoosh_itself_writes(tmp_path, wikinews):
    """A worker's segment, read with its saved arrays, holds Whoosh's own writing of the same
    enriched articles: every term, statistic and posting, stored field and field length."""
    from whoosh.reading import SegmentReader

    from search.index import postings
    from search.index.text_terms import TextArraysCodec
    from search.ingest.enrich import enrich, enrich_batch

    articles = [a for a in read_paths([wikinews]) if not hasattr(a, "where")][:120]
    (tmp_path / "ours").mkdir()
    ours = whoosh_index.create_in(str(tmp_path / "ours"), make_schema())
    segment = writers.write_segment((str(tmp_path / "ours"), [(a, a.content_hash(), False) for a in articles],
                                    enrich_batch))
    (tmp_path / "plain").mkdir()
    plain = whoosh_index.create_in(str(tmp_path / "plain"), plain_schema())
    writer = SegmentWriter(plain)
    for a in articles:
        writer.add_document(**to_document(enrich(a), a.content_hash()))
    writer.commit()

    whoosh_only, theirs = SegmentReader(ours.storage, ours.schema, segment), plain.reader()
    assert not any(field in TEXT_FIELDS for field, _ in whoosh_only.all_terms()), "Whoosh keeps no title/body postings"
    arrays = postings.load(tmp_path / "ours", segment.segment_id())
    assert arrays is not None, "the worker saved its segment's arrays"
    mine = SegmentReader(ours.storage, ours.schema, segment, codec=TextArraysCodec(ours.schema, lambda _: arrays))
    expected_terms = [term for term in theirs.all_terms() if term[0] != "published"]  # ours: a column only
    assert list(mine.all_terms()) == expected_terms
    for field, term in expected_terms:
        a, b = mine.term_info(field, term), theirs.term_info(field, term)
        assert (a.doc_frequency(), a.weight(), a.min_length(), a.max_length(), a.max_weight()) == \
            (b.doc_frequency(), b.weight(), b.min_length(), b.max_length(), b.max_weight()), (field, term)
        m, t = mine.postings(field, term), theirs.postings(field, term)
        assert list(m.items_as("positions") if field in TEXT_FIELDS else m.all_ids()) == \
            list(t.items_as("positions") if field in TEXT_FIELDS else t.all_ids()), (field, term)
    for doc in range(len(articles)):
        assert mine.stored_fields(doc) == theirs.stored_fields(doc)
        assert all(mine.doc_field_length(doc, f) == theirs.doc_field_length(doc, f) for f in TEXT_FIELDS)


def test_similar_articles_are_whoosh_more_like_this(index):
    """`similar` ranks as Whoosh's own `more_like` (12 Bo1 key terms of the body) on the twin."""
    from search.engine.explore import SIMILAR_KEY_TERMS, similar

    index_dir, twin = Path(index[0]), index[-1]
    ids = [h.id for h in search("election OR police OR storm", per_page=6, index_dir=index_dir).hits]
    assert len(ids) == 6
    with twin.searcher() as searcher:
        for article_id in ids:
            docnum = searcher.document_number(id=article_id)
            theirs = [(searcher.stored_fields(h.docnum)["id"], h.score) for h in
                      searcher.more_like(docnum, "body", top=5, numterms=SIMILAR_KEY_TERMS)]
            ours = [(h.id, h.score) for h in similar(article_id, n=5, index_dir=index_dir)]
            assert len(ours) == len(theirs) == 5 and article_id not in dict(ours)
            assert [i for i, _ in ours] == [i for i, _ in theirs]
            assert [s for _, s in ours] == pytest.approx([s for _, s in theirs], rel=1e-6)
