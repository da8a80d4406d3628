"""The backend boundary: where the public API's calls are answered, an index folder or a cluster.

Every public function of `search` (search, get_article, similar, facet_values, cooccurrence,
export, index_stats, delete_articles, versions, build_index) takes an `index_dir` that is either
a local index folder or a cluster URL (`sphinx://HOST:PORT/NAME`, docs/scale-out.md).
`open_backend(location)` picks the one object that answers for it: a `LocalBackend` (today's
engine, called as it always was) or a `SphinxBackend` (search/cluster/backend.py, imported only
when a cluster URL is used, so a local install needs no MySQL client). The page and the CLI
call the public API only, so they work unchanged on either; nothing else branches on the kind.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from search.engine import collapse as _collapse
from search.engine import explore as _explore
from search.engine import query as _query
from search.engine.collapse import Version
from search.engine.explore import ArticleView, CoOccurrence, IndexStats
from search.engine.query import Hit, SearchResult
from search.model import FacetValue

if TYPE_CHECKING:
    from search.index.build import IndexReport

CLUSTER_SCHEME = "sphinx://"

Location = str | Path  # an index folder, or a cluster URL


class Backend(Protocol):
    """What answers the public API for one index: its functions without their `index_dir`
    (the arguments, defaults and results are those documented on the public functions)."""

    def search(self, query: str = "", **options: Any) -> SearchResult: ...

    def get_article(self, article_id: str, query: str = "") -> ArticleView | None: ...

    def similar(self, article_id: str, **options: Any) -> list[Hit]: ...

    def facet_values(self, facet: str, contains: str = "", query: str = "",
                     **options: Any) -> tuple[list[FacetValue], int]: ...

    def cooccurrence(self, rows_facet: str, columns_facet: str, query: str = "",
                     **options: Any) -> CoOccurrence: ...

    def export(self, query: str = "", **options: Any) -> Iterator[str]: ...

    def index_stats(self) -> IndexStats: ...

    def delete_articles(self, ids: Iterable[str]) -> int: ...

    def versions(self, article_id: str) -> list[Version]: ...

    def build_index(self, paths: Iterable[str | Path], **options: Any) -> IndexReport: ...


class LocalBackend:
    """An index folder, answered by the local engine exactly as before the boundary existed."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def search(self, query: str = "", **options: Any) -> SearchResult:
        return _query.search(query, index_dir=self.path, **options)

    def get_article(self, article_id: str, query: str = "") -> ArticleView | None:
        return _explore.get_article(article_id, query, index_dir=self.path)

    def similar(self, article_id: str, **options: Any) -> list[Hit]:
        return _explore.similar(article_id, index_dir=self.path, **options)

    def facet_values(self, facet: str, contains: str = "", query: str = "",
                     **options: Any) -> tuple[list[FacetValue], int]:
        return _explore.facet_values(facet, contains, query, index_dir=self.path, **options)

    def cooccurrence(self, rows_facet: str, columns_facet: str, query: str = "", **options: Any) -> CoOccurrence:
        return _explore.cooccurrence(rows_facet, columns_facet, query, index_dir=self.path, **options)

    def export(self, query: str = "", **options: Any) -> Iterator[str]:
        from search.engine.export import export  # imported when used: a query does not need it

        return export(query, index_dir=self.path, **options)

    def index_stats(self) -> IndexStats:
        return _explore.index_stats(self.path)

    def delete_articles(self, ids: Iterable[str]) -> int:
        from search.index.build import delete_articles  # imported when used: it brings the ingest pipeline

        return delete_articles(ids, self.path)

    def versions(self, article_id: str) -> list[Version]:
        return _collapse.versions(article_id, self.path)

    def build_index(self, paths: Iterable[str | Path], **options: Any) -> IndexReport:
        from search.index.build import build_index  # imported when used: it brings the ingest pipeline

        return build_index(paths, self.path, **options)


def is_cluster(location: Location | None) -> bool:
    """Whether `location` names a cluster (a `sphinx://` URL) rather than an index folder."""
    return isinstance(location, str) and location.strip().lower().startswith(CLUSTER_SCHEME)


def configured_location() -> Location | None:
    """`$SEARCH_INDEX_DIR` when set: a cluster URL as it is, a folder as a `Path` (see
    `search.index.location.configured_index_dir`)."""
    configured = os.environ.get("SEARCH_INDEX_DIR")
    if not configured:
        return None
    return configured.strip() if is_cluster(configured) else Path(configured).expanduser()


_clusters: dict[str, Backend] = {}
_clusters_lock = threading.Lock()


def open_backend(location: Location) -> Backend:
    """The backend answering for `location`: a cluster's is made once per URL per process (it
    keeps the cluster's shard list and connections), a folder's costs nothing (the engine keeps
    its own per-version caches)."""
    if not is_cluster(location):
        return LocalBackend(Path(location))
    url = str(location).strip()
    with _clusters_lock:
        found = _clusters.get(url)
        if found is None:
            from search.cluster.backend import SphinxBackend  # only a cluster needs the MySQL client

            found = _clusters[url] = SphinxBackend(url)
        return found
