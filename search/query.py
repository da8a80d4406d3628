"""`search()`: parse, filter, count facets (disjunctively), rank, page and highlight."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from whoosh import query as wq

from .facets import FacetValue
from .highlight import full_html, snippet_html
from .parsing import ParsedQuery, parse_query, plain_words_query
from .schema import FACETS, from_stored
from .snapshot import Snapshot, snapshot
from .store import resolve_index_dir

SORTS = ("relevance", "newest", "oldest")
MAX_PER_PAGE = 100
DEFAULT_FACET_LIMIT = 30


@dataclass(frozen=True)
class Hit:
    """One search result: the article's metadata and facets, its score and escaped, highlighted HTML."""

    id: str
    title: str
    source: str
    published: date | None
    url: str
    speakers: list[str]
    people: list[str]
    countries: list[str]
    regions: list[str]
    themes: list[str]
    score: float
    snippet: str
    title_html: str


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, the total number of matches, facet counts and hints about the query."""

    query: str
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None = None
    notice: str | None = None
    elapsed_ms: float = 0.0
    filters: dict[str, list[str]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        """Number of result pages."""
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class ArticleView:
    """One whole article for reading: metadata, facets and the full text with query matches marked."""

    hit: Hit
    body_html: str
    theme_evidence: dict[str, list[str]]


def normalise_filters(filters: Mapping[str, Iterable[str] | str] | None) -> dict[str, list[str]]:
    """Validate facet names and turn each filter into a list of distinct values."""
    result: dict[str, list[str]] = {}
    for name, values in (filters or {}).items():
        if name not in FACETS:
            raise ValueError(f"unknown facet {name!r}; valid facets are: {', '.join(FACETS)}")
        items = [values] if isinstance(values, str) else list(values)
        cleaned = list(dict.fromkeys(str(v).strip() for v in items if str(v).strip()))
        if cleaned:
            result[name] = cleaned
    return result


def _text_mask(snap: Snapshot, q: wq.Query | None) -> np.ndarray:
    if q is None:
        return snap.live.copy()
    mask = np.zeros(snap.doc_count, dtype=bool)
    docs = np.fromiter(q.docs(snap.searcher), dtype=np.int64)
    mask[docs] = True
    return mask & snap.live


def _filter_masks(snap: Snapshot, filters: dict[str, list[str]]) -> dict[str, np.ndarray]:
    return {name: snap.table(name).docs_with_any(values, snap.doc_count) for name, values in filters.items()}


def _combine(base: np.ndarray, masks: dict[str, np.ndarray], skip: str | None = None) -> np.ndarray:
    result = base.copy()
    for name, mask in masks.items():
        if name != skip:
            result &= mask
    return result


def _ranked_docs(snap: Snapshot, q: wq.Query | None, mask: np.ndarray, sort: str, limit: int,
                 filtered: bool) -> list[tuple[int, float]]:
    """(document number, score) of the first `limit` results in the requested order."""
    if q is not None and sort == "relevance":
        allowed = set(np.flatnonzero(mask).tolist()) if filtered else None
        results = snap.searcher.search(q, filter=allowed, limit=limit)
        return [(hit.docnum, float(hit.score)) for hit in results]
    docs = np.flatnonzero(mask)
    dates = snap.published[docs]
    order = np.lexsort((docs, dates)) if sort == "oldest" else np.lexsort((-docs, -dates))
    if sort == "oldest":  # undated articles last in both directions
        order = np.concatenate([order[dates[order] != np.iinfo(np.int64).min],
                                order[dates[order] == np.iinfo(np.int64).min]])
    return [(int(d), 0.0) for d in docs[order[:limit]]]


def _highlight_terms(snap: Snapshot, q: wq.Query | None) -> set[str]:
    if q is None:
        return set()
    terms = q.existing_terms(snap.searcher.reader(), phrases=True, expand=True)
    return {t.decode("utf-8") if isinstance(t, bytes) else str(t) for f, t in terms if f in ("title", "body")}


def _hit(snap: Snapshot, docnum: int, score: float, terms: set[str]) -> Hit:
    stored = from_stored(snap.searcher.stored_fields(docnum))
    analyzer = snap.searcher.schema["body"].analyzer
    return Hit(
        id=stored["id"], title=stored["title"], source=stored["source"], published=stored["published"],
        url=stored["url"], speakers=stored["speakers"], people=stored["people"],
        countries=stored["countries"], regions=stored["regions"], themes=stored["themes"], score=score,
        snippet=snippet_html(stored["body"], terms, analyzer),
        title_html=full_html(stored["title"], terms, analyzer),
    )


def _suggestion(snap: Snapshot, text: str, q: wq.Query | None) -> str | None:
    if q is None:
        return None
    try:
        correction = snap.searcher.correct_query(q, text)
    except Exception:  # spelling is a hint; a query it cannot handle simply gets none
        return None
    return correction.string if correction.query != q and correction.string != text else None


def _parse(snap: Snapshot, text: str) -> ParsedQuery:
    def lookup(facet: str, value: str) -> str | None:
        return snap.table(facet).lookup(value)

    return parse_query(text, snap.searcher.schema, lookup)


def search(
    query: str = "",
    filters: Mapping[str, Iterable[str] | str] | None = None,
    page: int = 1,
    per_page: int = 10,
    sort: str = "relevance",
    index_dir: str | Path | None = None,
    *,
    facet_limit: int | None = DEFAULT_FACET_LIMIT,
) -> SearchResult:
    """Search the index: full-text `query` (Whoosh syntax; "" browses all, newest first) within `filters`.

    `filters` maps a facet name (see `FACETS`) to values: OR within a facet, AND across facets.
    Each facet's counts apply every filter except its own, so other values stay visible.
    Raises `ValueError` for an unknown facet or sort; bad query syntax degrades to plain words.
    """
    started = time.perf_counter()
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; valid sorts are: {', '.join(SORTS)}")
    chosen = normalise_filters(filters)
    page, per_page = max(1, int(page)), min(max(1, int(per_page)), MAX_PER_PAGE)
    snap = snapshot(resolve_index_dir(index_dir))
    chosen = {name: [snap.table(name).lookup(v) or v for v in values] for name, values in chosen.items()}
    parsed = _parse(snap, query)
    q = parsed.query
    try:
        text_mask = _text_mask(snap, q)
    except Exception:  # a query Whoosh accepts but cannot run: fall back to plain words
        parsed = ParsedQuery(None, "The query could not be run as written; searched for the words instead.")
        q = plain_words_query(query, snap.searcher.schema)
        text_mask = _text_mask(snap, q)
    masks = _filter_masks(snap, chosen)
    matched = _combine(text_mask, masks)
    facets = {
        name: snap.table(name).top(_combine(text_mask, masks, skip=name), chosen.get(name, ()), facet_limit)
        for name in FACETS
    }
    sort = sort if q is not None else ("oldest" if sort == "oldest" else "newest")
    ranked = _ranked_docs(snap, q, matched, sort, page * per_page, filtered=bool(masks))
    terms = _highlight_terms(snap, q)
    hits = [_hit(snap, docnum, score, terms) for docnum, score in ranked[(page - 1) * per_page:]]
    return SearchResult(
        query=query, total=int(matched.sum()), page=page, per_page=per_page, hits=hits, facets=facets,
        suggestion=_suggestion(snap, query, q), notice=parsed.notice,
        elapsed_ms=(time.perf_counter() - started) * 1000, filters=chosen,
    )


def get_article(article_id: str, query: str = "", index_dir: str | Path | None = None) -> ArticleView | None:
    """The whole article with this id (None if there is none), with `query`'s matches marked."""
    snap = snapshot(resolve_index_dir(index_dir))
    docnum = snap.searcher.document_number(id=article_id)
    if docnum is None:
        return None
    q = _parse(snap, query).query
    terms = _highlight_terms(snap, q)
    stored = from_stored(snap.searcher.stored_fields(docnum))
    analyzer = snap.searcher.schema["body"].analyzer
    return ArticleView(_hit(snap, docnum, 0.0, terms), full_html(stored["body"], terms, analyzer),
                       stored["theme_evidence"])
