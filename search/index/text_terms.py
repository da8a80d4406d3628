"""Whoosh's view of the title and body terms, answered from the postings arrays: a Whoosh codec.

Title and body postings live only in the arrays of search/index/postings.py: Whoosh's segments
keep those fields' stored text and lengths, not their postings (writing them in Whoosh's format
was a third of indexing time). Where Whoosh's own query machinery still runs (expanding
wildcard, fuzzy and range terms, proximity phrases, "more like this", highlighting's term
lookup) it asks a segment reader's terms reader. Whoosh's supported way to keep postings
elsewhere is a `Codec`, from which a `SegmentReader` takes its terms reader: `TextArraysCodec`
reads segments as Whoosh 2.7's own codec wrote them, except that its terms reader is a
`TextTerms`, which answers for title and body from the arrays (a cursor over the sorted terms,
term statistics, list matchers whose positions are encoded when asked for) and hands every
other field to Whoosh's own terms reader. The codec is used for reading only: segments are
written (and named in the index's table of contents) with Whoosh's default codec, so the index
stays a plain Whoosh index on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cached_property

import numpy as np
from numpy.typing import NDArray
from whoosh.codec.base import FieldCursor, PerDocumentReader, Segment, TermsReader, WrappingCodec
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import FieldType, Schema
from whoosh.filedb.filestore import Storage
from whoosh.formats import Format
from whoosh.matching import ListMatcher, Matcher
from whoosh.reading import TermInfo, TermNotFound
from whoosh.scoring import BaseScorer

from search.index.postings import FieldPostings, SegmentPostings
from search.index.schema import TEXT_FIELDS
from search.index.whoosh_compat import deferred_terms_reader, field_lengths


class _EncodedPositions(Sequence[bytes]):
    """The encoded positions of postings first..last-1 of a field, each encoded when read."""

    def __init__(self, field: FieldPostings, first: int, last: int, encode: Callable[[list[int]], bytes]) -> None:
        self._field, self._first, self._last, self._encode = field, first, last, encode

    def __len__(self) -> int:
        return self._last - self._first

    def __getitem__(self, i: int) -> bytes:  # type: ignore[override]  # ListMatcher reads one value at a time
        j = self._first + i
        starts = self._field.pos_starts
        return self._encode(self._field.positions[int(starts[j]):int(starts[j + 1])].tolist())


class _TermCursor(FieldCursor):
    """Whoosh's field cursor (as fuzzy terms walk it) over a field's sorted term array."""

    def __init__(self, field: FieldPostings) -> None:
        self._terms, self._i = field.terms, 0

    def first(self) -> str | None:
        self._i = 0
        return self.text()

    def find(self, term: str | bytes) -> str | None:
        """Move to the first term at or after `term`."""
        key = term.encode("utf-8") if isinstance(term, str) else term
        # NumPy drops trailing NUL bytes, and the fuzzy walk asks for "word\0" to pass "word"; no
        # term has a NUL byte, so the first term after "word\0..." is the first after "word"
        stripped = key.rstrip(b"\0")
        side = "right" if len(stripped) < len(key) else "left"
        self._i = int(np.searchsorted(self._terms, np.array([stripped]), side=side)[0]) if len(self._terms) else 0  # type: ignore[call-overload]
        return self.text()

    def next(self) -> str | None:
        self._i += 1
        return self.text()

    def text(self) -> str | None:
        return self._terms[self._i].decode("utf-8") if self._i < len(self._terms) else None


class TextTerms(TermsReader):
    """A segment's terms reader: title and body from the arrays, other fields from Whoosh's."""

    def __init__(self, whoosh_terms: Callable[[], TermsReader], arrays: Callable[[], SegmentPostings],
                 lengths: Callable[[str], NDArray[np.float32]], boosts: dict[str, float],
                 unused: Callable[[], None]) -> None:
        """`whoosh_terms()` makes Whoosh's own reader, on first use; `unused()` closes its files
        when it was never made."""
        self._make_whoosh, self._arrays, self._read_lengths, self._boosts = whoosh_terms, arrays, lengths, boosts
        self._close_unused = unused
        self._field_lengths: dict[str, NDArray[np.float32]] = {}

    @cached_property
    def _whoosh(self) -> TermsReader:
        return self._make_whoosh()

    def _lengths(self, fieldname: str) -> NDArray[np.float32]:
        """Per document, the field's length (read on first use)."""
        if fieldname not in self._field_lengths:
            self._field_lengths[fieldname] = self._read_lengths(fieldname)
        return self._field_lengths[fieldname]

    def _postings(self, fieldname: str, tbytes: bytes) -> tuple[FieldPostings, int, int]:
        field = self._arrays().fields[fieldname]
        i = field.find(tbytes)
        if i is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return field, int(field.starts[i]), int(field.starts[i + 1])

    def __contains__(self, term: tuple[str, bytes]) -> bool:
        fieldname, tbytes = term
        if fieldname in TEXT_FIELDS:
            return self._arrays().fields[fieldname].find(tbytes) is not None
        return term in self._whoosh

    def cursor(self, fieldname: str, fieldobj: FieldType) -> FieldCursor:
        if fieldname in TEXT_FIELDS:
            return _TermCursor(self._arrays().fields[fieldname])
        return self._whoosh.cursor(fieldname, fieldobj)

    def _text_terms(self, fieldname: str, prefix: bytes = b"") -> Iterator[tuple[str, bytes]]:
        terms = self._arrays().fields[fieldname].terms
        start = int(np.searchsorted(terms, np.array([prefix]))[0]) if prefix and len(terms) else 0
        return ((fieldname, bytes(term)) for term in terms[start:].tolist())

    def terms(self) -> Iterator[tuple[str, bytes]]:
        """Every (field, term), fields in name order as Whoosh writes them."""
        for fieldname in sorted(self.indexed_field_names()):
            for term in self.terms_from(fieldname, b""):  # Whoosh's own go on into the next fields
                if term[0] != fieldname:
                    break
                yield term

    def terms_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[str, bytes]]:
        """This field's terms from `prefix` on (all Whoosh's callers stop at the field's end)."""
        if fieldname in TEXT_FIELDS:
            return self._text_terms(fieldname, prefix)
        terms: Iterator[tuple[str, bytes]] = self._whoosh.terms_from(fieldname, prefix)
        return terms

    def items(self) -> Iterator[tuple[tuple[str, bytes], TermInfo]]:
        return ((term, self.term_info(*term)) for term in self.terms())

    def items_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[tuple[str, bytes], TermInfo]]:
        return ((term, self.term_info(*term)) for term in self.terms_from(fieldname, prefix))

    def _term_info(self, fieldname: str, field: FieldPostings, first: int, last: int) -> TermInfo:
        """Whoosh's statistics of postings first..last-1 of a text field."""
        docs = field.docs[first:last]
        frequencies = np.diff(field.pos_starts[first:last + 1].astype(np.int64))
        lengths, boost = self._lengths(fieldname)[docs], self._boosts[fieldname]
        return TermInfo(weight=float(frequencies.sum()) * boost, df=last - first,
                        minlength=int(lengths.min()), maxlength=int(lengths.max()),
                        maxweight=float(frequencies.max()) * boost, minid=int(docs[0]), maxid=int(docs[-1]))

    def term_info(self, fieldname: str, tbytes: bytes) -> TermInfo:
        if fieldname not in TEXT_FIELDS:
            return self._whoosh.term_info(fieldname, tbytes)
        return self._term_info(fieldname, *self._postings(fieldname, tbytes))

    def frequency(self, fieldname: str, tbytes: bytes) -> float:
        if fieldname not in TEXT_FIELDS:
            return float(self._whoosh.frequency(fieldname, tbytes))
        try:
            return float(self.term_info(fieldname, tbytes).weight())
        except TermNotFound as exc:
            raise KeyError(tbytes) from exc  # as Whoosh's reader, which its callers expect

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        if fieldname not in TEXT_FIELDS:
            return int(self._whoosh.doc_frequency(fieldname, tbytes))
        field = self._arrays().fields[fieldname]
        i = field.find(tbytes)
        if i is None:
            raise KeyError(tbytes)
        return int(field.starts[i + 1] - field.starts[i])

    def matcher(self, fieldname: str, tbytes: bytes, format_: Format, scorer: BaseScorer | None = None) -> Matcher:
        if fieldname not in TEXT_FIELDS:
            return self._whoosh.matcher(fieldname, tbytes, format_, scorer=scorer)
        field, first, last = self._postings(fieldname, tbytes)
        frequencies = np.diff(field.pos_starts[first:last + 1].astype(np.int64))
        return ListMatcher(field.docs[first:last].tolist(), (frequencies * self._boosts[fieldname]).tolist(),
                           _EncodedPositions(field, first, last, format_.encode), format_, scorer=scorer,
                           term=(fieldname, tbytes), terminfo=self._term_info(fieldname, field, first, last))

    def indexed_field_names(self) -> set[str]:
        return set(self._whoosh.indexed_field_names()) | set(TEXT_FIELDS)

    def close(self) -> None:
        if "_whoosh" in self.__dict__:
            self._whoosh.close()
        else:
            self._close_unused()


class TextArraysCodec(WrappingCodec):
    """Whoosh 2.7's codec (`W3Codec`, which writes our segments), reading title and body terms
    from the postings arrays: open segment readers with it (`SegmentReader(..., codec=...)`).

    `arrays(segment id)` gives a segment's arrays; it is called when Whoosh first asks about a
    title or body term, not when the reader is opened.
    """

    def __init__(self, schema: Schema, arrays: Callable[[str], SegmentPostings]) -> None:
        super().__init__(W3Codec())
        self._arrays = arrays
        self._boosts = {name: float(schema[name].format.field_boost) for name in TEXT_FIELDS}
        self._per_document: dict[str, PerDocumentReader] = {}

    def per_document_reader(self, storage: Storage, segment: Segment) -> PerDocumentReader:
        """Whoosh's per-document reader of the segment, which the segment reader opens just after
        its terms reader: kept for the terms reader, which reads the field lengths through it (its
        column files open since the version was, `whoosh_compat.open_searcher`; a reader of its
        own opened later could find them deleted by a writer's commit)."""
        reader: PerDocumentReader = super().per_document_reader(storage, segment)
        self._per_document[segment.segment_id()] = reader
        return reader

    def terms_reader(self, storage: Storage, segment: Segment) -> TextTerms:
        """The segment's terms reader: Whoosh's own, with title and body answered from the arrays.

        Whoosh's own (for facet and id terms) opens its files now, as `W3Codec.terms_reader` does
        (a later commit may delete them), but reads its hash table only when first asked: a
        query counting facets from the saved tables never asks, and reading every segment's
        table is a tenth of opening a 100k index of tens of segments."""
        segment_id = segment.segment_id()
        whoosh_terms, unused = deferred_terms_reader(self._child, storage, segment)
        return TextTerms(whoosh_terms, lambda: self._arrays(segment_id),
                         lambda text_field: field_lengths(self._per_document[segment_id], text_field), self._boosts,
                         unused)
