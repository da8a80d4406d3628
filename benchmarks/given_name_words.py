"""Which of Faker's given names are also ordinary English words? (writes `given_name_words.txt`)

A given name that is also a common word ("Will", "Rose", "Grant", "Sun", "Summer") must not make a
capitalised word a known given name: "Hope Springs" or "Will Rise" are not people. The list is
computed, not typed: a name (from `given_names.faker_given_names`) is an ordinary word when the
shared corpora (Wikinews, Reuters-21578, UN General Debate, Kremlin/Zelenskyy releases) write it in
lower case at least `--often` times, or at least `--min-lower` times and in at least `--min-share` of its
occurrences (captions write "Image:" more often than text writes "image"). Only the
names are written (the corpora are not copied), sorted, one a line.

    python benchmarks/given_name_words.py            # rewrites search/ingest/enrich/given_name_words.txt
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator

from corpora import KREMLIN, ROOT, UN_DEBATE, jsonl_records, reuters_records, wikinews

from search.ingest.enrich.given_names import faker_given_names

OUT = ROOT / "search" / "ingest" / "enrich" / "given_name_words.txt"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def texts() -> Iterator[str]:
    """Every text of the four shared corpora."""
    yield from (a.text for a in wikinews())
    yield from (r["body"] for r in reuters_records())
    for path in (UN_DEBATE, KREMLIN):
        yield from (r.get("body") or "" for r in jsonl_records(path))


def ordinary_words(names: set[str], often: int, min_lower: int, min_share: float) -> list[str]:
    """The names written in lower case often enough in the corpora."""
    lower, other = Counter[str](), Counter[str]()
    for text in texts():
        for word in _WORD.findall(text):
            folded = word.lower()
            if folded in names:
                (lower if word == folded else other)[folded] += 1
    return sorted(name for name, count in lower.items()
                  if count >= often or count >= min_lower and count >= min_share * (count + other[name]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--often", type=int, default=20)
    parser.add_argument("--min-lower", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.15)
    args = parser.parse_args()
    words = ordinary_words(set(faker_given_names()), args.often, args.min_lower, args.min_share)
    OUT.write_text("".join(f"{word}\n" for word in words), "utf-8")
    print(f"{len(words)} given names that are ordinary words -> {OUT}")


if __name__ == "__main__":
    main()
