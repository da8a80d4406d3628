"""The word-feature theme model of benchmarks/train_themes.py (an experiment, not shipped): its
features must come from the sentences that carry a theme's cues and from the lead, and its training
must be deterministic and able to learn a word, or the "words do not help" result would mean
nothing. Texts are our own sentences."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from train_themes import SparseLogistic, rules, word_features  # noqa: E402

DISASTERS = "Disasters & emergency response"
FILLER = " ".join(f"The committee met on day {n} and adjourned." for n in range(1, 20))
TEXT = ("Town council reviews its budget\nThe council discussed parking fees for the market square. "
        + FILLER + " A strong earthquake shook the valley and rescuers searched collapsed barns. "
        + FILLER + " Afterwards the orchestra rehearsed a symphony.")


def test_word_features_come_from_cue_sentences_and_the_lead():
    features = word_features(TEXT)[DISASTERS]
    assert f"{DISASTERS}|c:valley" in features and f"{DISASTERS}|c:barn" in features  # the cue sentence
    assert f"{DISASTERS}|l:park" in features  # the title and lead
    assert not any(name.endswith(":orchestra") for name in features)  # a sentence without a cue, after the lead
    assert f"{DISASTERS}|l:valley" not in features  # the cue sentence is beyond the lead
    assert not any(name.split(":", 1)[1].isdigit() for name in features)


def _row(group: str, gold: bool, words: set[str], assigned: float = 0.0) -> tuple:
    return (group, f"{group}-{len(words)}", "T", gold, [1.0] + [0.5] * 10 + [assigned], frozenset(words))


def test_training_is_deterministic_and_learns_a_word():
    train = [_row(f"g{i}", i % 2 == 0, {"T|c:blast" if i % 2 == 0 else "T|c:budget", f"T|c:w{i % 3}"})
             for i in range(40)]
    first, second = SparseLogistic(train), SparseLogistic(train)
    assert np.array_equal(first.v, second.v) and np.array_equal(first.w, second.w)
    p = first.probability([_row("new", True, {"T|c:blast"}), _row("new", False, {"T|c:budget"}),
                           ("new", "k", "T", True, None, frozenset())])
    assert p[0] > 0.7 > 0.3 > p[1] and p[2] == 0.0  # a row without a cue is never proposed


def test_the_rules_decision_is_a_feature_only_when_asked():
    train = [_row(f"g{i}", i % 2 == 0, set(), assigned=float(i % 2 == 0)) for i in range(20)]
    with_rules, without = SparseLogistic(train), SparseLogistic(train, rules_feature=False)
    assert len(with_rules.w) == len(without.w) + 1
    assert with_rules.probability([_row("n", True, set(), 1.0)])[0] > 0.7
    assert rules([_row("n", True, set(), 1.0), _row("n", True, set(), 0.0)]) == [True, False]
