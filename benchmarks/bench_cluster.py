"""Loading a cluster: articles per second into 1 and 2 local Sphinx shards, against a local index.

    python benchmarks/bench_cluster.py                          # 100k articles, 1 and 2 shards (~10 min)
    python benchmarks/bench_cluster.py --size 20000 --shards 1 2 4
    python benchmarks/bench_cluster.py --smoke                  # 300 articles: keeps the script working

The input is the same scaled Reuters corpus as benchmarks/bench_search.py (`scaled_corpus`),
written once as a JSON Lines file, so every run reads, enriches and loads it end to end with the
same pipeline and workers (`build_cluster_index`, what `build_index(paths, "sphinx://…")` runs, vs
`build_index(paths, folder)`).
For each shard count a fresh local cluster is started (`python -m search cluster start`); the
table gives the first load's rate, a second load's (every article skipped by its content hash),
and each searchd's memory and the cluster's disk after loading. `--keep` leaves the clusters
running in --workdir (their URLs are printed) for the query benchmark to use.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

import corpora  # noqa: F401  (puts the checkout on sys.path)
from bench_search import scaled_corpus

from search import build_index
from search.cluster import process
from search.cluster.load import build_cluster_index


def write_input(size: int, workdir: Path) -> Path:
    """The scaled corpus as JSON Lines (made once per size)."""
    path = workdir / f"input-{size}" / "articles.jsonl"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as out:
        for article in scaled_corpus(size):
            out.write(json.dumps({"id": article.id, "title": article.title, "text": article.body,
                                  "date": article.published.isoformat() if article.published else None,
                                  "source": article.source, "url": article.url}, ensure_ascii=False) + "\n")
    partial.rename(path)
    return path


def rss_mb(pid: int | None) -> float:
    """Resident memory of a process in MB (0 when it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, TypeError):
        return 0.0
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")) / 1024


def disk_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def timed(load, *args, **kwargs) -> tuple[float, object]:
    """Seconds `load(*args, **kwargs)` took, and what it returned."""
    started = time.perf_counter()
    report = load(*args, **kwargs)
    return time.perf_counter() - started, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--shards", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workers", type=int, default=2, help="enrichment processes (default: 2, the cores here)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/news-search-bench-cluster"))
    parser.add_argument("--no-local", action="store_true", help="leave out the local index's load")
    parser.add_argument("--keep", action="store_true", help="leave the clusters running (URLs printed)")
    parser.add_argument("--smoke", action="store_true", help="300 articles, 1 shard: keeps the script working")
    args = parser.parse_args()
    if args.smoke:
        args.size, args.shards = 300, [1]
    args.workdir.mkdir(parents=True, exist_ok=True)
    source = write_input(args.size, args.workdir)
    rows = []
    if not args.no_local:
        folder = args.workdir / f"local-{args.size}"
        shutil.rmtree(folder, ignore_errors=True)
        seconds, report = timed(build_index, [source], folder, workers=args.workers)
        again, _ = timed(build_index, [source], folder, workers=args.workers)
        rows.append(("local index", report.added, seconds, again, "", disk_mb(folder)))
    for shards in args.shards:
        folder = args.workdir / f"cluster-{args.size}-{shards}"
        if folder.exists():
            process.stop(folder)
            shutil.rmtree(folder)
        cluster = process.start(folder, shards=shards, port=process.free_ports("127.0.0.1", 2 * shards, 19_400))
        try:
            seconds, report = timed(build_cluster_index, [source], cluster.url, workers=args.workers)
            again, _ = timed(build_cluster_index, [source], cluster.url, workers=args.workers)
            memory = " + ".join(f"{rss_mb(s.pid):.0f}" for s in process.status(folder))
            rows.append((f"{shards} shard{'s' * (shards > 1)}", report.added, seconds, again, memory, disk_mb(folder)))
        finally:
            if args.keep:
                print(f"kept running: {cluster.url} (stop: python -m search cluster stop --dir {folder})")
            else:
                process.stop(folder)
    print(f"\n{args.size:,} scaled Reuters articles, read + enriched + loaded with {args.workers} workers\n")
    print("| target | articles | load s | articles/s | reload s (all skipped) | searchd RSS MB | disk MB |")
    print("|---|---|---|---|---|---|---|")
    for target, added, seconds, again, memory, disk in rows:
        print(f"| {target} | {added:,} | {seconds:.1f} | {added / seconds:,.0f} | {again:.1f} | {memory} "
              f"| {disk:.0f} |")


if __name__ == "__main__":
    main()
