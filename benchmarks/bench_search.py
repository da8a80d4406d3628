"""Search and indexing speed: our `search()` vs SQLite FTS5 vs tantivy, same articles, same queries.

    python benchmarks/bench_search.py                  # 20k and 100k Reuters-based articles (~15 min fresh)
    python benchmarks/bench_search.py --sizes 20000    # one size
    python benchmarks/bench_search.py --smoke          # 300 articles, 40 queries: keeps the script working (CI)

Every system indexes the same enriched articles and answers the same queries, doing the same
work: the top 10 hits with a highlighted snippet plus disjunctive counts for every facet.
The systems are in `systems.py`; each runs in its own process (so peak memory is its own);
`tantivy` (PyPI) is optional. The corpus: Reuters-21578 articles with a body (~19k); beyond
that, a deterministic scale-up makes new articles from halves of two originals (see
`scaled_corpus`), with dates shifted by whole years. Indexes and the enriched corpus are kept in
--workdir for reuse: delete a system's index there to measure its indexing again.
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
from itertools import pairwise
from pathlib import Path

from corpora import ROOT, reuters_article, reuters_records
from systems import BUILD, FACET_ATTRS, FIRST_QUERY, INDEX_PATH, QUERY

from search.model import Article

SYSTEMS = ("ours", "sqlite", "tantivy")


# ---------------------------------------------------------------- corpus and queries

def scaled_corpus(size: int) -> list[Article]:
    """`size` distinct articles: the Reuters originals, then recombined copies (round k = 1, 2, …).

    Copy k of original i joins the first half of i's paragraphs (rounded up) and the second half
    of those of original (i * 7 + k * 13) % n, so copies are as long as originals on average;
    it keeps i's title with " (k)" added, gets the id "<id>-k<k>" and a date k years later.
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
            body = "\n    ".join(mine[:-(-len(mine) // 2)] + theirs[len(theirs) // 2:])
            articles.append(replace(base, id=f"{base.id}-k{k}", body=body, title=f"{base.title} ({k})",
                                    published=base.published + timedelta(days=365 * k) if base.published else None))
        k += 1
    return articles


def enriched_corpus(size: int, workdir: Path) -> tuple[list[Article], float]:
    """The corpus enriched with our pipeline (cached), and the enrichment rate on 2 processes."""
    cache = workdir / f"enriched-{size}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from search.ingest.enrich import enrich
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
        bigrams.update(pairwise(words))
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
            empty = [x for x, k in zip(lat, r["kinds"], strict=True) if k == "empty"]
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
