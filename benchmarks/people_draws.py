"""How the people and speakers samples of `people_sample.py` are drawn (issue 11): seeds, pools and parts.

Each round draws RANDOM articles (or, in the early rounds, articles with a cue) that are in no gold file and were
judged in no earlier round, by a fixed seed, so the draw is not chosen by how well the extractor does and repeats
after the round's lines are appended to `gold/people_judgements.jsonl`. Every third article drawn is held out.
The rounds and their parts are listed in `people_sample.py`'s docstring.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import (  # noqa: E402
    KREMLIN,
    UN_DEBATE,
    gold_keys,
    jsonl_records,
    labelled_round,
    reuters_article,
    reuters_records,
    wikinews,
)

from search.ingest.readers import article_from_record  # noqa: E402
from search.model import Article  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
JUDGEMENTS = GOLD / "people_judgements.jsonl"
SEED = 311
MAX_WORDS = {"wikinews": 700, "reuters": 500, "un": 100_000}
# Round 4 (issue 11, people precision on general news): a new seed, drawn from articles in no gold file
# and not judged before, Wikinews biased toward the kinds where look-alikes of names abound
# (entertainment, culture, sport, science, technology, obituaries, crime) by words of the title or
# lead. Every third article drawn is held out ("heldout4"), the rest may be read ("look4").
ROUND4_SEED = 4311
ROUND4_KINDS = re.compile(
    r"\b(?:film|movie|actor|actress|cinema|game|video game|novel|book|author|comic|cosplay|convention|"
    r"festival|music|album|song|singer|band|concert|award|prize|museum|art|artist|theatre|theater|"
    r"television|TV|series|show|football|soccer|cricket|rugby|tennis|golf|basketball|baseball|hockey|"
    r"olympic|championship|cup|league|match|race|athlete|player|coach|team|science|scientists?|"
    r"researchers?|study|species|fossil|space|NASA|telescope|technology|software|app|computer|robot|"
    r"internet|dies|died|death|dead|obituary|aged|police|murder|killed|arrested|charged|sentenced|"
    r"court|trial|prison|shooting|stolen)\b", re.IGNORECASE)
# Round 5 (issue 11, speakers): texts where a post speaks in place of its holder's name ("the Secretary-General
# noted", "as the President said", "the minister told reporters", "our Secretary-General's appeal"), the case a
# speaker resolved from a post to the one person holding it in the article is meant for. New seed, no article
# of a gold file or of an earlier round; every third one drawn is held out ("heldout5"), the rest "look5".
# Wikinews has few such articles left outside the gold and judged ones: the draw is filled up with articles
# where a pronoun speaks ("he said", "she told"), resolved by the same kind of look back.
ROUND5_SEED = 5311
# Parts of round 5's two draws: each draw skips the articles judged before round 5, not those of the other.
ROUND5_PARTS = frozenset({"look5", "heldout5", "look5p", "heldout5p", "look5f"})
ROUND5_CUES = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Mm]y|[Tt]his)\s+(?:[A-Z][\w-]*\s+)*(?i:secretary-general|secretary general|president"
    r"|prime minister|minister|spokes(?:man|woman|person)|chairman|chair|governor|mayor|director|ambassador"
    r"|chancellor|premier|senator|chief|commissioner|pope|coach|leader|head|judge|captain|manager|founder|professor"
    r"|scientist|researcher|officer|official|secretary|king|queen|prince|bishop|archbishop|envoy|commander)(?:['’]s\s+(?:\w+\s+)?(?:words|report|appeal|call"
    r"|message|statement|remarks)|\s+(?:\w+ly\s+|has\s+|also\s+)?(?:said|says|told|noted|reminded|stressed"
    r"|warned|stated|observed|added|pointed out|emphasi[sz]ed|declared|explained|announced|urged|called))\b")
ROUND5_FILL = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:\w+ly\s+|also\s+)?(?:said|says|told|added|stated)\b")



def articles(corpus: str) -> dict[str, Article]:
    """The corpus's articles by key, as the product reads them (UN: the speaker of record as `speaker`)."""
    if corpus == "wikinews":
        return {a.url: a for a in wikinews()}
    if corpus == "reuters":
        return {str(r["newid"]): reuters_article(r) for r in reuters_records()}
    if corpus == "kremlin":
        return {r["id"]: article_from_record(r, f"kremlin:{r['id']}") for r in jsonl_records(KREMLIN)}
    return {r["id"]: article_from_record({**{k: v for k, v in r.items() if not k.startswith("gold_")},
                                          "speaker": r["gold_speaker_of_record"]}, f"un:{r['id']}")
            for r in jsonl_records(UN_DEBATE)}


# Cues of someone else's words inside a text (used by `--cues` to draw statements worth labelling).
SPEECH_CUES = re.compile(r"\bin the (?:wise )?words of\b|\bas [A-Z][\w.’' -]{2,60} (?:put|said) it\b"
                         r"|\breminded us\b|\b(?:to quote|quoting)\b|[A-Z][a-z]+[,:]?\s+(?:said|wrote|declared)\b"
                         r"|[A-Z][a-z]+[,:]\s*[“\"]")


def judged_keys(parts: frozenset[str] = frozenset({"look", "heldout"})) -> set[str]:
    """The articles judged in `parts` (default: the first round's, seed 311): a later round draws none of them
    again, and draws the same sample after its own lines are appended."""
    lines = [json.loads(x) for x in JUDGEMENTS.read_text("utf-8").splitlines() if x.strip()]
    return {line["id"] for line in lines if line["part"] in parts}


def draw(corpus: str, count: int, seed: int = SEED, cues: bool = False,
         max_words: int | None = None) -> list[tuple[str, Article]]:
    """`count` articles of `corpus` in no gold or judgement file, of at most `max_words` (default
    MAX_WORDS[corpus]) words, by a fixed seed; with `cues`, only texts with a cue of quoted speech."""
    skip = gold_keys() | (judged_keys() if seed != SEED else set())
    limit = max_words or MAX_WORDS[corpus]
    pool = sorted((k, a) for k, a in articles(corpus).items()
                  if k not in skip and len(a.text.split()) <= limit and (not cues or SPEECH_CUES.search(a.text)))
    return random.Random(f"{seed}:{corpus}").sample(pool, count)


def draw_round4(corpus: str, count: int) -> list[tuple[str, str, Article]]:
    """Round 4: `count` articles of `corpus` in no gold file and not judged, Wikinews only of the kinds
    ROUND4_KINDS names in its title or first 300 characters; each with its part ("look4"/"heldout4")."""
    skip = gold_keys() | judged_keys()
    pool = sorted((k, a) for k, a in articles(corpus).items()
                  if k not in skip and 80 <= len(a.text.split()) <= MAX_WORDS[corpus]
                  and (corpus != "wikinews" or ROUND4_KINDS.search(f"{a.title}\n{a.text[:300]}")))
    drawn = random.Random(f"{ROUND4_SEED}:{corpus}").sample(pool, count)
    return [(k, "heldout4" if i % 3 == 2 else "look4", a) for i, (k, a) in enumerate(drawn)]


def draw_round5(corpus: str, count: int, max_words: int | None = None) -> list[tuple[str, str, Article]]:
    """Round 5: `count` articles of `corpus` with a cue of a post speaking (ROUND5_CUES), in no gold file and
    judged in no earlier round, of at most `max_words` words; each with its part ("look5"/"heldout5")."""
    lines = [json.loads(x) for x in JUDGEMENTS.read_text("utf-8").splitlines() if x.strip()]
    skip = gold_keys() | {line["id"] for line in lines if line["part"] not in ROUND5_PARTS}
    pool = sorted((k, a) for k, a in articles(corpus).items()
                  if k not in skip and 80 <= len(a.text.split()) <= (max_words or MAX_WORDS[corpus]))
    cued = [(k, a) for k, a in pool if ROUND5_CUES.search(a.text)]
    rng = random.Random(f"{ROUND5_SEED}:{corpus}")
    drawn = rng.sample(cued, min(count, len(cued)))
    filling = [(k, a) for k, a in pool if (k, a) not in drawn and ROUND5_FILL.search(a.text)]
    drawn += rng.sample(filling, count - len(drawn))
    return [(k, "heldout5" if i % 3 == 2 else "look5", a) for i, (k, a) in enumerate(drawn)]


# Round 5 (issue 11, people precision: fictional characters and things named like people): a new seed, articles in
# no gold file and judged in no part of any round, Wikinews of the kinds where characters, works and products are
# named (entertainment, culture, games, film, books, conventions, sport, obituaries) by words of the title or lead.
# Seed ROUND5_SEED. Every third article drawn is held out ("heldout5p"), the rest may be read ("look5p").
ROUND5_KINDS = re.compile(
    r"\b(?:film|movie|actor|actress|cinema|game|gaming|video game|novel|book|author|writer|comic|cosplay|costume|"
    r"convention|festival|character|series|television|TV|show|sitcom|cartoon|anime|manga|music|album|song|singer|"
    r"band|concert|theatre|theater|award|prize|museum|art|artist|football|soccer|cricket|rugby|tennis|golf|"
    r"basketball|baseball|hockey|olympic|championship|cup|league|match|race|player|coach|team|dies|died|death|"
    r"obituary|aged)\b", re.IGNORECASE)


def draw_round5_people(corpus: str, count: int) -> list[tuple[str, str, Article]]:
    """Round 5: `count` articles of `corpus` in no gold file and judged in no part, Wikinews only of the kinds
    ROUND5_KINDS names in its title or first 500 characters (the lead: 300 leave too few undrawn articles); each
    with its part ("look5p"/"heldout5p")."""
    lines = [json.loads(x) for x in JUDGEMENTS.read_text("utf-8").splitlines() if x.strip()]
    skip = gold_keys() | {line["id"] for line in lines if line["part"] not in ROUND5_PARTS}
    pool = sorted((k, a) for k, a in articles(corpus).items()
                  if k not in skip and 80 <= len(a.text.split()) <= MAX_WORDS[corpus]
                  and (corpus != "wikinews" or ROUND5_KINDS.search(f"{a.title}\n{a.text[:500]}")))
    drawn = random.Random(f"{ROUND5_SEED}:{corpus}").sample(pool, count)
    return [(k, "heldout5p" if i % 3 == 2 else "look5p", a) for i, (k, a) in enumerate(drawn)]


# Round 6 (issue 11, people precision on general news): RANDOM articles like the TEST parts (no cue or kind picks
# them), in no gold file and judged in no part of any round, by seed ROUND6_SEED; every third one drawn is held out
# ("heldout6"), the rest "look6". The speakers helper's draw (seed 6312, "look6s"/"heldout6s") runs at the same time
# and also skips only the articles judged before round 6: an article drawn by both keeps both lines.
ROUND6_SEED = 6311
ROUND6_PARTS = frozenset({"look6", "heldout6", "look6s", "heldout6s"})


def draw_round6(corpus: str, count: int) -> list[tuple[str, str, Article]]:
    """Round 6: `count` random articles of `corpus` of 80 to MAX_WORDS[corpus] words, in no gold file and judged
    in no part before round 6; each with its part ("look6"/"heldout6")."""
    lines = [json.loads(x) for x in JUDGEMENTS.read_text("utf-8").splitlines() if x.strip()]
    skip = gold_keys() | {line["id"] for line in lines if line["part"] not in ROUND6_PARTS}
    pool = sorted((k, a) for k, a in articles(corpus).items()
                  if k not in skip and 80 <= len(a.text.split()) <= MAX_WORDS[corpus])
    drawn = random.Random(f"{ROUND6_SEED}:{corpus}").sample(pool, count)
    return [(k, "heldout6" if i % 3 == 2 else "look6", a) for i, (k, a) in enumerate(drawn)]


# Round 6 (issue 11, speakers): RANDOM articles, like the TEST parts (no cue or kind filter): UN statements of at most
# 2,500 words and Wikinews articles, in no gold file and in no judgement or label file of an earlier round (lines of a
# round-6 part do not count, so the draw repeats after its lines are appended). Every third one drawn is held out.
ROUND6S_SEED = 6312
ROUND6S_MAX_WORDS = {"un": 2_500, "wikinews": MAX_WORDS["wikinews"]}


# Round 7 (issue 11, speakers): the same kind of draw with a new seed (7312), parts "look7s"/"heldout7s"; it skips
# every article of round 6 too. The people helper draws Wikinews at the same time (`--round7`, seed 7311): an article
# in both keeps both lines.
ROUND7S_SEED = 7312
# A second UN speakers draw of round 7 (recall on UN statements is the gap): seed 7414, parts "look7u"/"heldout7u"; it
# skips every article judged before, round 7s's included.
ROUND7U_SEED = 7414
# Round 8 (issue 11, speakers on UN statements and on newswire): seed 8312, parts "look8s"/"heldout8s", RANDOM UN
# statements (80 to 2,500 words) and Reuters-21578 articles (120 to 900 words); it skips every article judged before
# round 8 (lines of any round-8 part do not count, so the draws made at the same time repeat after their lines are
# appended).
ROUND8S_SEED = 8312
ROUND8S_WORDS = {"un": (80, 2_500), "reuters": (120, 900)}
# Round 9 (speakers, the same kind of draw as round 8): seed 9312, parts "look9s"/"heldout9s"; it skips every article
# judged before round 9.
ROUND9S_SEED = 9312
# Round 10 (speakers on newswire): seed 10315, parts "look10n"/"heldout10n", RANDOM Reuters-21578 articles (120 to 900
# words) with a quotation mark or a verb of saying (SAYING_CUE), the attributed speech the project is measured on.
ROUND10N_SEED = 10315
SAYING_CUE = re.compile(r'["\u201c\u201d]| said\b| told\b')
# Round 10 (UN speakers' recall): seed 10312, parts "look10u"/"heldout10u", RANDOM UN statements (80 to 2,500 words)
# drawn like round 9's; it skips every article judged before round 10.
ROUND10U_SEED = 10312
# Round 11 (UN speakers again): seed 11312, parts "look11u"/"heldout11u", drawn like round 10's UN draw; it skips
# every article judged before round 11.
ROUND11U_SEED = 11312
# Round 12 (UN speakers again): seed 12312, parts "look12u"/"heldout12u", drawn like round 11's; it skips every article
# judged before round 12.
ROUND12U_SEED = 12312
# Round 13 (UN speakers again): seed 13312, parts "look13u"/"heldout13u", drawn like round 12's; it skips every article
# judged before round 13.
ROUND13U_SEED = 13312
ROUND_SEEDS = {"6": ROUND6S_SEED, "7": ROUND7S_SEED, "7u": ROUND7U_SEED, "8s": ROUND8S_SEED, "9s": ROUND9S_SEED,
               "10n": ROUND10N_SEED, "10u": ROUND10U_SEED, "11u": ROUND11U_SEED,
               "12u": ROUND12U_SEED, "13u": ROUND13U_SEED}


def labelled_keys(round_mark: str = "6") -> set[str]:
    """Every article key in a gold file or in a judgement/label file, except lines of a part of the round
    `round_mark` names (rounds 8-12: every line made in that round or a later one, any facet's), so that a round's
    draws repeat after their lines, those of the same round's other draws and those of later rounds are appended."""
    keys = gold_keys()
    for path in GOLD.glob("*.jsonl"):
        for text in path.read_text("utf-8").splitlines():
            line = json.loads(text) if text.strip() else {}
            made = labelled_round(line)
            numbered = round_mark in ("8", "9", "10", "11", "12", "13")
            if ("id" in line and round_mark not in str(line.get("part", ""))
                    and not (numbered and made is not None and made >= int(round_mark))):
                keys.add(line["id"])
    return keys


def draw_random_speakers(corpus: str, count: int, round_mark: str = "6") -> list[tuple[str, str, Article]]:
    """Round 6 to 13 (`round_mark` "6", "7", "7u", "8s", "9s", "10n", "10u", "11u", "12u" or "13u"): `count` random
    articles of `corpus` (80 to ROUND6S_MAX_WORDS words; rounds 8-13: ROUND8S_WORDS; round 10n: with a SAYING_CUE)
    outside every gold and judged article; each with its part ("look6s"/"heldout6s", …, "look10n"/"heldout10n",
    "look10u"/"heldout10u", "look11u"/"heldout11u", every third held out)."""
    sized = round_mark in ("8s", "9s", "10n", "10u", "11u", "12u", "13u")
    skip = labelled_keys(round_mark[:-1] if sized else round_mark)
    seed = ROUND_SEEDS[round_mark]
    suffix = "" if round_mark[-1].isalpha() else "s"
    low, high = ROUND8S_WORDS[corpus] if sized else (80, ROUND6S_MAX_WORDS[corpus])
    pool = sorted((k, a) for k, a in articles(corpus).items()
                  if k not in skip and low <= len(a.text.split()) <= high
                  and (round_mark != "10n" or SAYING_CUE.search(a.text)))
    drawn = random.Random(f"{seed}:{corpus}").sample(pool, count)
    return [(k, f"heldout{round_mark}{suffix}" if i % 3 == 2 else f"look{round_mark}{suffix}", a)
            for i, (k, a) in enumerate(drawn)]


# Round 7 (issue 11, people precision on general news): RANDOM Wikinews articles like round 6's, by seed ROUND7_SEED,
# in no gold file and in no judgement or label file of an earlier round (lines of a round-7 part do not count, so the
# draw repeats after its lines are appended); every third one drawn is held out ("heldout7"), the rest "look7". The
# speakers helper draws at the same time (`--round7s`); an article drawn by both keeps both lines.
ROUND7_SEED = 7311


def draw_round7(corpus: str, count: int) -> list[tuple[str, str, Article]]:
    """Round 7: `count` random articles of `corpus` (80 to MAX_WORDS[corpus] words) outside every gold and judged
    article of an earlier round; each with its part ("look7"/"heldout7", every third held out)."""
    skip = labelled_keys("7")
    pool = sorted((k, a) for k, a in articles(corpus).items()
                  if k not in skip and 80 <= len(a.text.split()) <= MAX_WORDS[corpus])
    drawn = random.Random(f"{ROUND7_SEED}:{corpus}").sample(pool, min(count, len(pool)))
    return [(k, "heldout7" if i % 3 == 2 else "look7", a) for i, (k, a) in enumerate(drawn)]


# Round 8 (issue 11, people on newswire): RANDOM Reuters-21578 articles of 120 to 900 words, by seed ROUND8R_SEED,
# outside every gold and judged article (lines of a round-8 part do not count, so the draw repeats after its lines are
# appended); every third one drawn is held out ("heldout8r"), the rest "look8r".
ROUND8R_SEED = 8311


def draw_round8r(corpus: str, count: int) -> list[tuple[str, str, Article]]:
    """Round 8: `count` random articles of `corpus` (120 to 900 words) outside every gold and judged article of an
    earlier round; each with its part ("look8r"/"heldout8r", every third held out)."""
    skip = labelled_keys("8")
    pool = sorted((k, a) for k, a in articles(corpus).items() if k not in skip and 120 <= len(a.text.split()) <= 900)
    drawn = random.Random(f"{ROUND8R_SEED}:{corpus}").sample(pool, count)
    return [(k, "heldout8r" if i % 3 == 2 else "look8r", a) for i, (k, a) in enumerate(drawn)]


# Rounds 9 to 13 (issue 11, people on newswire and official text): RANDOM Reuters-21578 articles (120 to 900 words),
# Kremlin/Zelenskyy releases and UN statements (80 to 2,500 words), by the round's seed, outside every gold and judged
# article of an earlier round (lines of the same round do not count, so the draw repeats after the round's lines are
# appended); every third one drawn is held out ("heldout9p", "heldout10p", "heldout11p"), the rest "look9p", "look10p",
# "look11p".
PEOPLE_ROUND_SEEDS = {9: 9311, 10: 10311, 11: 11311, 12: 12311, 13: 13311}
PEOPLE_ROUND_WORDS = {"reuters": (120, 900), "kremlin": (80, 2_500), "un": (80, 2_500), "wikinews": (80, 900)}
# From round 13 on, Wikinews articles of up to 2,000 words: every shorter one is labelled already.
LONGER_WIKINEWS_FROM = 13


def draw_people_round(corpus: str, count: int, number: int) -> list[tuple[str, str, Article]]:
    """Round `number` (9 to 13): `count` random articles of `corpus` (PEOPLE_ROUND_WORDS) outside every gold and
    judged article of an earlier round; each with its part ("look9p"/"heldout9p", …, every third held out)."""
    skip = labelled_keys(str(number))
    low, high = PEOPLE_ROUND_WORDS[corpus]
    if corpus == "wikinews" and number >= LONGER_WIKINEWS_FROM:
        high = 2_000
    pool = sorted((k, a) for k, a in articles(corpus).items() if k not in skip and low <= len(a.text.split()) <= high)
    drawn = random.Random(f"{PEOPLE_ROUND_SEEDS[number]}:{corpus}").sample(pool, count)
    return [(k, f"heldout{number}p" if i % 3 == 2 else f"look{number}p", a) for i, (k, a) in enumerate(drawn)]
