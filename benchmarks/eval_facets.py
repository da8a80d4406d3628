"""Facet extraction quality and speed, measured against gold labels.

    python benchmarks/eval_facets.py            # print the tables
    python benchmarks/eval_facets.py --limit 2000   # fewer Reuters articles (faster)

1. Wikinews gold set (benchmarks/gold/wikinews_gold.jsonl, labels by hand, rules in
   benchmarks/gold/README.md): precision, recall and F1 per facet, micro-averaged over articles.
2. Reuters-21578 countries vs the `places` labels (slugs mapped to our canonical names; places
   that are not countries are left out): recall and precision against all labels, and recall over
   the labelled countries that are named in the text (by a gazetteer name, not by inference).
3. Enrichment throughput on Reuters articles, one process (one core).
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from corpora import ROOT, reuters_article, reuters_records, wikinews

from search.ingest.enrich import enrich
from search.ingest.enrich.places import canonical_country

GOLD = ROOT / "benchmarks" / "gold" / "wikinews_gold.jsonl"
FACET_FIELDS = {  # gold field -> Article attribute
    "speakers": "speakers", "people": "people", "countries": "countries", "regions": "regions",
    "organisations": "organisations", "themes": "themes", "source": "source", "date": "published",
}


@dataclass
class Score:
    """Micro-averaged counts for one facet."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[str], gold: set[str]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def norm(value: object) -> str:
    """Compare names loosely: Unicode-normalised, curly apostrophes straightened, case-folded."""
    text = unicodedata.normalize("NFKC", str(value)).replace("’", "'")
    return " ".join(text.split()).casefold()


def as_set(value: object) -> set[str]:
    if value is None or value == "":
        return set()
    items = value if isinstance(value, (list, tuple, set)) else [value]
    return {norm(v) for v in items if str(v).strip()}


def evaluate_gold(show_errors: bool) -> tuple[dict[str, Score], int]:
    gold = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    articles = {a.url: a for a in wikinews()}
    scores = {name: Score() for name in FACET_FIELDS}
    for label in gold:
        article = enrich(articles[label["url"]])
        for name, attr in FACET_FIELDS.items():
            if name not in label or not hasattr(article, attr):
                continue
            predicted = getattr(article, attr)
            predicted = predicted.isoformat() if name == "date" and predicted else predicted
            p, g = as_set(predicted), as_set(label[name])
            scores[name].add(p, g)
            if show_errors == name or (show_errors is True and p != g):
                print(f"[{name}] {label['title'][:60]}\n   missing: {sorted(g - p)}\n   extra:   {sorted(p - g)}")
    return scores, len(gold)


def reuters_gold(places: Iterable[str]) -> set[str]:
    """Reuters place slugs that are countries, as our canonical names."""
    names = set()
    for slug in places:
        name = canonical_country(slug.replace("-", " ")) or canonical_country(slug)
        if name:
            names.add(name)
    return names


def named_in(text: str, country: str) -> bool:
    """Whether `country` is named in `text` by its canonical name or a gazetteer spelling."""
    from search.ingest.enrich.places import country_names  # every spelling the gazetteer knows for a country
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in country_names(country))


def evaluate_reuters(limit: int | None) -> dict[str, float]:
    overall, named_gold, named_found, seconds, articles = Score(), Score(), Score(), 0.0, 0
    for record in reuters_records(limit):
        article = reuters_article(record)
        gold = reuters_gold(record.get("places", []))
        started = time.perf_counter()
        predicted = set(enrich(article).countries)
        seconds += time.perf_counter() - started
        articles += 1
        overall.add(predicted, gold)
        named_gold.add(predicted, {c for c in gold if named_in(article.text, c)})
        named_found.add({c for c in predicted if named_in(article.text, c)}, gold)
    return {"articles": articles, "recall": overall.recall, "precision": overall.precision,
            "named_recall": named_gold.recall, "named_precision": named_found.precision,
            "rate": articles / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="Reuters articles to use (default: all with a body)")
    parser.add_argument("--errors", nargs="?", const=True, default=False,
                        help="print per-article differences (optionally for one facet only)")
    args = parser.parse_args()

    scores, count = evaluate_gold(args.errors)
    print(f"\nWikinews gold set: {count} articles (micro-averaged)\n")
    print("| facet | precision | recall | F1 |\n|---|---|---|---|")
    for name, s in scores.items():
        if s.tp + s.fp + s.fn:
            print(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")

    r = evaluate_reuters(args.limit)
    print(f"\nReuters-21578 countries vs `places`: {r['articles']} articles\n")
    print("| measure | value |\n|---|---|")
    print(f"| recall, all labelled countries | {r['recall']:.3f} |")
    print(f"| precision, all labelled countries | {r['precision']:.3f} |")
    print(f"| recall, labelled countries named in the text | {r['named_recall']:.3f} |")
    print(f"| precision, extracted countries named in the text | {r['named_precision']:.3f} |")
    print(f"| enrichment throughput, one core | {r['rate']:.0f} articles/s |")


if __name__ == "__main__":
    main()
