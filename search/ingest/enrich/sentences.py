"""Sentences and quotations of a text, as speaker attribution (`people.py`) reads them.

Sentences are split with one regular expression and the abbreviation list of `text.py` rather than
with Punkt, which alone would cost most of the time budget (1 ms per 1,000 characters).

A line break ends a sentence and a quotation in most texts (one paragraph a line, a title on the
first line). In hard-wrapped text (transcripts of speeches, plain-text reports: most line breaks
fall inside a sentence) it does not: there only the title's line break, a blank line or an end of
sentence does, so "in the words of⏎Winston Churchill" stays one sentence.
"""

from __future__ import annotations

import re

from search.ingest.enrich.text import ABBREVIATIONS

__all__ = ["hard_wrapped", "quote_spans", "sentence_starts"]

_BOUNDARY = re.compile(r"([.!?\n])[\"”’)\]]*(\s*)")
_QUOTE_MARK = re.compile(r"[\"“”\n]")
# A line break and what ends the line before it: a word, a comma… (inside a sentence) or . ! ? : " ”
_LINE_END = re.compile(r"(\S)[ \t]*\n")
_WRAPPED_MIN_BREAKS = 8  # fewer line breaks tell nothing
_WRAPPED_SHARE = 0.5  # of line breaks inside a sentence
_WRAPPED_QUOTE_REACH = 2000  # characters: the longest quotation read across line breaks


def hard_wrapped(text: str) -> bool:
    """Whether most line breaks of `text` (after its first line) fall inside a sentence."""
    title_end = text.find("\n")
    breaks = inside = 0
    for line_end in _LINE_END.finditer(text, max(title_end, 0) + 1):
        breaks += 1
        inside += line_end.group(1) not in ".!?:\"”’)]"
    return breaks >= _WRAPPED_MIN_BREAKS and inside >= _WRAPPED_SHARE * breaks


def quote_spans(text: str, wrapped: bool = False) -> list[tuple[int, int]]:
    """Spans of text between double quotes (straight or curly). A quotation never runs past a line,
    or in hard-wrapped text past a blank line or `_WRAPPED_QUOTE_REACH` characters."""
    spans: list[tuple[int, int]] = []
    opened = -1
    for mark in _QUOTE_MARK.finditer(text):
        char, pos = mark.group(), mark.start()
        if char == "\n" and wrapped and not (text[pos + 1:pos + 40].lstrip(" \t").startswith("\n")):
            continue  # a line break inside a paragraph of hard-wrapped text
        if wrapped and opened >= 0 and pos - opened > _WRAPPED_QUOTE_REACH:
            opened = -1  # an unclosed quotation mark: it opens nothing
        if char == "\n" or (char == "”" and opened >= 0) or (char == '"' and opened >= 0):
            if opened >= 0:
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
    for boundary in _BOUNDARY.finditer(text):
        if not boundary.group(2) and boundary.group(1) != "\n":
            continue  # "3.5", "U.S"
        if boundary.group(1) == ".":
            dot = boundary.start()
            last = text[max(0, dot - 20):dot].rsplit(None, 1)[-1:]
            word = last[0].strip("\"“‘'([").rstrip(".").lower() if last else ""
            if word in ABBREVIATIONS or len(word) == 1:
                continue
        elif (boundary.group(1) == "\n" and wrapped and boundary.start() != title_end
              and "\n" not in boundary.group(2)):
            continue  # a line break inside a sentence of hard-wrapped text
        starts.append(boundary.end())
    return starts
