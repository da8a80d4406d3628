"""Draw and print a random sample of articles outside the gold sets for judging theme assignments.

The gold DEV parts are too small to tune themes on without overfitting, so theme rules are also
judged on articles no gold file holds: a fixed-seed random draw per corpus, skipping every gold key.
`--print` shows each article's opening, its themes with their evidence, and for every theme with
topical cues the sentences that hold them (so a reader can tell a paragraph about a theme from a
passing mention, and spot a theme the article lacks). The reader's verdicts are kept in
`gold/theme_judgements.jsonl`: one line per (corpus, id, theme) with `about` true (the article is
about the theme: an assignment is accepted, or its absence is a miss) or false (an assignment is
rejected). Without `--print`, the script tabulates the current themes against those verdicts;
assignments nobody has judged yet are listed so they can be judged and added.

    python benchmarks/theme_sample.py --print --corpus un      # read and judge
    python benchmarks/theme_sample.py                           # the table, every corpus
    python benchmarks/theme_sample.py --taxonomy old.toml       # the table for another taxonomy (before/after)

The verdicts above were given on the extractor's output. `gold/theme_labels.jsonl` holds full theme
labels (gold rules, rule 41 included) of short UN statements and Kremlin/Zelenskyy releases, of the
gold sets' lengths, labelled blind from the text alone in batches (`--print-blind BATCH` prints a
batch's texts without any output); `--labels` scores the themes against them (precision, recall, F1
per corpus and batch). They are neither DEV nor TEST: a batch labelled after a change was made is
a fair check of that change.

    python benchmarks/theme_sample.py --labels                  # themes vs the blind labels
    python benchmarks/theme_sample.py --print-blind 3            # a new batch to label
    python benchmarks/theme_sample.py --per-theme --errors       # per theme, look parts only
    python benchmarks/theme_sample.py --round9g print           # round 9: general-news assignments to judge
    python benchmarks/theme_sample.py --round10g score          # round 10's (likewise): the judged ones scored

A third of batches 10 and 11 is held out (`"heldout": true`, marked when the batch was printed, before it was
labelled): `--labels` scores it apart, `--per-theme` never shows it. Batch 5 (held out whole) and batch 7's
held-out third were the fair checks of rounds 4-6; the themes7 round retired them to tuning (look parts), and
round 9 retired batch 8's and batch 9's held-out thirds, the fair checks of rounds 7-8, the same way.
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

from theme_draws import (
    BLIND_WORDS,
    GENERAL_ROUNDS,
    HELD_OUT_EVERY,
    JUDGEMENTS,
    LABELS,
    _corpus,
    _general_articles,
    draw,
    draw_blind,
    draw_general,
)

from search.ingest.enrich.text import terms
from search.ingest.enrich.theme_text import sentence_starts
from search.ingest.enrich.themes import _matches, default_taxonomy, load_taxonomy, theme_evidence


def print_general(this_round: int, themes_of: Callable[[str], dict[str, list[str]]]) -> None:
    """The round's general-news assignments to judge: each article's opening, the theme with its evidence and cue
    sentences."""
    for number, (name, key, article, theme) in enumerate(draw_general(this_round, themes_of), 1):
        part = f"heldout{this_round}g" if number % 3 == 0 else f"look{this_round}g"
        print(f"\n=== {number}. {name} {key} | {part} | {article.title} | {len(terms(article.text))} words")
        print(textwrap.fill(" ".join(article.body[:700].split()), 110, initial_indent="  ", subsequent_indent="  "))
        print(f"  + {theme}: {', '.join(themes_of(article.text)[theme])}")
        for sentence, cues in _cue_sentences(article.text).get(theme, [])[:8]:
            print(f"      [{', '.join(cues)}] {sentence[:200]}")


def score_general(this_round: int, themes_of: Callable[[str], dict[str, list[str]]] = theme_evidence) -> None:
    """Per part: the judged general-news assignments of the round the themes still make (accepted kept, rejected
    kept)."""
    parts = (f"look{this_round}g", f"heldout{this_round}g")
    lines = [json.loads(line) for line in JUDGEMENTS.read_text("utf-8").splitlines() if line.strip()]
    lines = [line for line in lines if line.get("part") in parts]
    texts = {key: article.text for name in sorted({line["corpus"] for line in lines})
             for key, article in _general_articles(name).items()}
    for part in parts:
        mine = [line for line in lines if line["part"] == part]
        now = {(line["id"]): set(themes_of(texts[line["id"]])) for line in mine}
        accepted = [line for line in mine if line["verdict"] == "accepted"]
        rejected = [line for line in mine if line["verdict"] == "rejected"]
        kept_a = sum(line["theme"] in now[line["id"]] for line in accepted)
        kept_r = sum(line["theme"] in now[line["id"]] for line in rejected)
        print(f"{part}: judged {len(mine)}, accepted {len(accepted)} (kept {kept_a}), rejected {len(rejected)} "
              f"(kept {kept_r}); acceptance before {len(accepted)}/{len(mine)}, now {kept_a}/{kept_a + kept_r}")


def score_labels(themes_of: Callable[[str], dict[str, list[str]]] = theme_evidence) -> None:
    """Themes against the blind labels: precision, recall and F1 per corpus and batch (a batch's
    held-out part, `"heldout": true`, on a line of its own)."""
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    print(f"{'corpus':10} {'batch':>8} {'n':>3} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>6} {'F1':>5}")
    for name in ("un", "kremlin"):
        articles = _corpus(name)
        parts = sorted({(label["batch"], bool(label.get("heldout"))) for label in labels if label["corpus"] == name})
        for batch, held in parts:
            tp = fp = fn = n = 0
            for label in labels:
                if label["corpus"] == name and (label["batch"], bool(label.get("heldout"))) == (batch, held):
                    assigned, gold = set(themes_of(articles[label["id"]].text)), set(label["themes"])
                    tp, fp, fn = tp + len(assigned & gold), fp + len(assigned - gold), fn + len(gold - assigned)
                    n += 1
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            f1 = 2 * p * r / max(p + r, 1e-9)
            part = f"{batch}{' held' if held else ''}"
            print(f"{name:10} {part:>8} {n:3} {tp:4} {fp:4} {fn:4} {p:9.2f} {r:6.2f} {f1:5.2f}")


HELD_BATCHES: set[int] = set()  # whole batches kept out of tuning (batch 5 was, until the themes7 round)
# Batches whose held-out part has been retired to tuning (its errors may be read).
RETIRED_HELDOUT = {7, 8, 9, 10, 11, 12, 13}


def look_labels() -> list[dict]:
    """The label lines that may be read and tuned on: no held batch, no held-out part."""
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    return [label for label in labels if label["batch"] not in HELD_BATCHES
            and (not label.get("heldout") or label["batch"] in RETIRED_HELDOUT)]


def per_theme(themes_of: Callable[[str], dict[str, list[str]]] = theme_evidence, errors: bool = False) -> None:
    """Per corpus and theme over the look parts: assigned and right (tp), assigned but not what the
    text is about (fp), about but missed (fn); with `errors`, the articles behind fp and fn."""
    for name in ("un", "kremlin"):
        articles = _corpus(name)
        counts: dict[str, list[int]] = {}
        wrong: list[str] = []
        for label in look_labels():
            if label["corpus"] != name:
                continue
            assigned, gold = set(themes_of(articles[label["id"]].text)), set(label["themes"])
            for theme in assigned | gold:
                row = counts.setdefault(theme, [0, 0, 0])
                row[0 if theme in assigned & gold else 1 if theme in assigned else 2] += 1
            if errors and assigned != gold:
                wrong.append(f"  {label['id']} (batch {label['batch']}): extra {sorted(assigned - gold)}"
                             f" missed {sorted(gold - assigned)}")
        print(f"== {name} (look parts)\n{'theme':36} {'tp':>3} {'fp':>3} {'fn':>3} {'precision':>9} {'recall':>6}")
        for theme, (tp, fp, fn) in sorted(counts.items(), key=lambda item: -sum(item[1])):
            print(f"{theme:36} {tp:3} {fp:3} {fn:3} {tp / max(tp + fp, 1):9.2f} {tp / max(tp + fn, 1):6.2f}")
        print("\n".join(wrong))


def _cue_sentences(text: str) -> dict[str, list[tuple[str, list[str]]]]:
    """Theme → the sentences holding its topical cues, with the cues (for reading, not scoring)."""
    stems = terms(text)
    starts = sentence_starts(text)
    spans = _sentence_texts(text, len(starts))
    found: dict[str, dict[int, list[str]]] = {}
    for theme, mentions in _matches(text, stems, default_taxonomy()).items():
        for phrase, _, start in mentions:
            if phrase.weight > 0:
                sentence = bisect_right(starts, start) - 1
                cue = phrase.text + (" (name)" if phrase.is_name else "")
                found.setdefault(theme, {}).setdefault(sentence, []).append(cue)
    return {theme: [(spans[s] if s < len(spans) else "?", cues) for s, cues in sorted(by.items())]
            for theme, by in found.items()}


def _sentence_texts(text: str, count: int) -> list[str]:
    """The sentences as `sentence_starts` counts them, rebuilt from its word counts."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W_]+", text)]
    starts = sentence_starts(text) + [len(words)]
    spans = [(a, b) for a, b in zip(starts, starts[1:], strict=False) if b > a]
    return [" ".join(text[words[a][0]:words[b - 1][1]].split()) for a, b in spans][:count]


def print_sample(name: str, verdicts: dict[tuple[str, str, str], bool]) -> None:
    """Each drawn article: key, title, length, opening, themes with evidence and cue sentences."""
    for number, (key, article) in enumerate(draw(name), 1):
        text = article.text
        themes = theme_evidence(text)
        print(f"\n=== {number}. {key} | {article.title} | {len(terms(text))} words")
        print(textwrap.fill(" ".join(article.body[:600].split()), 110, initial_indent="  ", subsequent_indent="  "))
        for theme, evidence in themes.items():
            print(f"  + {theme}: {', '.join(evidence)}  [{_verdict(verdicts, name, key, theme)}]")
        for theme, sentences in _cue_sentences(text).items():
            topical = [(s, cues) for s, cues in sentences if any(not c.endswith(" (name)") for c in cues)]
            if not topical:
                continue  # names alone never make a theme
            mark = "+" if theme in themes else "-"
            print(f"  {mark}{theme} ({len(topical)} of {len(sentences)} sentences topical)"
                  f" [{_verdict(verdicts, name, key, theme)}]")
            for sentence, cues in topical[:6]:
                print(f"      [{', '.join(cues)}] {sentence[:170]}")


def _verdict(verdicts: dict[tuple[str, str, str], bool], name: str, key: str, theme: str) -> str:
    about = verdicts.get((name, key, theme))
    return "unjudged" if about is None else "about" if about else "not about"


def load_verdicts() -> dict[tuple[str, str, str], bool]:
    """(corpus, key, theme) → whether the reader judged the article to be about the theme."""
    if not JUDGEMENTS.exists():
        return {}
    verdicts = {}
    for line in JUDGEMENTS.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            verdicts[record["corpus"], record["id"], record["theme"]] = record["verdict"] != "rejected"
    return verdicts


def tabulate(names: list[str], verdicts: dict[tuple[str, str, str], bool],
             themes_of: Callable[[str], dict[str, list[str]]] = theme_evidence) -> None:
    """Per corpus: assignments the reader accepts, rejects or has not judged, and themes missed."""
    print(f"{'corpus':10} {'accepted':>8} {'rejected':>8} {'unjudged':>8} {'missed':>6} {'precision':>9} {'recall':>6}")
    for name in names:
        accepted = rejected = missed = 0
        unjudged = []
        for key, article in draw(name):
            assigned = set(themes_of(article.text))
            about = {t for (c, k, t), ok in verdicts.items() if c == name and k == key and ok}
            accepted += len(assigned & about)
            missed += len(about - assigned)
            for theme in assigned - about:
                if (name, key, theme) in verdicts:
                    rejected += 1
                else:
                    unjudged.append(f"{key}: {theme}")
        judged = accepted + rejected
        precision = accepted / judged if judged else 0.0
        recall = accepted / (accepted + missed) if accepted + missed else 0.0
        print(f"{name:10} {accepted:8} {rejected:8} {len(unjudged):8} {missed:6} {precision:9.2f} {recall:6.2f}")
        for item in unjudged:
            print(f"    unjudged: {item}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=["un", "kremlin", "wikinews"], action="append")
    parser.add_argument("--print", action="store_true", help="print the sample for judging")
    parser.add_argument("--taxonomy", type=Path, help="tabulate the themes of this taxonomy file instead")
    parser.add_argument("--labels", action="store_true", help="score the themes against the blind labels")
    parser.add_argument("--per-theme", action="store_true",
                        help="per-theme precision and recall on the look parts of the blind labels")
    parser.add_argument("--errors", action="store_true", help="with --per-theme: the articles behind the errors")
    parser.add_argument("--print-blind", type=int, metavar="BATCH", help="print a batch's texts to label blind")
    for this_round in GENERAL_ROUNDS:
        parser.add_argument(f"--round{this_round}g", choices=["print", "score"],
                            help=f"round {this_round}'s general-news assignments: print them to judge, or score them")
    args = parser.parse_args()
    names = args.corpus or ["un", "kremlin", "wikinews"]
    general = [(r, getattr(args, f"round{r}g")) for r in GENERAL_ROUNDS if getattr(args, f"round{r}g")]
    if general:
        taxonomy = load_taxonomy(args.taxonomy) if args.taxonomy else None
        this_round, action = general[0]
        (print_general if action == "print" else score_general)(this_round, lambda text: theme_evidence(text, taxonomy))
        return
    if args.print_blind:
        for name in [n for n in names if n in BLIND_WORDS]:
            every = HELD_OUT_EVERY.get(args.print_blind, 0)
            for number, (key, article) in enumerate(draw_blind(name, args.print_blind), 1):
                held = " | held out" if every and number % every == 0 else ""
                words = len(article.text.split())
                print(f"\n=== {number}. {key} | {article.title} | {words} words{held}\n{article.body}")
        return
    if args.per_theme:
        taxonomy = load_taxonomy(args.taxonomy) if args.taxonomy else None
        per_theme(lambda text: theme_evidence(text, taxonomy), args.errors)
        return
    if args.labels:
        taxonomy = load_taxonomy(args.taxonomy) if args.taxonomy else None
        score_labels(lambda text: theme_evidence(text, taxonomy))
        return
    verdicts = load_verdicts()
    if args.print:
        for name in names:
            print_sample(name, verdicts)
    else:
        taxonomy = load_taxonomy(args.taxonomy) if args.taxonomy else None
        tabulate(names, verdicts, lambda text: theme_evidence(text, taxonomy))


if __name__ == "__main__":
    main()
