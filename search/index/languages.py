"""Which analysis an article's words get, by its language, and the terms each analysis makes.

Porter's English rules conflate unrelated words of other languages (German "Messe", trade fair,
and "Messing", brass, are both `mess`), so only English articles (and those whose language is
unknown) are stemmed as English. An article in a language Whoosh has a Snowball stemmer for
(`whoosh.lang`: French, German, Spanish, Italian, Dutch, Portuguese, Russian, the Nordic
languages, Hungarian, Romanian, Arabic) is stemmed by that stemmer: "Fähren" and "Fähre" are
both `fahr`. Any other language's words are kept as written (lowercased): *plain terms*.

Every term that is not an English stem starts with `PLAIN_MARK`, which no token holds (tokens
are word characters, `*` and dots): `=wort` is a plain term, `=de:fahr` a German stem. So the
analyses never meet in the term space: an English stem `mess` matches no German word, and a
French stem no German one. The tokens, stop words and sizes are the same in every analysis, so
an article's field lengths and positions do not depend on its language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from whoosh.lang import has_stemmer, stemmer_for_language
from whoosh.lang.porter import stem as porter_stem

ENGLISH = "en"  # the analysis of English articles and of those whose language is unknown: Porter stems
PLAIN = "="     # the analysis of a language Whoosh has no stemmer for: the words as written
PLAIN_MARK = "="
WORD_TERMS_KEPT = 200_000  # (analysis, word) -> term, remembered for query words


def analysis_of(language: str | None) -> str:
    """The analysis an article in `language` (an ISO 639-1 code, the language facet's value)
    gets: `ENGLISH`, a language code with a Snowball stemmer, or `PLAIN`."""
    code = (language or "").strip().lower()
    if code in ("", ENGLISH):
        return ENGLISH
    return code if has_stemmer(code) else PLAIN


def mark(analysis: str) -> str:
    """What every term of a non-English `analysis` starts with: `=` (plain), `=fr:` (French)."""
    return PLAIN_MARK if analysis == PLAIN else f"{PLAIN_MARK}{analysis}:"


@cache
def stemmer(analysis: str) -> Callable[[str], str]:
    """The stemming function of an analysis other than English (`PLAIN`: none, the word itself)."""
    if analysis == PLAIN:
        return str
    stem: Callable[[str], str] = stemmer_for_language(analysis)
    return stem


_MARKS = re.compile(r"=(?:[a-z]{2}:)?")  # `mark`s, wherever they are in a term, pattern or range


@lru_cache(maxsize=WORD_TERMS_KEPT)
def term_of(analysis: str, word: str) -> str:
    """The term `analysis` makes of a kept, lowercased word."""
    if analysis == ENGLISH:
        return str(porter_stem(word))
    return mark(analysis) + stemmer(analysis)(word)


def from_plain(analysis: str, plain_term: str) -> str:
    """The term `analysis` makes of the word of a plain term (`=wort`), as Whoosh's analyzer of
    that analysis would make it of the same query text (wildcard patterns and prefixes too)."""
    return term_of(analysis, plain_term[len(PLAIN_MARK):])


def unmarked(text: str) -> str:
    """A query part as notices show it: its terms without their marks (`=de:fahr` → `fahr`)."""
    return _MARKS.sub("", text)
