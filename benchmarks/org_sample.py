"""Organisations judged outside the gold set (issue 11, second pass): draw, print, score.

    python benchmarks/org_sample.py draw kremlin 40       # ids, organisations found, and the texts
    python benchmarks/org_sample.py draw wikinews 30 --no-text
    python benchmarks/org_sample.py score                 # precision/recall against the judgements

The gold parts are small (12 Kremlin/Zelenskyy releases per part), and tuning on them overfits. This
script draws articles of the three corpora that are in NEITHER gold part (fixed seed, so the draw is
not chosen by how well the extractor does) and prints what `find_organisations` gives, with the
text, for a reader to judge each value by the labelling rules of `gold/README.md` (a real
organisation, named whole, under its canonical name) and to list the organisations it missed.

The judgements are kept in `gold/org_judgements.jsonl`, one line per judged article:
`{"corpus", "id", "organisations": [the organisations the text names, canonical names],
"before": [what the extractor gave when the article was judged]}`. `score` compares the current
output with them (names through `canonical_organisation`, as `eval_facets.py` does), and also
prints the score of `before`, so a change can be read as before/after on the same articles.
Lines with `"blind": BATCH` were labelled from the text alone, without the extractor's output
(the releases of `theme_sample.py --print-blind BATCH`); `before` is then the output at the start
of that work. They are scored apart.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import KREMLIN, UN_DEBATE, gold_keys, jsonl_records, wikinews  # noqa: E402

from search.ingest.enrich.organisations import canonical_organisation, find_organisations  # noqa: E402
from search.ingest.readers import article_from_record  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
JUDGEMENTS = GOLD / "org_judgements.jsonl"
SEED = 211
# Each drawn release or news article is read whole by a person, so long ones are left out; UN
# statements are all long and are only checked for changes, so they are drawn at any length.
MAX_WORDS = {"kremlin": 900, "wikinews": 900, "un": 100_000}



def texts(corpus: str) -> dict[str, str]:
    """Article text (title + body, as the enrichment sees it) by key, for one corpus."""
    if corpus == "wikinews":
        return {a.url: a.text for a in wikinews()}
    path = KREMLIN if corpus == "kremlin" else UN_DEBATE
    fields = ("id", "title", "body")
    return {r["id"]: article_from_record({k: r[k] for k in fields}, f"{corpus}:{r['id']}").text
            for r in jsonl_records(path)}


def draw(corpus: str, count: int) -> list[tuple[str, str]]:
    """`count` articles of `corpus` outside the gold sets, of at most MAX_WORDS[corpus] words, by a fixed seed."""
    gold = gold_keys()
    pool = sorted((k, t) for k, t in texts(corpus).items() if k not in gold and len(t.split()) <= MAX_WORDS[corpus])
    return random.Random(f"{SEED}:{corpus}").sample(pool, count)


def _norm(name: str, text: str) -> str:
    value = unicodedata.normalize("NFKC", canonical_organisation(name, text)).replace("’", "'")
    return " ".join(value.split()).casefold()


def score() -> None:
    """Precision and recall of `before` and of the current output against the judgements, per corpus."""
    lines = [json.loads(x) for x in JUDGEMENTS.read_text("utf-8").splitlines() if x.strip()]
    by_corpus: dict[tuple[str, int], list[dict]] = {}
    for line in lines:
        by_corpus.setdefault((line["corpus"], line.get("blind", 0)), []).append(line)
    print(f"{'corpus':10} {'blind':>5} {'n':>3}  {'before P':>8} {'R':>5} {'F1':>5}   {'now P':>6} {'R':>5} {'F1':>5}")
    for (corpus, blind), judged in sorted(by_corpus.items()):
        all_texts = texts(corpus)
        tallies = {"before": [0, 0, 0], "now": [0, 0, 0]}  # hits, predicted, expected
        for line in judged:
            text = all_texts[line["id"]]
            expected = {_norm(o, text) for o in line["organisations"]}
            for which, found in (("before", line["before"]), ("now", find_organisations(text))):
                predicted = {_norm(o, text) for o in found}
                tally = tallies[which]
                tally[0] += len(predicted & expected)
                tally[1] += len(predicted)
                tally[2] += len(expected)
        cells = []
        for hits, predicted, expected in tallies.values():
            p, r = hits / max(predicted, 1), hits / max(expected, 1)
            cells.append(f"{p:8.2f} {r:5.2f} {2 * p * r / max(p + r, 1e-9):5.2f}")
        print(f"{corpus:10} {blind or '-':>5} {len(judged):3}  {cells[0]}   {cells[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    drawing = sub.add_parser("draw", help="draw articles and print their organisations")
    drawing.add_argument("corpus", choices=["kremlin", "wikinews", "un"])
    drawing.add_argument("count", type=int)
    drawing.add_argument("--no-text", action="store_true", help="print the organisations only")
    drawing.add_argument("--json", action="store_true", help="one JSON line per article (for the judgements)")
    sub.add_parser("score", help="before/after precision and recall against gold/org_judgements.jsonl")
    args = parser.parse_args()
    if args.command == "score":
        score()
        return
    for key, text in draw(args.corpus, args.count):
        found = find_organisations(text)
        if args.json:
            print(json.dumps({"corpus": args.corpus, "id": key, "before": found}, ensure_ascii=False))
            continue
        print(f"=== {key}\nORGS: {found}")
        if not args.no_text:
            print(text, "\n")


if __name__ == "__main__":
    main()
