"""Which words does the news write in lower case? (writes `search/ingest/enrich/common_words.txt`)

A two-word run like "Supply Monthly", "Basecamp Experience" or "Barmouth Publicity" looks like a
name (two capitalised words the text never writes in lower case), but its last word is an ordinary
English noun or adjective: a publication's, a business's or a place's name, not a person's. Within
one text `names.py` already takes a word the text also writes in lower case for a common word; this
list says the same across the news: a word the corpora write in lower case at least `--min-lower`
times and in at least `--min-share` of its occurrences. English surnames (Faker's English-language
lists: "Brown", "Young", "Price"), known given names and the given names that are also ordinary words
(`given_name_words.txt`: "Patience", "Olive"), and the words `people.toml` lists (names that are also
words, such as "Rose" or "Grant", are decided there) are left out, and so are words of fewer than
three letters.

The counts come from Reuters-21578, the UN General Debate statements and the Kremlin/Zelenskyy
releases that are in no gold, label or judgement file; no Wikinews text is counted (the people
samples are drawn from Wikinews). Only the words are written (the corpora are not copied), sorted,
one a line.

    python benchmarks/common_words.py            # rewrites search/ingest/enrich/common_words.txt
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from corpora import KREMLIN, ROOT, UN_DEBATE, gold_keys, jsonl_records, reuters_records

from search.ingest.enrich.given_names import english_surnames
from search.ingest.enrich.name_lexicon import lexicon

OUT = ROOT / "search" / "ingest" / "enrich" / "common_words.txt"
GOLD = Path(__file__).resolve().parent / "gold"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def labelled_keys() -> set[str]:
    """Every article key of a gold, label or judgement file: their texts are not counted."""
    keys = gold_keys()
    for path in GOLD.glob("*.jsonl"):
        keys |= {json.loads(line).get("id", "") for line in path.read_text("utf-8").splitlines() if line.strip()}
    return keys


def texts() -> Iterator[str]:
    """The Reuters, UN and Kremlin/Zelenskyy texts in no gold, label or judgement file."""
    skip = labelled_keys()
    yield from (r["body"] for r in reuters_records() if str(r["newid"]) not in skip)
    for path in (UN_DEBATE, KREMLIN):
        yield from (r.get("body") or "" for r in jsonl_records(path) if r["id"] not in skip)


def common_words(min_lower: int, min_share: float) -> list[str]:
    """The words written in lower case often enough, less surnames, given names and listed words."""
    lower, capitalised = Counter[str](), Counter[str]()
    for text in texts():
        for word in _WORD.findall(text):
            if word.islower():
                lower[word] += 1
            elif word[1:].islower():
                capitalised[word.lower()] += 1
    lex = lexicon()
    surnames = english_surnames()
    given = set((OUT.parent / "given_name_words.txt").read_text("utf-8").split())  # "Patience", "Olive": names too
    return sorted(word for word, count in lower.items()
                  if count >= min_lower and count >= min_share * (count + capitalised[word]) and len(word) >= 3
                  and word not in surnames and word not in given and word not in lex.first_names
                  and word not in lex.kinds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-lower", type=int, default=15)
    parser.add_argument("--min-share", type=float, default=0.6)
    args = parser.parse_args()
    words = common_words(args.min_lower, args.min_share)
    OUT.write_text("".join(f"{word}\n" for word in words), "utf-8")
    print(f"{len(words)} common words -> {OUT}")


if __name__ == "__main__":
    main()
