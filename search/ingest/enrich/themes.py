"""Theme tagging from an editable taxonomy (`themes.toml`), matched on Snowball stems.

A theme is assigned only when the article is *about* it, not when it merely touches it, so the
decision weighs evidence against the article's length (the weight needed grows with the number
of words, from a floor at which a short, focused report qualifies) and asks for more than one
clue. Names of places, people and organisations ("Ukraine", "Zelenskyy", "NATO") are context, not
evidence: a COVID briefing from Kyiv is not about the war, so names may only add to topical
evidence. An article may have no theme at all. The settings are documented in `themes.toml`.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import compress, count
from pathlib import Path
from typing import Any

from search.ingest.enrich.text import stem, terms
from search.ingest.enrich.theme_passages import ParagraphRule, paragraph_of_sentences, passage
from search.ingest.enrich.theme_senses import literal
from search.ingest.enrich.theme_sentences import outside, place_named, sentences_holding, with_borrowed
from search.ingest.enrich.theme_text import RUN, list_items, sentence_starts, titled


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: fast as a dict key
class Phrase:
    """One taxonomy phrase: its stems, as written, its weight, whether it is a name (context only),
    and, for a one-word phrase written "=word", the exact lower-case word it must match (stems alone
    are too loose: "elections" and "elected" share the stem "elect", "extremism" and "extremely"
    "extrem"). `aside` is the same phrase as a circumstance of something else (see `Theme`)."""

    stems: tuple[str, ...]
    text: str
    weight: float
    is_name: bool
    exact: str | None
    aside: Phrase | None = None


@dataclass(frozen=True)
class Theme:
    """One taxonomy entry: its facet name, stemmed phrases, and the evidence a short text needs for it."""

    name: str
    phrases: tuple[Phrase, ...]
    threshold: float
    unless: tuple[str, ...] = ()  # themes that, when assigned, replace this one
    needs_name: bool = False  # a theme about one place ("War in Ukraine") needs one of its names too
    min_mentions: int | None = None  # overrides the taxonomy's `min_mentions`
    # stems of words that make a cue shortly after them the time or cause of something else
    # ("despite the pandemic", "trade fell because of the coronavirus"): that mention is context
    circumstances: frozenset[str] = frozenset()
    # stems of verbs that make a cue shortly before them the cause of something else ("the pandemic
    # has led to delays", "COVID-19 is contributing to the tension"): that mention is context too
    consequences: frozenset[str] = frozenset()
    # stems of which one must stand in a sentence holding one of the theme's cues: "strategic partnership"
    # and "allied interaction" between two states are an alliance only with a security or defence part
    needs_words: frozenset[str] = frozenset()
    # themes whose cues near one of this theme's full cues are its context ("climate change" and then the floods and
    # hurricanes it brings): each weighs `Taxonomy.borrow_weight`
    borrows: tuple[str, ...] = ()
    not_near: frozenset[str] = frozenset()  # stems that make a cue in their sentence another sense (theme_senses)
    # whether a long text (asking `Taxonomy.needs_words_scale` times a short one's evidence) needs `needs_words` too: a
    # short report that names a quake only as the cause of lost output needs the test, while a long statement's
    # disaster paragraph is already held to a passage and says "loss" and "lives" in words no list foresees
    long_needs_words: bool = True


@dataclass(frozen=True)
class Taxonomy:
    """All themes, the decision settings (see the top of `themes.toml`), and an index from a
    phrase's first stem to the phrases starting with it."""

    themes: tuple[Theme, ...]
    max_per_phrase: int
    lead_terms: int       # the first words of the text (title and lead) ...
    lead_weight: float    # ... count this many times as much
    min_words: int        # shorter texts are scored as if they had this many words
    length_exponent: float  # the evidence needed grows as (words / min_words) ** this
    name_share: float     # names add at most this many times the topical evidence
    min_phrases: int      # distinct topical phrases needed, unless one is strong
    strong_weight: float  # a topical phrase at least this heavy is enough on its own
    min_mentions: int     # topical mentions needed, however heavy (one title phrase is not a topic) ...
    mention_weight: float  # ... each of a phrase this heavy ("partners", "crude" are context, not a mention)
    passage_sentences: int  # a passage: this many sentences about the theme ...
    passage_span: int       # ... among this many consecutive ones, worth the theme's threshold
    context_share: float    # context phrases (below mention_weight) add at most this share of the mentions' weight
    min_relative: float     # a theme this much weaker than the text's strongest one is an aside
    circumstance_window: int  # a theme's circumstance words reach this many words ahead
    list_words: frozenset[str]  # stems that make a sentence with `list_commas` commas a list of topics ...
    list_commas: int
    list_weight: float  # ... in which a cue weighs at most this: one item of a list is not a paragraph
    ceremony_words: frozenset[str]  # stems that, in the title (the text's first line), make a text a ceremonial one ...
    ceremony_factor: float  # ... whose themes need this many times their threshold
    borrow_reach: int  # a cue of a theme another `borrows`, this many sentences from one of its full cues, ...
    borrow_weight: float  # ... is the other's context of this weight
    needs_words_scale: float  # a text asking this many times a short one's evidence names `needs_words` twice
    long_passage_scale: float  # a text asking this many times a short one's evidence may have a spread passage ...
    long_passage_phrases: int  # ... over passage_span × that many sentences, with this many distinct cues ...
    long_passage_span: int  # ... and at most this many sentences
    by_first_stem: dict[str, list[tuple[Phrase, Theme]]]
    short_sentences: int = 0  # a text of this many sentences or fewer (a title and a few lines) needs one mention
    # in a long, many-topic text (asking `long_passage_scale` times a short one's evidence) the aside is weaker still:
    # a statement touring a dozen topics gives its strongest one many paragraphs and another one paragraph of its own
    long_min_relative: float = 0.0
    paragraph: ParagraphRule = ParagraphRule()  # a long text's paragraph of its own (`theme_paragraphs`)


def _phrases(items: list[str], is_name: bool) -> dict[tuple[tuple[str, ...], str | None], Phrase]:
    phrases: dict[tuple[tuple[str, ...], str | None], Phrase] = {}
    for item in items:
        text, _, weight = item.rpartition(":") if _has_weight(item) else (item, "", "1")
        exact = text.startswith("=")
        text = text.removeprefix("=").strip()
        stems = tuple(terms(text))
        if exact and len(stems) != 1:
            raise ValueError(f"an exact phrase is one word: {item!r}")
        if stems:
            word = text.lower() if exact else None
            phrases[stems, word] = Phrase(stems, text, float(weight), is_name, word)
    return phrases


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Parse a taxonomy file (default: the packaged `themes.toml`)."""
    if path is None:
        raw = resources.files(__package__).joinpath("themes.toml").read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(raw)
    default_threshold = float(data.get("threshold", 3.0))
    aside_weight = float(data.get("circumstance_weight", 0.0))
    themes = []
    for entry in data.get("theme", []):
        phrases = _phrases(entry.get("names", []), is_name=True)
        phrases.update(_phrases(entry.get("phrases", []), is_name=False))  # a topical phrase wins a tie
        circumstances, consequences = _stems(entry, "circumstances"), _stems(entry, "consequences")
        if circumstances or consequences:  # each topical phrase gets an aside twin
            phrases = {key: replace(p, aside=replace(p, weight=aside_weight)) if not p.is_name
                       and p.weight > aside_weight else p for key, p in phrases.items()}
        themes.append(Theme(entry["name"], tuple(phrases.values()), float(entry.get("threshold", default_threshold)),
                            tuple(entry.get("unless", ())), bool(entry.get("needs_name", False)),
                            int(entry["min_mentions"]) if "min_mentions" in entry else None, circumstances,
                            consequences, _stems(entry, "needs_words"), tuple(entry.get("borrows", ())),
                            _stems(entry, "not_near"), bool(entry.get("long_needs_words", True))))
    by_first: dict[str, list[tuple[Phrase, Theme]]] = defaultdict(list)
    for theme in themes:
        for phrase in theme.phrases:
            by_first[phrase.stems[0]].append((phrase, theme))
    return Taxonomy(tuple(themes), int(data.get("max_per_phrase", 3)), int(data.get("lead_terms", 0)),
                    float(data.get("lead_weight", 1.0)), int(data.get("min_words", 300)),
                    float(data.get("length_exponent", 0.5)), float(data.get("name_share", 2.0)),
                    int(data.get("min_phrases", 2)), float(data.get("strong_weight", 2.0)),
                    int(data.get("min_mentions", 2)), float(data.get("mention_weight", 0.0)),
                    int(data.get("passage_sentences", 0)),
                    int(data.get("passage_span", 0)), float(data.get("context_share", 1e9)),
                    float(data.get("min_relative", 0.0)), int(data.get("circumstance_window", 0)),
                    _stems(data, "list_words"), int(data.get("list_commas", 0)), float(data.get("list_weight", 1e9)),
                    _stems(data, "ceremony_words"), float(data.get("ceremony_factor", 1.0)),
                    int(data.get("borrow_reach", 0)), float(data.get("borrow_weight", 0.0)),
                    float(data.get("needs_words_scale", float("inf"))),
                    float(data.get("long_passage_scale", float("inf"))), int(data.get("long_passage_phrases", 3)),
                    int(data.get("long_passage_span", 0)), dict(by_first), int(data.get("short_sentences", 0)),
                    float(data.get("long_min_relative", data.get("min_relative", 0.0))),
                    ParagraphRule.from_settings(data))


def _stems(entry: dict[str, Any], key: str) -> frozenset[str]:
    """The stems of the words a theme's entry lists under `key`."""
    return frozenset(stem for word in entry.get(key, ()) for stem in terms(word))


def _has_weight(item: str) -> bool:
    head, sep, tail = item.rpartition(":")
    return bool(sep and head) and tail.replace(".", "", 1).isdigit()


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The packaged taxonomy, parsed once."""
    return load_taxonomy()


@lru_cache(maxsize=64)
def _words_with_stem(text: str, word_stem: str) -> list[str]:
    """The words of `text` whose stem is `word_stem`, lower-cased, in order: the n-th is the n-th
    occurrence of the stem in `terms(text)`. Only stems of exact phrases are looked up, so this
    one scan for a prefix is cheaper than keeping every surface word of every text."""
    low = text.lower()
    prefix = word_stem[:-1] if len(word_stem) > 1 else word_stem  # "ralli" ← "rally"
    words = []
    start = low.find(prefix)
    while start >= 0:  # str.find, then the rest of the word: far faster than a regex scan
        run = RUN.match(low, start)
        word = run.group() if run else prefix
        if not (start and low[start - 1].isalnum()) and stem(word) == word_stem:  # a word's start
            words.append(word)
        start = low.find(prefix, start + len(word))
    return words


def _matches(text: str, stems: list[str], taxonomy: Taxonomy,
             starts_of: Callable[[], list[int]] | None = None) -> dict[str, list[tuple[Phrase, float, int]]]:
    """Theme → its mentions in order: (phrase, weight with the lead boost, index of the first stem).

    Matches of one theme that overlap or touch are one mention, credited to its longest phrase
    (then the heaviest): "COVID-19 pandemic" or "climate change" (which also holds "climate") is
    one clue, not two, so a single passing phrase cannot pass for two distinct pieces of evidence;
    and a weight-0 phrase ("market collapse") claims its words for nothing. Matches that touch across
    a sentence's end ("... on Climate Action. Climate change ...") are two mentions: each sentence is a
    clue of its own (`starts_of`, memoised by the caller, gives the sentence starts, looked up only then). A cue within
    `circumstance_window` words after one of its theme's circumstance words ("despite the pandemic")
    is its `aside` twin, weighing no more than context.
    """
    mentions: dict[str, list[list[Any]]] = defaultdict(list)  # theme -> [phrase, weight, end, start] in order
    starts_of = starts_of or lru_cache(maxsize=1)(lambda: sentence_starts(text))
    seen: dict[str, int] = {}  # stem of an exact phrase -> its occurrences so far
    by_first = taxonomy.by_first_stem
    for i in compress(count(), map(by_first.__contains__, stems)):  # the stems that start a phrase, found in C
        first, occurrence = stems[i], -1
        for phrase, theme in by_first[first]:
            if len(phrase.stems) > 1 and tuple(stems[i:i + len(phrase.stems)]) != phrase.stems:
                continue
            if phrase.exact is not None:
                if occurrence < 0:
                    occurrence = seen[first] = seen.get(first, -1) + 1
                if _words_with_stem(text, first)[occurrence:occurrence + 1] != [phrase.exact]:
                    continue
            if phrase.aside is not None and (
                    not theme.circumstances.isdisjoint(stems[max(0, i - taxonomy.circumstance_window):i])
                    or not theme.consequences.isdisjoint(
                        stems[i + len(phrase.stems):i + len(phrase.stems) + taxonomy.circumstance_window])):
                phrase = phrase.aside
            weight = phrase.weight * (taxonomy.lead_weight if i < taxonomy.lead_terms else 1)
            end = i + len(phrase.stems)
            found = mentions[theme.name]
            if found and (i < found[-1][2] or i == found[-1][2] and not _begins_sentence(starts_of(), i)):
                last = found[-1]
                if (len(phrase.stems), weight) > (len(last[0].stems), last[1]):
                    last[0], last[1] = phrase, weight
                last[2] = max(last[2], end)
            else:
                found.append([phrase, weight, end, i])
    return {name: [(phrase, weight, start) for phrase, weight, _, start in found] for name, found in mentions.items()}


def _begins_sentence(starts: list[int], i: int) -> bool:
    """Whether stem `i` is the first of a sentence (`starts` sorted)."""
    k = bisect_left(starts, i)
    return k < len(starts) and starts[k] == i


def _scores(mentions: Iterable[tuple[Phrase, float]], cap: int) -> dict[Phrase, float]:
    """Each phrase of weight above 0 → the sum of its `cap` heaviest mentions."""
    found: dict[Phrase, list[float]] = defaultdict(list)
    for phrase, weight in mentions:
        found[phrase].append(weight)
    return {p: sum(sorted(ws, reverse=True)[:cap]) for p, ws in found.items() if p.weight > 0}


def theme_evidence(text: str, taxonomy: Taxonomy | None = None) -> dict[str, list[str]]:
    """Themes the text is about → the phrases that matched, strongest first (topical before names).

    A theme needs (1) distinct topical evidence: `min_phrases` distinct topical phrases, or one of
    at least `strong_weight`; (2) at least `min_mentions` topical mentions of phrases weighing
    `mention_weight` or more, in as many sentences if the text has that many (one sentence of an
    article is a passing mention, and "partners" or "crude" is context, not a mention; a text of `short_sentences`
    or fewer and `min_words` words or fewer needs one, outside its title and not a circumstance); and (3) enough
    evidence for the length, either in the whole text or in one passage. In the whole text, the summed
    weight of the matches (names adding at most `name_share` times the topical weight) must reach
    the theme's `threshold` times (words / `min_words`) ** `length_exponent`, a text counted as at
    least `min_words` long, one phrase counting at most `max_per_phrase` times, a limit that grows
    with length the same way. In a passage (`theme_passages.passage`; in a long text also a paragraph of its own by
    the text's paragraph breaks), the topical weight must reach the theme's `threshold`: a long speech that gives a
    theme a paragraph is about it, one that mentions it in passing is not; a short text is judged whole. Context phrases
    (weighing less than `mention_weight`: "partners", "cooperation") add at most `context_share` times
    the weight of the theme's mentions: the per-phrase limit grows with length, so in a long transcript
    they would otherwise pile up into a theme of their own. (4) Among the themes that pass, one whose
    evidence for the length is below `min_relative` times the strongest theme's is an aside of a
    text about something else (a passage on floods in a speech on disarmament); in a long, many-topic text
    (`long_passage_scale`) below `long_min_relative` times, since its strongest theme fills many paragraphs.
    A theme listed in another's `unless` replaces it when that one's evidence for the whole text, not only a passage, is
    enough, unless the sentences that hold none of that one's cues or names are enough for it on their own
    (a speech on one war that gives other wars paragraphs of their own). A theme about one place
    (`needs_name`) needs, in a text longer than `min_words`, the place named in two sentences or a strong cue.
    A cue that is one item of a list of topics (`theme_text.list_items`) weighs at most `list_weight`; a text
    whose title names greetings, congratulations or condolences needs `ceremony_factor` times the evidence.
    """
    taxonomy = taxonomy or default_taxonomy()
    stems = terms(text)
    scale = (max(len(stems), taxonomy.min_words) / taxonomy.min_words) ** taxonomy.length_exponent
    cap = round(taxonomy.max_per_phrase * scale)
    result: dict[str, list[str]] = {}
    strength: dict[str, float] = {}  # theme -> its evidence for the length, for (4)
    starts_of = lru_cache(maxsize=1)(lambda: sentence_starts(text))  # looked up once, only if needed
    paragraphs_of = lru_cache(maxsize=1)(lambda: paragraph_of_sentences(text, starts_of()))  # likewise
    matched = literal(_matches(text, stems, taxonomy, starts_of), taxonomy.themes, stems, starts_of)
    ceremonial: bool | None = None
    worded: dict[int, bool] = {}  # sentence -> whether it holds a list word, as looked up

    def judge(theme: Theme, mentions: list[tuple[Phrase, float, int]]) -> tuple[list[str], float] | None:
        """The theme's phrases, strongest first, and its evidence for the length, if `mentions` are enough."""
        nonlocal ceremonial
        if not mentions:
            return None
        scores = _scores(((phrase, weight) for phrase, weight, _ in mentions), cap)
        topical = [p for p in scores if not p.is_name]
        if theme.needs_name and len(topical) == len(scores):
            return None
        if len({p.text for p in topical}) < taxonomy.min_phrases \
                and not any(p.weight >= taxonomy.strong_weight for p in topical):
            return None
        min_mentions = taxonomy.min_mentions if theme.min_mentions is None else theme.min_mentions
        on_topic = [(start, phrase, weight) for phrase, weight, start in mentions if phrase in topical]
        mentioned = sum(phrase.weight >= taxonomy.mention_weight for _, phrase, _ in on_topic)
        if not mentioned or mentioned < min_mentions and (scale > 1 or sum(scores.values()) < theme.threshold):
            return None  # (neither a short text nor its evidence: the sentences need not be looked up)
        starts = starts_of()
        short = scale == 1 and len(starts) <= taxonomy.short_sentences  # a title and a few lines: one is a third ...
        if short:
            min_mentions = 1
        if mentioned < min_mentions:
            return None
        in_sentences = [(bisect_right(starts, start) - 1, phrase, weight) for start, phrase, weight in on_topic]
        if taxonomy.list_words:
            cues = [(start, start + len(p.stems)) for start, p, _ in on_topic]
            items = list_items(text, stems, starts, worded, cues, taxonomy.list_words, taxonomy.list_commas)
            if items:  # an item of a list of topics weighs at most `list_weight`
                on_topic = [(start, p, min(w, taxonomy.list_weight) if start in items else w)
                            for start, p, w in on_topic]
                in_sentences = [(bisect_right(starts, start) - 1, p, w) for start, p, w in on_topic]
                scores.update(_scores(((p, w) for _, p, w in on_topic), cap))
        about = {sentence for sentence, phrase, _ in in_sentences if phrase.weight >= taxonomy.mention_weight}
        if len(about) < min(min_mentions, len(starts)):
            return None  # one sentence of several is a passing mention, however many cues it holds
        if short and not about - _circumstantial(theme, in_sentences) - ({0} if titled(text) else set()):
            return None  # ... but not a title alone (a ticker, a table's name), nor a sentence on the theme as the
            # time or cause of something else ("amid the pandemic and the spread of a new variant")
        long = scale >= taxonomy.needs_words_scale
        if theme.needs_words and (theme.long_needs_words or not long) \
                and not sentences_holding(stems, starts, mentions, theme.needs_words, 1 + long):
            return None  # a long text names the needed part in two sentences: one line on defence is an aside
        if theme.needs_name and scale > 1 and not place_named(mentions, starts, taxonomy.strong_weight):
            return None
        evidence = sum(scores[p] for p in topical if p.weight >= taxonomy.mention_weight)
        evidence += min(evidence * taxonomy.context_share,
                        sum(scores[p] for p in topical if p.weight < taxonomy.mention_weight))
        evidence += min(evidence * taxonomy.name_share, sum(s for p, s in scores.items() if p.is_name))
        if ceremonial is None:  # a message of greetings, congratulations or condolences needs more evidence
            title, newline, _ = text.partition("\n")  # `Article.text` is the title, a newline and the body
            ceremonial = bool(newline) and not taxonomy.ceremony_words.isdisjoint(terms(title))
        threshold = theme.threshold * (taxonomy.ceremony_factor if ceremonial else 1)
        if evidence < threshold * scale and (scale == 1 or not taxonomy.passage_sentences
                                             or passage(in_sentences, taxonomy, scale, paragraphs_of) < threshold):
            return None
        ranked = sorted(scores, key=lambda p: (p.is_name, -scores[p], p.text))
        return list(dict.fromkeys(p.text for p in ranked)), evidence / (threshold * scale)  # twins once

    for theme in taxonomy.themes:
        own = matched.get(theme.name)
        if not own:  # (most themes of a text: no evidence to judge)
            continue
        lent = [m for other in theme.borrows for m in matched.get(other, ())]
        verdict = judge(theme, with_borrowed(own, lent, starts_of, taxonomy.borrow_reach, lambda m: (
            _as_context(m[0], taxonomy.borrow_weight), min(m[1], taxonomy.borrow_weight), m[2])) if lent else own)
        if verdict:
            result[theme.name], strength[theme.name] = verdict
    strongest = max(strength.values(), default=0.0)
    relative = taxonomy.long_min_relative if scale >= taxonomy.long_passage_scale else taxonomy.min_relative
    for name, value in strength.items():
        if value < relative * strongest:
            del result[name]
    for theme in taxonomy.themes:  # "Armed conflict" gives way to the more specific "War in Ukraine" ...
        if theme.name not in result or not theme.unless:
            continue
        replacing = [other for other in theme.unless if other in result and strength[other] >= 1]  # ... when the
        if replacing:  # whole text, not one passage, makes that, unless the theme's own
            if not judge(theme, outside(matched[theme.name], starts_of(),  # evidence outside the other's
                                         [m for other in replacing for m in matched[other]])):  # sentences suffices
                del result[theme.name]
    return result


def _circumstantial(theme: Theme, in_sentences: list[tuple[int, Phrase, float]]) -> set[int]:
    """The sentences holding a cue of `theme` as the circumstance or cause of something else (its `aside` twin)."""
    asides = {phrase.aside for phrase in theme.phrases if phrase.aside is not None}
    return {sentence for sentence, phrase, _ in in_sentences if phrase in asides}


@lru_cache(maxsize=256)
def _as_context(phrase: Phrase, weight: float) -> Phrase:
    """Another theme's phrase as context of this weight (one object per phrase: phrases are compared by identity)."""
    return replace(phrase, weight=weight, aside=None)
