"""Which of a theme's mentions stand in which sentences (for `themes`): whether enough cue sentences hold a needed
word, whether a place is named in two sentences, the mentions outside another theme's sentences, and the cues a theme
borrows near its own.

Mentions are `themes._matches` tuples (phrase, weight, index of the first stem in `text.terms(text)`); `starts`
are the sentence starts of `theme_text.sentence_starts`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

__all__ = ["FULL_CUE", "outside", "place_named", "sentence_of", "sentences_holding", "with_borrowed"]


class Cue(Protocol):
    """What these functions read of a taxonomy phrase (`themes.Phrase`)."""

    @property
    def weight(self) -> float: ...

    @property
    def is_name(self) -> bool: ...


Mention = TypeVar("Mention", bound=tuple[Cue, float, int])

FULL_CUE = 1.0  # a sentence is about a theme when its cues weigh this much: one full cue, not "partners"


def sentences_holding(stems: list[str], starts: list[int], mentions: Sequence[Mention], words: frozenset[str],
                      enough: int) -> bool:
    """Whether `enough` of the sentences holding one of `mentions` (a theme's cues, names included) hold one of `words`
    (the look-up stops there)."""
    bounds = starts + [len(stems)]
    found = 0
    for sentence in {bisect_right(starts, start) - 1 for phrase, _, start in mentions if phrase.weight > 0}:
        found += not words.isdisjoint(stems[bounds[sentence]:bounds[sentence + 1]])
        if found >= enough:
            return True
    return False


def place_named(mentions: Sequence[Mention], starts: list[int], strong_weight: float) -> bool:
    """Whether a theme about one place ("War in Ukraine") has its place named in two sentences or more, or
    a strong cue of its own: aggression and troops beside a single "Ukraine" in a long speech are another
    war (a short report is judged whole: one sentence that names the place locates all of it)."""
    if any(not phrase.is_name and phrase.weight >= strong_weight for phrase, _, _ in mentions):
        return True
    return len({bisect_right(starts, start) - 1 for phrase, _, start in mentions if phrase.is_name}) >= 2


def outside(mentions: Sequence[Mention], starts: list[int], others: Sequence[Mention]) -> list[Mention]:
    """Those of `mentions` that are not in a sentence holding one of `others` (cues and names of another theme):
    a speech that gives wars in other places their own paragraphs is about them too, not only the war it names."""
    taken = {bisect_right(starts, start) - 1 for phrase, _, start in others if phrase.weight > 0}
    return [mention for mention in mentions if bisect_right(starts, mention[2]) - 1 not in taken]


def sentence_of(starts: list[int], start: int) -> int:
    """The number of the sentence that holds stem `start` (`starts` sorted)."""
    return bisect_right(starts, start) - 1


def with_borrowed(own: list[Mention], lent: list[Mention], starts_of: Callable[[], list[int]], reach: int,
                  as_context: Callable[[Mention], Mention]) -> list[Mention]:
    """A theme's mentions, in order, with the topical cues of the themes it borrows (`lent`) that stand within
    `reach` sentences of one of its own full cues, made its context (`as_context`): a paragraph on climate change
    goes on in the words of its impacts (floods, hurricanes, drought). The sentence starts (`starts_of`, memoised
    by the caller) are looked up only when both sides have such cues."""
    full = [start for phrase, _, start in own if not phrase.is_name and phrase.weight >= FULL_CUE]
    topical = [mention for mention in lent if not mention[0].is_name and mention[0].weight > 0]
    if not full or not topical:
        return own
    starts = starts_of()
    near = {sentence_of(starts, start) + step for start in full for step in range(-reach, reach + 1)}
    borrowed = [as_context(mention) for mention in topical if sentence_of(starts, mention[2]) in near]
    return sorted(own + borrowed, key=lambda mention: mention[2]) if borrowed else own
