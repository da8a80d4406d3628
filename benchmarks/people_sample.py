"""People and speakers judged outside the gold set (issue 11, second pass): draw, print, score.

    python benchmarks/people_sample.py draw wikinews 16        # keys and texts, NO extractor output
    python benchmarks/people_sample.py draw un 12 --seed 313 --cues --max-words 2000   # third round
    python benchmarks/people_sample.py draw wikinews 30 --round4  # round 4: new seed, kinds, look4/heldout4
    python benchmarks/people_sample.py draw wikinews 30 --round5p  # round 5, people: seed 5311, look5p/heldout5p
    python benchmarks/people_sample.py draw wikinews 30 --round6   # round 6: random articles, seed 6311, look6/heldout6
    python benchmarks/people_sample.py draw un 12 --round6s    # round 6, speakers: random, seed 6312, look6s/heldout6s
    python benchmarks/people_sample.py draw wikinews 30 --round7   # round 7: random articles, seed 7311, look7/heldout7
    python benchmarks/people_sample.py draw un 15 --round7s    # round 7, speakers: random, seed 7312, look7s/heldout7s
    python benchmarks/people_sample.py draw un 9 --round7u     # round 7, UN speakers again: seed 7414, look7u/heldout7u
    python benchmarks/people_sample.py draw reuters 24 --round8r  # round 8: random Reuters, seed 8311, look8r/heldout8r
    python benchmarks/people_sample.py draw un 12 --round8s    # round 8, speakers (also reuters): seed 8312, look8s/…
    python benchmarks/people_sample.py draw un 12 --round9s    # round 9, speakers (also reuters): seed 9312, look9s/…
    python benchmarks/people_sample.py draw reuters 16 --round9p  # round 9: random Reuters/Kremlin/UN, look9p/heldout9p
    python benchmarks/people_sample.py draw reuters 24 --round10n  # round 10, newswire speech: seed 10315, look10n/…
    python benchmarks/people_sample.py draw un 18 --round10u   # round 10, UN speakers: seed 10312, look10u/heldout10u
    python benchmarks/people_sample.py draw reuters 20 --round10p  # round 10: Reuters/Kremlin/UN, look10p/heldout10p
    python benchmarks/people_sample.py draw un 18 --round11u   # round 11, UN speakers: seed 11312, look11u/heldout11u
    python benchmarks/people_sample.py draw reuters 24 --round11p  # round 11: Reuters/Wikinews/Kremlin, look11p/…
    python benchmarks/people_sample.py draw un 18 --round12u   # round 12, UN speakers: seed 12312, look12u/heldout12u
    python benchmarks/people_sample.py draw reuters 24 --round12p  # round 12: Reuters/Kremlin/UN, look12p/heldout12p
    python benchmarks/people_sample.py draw un 18 --round13u   # round 13, UN speakers: seed 13312, look13u/heldout13u
    python benchmarks/people_sample.py draw wikinews 6 --round13p  # round 13: Wikinews/Reuters, look13p/heldout13p
    python benchmarks/people_sample.py score                   # P/R of `before` and now, per part
    python benchmarks/people_sample.py score --errors [PART]   # ... and the errors of the readable parts (or PART)

The gold DEV parts are tuned already, so their errors no longer show what fails on unseen text. This
script draws articles of Wikinews, Reuters-21578 and the UN General Debate that are in no gold file
(fixed seed, so the draw is not chosen by how well the extractor does) and prints only their texts:
a reader labels people and speakers by the rules of `gold/README.md` before seeing any output.
UN statements are long, so on them only the speakers are labelled (`people` is null); the reader
also gets the speaker of record as the `speaker` field, as `eval_facets.py` passes it.

The labels are kept in `gold/people_judgements.jsonl`, one line per article: `{"corpus", "id", "part": "look" |
"heldout" | "look3" | "heldout3" | "look4" | "heldout4" | "look5" | "heldout5" | "look5p" | "heldout5p" | "look5f" |
"look6" | "heldout6" | "look6s" | "heldout6s" | "look7" | "heldout7" | "look7s" | "heldout7s" | "look7u" | "heldout7u" |
"look8s" | "heldout8s" | "look9p" | "heldout9p" | "look10n" | "heldout10n" |
"look10u" | "heldout10u" | "look11u" | "heldout11u", "people": [...] | null, "speakers": [...],
"before": {"people", "speakers"}}`. Errors of a "look…" part may be read and fixed; a "heldout…" part is only
scored, so a fix can be checked on articles nobody tuned on. Round 3 draws with a seed of its own (313), skips the
articles of the first round's parts, and names its parts
"look3"/"heldout3"; `--cues` keeps only texts with a cue of quoted or reported speech near a name ("in the words of",
"as X put it", "X reminded us", a quotation mark after a capitalised name), where speakers other than the one of
record are likely. Round 4 (`--round4`, seed 4311) draws Wikinews articles of the kinds where look-alikes of names
abound, also skipping only the first round's articles, and names its parts "look4"/"heldout4". Round 5 (seed 5311) had
two draws made at the same time, each skipping every article judged before round 5: `--round5` draws texts where a
post speaks in place of a name ("the Secretary-General noted", "the president said") as "look5"/"heldout5";
`--round5p` draws Wikinews articles of entertainment, culture, games, film, sport and obituaries (by words of the
title or the lead) and Reuters articles as "look5p"/"heldout5p" ("look5f": two convention reports chosen for their
density of fiction words, see gold/README.md). Round 6 retired "heldout4" and "heldout5p" to tuning (their errors are
printed with the look parts' now, see RETIRED) and drew 30 RANDOM Wikinews articles (`--round6`, seed 6311,
"look6"/"heldout6"). The speakers draw of round 6 (`--round6s`, seed 6312, made at the same time) retired "heldout3" and
"heldout5" and drew RANDOM UN statements of at most 2,500 words and Wikinews articles as "look6s"/"heldout6s". Round 7
retired the first round's "heldout" (see RETIRED) and drew the RANDOM Wikinews articles left (`--round7`, seed 7311,
"look7"/"heldout7"; 24 of the 34 left, 10 left for the speakers draw made at the same time).
Its speakers draw (`--round7s`, seed 7312) is made the same way, skipping round 6's articles too, as
"look7s"/"heldout7s". A second UN speakers draw of round 7 (`--round7u`, seed 7414) skips those too, as
"look7u"/"heldout7u".
Round 8 retired "heldout6" and "heldout6s" (see RETIRED) and drew RANDOM Reuters-21578 articles of 120 to 900 words
(`--round8r`, seed 8311, "look8r"/"heldout8r").
Its speakers draw (`--round8s`, seed 8312) takes random UN
statements of at most 2,500 words and Reuters-21578 articles of 120 to 900 words, skipping every article judged
before round 8, as "look8s"/"heldout8s".
Round 9 retired "heldout7", "heldout7s" and "heldout7u" (see RETIRED). Its people draw (`--round9p`, seed 9311,
"look9p"/"heldout9p") takes RANDOM Reuters-21578 articles (120 to 900 words), Kremlin/Zelenskyy releases and UN
statements (80 to 2,500 words; people and speakers labelled on all three); its speakers draw (`--round9s`, seed
9312) is made like round 8's, skipping every article judged before round 9, as "look9s"/"heldout9s".
Round 10's newswire speakers draw (`--round10n`, seed 10315, "look10n"/"heldout10n") takes RANDOM Reuters-21578
articles of 120 to 900 words that hold a quotation mark or a verb of saying (" said", " told"), skipping every article
judged before round 10.
Round 10's UN speakers draw (`--round10u`, seed 10312) takes random UN statements (80 to 2,500 words) the same way,
skipping every article judged before round 10, as "look10u"/"heldout10u".
Round 10's people draw (`--round10p`, seed 10311, "look10p"/"heldout10p") is made like round 9's (UN and Kremlin: at
most 2,500 words), skipping every article judged or labelled before round 10.
Round 11's UN speakers draw (`--round11u`, seed 11312, "look11u"/"heldout11u") is made like round 10's, skipping
every article judged before round 11.
Round 11's people draw (`--round11p`, seed 11311, "look11p"/"heldout11p") is made the same way, skipping every article
judged or labelled before round 11: 24 Reuters articles, the 4 Wikinews articles left (80 to 900 words) and 3 Kremlin
releases.
Round 12's people draw (`--round12p`, seed 12311, "look12p"/"heldout12p") is made the same way, skipping every article
judged or labelled before round 12: 24 Reuters articles and 3 Kremlin releases.
Round 12's UN speakers draw (`--round12u`, seed 12312, "look12u"/"heldout12u") is made like round 11's, skipping
every article judged before round 12.
Round 13 retired round 11's held-out parts ("heldout11p", "heldout11u"; see RETIRED). Its people draw (`--round13p`,
seed 13311, "look13p"/"heldout13p") is made the same way, skipping every article judged or labelled before round 13
(the 6 Wikinews articles left of up to 2,000 words, and Reuters articles); its UN speakers draw (`--round13u`, seed
13312, "look13u"/"heldout13u") is made like round 12's.
`score` prints precision/recall per part and facet for `before` (the output when the article was labelled) and now.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from people_draws import (  # noqa: E402
    JUDGEMENTS,
    SEED,
    articles,
    draw,
    draw_people_round,
    draw_random_speakers,
    draw_round4,
    draw_round5,
    draw_round5_people,
    draw_round6,
    draw_round7,
    draw_round8r,
)

from search.ingest.enrich import enrich  # noqa: E402
from search.model import Article  # noqa: E402

# Held-out parts the lead retired to tuning (round 6; round 7: the first round's "heldout"; round 8: "heldout6" and
# "heldout6s"; round 9: "heldout7", "heldout7s", "heldout7u"; round 10: "heldout8r", "heldout8s"; round 11:
# "heldout9p", "heldout9s"; round 12: "heldout10p", "heldout10u"; round 13: "heldout11p", "heldout11u"): their
# errors may now be read like a look part's.
RETIRED = frozenset({"heldout", "heldout3", "heldout4", "heldout5", "heldout5p", "heldout6", "heldout6s",
                     "heldout7", "heldout7s", "heldout7u", "heldout8r", "heldout8s", "heldout9p", "heldout9s",
                     "heldout10p", "heldout10u", "heldout11p", "heldout11u"})


def readable(part: str) -> bool:
    """Whether a part's errors may be read: a look part, or a held-out part retired to tuning."""
    return part.startswith("look") or part in RETIRED


def _norm(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).replace("’", "'").split()).casefold()


def _cells(hits: int, predicted: int, expected: int) -> str:
    p, r = hits / max(predicted, 1), hits / max(expected, 1)
    return f"{p:5.2f} {r:5.2f} {2 * p * r / max(p + r, 1e-9):5.2f}"


def score(show_errors: str | None) -> None:
    """Precision/recall of `before` and now, per part and facet; with `show_errors` ("look" or a part's name),
    the errors of every readable part or of that part (which must be readable)."""
    if show_errors not in (None, "look") and not readable(show_errors):
        raise SystemExit(f"part {show_errors!r} is held out: its errors are not read")
    lines = [json.loads(x) for x in JUDGEMENTS.read_text("utf-8").splitlines() if x.strip()]
    loaded: dict[str, dict[str, Article]] = {}
    tallies: dict[tuple[str, str, str, str], list[int]] = {}
    for line in lines:
        corpus = line["corpus"]
        if corpus not in loaded:
            loaded[corpus] = articles(corpus)
        now = enrich(loaded[corpus][line["id"]])
        for facet in ("people", "speakers"):
            if line[facet] is None:
                continue
            expected = {_norm(v) for v in line[facet]}
            for which, found in (("before", line["before"][facet]), ("now", getattr(now, facet))):
                predicted = {_norm(v) for v in found}
                for key in ((line["part"], corpus, facet, which), (line["part"], "all", facet, which)):
                    tally = tallies.setdefault(key, [0, 0, 0])
                    tally[0] += len(predicted & expected)
                    tally[1] += len(predicted)
                    tally[2] += len(expected)
                if (show_errors and which == "now" and predicted != expected and readable(line["part"])
                        and show_errors in ("look", line["part"])):
                    print(f"{line['part']} {corpus} {line['id']} {facet}: extra {sorted(predicted - expected)} "
                          f"missed {sorted(expected - predicted)}")
    print(f"{'part':8} {'corpus':9} {'facet':9}  {'before P':>8} {'R':>5} {'F1':>5}   {'now P':>5} {'R':>5} {'F1':>5}")
    for part, corpus, facet, which in sorted(tallies):
        if which == "before":
            print(f"{part:8} {corpus:9} {facet:9}  {_cells(*tallies[part, corpus, facet, 'before']):>20}   "
                  f"{_cells(*tallies[part, corpus, facet, 'now'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    drawing = sub.add_parser("draw", help="draw articles and print their texts (no extractor output)")
    drawing.add_argument("corpus", choices=["wikinews", "reuters", "un", "kremlin"])
    drawing.add_argument("count", type=int)
    drawing.add_argument("--seed", type=int, default=SEED, help="another seed draws a new sample (skips judged ones)")
    drawing.add_argument("--cues", action="store_true", help="only texts with a cue of quoted or reported speech")
    drawing.add_argument("--max-words", type=int, default=None, help="longest text drawn (default per corpus)")
    drawing.add_argument("--round4", action="store_true", help="the fourth round's draw (new seed, kinds, parts)")
    drawing.add_argument("--round5", action="store_true", help="the fifth round's draw (a post speaking)")
    drawing.add_argument("--round5p", action="store_true", help="the fifth round's people draw (kinds of fiction)")
    drawing.add_argument("--round6", action="store_true", help="the sixth round's people draw (random articles)")
    drawing.add_argument("--round6s", action="store_true", help="the sixth round's speakers draw (random articles)")
    drawing.add_argument("--round7", action="store_true", help="the seventh round's people draw (random articles)")
    drawing.add_argument("--round7s", action="store_true", help="the seventh round's speakers draw (random articles)")
    drawing.add_argument("--round7u", action="store_true", help="round 7's second UN speakers draw (random)")
    drawing.add_argument("--round8r", action="store_true", help="round 8's people draw (random Reuters articles)")
    drawing.add_argument("--round8s", action="store_true", help="round 8's speakers draw (random UN and Reuters)")
    drawing.add_argument("--round9s", action="store_true", help="round 9's speakers draw (random UN and Reuters)")
    drawing.add_argument("--round9p", action="store_true", help="round 9's people draw (Reuters, Kremlin, UN)")
    drawing.add_argument("--round10n", action="store_true", help="round 10's newswire speakers draw (Reuters)")
    drawing.add_argument("--round10u", action="store_true", help="round 10's UN speakers draw (random UN)")
    drawing.add_argument("--round10p", action="store_true", help="round 10's people draw (Reuters, Kremlin, UN)")
    drawing.add_argument("--round11u", action="store_true", help="round 11's UN speakers draw (random UN)")
    drawing.add_argument("--round11p", action="store_true", help="round 11's people draw (Reuters, Kremlin, UN)")
    drawing.add_argument("--round12u", action="store_true", help="round 12's UN speakers draw (random UN)")
    drawing.add_argument("--round12p", action="store_true", help="round 12's people draw (Reuters, Kremlin, UN)")
    drawing.add_argument("--round13u", action="store_true", help="round 13's UN speakers draw (random UN)")
    drawing.add_argument("--round13p", action="store_true", help="round 13's people draw (Wikinews, Reuters, Kremlin)")
    drawing.add_argument("--before", action="store_true",
                         help="one JSON line per article with the current output (after labelling)")
    scoring = sub.add_parser("score", help="before/now precision and recall against gold/people_judgements.jsonl")
    scoring.add_argument("--errors", nargs="?", const="look", default=None, metavar="PART",
                         help="differences of every readable part, or of PART (a look or retired part)")
    args = parser.parse_args()
    if args.command == "score":
        score(args.errors)
        return
    drawn = (draw_round4(args.corpus, args.count) if args.round4
             else draw_round5(args.corpus, args.count, args.max_words) if args.round5
             else draw_round5_people(args.corpus, args.count) if args.round5p
             else draw_round6(args.corpus, args.count) if args.round6
             else draw_random_speakers(args.corpus, args.count) if args.round6s
             else draw_random_speakers(args.corpus, args.count, "7") if args.round7s
             else draw_random_speakers(args.corpus, args.count, "7u") if args.round7u
             else draw_random_speakers(args.corpus, args.count, "8s") if args.round8s
             else draw_random_speakers(args.corpus, args.count, "9s") if args.round9s
             else draw_random_speakers(args.corpus, args.count, "10n") if args.round10n
             else draw_random_speakers(args.corpus, args.count, "10u") if args.round10u
             else draw_random_speakers(args.corpus, args.count, "11u") if args.round11u
             else draw_random_speakers(args.corpus, args.count, "12u") if args.round12u
             else draw_random_speakers(args.corpus, args.count, "13u") if args.round13u
             else draw_round7(args.corpus, args.count) if args.round7
             else draw_round8r(args.corpus, args.count) if args.round8r
             else draw_people_round(args.corpus, args.count, 9) if args.round9p
             else draw_people_round(args.corpus, args.count, 10) if args.round10p
             else draw_people_round(args.corpus, args.count, 11) if args.round11p
             else draw_people_round(args.corpus, args.count, 12) if args.round12p
             else draw_people_round(args.corpus, args.count, 13) if args.round13p
             else [(k, "", a) for k, a in draw(args.corpus, args.count, args.seed, args.cues, args.max_words)])
    for key, part, article in drawn:
        if args.before:
            found = enrich(article)
            print(json.dumps({"corpus": args.corpus, "id": key, **({"part": part} if part else {}),
                              "before": {"people": found.people, "speakers": found.speakers}}, ensure_ascii=False))
            continue
        print(f"=== {key} {part} (speaker field: {article.speakers if args.corpus == 'un' else '-'})\n{article.text}\n")


if __name__ == "__main__":
    main()
