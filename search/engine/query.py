"""`search()`: parse, filter, count facets (disjunctively), rank, page and highlight."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from search.engine.budget import QueryBudget
from search.engine.collapse import NO_DUPLICATES, Duplicates, duplicates_of, keep_best, once_per_story
from search.engine.expansion import expand
from search.engine.highlight import Analyzer, full_html, snippet_html
from search.engine.matching import query_match
from search.engine.parsing import Analyses, ParsedQuery, nodes, parse_query, plain_words_query
from search.engine.selection import DATE_KEY, FacetFilter, Selection
from search.errors import check_choice
from search.index.analysis import analyzer_for
from search.index.languages import ENGLISH, analysis_of, term_of
from search.index.location import resolve_index_dir
from search.index.schema import FACETS, TEXT_FIELDS
from search.index.snapshot import NO_DATE, Snapshot, snapshot
from search.model import FACET_ORDERS, SORTS, FacetAttributes, FacetValue, facet_mapping
from search.settings import setting

TEXT_MATCHES_KEPT = 16  # text query results remembered per index version (~1 MB each at 100k)
_text_matches_lock = threading.Lock()
MAX_PER_PAGE: int = setting("max_page_size")
SUGGEST_MAX_WORDS: int = setting("suggest_max_words")
SUGGEST_MAX_WORD_CHARS: int = setting("suggest_max_word_chars")
_WORD = re.compile(r"(?<![\w:])[^\W\d_]+(?![\w:*~])")  # plain words, not field names, wildcards or fuzzy terms


@dataclass(frozen=True, init=False)
class Hit(FacetAttributes):
    """One search result: the article's metadata, its facet values, its score and escaped,
    highlighted HTML. `facets` maps each facet's name to its values, also read by attribute
    (`hit.speakers`, `hit.source`: see `search.model.Facet.attr`)."""

    id: str
    title: str
    published: date | None
    url: str
    facets: dict[str, list[str]]
    score: float
    snippet: str
    title_html: str
    duplicates: Duplicates  # the other versions of its story (none unless the search collapsed them)

    def __init__(self, id: str, title: str, published: date | None, url: str, score: float, snippet: str,
                 title_html: str, facets: Mapping[str, str | Iterable[str]] | None = None,
                 duplicates: Duplicates = NO_DUPLICATES, **values: str | Iterable[str]) -> None:
        """Facet values are given as `facets` by name and/or by attribute (`source="NATO", speakers=[…]`)."""
        for name, value in (("id", id), ("title", title), ("published", published), ("url", url),
                            ("facets", facet_mapping(facets, values, "Hit")), ("score", score),
                            ("snippet", snippet), ("title_html", title_html), ("duplicates", duplicates)):
            object.__setattr__(self, name, value)

    def as_dict(self) -> dict[str, Any]:
        """The hit as plain data, each facet under its attribute name (`source`, `speakers`, …),
        in the order the fields always had: the CLI's JSON."""
        return {"id": self.id, "title": self.title, **self.facet_attributes(multivalued=False),
                "published": self.published, "url": self.url, **self.facet_attributes(multivalued=True),
                "score": self.score, "snippet": self.snippet, "title_html": self.title_html,
                "duplicates": {"count": self.duplicates.count, "sources": self.duplicates.sources,
                               "ids": self.duplicates.ids}}


@dataclass(frozen=True)
class DateHistogram:
    """Matches per year ("2022") and per month ("2022-09"), oldest first: stories when the search
    collapsed copies (a story counts once in a month in which it has a matching article), else
    articles."""

    years: list[FacetValue] = field(default_factory=list)
    months: list[FacetValue] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, the total number of matches, facet counts and hints about the query.

    With `collapsed` (the default of `search()`), `total`, the pages, the facet counts and `dates` count
    stories (groups of near-duplicate articles, one hit each), and `total_articles` the articles;
    without, both count articles."""

    query: str
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None = None
    notice: str | None = None
    elapsed_ms: float = 0.0
    facet_totals: dict[str, int] = field(default_factory=dict)  # distinct values with a count, per facet
    dates: DateHistogram = field(default_factory=DateHistogram)
    selection: Selection = field(default_factory=Selection)
    total_articles: int = 0
    collapsed: bool = False

    @property
    def pages(self) -> int:
        """Number of result pages."""
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class Matches:
    """The documents a query and selection match, before paging (shared by search, export, explore)."""

    snap: Snapshot
    query: nodes.Query | None
    parsed: ParsedQuery
    selection: Selection
    text_mask: NDArray[np.bool_]
    masks: dict[str, NDArray[np.bool_]]
    mask: NDArray[np.bool_]
    scores: NDArray[np.float64] | None = None  # relevance per document number, when there is a text query
    budget: QueryBudget = field(default_factory=QueryBudget)  # what the search spent, and what it cut

    @property
    def notice(self) -> str | None:
        """The parser's notice and the budget's, if any."""
        return " ".join(n for n in (self.parsed.notice, self.budget.notice()) if n) or None


def _text_match(snap: Snapshot, q: nodes.Query | None,
                budget: QueryBudget) -> tuple[NDArray[np.bool_], NDArray[np.float64] | None]:
    """Matches and scores of the text query, remembered per index version: refining a search by
    facets, dates, sort or page asks for the same text again and again. An answer cut by the
    budget is not remembered (the next search may get further; its notice must be given again)."""
    if q is None:
        return snap.live.copy(), None
    key = repr(q)
    with _text_matches_lock:
        found = snap.text_matches.pop(key, None)
    if found is None:
        mask, scores = query_match(snap, q, budget)
        found = (mask & snap.live, scores)
        if budget.cut:
            return found
    with _text_matches_lock:
        snap.text_matches[key] = found  # most recently used last
        while len(snap.text_matches) > TEXT_MATCHES_KEPT:
            snap.text_matches.pop(next(iter(snap.text_matches)))
    return found[0].copy(), found[1]


def index_analyses(snap: Snapshot) -> Analyses | None:
    """What `parse_query` needs of an index holding articles not analysed as English (the
    analyses of its languages: search/index/languages.py); None for an index of English articles
    only (queries are parsed as they always were)."""
    if not snap.foreign_docs().any():
        return None
    others = tuple(sorted({analysis_of(v) for v in snap.table("language").values} - {ENGLISH}))
    return Analyses(others, snap.has_term) if others else None


def doc_analysis(snap: Snapshot, docnum: int) -> str:
    """The analysis that made a document's terms: its language's, or English where its segment's
    postings were built before languages were told apart."""
    return analysis_of(snap.stored_fields(docnum).get("language")) if snap.foreign_docs()[docnum] else ENGLISH


def _parse(snap: Snapshot, text: str) -> ParsedQuery:
    return parse_query(text, snap.searcher.schema, lambda facet, value: snap.table(facet).lookup(value),
                       index_analyses(snap))


def _parsed_match(snap: Snapshot, query: str,
                  budget: QueryBudget) -> tuple[ParsedQuery, NDArray[np.bool_], NDArray[np.float64] | None]:
    """Parse `query` and match it; a query Whoosh accepts but cannot run (e.g. an empty date
    range) is searched as plain words instead, with a notice: a query never raises."""
    parsed = _parse(snap, query)
    try:
        return (parsed, *_text_match(snap, parsed.query, budget))
    except Exception:
        q = plain_words_query(query, snap.searcher.schema, index_analyses(snap))
        parsed = ParsedQuery(q, "The query could not be run as written; searched for the words instead.")
        return (parsed, *_text_match(snap, q, budget))


def match(query: str, selection: Selection, index_dir: str | Path | None, budget: QueryBudget | None = None) -> Matches:
    """Parse `query` and apply `selection` on the current index version, within `budget` (by
    default a new one from the settings)."""
    budget = budget or QueryBudget()
    snap = snapshot(resolve_index_dir(index_dir))
    selection = selection.resolved(snap)
    parsed, text_mask, scores = _parsed_match(snap, query, budget)
    masks = selection.masks(snap)
    mask = text_mask.copy()
    for m in masks.values():
        mask &= m
    return Matches(snap, parsed.query, parsed, selection, text_mask, masks, mask, scores, budget)


def ordered_docs(m: Matches, sort: str, limit: int | None) -> list[tuple[int, float]]:
    """(document number, score) of the first `limit` matches in `sort` order."""
    if not m.mask.any():
        return []  # (an empty `filter` set would mean "no filter" to Whoosh)
    docs = np.flatnonzero(m.mask)
    if m.scores is not None and sort == "relevance":
        scores = m.scores[docs]
        if limit is not None and limit < len(docs):  # only the best `limit` and their ties need sorting
            cutoff = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            docs, scores = docs[scores >= cutoff], scores[scores >= cutoff]
        order = np.lexsort((docs, -scores))[:limit]  # best first; equal scores in index order
        return [(int(d), float(s)) for d, s in zip(docs[order], scores[order], strict=True)]
    dates = m.snap.published[docs]
    undated = dates == NO_DATE  # undated articles come last in every order
    dates = np.where(undated, 0, dates)
    if sort == "oldest":
        keys: tuple[np.ndarray, ...] = (docs, dates, undated)
    elif sort == "source":
        keys = (-docs, -dates, undated, m.snap.source_rank()[docs])
    else:  # newest (and relevance without a query)
        keys = (-docs, -dates, undated)
    order = np.lexsort(keys)
    return [(int(d), 0.0) for d in docs[order[:limit]]]


def collapsed(m: Matches, sort: str) -> Matches:
    """`m` with only the first article of each story (in `sort` order) among its matches."""
    def rank(mask: NDArray[np.bool_]) -> NDArray[np.int64]:
        return np.array([d for d, _ in ordered_docs(replace(m, mask=mask), sort, None)], dtype=np.int64)

    return replace(m, mask=keep_best(m.snap, m.mask, rank))


def highlight_terms(m: Matches) -> set[str]:
    """The indexed terms of the query in title and body (prefixes, wildcards and fuzzy terms expanded)."""
    if m.query is None:
        return set()
    reader = m.snap.searcher.reader()
    terms: set[str] = set()
    again = m.budget.sharing_clock()  # for terms the search did not expand itself (its answer was remembered)
    # Leaf by leaf: Whoosh's existing_terms() on a whole tree skips every leaf after the first one
    # (its loop variable overwrites its `fieldname` argument).
    for leaf in m.query.leaves():
        if isinstance(leaf, nodes.MultiTerm):  # the words the search expanded it to
            if leaf.fieldname in TEXT_FIELDS:
                words = m.budget.words.get(repr(leaf))
                expansion = None if words is not None or m.budget.cut else expand(m.snap, leaf, again)
                terms |= set(words if words is not None else expansion.words if expansion else [])
        else:
            terms |= {t.decode("utf-8") if isinstance(t, bytes) else str(t)
                      for f, t in leaf.existing_terms(reader, phrases=True, expand=True) if f in TEXT_FIELDS}
    return terms


def text_analyzer(snap: Snapshot, docnum: int) -> Analyzer:
    """Whoosh's analyzer of the analysis that made a document's terms (highlighting marks its
    words with it): English stems, or its language's (search/index/languages.py)."""
    analyzer: Analyzer = analyzer_for(doc_analysis(snap, docnum))
    return analyzer


def make_hit(snap: Snapshot, docnum: int, score: float, terms: set[str], with_duplicates: bool = False) -> Hit:
    """A `Hit` for one document, with escaped, highlighted title and snippet (and its story's
    other versions, `with_duplicates`)."""
    stored = snap.stored(docnum)
    analyzer = text_analyzer(snap, docnum)
    return Hit(
        id=stored["id"], title=stored["title"], published=stored["published"], url=stored["url"],
        facets=stored["facets"], score=score,
        snippet=snippet_html(stored["body"], terms, analyzer),
        title_html=full_html(stored["title"], terms, analyzer),
        duplicates=duplicates_of(snap, docnum) if with_duplicates else NO_DUPLICATES,
    )


def _date_histogram(m: Matches, stories: bool) -> DateHistogram:
    """The dated matches per year and month, with every filter but the date range (as a facet's
    counts); with `stories`, a story once per year and month it has a matching article in."""
    docs = np.flatnonzero(m.selection.counting_mask(m.text_mask, m.masks, DATE_KEY) & (m.snap.day != NO_DATE))
    if not len(docs):
        return DateHistogram()
    days = m.snap.day[docs].astype("datetime64[D]")
    selected = m.masks.get(DATE_KEY) is not None

    def bucket(unit: str, fmt: int) -> list[FacetValue]:
        keys = days.astype(f"datetime64[{unit}]").astype(np.int64)  # years or months since 1970
        if stories:
            keys = keys[once_per_story(m.snap, docs, keys)]
        first = int(keys.min())
        counts = np.bincount(keys - first)  # a count per year or month between the first and the last: no sort
        present = np.flatnonzero(counts)
        labels = (present + first).astype(f"datetime64[{unit}]").astype(str)
        return [FacetValue(label[:fmt], int(counts[k]), selected) for label, k in zip(labels, present, strict=True)]

    return DateHistogram(years=bucket("Y", 4), months=bucket("M", 7))


def _suggestion(m: Matches, text: str, total: int) -> tuple[str | None, str | None]:
    """A "did you mean" text built from the index's vocabulary, for words the index does not have
    (in neither title nor body; a word missing from only one of them is no typo)."""
    if m.query is None:
        return None, None
    analyzer = m.snap.searcher.schema["body"].analyzer
    unknown: set[str] = set()
    for stem in {str(t) for f, t in m.query.iter_all_terms() if f in TEXT_FIELDS}:
        if len(unknown) > SUGGEST_MAX_WORDS:
            return None, None
        if not m.snap.has_term(stem):
            unknown.add(stem)
    if not unknown or len(unknown) > SUGGEST_MAX_WORDS or any(len(t) > SUGGEST_MAX_WORD_CHARS for t in unknown) \
            or m.budget.expired():
        return None, None
    vocabulary = m.snap.vocabulary()
    analyses = index_analyses(m.snap)
    others = analyses.others if analyses else ()

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if not any(token.text in unknown for token in analyzer(word)) or \
                any(m.snap.has_term(term_of(a, word.lower())) for a in others):
            return word  # known: as an English stem, or as a term of another language's articles
        return vocabulary.correct(word.lower()) or word

    corrected = _WORD.sub(fix, text)
    if corrected == text:
        return None, None
    if total == 0:
        others = np.logical_and.reduce([m.snap.live, *m.masks.values()])
        budget = m.budget.sharing_clock()
        found = int((_parsed_match(m.snap, corrected, budget)[1] & others).sum())
        if found and not budget.cut:
            return corrected, f"No articles match “{text}”; “{corrected}” finds {found}."
    return corrected, None


def search(
    query: str = "",
    filters: FacetFilter | None = None,
    page: int = 1,
    per_page: int = setting("page_size"),
    sort: str = "relevance",
    index_dir: str | Path | None = None,
    *,
    exclude: FacetFilter | None = None,
    match_mode: Mapping[str, str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    facet_limit: int | None = setting("facet_limit"),
    facet_order: str = "count",
    collapse: bool = True,
) -> SearchResult:
    """Search the index: full-text `query` (Whoosh syntax; "" browses all, newest first) within filters.

    `filters` maps a facet name (see `FACETS`) to values, OR'ed within a facet (or AND'ed when
    `match_mode={facet: "all"}`) and AND'ed across facets; `exclude` drops articles with any of
    its values; `date_from`/`date_to` bound the publication date (inclusive). A facet's counts
    apply every filter except its own, so other values stay visible. `sort`: relevance, newest,
    oldest or source. Raises `ValueError` for an unknown facet, mode, order or sort; bad query
    syntax never raises (it is searched as plain words and `notice` says so). A search spends at
    most `query_cpu_seconds` of CPU and expands its wildcard, prefix and fuzzy terms to at most
    `max_terms_per_pattern` words each and `max_terms_per_query` in all; what that leaves out of
    the query is left out of the answer, and `notice` says what. With `collapse` (the default),
    near-duplicate articles (one story under several outlets: docs/stories.md) are one hit, the
    first of them in the result order, whose `duplicates` lists the others; `total`, the facet
    counts and the date histogram then count stories, and `total_articles` the articles.
    """
    started = time.perf_counter()
    budget = QueryBudget()
    check_choice("sort", sort, SORTS)
    check_choice("facet order", facet_order, FACET_ORDERS)
    selection = Selection.build(filters, exclude, match_mode, date_from, date_to)
    page, per_page = max(1, int(page)), min(max(1, int(per_page)), MAX_PER_PAGE)
    m = match(query, selection, index_dir, budget)
    facets, totals = {}, {}
    for name in FACETS:
        facets[name], totals[name] = m.selection.facet_values(m.snap, m.text_mask, m.masks, name, facet_limit,
                                                              facet_order, collapse)
    effective_sort = sort if m.query is not None or sort != "relevance" else "newest"
    shown = collapsed(m, effective_sort) if collapse else m
    ranked = ordered_docs(shown, effective_sort, page * per_page)
    terms = highlight_terms(m) if ranked[(page - 1) * per_page:] else set()
    hits = [make_hit(m.snap, docnum, score, terms, collapse) for docnum, score in ranked[(page - 1) * per_page:]]
    total_articles = int(m.mask.sum())
    total = int(shown.mask.sum())
    suggestion, missing_notice = _suggestion(m, query, total)
    return SearchResult(
        query=query, total=total, page=page, per_page=per_page, hits=hits, facets=facets,
        suggestion=suggestion, notice=m.notice or missing_notice,
        elapsed_ms=(time.perf_counter() - started) * 1000, facet_totals=totals,
        dates=_date_histogram(m, collapse), selection=m.selection, total_articles=total_articles, collapsed=collapse,
    )
