"""The kinds of official release a Kremlin/Zelenskyy title announces, for drawing theme samples by kind (issue 11).

Random theme batches follow the corpus's mix, which is mostly meetings, calls and greetings; the releases that hold
many topics at once (addresses, interviews, news items of the President of Ukraine's office) come up rarely in them,
and tuning on the batches left their themes' precision far below what a reader judged on random assignments. A batch
drawn by kind takes the same number of releases of each kind (round robin over the kinds, a fixed seed per kind), so
every kind an analyst meets is labelled and tuned on.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import TypeVar

# Kinds by the title's wording, tried in this order; a title that matches none is a "news" item.
KINDS = (
    ("greeting", re.compile(r"^(?:Greetings?|Congratulations?|Condolences|Birthday greetings|Message to|New Year)\b",
                            re.IGNORECASE)),
    ("call", re.compile(r"\b(?:telephone|phone) (?:conversations?|call|talk)|\bhad a (?:phone )?conversation\b",
                        re.IGNORECASE)),
    ("address", re.compile(r"\b(?:address(?:ed)?|interview|speech|statements?|news conference|press conference)\b",
                           re.IGNORECASE)),
    ("meeting", re.compile(r"\b(?:meeting|met|meets|talks|visit(?:ed|s)?|ceremony|session|summit|forum|council)\b",
                           re.IGNORECASE)),
)
Item = TypeVar("Item")


def release_kind(title: str) -> str:
    """The kind of release `title` announces: greeting, call, address, meeting or news."""
    return next((kind for kind, pattern in KINDS if pattern.search(title)), "news")


def draw_by_kind(items: Sequence[tuple[str, Item]], titles: dict[str, str], size: int, seed: str
                 ) -> list[tuple[str, Item]]:
    """`size` of `items` (key, value), as many of each kind as the kinds allow: each kind's items shuffled by
    `seed`, then taken one kind after another in a fixed order until `size` are drawn."""
    by_kind: dict[str, list[tuple[str, Item]]] = {}
    for key, value in sorted(items, key=lambda item: item[0]):
        by_kind.setdefault(release_kind(titles[key]), []).append((key, value))
    for kind, pool in by_kind.items():
        random.Random(f"{seed}:{kind}").shuffle(pool)
    drawn: list[tuple[str, Item]] = []
    while len(drawn) < size and any(by_kind.values()):
        for kind in sorted(by_kind):
            if by_kind[kind] and len(drawn) < size:
                drawn.append(by_kind[kind].pop(0))
    return drawn
