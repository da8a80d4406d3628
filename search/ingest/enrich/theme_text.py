"""Where the sentences and the items of lists of topics are in the stems of a text (for `themes`).

Both are positions in `text.terms(text)`, the stems the taxonomy's phrases are matched on: a theme's
evidence is counted by sentence (a passage is several sentences about it), and a cue that is one item of a
list of topics ("the leaders discussed trade, energy, the pandemic and security") weighs less than a
sentence given to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from search.ingest.enrich.text import ABBREVIATIONS

__all__ = ["LIST_ITEM_WORDS", "RUN", "list_items", "sentence_starts"]

RUN = re.compile(r"[^\W_]+")  # the runs `terms` stems
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*$")


def titled(text: str) -> bool:
    """Whether the text's first line, with no stop and a body after it, is a title (its first sentence)."""
    title, newline, rest = text.partition("\n")
    return bool(newline and rest.strip()) and not _SENTENCE_END.search(title.rstrip())


def sentence_starts(text: str) -> list[int]:
    """The index in `terms(text)` of each sentence's first stem. A sentence ends at ".", "!" or "?"
    closing a word that is not an abbreviation or an initial, and at a blank line (a title or a
    paragraph without a final stop). The first line, when it has no stop, is a title and a sentence of
    its own (`Article.text` is the title, a newline and the body): a report whose title and lead name
    a theme mentions it in two sentences. Hard-wrapped lines (UN records) do not end sentences."""
    starts, count = [0], 0
    if titled(text):
        title, _, text = text.partition("\n")
        count = len(RUN.findall(title))  # a title line without a stop is a sentence of its own
        starts.append(count)
    for block in re.split(r"\n\s*\n", text):
        for chunk in block.split():
            runs = RUN.findall(chunk)
            count += len(runs)
            if runs and _SENTENCE_END.search(chunk) and len(runs[-1]) > 1 \
                    and chunk.rstrip(".!?\"'”’»)]").lower() not in ABBREVIATIONS:
                starts.append(count)
        starts.append(count)
    return sorted({start for start in starts if start < count})


LIST_ITEM_WORDS = 6  # an item of a list of topics is a short run between two separators


@lru_cache(maxsize=8)
def _commas(text: str) -> list[int]:
    """The number of words (alphanumeric runs) before each comma or semicolon of `text`, in order."""
    positions, runs = [], 0
    for piece in re.split(r"[,;]", text)[:-1]:  # one findall per piece: far faster than a scan word by word
        runs += len(RUN.findall(piece))
        positions.append(runs)
    return positions


def list_items(text: str, stems: list[str], starts: list[int], worded: dict[int, bool],
                cues: list[tuple[int, int]], list_words: frozenset[str], list_commas: int) -> set[int]:
    """The starts of those `cues` ((start, end) in stems) that are items of a list of topics ("The leaders
    discussed trade, energy supplies, the pandemic and regional security", as a readout names a call's topics):
    in a sentence with a list word (`worded` memoises the look-up) and `list_commas` commas or more, a run of at
    most LIST_ITEM_WORDS words between two separators (a comma, "and", or a list word up to three words before),
    one a comma; not a cue before a sentence's first comma ("During the talks on the war, the President ...")."""
    bounds = starts + [len(stems)]
    items = set()
    for start, end in cues:
        sentence = bisect_right(starts, start) - 1
        first, last = bounds[sentence], bounds[sentence + 1]
        if sentence not in worded:
            worded[sentence] = not list_words.isdisjoint(stems[first:last])
        if not worded[sentence]:
            continue
        commas = _commas(text)
        if bisect_left(commas, last) - bisect_right(commas, first) < list_commas:
            continue
        reach = LIST_ITEM_WORDS - (end - start)  # the separators of an item lie this close to the cue
        commas_before = commas[bisect_left(commas, max(first + 1, start - reach)):bisect_right(commas, start)]
        commas_after = commas[bisect_left(commas, end):bisect_left(commas, min(last, end + reach + 1))]
        before = commas_before + [i + 1 for i in range(max(first, start - reach), start)
                                  if stems[i] == "and" or i >= start - 3 and stems[i] in list_words]
        after = commas_after + [i for i in range(end, min(last, end + reach + 1)) if stems[i] == "and"]
        if before and after and min(after) - max(before) <= LIST_ITEM_WORDS and (
                max(before) in commas_before or min(after) in commas_after):
            items.add(start)
    return items
