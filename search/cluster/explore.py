"""Exploring on a cluster: one article, similar articles, facet value search, co-occurrence,
export, the index summary and a story's versions, with the local engine's arguments and results
(search/engine/explore.py, export.py, collapse.py).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from search.cluster import searching
from search.cluster.connection import Connection
from search.cluster.filters import Conditions
from search.cluster.schema import article_of, doc_id, facet_id, term_token
from search.cluster.searching import (
    HIT_COLUMNS,
    Cluster,
    HighlightTerms,
    conditions,
    facets_of,
    make_hit,
    options,
    ranker,
    resolved,
)
from search.cluster.values import top_values
from search.engine.collapse import Version
from search.engine.explore import MAX_COOCCURRENCE_TOP, SIMILAR_KEY_TERMS, ArticleView, CoOccurrence, IndexStats
from search.engine.export import article_record, written
from search.engine.highlight import full_html
from search.engine.query import Hit
from search.engine.selection import FacetFilter, Selection
from search.errors import check_choice
from search.index.analysis import analyze, analyzer_for
from search.index.schema import FACETS
from search.model import EXPORT_FORMATS, SORTS, FacetValue
from search.settings import setting

EXPORT_BATCH = 1_000  # articles read per statement while exporting
KEY_TERM_CANDIDATES = 400  # an article's most frequent terms whose collection statistics are asked for


def _row_of(cluster: Cluster, article_id: str, extra: str = "") -> tuple[Any, ...] | None:
    rows = cluster.run(f"SELECT {HIT_COLUMNS}{extra} FROM {cluster.index} WHERE id = {doc_id(article_id)}")[0]
    return next((row for row in rows if row[1] == article_id), None)  # (a hash is checked against the id)


def get_article(cluster: Cluster, article_id: str, query: str = "") -> ArticleView | None:
    """`search.get_article` on a cluster."""
    row = _row_of(cluster, article_id, ", record")
    if row is None:
        return None
    _, translation = conditions(cluster, query, Selection())
    marks = HighlightTerms.of(translation)
    analysis = searching.row_analysis(row)
    terms = marks.for_text(f"{row[2]}\n{row[3]}", analysis)
    analyzer = analyzer_for(analysis)
    evidence = json.loads(row[8] or "{}").get("theme_evidence") or {}
    return ArticleView(make_hit(row, 0.0, marks), full_html(row[3], terms, analyzer), evidence)


def _key_terms(cluster: Cluster, body: str, analysis: str) -> list[str]:
    """The article's `SIMILAR_KEY_TERMS` most telling body terms by Whoosh's Bo1 model (frequent
    here, rare in the collection), the collection's statistics taken from the first shard (shards
    hold a hash-chosen share of the articles, so their term statistics are alike)."""
    counts = sorted(((len(p), t) for t, p in analyze(body, analysis).items()), reverse=True)[:KEY_TERM_CANDIDATES]
    if not counts:
        return []
    shard = cluster.shards()[0]
    with Connection(shard.host, shard.port, str(shard)) as db:
        documents = int(dict(db.query(f"SHOW INDEX {shard.index} STATUS")).get("indexed_documents", 0))
        stats = db.query(f"CALL KEYWORDS(%s, '{shard.index}', 1)", [" ".join(term_token(t) for _, t in counts)])
    if not documents or len(stats) != len(counts):
        return [t for _, t in counts[:SIMILAR_KEY_TERMS]]
    scored = []
    for (weight, term), row in zip(counts, stats, strict=True):
        hits = int(row[4])
        if hits:
            f = hits / documents
            scored.append((-(weight * math.log((1 + f) / f, 2) + math.log(1 + f, 2)), term))
    return [t for _, t in sorted(scored)[:SIMILAR_KEY_TERMS]]


def similar(cluster: Cluster, article_id: str, n: int = setting("similar_articles"), *,
            filters: FacetFilter | None = None, collapse: bool = True, **selection: Any) -> list[Hit]:
    """`search.similar` on a cluster: the articles with most of this one's key terms (BM25F-ranked).
    Stories are not grouped on a cluster, so `collapse` changes nothing (copies are listed too)."""
    chosen = resolved(cluster, Selection.build(filters, **selection))
    row = _row_of(cluster, article_id)
    if row is None:
        return []
    terms = _key_terms(cluster, row[3], searching.row_analysis(row))
    if not terms:
        return []
    match = "@body " + " | ".join(searching.match_word(t) for t in terms)
    where, arguments = Conditions.of(match, [], chosen).where(extra=(f"id != {doc_id(article_id)}",))
    rows = cluster.run(f"SELECT {HIT_COLUMNS} FROM {cluster.index}{where} ORDER BY WEIGHT() DESC, id ASC "
                       f"LIMIT {max(0, int(n))}{options(max(1, int(n)), ranker(cluster, terms))}", arguments)[0]
    return [make_hit(r, float(r[7]), HighlightTerms(frozenset(), ())) for r in rows]


def _counts(cluster: Cluster, cond: Conditions, facet: str, leaving_out: str | None,
            extra: tuple[str, ...] = ()) -> str:
    return searching.counts_sql(cluster, cond, f"facets.{facet}", leaving_out, extra)[0]


def facet_values(cluster: Cluster, facet: str, contains: str = "", query: str = "",
                 filters: FacetFilter | None = None, *, limit: int | None = setting("value_search_limit"),
                 order: str = "count", collapse: bool = True, **selection: Any) -> tuple[list[FacetValue], int]:
    """`search.facet_values` on a cluster (an alias of a person matches the person's value). Stories
    are not grouped on a cluster: the counts are of articles whatever `collapse` says."""
    check_choice("facet", facet, FACETS)
    chosen = resolved(cluster, Selection.build(filters, **selection))
    cond, _ = conditions(cluster, query, chosen)
    sql, arguments = searching.counts_sql(cluster, cond, f"facets.{facet}",
                                          facet if chosen.mode(facet) == "any" else None)
    needle = contains.strip().casefold()
    spellings: dict[str, list[str]] = {}
    for spelling, value in cluster.values.aliases(facet).items():
        spellings.setdefault(value, []).append(spelling)
    counts = {str(v): int(c) for v, c in cluster.run(sql, arguments)[0] if v not in (None, "")
              and any(needle in s.casefold() for s in (str(v), *spellings.get(str(v), ())))}
    picked = [v for v in chosen.include.get(facet, []) if needle in v.casefold()]
    dropped = [v for v in chosen.exclude.get(facet, []) if needle in v.casefold()]
    return top_values(counts, picked, dropped, limit, order), len(counts)


def cooccurrence(cluster: Cluster, rows_facet: str, columns_facet: str, query: str = "",
                 filters: FacetFilter | None = None, *, top: int = setting("cooccurrence_top"),
                 collapse: bool = True, **selection: Any) -> CoOccurrence:
    """`search.cooccurrence` on a cluster: one batch for the top values, one for the table. Stories
    are not grouped on a cluster: the counts are of articles whatever `collapse` says."""
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= MAX_COOCCURRENCE_TOP:
        raise ValueError(f"top must be a whole number from 1 to {MAX_COOCCURRENCE_TOP}, got {top!r}")
    check_choice("facet", rows_facet, FACETS)
    check_choice("facet", columns_facet, FACETS)
    cond, _ = conditions(cluster, query, resolved(cluster, Selection.build(filters, **selection)))
    _, arguments = cond.where()
    found = cluster.run(";\n".join([_counts(cluster, cond, rows_facet, None),
                                    _counts(cluster, cond, columns_facet, None)]), arguments * 2)
    row_counts, column_counts = ({str(v): int(c) for v, c in rows if v not in (None, "")} for rows in found)
    rows = [fv.value for fv in top_values(row_counts, limit=top)]
    columns = [fv.value for fv in top_values(column_counts, limit=top)]
    table: list[list[int]] = []
    if rows and columns:
        statements = [_counts(cluster, cond, columns_facet, None, (f"facet_ids IN ({facet_id(rows_facet, r)})",))
                      for r in rows]
        for per_row in cluster.run(";\n".join(statements), arguments * len(rows)):
            by_value = {str(v): int(c) for v, c in per_row}
            table.append([by_value.get(c, 0) for c in columns])
    return CoOccurrence(rows_facet, columns_facet, rows, columns, table)


def _ordered_ids(cluster: Cluster, cond: Conditions, sort: str, terms: set[str]) -> list[int]:
    """Every matching document's id in `sort` order, read a batch at a time in id order (Sphinx
    pages only within max_matches) and sorted here."""
    keys: list[tuple[Any, ...]] = []
    last = 0
    rank = ranker(cluster, terms)
    while True:
        where, arguments = cond.where(extra=(f"id > {last}",))
        rows = cluster.run(f"SELECT id, published_day, source, WEIGHT() AS score FROM {cluster.index}{where} "
                           f"ORDER BY id ASC LIMIT {EXPORT_BATCH}{options(EXPORT_BATCH, rank)}", arguments)[0]
        keys += rows
        if len(rows) < EXPORT_BATCH:
            break
        last = rows[-1][0]
    if sort == "relevance" and cond.match is not None:
        keys.sort(key=lambda k: (-k[3], k[0]))
    elif sort == "oldest":
        keys.sort(key=lambda k: (k[1] == 0, k[1], k[0]))
    elif sort == "source":
        keys.sort(key=lambda k: (k[2] == "", str(k[2]).casefold(), -k[1], k[0]))
    else:
        keys.sort(key=lambda k: (k[1] == 0, -k[1], -k[0]))
    return [k[0] for k in keys]


def _exported(cluster: Cluster, ids: list[int]) -> Iterator[dict[str, Any]]:
    for start in range(0, len(ids), EXPORT_BATCH):
        part = ids[start:start + EXPORT_BATCH]
        rows = cluster.run(f"SELECT id, title_text, body_text, record, facets FROM {cluster.index} WHERE id IN "
                           f"({', '.join(map(str, part))}) LIMIT {len(part)}{options(len(part))}")[0]
        by_id = {row[0]: row for row in rows}
        for number in part:
            if number in by_id:
                _, title, body, record, facets = by_id[number]
                article = article_of(title, body, record)
                article.facets.update(facets_of(facets))  # as counted: a person's one value
                yield article_record(article)


def export(cluster: Cluster, query: str = "", filters: FacetFilter | None = None, *, format: str = "csv",
           sort: str = "newest", collapse: bool = False, **selection: Any) -> Iterator[str]:
    """`search.export` on a cluster: every matching article (copies are never collapsed here)."""
    check_choice("export format", format, EXPORT_FORMATS)
    check_choice("sort", sort, SORTS)
    cond, translation = conditions(cluster, query, resolved(cluster, Selection.build(filters, **selection)))
    return written(_exported(cluster, _ordered_ids(cluster, cond, sort, translation.terms)), format)


def index_stats(cluster: Cluster) -> IndexStats:
    """`search.index_stats` on a cluster: sizes from every shard's index status."""
    found = cluster.run(f"SELECT COUNT(*) FROM {cluster.index};\n"
                        f"SELECT MIN(published_day), MAX(published_day) FROM {cluster.index} WHERE published_day > 0;\n"
                        f"SELECT GROUPBY(), COUNT(*) FROM {cluster.index} WHERE source != '' GROUP BY source "
                        f"LIMIT {searching.FACET_MAX_VALUES}{options(searching.FACET_MAX_VALUES)}")
    size = 0
    for shard in cluster.shards():
        with Connection(shard.host, shard.port, str(shard)) as db:
            status = dict(db.query(f"SHOW INDEX {shard.index} STATUS"))
            size += int(status.get("disk_bytes", 0)) + int(status.get("ram_bytes", 0))
    first, last = found[1][0] if found[1] else (0, 0)
    articles = int(found[0][0][0]) if found[0] else 0
    return IndexStats(articles=articles, stories=articles, sources=len(found[2]),  # stories: not grouped here
                      first_published=searching.day_of(int(first or 0)),
                      last_published=searching.day_of(int(last or 0)),
                      last_update=cluster.last_update() or datetime.now(),  # (now: nothing loaded yet)
                      size_bytes=size)


def versions(cluster: Cluster, article_id: str) -> list[Version]:
    """`search.versions` on a cluster: stories are not grouped there, so an article is its own only version."""
    row = _row_of(cluster, article_id)
    if row is None:
        return []
    hit = make_hit(row, 0.0, HighlightTerms(frozenset(), ()))
    return [Version(hit.id, hit.title, hit.source, hit.published, hit.url)]
