"""Whether a long text gives a theme a paragraph of its own (for `themes`), by the paragraphs the text itself marks.

A statement signals a real topic by giving it a paragraph: it opens the subject, names it again, and spends the
other sentences of the paragraph on an example, a figure or a call to action in words no cue list foresees ("our
clinics ran out of beds within a week"). Such a paragraph may hold the theme's cues in only two of its sentences, too
few for a `theme_passages` passage (three sentences about the theme), while two cue sentences in separate paragraphs
are two passing mentions. So the text's own paragraph breaks decide: a paragraph whose cue sentences are
`paragraph_sentences` or more and at least `paragraph_share` of its sentences, one of its cues a heavy one, is about
the theme (the same cue may open and close it: an embargo condemned, then asked to be lifted) when it goes on for
`paragraph_min_sentences` sentences or more from its first cue (rule 41: a paragraph of three sentences; two closing
lines on terrorism after one on peacekeeping are a two-sentence mention). Records mark paragraphs three ways: a blank
line, an indented next line (hard-wrapped records), or one long line per paragraph.

Mentions are a theme's topical cues as (sentence number, phrase, weight); sentence starts are those of
`theme_text.sentence_starts`, positions in `text.terms(text)`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from search.ingest.enrich.theme_sentences import FULL_CUE
from search.ingest.enrich.theme_text import RUN

__all__ = ["LONG_LINE", "ParagraphRule", "paragraph_of_sentences", "paragraph_passage"]

LONG_LINE = 150  # a line this long is a whole paragraph (records kept one paragraph a line); wrapped lines are ~60


class Cue(Protocol):
    """What this module reads of a taxonomy phrase (`themes.Phrase`)."""

    @property
    def text(self) -> str: ...

    @property
    def weight(self) -> float: ...


@dataclass(frozen=True)
class ParagraphRule:
    """The settings of a paragraph of its own (`paragraph_*` at the top of `themes.toml`); `sentences` 0 looks for
    none."""

    sentences: int = 0  # cue sentences a paragraph needs ...
    share: float = 1.0  # ... and this share of its sentences at least
    min_sentences: int = 3  # it runs this many sentences from its first cue on
    cue: float = 1.5  # one of its cues weighs this much

    @classmethod
    def from_settings(cls, data: Mapping[str, Any]) -> ParagraphRule:
        """The rule as a taxonomy file sets it."""
        return cls(int(data.get("paragraph_sentences", 0)), float(data.get("paragraph_share", 1.0)),
                   int(data.get("paragraph_min_sentences", 3)), float(data.get("paragraph_cue", 1.5)))


def paragraph_of_sentences(text: str, starts: Sequence[int]) -> list[int]:
    """The paragraph number of each sentence (`starts`, sorted stem positions). A paragraph ends at a blank line,
    before an indented line, and after a line of `LONG_LINE` characters or more; the title line is one of its own."""
    breaks, count = [0], 0
    lines = text.split("\n")
    for number, (line, following) in enumerate(zip(lines, lines[1:] + [""], strict=True)):
        count += len(RUN.findall(line))
        if not number or not following.strip() or following[:1] in (" ", "\t") or len(line) >= LONG_LINE:
            breaks.append(count)
    return [bisect_right(breaks, start) - 1 for start in starts]


def paragraph_passage(mentions: Sequence[tuple[int, Cue, float]], paragraph_of: Sequence[int],
                      rule: ParagraphRule) -> float:
    """The heaviest evidence one paragraph of its own gives a theme (0 if none does): the summed weight of its cue
    sentences (`FULL_CUE` or more each), in a paragraph that runs `rule.min_sentences` sentences or more from
    the first of them, of whose sentences `rule.sentences` or more, and at least `rule.share`, are such cue
    sentences, one of whose cues weighs `rule.cue` or more: "conflict" said twice in a paragraph on women's rights is
    no paragraph about a war."""
    sizes: dict[int, int] = {}
    last: dict[int, int] = {}  # paragraph -> its last sentence
    for sentence, paragraph in enumerate(paragraph_of):
        sizes[paragraph] = sizes.get(paragraph, 0) + 1
        last[paragraph] = sentence
    by_sentence: dict[int, tuple[float, set[Cue]]] = {}
    for sentence, phrase, weight in mentions:
        total, phrases = by_sentence.get(sentence, (0.0, set()))
        by_sentence[sentence] = (total + weight, phrases | {phrase})
    by_paragraph: dict[int, list[tuple[float, set[Cue]]]] = {}
    first: dict[int, int] = {}  # paragraph -> its first cue sentence
    for sentence, (total, phrases) in sorted(by_sentence.items()):
        if total >= FULL_CUE and sentence < len(paragraph_of):
            by_paragraph.setdefault(paragraph_of[sentence], []).append((total, phrases))
            first.setdefault(paragraph_of[sentence], sentence)
    best = 0.0
    for paragraph, about in by_paragraph.items():
        size = sizes[paragraph]
        cues: set[Cue] = set().union(*(phrases for _, phrases in about))
        if last[paragraph] - first[paragraph] >= rule.min_sentences - 1 \
                and len(about) >= rule.sentences \
                and len(about) >= rule.share * size \
                and any(p.weight >= rule.cue for p in cues):
            best = max(best, sum(total for total, _ in about))
    return best
