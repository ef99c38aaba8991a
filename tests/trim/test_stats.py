"""Wilson intervals against known values and their edge cases."""

import pytest

from audit.trim import Rate, wilson


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (5, 10, 0.2366, 0.7634),
        (1, 10, 0.0179, 0.4042),
        (0, 35, 0.0, 0.0989),
        (35, 35, 0.9011, 1.0),
        (81, 263, 0.2553, 0.3662),
    ],
)
def test_when_counts_known_then_wilson_matches_reference(k, n, low, high):
    lo, hi = wilson(k, n)
    assert lo == pytest.approx(low, abs=1e-4)
    assert hi == pytest.approx(high, abs=1e-4)


def test_when_no_observations_then_interval_is_everything():
    assert wilson(0, 0) == (0.0, 1.0)
    r = Rate.of(0, 0)
    assert r.rate is None and r.text() == "no observations"


def test_when_more_successes_than_trials_then_error():
    with pytest.raises(ValueError):
        wilson(3, 2)


def test_when_sample_grows_then_upper_bound_of_zero_rate_shrinks():
    bounds = [wilson(0, n)[1] for n in (10, 30, 100, 1000)]
    assert bounds == sorted(bounds, reverse=True)
    assert wilson(0, 29)[1] > 0.10 > wilson(0, 35)[1]


def test_rate_text_is_readable():
    assert Rate.of(3, 40).text() == "3/40 = 7.5% (95% CI 2.6-19.9%)"
