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
import json
import pickle
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from corpora import ROOT, reuters_article, reuters_records

from search.article import Article
from search.schema import FACETS

FACET_ATTRS = {name: facet.attr for name, facet in FACETS.items()}
SYSTEMS = ("ours", "sqlite", "tantivy")


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
    from search.pipeline import parallel_map
    raw = scaled_corpus(size)
    started = time.perf_counter()
    articles = list(parallel_map(enrich, raw, workers=2))
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

def run_ours(articles, queries, workdir: Path, size: int) -> dict:
    from search import build_index, search
    from search.schema import to_document
    from whoosh import index as whoosh_index

    index_dir, jsonl = workdir / f"ours-{size}", workdir / f"corpus-{size}.jsonl"
    result: dict = {}
    if not index_dir.exists():
        jsonl.write_text("".join(json.dumps({"id": a.id, "title": a.title, "text": a.body, "source": a.source,
                                             "date": a.published.isoformat() if a.published else None}) + "\n"
                                 for a in articles), "utf-8")
        started = time.perf_counter()
        build_index([jsonl], index_dir, workers=2)
        result["index_rate"] = len(articles) / (time.perf_counter() - started)
        plain_dir = workdir / f"ours-plain-{size}"  # writing pre-enriched articles: Whoosh alone
        plain_dir.mkdir()
        ix = whoosh_index.create_in(str(plain_dir), whoosh_index.open_dir(str(index_dir)).schema)
        started = time.perf_counter()
        writer = ix.writer(limitmb=512)
        for a in articles:
            writer.add_document(**to_document(a, a.content_hash()))
        writer.commit()
        result["index_rate_plain"] = len(articles) / (time.perf_counter() - started)
    started = time.perf_counter()
    latencies = []
    for q in queries:
        text = " ".join(f'"{t}"' if q["kind"] == "phrase" else (t + "*" if q["kind"] == "prefix" else t)
                        for t in q["terms"])
        t0 = time.perf_counter()
        search(text, filters=q["filters"], index_dir=index_dir, facet_limit=10)
        latencies.append(time.perf_counter() - t0)
        result.setdefault("first_query_s", time.perf_counter() - started)
    result["latencies"] = latencies
    result["size_bytes"] = sum(f.stat().st_size for f in index_dir.iterdir())
    return result


def run_sqlite(articles, queries, workdir: Path, size: int) -> dict:
    import sqlite3
    path, result = workdir / f"sqlite-{size}.db", {}
    if not path.exists():
        db = sqlite3.connect(path)
        started = time.perf_counter()
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
        db.execute("CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, source TEXT, published TEXT)")
        db.execute("CREATE TABLE facets(doc INTEGER, facet TEXT, value TEXT)")
        for rowid, a in enumerate(articles, 1):
            db.execute("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", (rowid, a.title, a.body))
            db.execute("INSERT INTO meta VALUES (?, ?, ?, ?)", (rowid, a.id, a.source, str(a.published)))
            db.executemany("INSERT INTO facets VALUES (?, ?, ?)",
                           [(rowid, name, v) for name, attr in FACET_ATTRS.items()
                            for v in (getattr(a, attr) if isinstance(getattr(a, attr), list) else [getattr(a, attr)])])
        db.execute("CREATE INDEX facet_value ON facets(facet, value, doc)")
        db.execute("CREATE INDEX facet_doc ON facets(doc, facet)")
        db.commit()
        result["index_rate_plain"] = len(articles) / (time.perf_counter() - started)
        db.close()
    db = sqlite3.connect(path)
    started, latencies = time.perf_counter(), []
    for q in queries:
        t0 = time.perf_counter()
        if q["terms"]:
            match = " AND ".join(f'"{t}"' if q["kind"] != "prefix" else f'"{t}"*' for t in q["terms"])
            base = "SELECT rowid FROM docs WHERE docs MATCH ?"
            args = [match]
        else:
            base, args = "SELECT rowid FROM meta", []
        filters = [("doc IN (SELECT doc FROM facets WHERE facet = ? AND value IN (%s))" % ",".join("?" * len(vs)),
                    [f, *vs], f) for f, vs in q["filters"].items()]
        where = " AND ".join(c for c, _, _ in filters)
        if q["terms"]:
            hits_sql = ("SELECT rowid, snippet(docs, 1, '<mark>', '</mark>', '…', 40) FROM docs WHERE docs MATCH ?"
                        + "".join(f" AND rowid IN (SELECT doc FROM facets WHERE facet = ? AND value IN ({','.join('?' * len(vs))}))"
                                  for f, vs in q["filters"].items()) + " ORDER BY rank LIMIT 10")
            db.execute(hits_sql, [match, *[x for _, a, _ in filters for x in a]]).fetchall()
        for name in FACET_ATTRS:
            others = [(c, a) for c, a, f in filters if f != name]
            sql = (f"SELECT value, COUNT(*) FROM facets WHERE facet = ? AND doc IN ({base})"
                   + "".join(f" AND {c}" for c, _ in others) + " GROUP BY value ORDER BY 2 DESC LIMIT 10")
            db.execute(sql, [name, *args, *[x for _, a in others for x in a]]).fetchall()
        latencies.append(time.perf_counter() - t0)
        result.setdefault("first_query_s", time.perf_counter() - started)
    result["latencies"] = latencies
    result["size_bytes"] = path.stat().st_size
    return result


def run_tantivy(articles, queries, workdir: Path, size: int) -> dict:
    import tantivy
    path, result = workdir / f"tantivy-{size}", {}
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    for name in FACET_ATTRS:
        builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    schema = builder.build()
    if not path.exists():
        path.mkdir()
        ix = tantivy.Index(schema, path=str(path))
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
        result["index_rate_plain"] = len(articles) / (time.perf_counter() - started)
    ix = tantivy.Index.open(str(path))
    ix.reload()
    searcher = ix.searcher()
    started, latencies = time.perf_counter(), []
    for q in queries:
        t0 = time.perf_counter()
        if q["terms"]:
            text = " AND ".join(f'"{t}"' if q["kind"] == "phrase" else (f"{t}*" if q["kind"] == "prefix" else t)
                                for t in q["terms"])
            text_query = ix.parse_query(text, ["title", "body"])
        else:
            text_query = tantivy.Query.all_query()
        filter_queries = {f: tantivy.Query.boolean_query([(tantivy.Occur.Should, tantivy.Query.term_query(schema, f, v))
                                                          for v in vs]) for f, vs in q["filters"].items()}

        def combined(skip=None):
            parts = [(tantivy.Occur.Must, text_query)] + [(tantivy.Occur.Must, fq) for f, fq in filter_queries.items()
                                                           if f != skip]
            return tantivy.Query.boolean_query(parts)
        hits = searcher.search(combined(), 10).hits
        if q["terms"]:
            generator = tantivy.SnippetGenerator.create(searcher, text_query, schema, "body")
            for _score, address in hits:
                generator.snippet_from_doc(searcher.doc(address)).to_html()
        for name in FACET_ATTRS:
            searcher.aggregate(combined(skip=name), {"v": {"terms": {"field": name, "size": 10}}})
        latencies.append(time.perf_counter() - t0)
        result.setdefault("first_query_s", time.perf_counter() - started)
    result["latencies"] = latencies
    result["size_bytes"] = sum(f.stat().st_size for f in path.iterdir() if f.is_file())
    return result


# ---------------------------------------------------------------- orchestration

def run_one(system: str, size: int, count: int, workdir: Path) -> None:
    articles, enrich_rate = enriched_corpus(size, workdir)
    queries = make_queries(articles, count)
    result = {"ours": run_ours, "sqlite": run_sqlite, "tantivy": run_tantivy}[system](articles, queries, workdir, size)
    result["enrich_rate"] = enrich_rate
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["kinds"] = [q["kind"] for q in queries]
    print(json.dumps(result))


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
    parser.add_argument("--run", nargs=2, metavar=("SYSTEM", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.queries = [300], 36
        args.workdir = args.workdir / "smoke"
        if args.workdir.exists():
            import shutil
            shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.run:
        run_one(args.run[0], int(args.run[1]), args.queries, args.workdir)
        return
    print("| articles | system | index art/s (enriched) | index art/s (write only) | size MB | peak MB | "
          "first query s | p50 ms | p95 ms | max ms | p50 empty ms | p50 vs SQLite |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        enriched_corpus(size, args.workdir)  # build the shared cache once, outside the timed runs
        rows = {}
        for system in args.systems:
            if system == "tantivy":
                try:
                    import tantivy  # noqa: F401
                except ImportError:
                    print(f"| {size:,} | tantivy | not installed (pip install tantivy) |")
                    continue
            out = subprocess.run([sys.executable, __file__, "--run", system, str(size), "--queries", str(args.queries),
                                  "--workdir", str(args.workdir)], capture_output=True, text=True, cwd=ROOT)
            if out.returncode:
                sys.exit(f"{system} failed:\n{out.stderr}")
            rows[system] = json.loads(out.stdout.strip().splitlines()[-1])
        for system, r in rows.items():
            lat = [x * 1000 for x in r["latencies"]]
            empty = [x for x, k in zip(lat, r["kinds"]) if k == "empty"]
            ratio = percentile(lat, 50) / percentile([x * 1000 for x in rows["sqlite"]["latencies"]], 50) \
                if "sqlite" in rows else float("nan")
            enriched = r.get("index_rate")
            fmt = lambda v: f"{v:,.0f}" if v else "(reused)"
            print(f"| {size:,} | {system} | {fmt(enriched) if system == 'ours' else '—'} | "
                  f"{fmt(r.get('index_rate_plain'))} | {r['size_bytes'] / 1e6:.0f} | {r['peak_rss_mb']:.0f} | "
                  f"{r['first_query_s']:.2f} | {percentile(lat, 50):.1f} | {percentile(lat, 95):.1f} | {max(lat):.1f} | "
                  f"{percentile(empty, 50):.1f} | {ratio:.2f} |")
        print(f"\nenrichment alone, 2 processes: {rows[next(iter(rows))]['enrich_rate']:,.0f} articles/s "
              f"({size:,} articles, {args.queries} queries)\n")


if __name__ == "__main__":
    main()
