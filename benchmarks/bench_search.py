"""Search and indexing speed: our `search()` vs SQLite FTS5 vs tantivy, same articles, same queries.

    python benchmarks/bench_search.py                  # 20k and 100k Reuters-based articles (slow: ~1 h)
    python benchmarks/bench_search.py --sizes 20000    # one size
    python benchmarks/bench_search.py --smoke          # 300 articles, 40 queries: keeps the script working (CI)

Every system indexes the same enriched articles and answers the same queries, doing the same
work: the top 10 hits with a highlighted snippet plus disjunctive counts for every facet.
Each system runs in its own process (so peak memory is its own); `tantivy` (PyPI) is optional.
The corpus: Reuters-21578 articles with a body (~19k); beyond that, a deterministic scale-up
makes new articles by joining the paragraphs of two originals (see `scaled_corpus`), with dates
shifted by whole years. Indexes and the enriched corpus are kept in --workdir for reuse.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import pickle
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from corpora import ROOT, reuters_article, reuters_records

from search.article import Article
from search.schema import FACETS

FACET_ATTRS = {name: facet.attr for name, facet in FACETS.items()}
SYSTEMS = ("ours", "sqlite", "tantivy")
PLAIN_WRITE_MAX = 20_000  # the one-process Whoosh write row is measured up to this size (slow)


# ---------------------------------------------------------------- corpus and queries

def scaled_corpus(size: int) -> list[Article]:
    """`size` distinct articles: the Reuters originals, then recombined copies (round k = 1, 2, …).

    Copy k of original i takes the title of i and the paragraphs of i interleaved with those of
    original (i * 7 + k * 13) % n, gets the id "<id>-k<k>" and a date k years later.
    """
    originals = [reuters_article(r) for r in reuters_records()]
    articles = originals[:size]
    k, n = 1, len(originals)
    while len(articles) < size:
        for i, base in enumerate(originals):
            if len(articles) >= size:
                break
            other = originals[(i * 7 + k * 13) % n]
            mine, theirs = base.body.split("\n    "), other.body.split("\n    ")
            body = "\n    ".join(p for pair in zip(mine, theirs + [""] * len(mine)) for p in pair if p)
            articles.append(replace(base, id=f"{base.id}-k{k}", body=body, title=f"{base.title} ({k})",
                                    published=base.published + timedelta(days=365 * k) if base.published else None))
        k += 1
    return articles


def enriched_corpus(size: int, workdir: Path) -> tuple[list[Article], float]:
    """The corpus enriched with our pipeline (cached), and the enrichment rate on 2 processes."""
    cache = workdir / f"enriched-{size}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from search.enrich import enrich
    raw = scaled_corpus(size)
    started = time.perf_counter()
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        articles = list(pool.map(enrich, raw, chunksize=200))
    result = (articles, len(articles) / (time.perf_counter() - started))
    cache.write_bytes(pickle.dumps(result))
    return result


def make_queries(articles: list[Article], count: int, seed: int = 7) -> list[dict]:
    """A deterministic mix: rare, common, two terms, phrase, prefix, empty; with 0, 1 or 3 filters."""
    rng = random.Random(seed)
    df: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    sample = articles[:5000]
    for article in sample:
        words = re.findall(r"[a-z]{4,}", article.body.lower())
        df.update(set(words))
        bigrams.update(zip(words, words[1:]))
    rare = sorted(w for w, c in df.items() if 3 <= c <= 10)
    common = sorted(w for w, c in df.items() if c >= max(5, len(sample) * 0.06))
    phrases = [" ".join(b) for b, c in bigrams.most_common(300) if c >= max(3, len(sample) * 0.004)]
    facet_values = {name: Counter(v for a in articles for v in (getattr(a, attr) if isinstance(getattr(a, attr), list)
                                                                 else [getattr(a, attr)]))
                    for name, attr in FACET_ATTRS.items()}
    popular = {name: [v for v, _ in counter.most_common(8)] for name, counter in facet_values.items()}
    kinds = ["rare", "common", "two", "phrase", "prefix", "empty"]
    queries = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        terms = {"rare": lambda: [rng.choice(rare)], "common": lambda: [rng.choice(common)],
                 "two": lambda: [rng.choice(common), rng.choice(common)], "phrase": lambda: [rng.choice(phrases)],
                 "prefix": lambda: [rng.choice(common)[:4]], "empty": lambda: []}[kind]()
        n_filters = (0, 1, 3)[(i // len(kinds)) % 3]
        chosen = rng.sample([f for f in ("country", "theme", "people", "region") if popular[f]], n_filters)
        filters = {f: [rng.choice(popular[f])] for f in chosen}
        queries.append({"kind": kind, "terms": terms, "filters": filters})
    return queries


# ---------------------------------------------------------------- the systems

def query_text(q: dict) -> str:
    """A benchmark query in Whoosh/tantivy syntax: "phrase", prefix*, or plain words."""
    return " ".join(f'"{t}"' if q["kind"] == "phrase" else (t + "*" if q["kind"] == "prefix" else t)
                    for t in q["terms"])


def build_ours(articles, workdir: Path, size: int) -> dict:
    from search import build_index
    from search.schema import to_document
    from whoosh import index as whoosh_index

    index_dir, jsonl, result = workdir / f"ours-{size}", workdir / f"corpus-{size}.jsonl", {}
    jsonl.write_text("".join(json.dumps({"id": a.id, "title": a.title, "text": a.body, "source": a.source,
                                         "date": a.published.isoformat() if a.published else None}) + "\n"
                             for a in articles), "utf-8")
    started = time.perf_counter()
    build_index([jsonl], index_dir, workers=2)  # read + enrich + write, both cores
    result["index_rate"] = len(articles) / (time.perf_counter() - started)
    if size <= PLAIN_WRITE_MAX:  # Whoosh alone: pre-enriched articles, one writer in one process
        plain_dir = workdir / f"ours-plain-{size}"
        plain_dir.mkdir()
        ix = whoosh_index.create_in(str(plain_dir), whoosh_index.open_dir(str(index_dir)).schema)
        started = time.perf_counter()
        writer = ix.writer(limitmb=512)
        for a in articles:
            writer.add_document(**to_document(a, a.content_hash()))
        writer.commit()
        result["index_rate_plain"] = len(articles) / (time.perf_counter() - started)
    result["size_bytes"] = sum(f.stat().st_size for f in index_dir.iterdir())
    return result


def query_ours(queries, workdir: Path, size: int) -> list[float]:
    from search import search
    index_dir, latencies = workdir / f"ours-{size}", []
    for q in queries:
        t0 = time.perf_counter()
        search(query_text(q), filters=q["filters"], index_dir=index_dir, facet_limit=10)
        latencies.append(time.perf_counter() - t0)
    return latencies


def facet_values_of(article) -> list[tuple[str, str]]:
    """(facet, value) pairs of an article; `source` is one string, the other facets lists."""
    pairs = []
    for name, attr in FACET_ATTRS.items():
        values = getattr(article, attr)
        pairs += [(name, v) for v in (values if isinstance(values, list) else [values]) if v]
    return pairs


def build_sqlite(articles, workdir: Path, size: int) -> dict:
    """An FTS5 table for the text, dictionary-encoded facets for counting:

        docs(title, body)                  FTS5, porter stemming, detail=full (phrases), stores the text (snippets)
        meta(rowid, id, source, published) the stored fields of a hit
        facet_values(id, facet, value, n)  one row per distinct facet value; ids are contiguous per facet
                                           (facet = index in FACET_ATTRS), n = its count over all articles
        doc_facets(doc, value_id)          WITHOUT ROWID, PRIMARY KEY(doc, value_id), index (value_id, doc)
    """
    import sqlite3
    path = workdir / f"sqlite-{size}.db"
    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;")
    started = time.perf_counter()
    db.executescript("""
        CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61');
        CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, source TEXT, published TEXT);
        CREATE TABLE facet_values(id INTEGER PRIMARY KEY, facet INTEGER, value TEXT, n INTEGER);
        CREATE TABLE doc_facets(doc INTEGER, value_id INTEGER, PRIMARY KEY(doc, value_id)) WITHOUT ROWID;""")
    per_doc = [sorted(set(facet_values_of(a))) for a in articles]
    counts = Counter(pair for pairs in per_doc for pair in pairs)
    facet_number = {name: i for i, name in enumerate(FACET_ATTRS)}
    ids = {pair: i for i, pair in enumerate(sorted(counts, key=lambda p: (facet_number[p[0]], p[1])), 1)}
    db.executemany("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
                   ((rowid, a.title, a.body) for rowid, a in enumerate(articles, 1)))
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")  # one b-tree per term: faster queries
    db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?)",
                   ((rowid, a.id, a.source, str(a.published)) for rowid, a in enumerate(articles, 1)))
    db.executemany("INSERT INTO facet_values VALUES (?, ?, ?, ?)",
                   ((i, facet_number[f], v, counts[f, v]) for (f, v), i in ids.items()))
    db.executemany("INSERT INTO doc_facets VALUES (?, ?)",
                   ((rowid, i) for rowid, pairs in enumerate(per_doc, 1) for i in sorted(ids[p] for p in pairs)))
    db.execute("CREATE INDEX value_docs ON doc_facets(value_id, doc)")
    db.execute("CREATE INDEX facet_top ON facet_values(facet, n)")
    db.commit()
    db.close()
    return {"index_rate_plain": len(articles) / (time.perf_counter() - started), "size_bytes": path.stat().st_size}


class SqliteSearcher:
    """Answers a benchmark query: the text match and each filter's documents go to TEMP tables once,
    intersected smallest first; a facet's counts are one GROUP BY over doc_facets joined with a set."""

    def __init__(self, path: Path):
        import sqlite3
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.executescript("PRAGMA cache_size=-262144; PRAGMA mmap_size=1073741824; PRAGMA temp_store=MEMORY;")
        self.names = list(FACET_ATTRS)
        self.n_docs = self.db.execute("SELECT COUNT(*) FROM meta").fetchone()[0]
        self.facets = {facet: (lo, hi, postings) for facet, lo, hi, postings in  # value ids are contiguous per facet
                       self.db.execute("SELECT facet, MIN(id), MAX(id), SUM(n) FROM facet_values GROUP BY facet")}
        self.tables: set[str] = set()

    def temp(self, name: str, select: str, args=()) -> tuple[str, int]:
        """Fill TEMP table `name` (doc INTEGER PRIMARY KEY) with `select`: (name, row count)."""
        if name not in self.tables:
            self.db.execute(f"CREATE TEMP TABLE {name}(doc INTEGER PRIMARY KEY)")
            self.tables.add(name)
        self.db.execute(f"DELETE FROM {name}")
        return name, self.db.execute(f"INSERT INTO {name} {select}", args).rowcount

    def intersect(self, name: str, sets: list[tuple[str, int]]) -> tuple[str, int] | None:
        """The documents in all `sets` (None: all documents), looked up from the smallest set."""
        if len(sets) <= 1:
            return sets[0] if sets else None
        (first, _), *rest = sorted(sets, key=lambda s: s[1])
        return self.temp(name, f"SELECT doc FROM {first} WHERE " + " AND ".join(f"doc IN {t}" for t, _ in rest))

    def counts(self, docs: tuple[str, int] | None, facet: str) -> list[tuple[str, int]]:
        """The top 10 values of `facet` over the documents `docs` (None: all documents)."""
        number = self.names.index(facet)
        if docs is None:
            return self.db.execute("SELECT value, n FROM facet_values WHERE facet = ? ORDER BY n DESC LIMIT 10",
                                   (number,)).fetchall()
        (table, size), (lo, hi, postings) = docs, self.facets.get(number, (0, -1, 0))
        # Few documents: seek each one's values (~0.45 µs + 0.5 µs a value); else scan the facet's
        # (value_id, doc) index, already grouped by value, probing the set (~0.3 µs a row). Measured at 100k.
        join = (f"{table} CROSS JOIN doc_facets" if 3 * size * (self.n_docs + postings) < 2 * postings * self.n_docs
                else f"doc_facets CROSS JOIN {table}")
        return self.db.execute(
            f"SELECT value, c.n FROM (SELECT value_id, COUNT(*) AS n FROM {join} USING (doc) "
            "WHERE value_id BETWEEN ? AND ? GROUP BY value_id ORDER BY n DESC LIMIT 10) AS c "
            "JOIN facet_values ON id = c.value_id ORDER BY c.n DESC", (lo, hi)).fetchall()

    def search(self, q: dict) -> tuple[list, dict]:
        sets, match = [], None
        if q["terms"]:  # the FTS5 query: quoted terms (a phrase stays one quoted string), ANDed; prefix "x"*
            match = " AND ".join(f'"{t}"' if q["kind"] != "prefix" else f'"{t}"*' for t in q["terms"])
            sets.append(self.temp("m", "SELECT rowid FROM docs WHERE docs MATCH ?", (match,)))
        filters = {}
        for i, (facet, values) in enumerate(q["filters"].items()):
            ids = [r[0] for r in self.db.execute(
                f"SELECT id FROM facet_values WHERE facet = ? AND value IN ({','.join('?' * len(values))})",
                (self.names.index(facet), *values))]
            filters[facet] = self.temp(f"f{i}", f"SELECT DISTINCT doc FROM doc_facets WHERE value_id IN "
                                                f"({','.join('?' * len(ids))})", ids)
        every = self.intersect("s_all", sets + list(filters.values()))
        hits = []
        if match:  # `+rowid`: filter FTS5's rank-ordered rows (a plain rowid IN runs the MATCH once per doc)
            hits = self.db.execute(
                "SELECT meta.id, h.title, h.snippet FROM (SELECT rowid, title, snippet(docs, 1, '<mark>', "
                "'</mark>', '…', 40) AS snippet FROM docs WHERE docs MATCH ?"
                + (f" AND +rowid IN {every[0]}" if filters else "") + " ORDER BY rank LIMIT 10) AS h "
                "JOIN meta ON meta.rowid = h.rowid", (match,)).fetchall()
        facets = {}
        for facet in self.names:  # disjunctive: a facet's own filter does not apply to its counts
            docs = every if facet not in filters else self.intersect(
                f"s_{facet}", sets + [s for f, s in filters.items() if f != facet])
            facets[facet] = self.counts(docs, facet)
        return hits, facets


def query_sqlite(queries, workdir: Path, size: int) -> list[float]:
    searcher, latencies = SqliteSearcher(workdir / f"sqlite-{size}.db"), []
    for q in queries:
        t0 = time.perf_counter()
        searcher.search(q)
        latencies.append(time.perf_counter() - t0)
    return latencies


def tantivy_schema():
    import tantivy
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    for name in FACET_ATTRS:
        builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    return builder.build()


def build_tantivy(articles, workdir: Path, size: int) -> dict:
    import tantivy
    path = workdir / f"tantivy-{size}"
    path.mkdir()
    ix = tantivy.Index(tantivy_schema(), path=str(path))
    started = time.perf_counter()
    writer = ix.writer(heap_size=500_000_000, num_threads=2)
    for a in articles:
        doc = tantivy.Document(title=a.title, body=a.body)
        for name, attr in FACET_ATTRS.items():
            values = getattr(a, attr)
            for v in values if isinstance(values, list) else [values]:
                doc.add_text(name, v)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    return {"index_rate_plain": len(articles) / (time.perf_counter() - started),
            "size_bytes": sum(f.stat().st_size for f in path.iterdir() if f.is_file())}


def query_tantivy(queries, workdir: Path, size: int) -> list[float]:
    import tantivy
    schema = tantivy_schema()
    ix = tantivy.Index.open(str(workdir / f"tantivy-{size}"))
    ix.reload()
    searcher, latencies = ix.searcher(), []
    for q in queries:
        t0 = time.perf_counter()
        if q["terms"]:
            text_query = ix.parse_query(query_text(q).replace('" "', '" AND "').replace(" ", " AND ")
                                        if q["kind"] == "two" else query_text(q), ["title", "body"])
        else:
            text_query = tantivy.Query.all_query()
        filter_queries = {f: tantivy.Query.boolean_query([(tantivy.Occur.Should, tantivy.Query.term_query(schema, f, v))
                                                          for v in vs]) for f, vs in q["filters"].items()}

        def combined(skip=None):
            return tantivy.Query.boolean_query([(tantivy.Occur.Must, text_query)] + [
                (tantivy.Occur.Must, fq) for f, fq in filter_queries.items() if f != skip])
        hits = searcher.search(combined(), 10).hits
        if q["terms"]:
            generator = tantivy.SnippetGenerator.create(searcher, text_query, schema, "body")
            for _score, address in hits:
                generator.snippet_from_doc(searcher.doc(address)).to_html()
        for name in FACET_ATTRS:
            searcher.aggregate(combined(skip=name), {"v": {"terms": {"field": name, "size": 10}}})
        latencies.append(time.perf_counter() - t0)
    return latencies


BUILD = {"ours": build_ours, "sqlite": build_sqlite, "tantivy": build_tantivy}
QUERY = {"ours": query_ours, "sqlite": query_sqlite, "tantivy": query_tantivy}
INDEX_PATH = {"ours": "ours-{size}", "sqlite": "sqlite-{size}.db", "tantivy": "tantivy-{size}"}
FIRST_QUERY = {  # a fresh interpreter: import, open the index, answer one query with all facet counts
    "ours": "from search import search; search('oil', index_dir={path!r})",
    "sqlite": "import sqlite3; sqlite3.connect({path!r}).execute(\"SELECT value_id, COUNT(*) FROM doc_facets "
              "WHERE doc IN (SELECT rowid FROM docs WHERE docs MATCH 'oil') GROUP BY value_id\").fetchall()",
    "tantivy": "import tantivy; ix = tantivy.Index.open({path!r}); s = ix.searcher(); "
               "s.search(ix.parse_query('oil', ['title', 'body']), 10)",
}


# ---------------------------------------------------------------- orchestration

def run_one(system: str, size: int, phase: str, workdir: Path) -> None:
    """One phase of one system, in its own process: "build" (indexing rates) or "query" (latencies)."""
    if phase == "build":
        articles, _ = enriched_corpus(size, workdir)
        result = BUILD[system](articles, workdir, size)
    else:
        queries = json.loads((workdir / f"queries-{size}.json").read_text("utf-8"))
        result = {"latencies": QUERY[system](queries, workdir, size), "kinds": [q["kind"] for q in queries]}
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    from the parent into a forked-and-exec'd child, so it would report the parent's size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def subprocess_json(args: list[str], workdir: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, *args, "--workdir", str(workdir)], capture_output=True,
                         text=True, cwd=ROOT)
    if out.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def first_query_seconds(system: str, path: Path) -> float:
    """Wall time of a fresh `python -c` that imports, opens the index and answers one query."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", FIRST_QUERY[system].format(path=str(path))], check=True, cwd=ROOT)
    return time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=SYSTEMS)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/news-search-bench"))
    parser.add_argument("--smoke", action="store_true", help="300 articles, 40 queries, fresh indexes")
    parser.add_argument("--run", nargs=3, metavar=("SYSTEM", "SIZE", "PHASE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.queries = [300], 36
        args.workdir = args.workdir / "smoke"
        if args.workdir.exists():
            import shutil
            shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.run:
        run_one(args.run[0], int(args.run[1]), args.run[2], args.workdir)
        return
    systems = [s for s in args.systems if s != "tantivy" or importlib.util.find_spec("tantivy")]
    if "tantivy" in args.systems and "tantivy" not in systems:
        print("tantivy is not installed (pip install tantivy): left out\n")
    print("| articles | system | index art/s (enriched, 2 cores) | index art/s (write only) | size MB | "
          "peak MB build | peak MB serving | fresh process + first query s | p50 ms | p95 ms | max ms | "
          "p50 empty query ms | p50 vs SQLite |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        articles, enrich_rate = enriched_corpus(size, args.workdir)  # the shared cache, outside timed runs
        (args.workdir / f"queries-{size}.json").write_text(json.dumps(make_queries(articles, args.queries)), "utf-8")
        del articles
        rows = {}
        for system in systems:
            path = args.workdir / INDEX_PATH[system].format(size=size)
            built = subprocess_json(["--run", system, str(size), "build"], args.workdir) if not path.exists() else {}
            served = subprocess_json(["--run", system, str(size), "query"], args.workdir)
            rows[system] = {**built, **served, "peak_build": built.get("peak_rss_mb"),
                            "peak_serve": served["peak_rss_mb"], "first_query_s": first_query_seconds(system, path),
                            "size_bytes": sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
                            if path.is_dir() else path.stat().st_size}
        for system, r in rows.items():
            lat = [x * 1000 for x in r["latencies"]]
            empty = [x for x, k in zip(lat, r["kinds"]) if k == "empty"]
            ratio = percentile(lat, 50) / percentile([x * 1000 for x in rows["sqlite"]["latencies"]], 50) \
                if "sqlite" in rows else float("nan")
            fmt = lambda v: f"{v:,.0f}" if v else "—"  # noqa: E731
            print(f"| {size:,} | {system} | {fmt(r.get('index_rate'))} | {fmt(r.get('index_rate_plain'))} | "
                  f"{r['size_bytes'] / 1e6:.0f} | {fmt(r['peak_build'])} | {r['peak_serve']:.0f} | "
                  f"{r['first_query_s']:.2f} | {percentile(lat, 50):.1f} | {percentile(lat, 95):.1f} | "
                  f"{max(lat):.1f} | {percentile(empty, 50):.1f} | {ratio:.2f} |")
        print(f"\nenrichment alone, 2 processes: {enrich_rate:,.0f} articles/s ({size:,} articles, "
              f"{args.queries} queries; a row with — for indexing reused an index built earlier)\n")


if __name__ == "__main__":
    main()
