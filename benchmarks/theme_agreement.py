"""Agreement between two independent labellings of themes: the ceiling an extractor can reach.

Theme F1 on the TEST parts stalled below its target through several rounds of rules. This script
measures how well two careful readers applying the same rules (benchmarks/gold/README.md) agree on
the same texts: a second labelling, done from the text alone without the first one's labels or any
extractor output, of articles whose themes are already labelled (the DEV parts of the UN and
Kremlin/Zelenskyy gold sets, and blind batch 6 of `gold/theme_labels.jsonl`; never a TEST part).

    python benchmarks/theme_agreement.py print    # the texts to relabel (title + body, no labels)
    python benchmarks/theme_agreement.py score    # gold/theme_relabels.jsonl against the originals

`score` counts the original labelling as "gold" and the second as "prediction": micro precision,
recall and F1 per corpus and overall (swap P and R for the other direction, F1 is symmetric),
per-theme agreement, and every disagreement listed for reading.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from corpora import split_of
from eval_facets import GOLD_DIR, Score
from theme_sample import LABELS, _corpus

RELABELS = GOLD_DIR / "theme_relabels.jsonl"
GOLD_FILES = {"un": GOLD_DIR / "un_gold.jsonl", "kremlin": GOLD_DIR / "kremlin_gold.jsonl"}
BATCH = 6  # the blind batch relabelled: typical lengths, labelled before its round's tuning
CORPUS_NAMES = {"un": "UN General Debate", "kremlin": "Kremlin/Zelenskyy"}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def originals() -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(corpus, id) → (where the first labelling is, its themes) for every article to relabel.
    Only the DEV part of a gold file is taken: TEST labels must stay unread."""
    found: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for corpus, path in GOLD_FILES.items():
        for label in _lines(path):
            if label["split"] == "dev" and split_of(label["id"]) == "dev":
                found[corpus, label["id"]] = ("gold dev", label["themes"])
    for label in _lines(LABELS):
        if label["batch"] == BATCH:
            found[label["corpus"], label["id"]] = (f"batch {BATCH}", label["themes"])
    return found


def print_texts() -> None:
    """Key, title and body of every article to relabel; neither its labels nor any output."""
    first = originals()
    keys = sorted(first, key=lambda k: (k[0] != "un", first[k][0], k[1]))
    by_corpus = {name: _corpus(name) for name in GOLD_FILES}
    for number, (corpus, key) in enumerate(keys, 1):
        article = by_corpus[corpus][key]
        print(f"\n=== {number}. {corpus} | {key} | {article.title} | {len(article.text.split())} words")
        print(article.body)


def score() -> None:
    """The relabelling against the originals: P/R/F1 per corpus and overall, per theme, disagreements."""
    first = originals()
    second = {(r["corpus"], r["id"]): r["themes"] for r in _lines(RELABELS)}
    totals: dict[str, Score] = {name: Score() for name in [*GOLD_FILES, "overall"]}
    parts: dict[str, Score] = {}
    themes: dict[str, Counter[str]] = {}
    disagreements = []
    for (corpus, key), (part, gold) in sorted(first.items()):
        if (corpus, key) not in second:
            print(f"not relabelled: {corpus} {key}")
            continue
        predicted, labelled = set(second[corpus, key]), set(gold)
        for name in (corpus, "overall"):
            totals[name].add(predicted, labelled)
        parts.setdefault(f"{corpus}, {part}", Score()).add(predicted, labelled)
        for theme in predicted | labelled:
            verdict = "both" if theme in predicted & labelled else "first only" if theme in labelled else "second only"
            themes.setdefault(theme, Counter())[verdict] += 1
            if verdict != "both":
                disagreements.append(f"{corpus:8} {key:28} {part:9} {verdict:12} {theme}")
    print("first labelling = gold, second = prediction (the other way round, swap precision and recall)\n")
    print(f"{'part':24} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>6} {'F1':>5}")
    for name, s in [*((CORPUS_NAMES.get(n, n), s) for n, s in totals.items()), *sorted(parts.items())]:
        print(f"{name:24} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:9.2f} {s.recall:6.2f} {s.f1:5.2f}")
    print(f"\n{'theme':36} {'both':>4} {'first only':>10} {'second only':>11}")
    for theme, counts in sorted(themes.items()):
        print(f"{theme:36} {counts['both']:4} {counts['first only']:10} {counts['second only']:11}")
    print(f"\n{len(disagreements)} disagreements:")
    print("\n".join(disagreements))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("print", "score"))
    args = parser.parse_args()
    if args.command == "print":
        print_texts()
    else:
        score()


if __name__ == "__main__":
    main()
