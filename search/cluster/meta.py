"""The cluster's own records, in the real-time index NAME_meta on the URL's node: which shards
there are (endpoint and index of each), the document schema's version, and the person aliases.

Loaders and searchers read the shard list from here through the URL alone, so a cluster laid
out by hand (several machines, Manticore) works once these rows are written
(`write_layout`; docs/scale-out.md). Every row is (id, kind, key, value): `id` a stable hash
of kind and key, so writing a row again replaces it, from any number of loaders at once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from search.cluster.connection import ClusterError, Connection, Shard, quote_name
from search.cluster.schema import SCHEMA_VERSION, stable_hash
from search.cluster.url import ClusterUrl

META_SUFFIX = "_meta"
ALIAS_ROWS_PER_STATEMENT = 500
MAX_ROWS = 10_000_000


def meta_index_name(name: str) -> str:
    """NAME_meta: the records of the cluster whose distributed index is NAME."""
    return quote_name(name + META_SUFFIX)


def meta_index_config(name: str, path: str) -> str:
    """The configuration section of the records' real-time index."""
    return "\n".join([f"index {name}", "{", "    type = rt", f"    path = {path}", "    rt_field = note",
                      "    rt_attr_string = kind", "    rt_attr_string = key", "    rt_attr_string = value",
                      "    rt_mem_limit = 16M", "}", ""])


def _row_id(kind: str, key: str) -> int:
    return stable_hash(f"{kind}\x1f{key}")


def _replace(db: Connection, index: str, rows: Sequence[tuple[str, str, Any]]) -> None:
    for start in range(0, len(rows), ALIAS_ROWS_PER_STATEMENT):
        part = rows[start:start + ALIAS_ROWS_PER_STATEMENT]
        values = ", ".join(["(%s, '', %s, %s, %s)"] * len(part))
        args: list[Any] = []
        for kind, key, value in part:
            args += [_row_id(kind, key), kind, key, json.dumps(value, ensure_ascii=False)]
        db.execute(f"REPLACE INTO {index} (id, note, kind, key, value) VALUES {values}", args)


def _rows(db: Connection, index: str, kind: str) -> list[tuple[str, Any]]:
    found = db.query(f"SELECT key, value FROM {index} WHERE kind = %s LIMIT {MAX_ROWS} "
                     f"OPTION max_matches = {MAX_ROWS}", [kind])
    return [(key, json.loads(value)) for key, value in found]


def write_layout(db: Connection, name: str, shards: Sequence[Shard]) -> None:
    """Record the shard list and the schema version of the cluster NAME (connected to its URL's node)."""
    index = meta_index_name(name)
    old = [key for key, _ in _rows(db, index, "shard")]
    stale = [_row_id("shard", key) for key in old if int(key) >= len(shards)]
    if stale:
        db.execute(f"DELETE FROM {index} WHERE id IN ({', '.join(map(str, stale))})")
    _replace(db, index, [("layout", "layout", {"shards": len(shards), "schema_version": SCHEMA_VERSION})]
             + [("shard", str(s.number), {"host": s.host, "port": s.port, "index": s.index}) for s in shards])


def read_shards(url: ClusterUrl, db: Connection | None = None) -> list[Shard]:
    """The cluster's shards, in order, from its records; `ClusterError` when there are none or
    they were written for another document schema."""
    own = db is None
    db = db or Connection(url.host, url.port, f"the cluster node at {url.endpoint} (named by {url})")
    try:
        index = meta_index_name(url.name)
        try:
            layout = dict(_rows(db, index, "layout")).get("layout")
            shards = _rows(db, index, "shard")
        except ClusterError as exc:
            raise ClusterError(f"{url} has no cluster records ({index}): is it a cluster made by "
                               f"`python -m search cluster start`, or laid out as docs/scale-out.md says? ({exc})"
                               ) from exc
    finally:
        if own:
            db.close()
    if not layout or not shards:
        raise ClusterError(f"{url} lists no shards in {index}; docs/scale-out.md says how to record them")
    if layout.get("schema_version") != SCHEMA_VERSION:
        raise ClusterError(f"{url} holds documents of schema version {layout.get('schema_version')}, this "
                           f"program writes and reads version {SCHEMA_VERSION}: load it again into a new cluster")
    found = sorted((int(key), value) for key, value in shards)
    if [k for k, _ in found] != list(range(layout["shards"])):
        raise ClusterError(f"{url} records shards {[k for k, _ in found]}, expected 0 … {layout['shards'] - 1}")
    return [Shard(k, v["host"], int(v["port"]), quote_name(v["index"])) for k, v in found]


Aliases = dict[str, dict[str, str]]  # person facet -> {spelling: the person's one value}


def read_aliases(db: Connection, name: str) -> Aliases:
    """The person aliases the last load recorded (only spellings that are not their person's value)."""
    aliases: Aliases = {}
    for key, value in _rows(db, meta_index_name(name), "alias"):
        facet, _, spelling = key.partition("\x1f")
        aliases.setdefault(facet, {})[spelling] = value
    return aliases


def write_aliases(db: Connection, name: str, old: Mapping[str, Mapping[str, str]], new: Aliases) -> None:
    """Replace the recorded aliases `old` by `new` (rows of spellings no longer aliased are deleted)."""
    index = meta_index_name(name)
    gone = [_row_id("alias", f"{facet}\x1f{spelling}") for facet, mapping in old.items() for spelling in mapping
            if spelling not in new.get(facet, {})]
    for start in range(0, len(gone), ALIAS_ROWS_PER_STATEMENT):
        part = gone[start:start + ALIAS_ROWS_PER_STATEMENT]
        db.execute(f"DELETE FROM {index} WHERE id IN ({', '.join(map(str, part))})")
    _replace(db, index, [("alias", f"{facet}\x1f{spelling}", value) for facet, mapping in new.items()
                         for spelling, value in mapping.items() if old.get(facet, {}).get(spelling) != value])


def write_last_update(db: Connection, name: str, when: datetime | None = None) -> None:
    """Record when the cluster's articles last changed (a load that wrote or deleted, a delete)."""
    _replace(db, meta_index_name(name), [("state", "last_update", (when or datetime.now()).isoformat())])


def read_last_update(db: Connection, name: str) -> datetime | None:
    """When the cluster's articles last changed, as recorded by `write_last_update` (None: never)."""
    found = dict(_rows(db, meta_index_name(name), "state")).get("last_update")
    return datetime.fromisoformat(found) if found else None
