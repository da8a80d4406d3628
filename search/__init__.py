"""Full-text search with faceted browsing for news articles.

    >>> from search import search, build_index
    >>> build_index(["seeds/"], "/tmp/news-index")
    >>> res = search("cyber", filters={"country": ["South Korea"]}, index_dir="/tmp/news-index")
    >>> res.total, [h.title for h in res.hits], res.facets["source"]

This module is the public API: the page (`search.app`) and the command line (`search.cli`) use
nothing else. Each call is answered by the backend of its `index_dir` (`search.backend`): a local
index folder, or a cluster URL such as `sphinx://127.0.0.1:9306/news` (docs/scale-out.md).
Reading an index never writes to it; the one exception is made here, on purpose: a call that
names no index uses the default one (`default_index_dir()`), built from `seeds/` the first time
it is used, so that the product works with nothing configured.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from search.backend import configured_location, is_cluster, open_backend
from search.engine import collapse as _collapse
from search.engine import explore as _explore
from search.engine import query as _query
from search.engine.collapse import Duplicates, Version
from search.engine.explore import ArticleView, CoOccurrence, IndexStats
from search.engine.highlight import marked_html
from search.engine.query import DateHistogram, Hit, SearchResult
from search.engine.selection import Selection
from search.engine.suggestions import FacetSuggestion
from search.errors import IndexBusyError, IndexCorruptError, IndexNotFoundError, SearchError
from search.index import metadata_facets as _metadata_facets
from search.index.location import default_index_dir, resolve_index_dir, user_data_folder
from search.index.metadata_facets import MetadataFacet
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

if TYPE_CHECKING:  # imported on first use (`__getattr__`); the routed functions keep these signatures
    from search.engine.export import export
    from search.index.build import IndexProgress, IndexReport, build_index, delete_articles
    from search.index.check import CheckReport, LostArticles
    from search.index.optimize import OptimizeProgress, OptimizeReport
    from search.ingest.readers import ARTICLE_SUFFIXES, PassedOver, ReadError, file_type, read_paths

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


def _location(index_dir: str | Path | None, build_default: bool) -> str | Path:
    """`index_dir` (a folder or a cluster URL), else the configured one ($SEARCH_INDEX_DIR: a
    configured folder that is gone is an error, never silently a new sample index), else the
    per-user folder, built from `seeds/` first when `build_default`."""
    if index_dir is not None:
        return index_dir
    if configured := configured_location():
        return configured
    if not build_default:
        return default_index_dir()
    from search.index.build import ensure_default_index  # building needs the ingest pipeline; a query does not

    return ensure_default_index()


def _routed(function: _Call, method: str, build_default: bool = True) -> _Call:
    """The public `function`, answered by the backend of its `index_dir` (`search.backend`):
    its arguments' types are checked first (`_check_arguments`), `index_dir=None` means the
    default index (`_location`), and the backend's `method` gets every other argument by name."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        _check_arguments(bound.arguments)
        arguments: dict[str, Any] = {}
        for name, value in bound.arguments.items():
            if signature.parameters[name].kind is inspect.Parameter.VAR_KEYWORD:
                arguments.update(value)
            else:
                arguments[name] = value
        location = _location(arguments.pop("index_dir", None), build_default)
        return getattr(open_backend(location), method)(**arguments)

    return call  # type: ignore[return-value]


search = _routed(_query.search, "search")
get_article = _routed(_explore.get_article, "get_article")
similar = _routed(_explore.similar, "similar")
facet_values = _routed(_explore.facet_values, "facet_values")
cooccurrence = _routed(_explore.cooccurrence, "cooccurrence")
index_stats = _routed(_explore.index_stats, "index_stats")
versions = _routed(_collapse.versions, "versions")

# Names a query does not need, imported from their module on first use (`__getattr__`): building,
# checking and exporting bring the ingest pipeline, readers and format libraries, a tenth of a
# second of a fresh process's first answer.
_LAZY: dict[str, str] = {  # name -> its module
    **dict.fromkeys(("ARTICLE_SUFFIXES", "PassedOver", "ReadError", "file_type", "read_paths"),
                    "search.ingest.readers"),
    **dict.fromkeys(("IndexProgress", "IndexReport", "build_index", "delete_articles"), "search.index.build"),
    **dict.fromkeys(("CheckReport", "LostArticles"), "search.index.check"),
    **dict.fromkeys(("OptimizeProgress", "OptimizeReport"), "search.index.optimize"),
    "export": "search.engine.export",
}
_LAZY_ROUTED = ("build_index", "delete_articles", "export")  # public functions answered by the backend (`_routed`)


def __getattr__(name: str) -> Any:
    """A name of `_LAZY`, imported (and routed) on first use, then kept as a module attribute."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    if name in _LAZY_ROUTED:
        value = _routed(value, name, build_default=name != "build_index")
    globals()[name] = value
    return value


def _local_only(index_dir: str | Path | None, what: str) -> Path:
    """The index folder `index_dir` names (default: `default_index_dir()`); a cluster URL is
    refused with a `SearchError` saying what to do instead (its shards belong to searchd)."""
    location = _location(index_dir, build_default=False)
    if is_cluster(location):
        raise SearchError(f"{what} works on a local index folder, not on the cluster {location}: a cluster's "
                          f"indexes are kept by its searchd processes (docs/scale-out.md)")
    return resolve_index_dir(location)


def check_index(index_dir: str | Path | None = None, repair: bool = False) -> CheckReport:
    """Check every file of an index (default: `default_index_dir()`) against the size and
    checksum recorded when it was written, and read every segment through; with `repair`,
    rebuild damaged derived files and drop unreadable segments, listing their articles."""
    from search.index.check import check_index as check  # (not needed by a query: `_LAZY`)

    return check(_local_only(index_dir, "check_index"), repair)


def index_identity(index_dir: str | Path | None = None) -> tuple[int, int] | None:
    """The (device, inode) of an index folder (default: `default_index_dir()`), None when there
    is none: a different identity at the same path is another index (deleted and rebuilt, or
    replaced), which a long-lived view (the page) must say rather than mix with what it showed.
    A cluster (a URL) has no folder identity: None."""
    location = _location(index_dir, build_default=False)
    if is_cluster(location):
        return None
    try:
        stat = resolve_index_dir(location).stat()
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


def use_index_facets(index_dir: str | Path | None = None) -> None:
    """Register the metadata facets the index (default: `default_index_dir()`) declares in its
    `facets.toml`, as opening it does: for a caller that lists the facets before it searches
    (the command line's choices). Nothing happens without an index there."""
    if is_cluster(index_dir):
        return  # a cluster keeps no facets.toml: only the built-in facets (docs/scale-out.md)
    path = resolve_index_dir(index_dir)
    if path.is_dir():
        _metadata_facets.use_index_facets(path)


def index_location() -> str | Path:
    """Where a call that names no index goes: `$SEARCH_INDEX_DIR` (an index folder, or a cluster
    URL as it is), else the per-user folder (`default_index_dir()`)."""
    return configured_location() or default_index_dir()


def uploads_folder() -> Path:
    """Where the page keeps uploaded files: beside the default index folder, or, for a cluster,
    in the per-user data folder (a cluster has no folder of ours)."""
    location = index_location()
    return (user_data_folder() if is_cluster(location) else Path(location).parent) / "uploads"


def optimize(index_dir: str | Path | None = None,
             progress: Callable[[OptimizeProgress], None] | None = None) -> OptimizeReport:
    """Merge an index (default: `default_index_dir()`) into one segment, reclaiming the space
    of deleted and replaced articles; it stays searchable throughout."""
    from search.index.optimize import optimize as merge  # (not needed by a query: `_LAZY`)

    return merge(_local_only(index_dir, "optimize"), progress)


__all__ = [
    "ARTICLE_SUFFIXES", "EXPORT_FORMATS", "FACET_ORDERS", "MATCH_MODES", "SORTS",
    "Article", "ArticleView", "CheckReport", "CoOccurrence", "DateHistogram", "Duplicates", "FACETS", "Facet",
    "FacetSuggestion", "FacetValue", "Hit", "IndexBusyError", "IndexCorruptError", "IndexNotFoundError",
    "IndexProgress", "IndexReport", "IndexStats", "LostArticles", "MetadataFacet", "OptimizeProgress",
    "OptimizeReport", "PassedOver", "ReadError", "SearchError", "SearchResult", "Selection", "Version",
    "build_index", "check_index", "cooccurrence", "default_index_dir", "delete_articles", "export",
    "facet_values", "file_type", "get_article", "index_identity", "index_location", "index_stats",
    "marked_html", "optimize", "read_paths", "register_facet", "search", "similar", "uploads_folder",
    "use_index_facets", "versions",
]
