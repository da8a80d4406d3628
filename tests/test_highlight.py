"""Snippet windows: the binary-search count of matches against the plain count it replaced, and a bound
on the work for an article whose every word is marked (a `*?` query once took seconds per snippet)."""

from __future__ import annotations

import random
import time

import pytest

from search.engine.highlight import _best_window, snippet_html


def _best_window_by_counting(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """The window as first written: every candidate counts every match (quadratic)."""
    lead = size // 4
    best_start, best_count = 0, -1
    for a, _ in spans:
        start = max(0, a - lead)
        count = sum(1 for x, y in spans if x >= start and y <= start + size)
        if count > best_count:
            best_start, best_count = start, count
    start = best_start
    if start > 0:
        space = text.find(" ", start, start + lead)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


@pytest.mark.parametrize("seed", range(40))
def test_the_window_is_the_one_counting_every_match_gives(seed):
    rng = random.Random(seed)
    words = ["".join(rng.choice("abcdefgh") for _ in range(rng.randint(1, 30))) for _ in range(rng.randint(1, 400))]
    text = " ".join(words)
    spans, at = [], 0
    for word in words:
        if rng.random() < rng.choice([0.02, 0.2, 0.9]):
            spans.append((at, at + len(word)))
        at += len(word) + 1
    if rng.random() < 0.2 and len(spans) > 1:  # a long match (a phrase) wider than a window
        spans = [(spans[0][0], spans[-1][1])]
    size = rng.choice([20, 80, 300])
    assert _best_window(text, spans, size) == _best_window_by_counting(text, spans, size)


def test_a_long_article_whose_every_word_matches_is_cut_quickly():
    words = [f"w{i % 50}" for i in range(30_000)]
    text = " ".join(words)

    class EveryWord:
        text = "w"

    def analyzer(value: str):
        return [EveryWord()]

    started = time.thread_time()
    html = snippet_html(text, {"w"}, analyzer)
    assert html.count("<mark>") > 20
    assert time.thread_time() - started < 5  # a limit against a hang: counting one by one took minutes here
