"""The Whoosh schema and the mapping between `Article` and index documents.

`FACETS` is the one registry of facets: their public name, their Whoosh field and the
`Article` attribute they come from. Everything else (indexing, counting, the CLI, the page)
iterates over it, so adding a facet is one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.formats import Positions

from search.index.analysis import length_of
from search.model import Article


@dataclass(frozen=True)
class Facet:
    """A facet: `name` is both the public name and the Whoosh field; `attr` the Article attribute."""

    name: str
    attr: str
    label: str
    multivalued: bool = True


FACETS: dict[str, Facet] = {
    facet.name: facet
    for facet in (
        Facet("source", "source", "Source", multivalued=False),
        Facet("speaker", "speakers", "Speaker"),
        Facet("people", "people", "People mentioned"),
        Facet("country", "countries", "Country"),
        Facet("region", "regions", "Region"),
        Facet("organisation", "organisations", "Organisation"),
        Facet("theme", "themes", "Theme"),
    )
}

TEXT_FIELDS = ("title", "body")


class AnalysedPositions(Positions):
    """Whoosh's `Positions` format for title and body, whose postings Whoosh does not keep.

    Their postings live in the arrays of search/postings.py (saved by the indexing workers, or
    rebuilt from the stored text), and search/text_terms.py answers Whoosh's questions about
    them. Whoosh keeps the stored text and each document's field length (for scoring), so
    indexing a value yields one placeholder posting that carries the length (the number of terms
    `analysis.analyze` finds, as the field's StemmingAnalyzer would), which `segments.Writer`
    drops. Queries and highlighting still use the field's analyzer."""

    def word_values(self, value, analyzer, **kwargs):
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

    def index(self, value, **kwargs):
        """Whoosh's (term, frequency, weight, encoded value) postings of `value` (every facet
        field is configured alike, so one memo serves them all)."""
        found = _FACET_POSTINGS.get(value)
        if found is None:
            if len(_FACET_POSTINGS) >= FACET_MEMO_SIZE:
                _FACET_POSTINGS.clear()
            found = _FACET_POSTINGS[value] = tuple(super().index(value, **kwargs))
        return found


FACET_MEMO_SIZE = 100_000
_FACET_POSTINGS: dict[str, tuple] = {}


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


def make_schema() -> Schema:
    """The index schema: stemmed, stored text; exact-valued facet fields; a date column.

    Spelling suggestions come from the vocabulary kept with each segment's postings
    (search/postings.py), not from Whoosh's spelling fields, which doubled indexing time.
    """
    analyzer = StemmingAnalyzer()
    facet_fields = {
        name: FacetKeywords()
        for name, facet in FACETS.items() if facet.multivalued
    }
    return Schema(
        id=ID(stored=True, unique=True),
        title=_text(analyzer, field_boost=2.0),
        body=_text(analyzer),
        source=ID(stored=True, sortable=True),
        published=DateColumn(stored=True, sortable=True),
        url=STORED,  # shown and exported, never searched
        origin=STORED,  # where the article was read from (for --prune), never searched
        content_hash=STORED,
        theme_evidence=STORED,
        **facet_fields,
    )


def to_document(article: Article, content_hash: str) -> dict[str, Any]:
    """The keyword arguments for `writer.add_document` that store one enriched article."""
    doc: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "_stored_title": article.title,  # the plain text, when a `MeasuredText` is indexed
        "_stored_body": article.body,
        "source": article.source,
        "url": article.url,
        "origin": article.origin,
        "content_hash": content_hash,
        "theme_evidence": article.theme_evidence,
    }
    if article.published:
        doc["published"] = datetime(article.published.year, article.published.month, article.published.day)
    for name, facet in FACETS.items():
        if facet.multivalued:
            values = [v.replace(",", " ").strip() for v in getattr(article, facet.attr)]
            doc[name] = ",".join(v for v in values if v)
            doc["_stored_" + name] = [v for v in values if v]
    return doc


def from_stored(fields: dict[str, Any]) -> dict[str, Any]:
    """Article attributes from a stored document (facet lists, a `date` for `published`)."""
    published = fields.get("published")
    values: dict[str, Any] = {
        "id": fields["id"],
        "title": fields.get("title", ""),
        "body": fields.get("body", ""),
        "source": fields.get("source", ""),
        "url": fields.get("url", ""),
        "origin": fields.get("origin", ""),
        "published": published.date() if isinstance(published, datetime) else published if isinstance(published, date) else None,
        "theme_evidence": fields.get("theme_evidence") or {},
    }
    for name, facet in FACETS.items():
        if facet.multivalued:
            values[facet.attr] = list(fields.get(name) or [])
    return values
