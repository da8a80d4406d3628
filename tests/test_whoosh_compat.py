"""What search/index/whoosh_compat.py (and the codec in text_terms.py) assume about Whoosh 2.7.5.

Each test checks one assumption against the installed Whoosh through its public API, so a
Whoosh release that changes an internal we rely on fails here, by name, rather than somewhere
in search results.
"""

import json
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.query import FuzzyTerm, Prefix, TermRange, Wildcard
from whoosh.reading import EmptyReader, MultiReader

from search.index import postings, whoosh_compat
from search.index.schema import TEXT_FIELDS, make_schema
from search.index.text_terms import TextArraysCodec
from search.index.writers import CurrentWriter, Writer, commit_segments, write_articles
from search.ingest.readers import read_paths

ARTICLES = 300  # more than one 128-posting block of Whoosh's for a value all of them share
DATED = 200  # the last articles have no date: the `published` column ends before the last document


def write_jsonl(path: Path, first: int, count: int) -> Path:
    lines = [json.dumps({"id": f"w{i}", "title": f"Report {i} on trade talks", "source": "Wire",
                         "text": f"Negotiators met in Geneva for round {i}. The minister said talks would go on.",
                         "date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}" if i < DATED else None})
             for i in range(first, first + count)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def new_index(folder: Path):
    folder.mkdir()
    return whoosh_index.create_in(str(folder), make_schema())


def worker_segment(index_dir: Path, jsonl: Path):
    """A segment as a worker process writes it: uncommitted, its arrays saved beside it."""
    return write_articles(str(index_dir), ((article, article.content_hash()) for article in read_paths([jsonl])))


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """One committed worker segment of `ARTICLES` articles; the first three then deleted."""
    folder = tmp_path_factory.mktemp("compat")
    ix = new_index(folder / "index")
    segment = worker_segment(folder / "index", write_jsonl(folder / "wire.jsonl", 0, ARTICLES))
    commit_segments(Writer(ix), [segment])
    writer = ix.writer()
    for article_id in ("w0", "w1", "w2"):
        writer.delete_by_term("id", article_id)
    writer.commit(merge=False)
    return ix


def test_a_worker_segment_is_not_in_the_index_until_committed_then_readable(tmp_path):
    """`write_segment` (`_finalize_segment`, `_finish`) writes a segment Whoosh does not list
    yet; `commit_with` (`_merge_segments`, `_added`, `_close_segment`, `_commit_toc`, `_finish`)
    commits it; Whoosh then reads every stored document, and no title/body postings."""
    ix = new_index(tmp_path / "index")
    segment = worker_segment(tmp_path / "index", write_jsonl(tmp_path / "a.jsonl", 0, 50))
    assert ix.doc_count_all() == 0 and segment.doc_count_all() == 50
    assert isinstance(segment.codec(), W3Codec), "TextArraysCodec reads segments as W3Codec wrote them"
    commit_segments(Writer(ix), [segment])
    with ix.reader() as reader:
        assert reader.doc_count_all() == 50
        assert [reader.stored_fields(d)["id"] for d in range(50)] == [f"w{i}" for i in range(50)]
        assert {field for field, _ in reader.all_terms()} & set(TEXT_FIELDS) == set()
        assert reader.doc_field_length(0, "title") == 3  # report, trade, talks: the lengths kept for scoring
    assert not list((tmp_path / "index").glob("*.tmp")), "the writers' temporary folders are removed"


def test_a_commit_without_cleaning_keeps_segments_still_being_written(tmp_path):
    """A `clean=False` commit writes the TOC itself and deletes no file of an unlisted segment."""
    ix = new_index(tmp_path / "index")
    first = worker_segment(tmp_path / "index", write_jsonl(tmp_path / "a.jsonl", 0, 20))
    second = worker_segment(tmp_path / "index", write_jsonl(tmp_path / "b.jsonl", 20, 30))
    commit_segments(Writer(ix), [first], clean=False)
    assert ix.doc_count_all() == 20
    commit_segments(Writer(ix), [second])
    with ix.reader() as reader:
        assert reader.doc_count_all() == 50
        assert sorted(reader.stored_fields(d)["id"] for d in range(50)) == sorted(f"w{i}" for i in range(50))


def test_the_column_check_whoosh_repeats_while_writing_postings_is_memoised(tmp_path):
    """Whoosh asks the per-document reader it writes postings with whether a column exists, again
    and again; the memo (`has_column` set on that reader) answers all but the first per field."""
    readers = []

    class Recording(Writer):
        def per_document_reader(self):
            readers.append(super().per_document_reader())
            return readers[-1]

    new_index(tmp_path / "index")
    ix = whoosh_index.open_dir(str(tmp_path / "index"))
    jsonl = write_jsonl(tmp_path / "a.jsonl", 0, 40)
    with CurrentWriter(lambda: Recording(ix, _lk=False)) as current:
        for article in read_paths([jsonl]):
            current.writer.add_document(id=article.id, source=article.source, title=article.title)
        current.writer.write_segment()
    stats = readers[0].has_column.cache_info()
    assert stats.hits > 0 and stats.misses <= len(make_schema().names())


def test_a_writer_left_uncommitted_is_cancelled_and_its_lock_released(tmp_path):
    ix = new_index(tmp_path / "index")
    with pytest.raises(RuntimeError, match="interrupted"):
        with CurrentWriter(lambda: Writer(ix)) as current:
            current.writer.add_document(id="x", title="A title", body="A body.")
            raise RuntimeError("interrupted")
    assert current.writer.is_closed
    with CurrentWriter(lambda: Writer(ix, timeout=0.1)) as current:  # the lock is free again
        current.writer.commit()
    assert ix.doc_count_all() == 0


def test_whole_columns_read_at_once_equal_whoosh_own_column_reader(index):
    """`column_values` (a column reader's `_typecode`, `_default`, `_count`, `_dbfile`,
    `_basepos`, `_fixedlen`) gives the values Whoosh's column reader gives one by one."""
    with index.reader() as reader:
        column = reader.column_reader("published", translate=False)
        raw = whoosh_compat.column_values(column, ARTICLES)
        assert raw.tolist() == list(column) and len(set(raw[DATED:].tolist())) == 1  # the default after them


def test_field_lengths_equal_whoosh_own_per_document_lengths(index):
    """`field_lengths` (the `_lenfield` column, read whole, through the segment reader's own
    per-document reader, `SegmentReader._perdoc`) equals `doc_field_length`."""
    with index.reader() as reader:
        for field in TEXT_FIELDS:
            lengths = whoosh_compat.field_lengths(whoosh_compat.per_document_reader(reader), field)
            assert lengths.tolist() == [reader.doc_field_length(d, field) for d in range(ARTICLES)]
            assert lengths.min() > 0
        no_column = whoosh_compat.field_lengths(whoosh_compat.per_document_reader(reader), "source")
        assert no_column.tolist() == [0] * ARTICLES


def test_block_wise_documents_of_a_term_equal_whoosh_own_matcher(index):
    """`term_docs` (`W3LeafMatcher._data`, `_read_data`, `_next_block`) lists a term's documents,
    deleted ones too, as Whoosh's matcher does without its deletion filter."""
    with index.reader() as reader:
        docs = whoosh_compat.term_docs(reader, "source", "Wire")
        assert docs.tolist() == list(range(ARTICLES))  # several blocks; deleted documents included
        assert list(reader.postings("source", "Wire").all_ids()) == list(range(3, ARTICLES))
        assert whoosh_compat.term_docs(reader, "id", "w7").tolist() == [7]  # postings inlined in the term
        assert whoosh_compat.term_docs(reader, "id", "nobody").tolist() == []


def test_a_searcher_opened_with_a_codec_is_whoosh_own_searcher(index, tmp_path):
    """`open_searcher` does what `FileIndex.reader()` does, with segment readers of our codec."""
    codecs = []

    def codec_for(schema):
        codecs.append(TextArraysCodec(schema, lambda segment_id: None))
        return codecs[-1]

    with whoosh_compat.open_searcher(index, codec_for) as ours, index.searcher() as theirs:
        assert ours.up_to_date() and ours.reader().generation() == theirs.reader().generation()
        assert ours.doc_count_all() == theirs.doc_count_all() and ours.doc_count() == theirs.doc_count()
        assert [leaf.segment() for leaf, _ in ours.reader().leaf_readers()] == theirs.reader().segments()
        assert all(leaf.codec() is codecs[0] for leaf, _ in ours.reader().leaf_readers())
    empty = new_index(tmp_path / "empty")
    with whoosh_compat.open_searcher(empty, codec_for) as searcher:
        assert isinstance(searcher.reader(), EmptyReader)
    ix = new_index(tmp_path / "two")
    for first in (0, 10):
        commit_segments(Writer(ix), [worker_segment(tmp_path / "two", write_jsonl(tmp_path / "x.jsonl", first, 10))])
    with whoosh_compat.open_searcher(ix, codec_for) as searcher:
        assert isinstance(searcher.reader(), MultiReader) and searcher.doc_count_all() == 20
        commit_segments(Writer(ix), [worker_segment(tmp_path / "two", write_jsonl(tmp_path / "y.jsonl", 20, 5))])
        assert not searcher.up_to_date()


def test_a_searcher_reads_with_the_schema_the_index_was_opened_with(index):
    """`open_searcher` reads the TOC as `FileIndex.reader()` does (`_read_toc`): with the schema
    given to `open_dir`, how an index built before a field existed is read (location.open_index)."""
    wider = make_schema()
    wider.add("added_later", make_schema()["source"])
    opened = whoosh_index.open_dir(index.storage.folder, schema=wider)
    with whoosh_compat.open_searcher(opened, lambda schema: TextArraysCodec(schema, lambda segment_id: None)) as ours:
        assert "added_later" in ours.schema.names() and "added_later" not in index.schema.names()
        assert list(ours.reader().lexicon("added_later")) == [] and ours.doc_count() == ARTICLES - 3


def test_a_searcher_reads_its_segments_columns_after_their_files_are_deleted(tmp_path):
    """`open_searcher` opens a segment's column files with its reader (on the per-document
    reader, `_get_column_file()` into `_colfiles`, where `column_reader` looks first, and
    `has_column` answered from them): stored fields, a column and field lengths read after a
    writer deleted the files equal what Whoosh's own reader read before."""
    ix = new_index(tmp_path / "index")
    commit_segments(Writer(ix), [worker_segment(tmp_path / "index", write_jsonl(tmp_path / "a.jsonl", 0, 20))])

    def read_all(reader, lengths):
        return ([reader.stored_fields(d) for d in range(20)], list(reader.column_reader("published", translate=False)),
                [lengths(reader, field) for field in TEXT_FIELDS])

    with ix.reader() as reader:
        expected = read_all(reader, lambda r, field: [r.doc_field_length(d, field) for d in range(20)])
    column_files = [name for name in ix.storage.list() if name.endswith(W3Codec.COLUMN_EXT)]
    with whoosh_compat.open_searcher(ix, lambda schema: W3Codec()) as searcher:
        for name in column_files:
            ix.storage.delete_file(name)
        perdoc = whoosh_compat.per_document_reader(searcher.reader())
        assert read_all(searcher.reader(), lambda r, field: whoosh_compat.field_lengths(perdoc, field).tolist()) \
            == expected
        assert perdoc.has_column("_stored") and not perdoc.has_column("_source_len")  # source has no lengths
    assert len(column_files) > 3 and not ix.storage.file_exists(column_files[0])


def test_a_searcher_opens_the_version_committed_while_it_was_opening(tmp_path):
    """A version replaced while `open_searcher` opened it (here: committed after its TOC was
    read) may have lost files before they were opened: the newer version is opened instead."""
    ix = new_index(tmp_path / "index")
    commit_segments(Writer(ix), [worker_segment(tmp_path / "index", write_jsonl(tmp_path / "a.jsonl", 0, 10))])
    schemas = []

    def codec_for(schema):
        if not schemas:  # a writer commits just after the reader read the TOC
            commit_segments(Writer(ix), [worker_segment(tmp_path / "index", write_jsonl(tmp_path / "b.jsonl", 10, 5))])
        schemas.append(schema)
        return W3Codec()

    with whoosh_compat.open_searcher(ix, codec_for) as searcher:
        assert searcher.up_to_date() and searcher.doc_count_all() == 15 and len(schemas) == 2


@pytest.mark.parametrize("query", [Prefix("body", "negoti"), Wildcard("body", "r?und"), FuzzyTerm("body", "talk"),
                                   TermRange("body", "geneva", "minister"), Prefix("id", "w1"),
                                   Wildcard("id", "w2?")])
def test_a_multi_term_query_matches_the_union_of_its_expansions(index, query):
    """The engine matches a multi-term query as the documents of its `expanded_terms` in each
    segment; Whoosh's own matcher (here on our codec's readers) finds the same documents."""
    arrays = {}

    def codec_for(schema):
        return TextArraysCodec(schema, lambda segment_id: arrays.setdefault(segment_id, postings.load(
            Path(index.storage.folder), segment_id)))

    with whoosh_compat.open_searcher(index, codec_for) as searcher:
        expected = set(query.docs(searcher))
        union = set()
        for leaf, offset in searcher.reader().leaf_readers():
            for _, text in query.expanded_terms(leaf):
                union |= {offset + d for d in leaf.postings(query.fieldname, text).all_ids()}
    assert union == expected and len(expected) > 1


def test_the_table_of_contents_name_and_segments_are_those_whoosh_writes_and_reads(index):
    folder = Path(index.storage.folder)
    generation, segments = whoosh_compat.latest_version(index)
    assert generation == index.latest_generation()
    assert (folder / whoosh_compat.toc_file_name(generation)).is_file()
    with index.reader() as reader:
        assert [s.segment_id() for s in segments] == [leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()]
        assert [s.deleted_count() for s in segments] == [3]
    assert all(any(p.name.startswith(f"{s.segment_id()}.") for p in folder.iterdir()) for s in segments)


def test_a_commit_over_an_index_read_as_empty_writes_the_next_version_then_deletes_the_old_files(tmp_path):
    """`index_over` (`TOC._latest_generation`, `FileIndex._read_toc`): the latest version's
    number from the file names alone, even with its table of contents scribbled over; nothing
    deleted when a writer starts or is cancelled; a commit writes the next generation's table
    of contents and Whoosh's cleaning deletes every old file."""
    ix = whoosh_index.create_in(str(tmp_path), make_schema())
    for i in range(2):
        with ix.writer() as writer:
            writer.add_document(id=f"old{i}", title="Old report")
    (toc,) = tmp_path.glob("_MAIN_*.toc")
    toc.write_bytes(b"\x00" * toc.stat().st_size)
    old_files = {name: (tmp_path / name).read_bytes() for name in ix.storage.list() if name != "MAIN_WRITELOCK"}
    assert whoosh_compat.latest_generation(str(tmp_path)) == 2
    over = whoosh_compat.index_over(str(tmp_path), make_schema())
    with over.searcher() as searcher:
        assert isinstance(searcher.reader(), EmptyReader)
    over.writer().cancel()
    writer = over.writer()
    writer.add_document(id="new", title="New report")
    assert {name: (tmp_path / name).read_bytes() for name in old_files} == old_files  # untouched until the commit
    writer.commit()
    assert sorted(p.name for p in tmp_path.glob("_MAIN_*.toc")) == ["_MAIN_3.toc"]
    assert not [name for name in old_files if (tmp_path / name).exists()]
    with whoosh_index.open_dir(str(tmp_path)).searcher() as searcher:
        assert [fields["id"] for fields in searcher.all_stored_fields()] == ["new"]
