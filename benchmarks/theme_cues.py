"""Candidate cue words for a theme: the words and word pairs that stand beside its strong cues.

The theme vocabulary of `themes.toml` is written by hand. To find the phrasings of official speech
that it misses, this script reads the UN General Debate statements and the Kremlin/Zelenskyy
releases that no gold file holds (so neither DEV nor TEST text is read), marks the sentences that
hold a strong topical cue of a theme (weight 1.5 or more) and their neighbours, and lists the stems
and stem pairs far more frequent there than in all sentences. A person then keeps only the general
words of news and diplomacy ("cessation of hostilities", "common but differentiated"), never the
names and phrases of one corpus ("Nagorno-Karabakh", a minister's name).

    python benchmarks/theme_cues.py "Armed conflict" "Climate & security"
"""

from __future__ import annotations

import argparse
from bisect import bisect_right
from collections import Counter, defaultdict

from corpora import KREMLIN, UN_DEBATE, gold_keys, jsonl_records

from search.ingest.enrich.text import terms
from search.ingest.enrich.theme_text import sentence_starts
from search.ingest.enrich.themes import _matches, default_taxonomy

STRONG = 1.5
STOP = frozenset("the of and to in a that is for on with as by be are we our this it has have which will its from at "
                 "an not all their us i was been were or can also these more they must".split())


def candidates(themes: list[str], min_count: int = 8, top: int = 70) -> dict[str, list[tuple[str, int, int]]]:
    """Theme → (stem or stem pair, sentences near a strong cue holding it, all sentences holding it)."""
    taxonomy = default_taxonomy()
    known = {t.name: {" ".join(p.stems) for p in t.phrases} for t in taxonomy.themes}
    skip = gold_keys()
    near: dict[str, Counter[str]] = defaultdict(Counter)
    sentences_near: Counter[str] = Counter()
    everywhere: Counter[str] = Counter()
    total = 0
    for record in [*jsonl_records(UN_DEBATE), *jsonl_records(KREMLIN)]:
        if record["id"] in skip:
            continue
        text = f"{record['title']}\n{record['body']}"
        stems = terms(text)
        starts = [*sentence_starts(text), len(stems)]
        strong: dict[str, set[int]] = defaultdict(set)
        for theme, mentions in _matches(text, stems, taxonomy).items():
            for phrase, _, start in mentions:
                if not phrase.is_name and phrase.weight >= STRONG:
                    strong[theme].add(bisect_right(starts, start) - 1)
        for i in range(len(starts) - 1):
            words = stems[starts[i] : starts[i + 1]]
            grams = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
            everywhere.update(grams)
            total += 1
            for theme in themes:
                if strong[theme] & {i - 1, i, i + 1}:
                    near[theme].update(grams)
                    sentences_near[theme] += 1
    result = {}
    for theme in themes:
        n = max(sentences_near[theme], 1)
        scored = [((k / n) / (everywhere[g] / total) * min(1.0, k / 20), g, k) for g, k in near[theme].items()
                  if k >= min_count and g not in known.get(theme, ()) and not STOP & set(g.split())]
        result[theme] = [(g, k, everywhere[g]) for _, g, k in sorted(scored, reverse=True)[:top]]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("themes", nargs="+", help="theme names as in themes.toml")
    args = parser.parse_args()
    for theme, found in candidates(args.themes).items():
        print(f"== {theme}")
        print(", ".join(f"{g} ({k}/{total})" for g, k, total in found))


if __name__ == "__main__":
    main()
