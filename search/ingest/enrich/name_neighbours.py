"""Capitalised runs that look like a person's name but are shown by their neighbours to name something else.

`names.py` reads most cues of a thing's name (a thing's noun after the run, an organisation's word inside it, a
ticker after it). These are the cues that sit just outside the run and that general news writes often:

- an acronym's expansion: "the CV [Curriculum Vitae]", "Public Sector Computing (PSC)" — the run's initials
  spell the acronym in brackets beside it (a person's name is rarely glossed so: "John Fitzgerald Kennedy (JFK)"
  opens with a given name, and such a run is left alone);
- a maker's model: "a recalled Opel Zafira", "the Ford Taurus", "a GM Opala" — a vehicle's or aircraft's make
  (`makers` of `people.toml`) opens the run or comes right before it, and the make is no given name ("Mercedes
  Sosa" stays a person);
- a home town before a person's noun: "a 36-year-old Leeds man" — the age word would otherwise make the lone
  word a person's name ("Fourteen-year-old Zoe"), but a noun of a person right after it shows it qualifies him;
- an employer after a person's full name and "of"/"at": "Ann Doe of Harrow Vane", newswire's way of giving a
  firm or body (often named after its founders) for the person quoted. Only a doubt: a name the text also gives
  in another way stays a person.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Container
from functools import lru_cache
from importlib import resources

__all__ = ["employer_after_person", "home_town_before_person", "neighbour_thing"]

# An acronym of two to six capitals in brackets after the run, or before the run's opening bracket.
_ACRONYM_AFTER = re.compile(r"[ \t]*[(\[][ \t]*([A-Z]{2,6})[ \t]*[)\]]")
_ACRONYM_BEFORE = re.compile(r"\b([A-Z]{2,6})[ \t]*[(\[][ \t]*$")
# Capitalised words (and the link words of a body's name) right before the run, on its line: the expansion may
# start before the name-like words ("High Performance Computing": "Performance Computing" looks like a name).
_WORDS_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*[ \t]+(?:(?:of|for|and|the|de|on)[ \t]+)?)+$")
_PERSON_NOUNS = frozenset("man woman men women boy girl boys girls resident residents native couple teenager".split())
# A full name and "of"/"at" right before the run: "Ann Doe of ", "Ann B. Doe at " (its first word is checked to be
# a given name).
_PERSON_OF = re.compile(r"\b([A-Z][a-z'’]+)[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’-]+[ \t]+(?:of|at)[ \t]+$")


@lru_cache(maxsize=1)
def makers() -> frozenset[str]:
    """The vehicle and aircraft makes of `people.toml`, written before a model's name ("Ford Taurus")."""
    data = tomllib.loads(resources.files(__package__).joinpath("people.toml").read_text("utf-8"))
    return frozenset(data["names"]["makers"])


def neighbour_thing(text: str, begin: int, end: int, tokens: tuple[str, ...], first_names: Container[str]) -> bool:
    """Whether the candidate name `tokens` at `begin`..`end` is an acronym's expansion or a maker's model."""
    if tokens[0].lower() in first_names:
        return False
    previous = text[max(0, begin - 12):begin].split() if text[begin - 1:begin] == " " else []
    if len(tokens) > 1 and tokens[0] in makers() or previous and previous[-1] in makers():
        return True  # "the Ford Taurus", "a GM Opala Diplomata"
    after = _ACRONYM_AFTER.match(text, end) if text[end:end + 2].strip(" \t")[:1] in ("(", "[") else None
    opening = text.rfind("(", max(0, begin - 60), begin) + 1 or text.rfind("[", max(0, begin - 60), begin) + 1
    if after is None and not opening:
        return False
    words = _WORDS_BEFORE.search(text, max(0, begin - 60), begin)
    start = words.start() if words else begin
    initials = "".join(word[0] for word in text[start:end].split() if word[0].isupper())
    if len(initials) < 2:
        return False
    if after is not None and after.group(1) == initials:
        return True
    before = _ACRONYM_BEFORE.search(text, max(0, start - 12), start) if opening else None
    return before is not None and before.group(1) == initials


def home_town_before_person(text: str, end: int) -> bool:
    """Whether a noun of a person follows the word ending at `end` ("a 36-year-old Leeds man")."""
    following = text[end:end + 12].split(None, 1)
    return bool(following) and text[end:end + 1] == " " and following[0].rstrip(",.;:") in _PERSON_NOUNS


def employer_after_person(text: str, begin: int, first_names: Container[str]) -> bool:
    """Whether a person's full name and "of"/"at" come right before `begin` ("Ann Doe of Harrow Vane")."""
    if text[begin - 3:begin] not in ("of ", "at "):
        return False
    person = _PERSON_OF.search(text, max(0, begin - 60), begin)
    return person is not None and person.group(1).lower() in first_names
