"""The one definition of a cluster document: its columns, how an `Article` becomes a row, and the
index configuration every shard's real-time index is rendered from.

Full-text fields hold OUR analyzer's terms (search/index/analysis.py, the analysis the local Whoosh
index uses), space-joined in order, and Sphinx is told to do nothing of its own (no morphology,
no stop words, every character of a term a word character), so it matches exactly the terms Whoosh
matches; queries are analysed the same way (`term_token`). A term Sphinx could not keep as it is
(longer than its 42-character word limit, a character beyond U+FFFF, or a `*`, its wildcard) is
indexed as a hash token (`§t` + hex), equal for equal terms and unlike any real term (`§` is no
word character of ours): it matches exactly, but not by prefix. A plain term (a word of a
non-English article, `=word`: search/index/languages.py) is the token `§pword`, and a stem of
another language's stemmer (`=de:fahr`) the token `§sdefahr` (`=` and `:` are no word characters
to Sphinx), so they match by prefix too and never meet an English stem.

Facets: `facets` (JSON, facet name → values, for FACET / GROUP BY counts by value) and
`facet_ids` (multi-valued 64-bit, a stable hash per facet value, for any/all/exclude filters;
hashes need no dictionary shared by loaders that run at once). `facet_terms` holds one token per
facet value (`facet_token`), so `country:"South Korea"` can be part of a full-text query.
Person facets store each person's one value (search/index/person_aliases.py, computed over the
whole cluster by the loader); the spellings read are kept in `raw_persons` / `alias_ids`, so a
later load can recount and rewrite them. `record` is the rest of the `Article` (JSON), so a
document can be rewritten without reading or enriching it again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from search.index.analysis import TERMS, indexed_words, terms_of_words
from search.index.languages import ENGLISH, PLAIN_MARK, analysis_of
from search.index.schema import indexed_values
from search.model import FACETS, Article

SCHEMA_VERSION = 1  # written to the cluster's records; a loader refuses a cluster of another version
MAX_WORD_CHARS = 42  # Sphinx 2.2 / Manticore cut longer words (SPH_MAX_WORD_LEN)
TEXT_FIELDS = ("title", "body")
FIELDS = (*TEXT_FIELDS, "facet_terms")
STRING_ATTRIBUTES = ("article_id", "title_text", "body_text", "source", "url", "origin", "content_hash", "record")
JSON_ATTRIBUTES = ("facets", "raw_persons")
MULTI_ATTRIBUTES = ("facet_ids", "alias_ids")
TIMESTAMP_ATTRIBUTES = ("published",)  # seconds since 1970 (0: no date, or a date before 1970)
# published_day = YYYYMMDD, published_month = YYYYMM, published_year = YYYY (0: no date); sortable,
# range-filterable and groupable for every date from year 1 on
UINT_ATTRIBUTES = ("published_day", "published_month", "published_year")
COLUMNS = ("id", *FIELDS, *STRING_ATTRIBUTES, *JSON_ATTRIBUTES, *MULTI_ATTRIBUTES, *TIMESTAMP_ATTRIBUTES,
           *UINT_ATTRIBUTES)
# every character of our terms is a word character, and nothing is mapped (terms are lower case
# already); '*' is left out: it is the wildcard of queries (a term holding one is a hash token)
CHARSET_TABLE = "0..9, A..Z, a..z, _, ., U+80..U+2FFFF"
_HASH_MASK = (1 << 63) - 1


def stable_hash(text: str) -> int:
    """A 63-bit hash of `text`, the same on every machine and Python run, never 0 (0 is no id to Sphinx)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big") & _HASH_MASK or 1


def doc_id(article_id: str) -> int:
    """The Sphinx document id of an article: a stable hash of its id."""
    return stable_hash(article_id)


def shard_of(article_id: str, shards: int) -> int:
    """The shard (0 … shards-1) that holds the article with this id."""
    return doc_id(article_id) % shards


def facet_id(facet: str, value: str) -> int:
    """The id of a facet value in `facet_ids` / `alias_ids`: a stable hash of "facet\\x1fvalue"."""
    return stable_hash(f"{facet}\x1f{value}")


# in every document's `facet_terms`: what a query of exclusions only (`-russia`) matches first, since
# Sphinx cannot run a lone NOT (search/cluster/sphinxql.py)
EVERY_DOCUMENT_TOKEN = "§all"


def facet_token(facet: str, value: str) -> str:
    """The full-text token of a facet value in `facet_terms` (`country:"South Korea"` in a query)."""
    return f"§f{facet_id(facet, value):x}"


PLAIN_TOKEN = "§p"  # a plain term's token: the word after it
STEM_TOKEN = "§s"  # the token of another language's stem: the language code, then the stem


def term_token(term: str) -> str:
    """How the analysed term `term` (search.index.analysis) is written in a full-text field and
    in MATCH(): as it is (a plain term after `PLAIN_TOKEN`, another language's stem after
    `STEM_TOKEN` and its code), or a hash token when Sphinx could not keep it exactly."""
    token = term
    if term.startswith(PLAIN_MARK):  # "=word", or "=xx:stem" (languages.mark: two-letter codes)
        rest = term[len(PLAIN_MARK):]
        token = STEM_TOKEN + rest[:2] + rest[3:] if rest[2:3] == ":" else PLAIN_TOKEN + rest
    if len(token) <= MAX_WORD_CHARS and "*" not in token and all(ord(c) <= 0xFFFF for c in token):
        return token
    return f"§t{stable_hash(term):x}"


def article_language(article: Article) -> str:
    """An enriched article's language (its language facet's value; "" when unknown)."""
    return next(iter(article.facets.get("language") or []), "")


_TOKENS: list[str] = []  # term id (search.index.analysis.TERMS) -> its token


def analysed_text(text: str, analysis: str = ENGLISH) -> str:
    """The indexed terms of `text` in `analysis` (search/index/languages.py), in order, as
    space-joined tokens: a full-text field's value."""
    word_ids, _ = indexed_words(text)
    if not len(word_ids):
        return ""
    term_ids = terms_of_words(word_ids, analysis)
    while len(_TOKENS) < len(TERMS):
        _TOKENS.append(term_token(TERMS[len(_TOKENS)]))
    tokens = _TOKENS
    return " ".join([tokens[t] for t in term_ids.tolist()])


Aliases = Mapping[str, Mapping[str, str]]  # person facet -> {spelling: the person's one value}


def facet_values(article: Article, aliases: Aliases) -> dict[str, list[str]]:
    """Every facet's values as the cluster stores them: as a local index keeps them, and for a
    person facet each value replaced by its person's one value (duplicates dropped)."""
    result = {}
    for name, facet in FACETS.items():
        values = indexed_values(article, facet)
        mapping = aliases.get(name)
        if mapping:
            values = [mapping.get(v, v) for v in values]
        result[name] = list(dict.fromkeys(values))
    return result


def person_values(article: Article) -> dict[str, list[str]]:
    """The values of the person facets as read (before aliases)."""
    return {name: list(dict.fromkeys(indexed_values(article, facet)))
            for name, facet in FACETS.items() if facet.person}


def record_of(article: Article) -> str:
    """The article as JSON, but for its title and body (kept in `title_text` / `body_text`)."""
    return json.dumps({"id": article.id, "url": article.url, "origin": article.origin,
                       "published": article.published.isoformat() if article.published else None,
                       "facets": article.facets, "theme_evidence": article.theme_evidence,
                       "metadata": article.metadata}, ensure_ascii=False, separators=(",", ":"))


def article_of(title: str, body: str, record: str) -> Article:
    """The `Article` a row was written from (as enriched, before person aliases)."""
    data = json.loads(record)
    published = data.get("published")
    return Article(id=data["id"], title=title, body=body, url=data.get("url", ""),
                   published=date.fromisoformat(published) if published else None,
                   facets=data.get("facets") or {}, theme_evidence=data.get("theme_evidence") or {},
                   origin=data.get("origin", ""), metadata=data.get("metadata") or {})


def _date_columns(published: date | None) -> tuple[int, int, int, int]:
    if published is None:
        return 0, 0, 0, 0
    stamp = datetime(published.year, published.month, published.day, tzinfo=UTC).timestamp()
    return (max(0, int(stamp)), published.year * 10000 + published.month * 100 + published.day,
            published.year * 100 + published.month, published.year)


def row_of(article: Article, content_hash: str, aliases: Aliases, title_terms: str | None = None,
           body_terms: str | None = None) -> tuple[Any, ...]:
    """The values of `COLUMNS` for an enriched article (`title_terms` / `body_terms`: its
    `analysed_text`, when analysed already, e.g. by an indexing worker)."""
    facets = facet_values(article, aliases)
    persons = person_values(article)
    ids = sorted({facet_id(name, v) for name, values in facets.items() for v in values})
    raw_ids = sorted({facet_id(name, v) for name, values in persons.items() for v in values})
    tokens = " ".join([EVERY_DOCUMENT_TOKEN,
                       *(facet_token(name, v) for name, values in facets.items() for v in values)])
    source = facets.get("source", [])
    analysis = analysis_of(article_language(article))
    return (doc_id(article.id),
            analysed_text(article.title, analysis) if title_terms is None else title_terms,
            analysed_text(article.body, analysis) if body_terms is None else body_terms,
            tokens,
            article.id, article.title, article.body, source[0] if source else "", article.url, article.origin,
            content_hash, record_of(article),
            json.dumps(facets, ensure_ascii=False, separators=(",", ":")),
            json.dumps(persons, ensure_ascii=False, separators=(",", ":")),
            ids, raw_ids,
            *_date_columns(article.published))


def rt_index_config(name: str, path: str, mem_limit_mb: int = 128) -> str:
    """The configuration section of one shard's real-time index `name`, its files under `path`."""
    lines = [f"index {name}", "{", "    type = rt", f"    path = {path}"]
    lines += [f"    rt_field = {field}" for field in FIELDS]
    lines += [f"    rt_attr_string = {a}" for a in STRING_ATTRIBUTES]
    lines += [f"    rt_attr_json = {a}" for a in JSON_ATTRIBUTES]
    lines += [f"    rt_attr_multi_64 = {a}" for a in MULTI_ATTRIBUTES]
    lines += [f"    rt_attr_timestamp = {a}" for a in TIMESTAMP_ATTRIBUTES]
    lines += [f"    rt_attr_uint = {a}" for a in UINT_ATTRIBUTES]
    # index_field_lengths: title_len / body_len, the field lengths the ranker normalises by (searching.py)
    lines += ["    dict = keywords", "    index_field_lengths = 1", "    min_prefix_len = 1", "    min_word_len = 1",
              "    morphology = none",
              f"    charset_table = {CHARSET_TABLE}", f"    rt_mem_limit = {mem_limit_mb}M", "}", ""]
    return "\n".join(lines)
