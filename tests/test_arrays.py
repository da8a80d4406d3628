"""`sorted_unique` against the `np.unique` it stands in for (it exists only to be faster)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from search.index.arrays import sorted_unique


@given(arrays(st.sampled_from([np.int32, np.int64, np.uint32]), st.integers(0, 300),
              elements=st.integers(0, 2**31 - 1)))
def test_sorted_unique_is_np_unique(values: np.ndarray) -> None:
    got, want = sorted_unique(values), np.unique(values)
    assert got.dtype == want.dtype
    assert np.array_equal(got, want)


def test_sorted_unique_of_keys_with_repeating_low_bits() -> None:
    """The case it was written for: (document << 32 | word) keys, many documents sharing words."""
    documents = np.repeat(np.arange(500, dtype=np.int64), 40)
    words = np.tile(np.arange(40, dtype=np.int64) % 7, 500)
    keys = documents << 32 | words
    assert np.array_equal(sorted_unique(keys), np.unique(keys))
    assert len(sorted_unique(keys)) == 500 * 7
    assert not len(sorted_unique(np.zeros(0, dtype=np.int64)))
