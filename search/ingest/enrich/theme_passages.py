"""Whether one passage of a text is about a theme (for `themes`): a long text that gives a theme a paragraph is
about it, one that names it in separate sentences is not.

Mentions are a theme's topical cues as (sentence number, phrase, weight); the settings are the taxonomy's (see the
top of `themes.toml`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from search.ingest.enrich.theme_paragraphs import ParagraphRule, paragraph_of_sentences, paragraph_passage
from search.ingest.enrich.theme_sentences import FULL_CUE

__all__ = ["ParagraphRule", "paragraph_of_sentences", "passage"]


class Cue(Protocol):
    """What this module reads of a taxonomy phrase (`themes.Phrase`)."""

    @property
    def text(self) -> str: ...

    @property
    def weight(self) -> float: ...


class PassageSettings(Protocol):
    """What this module reads of the taxonomy (`themes.Taxonomy`)."""

    @property
    def passage_sentences(self) -> int: ...

    @property
    def passage_span(self) -> int: ...

    @property
    def min_phrases(self) -> int: ...

    @property
    def strong_weight(self) -> float: ...

    @property
    def long_passage_scale(self) -> float: ...

    @property
    def long_passage_phrases(self) -> int: ...

    @property
    def long_passage_span(self) -> int: ...

    @property
    def paragraph(self) -> ParagraphRule: ...


def passage(mentions: Sequence[tuple[int, Cue, float]], taxonomy: PassageSettings, scale: float = 1.0,
            paragraphs: Callable[[], Sequence[int]] | None = None) -> float:
    """The heaviest evidence that one passage gives a theme (0 if none does). `mentions` are the
    theme's topical mentions in order as (sentence number, phrase, weight). A passage is
    `passage_sentences` or more sentences about the theme (cues weighing `FULL_CUE` or more) within
    `passage_span` consecutive ones, holding distinct cues as the whole text must (`min_phrases`
    phrases, or a strong one). A long, many-topic text (asking `long_passage_scale` times a short one's
    evidence) writes longer paragraphs and breaks one with an example or an aside, so its passage may
    spread over `passage_span` × `scale` sentences (at most `long_passage_span`: a paragraph and its aside,
    not a chapter of a long transcript) when it holds `long_passage_phrases` distinct cues: a theme
    told in several words, not one word repeated in passing. With `paragraphs` (the paragraph of each sentence, looked
    up only then), a long text's paragraph of its own counts too (`theme_paragraphs.paragraph_passage`)."""
    by_sentence: dict[int, tuple[float, set[Cue]]] = {}
    for sentence, phrase, weight in mentions:
        total, phrases = by_sentence.get(sentence, (0.0, set()))
        by_sentence[sentence] = (total + weight, phrases | {phrase})
    about = [(sentence, total, phrases) for sentence, (total, phrases) in by_sentence.items() if total >= FULL_CUE]
    best = _window(about, taxonomy.passage_span, taxonomy.passage_sentences, lambda phrases: len(
        {p.text for p in phrases}) >= taxonomy.min_phrases or any(p.weight >= taxonomy.strong_weight for p in phrases))
    if not best and scale >= taxonomy.long_passage_scale:
        best = _window(about, min(round(taxonomy.passage_span * scale), taxonomy.long_passage_span),
                       taxonomy.passage_sentences,
                       lambda phrases: len({p.text for p in phrases}) >= taxonomy.long_passage_phrases)
    if paragraphs is not None and taxonomy.paragraph.sentences and scale >= taxonomy.long_passage_scale:
        best = max(best, paragraph_passage(mentions, paragraphs(), taxonomy.paragraph))
    return best


def _window(about: list[tuple[int, float, set[Cue]]], span: int, sentences: int,
            distinct: Callable[[set[Cue]], bool]) -> float:
    """The heaviest weight of `sentences` or more of the sentences `about` a theme (in order) within `span`
    consecutive ones whose phrases are `distinct` enough (0 if none). A taxonomy that leaves the span unset (0)
    asks for no passages: no window of under one sentence holds any."""
    if span < 1:
        return 0.0
    best, first = 0.0, 0
    for last in range(len(about)):
        while about[last][0] - about[first][0] >= span:
            first += 1
        window = about[first:last + 1]
        if len(window) >= sentences and distinct(set().union(*(p for _, _, p in window))):
            best = max(best, sum(total for _, total, _ in window))
    return best
