"""`search()` on a cluster: one multi-statement round trip for hits, total, every facet's counts
and the date histogram, then hits highlighted by our own highlighter.

The batch sent to the distributed index is:
  1. the page of hits (`ORDER BY`, `LIMIT`), then `SHOW META` (total, and a warning per shard that
     did not answer: the result then says which, as Elasticsearch reports failed shards);
  2. per facet, `GROUP BY facets.NAME` (Sphinx counts each value of the JSON array) under every
     condition but the facet's own selection in `any` mode (disjunctive counting, as the local
     engine's search/engine/selection.py): each shard keeps as many groups as the facet has
     values in the cluster (counted again with `FACET_MAX_VALUES` when more came since), so
     counts are exact up to `FACET_MAX_VALUES` distinct values per facet and shard. A page that
     lists `facet_limit` values by count gets only the most frequent few (`top_rows`), the number
     of distinct values (`SHOW META`) and, in one more statement, the counts of the selected and
     excluded values; the facet is counted again in full when these do not decide the list
     (values tied at the cut not all fetched), see `facet_counts`;
  3. years and months (`published_year`, `published_month`), leaving the selected date range out.
Counts come back as value strings and are ordered and cut by the local engine's own rules
(search/cluster/values.py), so `facet_limit`, `facet_order`, selected and excluded values behave
as on a local index.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from fnmatch import fnmatchcase
from typing import Any, Protocol

from search.cluster.connection import Shard
from search.cluster.filters import Conditions, day_range
from search.cluster.schema import facet_id, term_token
from search.cluster.sphinxql import Translation, escape_word, translate
from search.cluster.values import ValueDirectory, top_values
from search.engine.highlight import full_html, snippet_html
from search.engine.parsing import Analyses, parse_query
from search.engine.query import DateHistogram, Hit, SearchResult
from search.engine.selection import DATE_KEY, Selection
from search.errors import check_choice
from search.index.analysis import analyze, analyzer_for
from search.index.languages import ENGLISH, analysis_of
from search.index.schema import FACETS, make_schema
from search.model import FACET_ORDERS, SORTS, FacetValue
from search.settings import setting

MAX_PER_PAGE: int = setting("max_page_size")
# Values counted per facet and per shard at most: counts are exact while every shard holds fewer
# distinct values of a facet (Sphinx's max_matches, like Elasticsearch's shard_size)
FACET_MAX_VALUES = 50_000
# a page's facet lists come from each facet's TIE_ROOM × facet_limit (+ 10) most frequent values
TIE_ROOM = 3
# date buckets counted at first (years, months): more are counted again with FACET_MAX_VALUES
DATE_BUCKETS = 2_400
QUERY_TIME_MS = 5_000  # OPTION max_query_time: a shard stops matching after this and returns what it found
# Whoosh's BM25F (k1 1.2, b 0.75, title weighted 2) as near as Sphinx 2.2's expression ranker comes:
# per field, the number of the query's words it has times their mean idf in that field (Whoosh's
# idf, from the whole cluster's counts: Sphinx's own idf is each shard's, so shards' scores would
# not compare) times a BM25 saturation of their mean frequency, normalised by the field's length
# (`title_len`, `body_len`: index_field_lengths) over its mean length in the cluster
BM25_K1, BM25_B = 1.2, 0.75
RANKER = ("ranker=expr('10000*sum(IF(user_weight=2, {title_idf:.4f}, {body_idf:.4f})*word_count*({tf}*{k1p})/"
          "({tf}+{k1}*({keep}+{b}*IF(user_weight=2, title_len/{title:.4f}, body_len/{body:.4f}))))'), "
          "field_weights=(title=2, body=1)")
HIT_COLUMNS = "id, article_id, title_text, body_text, url, published_day, facets, WEIGHT() AS score"
_AGENT = re.compile(r"agent ([^:\s]+:\d+)(?::(\w+))?")
COLLAPSE_NOTICE = "Copies of one story are not collapsed on a cluster: each article is a hit of its own."
SUGGEST_NOTICE = "“Did you mean” suggestions are not available on a cluster."


class Cluster(Protocol):
    """What searching needs of a cluster: its distributed index, a way to run a batch, its values."""

    index: str
    values: ValueDirectory

    def mean_lengths(self) -> tuple[float, float]: ...

    def document_frequencies(self, terms: list[str]) -> dict[tuple[str, str], int]: ...

    def run(self, sql: str, arguments: list[Any] | None = None) -> list[list[tuple[Any, ...]]]: ...

    def shards(self) -> list[Shard]: ...

    def last_update(self) -> datetime | None: ...


def match_word(term: str) -> str:
    """An analysed term as a MATCH() word: its token in the cluster's fields, escaped."""
    return escape_word(term_token(term))


SCHEMA = make_schema()  # the local schema: its parser and analyzer define the query language


def translated(cluster: Cluster, query: str) -> Translation:
    """`query` parsed as the local engine parses it (facet values spelled as the cluster holds
    them) and written in SphinxQL."""
    return translate(parse_query(query, SCHEMA, cluster.values.lookup, cluster_analyses(cluster)), match_word)


def cluster_analyses(cluster: Cluster) -> Analyses | None:
    """What `parse_query` needs of a cluster holding articles not analysed as English: the
    analyses of its languages, every term taken as known (asking the shards for each word of
    each query would cost a round trip); None when it holds English articles only (queries as
    they always were)."""
    others = tuple(sorted({analysis_of(language) for language in cluster.values.held("language")} - {ENGLISH}))
    return Analyses(others, lambda _term: True) if others else None


def row_analysis(row: tuple[Any, ...]) -> str:
    """The analysis of the article of a row of `HIT_COLUMNS` (search/index/languages.py)."""
    return analysis_of(next(iter(facets_of(row[6])["language"]), ""))


def resolved(cluster: Cluster, selection: Selection) -> Selection:
    """`selection` with every value spelled as the cluster holds it (as `Selection.resolved`)."""
    def fix(chosen: dict[str, list[str]]) -> dict[str, list[str]]:
        return {name: cluster.values.resolve(name, values) for name, values in chosen.items()}
    return Selection(fix(selection.include), fix(selection.exclude), selection.match, selection.date_from,
                     selection.date_to)


def conditions(cluster: Cluster, query: str, selection: Selection) -> tuple[Conditions, Translation]:
    """The WHERE parts of a query and a (resolved) selection."""
    translation = translated(cluster, query)
    return Conditions.of(translation.match, [day_range(low, high) for low, high in translation.date_ranges],
                         selection, translation.nothing), translation


def order_by(sort: str, has_text: bool) -> tuple[str, str]:
    """(extra select columns, ORDER BY) for a sort; undated articles come last in every order."""
    if sort == "relevance" and has_text:
        return "", "WEIGHT() DESC, id ASC"
    if sort == "oldest":
        return ", IF(published_day = 0, 1, 0) AS undated", "undated ASC, published_day ASC, id ASC"
    if sort == "source":
        return ", IF(source = '', 1, 0) AS sourceless", "sourceless ASC, source ASC, published_day DESC, id ASC"
    return "", "published_day DESC, id DESC"


def ranker(cluster: Cluster, terms: Iterable[str] = ()) -> str:
    """The OPTION ranker for the cluster's mean title and body lengths (in terms) and the query's `terms`."""
    title, body = (max(1.0, float(n)) for n in cluster.mean_lengths())
    return RANKER.format(tf="(user_weight*hit_count/word_count)", k1=BM25_K1, k1p=BM25_K1 + 1, keep=1 - BM25_B,
                         b=BM25_B, title=title, body=body, **mean_idfs(cluster, sorted(terms)))


def mean_idfs(cluster: Cluster, terms: list[str]) -> dict[str, float]:
    """Whoosh's idf of the query's `terms` in titles and in bodies, averaged over the terms:
    log(N / (documents with the word in the field + 1)) + 1, as whoosh.scoring computes it, from
    the whole cluster's counts (Sphinx's own idf is each shard's: scores of shards would differ)."""
    if not terms:
        return {"title_idf": 1.0, "body_idf": 1.0}
    found = cluster.document_frequencies(terms)
    documents = max(1, found["", ""])

    def idf(field: str) -> float:
        return sum(math.log(documents / (found[field, t] + 1)) + 1 for t in terms) / len(terms)
    return {"title_idf": idf("title"), "body_idf": idf("body")}


def options(max_matches: int, rank: str = "") -> str:
    """The OPTION clause: the ranker (when the statement ranks), how many matches each shard keeps,
    and the time a shard may spend."""
    return f" OPTION {rank + ', ' if rank else ''}max_matches={max(1, max_matches)}, max_query_time={QUERY_TIME_MS}"


def counts_sql(cluster: Cluster, cond: Conditions, group: str, leaving_out: str | None,
               extra: tuple[str, ...] = (), limit: int = FACET_MAX_VALUES, top: int | None = None
               ) -> tuple[str, list[Any]]:
    """One GROUP BY statement: every value of `group` with its count (`limit` values at most, which
    every shard keeps), or with `top`, only the `top` most frequent values (counted among `limit`
    just as exactly), followed by `SHOW META`, whose `total_found` is then the number of groups:
    the distinct values, and one more (value NULL) when some articles have none. (Leaving those
    articles out with `LENGTH(facets.NAME) > 0` was tried: Sphinx 2.2 computes the expression for
    every article of the index before the other filters, 4 → 45 ms a statement at 100,000.)"""
    where, arguments = cond.where(leaving_out, extra)
    if top is None:
        return (f"SELECT GROUPBY() AS value, COUNT(*) AS n FROM {cluster.index}{where} GROUP BY {group} "
                f"LIMIT {limit}{options(limit)}"), arguments
    return (f"SELECT GROUPBY() AS value, COUNT(*) AS n FROM {cluster.index}{where} GROUP BY {group} "
            f"ORDER BY n DESC LIMIT {top}{options(limit)};\nSHOW META"), arguments


def value_limit(cluster: Cluster, facet: str, exact: bool) -> int:
    """How many values of `facet` to count: all the cluster holds (as last asked, with room for
    new ones: a smaller sorter is faster), or `FACET_MAX_VALUES` when `exact` is asked for."""
    return FACET_MAX_VALUES if exact else min(FACET_MAX_VALUES, cluster.values.count(facet) * 2 + 100)


def top_rows(facet_limit: int | None, facet_order: str) -> int | None:
    """How many of a facet's most frequent values to fetch for a page that lists `facet_limit`
    (None: all values are needed, to list them all or by name). Fetching a few more than listed
    shows whether values tied at the cut were left out (then the facet is counted again in full)."""
    if facet_limit is None or facet_order != "count":
        return None
    return max(0, facet_limit) * TIE_ROOM + 10


def ties_fetched(rows: list[tuple[Any, ...]], values: list[tuple[Any, ...]], facet_limit: int) -> bool:
    """Whether the most frequent groups fetched (`rows`, count first; `values`: those of them with
    a value) hold every value the list could show: the last group fetched counts less than the
    last value listed, so every value tied with it came too."""
    return facet_limit == 0 or (len(values) >= facet_limit and int(rows[-1][1]) < int(values[facet_limit - 1][1]))


def failed_shards(meta: list[tuple[Any, ...]]) -> list[str]:
    """The shards (host:port[:index]) a SHOW META's warnings say did not answer."""
    found = []
    for row in meta:
        if row and row[0] == "warning":
            for agent in _AGENT.finditer(str(row[-1])):
                found.append(agent.group(1) + (f":{agent.group(2)}" if agent.group(2) else ""))
            if not _AGENT.search(str(row[-1])):
                found.append(str(row[-1]))
    return list(dict.fromkeys(found))


def partial_notice(shards: list[str]) -> str | None:
    if not shards:
        return None
    return (f"Partial results: {len(shards)} shard(s) of the cluster did not answer ({', '.join(shards)}); "
            f"articles they hold are missing from the hits and counts.")


def meta_total(meta: list[tuple[Any, ...]]) -> int:
    return next((int(row[1]) for row in meta if row and row[0] == "total_found"), 0)


@dataclass(frozen=True)
class HighlightTerms:
    """What to mark in a hit: the query's analysed terms and its prefix / wildcard patterns."""

    terms: frozenset[str]
    patterns: tuple[str, ...]

    @classmethod
    def of(cls, translation: Translation) -> HighlightTerms:
        return cls(frozenset(translation.terms),
                   tuple(p if any(c in p for c in "*?") else p + "*" for p in sorted(translation.prefixes)))

    def for_text(self, text: str, analysis: str = ENGLISH) -> set[str]:
        """The terms to mark in `text` (analysed by `analysis`): the query's, and those of its
        words a pattern matches."""
        if not self.patterns:
            return set(self.terms)
        return set(self.terms) | {t for t in analyze(text, analysis) if any(fnmatchcase(t, p) for p in self.patterns)}


def day_of(number: int) -> date | None:
    """A `published_day` (YYYYMMDD, 0: none) as a date."""
    return date(number // 10000, number // 100 % 100, number % 100) if number else None


def facets_of(raw: str | None) -> dict[str, list[str]]:
    stored = json.loads(raw) if raw else {}
    return {name: list(stored.get(name) or []) for name in FACETS}


def make_hit(row: tuple[Any, ...], score: float, marks: HighlightTerms) -> Hit:
    """A `Hit` from a row of `HIT_COLUMNS`, its title and snippet escaped and marked by our highlighter."""
    _, article_id, title, body, url, day, raw_facets, _ = row[:8]
    analysis = row_analysis(row)
    analyzer = analyzer_for(analysis)
    terms = marks.for_text(f"{title}\n{body}", analysis)
    return Hit(id=article_id, title=title, published=day_of(int(day)), url=url, facets=facets_of(raw_facets),
               score=score, snippet=snippet_html(body, terms, analyzer), title_html=full_html(title, terms, analyzer))


def facet_counts(cluster: Cluster, cond: Conditions, name: str, leaving_out: str | None,
                 found: list[tuple[Any, ...]], meta: list[tuple[Any, ...]], *, limit: int, top: int | None,
                 facet_limit: int, wanted: list[str], wanted_rows: list[tuple[Any, ...]]
                 ) -> tuple[dict[str, int], int]:
    """A facet's counts by value and its number of distinct values, from the rows of its
    `counts_sql(…, limit, top)` statement (and `meta`, its SHOW META, with `top`) and, for its
    selected and excluded values (`wanted`, listed whatever their count), the rows of the same
    statement among the articles that have one of them. The facet is counted again in full when
    these do not decide its list exactly: more values than `limit` came since last asked (counted
    with `FACET_MAX_VALUES`), or values tied at the cut, or a wanted value, were not fetched."""
    if top is None:
        recount, more = len(found) >= limit < FACET_MAX_VALUES, True
    else:
        groups = meta_total(meta)
        more = groups >= limit
        values = [row for row in found if row[0] not in (None, "")]
        counts = {str(value): int(n) for value, n in values}
        known = {str(value): int(n) for value, n in wanted_rows}
        missing = [v for v in wanted if v not in counts]
        # the number of values is known when the group of articles without one came, or every group
        everything = len(found) >= groups
        if not more and (len(values) < len(found) or everything) and (everything or ties_fetched(
                found, values, facet_limit) and (len(wanted_rows) < top or all(v in known for v in missing))):
            counts.update({v: known[v] for v in missing if v in known})  # (not fetched: none has it)
            return counts, groups - (len(found) - len(values))
        recount = True
    if recount:
        found = cluster.run(*counts_sql(cluster, cond, f"facets.{name}", leaving_out,
                                        limit=FACET_MAX_VALUES if more else limit))[0]
    counts = {str(value): int(n) for value, n in found if value not in (None, "")}
    return counts, len(counts)


def histogram(rows: list[tuple[Any, ...]], unit: str, selected: bool) -> list[FacetValue]:
    buckets = sorted((int(value), int(n)) for value, n in rows if value)
    if unit == "year":
        return [FacetValue(f"{v:04d}", n, selected) for v, n in buckets]
    return [FacetValue(f"{v // 100:04d}-{v % 100:02d}", n, selected) for v, n in buckets]


def search(cluster: Cluster, query: str = "", filters: Any = None, page: int = 1,
           per_page: int = setting("page_size"), sort: str = "relevance", *, exclude: Any = None,
           match_mode: Any = None, date_from: date | None = None, date_to: date | None = None,
           facet_limit: int | None = setting("facet_limit"), facet_order: str = "count",
           collapse: bool = True) -> SearchResult:
    """`search.search` on a cluster (same arguments and result; `res.notice` says what differs)."""
    started = time.perf_counter()
    check_choice("sort", sort, SORTS)
    check_choice("facet order", facet_order, FACET_ORDERS)
    selection = resolved(cluster, Selection.build(filters, exclude, match_mode, date_from, date_to))
    page, per_page = max(1, int(page)), min(max(1, int(per_page)), MAX_PER_PAGE)
    cond, translation = conditions(cluster, query, selection)
    columns, order = order_by(sort, cond.match is not None)
    where, arguments = cond.where()
    rank = ranker(cluster, translation.terms) if cond.match is not None and sort == "relevance" else ""
    statements = [f"SELECT {HIT_COLUMNS}{columns} FROM {cluster.index}{where} ORDER BY {order} "
                  f"LIMIT {(page - 1) * per_page}, {per_page}{options(page * per_page, rank)}", "SHOW META"]
    top = top_rows(facet_limit, facet_order)
    limits = {name: value_limit(cluster, name, exact=False) for name in FACETS}
    leaving_out = {name: name if selection.mode(name) == "any" else None for name in FACETS}
    wanted = {name: [*selection.include.get(name, ()), *selection.exclude.get(name, ())] for name in FACETS}
    asked = [name for name in FACETS if top is not None and wanted[name]]
    for name in FACETS:
        sql, args = counts_sql(cluster, cond, f"facets.{name}", leaving_out[name], limit=limits[name], top=top)
        statements.append(sql)
        arguments += args
    for group in ("published_year", "published_month"):
        sql, args = counts_sql(cluster, cond, group, DATE_KEY, ("published_day > 0",), limit=DATE_BUCKETS)
        statements.append(sql)
        arguments += args
    for name in asked:  # the counts of a facet's selected and excluded values, among the articles that have one
        theirs = f"facet_ids IN ({', '.join(str(facet_id(name, v)) for v in wanted[name])})"
        sql, args = counts_sql(cluster, cond, f"facets.{name}", leaving_out[name], (theirs,), limits[name], top)
        statements.append(sql)
        arguments += args
    results = cluster.run(";\n".join(statements), arguments)
    rows, meta, results = results[0], results[1], results[2:]
    step = 1 if top is None else 2  # (with `top`, each facet's statement is followed by its SHOW META)
    counted = {name: results[step * n:step * n + step] + [[]] * (2 - step) for n, name in enumerate(FACETS)}
    dated = results[step * len(FACETS):step * len(FACETS) + 2]
    of_wanted = {name: results[step * len(FACETS) + 2 + 2 * n] for n, name in enumerate(asked)}
    facets, totals = {}, {}
    for name in FACETS:
        counts, totals[name] = facet_counts(
            cluster, cond, name, leaving_out[name], *counted[name], limit=limits[name], top=top,
            facet_limit=facet_limit or 0, wanted=wanted[name], wanted_rows=of_wanted.get(name, []))
        facets[name] = top_values(counts, selection.include.get(name, ()), selection.exclude.get(name, ()),
                                  facet_limit, facet_order)
    years, months = (  # more buckets than DATE_BUCKETS: counted again, all of them
        found if len(found) < DATE_BUCKETS else cluster.run(*counts_sql(cluster, cond, group, DATE_KEY,
                                                                          ("published_day > 0",)))[0]
        for found, group in zip(dated, ("published_year", "published_month"), strict=True))
    marks = HighlightTerms.of(translation)
    hits = [make_hit(row, float(row[7]), marks) for row in rows]
    total = meta_total(meta)
    date_selected = DATE_KEY in cond.selected
    notices = [translation.notice(), partial_notice(failed_shards(meta)), COLLAPSE_NOTICE if collapse else None,
               SUGGEST_NOTICE if total == 0 and cond.match is not None else None]
    return SearchResult(
        query=query, total=total, page=page, per_page=per_page, hits=hits, facets=facets,
        notice=" ".join(n for n in notices if n) or None, elapsed_ms=(time.perf_counter() - started) * 1000,
        facet_totals=totals, dates=DateHistogram(histogram(years, "year", date_selected),
                                                 histogram(months, "month", date_selected)),
        selection=selection, total_articles=total, collapsed=False)
