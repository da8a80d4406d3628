"""Locate and load the shared corpora (../shared beside the checkout) for benchmarks.

The corpora are never copied into this repository. A benchmark that needs one calls
`require()`, which exits with a clear message when ../shared is absent.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.ingest.readers import ReadError, article_from_record, read_paths  # noqa: E402
from search.model import Article  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
WIKINEWS = SHARED / "wikinews"
REUTERS = SHARED / "reuters21578" / "reuters21578.jsonl"


def require(path: Path) -> Path:
    """`path`, or exit with a message saying the shared corpora are needed."""
    if not path.exists():
        sys.exit(f"skipped: {path} is absent (this benchmark needs ../shared/corpora beside the checkout)")
    return path


def wikinews() -> list[Article]:
    """The 295 Wikinews articles (CC BY 2.5), read with our own CSV reader."""
    return [a for a in read_paths([require(WIKINEWS)]) if not isinstance(a, ReadError)]


def reuters_records(limit: int | None = None) -> Iterator[dict]:
    """Raw Reuters-21578 records that have a body, in file order."""
    count = 0
    with require(REUTERS).open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if not (record.get("body") or "").strip():
                continue
            yield record
            count += 1
            if limit is not None and count >= limit:
                return


def reuters_article(record: dict) -> Article:
    """A Reuters record as an `Article` (source "Reuters"), through the generic record reader."""
    return article_from_record({**record, "source": "Reuters"}, f"reuters:{record['newid']}")


UN_DEBATE = SHARED / "un-general-debate" / "un_general_debate_2010_2016.jsonl"
KREMLIN = SHARED / "kremlin-zelenskyy" / "releases_2021.jsonl"


def jsonl_records(path: Path) -> list[dict]:
    """The records of a shared JSONL corpus (UN General Debate, Kremlin/Zelenskyy releases)."""
    return [json.loads(line) for line in require(path).read_text("utf-8").splitlines() if line.strip()]


def gold_keys() -> set[str]:
    """Every article key in any gold file (benchmarks/gold/*_gold.jsonl): the samples drawn
    outside the gold sets (org, theme, people samples) never draw these."""
    keys = set()
    for path in (Path(__file__).resolve().parent / "gold").glob("*_gold.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                keys.add(record.get("id") or record["url"])
    return keys


# The blind theme batches labelled in a numbered round of people, speakers and organisation draws (theme label lines
# have a batch, not a part): batch 10 was labelled in round 8, batch 11 in round 9, batch 12 in round 10, batch 13
# in round 11, batch 14 in round 12, batch 15 in round 13.
THEME_BATCH_ROUND = {10: 8, 11: 9, 12: 10, 13: 11, 14: 12, 15: 13}
_PART_ROUND = re.compile(r"(\d+)[a-z]?$")


def labelled_round(line: dict) -> int | None:
    """The round a judgement or label line was made in: the number ending its part ("look8r", "heldout7o"), or the
    round of its theme batch; None for lines of unnumbered parts and earlier batches. A round's draws skip the
    articles of earlier rounds only, so that each draw repeats after the lines of its round are appended."""
    found = _PART_ROUND.search(str(line.get("part", "")))
    return int(found.group(1)) if found else THEME_BATCH_ROUND.get(line.get("batch", 0))


def split_of(key: str) -> str:
    """Issue 11's DEV/TEST split by article key (`id`, or `url` for Wikinews): tune on "dev", report "test"."""
    return "dev" if hashlib.sha1(key.encode()).hexdigest()[0] in "01234567" else "test"
