"""Draw the UN and Kremlin/Zelenskyy articles that were hand-labelled for issue 11 (reproducible).

    python benchmarks/gold/draw_sample.py     # prints the drawn ids, half DEV and half TEST

The draw is by a fixed seed so that anyone can see the sample was not picked by how well the
extractors do on it. UN statements are drawn among those of at most 1,200 words (so that each can
be read whole and labelled carefully); Kremlin/Zelenskyy releases of at most 1,500 words are
stratified by kind (transcript, address, readout, greeting, news, interview — kind guessed from
the title and the turn labels of the body) so each kind of text is represented in both halves.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpora import KREMLIN, UN_DEBATE, jsonl_records, split_of  # noqa: E402

SEED = 11
# per half (dev, test): how many of each kind to draw from Kremlin/Zelenskyy
KINDS = {"transcript": 3, "address": 2, "readout": 2, "greeting": 2, "news": 2, "interview": 1}


def kind_of(record: dict) -> str:
    """A rough kind for a release, from its title and whether its body has speaker turns."""
    title, body = record["title"].lower(), record["body"]
    if "interview" in title:
        return "interview"
    if len(re.findall(r"\b[A-Z][a-z]+ [A-Z][a-z]+: [A-Z‘'\"]", body)) >= 2:  # "Vladimir Putin: Good…" turns
        return "transcript"
    if "address" in title:
        return "address"
    if re.search(r"telephone|phone (conversation|call)", title):
        return "readout"
    if re.search(r"greeting|message|congratulat|condolence", title):
        return "greeting"
    return "news"


def draw() -> dict[str, list[dict]]:
    """{"un": [...], "kremlin": [...]}: the drawn records, each with "split" and "kind" added."""
    rng = random.Random(SEED)
    un = [r for r in jsonl_records(UN_DEBATE) if len(r["body"].split()) <= 1200]
    drawn_un = []
    for half in ("dev", "test"):
        pool = sorted((r for r in un if split_of(r["id"]) == half), key=lambda r: r["id"])
        drawn_un += [{**r, "split": half, "kind": "statement"} for r in rng.sample(pool, 12)]
    kremlin = [r for r in jsonl_records(KREMLIN) if len(r["body"].split()) <= 1500]
    drawn_k = []
    for half in ("dev", "test"):
        for kind, count in KINDS.items():
            pool = sorted((r for r in kremlin if split_of(r["id"]) == half and kind_of(r) == kind),
                          key=lambda r: r["id"])
            # when a kind is short in this half, the rest is made up from news items below
            drawn_k += [{**r, "split": half, "kind": kind} for r in rng.sample(pool, min(count, len(pool)))]
        missing = 12 - sum(1 for r in drawn_k if r["split"] == half)
        taken = {r["id"] for r in drawn_k}
        pool = sorted((r for r in kremlin if split_of(r["id"]) == half and r["id"] not in taken
                       and kind_of(r) == "news"), key=lambda r: r["id"])
        drawn_k += [{**r, "split": half, "kind": "news"} for r in rng.sample(pool, missing)]
    return {"un": drawn_un, "kremlin": drawn_k}


if __name__ == "__main__":
    for corpus, records in draw().items():
        for r in records:
            print(corpus, r["split"], r["kind"], r["id"], len(r["body"].split()), r["title"][:70], sep="\t")
