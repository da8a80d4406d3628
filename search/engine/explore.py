"""Exploring around a result set: one article, similar articles, facet value search, co-occurrence.

Functions that work on "the current results" take the same arguments as `search()`: a query,
`filters`, and the keyword options `exclude`, `match_mode`, `date_from`, `date_to`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from search.engine.collapse import live_stories, story_counts
from search.engine.highlight import full_html
from search.engine.matching import query_match
from search.engine.parsing import nodes
from search.engine.query import (
    Hit,
    Matches,
    collapsed,
    doc_analysis,
    highlight_terms,
    make_hit,
    match,
    ordered_docs,
    text_analyzer,
)
from search.engine.selection import FacetFilter, Selection
from search.engine.suggestions import FacetSuggestion, suggest_facets
from search.errors import check_choice
from search.index.analysis import analyze
from search.index.location import resolve_index_dir
from search.index.schema import FACETS
from search.index.snapshot import NO_DATE, Snapshot, snapshot
from search.model import FacetValue
from search.settings import setting

SIMILAR_KEY_TERMS = 12
# A co-occurrence table counts the matching articles once per row value: `top` rows of `top`
# columns. Beyond a few hundred values a table is no longer readable, and its cost (time, and
# memory for the counts) grows with `top` times the index.
MAX_COOCCURRENCE_TOP = 200


@dataclass(frozen=True)
class ArticleView:
    """One whole article for reading: metadata, facets and the full text with query matches marked."""

    hit: Hit
    body_html: str
    theme_evidence: dict[str, list[str]]


@dataclass(frozen=True)
class CoOccurrence:
    """How many matching stories (`collapsed`, the default) or articles have both a row value
    (facet `rows_facet`) and a column value."""

    rows_facet: str
    columns_facet: str
    rows: list[str]
    columns: list[str]
    counts: list[list[int]]  # counts[i][j]: stories (articles) with an article having rows[i] and columns[j]
    collapsed: bool = False

    def pairs(self, n: int = setting("cooccurrence_top")) -> list[tuple[str, str, int]]:
        """The `n` most frequent (row value, column value, count) pairs, count first then names."""
        cells = [(r, c, self.counts[i][j]) for i, r in enumerate(self.rows) for j, c in enumerate(self.columns)
                 if self.counts[i][j] and not (self.rows_facet == self.columns_facet and r >= c)]
        return sorted(cells, key=lambda cell: (-cell[2], cell[0], cell[1]))[:n]


def get_article(article_id: str, query: str = "", index_dir: str | Path | None = None) -> ArticleView | None:
    """The whole article with this id (None if there is none), with `query`'s matches marked."""
    m = match(query, Selection(), index_dir)
    docnum = m.snap.searcher.document_number(id=article_id)
    if docnum is None:
        return None
    terms = highlight_terms(m)
    stored = m.snap.stored(docnum)
    body_html = full_html(stored["body"], terms, text_analyzer(m.snap, docnum))
    return ArticleView(make_hit(m.snap, docnum, 0.0, terms), body_html, stored["theme_evidence"])


def similar(article_id: str, n: int = setting("similar_articles"), *, filters: FacetFilter | None = None,
            collapse: bool = True, index_dir: str | Path | None = None, **selection: Any) -> list[Hit]:
    """Up to `n` articles most like this one by its key terms (never the article itself).

    With `filters` (and `exclude`, `match_mode`, `date_from`, `date_to`) only articles within
    them are returned. With `collapse` (the default, as in `search()`), the article's own
    story's other versions are left out (they are its copies, listed by `versions()`) and each
    other story is one hit, its most similar version, with its `duplicates`. An unknown id gives
    an empty list.
    """
    snap = snapshot(resolve_index_dir(index_dir))
    docnum = snap.searcher.document_number(id=article_id)
    if docnum is None:
        return []
    q = _key_terms_query(snap, docnum)
    if q is None:
        return []
    m = match("", Selection.build(filters, **selection), index_dir)
    mask, scores = query_match(snap, q)
    mask &= m.mask
    mask[docnum] = False
    found = replace(m, mask=mask, scores=scores)
    if collapse:
        labels = m.snap.story_labels()
        found = collapsed(replace(found, mask=mask & (labels != labels[docnum])), "relevance")
    ranked = ordered_docs(found, "relevance", n)
    return [make_hit(snap, doc, score, set(), collapse) for doc, score in ranked]


def _key_terms_query(snap: Snapshot, docnum: int) -> nodes.Query | None:
    """Whoosh's "more like this" query for a document: its `SIMILAR_KEY_TERMS` most telling body
    terms (Bo1 model: frequent here, rare in the collection), each boosted by its weight. The
    body's terms are counted here, as Whoosh would from the stored text with its own analysis."""
    body = snap.stored_fields(docnum).get("body") or ""
    boost = snap.searcher.schema["body"].format.field_boost
    terms = analyze(body, doc_analysis(snap, docnum))  # as its terms were made (English or its language)
    key_terms = snap.key_terms("body", ((term, len(positions) * boost) for term, positions in terms.items()),
                               SIMILAR_KEY_TERMS)
    return nodes.Or([nodes.Term("body", term, boost=weight) for term, weight in key_terms]) if key_terms else None


def _counts(m: Matches, facet: str, mask: np.ndarray, collapse: bool) -> np.ndarray:
    """Per value of `facet`, the stories (`collapse`) or articles of `mask` having it."""
    return story_counts(m.snap, facet, mask) if collapse else m.snap.table(facet).counts(mask)


def facet_values(facet: str, contains: str = "", query: str = "", filters: FacetFilter | None = None, *,
                 limit: int | None = setting("value_search_limit"), order: str = "count", collapse: bool = True,
                 index_dir: str | Path | None = None, **selection: Any) -> tuple[list[FacetValue], int]:
    """Values of `facet` containing `contains` (case-insensitive), with counts in the current results.

    Returns the values (at most `limit`, selected ones always included) and how many distinct
    values match in all; counts follow the same disjunctive rule as `search()`, and count
    stories with `collapse` (the default, as `search()`) or articles without.
    """
    check_choice("facet", facet, FACETS)
    m = match(query, Selection.build(filters, **selection), index_dir)
    table = m.snap.table(facet)
    counts = _counts(m, facet, m.selection.counting_mask(m.text_mask, m.masks, facet), collapse)
    needle = contains.strip().casefold()
    if needle:
        keep = np.array([needle in text for text in table.search_texts], dtype=bool)  # aliases too
        counts = np.where(keep, counts, 0) if len(keep) else counts
    chosen = [v for v in m.selection.include.get(facet, []) if needle in v.casefold()]
    dropped = [v for v in m.selection.exclude.get(facet, []) if needle in v.casefold()]
    return table.top(counts, chosen, dropped, limit, order), int(np.count_nonzero(counts))


def cooccurrence(rows_facet: str, columns_facet: str, query: str = "", filters: FacetFilter | None = None, *,
                 top: int = setting("cooccurrence_top"), collapse: bool = True, index_dir: str | Path | None = None,
                 **selection: Any) -> CoOccurrence:
    """Counts of the current results having both values, for the `top` values of each facet (1 to
    `MAX_COOCCURRENCE_TOP`; `ValueError` outside): stories with an article having both with
    `collapse` (the default, as `search()`), articles without."""
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= MAX_COOCCURRENCE_TOP:
        raise ValueError(f"top must be a whole number from 1 to {MAX_COOCCURRENCE_TOP}, got {top!r}")
    check_choice("facet", rows_facet, FACETS)
    check_choice("facet", columns_facet, FACETS)
    m = match(query, Selection.build(filters, **selection), index_dir)
    row_table, column_table = m.snap.table(rows_facet), m.snap.table(columns_facet)
    rows = [fv.value for fv in row_table.top(_counts(m, rows_facet, m.mask, collapse), limit=top)]
    columns = [fv.value for fv in column_table.top(_counts(m, columns_facet, m.mask, collapse), limit=top)]
    counts = []
    for value in rows:
        with_value = m.mask & row_table.docs_with_any([value], m.snap.doc_count)
        per_column = _counts(m, columns_facet, with_value, collapse)
        counts.append([int(per_column[column_table.ordinals[c]]) for c in columns])
    return CoOccurrence(rows_facet, columns_facet, rows, columns, counts, collapse)


@dataclass(frozen=True)
class IndexStats:
    """A summary of an index: articles, the stories they make (near-duplicates as one: they
    differ when copies were indexed), distinct sources, date span, last update, size on disk."""

    articles: int
    stories: int
    sources: int
    first_published: date | None
    last_published: date | None
    last_update: datetime
    size_bytes: int
    # metadata fields that would make useful facets (search/engine/suggestions.py), not facets yet
    suggested_facets: list[FacetSuggestion] = field(default_factory=list)


def index_stats(index_dir: str | Path | None = None) -> IndexStats:
    """Counts, publication date span, time of the last commit, size on disk of the index, and the
    metadata fields that would make useful facets."""
    path = resolve_index_dir(index_dir)
    snap = snapshot(path)
    days = snap.day[snap.live & (snap.day != NO_DATE)].astype("datetime64[D]")
    sources = snap.table("source").counts(snap.live)
    files = [f for f in path.rglob("*") if f.is_file()]
    tocs = list(path.glob("_*.toc"))  # rewritten by each commit, and only then
    return IndexStats(
        articles=int(snap.live.sum()),
        stories=live_stories(snap),
        sources=int(np.count_nonzero(sources)),
        first_published=days.min().item() if len(days) else None,
        last_published=days.max().item() if len(days) else None,
        last_update=datetime.fromtimestamp(max(f.stat().st_mtime for f in tocs or files)),
        size_bytes=sum(f.stat().st_size for f in files),
        suggested_facets=suggest_facets(snap),
    )
