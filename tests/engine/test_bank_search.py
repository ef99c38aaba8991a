"""Nearest bank entries: the block-wise top-k must return exactly what a full sort would."""

from __future__ import annotations

import numpy as np
import pytest

from audit.matching.bank import top_k


@pytest.mark.parametrize("width", [5, 8, 300, 512, 513, 4_099])
def test_when_rows_are_searched_then_the_k_largest_come_back_largest_first(width: int) -> None:
    rng = np.random.default_rng(width)
    sims = rng.standard_normal((40, width)).astype(np.float32)
    sims[:, -1] = 9.0  # the largest entry sits in the last, possibly short, block
    k = min(8, width)

    cols, values = top_k(sims, k)

    expected = np.sort(sims, axis=1)[:, ::-1][:, :k]
    np.testing.assert_array_equal(values, expected)
    np.testing.assert_array_equal(np.take_along_axis(sims, cols, axis=1), values)
    assert (cols[:, 0] == width - 1).all()
    assert all(len(set(row)) == k for row in cols.tolist())


def test_when_the_bank_is_empty_then_no_neighbours() -> None:
    cols, values = top_k(np.zeros((3, 0), dtype=np.float32), 0)
    assert cols.shape == values.shape == (3, 0)
