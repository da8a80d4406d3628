"""One person, one value in the whole index: the aliases of a person facet's values.

The person facets are those declared with `Facet(..., person=True)` in search/model.py (speakers
and people; an extra facet of names may opt in). Enrichment resolves a surname to the full name
only within one article, so across an index the same person appears as "Obama" and "Barack
Obama", "Ban Ki-moon" and "Ban Ki-Moon", "António Guterres" and "Antonio Guterres". The facet
tables of the person facets are put together once per index version (search/index/snapshot.py);
`canonical_names` maps each of their values to one value per person there, from the values and
their document counts alone (cheap: one pass over the distinct values). The rules are
conservative, because merging two people is worse than showing one person twice:

(a) values with the same folded key (accents stripped, case folded, dots dropped, dashes and
    apostrophes of every kind made one) are one person: "Antonio Guterres" / "António Guterres";
(a') multi-word values with the same transliteration key (the folded key with y/j read as i,
    kh as h, w as v, apostrophes dropped and doubled letters single) are one person: "Mykhailo
    Podoliak" / "Mykhailo Podolyak", "Sergei Sobyanin" / "Sergey Sobyanin";
(b) a one-word value equal (folded) to the last word of exactly one multi-word person, or of one
    person holding at least `SURNAME_SHARE` of the documents of all such persons, is that
    person: "Obama" → "Barack Obama". A surname shared by two people of similar weight ("Smith"
    for "John Smith" and "Jane Smith") stays on its own, and so does a word that is at least as
    often a first word ("John" for "Seth John" when "John Ashe" is as frequent);
(c) multi-word values with the same first and last word (folded) are one person when the words
    of one are all among the other's (middle names or initials added): "Sam Kutesa" / "Sam
    Kahamba Kutesa", and so also "George Bush" / "George W. Bush" (father and son are rarely
    both in one news collection; an analyst is better served by one value than by a split by
    initials), a suffix after the last name aside ("Robert Downey" / "Robert Downey Jr.");
(f) a multi-word value whose first name is a common English short form of the first name of
    exactly one other person with the same other words is that person: "Jim Wright" / "James
    Wright", "Bill Clinton" / "William Clinton" (`SHORT_FORMS`; a short form of two full names,
    "Ted" for Edward and Theodore, is listed under neither);
(d) a multi-word value that is another one without its last letter, when that letter is not
    ASCII, is the same person whose name lost a letter the source could not encode ("Vuk
    Jeremi." for "Vuk Jeremić"); a lost ASCII letter ("Ali Hassan" / "Ali Hassani") is no such
    sign and merges nothing.

Two multi-word values that differ in their last word, or in their first word other than by (e),
are never merged. A person's
value is its most frequent multi-word spelling (ties: the longer, then the one with diacritics).
"""

from __future__ import annotations

import re
import unicodedata

from search.model import FACETS

RULES_VERSION = 6  # saved facet tables of another version of these rules are rebuilt
MIN_SHORT_FIRST = 4  # letters of a shortened first name for rule (e): "Chris", "Alex", not "Al"
MIN_CUT = 3  # letters the full first name has beyond the shortened one, for rule (e)
SURNAME_SHARE = 0.8  # of the documents of the people with a surname, for the surname alone to be theirs

# Common English short forms of first names (rule (f)), each of one full name only.
SHORT_FORMS = {
    "jim": "james", "jimmy": "james", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael", "dick": "richard",
    "rick": "richard", "tom": "thomas", "tommy": "thomas", "joe": "joseph", "tony": "anthony",
    "dave": "david", "dan": "daniel", "danny": "daniel", "steve": "stephen", "ken": "kenneth",
    "ron": "ronald", "don": "donald", "pete": "peter", "fred": "frederick", "larry": "lawrence",
    "jerry": "gerald", "chuck": "charles", "charlie": "charles", "sam": "samuel", "ben": "benjamin",
    "tim": "timothy", "andy": "andrew", "nick": "nicholas", "pat": "patrick", "matt": "matthew",
    "greg": "gregory", "jeff": "jeffrey", "doug": "douglas", "liz": "elizabeth", "beth": "elizabeth",
    "kate": "katherine", "katie": "katherine", "sue": "susan", "peggy": "margaret", "maggie": "margaret",
    "jenny": "jennifer", "becky": "rebecca", "vicky": "victoria", "chris": "christopher",
}
_SUFFIXES = frozenset("jr sr ii iii iv vi vii viii ix".split())  # after a name: "Robert Downey Jr."
_TRANSLITERATION = (("kh", "h"), ("y", "i"), ("j", "i"), ("w", "v"), ("'", ""))
_DOUBLED = re.compile(r"(\w)\1+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`´]")


def person_facets() -> list[str]:
    """The names of the facets whose values are people's names (`Facet.person`), registered extra
    facets included (so read at call time, not import time)."""
    return [name for name, facet in FACETS.items() if facet.person]


def fold(value: str) -> str:
    """The comparison key of a name: no accents, case folded, no dots, one kind of dash and apostrophe."""
    decomposed = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES.sub("'", _DASHES.sub("-", text)).replace(".", " ")
    return " ".join(text.split())


def transliteration_key(key: str) -> str:
    """A folded name with the usual differences of romanisation made one (rule (a'))."""
    for old, new in _TRANSLITERATION:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


def _name_words(key: str) -> list[str]:
    """The words of a folded name without a suffix after it ("robert downey jr" → robert, downey), for
    the rules that compare first and last names."""
    words = key.split()
    return words[:-1] if len(words) > 2 and words[-1] in _SUFFIXES else words


def _preference(value: str, count: int) -> tuple[int, int, int, int, str]:
    """Sort key of the spellings of one person (largest first): multi-word, frequent, long, accented."""
    accented = sum(1 for c in value if ord(c) > 127)
    return (len(value.split()) > 1, count, len(value), accented, value)


def _within(shorter: str, longer: str) -> bool:
    """Whether every word of `shorter` is in `longer`, in the same order."""
    words = iter(longer.split())
    return all(word in words for word in shorter.split())


def canonical_names(values: list[str], counts: list[int]) -> dict[str, str]:
    """Every value mapped to the value of its person (itself when it has no alias); `counts[i]`
    is the number of documents with `values[i]`."""
    count_of: dict[str, int] = {}
    for value, count in zip(values, counts, strict=True):
        count_of[value] = count_of.get(value, 0) + int(count)
    # rule (a): one group per folded key; rule (c): multi-word groups with the same first and
    # last word join when one's words are all among the other's ("Sam Kutesa" in "Sam Kahamba
    # Kutesa"), so "Banque Paribas Paris" and "Banque Nationale de Paris" stay apart
    groups: dict[str, list[str]] = {}
    for value in count_of:
        groups.setdefault(fold(value), []).append(value)
    parent = {key: key for key in groups}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    by_transliteration: dict[str, str] = {}  # rule (a')
    for key in groups:
        if " " in key:
            other = by_transliteration.setdefault(transliteration_key(key), key)
            if other != key:
                parent[root(key)] = root(other)
    by_ends: dict[tuple[str, str], list[str]] = {}
    for key in groups:
        words = _name_words(key)
        if len(words) > 1:
            by_ends.setdefault((words[0], words[-1]), []).append(key)
    for keys in by_ends.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if _within(a, b) or _within(b, a):
                    parent[root(b)] = root(a)
    # rule (d): a name that lost its last, non-ASCII letter ("Vuk Jeremi" for "Vuk Jeremić")
    for value in count_of:
        key = fold(value)
        if " " in key and ord(value[-1]) > 127 and value[-1].isalpha() and key[:-1] in groups:
            parent[root(key[:-1])] = root(key)
    # rule (e): a first name cut short ("Chris Stevens") joins the one person whose first name it starts
    by_rest: dict[tuple[str, ...], list[str]] = {}
    for key in groups:
        words = _name_words(key)
        if len(words) > 1:
            by_rest.setdefault(tuple(words[1:]), []).append(key)
    for keys in by_rest.values():
        for key in keys:
            first = _name_words(key)[0]
            if len(first) < MIN_SHORT_FIRST:
                continue
            longer = {k: _name_words(k)[0] for k in keys
                      if _name_words(k)[0] != first and _name_words(k)[0].startswith(first)}
            persons = {root(k) for k in longer}
            if (len(persons) == 1 and root(key) not in persons
                    and all(len(full) >= len(first) + MIN_CUT for full in longer.values())):
                parent[root(key)] = persons.pop()
    # rule (f): a short form of a first name ("Jim Wright") joins the one person of its full form
    for keys in by_rest.values():
        for key in keys:
            full = SHORT_FORMS.get(_name_words(key)[0])
            persons = {root(k) for k in keys if _name_words(k)[0] == full}
            if len(persons) == 1 and root(key) not in persons:
                parent[root(key)] = persons.pop()
    # rule (b): a surname alone joins the one person (or the clearly dominant one) it ends;
    # not when values starting with the word ("John Ashe" for "John") are as frequent as that person
    first_words: dict[str, int] = {}
    for key, members in groups.items():
        if " " in key:
            first = key.split()[0]
            first_words[first] = first_words.get(first, 0) + sum(count_of[v] for v in members)
    people: dict[str, list[str]] = {}  # root -> its folded keys
    for key in groups:
        people.setdefault(root(key), []).append(key)
    by_last: dict[str, list[str]] = {}
    for person, keys in people.items():
        lasts = {_name_words(k)[-1] for k in keys if " " in k}
        for last in lasts:
            by_last.setdefault(last, []).append(person)
    for key in groups:
        candidates = by_last.get(key, []) if " " not in key else []
        weights = [sum(count_of[v] for k in people[c] for v in groups[k]) for c in candidates]
        if candidates and max(weights) >= SURNAME_SHARE * sum(weights) and max(weights) > first_words.get(key, 0):
            parent[root(key)] = candidates[weights.index(max(weights))]
    merged: dict[str, list[str]] = {}
    for key, members in groups.items():
        merged.setdefault(root(key), []).extend(members)
    mapping: dict[str, str] = {}
    for members in merged.values():
        chosen = max(members, key=lambda v: _preference(v, count_of[v]))
        mapping.update((member, chosen) for member in members)
    return mapping
