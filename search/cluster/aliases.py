"""One person, one value across the whole cluster, as in a local index (search/index/person_aliases.py).

A local index counts a person's spellings ("Obama", "Barack Obama") under one value, worked out
from every value of the index and its document count. A cluster does the same after every change
(load, delete): it counts the spellings as read (`raw_persons`) on every shard, maps them with the
same rules (`canonical_names`), and rewrites the documents whose stored values (`facets`,
`facet_ids`, `facet_terms`) are not those of the new mapping, from their `record`. Which
documents to look at is found through `alias_ids` (the spellings' hashes): only those holding a
spelling that is aliased now, or was in the mapping recorded before, or in the one a loader used
while writing. The mapping is recorded in the cluster's records (search/cluster/meta.py), where
searches find it (a filter on "Obama" is one on "Barack Obama") and the next loader starts from it.

Loaders running at once each do this at their end; the one that ends last sees every document
and leaves the cluster consistent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from search.cluster.connection import Connection
from search.cluster.documents import ClusterDocuments
from search.cluster.meta import Aliases, read_aliases, write_aliases
from search.cluster.schema import article_of, facet_id, row_of
from search.index.person_aliases import canonical_names, person_facets

FIRST_GROUPS = 10_000  # distinct values asked for first; ten times more while a shard has more
CANDIDATE_IDS = 2_000  # spelling hashes per scan condition
REWRITE_BATCH = 200  # documents read back at once to be rewritten


def value_counts(docs: ClusterDocuments, facet: str) -> dict[str, int]:
    """Each spelling of `facet` as read, with the number of documents that have it, over every shard."""
    counts: dict[str, int] = {}
    for shard in docs.shards:
        limit = FIRST_GROUPS
        while True:
            rows = docs.connections[shard.number].query(
                f"SELECT groupby(), COUNT(*) FROM {shard.index} GROUP BY raw_persons.{facet} "
                f"LIMIT {limit} OPTION max_matches = {limit}")
            if len(rows) < limit:
                break
            limit *= 10
        for value, count in rows:
            if value is not None and value != "":
                counts[value] = counts.get(value, 0) + int(count)
    return counts


def current_aliases(docs: ClusterDocuments) -> Aliases:
    """The aliases of every person facet over the whole cluster now (spelling -> value, only
    spellings that are not their person's value)."""
    aliases: Aliases = {}
    for facet in person_facets():
        counts = value_counts(docs, facet)
        mapping = canonical_names(list(counts), list(counts.values()))
        aliases[facet] = {v: c for v, c in mapping.items() if v != c}
    return aliases


def refresh_aliases(docs: ClusterDocuments, meta_db: Connection, name: str, used: Mapping[str, Mapping[str, str]]
                    ) -> int:
    """Work out the aliases over the whole cluster, rewrite the documents that do not follow them
    and record them; `used` is the mapping the caller wrote documents with. Returns the number
    of documents rewritten."""
    recorded = read_aliases(meta_db, name)
    new = current_aliases(docs)
    candidates = sorted({facet_id(facet, spelling) for mapping in (recorded, used, new)
                         for facet, spellings in mapping.items() for spelling in spellings})
    stale: dict[int, set[int]] = {}  # shard -> documents to rewrite
    for start in range(0, len(candidates), CANDIDATE_IDS):
        part = ", ".join(map(str, candidates[start:start + CANDIDATE_IDS]))
        for shard, (doc, facets, raw) in docs.scan("facets, raw_persons", f"alias_ids IN ({part})"):
            if _stale(json.loads(facets), json.loads(raw), new):
                stale.setdefault(shard, set()).add(int(doc))
    rewritten = sum(_rewrite(docs, shard, sorted(ids), new) for shard, ids in stale.items())
    docs.flush()
    write_aliases(meta_db, name, recorded, new)
    return rewritten


def _stale(stored: dict[str, list[str]], raw: dict[str, list[str]], aliases: Aliases) -> bool:
    """Whether a document's stored person values differ from its spellings under `aliases`."""
    for facet, spellings in raw.items():
        mapping = aliases.get(facet, {})
        if stored.get(facet, []) != list(dict.fromkeys(mapping.get(v, v) for v in spellings)):
            return True
    return False


def _rewrite(docs: ClusterDocuments, shard: int, ids: list[int], aliases: Aliases) -> int:
    """Write these documents of one shard again, from their record, with `aliases`."""
    rewritten = 0
    for start in range(0, len(ids), REWRITE_BATCH):
        part = ids[start:start + REWRITE_BATCH]
        rows = docs.connections[shard].query(
            f"SELECT title_text, body_text, record, content_hash FROM {docs.shards[shard].index} "
            f"WHERE id IN ({', '.join(map(str, part))}) LIMIT {len(part)} OPTION max_matches = {len(part)}")
        for title, body, record, digest in rows:  # (one deleted meanwhile is not there)
            article = article_of(title, body, record)
            docs.write(row_of(article, digest, aliases), article.id)
            rewritten += 1
    return rewritten
