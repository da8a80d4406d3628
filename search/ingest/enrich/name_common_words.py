"""Surnames that are also common words, in a text that writes the word in lower case too.

`names.py` takes a capitalised word that the same text also writes in lower case for a common word
("Security" beside "security"). That is right for most such words, but it loses every person whose
surname is an ordinary word when the text happens to use the word: "Ban Ki-moon" beside "a ban on
testing", "John Key" beside "the key issue", "Sarah Fox" beside "a fox". Listed names that are also
words ("Brown", "Rice", "May": `people.toml`'s `name_words`) are decided by their neighbours already;
this module gives the same chance to the unlisted ones, on evidence found in the text itself, so one
name-like use anywhere in the text makes the word a name throughout it (as "Key said" after "John
Key"):

- right after a form of address that only a person takes ("Mr Key", "Dr Fox");
- right after a known given name, when the word is an English surname too ("Sarah Fox", "Anna Bell";
  not "Victoria Memorial", whose last word is no surname);
- right before a hyphenated Korean given name ("Ban Ki-moon"): a Korean surname is one short syllable.

Words that name places and organisations ("Valley", "Street", "Church", "Bank") are listed in
`people.toml` and never reach this test, so "Jordan Valley" or "Chase Bank" stay things.
The test runs once per distinct word and text, and only for capitalised words the text also writes in
lower case, so it costs a few string searches per article.

Burmese names have the same trouble with two words of their own (`burmese_words`): the forms of address
"U" and "Daw", which are no part of the name ("U Thein Sein" is Thein Sein) but look like an initial and
a name word, and the syllable "San", listed as a place's prefix ("San Francisco"), inside a name ("Aung
San Suu Kyi", where the name would be cut in two).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from search.ingest.enrich.given_names import english_surnames
from search.ingest.enrich.name_lexicon import HONORIFIC, INITIAL, NAME, lexicon

__all__ = ["CommonWordNames", "burmese_words"]

_BURMESE_ADDRESS = frozenset({"U", "Daw"})  # "Mr" and "Ms" (never "U." as in "U. S. Grant": that is an initial)
_BURMESE = _BURMESE_ADDRESS | {"San"}

# Forms of address used only before a person's name (not "Miss", as in "Miss World", nor ranks and offices).
_ADDRESS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."})
# A Korean given name of two romanised syllables joined by a hyphen, after the surname: "Ki-moon", "Geun-hye".
_KOREAN_GIVEN = re.compile(r" [A-Z][a-z]{1,4}-[a-z]{1,5}(?![\w-])")
_KOREAN_SURNAME_LETTERS = 5  # "Ban", "Moon", "Chung"


class CommonWordNames:
    """The capitalised words of one text that the text shows to be names although it also writes them in
    lower case; `word in names` answers for one capitalised word, computed once per word."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}
        self.addressed: bool | None = None  # whether the text has a form of address at all ("Mrs" holds "Mr")

    def __contains__(self, word: str) -> bool:
        named = self.known.get(word)
        if named is None:
            if self.addressed is None:
                self.addressed = "Mr" in self.text or "Ms" in self.text or "Dr" in self.text
            named = self.known[word] = _named(self.text, word, self.addressed)
        return named


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """`english_surnames`, built once (it reads Faker's lists)."""
    return english_surnames()


def _named(text: str, word: str, addressed: bool) -> bool:
    """Whether some capitalised occurrence of `word` in `text` is used as a surname (see the module docstring)."""
    surname = word.lower() in _surnames()
    korean = len(word) <= _KOREAN_SURNAME_LETTERS
    if not (surname or korean or addressed) or not word[1:].islower():
        return False  # (no evidence can be found: most words of most texts)
    first_names = lexicon().first_names
    size = len(word)
    at = text.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            if text[at - 1:at] == " " and not text[at - 2:at - 1].isspace() and (
                    previous := text[max(0, at - 25):at - 1].rsplit(None, 1)):
                before = previous[-1]
                low = before.lower()
                if low in _ADDRESS or surname and before[:1].isupper() and low in first_names:
                    return True
            if korean and _KOREAN_GIVEN.match(text, end):
                return True
        at = text.find(word, end)
    return False


def burmese_words(words: list[str], kinds: list[str], first_names: Container[str]) -> None:
    """Reclassify, in one run's `kinds`, "San" between two name words as a name word ("Aung San Suu Kyi"; not
    after a known given name: "Jose San Juan" is left as it was), then a Burmese form of address before a name
    of at least two words as a title ("U Thein Sein", "Daw Aung San Suu Kyi"; not the initial of "John U Doe",
    and "U Thant", of one word, keeps it)."""
    if _BURMESE.isdisjoint(words):
        return
    for k in range(1, len(words) - 1):
        if words[k] == "San" and kinds[k - 1] == kinds[k + 1] == NAME and words[k - 1].lower() not in first_names:
            kinds[k] = NAME
    for k, word in enumerate(words[:-2]):
        if word in _BURMESE_ADDRESS and kinds[k] in (NAME, INITIAL) and kinds[k + 1] == kinds[k + 2] == NAME and (
                k == 0 or kinds[k - 1] not in (NAME, INITIAL)):
            kinds[k] = HONORIFIC
