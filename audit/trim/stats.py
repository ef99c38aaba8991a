"""Rates with confidence intervals, so that a trim rests on how sure the evidence is, not only on a ratio.

The Wilson score interval behaves well for small samples and for rates near 0 or 1, which is exactly where
trim decisions are made ("needed in 0 of 35 calls"): a plain normal interval there collapses to [0, 0].
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field

Z95 = 1.959963984540054  # two-sided 95% normal quantile


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes out of n; (0, 1) when there is no observation."""
    if n < 0 or k < 0 or k > n:
        raise ValueError(f"need 0 <= k <= n, got k={k}, n={n}")
    if n == 0:
        return 0.0, 1.0
    p = k / n
    z2 = z * z
    centre = p + z2 / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    denom = 1 + z2 / n
    low = max(0.0, (centre - margin) / denom)
    high = min(1.0, (centre + margin) / denom)
    # rounding can leave the bound a hair away from the exact ends
    return (0.0 if k == 0 else low), (1.0 if k == n else high)


class Rate(BaseModel):
    """k out of n, with its Wilson 95% interval."""

    model_config = ConfigDict(frozen=True)

    k: int = Field(ge=0)
    n: int = Field(ge=0)
    rate: float | None = Field(description="k / n; null without observations.")
    low: float
    high: float

    @classmethod
    def of(cls, k: int, n: int) -> Rate:
        low, high = wilson(k, n)
        return cls(k=k, n=n, rate=(k / n if n else None), low=round(low, 4), high=round(high, 4))

    def text(self) -> str:
        """`3/40 = 7.5% (95% CI 2.6-19.9%)`, for changelogs and diffs."""
        if not self.n:
            return "no observations"
        pct = 100 * self.k / self.n
        return f"{self.k}/{self.n} = {pct:.1f}% (95% CI {100 * self.low:.1f}-{100 * self.high:.1f}%)"
