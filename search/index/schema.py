"""The Whoosh schema and the mapping between `Article` and index documents.

The fields of the facets come from the registry (`search.model.FACETS`, re-exported here): a
multi-valued facet is a stored, comma-separated keyword field, a single-valued one (the source)
an exact, sortable ID field, each named after its facet.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from whoosh.analysis import Analyzer, StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.formats import Positions

from search.index.analysis import MAXSIZE, length_of
from search.model import FACETS, Article, Facet, as_values

__all__ = ["ADDED_FIELDS", "FACETS", "Facet", "TEXT_FIELDS", "from_stored", "indexed_values", "make_schema",
           "to_document"]

TEXT_FIELDS = ("title", "body")

Posting = tuple[bytes, int, float, bytes]  # Whoosh's (term, frequency, weight, encoded value)


class AnalysedPositions(Positions):
    """Whoosh's `Positions` format for title and body, whose postings Whoosh does not keep.

    Their postings live in the arrays of search/index/postings.py (saved by the indexing workers, or
    rebuilt from the stored text), and search/index/text_terms.py answers Whoosh's questions about
    them. Whoosh keeps the stored text and each document's field length (for scoring), so
    indexing a value yields one placeholder posting that carries the length (the number of terms
    `analysis.analyze` finds, as the field's StemmingAnalyzer would), which `writers.Writer`
    drops. Queries and highlighting still use the field's analyzer."""

    def word_values(self, value: str, analyzer: Analyzer, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        """A single ("", length, weight, b"") item, for Whoosh to record the field's length."""
        length = length_of(value)
        if length:
            yield "", length, length * self.field_boost, b""


class FacetKeywords(KEYWORD):
    """The field of a multi-valued facet: stored, comma-separated exact values (Whoosh's KEYWORD),
    with the postings of each distinct value remembered. Facet values repeat across articles,
    and Whoosh re-tokenizes each one with Token objects (a tenth of a worker's indexing time)."""

    def __init__(self) -> None:
        super().__init__(commas=True, lowercase=False, scorable=False, stored=True)

    def index(self, value: str, **kwargs: Any) -> tuple[Posting, ...]:
        """Whoosh's (term, frequency, weight, encoded value) postings of `value` (every facet
        field is configured alike, so one memo serves them all)."""
        found = _FACET_POSTINGS.get(value)
        if found is None:
            if len(_FACET_POSTINGS) >= FACET_MEMO_SIZE:
                _FACET_POSTINGS.clear()
            found = _FACET_POSTINGS[value] = tuple(super().index(value, **kwargs))
        return found


FACET_MEMO_SIZE = 100_000
_FACET_POSTINGS: dict[str, tuple[Posting, ...]] = {}


class DateColumn(DATETIME):
    """A date kept as a stored value and a sortable column only: date filters and ranges are read
    off the column (search/snapshot.py, search/matching.py), so the 16 numeric terms per date
    that Whoosh would index (a third of its writing time) are left out. The query parser still
    reads dates for this field as Whoosh's DATETIME does."""

    indexed = False


def _text(analyzer: StemmingAnalyzer, field_boost: float = 1.0) -> TEXT:
    field = TEXT(analyzer=analyzer, stored=True, field_boost=field_boost)
    field.format = AnalysedPositions(field_boost=field_boost)
    return field


def _facet_field(facet: Facet) -> FacetKeywords | ID:
    return FacetKeywords() if facet.multivalued else ID(stored=True, sortable=True)


# Fields added after indexes were built without them (issue 13: the language facet, the stored
# metadata). An index lacking only these opens with today's schema (search/index/location.py):
# its articles read as having no language and no metadata, and the next commit writes the
# schema with the fields. Any other missing field still means another program or version.
ADDED_FIELDS = frozenset({"language", "metadata"})


def make_schema() -> Schema:
    """The index schema: stemmed, stored text; a date column; one exact-valued field per facet.

    Spelling suggestions come from the vocabulary kept with each segment's postings
    (search/postings.py), not from Whoosh's spelling fields, which doubled indexing time.
    """
    analyzer = StemmingAnalyzer(maxsize=MAXSIZE)  # tokens over 64 letters are not terms (analysis.MAXSIZE)
    return Schema(
        id=ID(stored=True, unique=True),
        title=_text(analyzer, field_boost=2.0),
        body=_text(analyzer),
        published=DateColumn(stored=True, sortable=True),
        url=STORED,  # shown and exported, never searched
        origin=STORED,  # where the article was read from (for --prune), never searched
        content_hash=STORED,
        theme_evidence=STORED,
        metadata=STORED,  # what the reader said beyond the facets (section, tags, …): facets made later, suggestions
        **{name: _facet_field(facet) for name, facet in FACETS.items()},
    )


def to_document(article: Article, content_hash: str) -> dict[str, Any]:
    """The keyword arguments for `writer.add_document` that store one enriched article."""
    doc: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "_stored_title": article.title,  # the plain text, when a `MeasuredText` is indexed
        "_stored_body": article.body,
        "url": article.url,
        "origin": article.origin,
        "content_hash": content_hash,
        "theme_evidence": article.theme_evidence,
        "metadata": article.metadata,
    }
    if article.published:
        doc["published"] = datetime(article.published.year, article.published.month, article.published.day)
    for name, facet in FACETS.items():
        values = indexed_values(article, facet)
        if not facet.multivalued:
            doc[name] = values[0] if values else ""
            continue
        doc[name] = ",".join(values)
        doc["_stored_" + name] = values
    return doc


def indexed_values(article: Article, facet: Facet) -> list[str]:
    """The values of `facet` an index keeps for `article` (a cluster keeps the same): a
    single-valued facet's first value; a multi-valued facet's values with commas made spaces (a
    comma would split a value in Whoosh's keyword field), stripped, empty ones dropped."""
    given = article.facets.get(facet.name, [])
    if not facet.multivalued:
        return [v for v in given[:1] if v]
    return [v for v in (v.replace(",", " ").strip() for v in given) if v]


def from_stored(fields: dict[str, Any]) -> dict[str, Any]:
    """`Article` arguments from a stored document: its `facets` by name, a `date` for `published`."""
    published = fields.get("published")
    if isinstance(published, datetime):
        published = published.date()
    return {
        "id": fields["id"],
        "title": fields.get("title", ""),
        "body": fields.get("body", ""),
        "url": fields.get("url", ""),
        "origin": fields.get("origin", ""),
        "published": published if isinstance(published, date) else None,
        "theme_evidence": fields.get("theme_evidence") or {},
        "metadata": fields.get("metadata") or {},
        "facets": {name: as_values(fields.get(name)) for name in FACETS},
    }
