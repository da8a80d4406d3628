"""NumPy helpers shared by the index's side arrays (postings, analysis, story signatures) and the engine's counts.

`sorted_unique` exists because NumPy 2.3+ answers a plain `np.unique(values)` (no indices or
counts asked for) with a hash table, which on this project's integer keys is 15 to 60 times
slower than sorting: (document << 32 | word) keys, whose low bits repeat, took a tenth of an
indexing worker's writing time. The result is the same sorted array of distinct values.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

_Number = TypeVar("_Number", bound=np.generic)


def sorted_unique(values: NDArray[_Number]) -> NDArray[_Number]:
    """The distinct values of a 1-D array, ascending: `np.unique(values)`, by a sort."""
    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=bool)
    keep[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
