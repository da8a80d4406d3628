"""A person named only by the office, government or era they head: "the Reagan administration", "the Morrison
government", "The Hollins Cabinet" (gold calls of rounds 7 and 8: the name is that person's). Newswire writes a
leader's surname so far more often than with a title, and without this rule the surname, untitled and alone, is
no person of the article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from search.ingest.enrich.given_names import english_surnames
from search.ingest.enrich.name_lexicon import Lexicon, lone_thing_word, place_words
from search.ingest.enrich.person_names import known_organisations

__all__ = ["HELD_TITLE", "held_office_holder"]

HELD_TITLE = "held"  # the title of a lone name that heads an office ("the X administration"): it makes it a person
# The office or government right after the name or its possessive, in lower case or capitalised ("Administration"),
# ending the run (not "the X Government Fund").
_HELD_AFTER = re.compile(r"(?:['’]s)?[ \t\n]+(?:[Aa]dministration|[Cc]abinet|[Pp]residency|[Pp]remiership"
                         r"|[Cc]hancellorship|(?P<ruled>[Gg]overnment|[Rr]egime))\b(?![ \t]+[A-Z])")
_THE_BEFORE = ("the ", "The ", "the\n", "The\n")


def held_office_holder(text: str, start: int, word: str, lex: Lexicon) -> bool:
    """Whether the lone capitalised `word` at `start` is the surname of one who heads an office: "the" right before
    it or a possessive after it, and an office's noun right after ("the Reagan administration", "Ostrow's
    presidency"), the word no place's, demonym's, region's,
    organisation's or common word's ("the Bonn cabinet", "the Federal administration"); before "government" or
    "regime", only an English surname or an Arabic article's name (`_surnames`)."""
    after = start + len(word)
    if not (text.startswith(_THE_BEFORE, start - 4) or text.startswith(("'s", "’s"), after)) or not (
            held := _HELD_AFTER.match(text, after)):
        return False
    low = word.casefold()
    if held.group("ruled") and not (low in _surnames() or low.startswith(("al-", "el-"))):
        return False  # "the Sichuan government", "the Sandinista regime" (not "the Morrison government", "Al-X")
    return not (lone_thing_word(word, "", "", lex) or low in place_words() or low in lex.places
                or low in known_organisations() or low in lex.kinds)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """English surnames (Faker's): the only names "government" and "regime" take for their head's, as places,
    provinces, movements and peoples come before them far more often ("the Lao Government", "the Nazi regime")."""
    return english_surnames()
