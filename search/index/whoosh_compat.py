"""Everything the index needs from Whoosh's internals, in one place (whoosh-reloaded 2.7.5, pinned).

Whoosh's public API covers what the engine does, except for a few speed-ups and the parallel
writing that Whoosh itself builds from the same internals (`whoosh.multiproc`). Title and body
terms need none: Whoosh reads them through a codec of ours (search/index/text_terms.py), its
supported interface (which takes Whoosh's own terms reader for the other fields from here).
Every private name used here, and why:

Writing segments in worker processes and committing them together (search/index/writers.py), as
`whoosh.multiproc.MpWriter` does:
- `SegmentWriter._finalize_segment()` and `_finish()`: write a writer's documents as a segment
  without committing it (a worker's part of a round).
- `SegmentWriter._merge_segments()`, `_added`, `_finalize_segment()`, `_close_segment()`,
  `_commit_toc()` and `_finish()`: `commit()` broken into its steps, to commit the workers'
  segments with this writer's own (and `TOC(...).write()` for a commit that must not delete the
  files of segments still being written).
- `SegmentWriter._tempstorage` and `pool` replaced: Whoosh's temporary folder `<index>.tmp` is
  shared by every writer and deleted by each one's `_finish`, while workers may still write in
  it; and the posting pool leaves out the fields whose postings live in our arrays.
- `per_document_reader().has_column` memoised (an attribute set on the reader Whoosh writes
  postings with): Whoosh 2.7 asks the disk once per posting whether a field has a length column.

Reading:
- `whoosh.codec.whoosh3._lenfield` (the `_<field>_len` column of field lengths) and a numeric
  column reader's `_typecode`, `_default`, `_count`, `_dbfile`, `_basepos` and `_fixedlen`: a
  whole column in one NumPy read (field lengths for BM25F, publication dates), where the public
  reader returns one value per Python call.
- `W3TermsReader(codec, terms_file, length, postings_file)` and `W3Codec.TERMS_EXT`/`POSTS_EXT`:
  `W3Codec.terms_reader` split in two, the files opened with the segment and the terms table read
  only when a facet or id term is first asked for (`deferred_terms_reader`).
- `W3LeafMatcher._data`, `_read_data()` and `_next_block()`: a facet or id term's document
  numbers a block at a time (delta-coded arrays), where the public matcher steps one document
  at a time.
- `open_searcher` repeats what `FileIndex.reader()` does (`FileIndex._read_toc()`, a
  `SegmentReader` per segment, a `MultiReader`) because `FileIndex` has no way to pass segment
  readers a codec. `_read_toc()` reads the TOC with the schema given to `open_dir`, if one was
  (an index built before a field existed is read with today's schema: search/index/location.py).
- `SegmentReader._perdoc` (a segment reader's per-document reader) and, on it,
  `_get_column_file()`, `_colfiles` and `has_column` replaced: `open_searcher` opens every column
  file of a segment (stored fields, field lengths, dates, sort keys) when it opens the segment,
  where Whoosh 2.7 opens each only when first read, by which time a writer's commit may have
  deleted it.

Knowing an index's files (search/index/integrity.py records and checks each):
- `TOC._filename` (the table of contents' file name, `_MAIN_<generation>.toc`) and `TOC.read`
  (a version's segments without opening them, when opening failed).
- `TOC._latest_generation` (the latest version's number, from the file names alone): whether a
  folder holds an index even when its table of contents cannot be read.
- `FileIndex._read_toc` overridden (`index_over`): a rebuild writes its new index over a damaged
  one as the next version, without reading the damaged table of contents.

tests/test_whoosh_compat.py checks each of these assumptions against the installed Whoosh, so a
different version fails there, in one place.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Collection
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.codec.base import Codec, PerDocumentReader, Segment, TermsReader
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3LeafMatcher, W3TermsReader, _lenfield
from whoosh.fields import Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex
from whoosh.reading import EmptyReader, IndexReader, MultiReader, SegmentReader, TermNotFound
from whoosh.searching import Searcher
from whoosh.util import random_name
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

BYTE_TO_LENGTH = np.array([0] + [byte_to_length(b) for b in range(1, 256)], dtype=np.float32)
OPEN_RETRIES, OPEN_RETRY_DELAY_S = 10, 0.05  # FileIndex.reader()'s


# Reading


def column_values(column: Any, count: int) -> np.ndarray:
    """All `count` values of a Whoosh numeric column reader, in one read (Whoosh 2.7's layout:
    big-endian fixed-width values for the first `_count` documents, the default after them)."""
    stored = np.dtype(column._typecode).newbyteorder(">")
    values = np.full(count, column._default, dtype=stored.newbyteorder("="))
    written = min(column._count, count)
    if written:
        values[:written] = np.frombuffer(column._dbfile.get(column._basepos, written * column._fixedlen),
                                         dtype=stored)
    return values


def field_lengths(perdoc: PerDocumentReader, text_field: str) -> NDArray[np.float32]:
    """Per document of a segment, a text field's length as Whoosh keeps it for scoring (one byte
    per document, decoded), read through the segment's per-document reader: the segment reader's
    own (`per_document_reader`), whose column files `open_searcher` opened with the version."""
    count = perdoc.doc_count_all()
    name = _lenfield(text_field)
    if not perdoc.has_column(name):
        return np.zeros(count, dtype=np.float32)
    lengths: NDArray[np.float32] = BYTE_TO_LENGTH[column_values(perdoc.column_reader(name, LENGTHS_COLUMN), count)]
    return lengths


def per_document_reader(reader: SegmentReader) -> PerDocumentReader:
    """A segment reader's own per-document reader (stored fields, columns, deletions)."""
    perdoc: PerDocumentReader = reader._perdoc
    return perdoc


def term_docs(reader: IndexReader, field: str, text: str) -> NDArray[np.int64]:
    """Segment-local document numbers of one term of a segment (deleted documents included)."""
    try:
        matcher = reader.postings(field, text)
    except TermNotFound:
        return np.zeros(0, dtype=np.int64)
    raw = getattr(matcher, "child", matcher)  # unwrap the deletion filter: callers mask deletions
    if not isinstance(raw, W3LeafMatcher):  # postings inlined in the term's info
        return np.fromiter(raw.all_ids(), dtype=np.int64)
    blocks = []
    while raw.is_active():
        if raw._data is None:
            raw._read_data()
        blocks.append(np.cumsum(np.asarray(raw._data[0], dtype=np.int64)))  # ids are delta-coded
        raw._next_block()
    return np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int64)


class _VersionReplaced(OSError):
    """A newer version of the index was committed while this one was being opened."""


def deferred_terms_reader(codec: W3Codec, storage: FileStorage, segment: Segment
                          ) -> tuple[Callable[[], TermsReader], Callable[[], None]]:
    """Whoosh's own terms reader of a segment, its files opened now and its table read when first asked.

    `W3Codec.terms_reader` opens the segment's terms and postings files and reads the terms
    table at once; opening must happen now (a later commit may delete the files), reading need
    not: a query counting facets from the saved tables never asks. Returns the reader's maker and
    a closer of the files for when it was never made."""
    terms_name = segment.make_filename(W3Codec.TERMS_EXT)
    terms_length, terms_file = storage.file_length(terms_name), storage.open_file(terms_name)
    postings_file = segment.open_file(storage, W3Codec.POSTS_EXT)

    def unused() -> None:
        terms_file.close()
        postings_file.close()

    return lambda: W3TermsReader(codec, terms_file, terms_length, postings_file), unused


def open_searcher(ix: FileIndex, codec_for: Callable[[Schema], Codec]) -> Searcher:
    """A searcher of the index's latest version whose segment readers use `codec_for(schema)`
    and hold all their segments' files open from the start.

    A commit deletes the files of the segments it merged away, while readers of the previous
    version may still be answering a query. Whoosh opens a segment's terms and postings with the
    reader, its column files (stored fields, field lengths, dates) only when first read: by then
    they may be gone. So each segment's column files are opened here too (`_hold_columns`); an
    open file stays readable once deleted (on POSIX; Windows refuses to delete it, and Whoosh
    leaves it to a later commit). A writer deletes files only after committing the version that
    drops them, so when no newer version exists once everything is open, nothing was missed;
    otherwise the newer version is opened, as `FileIndex.reader()` retries when a file vanishes
    while being opened. The searcher knows its index: `up_to_date()` works as for `ix.searcher()`.
    """
    for attempt in range(OPEN_RETRIES):
        readers: list[SegmentReader] = []
        try:
            toc = ix._read_toc()  # as `FileIndex.reader()`: with the schema the index was opened with, if any
            files = ix.storage.list()
            codec = codec_for(toc.schema)
            for segment in toc.segments:
                readers.append(SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation, codec=codec))
                _hold_columns(readers[-1], files)
            if ix.latest_generation() != toc.generation:
                raise _VersionReplaced(f"index version {toc.generation} was replaced while being opened")
            break
        except OSError:
            for opened in readers:
                opened.close()
            if attempt == OPEN_RETRIES - 1:
                raise
            time.sleep(OPEN_RETRY_DELAY_S)
    if not readers:
        reader: IndexReader = EmptyReader(toc.schema)
    elif len(readers) == 1:
        reader = readers[0]
    else:
        reader = MultiReader(readers, generation=toc.generation)
    return Searcher(reader, fromindex=ix)


def _hold_columns(reader: SegmentReader, files: Collection[str]) -> None:
    """Open every column file of a segment reader's segment now (of `files`, the index folder's),
    and answer `has_column` from them rather than from the disk ever after."""
    perdoc = reader._perdoc
    prefix, suffix = reader.segment().make_filename("."), W3Codec.COLUMN_EXT  # <segment>.<column>.col
    names = frozenset(name[len(prefix):-len(suffix)] for name in files
                      if name.startswith(prefix) and name.endswith(suffix))
    for name in names:
        perdoc._colfiles[name] = perdoc._get_column_file(name)  # where its column_reader looks first
    perdoc.has_column = names.__contains__


def toc_file_name(generation: int, indexname: str = "MAIN") -> str:
    """The file name of an index version's table of contents."""
    name: str = TOC._filename(indexname, generation)
    return name


def latest_version(ix: FileIndex) -> tuple[int, list[Segment]]:
    """The latest version's generation and segments, read from its table of contents alone."""
    toc = TOC.read(ix.storage, ix.indexname)
    return toc.generation, list(toc.segments)


def latest_generation(folder: str, indexname: str = "MAIN") -> int:
    """The number of the latest version in `folder`, from the names of its tables of contents
    alone (-1 when there is none): a damaged table of contents still says an index is there."""
    generation: int = TOC._latest_generation(FileStorage(folder), indexname)
    return generation


class _NextVersionIndex(FileIndex):
    """A `FileIndex` whose latest version reads as empty, whatever its table of contents holds."""

    def __init__(self, folder: str, schema: Schema, generation: int, indexname: str = "MAIN") -> None:
        # not FileIndex.__init__: it reads the table of contents, which is what cannot be read
        self.storage, self._schema, self.indexname = FileStorage(folder), schema, indexname
        self._generation = generation

    def _read_toc(self) -> TOC:
        return TOC(self._schema, [], self._generation)


def index_over(folder: str, schema: Schema) -> FileIndex:
    """The index in `folder` as if its latest version were empty, to write a new index over one
    whose table of contents cannot be read. A writer's commit then writes the next version's
    table of contents, and only after that deletes the old version's files (Whoosh's
    `clean_files`): until a commit, every old file stays as it was."""
    return _NextVersionIndex(folder, schema, latest_generation(folder))


# Writing


class _PoolWithout(PostingPool):
    """Whoosh's posting pool, minus the postings of some fields."""

    def __init__(self, left_out: Collection[str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.left_out = left_out

    def add(self, item: tuple[Any, ...]) -> None:
        """Buffer one (field, term, document, weight, encoded value) posting, unless left out."""
        if item[0] not in self.left_out:
            super().add(item)


class ExtendedSegmentWriter(SegmentWriter):
    """Whoosh's `SegmentWriter`, plus writing a segment without committing it (a worker's part)
    and committing segments written elsewhere with this writer's own.

    The postings of the fields in `unposted_fields` are not written. Each writer keeps its
    temporary files in a folder of its own (`<index>.<random>.tmp`).
    """

    unposted_fields: Collection[str] = ()

    def __init__(self, ix: FileIndex, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self._tempstorage = self.storage.temp_storage(f"{self.indexname}.{random_name()}.tmp")
        self.pool = _PoolWithout(self.unposted_fields, self._tempstorage, self.newsegment,
                                 limitmb=kwargs.get("limitmb", 128))

    def per_document_reader(self) -> PerDocumentReader:
        """The per-document reader Whoosh writes postings with, its column check memoised."""
        reader = super().per_document_reader()
        reader.has_column = functools.lru_cache(maxsize=None)(reader.has_column)
        return reader

    def write_segment(self) -> Segment:
        """Write the added documents as a new segment, not committed (commit it with another
        writer's `commit_with`), and close this writer."""
        segment = self._finalize_segment()
        self._finish()
        return segment

    def commit_with(self, segments: list[Segment], mergetype: Callable[[SegmentWriter, list[Segment]], list[Segment]],
                    clean: bool = True) -> None:
        """Commit this writer (its deletions, merges and documents) together with `segments`.

        Whoosh deletes every file of a segment not in the new TOC at each commit; with
        `clean=False` that is left to a later commit, so segments still being written survive.
        """
        final = self._merge_segments(mergetype, None, None)
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        if clean:
            self._commit_toc(final + segments)
        else:
            TOC(self.schema, final + segments, self.generation).write(self.storage, self.indexname)
        self._finish()
