"""Enrichment: same output as another checkout, and its CPU cost per article.

A change made for speed must not change a single facet value. `dump` enriches every article of
Wikinews, the UN General Debate, the Kremlin/Zelenskyy releases and the first Reuters-21578
articles with the code of the checkout it is run from, as the indexing workers do
(`enrich_batch`, in batches of 2,500), and writes what enrichment gives (facets, theme
evidence, date) as JSON lines; two dumps, one made in a second worktree at the base commit
(`git worktree add ../base <commit>`), must be byte-identical (`compare`).

`speed` measures CPU time (`time.process_time`, not wall-clock: the machine is shared), the
best of several rounds after a warm-up round, per extraction step and in total, article by
article (`enrich`) and as the indexing workers enrich (`enrich_batch`, "batch"). Run it in both
checkouts alternately, in the same minutes, to compare.

    python benchmarks/enrich_check.py dump /tmp/new.jsonl      # and in ../base: /tmp/base.jsonl
    python benchmarks/enrich_check.py compare /tmp/base.jsonl /tmp/new.jsonl
    python benchmarks/enrich_check.py speed --corpus reuters --rounds 3

`index` goes one step further for changes to the writing side: it indexes the same articles
(Wikinews, UN, Kremlin and the first 2,000 Reuters by default) as one segment with the worker's own
writer (`write_articles`) and writes a digest of every file of the index, with the segment's
random id masked: Whoosh's terms, postings, stored fields and columns, and our postings, facet
and story arrays. Writing is deterministic, so two checkouts that index alike give identical
dumps (`compare` them as above; a differing line names the file).

    python benchmarks/enrich_check.py index /tmp/new-index.txt --reuters 2000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from corpora import KREMLIN, UN_DEBATE, jsonl_records, reuters_article, reuters_records, wikinews

from search.ingest.enrich import EXTRACTORS, enrich, enrich_batch
from search.ingest.enrich.metadata import find_date
from search.ingest.readers import article_from_record
from search.model import Article


def corpus(name: str, reuters_limit: int) -> list[Article]:
    """One shared corpus's articles, read as the product reads them."""
    if name == "wikinews":
        return wikinews()
    if name == "un":
        return [article_from_record({k: v for k, v in r.items() if not k.startswith("gold_")}, f"un:{r['id']}")
                for r in jsonl_records(UN_DEBATE)]
    if name == "kremlin":
        return [article_from_record(r, f"kremlin:{r['id']}") for r in jsonl_records(KREMLIN)]
    return [reuters_article(r) for r in reuters_records(reuters_limit)]


BATCH = 2_500  # an indexing worker's chunk at the default round of 5,000 articles on 2 workers


def enriched_in_batches(articles: list[Article]) -> Iterator[tuple[Article, Article]]:
    """Each article with its enriched copy, enriched as the indexing workers do (`enrich_batch`)."""
    for start in range(0, len(articles), BATCH):
        batch = articles[start : start + BATCH]
        yield from zip(batch, enrich_batch(batch), strict=True)


def enriched_lines(reuters_limit: int) -> Iterator[str]:
    """Every article's enrichment as one JSON line: corpus, id, facets, theme evidence, date."""
    for name in ("wikinews", "un", "kremlin", "reuters"):
        for article, found in enriched_in_batches(corpus(name, reuters_limit)):
            yield json.dumps([name, article.id, found.facets, found.theme_evidence,
                              found.published.isoformat() if found.published else None], ensure_ascii=False)


def dump(path: Path, reuters_limit: int, lines: Callable[[int], Iterator[str]] = enriched_lines) -> None:
    started, count = time.process_time(), 0
    with path.open("w", encoding="utf-8") as out:
        for line in lines(reuters_limit):
            out.write(line + "\n")
            count += 1
    print(f"{count} lines in {time.process_time() - started:.1f} s CPU -> {path}")


def index_digests(reuters_limit: int) -> Iterator[str]:
    """One line per file of an index of every corpus's enriched articles, written as one segment:
    its name (segment id masked) and a digest of its content (of each array's dtype, shape and
    data for NumPy files, whose headers may differ between NumPy versions)."""
    import numpy as np
    from whoosh import index as whoosh_index

    from search.index.schema import make_schema
    from search.index.writers import Writer, commit_segments, write_articles

    articles = [enriched for name in ("wikinews", "un", "kremlin", "reuters")
                for _, enriched in enriched_in_batches(corpus(name, reuters_limit))]
    with tempfile.TemporaryDirectory() as folder:
        ix = whoosh_index.create_in(folder, make_schema())
        segment = write_articles(folder, ((a, a.content_hash()) for a in articles))
        commit_segments(Writer(ix), [segment])
        for path in sorted(Path(folder).rglob("*")):
            if path.is_dir() or path.suffix == ".toc" or path.name.endswith("WRITELOCK"):
                continue  # the table of contents names the random segment id; the lock is empty
            if path.suffix in (".npy", ".npz"):
                loaded = np.load(path, allow_pickle=False)
                arrays = dict(loaded) if path.suffix == ".npz" else {"": loaded}
                digest = hashlib.sha1()
                for key, array in sorted(arrays.items()):
                    digest.update(f"{key}:{array.dtype}:{array.shape}".encode() + array.tobytes())
            else:
                digest = hashlib.sha1(path.read_bytes())
            yield f"{path.relative_to(folder).as_posix().replace(segment.segment_id(), 'SEGMENT')} {digest.hexdigest()}"
        yield f"{len(articles)} articles"


def compare(base: Path, new: Path) -> int:
    """0 when both dumps are identical; else the number of differing articles (the first few shown)."""
    old_lines, new_lines = base.read_text("utf-8").splitlines(), new.read_text("utf-8").splitlines()
    if len(old_lines) != len(new_lines):
        print(f"different numbers of articles: {len(old_lines)} vs {len(new_lines)}")
        return max(1, abs(len(old_lines) - len(new_lines)))
    differing = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    for a, b in differing[:5]:
        print("base:", a[:300], "\nnew: ", b[:300])
    print(f"{len(old_lines)} lines (articles or index files), {len(differing)} differ")
    return len(differing)


def speed(name: str, rounds: int, reuters_limit: int) -> None:
    """CPU ms per article of each extraction step alone and of `enrich`, best of `rounds`."""
    articles = corpus(name, reuters_limit)
    steps: dict[str, Callable[[Article], object]] = {
        **{step: EXTRACTORS[step] for step in ("language", "people", "places", "organisations", "themes")},
        "date": lambda a: find_date(a.text), "enrich": enrich}
    for article in articles:  # warm-up: models and tables loaded, memos filled
        enrich(article)
    best = dict.fromkeys(steps, float("inf"))
    for _ in range(rounds):
        for step, run in steps.items():
            started = time.process_time()
            for article in articles:
                run(article)
            best[step] = min(best[step], time.process_time() - started)
        started = time.process_time()
        for _ in enriched_in_batches(articles):
            pass
        best["batch"] = min(best.get("batch", float("inf")), time.process_time() - started)
    per_article = {step: seconds / len(articles) * 1000 for step, seconds in best.items()}
    print(f"{name}, {len(articles)} articles, CPU ms/article: "
          + " ".join(f"{step} {ms:.3f}" for step, ms in per_article.items())
          + f"; enrichment {1000 / per_article['enrich']:.0f} articles/s, in batches of {BATCH:,} "
          + f"{1000 / per_article['batch']:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("path", type=Path)
    comparing = commands.add_parser("compare")
    comparing.add_argument("base", type=Path)
    comparing.add_argument("new", type=Path)
    indexing = commands.add_parser("index")
    indexing.add_argument("path", type=Path)
    timing = commands.add_parser("speed")
    timing.add_argument("--corpus", choices=("reuters", "wikinews", "un", "kremlin"), default="reuters")
    timing.add_argument("--rounds", type=int, default=3)
    for command, default in ((dumping, 5000), (timing, 5000), (indexing, 2000)):
        command.add_argument("--reuters", type=int, default=default, help=f"Reuters articles (default {default})")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.path, args.reuters)
    elif args.command == "index":
        dump(args.path, args.reuters, index_digests)
    elif args.command == "compare":
        sys.exit(1 if compare(args.base, args.new) else 0)
    else:
        speed(args.corpus, args.rounds, args.reuters)


if __name__ == "__main__":
    main()
