"""The second labelling of themes (benchmarks/gold/theme_relabels.jsonl) is well formed.

It measures how far two readers agree under the gold rules (benchmarks/theme_agreement.py): a line
outside the taxonomy, a theme without its reason, an article missing or counted twice, or an article
from a TEST part would change or taint that agreement without anyone noticing.
"""

from __future__ import annotations

import json

from test_gold import GOLD, THEMES, corpus_records, gold_lines, split_of

FIELDS = {"corpus", "id", "themes", "why"}
GOLD_FILES = {"un": "un_gold.jsonl", "kremlin": "kremlin_gold.jsonl"}
BATCH = 6  # the blind batch of theme_labels.jsonl that was relabelled


def relabels() -> list[dict]:
    text = (GOLD / "theme_relabels.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_every_line_has_taxonomy_themes_each_with_a_short_reason():
    lines = relabels()
    assert lines, "the relabelling is not empty"
    for line in lines:
        assert set(line) == FIELDS, line.get("id")
        assert line["corpus"] in GOLD_FILES, line["id"]
        themes = line["themes"]
        assert isinstance(themes, list) and len(set(themes)) == len(themes), line["id"]
        assert set(themes) <= THEMES, f"{line['id']}: {set(themes) - THEMES}"
        assert set(line["why"]) == set(themes), f"{line['id']}: one reason per theme, no other"
        # a short reason in our words, never a passage of the article
        assert all(isinstance(w, str) and 10 <= len(w) <= 300 for w in line["why"].values()), line["id"]


def test_relabels_cover_the_dev_parts_and_batch_6_and_no_test_article():
    keys = [(line["corpus"], line["id"]) for line in relabels()]
    assert len(set(keys)) == len(keys), "one line per article"
    in_gold = {(corpus, line["id"]): line["split"]
               for corpus, name in GOLD_FILES.items() for line in gold_lines(name)}
    for key in keys:  # a gold article is relabelled only from its DEV part, by the file and by the sha1 rule
        in_test = key in in_gold and (in_gold[key] != "dev" or split_of(key[1]) != "dev")
        assert not in_test, f"{key[1]} is in a TEST part"
    expected = {key for key, split in in_gold.items() if split == "dev"}
    expected |= {(label["corpus"], label["id"])
                 for label in gold_lines("theme_labels.jsonl") if label["batch"] == BATCH}
    assert set(keys) == expected, f"missing {expected - set(keys)}, extra {set(keys) - expected}"


def test_relabelled_keys_exist_in_the_corpora():
    records = {corpus: corpus_records(name) for corpus, name in GOLD_FILES.items()}
    for line in relabels():
        assert line["id"] in records[line["corpus"]], f"{line['id']} is not in the {line['corpus']} corpus"
