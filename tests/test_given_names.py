"""Given names from Faker's per-locale lists (`given_names.py`), as the people rules use them.

Sentences are our own. The rules asking "is this a known given name?" now know names of many
languages (the hand list of `people.toml` was mostly English), and still not ordinary English
words that are also given names somewhere ("Summer", "Patience", "Lucky").
"""

from __future__ import annotations

import tomllib
import unicodedata
from importlib import resources

import pytest

from search.ingest.enrich.given_names import faker_given_names
from search.ingest.enrich.name_lexicon import lexicon
from search.ingest.enrich.people import find_people


@pytest.mark.parametrize("name", ["Torsten", "Wojciech", "Milos", "Yusuf", "Ingrid"])
def test_a_lone_given_name_of_another_language_after_a_relative_noun_is_a_person(name: str) -> None:
    found = find_people(f"His partner {name} said the shop would close on Friday.")
    assert found.people == [name]
    assert found.speakers == [name]


@pytest.mark.parametrize("word", ["Summer", "Patience", "Lucky"])
def test_an_english_word_that_is_also_a_given_name_is_not_taken_for_one(word: str) -> None:
    assert word.lower() in faker_given_names()  # Faker does list it
    assert word.lower() in _ordinary_words()  # the corpora write it in lower case
    assert word.lower() not in lexicon().first_names
    assert find_people(f"His partner {word} said the shop would close on Friday.").people == []


def test_the_gender_of_a_given_name_keeps_she_from_a_man() -> None:
    text = ("A spokeswoman said the budget was ready, and Chancellor Torsten Ahlgren would present it on Friday.\n"
            "She said nothing more would be published before then.")
    found = find_people(text)
    assert "Torsten Ahlgren" in found.people
    assert "Torsten Ahlgren" not in found.speakers
    assert lexicon().first_names["torsten"] == "m"


def test_places_and_english_surnames_are_no_given_names() -> None:
    first_names = lexicon().first_names
    for word in ("jordan", "georgia", "texas", "asia", "johnson", "harris"):
        assert word not in first_names, word


def test_the_hand_lists_win_over_faker() -> None:
    data = tomllib.loads(resources.files("search.ingest.enrich").joinpath("people.toml").read_text("utf-8"))["names"]
    first_names = lexicon().first_names
    assert all(first_names[name.lower()] == "m" for name in data["male_first_names"])
    assert all(first_names[name.lower()] == "f" for name in data["female_first_names"])
    assert len(first_names) > 10 * len(data["male_first_names"] + data["female_first_names"])


def test_only_latin_script_single_words_are_kept() -> None:
    names = faker_given_names()
    assert names and all(" " not in name and all(not ch.isalpha() or unicodedata.name(ch).startswith("LATIN")
                                                 for ch in name) for name in names)


def _ordinary_words() -> set[str]:
    return set(resources.files("search.ingest.enrich").joinpath("given_name_words.txt").read_text("utf-8").split())
