"""Loading a cluster: `build_cluster_index(paths, url)` and `delete_cluster_articles(ids, url)`, what
`build_index` and `delete_articles` do when given a `sphinx://` URL (search/cluster/backend.py).

The same pipeline as a local build (search/index/build.py): the same readers and progress
(`InputRun`), the same enrichment, in the same worker processes (search/index/rounds.py), which
here also analyse title and body into the cluster's full-text fields. Each article goes to the
shard chosen by a stable hash of its id, in multi-row REPLACE statements of bounded size, so
memory stays bounded whatever the input. Articles already in the cluster with the same content
hash are skipped, changed ones replaced; `prune` deletes those read from under `paths` before
that are gone; `rebuild` writes everything read and then deletes every other article (so the
old content stays searchable until the end; a rebuild that reads nothing changes nothing).
Loaders of disjoint inputs may run at once, on any machine: rows go to their own shard by id,
and the person aliases are worked out again over the whole cluster at the end of each
(search/cluster/aliases.py). Work is sent as it goes: a load that is interrupted keeps what it
sent, and running it again finishes it (unchanged articles are skipped).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, islice
from pathlib import Path

from search.cluster.aliases import refresh_aliases
from search.cluster.connection import Connection
from search.cluster.documents import ClusterDocuments, too_large
from search.cluster.meta import Aliases, read_aliases, read_shards, write_last_update
from search.cluster.schema import analysed_text, article_language, record_of, row_of
from search.cluster.url import ClusterUrl, parse_cluster_url
from search.index.build import COMMIT_EVERY, PARALLEL_MIN_ARTICLES, IndexProgress, IndexReport, InputRun, gone_test
from search.index.languages import analysis_of
from search.index.rounds import Enrich, in_rounds, warm_up
from search.index.writers import Planned
from search.ingest.readers import ReadError
from search.model import Article

log = logging.getLogger(__name__)

LOOKUP_BATCH = 1_000  # articles read before their content hashes are looked up in the cluster
# a planned article (search/index/writers.py) with its title and body analysed
Prepared = tuple[Article, str, bool, str, str]


def prepare(enrich: Enrich, items: list[Planned]) -> list[Prepared]:
    """Enrich articles and analyse their title and body into full-text field values (the work a
    worker process does; `enrich` is passed by reference, so this module needs no extractor)."""
    prepared = []
    for article, digest, existed in items:
        enriched = enrich(article)
        analysis = analysis_of(article_language(enriched))
        prepared.append((enriched, digest, existed, analysed_text(enriched.title, analysis),
                         analysed_text(enriched.body, analysis)))
    return prepared


def _meta_connection(url: ClusterUrl) -> Connection:
    return Connection(url.host, url.port, f"the cluster node at {url.endpoint} (named by {url})")


def build_cluster_index(
    paths: Iterable[str | Path],
    url: str | ClusterUrl,
    *,
    rebuild: bool = False,
    prune: bool = False,
    workers: int = 1,
    commit_every: int = COMMIT_EVERY,
    progress: Callable[[IndexProgress], None] | None = None,
) -> IndexReport:
    """Read, enrich and load every article under `paths` into the cluster at `url`; the
    arguments and the report are those of `search.build_index` (`commit_every`: articles per
    round of the workers). A shard that is down raises `ShardDownError` naming it."""
    from search.ingest.enrich import enrich  # imported here: NLTK takes ~1 s to import and searching never needs it

    cluster = url if isinstance(url, ClusterUrl) else parse_cluster_url(url)
    report = IndexReport()
    with _meta_connection(cluster) as meta_db, ClusterDocuments(read_shards(cluster, meta_db)) as docs:
        used = read_aliases(meta_db, cluster.name)
        run = InputRun(paths, report, progress)
        planned = _planned(run, docs, rebuild)
        first = list(islice(planned, PARALLEL_MIN_ARTICLES))
        write = partial(_write, docs, report, used)
        if workers > 1 and len(first) == PARALLEL_MIN_ARTICLES:
            def on_round(results: list[list[Prepared]], items: list[Planned]) -> None:
                for prepared in chain.from_iterable(results):
                    write(prepared)
                run.tick()

            in_rounds(chain(first, planned), workers, commit_every, partial(prepare, enrich), on_round,
                      partial(warm_up, enrich))
        else:
            for item in chain(first, planned):
                write(prepare(enrich, [item])[0])
                run.tick()
        docs.flush()
        if rebuild and not report.added + report.updated:
            report.notice = f"No article could be read, so the cluster {cluster} was not rebuilt and is unchanged"
            log.warning("%s", report.notice)
            return report
        if rebuild or prune:
            report.pruned = _prune(docs, run, everything=rebuild)
        # also after a run that changed nothing: one that was interrupted before may have left
        # documents written with the aliases of its start
        refresh_aliases(docs, meta_db, cluster.name, used)
        if report.added or report.updated or report.pruned:
            write_last_update(meta_db, cluster.name)
    run.tick()
    return report


def _planned(run: InputRun, docs: ClusterDocuments, rebuild: bool) -> Iterator[Planned]:
    """The articles read that are to be written, with whether they are in the cluster already
    (looked up a batch at a time); unchanged ones are counted as skipped."""
    articles = run.articles()
    while batch := list(islice(articles, LOOKUP_BATCH)):
        indexed = {} if rebuild else docs.hashes(article.id for article, _ in batch)
        for article, digest in batch:
            if indexed.get(article.id) == digest:
                run.report.skipped += 1
                run.tick()
                continue
            yield article, digest, article.id in indexed


def _write(docs: ClusterDocuments, report: IndexReport, aliases: Aliases, prepared: Prepared) -> None:
    article, digest, existed, title_terms, body_terms = prepared
    problem = too_large(article.title, article.body, record_of(article))
    if problem:
        report.errors.append(ReadError(article.origin or article.id, f"article {article.id!r} not loaded: {problem}"))
        return
    docs.write(row_of(article, digest, aliases, title_terms, body_terms), article.id)
    report.updated += existed
    report.added += not existed


def _prune(docs: ClusterDocuments, run: InputRun, everything: bool) -> int:
    """Delete the articles gone from under the run's paths (`everything`: every article not read)."""
    gone = gone_test(run)
    doomed: dict[int, list[int]] = {}
    for shard, (doc, article_id, origin) in docs.scan("article_id, origin"):
        if (article_id not in run.seen_ids) if everything else gone(article_id, origin):
            doomed.setdefault(shard, []).append(int(doc))
    return sum(docs.delete(ids, shard) for shard, ids in doomed.items())


def delete_cluster_articles(ids: Iterable[str], url: str | ClusterUrl) -> int:
    """Delete the articles with these ids from the cluster at `url`; returns how many were there."""
    cluster = url if isinstance(url, ClusterUrl) else parse_cluster_url(url)
    wanted = list(ids)
    with _meta_connection(cluster) as meta_db, ClusterDocuments(read_shards(cluster, meta_db)) as docs:
        deleted = docs.delete_articles(wanted)
        if deleted:
            refresh_aliases(docs, meta_db, cluster.name, read_aliases(meta_db, cluster.name))
            write_last_update(meta_db, cluster.name)
    return deleted


