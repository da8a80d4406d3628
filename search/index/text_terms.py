"""Whoosh's view of the title and body terms, answered from the postings arrays.

Title and body postings live only in the arrays of search/postings.py: Whoosh's segments keep
those fields' stored text and lengths, not their postings (writing them in Whoosh's format was a
third of indexing time). Where Whoosh's own query machinery still runs (expanding wildcard,
fuzzy and range terms, proximity phrases, "more like this", highlighting's term lookup) it asks a
segment reader's terms reader. `TextTerms` is that reader: it answers for title and body from
the arrays (a cursor over the sorted terms, term statistics, list matchers whose positions are
encoded when asked for) and hands every other field to Whoosh's own terms reader.
`install(leaf, ...)` puts one in a segment reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import takewhile

import numpy as np
from whoosh.codec.base import FieldCursor, TermsReader
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.matching import ListMatcher
from whoosh.reading import SegmentReader, TermInfo, TermNotFound
from whoosh.util.numeric import byte_to_length

from search.index.postings import FieldPostings, SegmentPostings
from search.index.schema import TEXT_FIELDS

BYTE_TO_LENGTH = np.array([0] + [byte_to_length(b) for b in range(1, 256)], dtype=np.float32)


def segment_lengths(leaf: SegmentReader, text_field: str) -> np.ndarray:
    """Per document of one segment, a text field's length as Whoosh stores it for scoring
    (Whoosh 2.7 keeps it as one byte per document in a "_<field>_len" column)."""
    count = leaf.doc_count_all()
    column = leaf._perdoc._cached_reader(f"_{text_field}_len", LENGTHS_COLUMN)
    if column is None:
        return np.zeros(count, dtype=np.float32)
    return BYTE_TO_LENGTH[column_values(column, count)]


def column_values(column, count: int) -> np.ndarray:
    """All values of a Whoosh numeric column in one read (Whoosh 2.7's layout: big-endian
    fixed-width values for the first `_count` documents, the default after them)."""
    stored = np.dtype(column._typecode).newbyteorder(">")
    values = np.full(count, column._default, dtype=stored.newbyteorder("="))
    written = min(column._count, count)
    if written:
        values[:written] = np.frombuffer(column._dbfile.get(column._basepos, written * column._fixedlen), dtype=stored)
    return values


class _EncodedPositions(Sequence):
    """The encoded positions of postings first..last-1 of a field, each encoded when read."""

    def __init__(self, field: FieldPostings, first: int, last: int, encode: Callable[[list[int]], bytes]) -> None:
        self._field, self._first, self._last, self._encode = field, first, last, encode

    def __len__(self) -> int:
        return self._last - self._first

    def __getitem__(self, i: int) -> bytes:  # ListMatcher reads one value at a time
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
        self._i = int(np.searchsorted(self._terms, np.array([stripped]), side=side)[0]) if len(self._terms) else 0
        return self.text()

    def next(self) -> str | None:
        self._i += 1
        return self.text()

    def text(self) -> str | None:
        return self._terms[self._i].decode("utf-8") if self._i < len(self._terms) else None


class TextTerms(TermsReader):
    """A segment's terms reader: title and body from the arrays, other fields from Whoosh's."""

    def __init__(self, whoosh_terms: TermsReader, arrays: Callable[[], SegmentPostings],
                 lengths: Callable[[str], np.ndarray], boosts: dict[str, float]) -> None:
        self._whoosh, self._arrays, self._lengths, self._boosts = whoosh_terms, arrays, lengths, boosts

    def _postings(self, fieldname: str, tbytes: bytes) -> tuple[FieldPostings, int, int]:
        field = self._arrays().fields[fieldname]
        i = field.find(tbytes)
        if i is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return field, int(field.starts[i]), int(field.starts[i + 1])

    def __contains__(self, term) -> bool:
        fieldname, tbytes = term
        if fieldname in TEXT_FIELDS:
            return self._arrays().fields[fieldname].find(tbytes) is not None
        return term in self._whoosh

    def cursor(self, fieldname, fieldobj):
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
            yield from takewhile(lambda term: term[0] == fieldname, self.terms_from(fieldname, b""))

    def terms_from(self, fieldname, prefix):
        """This field's terms from `prefix` on (all Whoosh's callers stop at the field's end)."""
        if fieldname in TEXT_FIELDS:
            return self._text_terms(fieldname, prefix)
        return self._whoosh.terms_from(fieldname, prefix)

    def items(self):
        return ((term, self.term_info(*term)) for term in self.terms())

    def items_from(self, fieldname, prefix):
        return ((term, self.term_info(*term)) for term in self.terms_from(fieldname, prefix))

    def _term_info(self, fieldname: str, field: FieldPostings, first: int, last: int) -> TermInfo:
        """Whoosh's statistics of postings first..last-1 of a text field."""
        docs = field.docs[first:last]
        frequencies = np.diff(field.pos_starts[first:last + 1].astype(np.int64))
        lengths, boost = self._lengths(fieldname)[docs], self._boosts[fieldname]
        return TermInfo(weight=float(frequencies.sum()) * boost, df=last - first,
                        minlength=int(lengths.min()), maxlength=int(lengths.max()),
                        maxweight=float(frequencies.max()) * boost, minid=int(docs[0]), maxid=int(docs[-1]))

    def term_info(self, fieldname, tbytes) -> TermInfo:
        if fieldname not in TEXT_FIELDS:
            return self._whoosh.term_info(fieldname, tbytes)
        return self._term_info(fieldname, *self._postings(fieldname, tbytes))

    def frequency(self, fieldname, tbytes) -> float:
        if fieldname not in TEXT_FIELDS:
            return self._whoosh.frequency(fieldname, tbytes)
        try:
            return self.term_info(fieldname, tbytes).weight()
        except TermNotFound as exc:
            raise KeyError(tbytes) from exc  # as Whoosh's reader, which its callers expect

    def doc_frequency(self, fieldname, tbytes) -> int:
        if fieldname not in TEXT_FIELDS:
            return self._whoosh.doc_frequency(fieldname, tbytes)
        field = self._arrays().fields[fieldname]
        i = field.find(tbytes)
        if i is None:
            raise KeyError(tbytes)
        return int(field.starts[i + 1] - field.starts[i])

    def matcher(self, fieldname, tbytes, format_, scorer=None):
        if fieldname not in TEXT_FIELDS:
            return self._whoosh.matcher(fieldname, tbytes, format_, scorer=scorer)
        field, first, last = self._postings(fieldname, tbytes)
        frequencies = np.diff(field.pos_starts[first:last + 1].astype(np.int64))
        return ListMatcher(field.docs[first:last].tolist(), (frequencies * self._boosts[fieldname]).tolist(),
                           _EncodedPositions(field, first, last, format_.encode), format_, scorer=scorer,
                           term=(fieldname, tbytes), terminfo=self._term_info(fieldname, field, first, last))

    def indexed_field_names(self):
        return set(self._whoosh.indexed_field_names()) | set(TEXT_FIELDS)

    def close(self) -> None:
        self._whoosh.close()


def install(leaf: SegmentReader, arrays: Callable[[], SegmentPostings]) -> None:
    """Make `leaf` answer title and body term questions from `arrays()` (read when first needed)."""
    lengths: dict[str, np.ndarray] = {}

    def field_lengths(text_field: str) -> np.ndarray:
        if text_field not in lengths:
            lengths[text_field] = segment_lengths(leaf, text_field)
        return lengths[text_field]

    boosts = {name: leaf.schema[name].format.field_boost for name in TEXT_FIELDS}
    leaf._terms = TextTerms(leaf._terms, arrays, field_lengths, boosts)
