"""`SphinxBackend`: the public API's functions answered by a Sphinx 2.2 / Manticore cluster.

One object per cluster URL per process (search/backend.py keeps it): it holds one SphinxQL
connection per thread to the URL's node (the one with the distributed index; it asks the other
shards itself), the cluster's facet values and person aliases (search/cluster/values.py), and
sends each call's statements as one batch. A node that cannot be reached is a `SearchError`
(`ShardDownError`, naming it); a shard behind the distributed index that does not answer gives
partial results with `res.notice` saying which (search/cluster/searching.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from search.cluster import explore, searching
from search.cluster.connection import ClusterError, Connection
from search.cluster.meta import read_aliases, read_last_update, read_shards
from search.cluster.url import parse_cluster_url
from search.cluster.values import ValueDirectory
from search.engine.collapse import Version
from search.engine.explore import ArticleView, CoOccurrence, IndexStats
from search.engine.query import Hit, SearchResult
from search.index.build import IndexReport
from search.model import FacetValue

# a query stops on the shards after searching.QUERY_TIME_MS; the connection gives up a little later
READ_TIMEOUT_S = searching.QUERY_TIME_MS / 1000 + 10
LENGTHS_TTL_S = 60.0  # cluster statistics for ranking (mean field lengths, word frequencies) are asked again after this
MAX_REMEMBERED_TERMS = 100_000


class SphinxBackend:
    """A cluster named by `sphinx://HOST:PORT/NAME` (docs/scale-out.md)."""

    def __init__(self, url: str) -> None:
        self.url = parse_cluster_url(url)
        self.index = self.url.name
        self.values = ValueDirectory(self._facet_values, self._aliases)
        self._local = threading.local()
        self._lengths: tuple[float, tuple[float, float]] | None = None
        self._frequencies: dict[tuple[str, str], int] = {}
        self._frequencies_at = 0.0

    def _connection(self) -> Connection:
        found: Connection | None = getattr(self._local, "connection", None)
        if found is None:
            found = Connection(self.url.host, self.url.port, f"the cluster node at {self.url.endpoint} (named by "
                               f"{self.url})", read_timeout=READ_TIMEOUT_S)
            self._local.connection = found
        return found

    def run(self, sql: str, arguments: list[Any] | None = None) -> list[list[tuple[Any, ...]]]:
        """The rows of each statement of a batch; a connection that failed is dropped (the next
        call connects again), and the error raised (a `SearchError`)."""
        try:
            return self._connection().batch(sql, arguments)
        except ClusterError:
            connection = getattr(self._local, "connection", None)
            self._local.connection = None
            if connection is not None:
                connection.close()
            raise

    def _facet_values(self, facet: str) -> list[str]:
        rows = self.run(f"SELECT GROUPBY() AS value, COUNT(*) AS n FROM {self.index} GROUP BY facets.{facet} "
                        f"LIMIT {searching.FACET_MAX_VALUES} OPTION max_matches={searching.FACET_MAX_VALUES}")[0]
        return [str(value) for value, _ in rows if value not in (None, "")]

    def mean_lengths(self) -> tuple[float, float]:
        """The mean title and body lengths (in terms) over the cluster, for ranking; asked again
        after `LENGTHS_TTL_S` (they drift slowly as articles are added)."""
        found = self._lengths
        if found is None or time.monotonic() - found[0] > LENGTHS_TTL_S:
            rows = self.run(f"SELECT AVG(title_len), AVG(body_len) FROM {self.index}")[0]
            found = self._lengths = (time.monotonic(), (float(rows[0][0] or 1), float(rows[0][1] or 1)) if rows
                                     else (1.0, 1.0))
        return found[1]

    def document_frequencies(self, terms: list[str]) -> dict[tuple[str, str], int]:
        """How many articles have each term in their title, and in their body (("", "") → all
        articles): one batch of counts, remembered per term for `LENGTHS_TTL_S` (threads share it)."""
        now = time.monotonic()
        if now - self._frequencies_at > LENGTHS_TTL_S or len(self._frequencies) > MAX_REMEMBERED_TERMS:
            self._frequencies, self._frequencies_at = {}, now
        known = self._frequencies
        missing = [t for t in terms if ("body", t) not in known]
        if missing or ("", "") not in known:
            statements = [f"SELECT COUNT(*) FROM {self.index}"]
            statements += [f"SELECT COUNT(*) FROM {self.index} WHERE MATCH(%s)"] * (2 * len(missing))
            arguments = [f"@{field} {searching.match_word(t)}" for t in missing for field in ("title", "body")]
            counts = [int(rows[0][0]) if rows else 0 for rows in self.run(";\n".join(statements), arguments)]
            known["", ""] = counts[0]
            for number, term in enumerate(missing):
                known["title", term], known["body", term] = counts[1 + 2 * number], counts[2 + 2 * number]
        return known

    def _aliases(self) -> dict[str, dict[str, str]]:
        return read_aliases(self._connection(), self.index)

    def last_update(self) -> datetime | None:
        """When the cluster's articles last changed, as its loaders recorded it."""
        return read_last_update(self._connection(), self.index)

    def shards(self) -> list[Any]:
        """The cluster's shards, from its records."""
        return read_shards(self.url, self._connection())

    def search(self, query: str = "", **options: Any) -> SearchResult:
        return searching.search(self, query, **options)

    def get_article(self, article_id: str, query: str = "") -> ArticleView | None:
        return explore.get_article(self, article_id, query)

    def similar(self, article_id: str, **options: Any) -> list[Hit]:
        return explore.similar(self, article_id, **options)

    def facet_values(self, facet: str, contains: str = "", query: str = "",
                     **options: Any) -> tuple[list[FacetValue], int]:
        return explore.facet_values(self, facet, contains, query, **options)

    def cooccurrence(self, rows_facet: str, columns_facet: str, query: str = "", **options: Any) -> CoOccurrence:
        return explore.cooccurrence(self, rows_facet, columns_facet, query, **options)

    def export(self, query: str = "", **options: Any) -> Iterator[str]:
        return explore.export(self, query, **options)

    def index_stats(self) -> IndexStats:
        return explore.index_stats(self)

    def versions(self, article_id: str) -> list[Version]:
        return explore.versions(self, article_id)

    def delete_articles(self, ids: Iterable[str]) -> int:
        from search.cluster import load

        try:
            return load.delete_cluster_articles(ids, self.url)
        finally:
            self.values.forget()

    def build_index(self, paths: Iterable[str | Path], **options: Any) -> IndexReport:
        from search.cluster import load

        if options.pop("facets", ()):
            raise ValueError("metadata facets (--facet) are kept in an index folder's facets.toml and are not "
                             "supported on a cluster yet: a cluster has the built-in facets (docs/scale-out.md)")
        options.pop("facet_separator", None)
        try:
            return load.build_cluster_index(paths, self.url, **options)
        finally:
            self.values.forget()  # new values and aliases: known at once to this process
