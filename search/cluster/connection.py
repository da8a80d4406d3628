"""SphinxQL connections (MySQL protocol, `pymysql`), always with connect and read timeouts, and the
cluster's errors: a node that cannot be reached is a `ShardDownError` naming it, never a hang.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from search.errors import SearchError

CONNECT_TIMEOUT_S = 2.0
READ_TIMEOUT_S = 30.0  # a batch of documents may take seconds on a busy shard; a dead one does not answer
WRITE_TIMEOUT_S = 30.0


class ClusterError(SearchError):
    """The cluster could not do what was asked (its records are missing, of another version, or a
    statement failed)."""


class ShardDownError(ClusterError):
    """A node of the cluster cannot be reached, or stopped answering (named in the message and `endpoint`)."""

    def __init__(self, message: str, endpoint: str) -> None:
        super().__init__(message)
        self.endpoint = endpoint


@dataclass(frozen=True)
class Shard:
    """One shard: the SphinxQL endpoint of its node and its real-time index there."""

    number: int
    host: str
    port: int
    index: str

    @property
    def endpoint(self) -> str:
        return f"{self.host}:{self.port}"

    def __str__(self) -> str:
        return f"shard {self.number} ({self.index} at {self.endpoint})"


class Connection:
    """One SphinxQL connection to `host:port`; errors name `what` (e.g. "shard 1 (news_1 at
    127.0.0.1:9308)"). Use as a context manager, or `close()`."""

    def __init__(self, host: str, port: int, what: str = "", *, connect_timeout: float = CONNECT_TIMEOUT_S,
                 read_timeout: float = READ_TIMEOUT_S) -> None:
        import pymysql  # imported here: only a process that talks to a cluster needs the client library

        self.what = what or f"the cluster node at {host}:{port}"
        self.endpoint = f"{host}:{port}"
        self._errors = (pymysql.err.OperationalError, pymysql.err.InterfaceError)
        self._programming = (pymysql.err.ProgrammingError, pymysql.err.InternalError, pymysql.err.DataError)
        try:
            self._db = pymysql.connect(host=host, port=port, connect_timeout=connect_timeout,
                                       read_timeout=read_timeout, write_timeout=WRITE_TIMEOUT_S,
                                       autocommit=True, charset="utf8mb4",
                                       client_flag=pymysql.constants.CLIENT.MULTI_STATEMENTS)
        except self._errors as exc:
            raise self._down(exc) from exc

    def _down(self, exc: BaseException) -> ShardDownError:
        return ShardDownError(f"{self.what} cannot be reached: {_reason(exc)}", self.endpoint)

    @contextmanager
    def _cursor(self) -> Iterator[Any]:
        """A cursor whose errors say what failed: a statement the node refused is a `ClusterError`,
        a node gone or silent past the timeouts a `ShardDownError` naming it."""
        try:
            with self._db.cursor() as cursor:
                yield cursor
        except self._errors as exc:
            if _is_statement_error(exc):
                raise ClusterError(f"{self.what} refused a statement: {_reason(exc)}") from exc
            raise self._down(exc) from exc
        except self._programming as exc:
            raise ClusterError(f"{self.what} refused a statement: {_reason(exc)}") from exc

    def query(self, sql: str, args: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """The rows of one statement (`%s` placeholders filled from `args`, quoted by pymysql)."""
        with self._cursor() as cursor:
            cursor.execute(sql, args)
            return list(cursor.fetchall())

    def batch(self, sql: str, args: Sequence[Any] | None = None) -> list[list[tuple[Any, ...]]]:
        """The rows of each statement of `sql`, several statements separated by `;`, sent as one
        round trip (a search's hits, counts and histogram)."""
        with self._cursor() as cursor:
            cursor.execute(sql, args)
            results = [list(cursor.fetchall())]
            while cursor.nextset():
                results.append(list(cursor.fetchall()))
            return results

    def execute(self, sql: str, args: Sequence[Any] | None = None) -> int:
        """Run one statement; returns the number of rows it affected."""
        with self._cursor() as cursor:
            return int(cursor.execute(sql, args))

    def close(self) -> None:
        try:
            self._db.close()
        except Exception:  # closing a connection to a node that is gone: nothing left to release
            pass

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def connect_shard(shard: Shard, **timeouts: float) -> Connection:
    """A connection to `shard`'s node; `ShardDownError` naming the shard when it cannot be reached."""
    return Connection(shard.host, shard.port, str(shard), **timeouts)


@contextmanager
def shard_connections(shards: Sequence[Shard], **timeouts: float) -> Iterator[list[Connection]]:
    """Connections to every shard (in order), all closed at the end; the first shard that
    cannot be reached raises `ShardDownError` naming it."""
    opened: list[Connection] = []
    try:
        for shard in shards:
            opened.append(connect_shard(shard, **timeouts))
        yield opened
    finally:
        for connection in opened:
            connection.close()


def _is_statement_error(exc: BaseException) -> bool:
    """Sphinx reports a statement it refuses as error 1064 through `OperationalError` too: that
    is no connection problem."""
    code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else None
    return code == 1064


def _reason(exc: BaseException) -> str:
    """pymysql's message without its error code: (2003, "Can't connect …") → "Can't connect …"."""
    if len(exc.args) >= 2:
        return str(exc.args[1])
    return str(exc) or type(exc).__name__


def quote_name(name: str) -> str:
    """An index name as it may appear in a statement: letters, digits, underscore only (checked)."""
    if not name.replace("_", "a").isalnum() or not name.isascii():
        raise ValueError(f"not an index name: {name!r}")
    return name
