"""Cues used in another sense (for `themes`): a theme's `not_near` words in a cue's sentence make the cue nothing.

General news borrows the words of war and terror for other things: a cricket report's pace attack "bombarded" the
batsmen and "hostilities resumed" after lunch; a war film's "drama about the invasion" follows "troops" and
"civilians"; a shooting game pits players against "terrorists". A weight-0 phrase ("war film") claims only the words
it spells, and these cues stand a few words from the word that shows the sense, so the test is the sentence: a cue in
a sentence that names a film, a game or a match (a theme's `not_near` words, as stems) is dropped before the theme is
judged. The lists are short and name the kind of story, never one story's words.

Mentions are `themes._matches` tuples (phrase, weight, index of the first stem in `text.terms(text)`); `starts` are
the sentence starts of `theme_text.sentence_starts`, looked up only when a theme with such words has cues.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

__all__ = ["literal"]


class SensedTheme(Protocol):
    """What this module reads of a taxonomy theme (`themes.Theme`)."""

    @property
    def name(self) -> str: ...

    @property
    def not_near(self) -> frozenset[str]: ...


Mention = TypeVar("Mention", bound=tuple[object, float, int])


def literal(matched: dict[str, list[Mention]], themes: Iterable[SensedTheme], stems: list[str],
            starts_of: Callable[[], list[int]]) -> dict[str, list[Mention]]:
    """`matched` (theme name -> its mentions in order) without the mentions of a theme that stand in a sentence
    holding one of the theme's `not_near` stems; a theme left with none is left out. A text holding none of a theme's
    `not_near` stems anywhere keeps its mentions without the sentence starts being looked up (most texts)."""
    for theme in themes:
        mentions = matched.get(theme.name)
        if not theme.not_near or not mentions or theme.not_near.isdisjoint(stems):
            continue
        starts = starts_of()
        bounds = starts + [len(stems)]
        figurative: dict[int, bool] = {}
        kept = []
        for mention in mentions:
            sentence = bisect_right(starts, mention[2]) - 1
            if sentence not in figurative:
                figurative[sentence] = not theme.not_near.isdisjoint(stems[bounds[sentence]:bounds[sentence + 1]])
            if not figurative[sentence]:
                kept.append(mention)
        if kept:
            matched[theme.name] = kept
        else:
            del matched[theme.name]
    return matched
