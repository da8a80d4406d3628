"""The hand-labelled gold sets are well-formed: keys in the corpora, splits by the rule, fields present.

A broken gold line (a key no longer in the corpus, a theme outside the taxonomy, a speaker missing
from people, a split that does not follow the sha1 rule) would silently change every number that
benchmarks/eval_facets.py reports; these checks make it fail here instead.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pycountry
import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
SHARED = ROOT.parent / "shared" / "corpora"
LIST_FIELDS = ("speakers", "people", "countries", "regions", "organisations", "themes")
THEMES = {
    "Arms control & non-proliferation", "Cyber security", "Defence industry & arms trade", "Partnerships & alliances",
    "Hybrid warfare", "Emerging technologies", "Climate & security", "War in Ukraine",
    "Economic security & supply chains", "Nuclear & missile threats", "Maritime & territorial disputes",
    "Terrorism & violent extremism", "Armed conflict", "Energy security", "Pandemics & health security",
    "Disasters & emergency response", "Protests & civil unrest", "Elections & democracy",
}
REGIONS = {
    "Indo-Pacific", "Asia-Pacific", "Euro-Atlantic", "Transatlantic", "Korean Peninsula", "South China Sea",
    "East China Sea", "Middle East", "Baltic states", "Sahel", "Balkans", "Western Balkans", "Caucasus",
    "Central Asia", "Horn of Africa", "Persian Gulf", "Arctic", "Latin America", "Southeast Asia", "Black Sea",
    "Taiwan Strait", "Europe", "Africa", "Asia", "Scandinavia", "Caribbean", "Gulf of Aden", "Mediterranean",
    "Gaza Strip", "West Bank", "Kashmir", "Crimea", "Donbas",
}
CANONICAL_COUNTRIES = {  # the README's canonical short names that pycountry spells otherwise
    "South Korea", "North Korea", "Russia", "United States", "United Kingdom", "Iran", "Syria", "Vietnam",
    "Taiwan", "Bolivia", "Venezuela", "Tanzania", "Laos", "Moldova", "Palestine", "Czech Republic",
    "Vatican City", "Ivory Coast", "DR Congo", "Republic of the Congo", "Micronesia", "Brunei", "Cape Verde",
    "Eswatini", "North Macedonia", "Turkey", "Kosovo", "Hong Kong", "Macau",
}
# (gold file, key field, corpus reader giving {key: record}, least number of labelled articles)
GOLD_SETS = {
    "wikinews_gold.jsonl": ("url", 74),
    "un_gold.jsonl": ("id", 24),
    "kremlin_gold.jsonl": ("id", 24),
}

pytestmark = pytest.mark.corpus  # the keys are checked against ../shared/corpora


def split_of(key: str) -> str:
    return "dev" if hashlib.sha1(key.encode()).hexdigest()[0] in "01234567" else "test"


def latin(name: str) -> str:
    """Case-folded, with Cyrillic look-alike letters as Latin ones (one UN record spells a Latin name
    with Cyrillic "е" and "а"; the gold label uses the Latin letters, see the README)."""
    return name.translate(str.maketrans("еаосрхіЕАОСРХІ", "eaocpxiEAOCPXI")).casefold()


def country_names() -> set[str]:
    names = set(CANONICAL_COUNTRIES)
    for country in pycountry.countries:
        names |= {getattr(country, attr) for attr in ("name", "common_name") if getattr(country, attr, None)}
    return names


def corpus_records(name: str) -> dict[str, dict]:
    if name == "wikinews_gold.jsonl":
        folder = SHARED / "wikinews"
        if not folder.is_dir():
            pytest.skip(f"{folder} is absent")
        csv.field_size_limit(sys.maxsize)
        rows: dict[str, dict] = {}
        for path in sorted(folder.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                rows.update({row["url"]: row for row in csv.DictReader(handle)})
        return rows
    path = SHARED / ("un-general-debate/un_general_debate_2010_2016.jsonl" if name == "un_gold.jsonl"
                     else "kremlin-zelenskyy/releases_2021.jsonl")
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return {r["id"]: r for r in map(json.loads, path.read_text("utf-8").splitlines())}


def gold_lines(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_gold_file_is_well_formed(name):
    key, least = GOLD_SETS[name]
    lines, records, countries = gold_lines(name), corpus_records(name), country_names()
    assert len(lines) >= least
    assert len({line[key] for line in lines}) == len(lines), "one line per article"
    for line in lines:
        record = records.get(line[key])
        assert record is not None, f"{line[key]} is not in the corpus"
        assert line["split"] == split_of(line[key]), f"{line[key]}: split must follow the sha1 rule"
        assert line["title"] == record["title"] and line["date"] == record["date"], line[key]
        assert line["source"] == record.get("source", "Wikinews")
        for field in LIST_FIELDS:
            assert isinstance(line[field], list) and all(isinstance(v, str) and v.strip() for v in line[field]), field
            assert len(set(line[field])) == len(line[field]), f"{line[key]}: duplicate {field}"
        assert set(line["speakers"]) <= set(line["people"]), f"{line[key]}: every speaker is also a person"
        assert set(line["themes"]) <= THEMES, line[key]
        assert set(line["regions"]) <= REGIONS, line[key]
        assert set(line["countries"]) <= countries, f"{line[key]}: {set(line['countries']) - countries}"
        # labels only, never article text: no label is a long run of words
        assert all(len(v) <= 120 for field in LIST_FIELDS for v in line[field]), line[key]


@pytest.mark.parametrize("name", ["un_gold.jsonl", "kremlin_gold.jsonl"])
def test_new_gold_sets_have_both_parts_and_the_speaker_of_record(name):
    lines, records = gold_lines(name), corpus_records(name)
    splits = Counter(line["split"] for line in lines)
    assert splits["dev"] >= 12 and splits["test"] >= 12, splits
    if name == "un_gold.jsonl":
        for line in lines:  # the speaker of record (record metadata, titles dropped) is labelled as a speaker
            record_speaker = re.sub(r"^(Mr|Mrs|Ms|Dr)\.?\s+", "", records[line["id"]]["gold_speaker_of_record"])
            assert latin(record_speaker) in {latin(s) for s in line["speakers"]}, line["id"]
            assert len(records[line["id"]]["body"].split()) <= 1200, "UN statements drawn among those ≤ 1,200 words"
    else:
        kinds = {(line["split"], line["kind"]) for line in lines}
        for split in ("dev", "test"):
            assert {"transcript", "address", "readout", "greeting", "news"} <= {k for s, k in kinds if s == split}


def test_blind_theme_labels_are_outside_every_gold_part():
    """The blind theme labels (theme_sample.py --labels) are a check apart from DEV and TEST: an
    article in a gold file, or labelled in two batches, would mix the parts and count twice."""
    labels = gold_lines("theme_labels.jsonl")
    gold_keys = {line[GOLD_SETS[name][0]] for name in GOLD_SETS for line in gold_lines(name)}
    records = {"un": corpus_records("un_gold.jsonl"), "kremlin": corpus_records("kremlin_gold.jsonl")}
    assert len({label["id"] for label in labels}) == len(labels), "one label line per article"
    for label in labels:
        assert label["id"] in records[label["corpus"]], label["id"]
        assert label["id"] not in gold_keys, f"{label['id']} is in a gold file"
        assert isinstance(label["batch"], int) and label["batch"] >= 1
        assert set(label["themes"]) <= THEMES and len(set(label["themes"])) == len(label["themes"]), label["id"]
