"""Editorial brackets inside a person's name, read away: "(Prime Minister Ann) Doe" and "Zachary (Roe)", as a
quotation completed by the writer or a surname added to a given name writes them (gold rule 5: "[Bashir al] Assad"
→ `Bashir al Assad`). Without this the words on either side of a bracket are two runs, and the person is a lone
given name ("Ann") beside a lone surname.
"""

from __future__ import annotations

import re

from search.ingest.enrich.name_lexicon import HONORIFIC, ROLE, Lexicon

__all__ = ["unbracketed"]

# A title and a name in brackets, and a capitalised word right after: "(Finance Minister Ann) Doe's visit" (not "(See
# index) The", which holds a lower-case word, nor "(Singapore) Ltd" or "(Cacex) Ann Doe": no title before the last).
_BRACKET_BEFORE_SURNAME = re.compile(r"\(((?:[A-Z][\w.'’-]*[ \t]+){0,3}([A-Z][\w.'’-]*)[ \t]+"
                                     r"[A-Z][a-z][\w'’-]*)\)[ \t]+(?=[A-Z][a-z])")
# One capitalised word in brackets right after a capitalised word: "Zachary (Roe)" (kept only after a given name).
# (found from the bracket, the fast look, and the word before it read back)
_SURNAME_IN_BRACKETS = re.compile(r"\(([A-Z][a-z][\w'’-]*)\)(?=[ \t,.;:])")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]*[ \t]+$")


def unbracketed(text: str, lex: Lexicon) -> str:
    """`text` with the brackets that split a person's name turned into spaces (offsets and line breaks unchanged):
    a bracket holding a title and a name right before a capitalised word ("(Prime Minister Ann) Doe"), and one
    holding a capitalised word after a known given name ("Zachary (Roe)")."""
    if "(" not in text:  # (a cheap look first: most texts have no bracket)
        return text
    text = _BRACKET_BEFORE_SURNAME.sub(
        lambda found: f" {found.group(1)} " if lex.kinds.get(found.group(2).lower()) in (HONORIFIC, ROLE)
        else found.group(), text)
    return _SURNAME_IN_BRACKETS.sub(lambda found: _given_name_and_bracket(found, lex), text)


def _given_name_and_bracket(found: re.Match[str], lex: Lexicon) -> str:
    """After a known given name, a bracketed word that is no given name is the surname ("Zachary (Roe)" → "Zachary
    Roe"); a bracketed given name is a nickname ("James (Jim) Roe"), left as it is (the nickname also stands alone
    with the surname in such texts, "Jim Roe", and no rule makes "Jim" the same person as "James")."""
    text, start, inside = found.string, found.start(), found.group(1)
    given = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if given is None or given.group().split()[0].lower() not in lex.first_names or inside.lower() in lex.first_names:
        return found.group()
    return f" {inside} "
