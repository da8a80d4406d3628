"""How the theme samples of `theme_sample.py` are drawn (issue 11): the judged sample, the blind batches, and the
general-news / official-text assignment rounds, each by a fixed seed so a draw repeats after its lines are appended.

The judged sample (`draw`) and the batches (`draw_blind`) skip every gold article; a batch from REPEATABLE_FROM on
skips the articles of every line made in an EARLIER round only. Batch 15's Kremlin/Zelenskyy side is drawn by kind of
release (`release_kinds.py`).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from corpora import (
    KREMLIN,
    THEME_BATCH_ROUND,
    UN_DEBATE,
    gold_keys,
    jsonl_records,
    labelled_round,
    reuters_article,
    reuters_records,
    wikinews,
)
from release_kinds import draw_by_kind

from search.ingest.enrich.themes import theme_evidence
from search.ingest.readers import article_from_record
from search.model import Article

GOLD_DIR = Path(__file__).resolve().parent / "gold"
JUDGEMENTS = GOLD_DIR / "theme_judgements.jsonl"
LABELS = GOLD_DIR / "theme_labels.jsonl"
SEED = 2026
SIZE = 30
BLIND_WORDS = {"un": 1200, "kremlin": 1500}  # as the gold sets: short enough to be read whole
BLIND_BATCHES = {1: {"un": 16, "kremlin": 14}, 2: {"un": 12, "kremlin": 16},
                 5: {"un": 20, "kremlin": 20}, 6: {"un": 15, "kremlin": 15}, 7: {"un": 15, "kremlin": 15},
                 8: {"un": 15, "kremlin": 18}, 9: {"un": 15, "kremlin": 18}, 10: {"un": 15, "kremlin": 18},
                 11: {"un": 15, "kremlin": 18}, 12: {"un": 15, "kremlin": 18},
                 13: {"un": 15, "kremlin": 18}, 14: {"un": 15, "kremlin": 18},
                 15: {"un": 15, "kremlin": 20}}
# Batch 5 is about long texts (the short UN statements are used up): up to this many words; batch 6
# about texts of typical length (the UN median is about 1,900 words, three in four are under 2,400), as
# batch 7, batch 8 (18 Kremlin/Zelenskyy releases drawn in the themes7 round; its UN side is labelled
# apart) and batch 9 (18 Kremlin/Zelenskyy releases, round 8); batch 10 (round 9) likewise. In batches 7-10 every
# third article of the draw (3rd, 6th, ...) is held out: labelled with the rest, flagged `"heldout": true` in the
# labels file, scored apart and not tuned on (batches 7 and 8's until retired).
LONG_WORDS = {5: {"un": 2000, "kremlin": 2500}, 6: {"un": 2800, "kremlin": 2500}, 7: {"un": 2800, "kremlin": 2500},
              8: {"un": 2800, "kremlin": 2500}, 9: {"un": 2800, "kremlin": 2500}, 10: {"un": 2800, "kremlin": 2500},
              11: {"un": 2800, "kremlin": 2500}, 12: {"un": 2800, "kremlin": 2500},
              13: {"un": 2800, "kremlin": 2500}, 14: {"un": 2800, "kremlin": 2500},
              15: {"un": 2800, "kremlin": 2500}}
HELD_OUT_EVERY = {7: 3, 8: 3, 9: 3, 10: 3, 11: 3, 12: 3, 13: 3, 14: 3, 15: 3}
# Batches whose Kremlin/Zelenskyy side is drawn by kind of release (`release_kinds.py`), not at random.
BY_KIND = {15}
# From batch 11 (round 9) on, a batch skips the articles of every line made in an EARLIER round only (by
# `corpora.labelled_round`), so that its draw repeats after its own round's lines are appended.
REPEATABLE_FROM = 11


def _corpus(name: str) -> dict[str, Article]:
    """The corpus's articles by gold key (`id`, or `url` for Wikinews)."""
    if name == "wikinews":
        return {a.url: a for a in wikinews()}
    path, prefix = (UN_DEBATE, "un") if name == "un" else (KREMLIN, "kremlin")
    return {r["id"]: article_from_record({k: v for k, v in r.items() if not k.startswith("gold_")},
                                         f"{prefix}:{r['id']}") for r in jsonl_records(path)}



def draw(name: str, size: int = SIZE, seed: int = SEED) -> list[tuple[str, Article]]:
    """`size` articles of corpus `name` at random (fixed seed), none from a gold file."""
    articles = _corpus(name)
    skip = gold_keys()
    keys = sorted(k for k in articles if k not in skip)
    return [(k, articles[k]) for k in random.Random(f"{seed}:{name}").sample(keys, size)]


def draw_blind(name: str, batch: int) -> list[tuple[str, Article]]:
    """Batch `batch` of articles to label blind: UN statements or Kremlin/Zelenskyy releases of at
    most BLIND_WORDS words (LONG_WORDS for a batch of long texts), in no gold file, not in the judged
    samples (themes or organisations), nor in an earlier batch; a fixed seed per batch. A batch redraws the same
    articles only until other labels are appended: batch 10's draw no longer repeats after round 8's people and
    organisation lines were merged; its articles are those of its lines in the labels file."""
    articles = _corpus(name)
    skip = gold_keys() | {k for corpus in ("un", "kremlin", "wikinews") for k, _ in draw(corpus)}
    if batch >= REPEATABLE_FROM:
        return _draw_repeatable(name, batch, articles, skip)
    if batch > 1:
        skip |= {json.loads(line)["id"] for line in (GOLD_DIR / "org_judgements.jsonl").read_text("utf-8").splitlines()
                 if line.strip()}
    for earlier in range(1, batch):
        skip |= {k for k, _ in draw_blind(name, earlier)}
    if batch >= 6:  # every article labelled or judged before (earlier draws do not all redraw them)
        skip |= {json.loads(line)["id"] for path in (LABELS, JUDGEMENTS, GOLD_DIR / "people_judgements.jsonl")
                 for line in path.read_text("utf-8").splitlines() if line.strip()}
    most = LONG_WORDS.get(batch, BLIND_WORDS)[name]
    keys = sorted(k for k, a in articles.items() if k not in skip and len(a.text.split()) <= most)
    seed = f"themes3:{name}" if batch == 1 else f"themes3-{batch}:{name}"
    size = BLIND_BATCHES.get(batch, {"un": 12, "kremlin": 16})[name]
    return [(k, articles[k]) for k in random.Random(seed).sample(keys, min(size, len(keys)))]


def _draw_repeatable(name: str, batch: int, articles: dict[str, Article], skip: set[str]) -> list[tuple[str, Article]]:
    """Batch `batch` (from REPEATABLE_FROM on): the articles of no gold file and of no label or judgement line of an
    earlier round, at most LONG_WORDS words, drawn with the batch's seed."""
    skip |= _earlier_rounds(THEME_BATCH_ROUND[batch])
    most = LONG_WORDS[batch][name]
    keys = sorted(k for k, a in articles.items() if k not in skip and len(a.text.split()) <= most)
    size = BLIND_BATCHES[batch][name]
    if name == "kremlin" and batch in BY_KIND:
        titles = {k: articles[k].title for k in keys}
        return draw_by_kind([(k, articles[k]) for k in keys], titles, size, f"themes3-{batch}:{name}")
    return [(k, articles[k]) for k in random.Random(f"themes3-{batch}:{name}").sample(keys, min(size, len(keys)))]


# General news (`--round9g`, `--round10g`): theme ASSIGNMENTS drawn at random over Reuters-21578 (all of it) and the
# Wikinews articles left, as a reader of general news meets them; judged in the judgements file as "look9g", every
# third drawn "heldout9g" (only scored), and likewise "look10g"/"heldout10g", "look11g"/"heldout11g",
# "look12g"/"heldout12g"; round 13's (`--round13g`) draws official text instead: Kremlin/Zelenskyy releases and UN
# statements, whose random assignments a reader accepted far less often than the labelled batches promise. A draw
# samples the assignments made when it was judged (round 9: commit c020e5d; round 10: 285aade): the judgement lines
# are its record; `--taxonomy` of that commit's themes.toml redraws it.
GENERAL_ROUNDS = {9: ({"reuters": 30, "wikinews": 10}, 9314), 10: ({"reuters": 30, "wikinews": 10}, 10314),
                  11: ({"reuters": 30, "wikinews": 10}, 11314), 12: ({"reuters": 30, "wikinews": 10}, 12314),
                  13: ({"kremlin": 30, "un": 15}, 13314)}


def _earlier_rounds(this_round: int) -> set[str]:
    """The keys of every judgement and label line made before round `this_round` (or in no numbered round)."""
    keys = set()
    for path in (LABELS, JUDGEMENTS, GOLD_DIR / "theme_relabels.jsonl", GOLD_DIR / "people_judgements.jsonl",
                 GOLD_DIR / "org_judgements.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                made = labelled_round(record)
                if made is None or made < this_round:
                    keys.add(str(record["id"]))
    return keys


def draw_general(this_round: int, themes_of: Callable[[str], dict[str, list[str]]] = theme_evidence
                 ) -> list[tuple[str, str, Article, str]]:
    """(corpus, key, article, theme) for the round's GENERAL_ROUNDS assignments per corpus, drawn at random (the
    round's seed) among the themes of every article in no gold file and no judgement or label line of an earlier
    round."""
    sizes, seed = GENERAL_ROUNDS[this_round]
    skip = gold_keys() | _earlier_rounds(this_round)
    drawn = []
    for name, size in sizes.items():
        pool = [(name, key, article, theme) for key, article in sorted(_general_articles(name).items())
                if key not in skip for theme in sorted(themes_of(article.text))]
        drawn += random.Random(f"{seed}:{name}").sample(pool, min(size, len(pool)))
    return drawn


def _general_articles(name: str) -> dict[str, Article]:
    """A general round's corpus by key (Reuters-21578 by NEWID; the others as `_corpus` reads them)."""
    if name == "reuters":
        return {str(r["newid"]): reuters_article(r) for r in reuters_records()}
    return _corpus(name)
