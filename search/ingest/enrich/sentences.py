"""Sentences and quotations of a text, as speaker attribution (`attribution.py`) reads them.

Sentences are split with one regular expression and the abbreviation list of `text.py` rather than
with Punkt, which alone would cost most of the time budget (1 ms per 1,000 characters).

A line break ends a sentence and a quotation in most texts (one paragraph a line, a title on the
first line). In hard-wrapped text (transcripts of speeches, plain-text reports: most line breaks
fall inside a sentence) it does not: there only the title's line break, a blank line or an end of
sentence does, so "in the words of⏎Winston Churchill" stays one sentence. A page break of a document printed in
pages (the page number and document symbol on a line of their own between blank lines, "⏎ ⏎47 10-54833 ⏎ ⏎") is
no break of sentence or quotation: the text reads on across it as across a line break.
"""

from __future__ import annotations

import re

from search.ingest.enrich.text import ABBREVIATIONS

__all__ = ["hard_wrapped", "quote_spans", "sentence_starts", "unwrapped", "without_page_breaks"]

_BOUNDARY = re.compile(r"([.!?\n])[\"”’)\]]*(\s*)")
# In hard-wrapped text: an end of sentence, or a blank line (a line break with only spaces before the next).
_WRAPPED_BOUNDARY = re.compile(r"([.!?]|\n(?=[ \t]*\n))[\"”’)\]]*(\s*)")
_QUOTE_MARK = re.compile(r"[\"“”\n]")
# (and an indented paragraph that opens with a quotation mark: a quotation going on over paragraphs is left unclosed
# at the end of each but the last, as news style writes it, and opens again: '"If we cut …⏎    "If not, …," he added.')
_WRAPPED_QUOTE_MARK = re.compile(r"[\"“”]|\n(?=[ \t]*\n|[ \t]+[\"“])")
_LINE_BREAK_AFTER_END = re.compile(r"[.!?:\"”’)\]][ \t]*\n")  # a line that ends a sentence
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_SPACES = re.compile(r"\s*")
_CLOSING_QUOTES = frozenset("\"”’")
_SENTENCE_END = frozenset(".!?:\"”’)]")  # a line ending so ends its sentence (hard-wrapped text)
_WRAPPED_MIN_BREAKS = 8  # fewer line breaks tell nothing
_WRAPPED_SHARE = 0.5  # of line breaks inside a sentence
_WRAPPED_QUOTE_REACH = 2000  # characters: the longest quotation read across line breaks
# Characters: the longest quotation left open at its paragraph's end (a quotation going on over paragraphs, as above).
# A longer one is a paragraph of a statement quoted whole ("…, who has directed me to read out his statement, as
# follows. “I wish to …"), which speaks as a text of its own: the speech it reports is read (round 11), not skipped.
_PARAGRAPH_QUOTE = 500
# A page break: blank lines around a line of only a document symbol and a page number ("47 10-54833", "10-55276 12").
_PAGE_BREAK = re.compile(r"\n(?:[ \t]*\n)+[ \t]*(?:\d{1,4}[ \t]+)?\d{2}-\d{5}(?:[ \t]+\d{1,4})?[ \t]*\n(?:[ \t]*\n)*")


def hard_wrapped(text: str) -> bool:
    """Whether most line breaks of `text` after its first line fall inside a sentence (neither after
    . ! ? : or a closing quote, nor on a blank line)."""
    body = text.find("\n") + 1
    breaks = text.count("\n", body)
    if breaks < _WRAPPED_MIN_BREAKS:
        return False
    ended = len(_LINE_BREAK_AFTER_END.findall(text, body)) + len(_BLANK_LINE.findall(text, body))
    return breaks - ended >= _WRAPPED_SHARE * breaks


def unwrapped(text: str) -> str:
    """Hard-wrapped `text` with each line break inside a sentence made a space (same length, same offsets), so
    that "X, India's first Prime⏎Minister, said" reads as one line; the title's line break, blank lines and
    line breaks after an end of sentence stay. (Lines split and joined: seven times faster than a regex.)"""
    body = text.find("\n") + 1
    if not body:
        return text
    lines = text[body:].split("\n")
    joined = [lines[0]]
    for line, following in zip(lines, lines[1:], strict=False):
        kept = line.rstrip(" \t")
        joined.append("\n" if not kept or kept[-1] in _SENTENCE_END or not following.strip(" \t") else " ")
        joined.append(following)
    return text[:body] + "".join(joined)


def without_page_breaks(text: str) -> str:
    """`text` with each page break made one line break and spaces (same length, same offsets)."""
    if "\n" not in text:
        return text
    return _PAGE_BREAK.sub(lambda page: "\n" + " " * (len(page.group()) - 1), text)


def quote_spans(text: str, wrapped: bool = False) -> list[tuple[int, int]]:
    """Spans of text between double quotes (straight or curly). A quotation never runs past a line,
    or in hard-wrapped text past a blank line or `_WRAPPED_QUOTE_REACH` characters; one its line ends without a
    closing mark counts only up to `_PARAGRAPH_QUOTE` characters."""
    spans: list[tuple[int, int]] = []
    opened = -1
    for mark in (_WRAPPED_QUOTE_MARK if wrapped else _QUOTE_MARK).finditer(text):
        char, pos = mark.group(), mark.start()
        if wrapped and opened >= 0 and pos - opened > _WRAPPED_QUOTE_REACH:
            opened = -1  # an unclosed quotation mark: it opens nothing
        if char == "\n" or (char == "”" and opened >= 0) or (char == '"' and opened >= 0):
            if opened >= 0 and (char != "\n" or pos - opened <= _PARAGRAPH_QUOTE):
                spans.append((opened, pos + 1))
            opened = -1
        elif char != "”":
            opened = pos
    return spans


def sentence_starts(text: str, wrapped: bool = False) -> list[int]:
    """Start offsets of sentences: after . ! ? (not after an abbreviation or an initial) and line
    breaks (in hard-wrapped text only the title's, blank lines and those after a sentence's end)."""
    starts = [0]
    title_end = text.find("\n")
    if wrapped and title_end >= 0:
        spaces = _SPACES.match(text, title_end + 1)
        starts.append(spaces.end() if spaces else title_end + 1)
    for boundary in (_WRAPPED_BOUNDARY if wrapped else _BOUNDARY).finditer(text):
        if not boundary.group(2) and boundary.group(1) != "\n":
            continue  # "3.5", "U.S"
        if boundary.group(1) in "?!" and boundary.group(2) and text[boundary.end():boundary.end() + 1].islower() and (
                boundary.group()[1:2] in _CLOSING_QUOTES):
            continue  # a quoted question goes on in its attribution: '"Where did it go?" asked X', '"…!" she said'
        if boundary.group(1) == ".":
            dot = boundary.start()
            last = text[max(0, dot - 20):dot].rsplit(None, 1)[-1:]
            word = last[0].strip("\"“‘'([").rstrip(".").lower() if last else ""
            if word in ABBREVIATIONS or len(word) == 1:
                continue
            if ("." in word or ")" in boundary.group()) and text[boundary.end():boundary.end() + 1].islower():
                continue  # an abbreviation inside a sentence: "a Ph.D. candidate", "U.S. officials", "(D-Okla.) said"
        starts.append(boundary.end())
    return sorted(set(starts)) if wrapped else starts
