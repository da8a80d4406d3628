"""Searching a cluster: `search()` p50/p95 with one client and queries/s with 8 concurrent clients,
on a local index and on clusters of 1, 2, 4 … shards holding the same articles.

    python benchmarks/bench_cluster.py --size 20000 --shards 1 2 4 --keep   # loads them, keeps them running
    python benchmarks/bench_cluster_query.py --local /tmp/news-search-bench-cluster/local-20000 \\
        --url sphinx://127.0.0.1:19400/news --url sphinx://127.0.0.1:19402/news …

Each target answers the same queries through the public `search()` (top 10 with snippets, every
facet's counts, the date histogram), as the page asks: words, two words, a phrase, a prefix, no
query, each with 0, 1 or 3 facet filters, the values taken from the local index's top values.
One client runs them in turn (`--rounds` times, after one warm-up round); then `--clients`
threads run them at once for `--seconds`.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import corpora  # noqa: F401  (puts the checkout on sys.path)

from search import search

WORDS = ["oil", "trade", "bank", "prices", "company", "shares", "government", "profit", "dollar", "wheat"]
PHRASES = ['"interest rates"', '"trade deficit"', '"oil prices"']
PREFIXES = ["export*", "bank*", "comp*"]


def make_queries(local: str) -> list[dict[str, Any]]:
    """Queries and filters, deterministic, with filter values from the local index's top values."""
    top = search("", index_dir=local, facet_limit=5, collapse=False).facets
    values = {name: [v.value for v in top[name]] for name in ("country", "organisation", "people") if top[name]}
    texts = WORDS[:4] + [f"{WORDS[4]} {WORDS[5]}", f"{WORDS[6]} {WORDS[7]}"] + PHRASES + PREFIXES + [""]
    queries = []
    for number, text in enumerate(texts):
        for filters_count in (0, 1, 3):
            chosen = list(values)[:filters_count]
            queries.append({"query": text, "filters": {f: [values[f][number % len(values[f])]] for f in chosen}})
    return queries


def one_client(target: str, queries: list[dict[str, Any]], rounds: int) -> list[float]:
    """Milliseconds of each search, one at a time (a warm-up round first, not counted)."""
    times = []
    for round_number in range(rounds + 1):
        for q in queries:
            started = time.perf_counter()
            search(q["query"], q["filters"], index_dir=target, collapse=False)
            if round_number:
                times.append((time.perf_counter() - started) * 1000)
    return times


def concurrent(target: str, queries: list[dict[str, Any]], clients: int, seconds: float) -> tuple[float, list[float]]:
    """Searches per second with `clients` threads searching at once for `seconds`, and their times."""
    times: list[float] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(offset: int) -> None:
        number = offset
        while time.perf_counter() < stop:
            q = queries[number % len(queries)]
            started = time.perf_counter()
            search(q["query"], q["filters"], index_dir=target, collapse=False)
            with lock:
                times.append((time.perf_counter() - started) * 1000)
            number += 1

    threads = [threading.Thread(target=client, args=(i * 7,)) for i in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(times) / (time.perf_counter() - began), times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--local", type=Path, required=True, help="a local index of the same articles")
    parser.add_argument("--url", action="append", default=[], help="a cluster URL (repeat for several)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    queries = make_queries(str(args.local))
    rows = []
    for target in [str(args.local), *args.url]:
        alone = one_client(target, queries, args.rounds)
        rate, together = concurrent(target, queries, args.clients, args.seconds)
        articles = search("", index_dir=target, per_page=1, collapse=False).total
        rows.append((target, articles, statistics.median(alone), percentile(alone, 95), rate,
                     statistics.median(together), percentile(together, 95)))
    print(f"\n{len(queries)} queries (words, phrases, prefixes, none; 0, 1 or 3 filters), top 10 + all facets\n")
    print(f"| target | articles | 1 client p50 ms | p95 ms | {args.clients} clients: searches/s | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|---|")
    for target, articles, p50, p95, rate, c50, c95 in rows:
        print(f"| {target} | {articles:,} | {p50:.1f} | {p95:.1f} | {rate:.1f} | {c50:.0f} | {c95:.0f} |")


if __name__ == "__main__":
    main()
