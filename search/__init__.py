"""Full-text search with faceted browsing for news articles.

    >>> from search import search, build_index
    >>> build_index(["seeds/"], "/tmp/news-index")
    >>> res = search("cyber", filters={"country": ["South Korea"]}, index_dir="/tmp/news-index")
    >>> res.total, [h.title for h in res.hits], res.facets["source"]

This module is the public API: the page (`search.app`) and the command line (`search.cli`) use
nothing else. Reading an index never writes to it; the one exception is made here, on purpose:
a call that names no index uses the default one (`default_index_dir()`), built from `seeds/` the
first time it is used, so that the product works with nothing configured.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from search.engine import collapse as _collapse
from search.engine import explore as _explore
from search.engine import query as _query
from search.engine.collapse import Duplicates, Version
from search.engine.explore import ArticleView, CoOccurrence, IndexStats
from search.engine.export import export as _export
from search.engine.highlight import marked_html
from search.engine.query import DateHistogram, Hit, SearchResult
from search.engine.selection import Selection
from search.engine.suggestions import FacetSuggestion
from search.errors import IndexBusyError, IndexCorruptError, IndexNotFoundError, SearchError
from search.index import build as _build
from search.index import check as _check
from search.index import metadata_facets as _metadata_facets
from search.index import optimize as _optimize
from search.index.build import IndexProgress, IndexReport, build_index
from search.index.check import CheckReport, LostArticles
from search.index.location import configured_index_dir, default_index_dir, resolve_index_dir
from search.index.metadata_facets import MetadataFacet
from search.index.optimize import OptimizeProgress, OptimizeReport
from search.ingest.readers import ARTICLE_SUFFIXES, PassedOver, ReadError, file_type, read_paths
from search.model import (
    EXPORT_FORMATS,
    FACET_ORDERS,
    FACETS,
    MATCH_MODES,
    SORTS,
    Article,
    Facet,
    FacetValue,
    register_facet,
)

_Call = TypeVar("_Call", bound=Callable[..., Any])


_FILTER_ARGUMENTS = ("filters", "exclude", "match_mode")
_LIMIT_ARGUMENTS = ("facet_limit", "limit")


def _check_arguments(arguments: dict[str, Any]) -> None:
    """Wrong argument types fail here with a message that says what is expected, rather than as
    an `AttributeError` deep inside; `query=None` means no query (browse), as "" does."""
    given = {**arguments, **arguments.get("selection", {})}  # `**selection` of the explore functions
    if "query" in arguments and arguments["query"] is None:
        arguments["query"] = ""
    elif "query" in given and not isinstance(given["query"], str):
        raise TypeError(f"query must be a string (or None for no query), got {type(given['query']).__name__}")
    for name in _FILTER_ARGUMENTS:
        mapping = given.get(name)
        if mapping is None:
            continue
        if not isinstance(mapping, Mapping):
            raise TypeError(f"{name} must be a mapping of facet name to values, e.g. {{'country': ['France']}}, "
                            f"got {type(mapping).__name__} {mapping!r:.60}")
        for facet, values in mapping.items():
            if not isinstance(values, str | Iterable):
                raise TypeError(f"{name}[{facet!r}] must be a value or a list of values, got {type(values).__name__}")
    for name in _LIMIT_ARGUMENTS:
        limit = given.get(name)
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise ValueError(f"{name} must be a whole number of values, 0 or more (or None for all), got {limit!r}")


def _on_default_index(function: _Call) -> _Call:
    """`function` with `index_dir=None` meaning the default index: the one configured
    ($SEARCH_INDEX_DIR), used as it is (a configured folder that is gone is an error, never
    silently a new sample index); with none configured, the per-user one, built from `seeds/`
    on first use. Its arguments' types are checked first (`_check_arguments`)."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        _check_arguments(bound.arguments)
        if bound.arguments.get("index_dir") is None:
            bound.arguments["index_dir"] = configured_index_dir() or _build.ensure_default_index()
        return function(*bound.args, **bound.kwargs)

    return call  # type: ignore[return-value]


search = _on_default_index(_query.search)
get_article = _on_default_index(_explore.get_article)
similar = _on_default_index(_explore.similar)
facet_values = _on_default_index(_explore.facet_values)
cooccurrence = _on_default_index(_explore.cooccurrence)
index_stats = _on_default_index(_explore.index_stats)
export = _on_default_index(_export)
delete_articles = _on_default_index(_build.delete_articles)
versions = _on_default_index(_collapse.versions)


def check_index(index_dir: str | Path | None = None, repair: bool = False) -> CheckReport:
    """Check every file of an index (default: `default_index_dir()`) against the size and
    checksum recorded when it was written, and read every segment through; with `repair`,
    rebuild damaged derived files and drop unreadable segments, listing their articles."""
    return _check.check_index(resolve_index_dir(index_dir), repair)


def index_identity(index_dir: str | Path | None = None) -> tuple[int, int] | None:
    """The (device, inode) of an index folder (default: `default_index_dir()`), None when there
    is none: a different identity at the same path is another index (deleted and rebuilt, or
    replaced), which a long-lived view (the page) must say rather than mix with what it showed."""
    try:
        stat = resolve_index_dir(index_dir).stat()
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


def use_index_facets(index_dir: str | Path | None = None) -> None:
    """Register the metadata facets the index (default: `default_index_dir()`) declares in its
    `facets.toml`, as opening it does: for a caller that lists the facets before it searches
    (the command line's choices). Nothing happens without an index there."""
    path = resolve_index_dir(index_dir)
    if path.is_dir():
        _metadata_facets.use_index_facets(path)


def optimize(index_dir: str | Path | None = None,
             progress: Callable[[OptimizeProgress], None] | None = None) -> OptimizeReport:
    """Merge an index (default: `default_index_dir()`) into one segment, reclaiming the space
    of deleted and replaced articles; it stays searchable throughout."""
    return _optimize.optimize(resolve_index_dir(index_dir), progress)


__all__ = [
    "ARTICLE_SUFFIXES", "EXPORT_FORMATS", "FACET_ORDERS", "MATCH_MODES", "SORTS",
    "Article", "ArticleView", "CheckReport", "CoOccurrence", "DateHistogram", "Duplicates", "FACETS", "Facet",
    "FacetSuggestion", "FacetValue", "Hit", "IndexBusyError", "IndexCorruptError", "IndexNotFoundError",
    "IndexProgress", "IndexReport", "IndexStats", "LostArticles", "MetadataFacet", "OptimizeProgress",
    "OptimizeReport", "PassedOver", "ReadError", "SearchError", "SearchResult", "Selection", "Version",
    "build_index", "check_index", "cooccurrence", "default_index_dir", "delete_articles", "export",
    "facet_values", "file_type", "get_article", "index_identity", "index_stats", "marked_html", "optimize",
    "read_paths", "register_facet", "search", "similar", "use_index_facets", "versions",
]
