""""Did you mean": the nearest known word, the most common among equally near ones."""

import numpy as np

from search import build_index, search
from search.index.vocabulary import Vocabulary


def vocabulary(*segments: dict[str, int]) -> Vocabulary:
    """A vocabulary from per-segment {word: articles} dicts, stored as the index stores them."""
    return Vocabulary.combine(
        (np.array(sorted(w.encode() for w in seg), dtype="S20"),
         np.array([seg[w] for w in sorted(seg)], dtype=np.int32))
        for seg in segments)


def test_nearer_words_win_over_more_common_ones():
    words = vocabulary({"cyber": 2, "cyborg": 50})
    assert words.correct("cybr") == "cyber"  # one edit away, though rarer than "cyborg" (two edits)


def test_among_equally_near_words_the_most_common_wins_counting_every_segment():
    words = vocabulary({"nato": 3, "nate": 4}, {"nato": 2})
    assert words.correct("natp") == "nato"  # 5 articles in all against 4


def test_a_known_word_or_a_far_one_gets_no_correction():
    words = vocabulary({"nato": 3})
    assert words.correct("nato") is None
    assert words.correct("zzzzzz") is None
    assert vocabulary().correct("nato") is None


def test_corrections_come_from_unstemmed_title_and_body_words(tmp_path):
    (tmp_path / "a.txt").write_text("Missile defence talks\nThe ministers discussed missiles and defence.\n")
    build_index([tmp_path / "a.txt"], tmp_path / "index")
    res = search("ministrs", index_dir=tmp_path / "index")
    assert res.total == 0 and res.suggestion == "ministers"  # a real word, not the stem "minist"
    assert search("defnce talks", index_dir=tmp_path / "index").suggestion == "defence talks"
