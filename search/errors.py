"""The documented error types of the public API, and the one check behind every "unknown X" `ValueError`."""

from __future__ import annotations

from collections.abc import Iterable


class SearchError(Exception):
    """Base class of every error this package raises on purpose."""


class IndexNotFoundError(SearchError):
    """The index directory does not exist or holds no index."""


class IndexCorruptError(SearchError):
    """The directory holds something that is not a readable index of ours."""


class IndexBusyError(SearchError):
    """Another process is writing to the index and did not finish in time."""


def check_choice(kind: str, value: object, choices: Iterable[str], where: str = "") -> None:
    """Raise `ValueError("unknown sort 'x'; valid sorts are: relevance, newest, …")` unless
    `value` is one of `choices`: every argument that must be one of a few names is checked here,
    so every such message names what is valid in the same words. `where` says where the value
    was given ("in filters"); the plural is the last word of `kind` ("facet order" → "orders")."""
    choices = list(choices)
    if value not in choices:
        place = f" {where}" if where else ""
        raise ValueError(f"unknown {kind} {value!r}{place}; valid {kind.split()[-1]}s are: {', '.join(choices)}")
