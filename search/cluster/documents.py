"""The documents of a cluster's shards, as a loader reads and writes them: content hashes of
articles, multi-row REPLACE in batches of bounded size per shard, deletes, and scans by id.

Every statement goes to the shard that holds the article (`schema.shard_of`), on its own
connection (with timeouts); a shard that cannot be reached or stops answering is a
`ShardDownError` naming it, raised before or during the load, never a hang.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any

from search.cluster.connection import Connection, Shard, connect_shard
from search.cluster.schema import COLUMNS, doc_id, shard_of

BATCH_CHARS = 4_000_000  # text of one multi-row REPLACE (searchd takes up to max_packet_size, 128 MB here)
BATCH_ROWS = 1_000
LOOKUP_IDS = 1_000  # ids per SELECT … WHERE id IN (…)
SCAN_PAGE = 5_000
# Sphinx 2.2 keeps a string attribute's length in 22 bits: a longer one would silently wrap around
MAX_STRING_BYTES = (1 << 22) - 1
_ROW = "(" + ", ".join(["%s"] * len(COLUMNS)) + ")"


class ClusterDocuments:
    """Connections to every shard of a cluster, for one load (a context manager: `flush` what is
    buffered, then close)."""

    def __init__(self, shards: Sequence[Shard]) -> None:
        self.shards = list(shards)
        self.connections: list[Connection] = []
        try:
            for shard in self.shards:
                self.connections.append(connect_shard(shard))
        except BaseException:
            self.close()
            raise
        self._pending: list[list[tuple[Any, ...]]] = [[] for _ in self.shards]
        self._pending_chars = [0] * len(self.shards)

    def shard_of(self, article_id: str) -> int:
        return shard_of(article_id, len(self.shards))

    def hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article id -> content hash of those of `article_ids` in the cluster."""
        by_shard: list[list[int]] = [[] for _ in self.shards]
        for article_id in article_ids:
            by_shard[self.shard_of(article_id)].append(doc_id(article_id))
        found: dict[str, str] = {}
        for shard, ids in zip(self.shards, by_shard, strict=True):
            for start in range(0, len(ids), LOOKUP_IDS):
                part = ids[start:start + LOOKUP_IDS]
                rows = self.connections[shard.number].query(
                    f"SELECT article_id, content_hash FROM {shard.index} WHERE id IN ({', '.join(map(str, part))}) "
                    f"LIMIT {len(part)} OPTION max_matches = {len(part)}")
                found.update((article_id, digest) for article_id, digest in rows)
        return found

    def write(self, row: tuple[Any, ...], article_id: str) -> None:
        """Buffer one row (`schema.row_of`) for its shard, sending the shard's batch when it is full."""
        shard = self.shard_of(article_id)
        self._pending[shard].append(row)
        self._pending_chars[shard] += sum(len(v) for v in row if isinstance(v, str)) + 30 * len(COLUMNS)
        if self._pending_chars[shard] >= BATCH_CHARS or len(self._pending[shard]) >= BATCH_ROWS:
            self._send(shard)

    def flush(self) -> None:
        """Send every buffered row."""
        for shard in range(len(self.shards)):
            self._send(shard)

    def _send(self, shard: int) -> None:
        rows = self._pending[shard]
        if not rows:
            return
        args = [value for row in rows for value in row]
        self.connections[shard].execute(f"REPLACE INTO {self.shards[shard].index} ({', '.join(COLUMNS)}) VALUES "
                                        + ", ".join([_ROW] * len(rows)), args)
        self._pending[shard] = []
        self._pending_chars[shard] = 0

    def delete(self, doc_ids: Sequence[int], shard: int) -> int:
        """Delete these documents of one shard; returns how many there were."""
        deleted = 0
        for start in range(0, len(doc_ids), LOOKUP_IDS):
            part = doc_ids[start:start + LOOKUP_IDS]
            deleted += self.connections[shard].execute(
                f"DELETE FROM {self.shards[shard].index} WHERE id IN ({', '.join(map(str, part))})")
        return deleted

    def delete_articles(self, article_ids: Iterable[str]) -> int:
        """Delete the articles with these ids; returns how many were in the cluster."""
        by_shard: list[list[int]] = [[] for _ in self.shards]
        for article_id in dict.fromkeys(article_ids):
            by_shard[self.shard_of(article_id)].append(doc_id(article_id))
        return sum(self.delete(ids, shard) for shard, ids in enumerate(by_shard) if ids)

    def scan(self, columns: str, where: str = "", args: Sequence[Any] = ()) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(shard, (id, *columns)) of every document of every shard (matching `where`, a
        condition on attributes), a page at a time in id order: memory stays bounded."""
        for shard in self.shards:
            last = 0
            while True:
                rows = self.connections[shard.number].query(
                    f"SELECT id, {columns} FROM {shard.index} WHERE id > {last}{' AND ' + where if where else ''} "
                    f"ORDER BY id ASC LIMIT {SCAN_PAGE} OPTION max_matches = {SCAN_PAGE}", args)
                for row in rows:
                    yield shard.number, row
                if len(rows) < SCAN_PAGE:
                    break
                last = int(rows[-1][0])

    def close(self) -> None:
        for connection in self.connections:
            connection.close()

    def __enter__(self) -> ClusterDocuments:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        try:
            if exc_type is None:
                self.flush()
        finally:
            self.close()


def too_large(title: str, body: str, record: str) -> str | None:
    """Why an article cannot be kept in a cluster (a text over the 4 MB a string attribute holds), or None."""
    for what, text in (("title", title), ("text", body), ("metadata", record)):
        if len(text) * 4 > MAX_STRING_BYTES and len(text.encode("utf-8")) > MAX_STRING_BYTES:
            return (f"its {what} is {len(text.encode('utf-8')) / 1e6:.1f} MB; a cluster keeps at most "
                    f"{MAX_STRING_BYTES / 1e6:.1f} MB of each (Sphinx's limit of a string attribute)")
    return None
