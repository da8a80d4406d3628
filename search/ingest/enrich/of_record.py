"""Cues for speakers of record: people who speak in a text by its form rather than by a verb of
saying — transcript turns ("President of Russia Vladimir Putin: Good afternoon…"), addresses and
interviews named in a title ("Address by X", "X's address to …", "Interview with X", "X in an
interview for …", an outlet that "interviews X"), conversations read out ("X had a telephone
conversation with Y": both speak), speeches delivered ("X delivered the annual address", "X addressed
the nation") and messages quoted ("The message reads, in part: …", sent by the subject before it);
and the speakers the input gives (`speaker`, `author` or `byline` fields: see `with_given`).

This module only finds where the cues are; `speech_settings.py` decides which named person each one
credits, with the same name resolution as for verbs of saying. The word lists are in the
`[speech]` part of `people.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from search.ingest.enrich.name_lexicon import lexicon
from search.ingest.enrich.name_resolution import resolve
from search.ingest.enrich.names import find_mentions
from search.ingest.enrich.person_names import not_a_person

__all__ = ["Cues", "alternation", "find_cues", "names_before", "with_given"]

_TURN_COLON = re.compile(r":(?=\s)")  # "Vladimir Putin: …" (not "10:30")
# A title after a lower-case word other than one that makes it an object ("told the President of …: …").
_TITLE_AFTER_LOWER = re.compile(r"(?<![\w-])(?!(?:the|to|told|asked|and|with|by|for|of|said|wrote|thanked|replied)\s)"
                                r"[a-z]+ ([A-Z][\w-]*)")
_LABEL_REACH = 160  # characters: the longest turn label ("Deputy Prime Minister – Minister of …")
_LABEL_STOPS = ".!?…\n*>"  # what ends the text before a turn's label
# Characters: how far "X delivered a speech", "Interview with X" tell who speaks in the article (further
# on, "X addressed the Assembly in 2015" is a past event, not this text's speaker); "Address by X" counts
# only in the title.
_FIRST_LINES = 300
_SUFFIX = re.compile(r"\s+(?:[IVX]+|Jr\.?|Sr\.?)(?!\w)")  # kept after a given name: "King Tupou VI"
_PARTICLE_WORD = re.compile(r"[a-z]{1,4}")  # inside a given name: "bin", "da", "oglu", "van"
_DOUBLE_NAME = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")  # a given name of one word: "Willem-Alexander"
_PERSONAL = frozenset({"mr", "mrs", "ms", "miss", "dr", "mme", "mlle"})
_SUFFIXES = frozenset({"junior", "senior", "jr", "sr"})
_ROYAL_DON = frozenset({"Don", "Dom", "Doña", "Dona"})  # a Spanish or Portuguese style after a regnal one
# An interview as a verb with the interviewer before it: "Wikinews interviews X", "The paper interviewed X"; the
# next name (after role words: "interviews planetary scientist X", "interviews 2020 candidate X") answers questions,
# so speaks (an interviewee whose answers are left out is a speaker too). Not "interviewed by X": X asks.
_INTERVIEWS = re.compile(r"(?<![\w-])[Ii]nterview(?:s|ed)(?=\s)(?!\s+by\b)")


@dataclass(frozen=True)
class Cues:
    """Where the speakers of record are cued in one text (offsets into it)."""

    labels: list[tuple[int, int]]  # turn labels: the speaker is the one person named inside
    senders: list[int]  # "The message reads:": the speaker is the subject named before
    deliveries: list[int]  # "delivered a speech" (first lines): the clause subject speaks, as for "said"
    named_after: list[int]  # "Address by" (title), "Interview with" (first lines): the next name speaks
    conversations: list[tuple[int, int]]  # "had a phone conversation with" (first lines): subject and object
    interviewed: list[int]  # "Wikinews interviews biologist X" (title, first lines): the interviewee answers
    title_end: int  # in the title, "X's address", "X in an interview" name the speaker (`names_before`)


@dataclass(frozen=True)
class _Patterns:
    label: re.Pattern[str]
    sender: re.Pattern[str]
    delivery: re.Pattern[str]
    addressed: re.Pattern[str]
    conversation: re.Pattern[str]
    nouns: tuple[str, ...]  # lower case, to skip the searches in a text without any
    after: re.Pattern[str]
    before: re.Pattern[str]


@lru_cache(maxsize=1)
def _speech() -> dict[str, list[str]]:
    """The `[speech]` part of `people.toml`."""
    speech: dict[str, list[str]] = tomllib.loads(
        resources.files(__package__).joinpath("people.toml").read_text("utf-8"))["speech"]
    return speech


@lru_cache(maxsize=1)
def _given_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Forms of address before a given name besides the titles of `[names]` ("His Serene Highness", "Dato’ Sri",
    "Lyonpo"), the place words a given name may end with ("Kosal Sea") and the ranks that are given names before two
    more ("Baron X Y"): `given_address`, `given_surnames`, `given_ranks`."""
    data = _speech()
    return frozenset(data["given_address"]), frozenset(data["given_surnames"]), frozenset(data["given_ranks"])


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = _speech()
    nouns = alternation({*data["speech_nouns"], *(n.capitalize() for n in data["speech_nouns"])})
    audiences = "|".join(sorted(map(re.escape, data["audiences"]), key=len, reverse=True))
    connectors = "|".join(sorted(map(re.escape, data["label_words"]), key=len, reverse=True))
    word = r"(?:[A-Z][\w’'.()-]*|(?:" + connectors + r")(?!\w))"
    return _Patterns(
        nouns=tuple(data["speech_nouns"]),
        label=re.compile(word + r"(?:[ \t,]+" + word + r"){0,19}"),  # with a caption glued: "… Abbas Abbas Mahmoud…"
        sender=re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?(?i:message|letter|telegram|"
                          r"greetings?|address|statement|condolences|congratulations|tweet|post|note)\b"
                          r"[^.!?:\n]{0,120}?\breads?\b[^.!?:\n]{0,30}:"),  # searched only in a text with "reads"
        # No "\b" before a trie: it would stop `re` from skipping ahead to the trie's first letters.
        delivery=re.compile(alternation({"delivered", "delivers", "gave", "gives", "made", "makes", "read out",
                                         "recorded"}) + r"\s+(?:an?|the|his|her|their|this|a\s+short)\s+"
                            r"(?:[\w-]+\s+){0,4}?" + nouns + r"\b"),
        addressed=re.compile(r"addressed\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
                             r"(?i:" + audiences + r")\b"),
        conversation=re.compile(r"(?:had|held)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:conversation|call|talks)\s+with"
                                r"(?=\s)|(?:spoke|talked)\s+(?:by\s+(?:tele)?phone\s+)?with(?=\s)"),
        after=re.compile(nouns + r"\s+(?:by|from|of|with|given\s+by)(?=\s)"),
        before=re.compile(r"(?:['’]s\s+(?:[\w-]+\s+){0,2}?"  # "Putin's New Year address"
                          r"|\s+(?:in|during|at|gave|gives|delivered|delivers)\s+(?:an?|the|his|her)\s+"
                          r"(?:[\w-]+\s+){0,2}?|\s+)" + nouns + r"\b"),  # "… in an interview", "X address"
    )


_Trie = dict[str, "_Trie"]  # character -> the trie of what may follow it ("" ends a phrase)


def alternation(phrases: set[str]) -> str:
    """A regular expression matching any of `phrases`, as a trie (much faster than a flat "a|b|c")."""
    root: _Trie = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root)


def find_cues(text: str) -> Cues:
    """The speaker-of-record cues of `text` (title and body, the title on the first line)."""
    patterns = _patterns()
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    lower = text[:max(title_end, _FIRST_LINES)].lower()
    deliveries: list[int] = []
    named_after: list[int] = []
    lead = max(title_end, _FIRST_LINES)
    if any(noun in lower[:lead] for noun in patterns.nouns):  # most texts have none: skip the slower searches
        deliveries = [m.start() for m in patterns.delivery.finditer(text, 0, lead) if _word_start(text, m.start())]
        named_after = [m.end() for m in patterns.after.finditer(text, 0, lead) if _word_start(text, m.start())
                       and (m.start() < title_end or lower.startswith("interview", m.start()))]
    if "addressed" in text[:lead]:
        deliveries += [m.start() for m in patterns.addressed.finditer(text, 0, lead) if _word_start(text, m.start())]
    interviewed = [m.end() for m in _INTERVIEWS.finditer(text, 0, lead)] if "nterview" in lower[:lead] else []
    return Cues(labels=_labels(text, patterns.label),
                senders=[m.start() for m in patterns.sender.finditer(text)] if " reads" in text else [],
                deliveries=deliveries, named_after=named_after, title_end=title_end, interviewed=interviewed,
                conversations=[m.span() for m in patterns.conversation.finditer(text, 0, lead)
                               if _word_start(text, m.start())])


def _word_start(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()


def names_before(text: str, end: int, mention_ends: list[tuple[int, str]]) -> list[str]:
    """Names (from `mention_ends`, (end offset, name) of mentions before `end`) followed by a speech noun
    ("Vladimir Putin's address to …", "Volodymyr Zelenskyy in an interview for …")."""
    before = _patterns().before
    return [name for mention_end, name in mention_ends if mention_end <= end and before.match(text, mention_end)]


def _labels(text: str, label: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of transcript turn labels: capitalised words and connectors only, from the start of a
    line or sentence up to a colon followed by space."""
    spans = []
    for colon in _TURN_COLON.finditer(text):
        end = colon.start()
        if end and text[end - 1] == " ":  # "Putin :"
            end -= 1
        low = max(0, end - _LABEL_REACH)
        stop = max(text.rfind(char, low, end) for char in _LABEL_STOPS)
        if stop < 0 and low > 0:
            continue
        start = stop + 1
        while start < end and text[start] in " \t\"”’)]*":
            start += 1
        if start < end and label.fullmatch(text, start, end):
            spans.append((start, end))
        elif formal := _formal_label(text, start, end, label):
            spans.append((formal, end))
    return spans


def _formal_label(text: str, start: int, end: int, label: re.Pattern[str]) -> int | None:
    """The start of a formal turn label ("President of Russia Vladimir Putin") that ends a run of text
    a lost line break glued it to ("… heads of defence enterprises President of Russia Vladimir Putin:"):
    a title after a lower-case word, with "of" in the label."""
    for title in _TITLE_AFTER_LOWER.finditer(text, start, end):
        if title.group(1).lower() in lexicon().gender and " of " in text[title.start(1):end] and label.fullmatch(
                text, title.start(1), end):
            return title.start(1)
    return None


def with_given(given: list[str], found: list[str]) -> list[str]:
    """Speakers (or people) given by the reader merged with those found in the text, given first.

    A given value is kept as the person's name in it, without titles ("President Jane Doe" → "Jane
    Doe"); one without a person's name ("Reuters", "Staff Writer") is dropped. A found name whose
    words are all in a given one ("Doe", "Jane Doe") is that person, not another."""
    names: list[str] = []
    for value in given:
        name = _given_name(value)
        if name and name not in names:
            names.append(name)
    words = [set(name.casefold().split()) for name in names]
    return names + [name for name in found if not any(set(name.casefold().split()) <= w for w in words)]


def _given_name(value: str) -> str | None:
    """The person's name in a given value. The value names a person by itself, so it is kept as written
    once its forms of address and titles are dropped ("His Excellency Mr. Jan Peter Balkenende" → "Jan
    Peter Balkenende", "Elmar Maharram oglu Mammadyarov" as it is), when what is left is two to eight
    words, capitalised or short particles, that name no organisation or role ("Staff Writer",
    "Associated Press"); a regnal style stays before a lone name and before a name with its number ("King Tupou VI",
    "King Abdullah II Bin Al Hussein", "King Don Felipe VI" → "King Felipe VI").
    Otherwise the longest name the name finder sees in it, else None."""
    lex = lexicon()
    words, titles = value.split(), list[str]()
    while words and _address_word(words[0], titles) and not (
            len(words) >= 3 and words[0].lower() in _given_words()[2] and words[1][:1].isupper()):  # "Baron X Y"
        titles.append(words.pop(0))
        if titles[-1].lower().strip(".") in _PERSONAL:
            while words and words[0].lower().strip(".,") in _given_words()[0]:
                titles.append(words.pop(0))  # "Mr. Lyonpo Damcho Dorji": a style, then the name
            break  # "Mr. Baron Divavesi Waqa": after "Mr." comes the name
    regnal = next((t for t in reversed(titles) if t.lower() in lex.regnal), None)
    if regnal and len(words) > 2 and words[0] in _ROYAL_DON:
        words.pop(0)  # "King Don Felipe VI": the Spanish style goes, the regnal one stays
    numbered = len(words) >= 2 and bool(_SUFFIX.fullmatch(" " + words[1]))  # "Tupou VI", "Abdullah II Bin Al Hussein"
    if regnal and words and words[0][:1].isupper() and (len(words) == 1 or numbered):
        return " ".join((regnal, *words))  # (rule 3: a regnal name keeps its style, numbered or alone)
    if len(words) == 1 and _DOUBLE_NAME.fullmatch(words[0]):
        return words[0]  # "Willem-Alexander"
    if not (len(words) == 2 and numbered) and 2 <= len(words) <= 8 and words[0][:1].isupper() and all(
            word.lstrip("‘'’")[:1].isupper() or _PARTICLE_WORD.fullmatch(word) for word in words) and not any(
            (low := word.lower().strip(".,")) in lex.organisation and low not in _given_words()[1]
            for word in words) and (
            (last := words[-1].lower().strip(".,")) not in lex.roles or last in lex.gender or last in _SUFFIXES
    ) and not not_a_person(tuple(words), lex.first_names, ()):
        return " ".join(words)
    return _found_name(value)


def _address_word(word: str, before: list[str]) -> bool:
    """Whether a word opening a given value is a form of address or a title ("His", "Excellency", "Mr.",
    "Lieutenant-General", "Dato’ Sri")."""
    low, lex, address = word.lower().strip(".,"), lexicon(), _given_words()[0]
    if low in address or low in lex.gender or low in lex.roles and low not in lex.first_names:
        return True
    if low == "sri" and before and before[-1].lower().strip(".,") in address:
        return True  # "Dato’ Sri", "Datuk Sri"
    return "-" in low and any(part in lex.gender or part in lex.roles for part in low.split("-"))


def _found_name(value: str) -> str | None:
    """The longest name the name finder sees in `value`, with a regnal number or "Jr." after it."""
    mentions = find_mentions(value)
    named = [(m, n) for m, n in zip(mentions, resolve(mentions), strict=True) if n and not m.organisation]
    if not named:
        return None
    mention, name = max(named, key=lambda pair: len(pair[1]))
    suffix = _SUFFIX.match(value, mention.end)
    return name + suffix.group() if suffix and not name.endswith(suffix.group().strip()) else name
