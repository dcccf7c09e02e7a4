"""The statistics behind a shift, vectorised over features (themes, words, bigrams).

- rate ratio NEW/OLD; its interval comes from the conditional binomial: given a feature's
  a + b occurrences, the share a falls in OLD is binomial, and a Wilson score interval for
  that share maps onto the rate ratio. Unlike the log-normal interval it stays sound when a
  side has no occurrence at all (the far end is then infinite, the near end informative);
- the conservative log-ratio (LRC): log2 of the interval's end nearest to 1, 0 when the
  interval holds 1 — safe for headlines such as "3.1× more";
- Monroe, Colaresi & Quinn (2008) weighted log-odds with an informative Dirichlet prior
  (the pooled rate of both sides, worth `prior_tokens` pseudo-tokens) and its z-score;
- a bootstrap that resamples whole units (documents or clauses) of each side.
When a count is zero, the point ratio shares one pseudo-occurrence between the sides in
proportion to their sizes: finite, and unlike adding 0.5 to each it never flips a direction.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np


def z_value(level: float) -> float:
    """The two-sided normal quantile of a confidence `level` (1.96 for 0.95)."""
    return NormalDist().inv_cdf(0.5 + level / 2)


@dataclass(frozen=True)
class Comparison:
    """Per feature, NEW against OLD: rate ratio and its interval, log2 ratio, the conservative
    log-ratio (LRC) and the weighted log-odds with its z-score."""

    rate_ratio: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    log2_ratio: np.ndarray
    lrc: np.ndarray
    log_odds: np.ndarray
    z: np.ndarray


def _corrected(
    old: np.ndarray, old_tokens: np.ndarray | float, new: np.ndarray, new_tokens: np.ndarray | float
) -> tuple[np.ndarray, np.ndarray]:
    zero = (old == 0) | (new == 0)
    share = old_tokens / np.maximum(old_tokens + new_tokens, 1.0)
    return old + share * zero, new + (1 - share) * zero


def wilson_ratio(
    old: np.ndarray, old_tokens: float, new: np.ndarray, new_tokens: float, *, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Interval of the rate ratio NEW/OLD from a Wilson score interval for OLD's share."""
    zq = z_value(level)
    n = old + new
    safe_n = np.maximum(n, 1.0)
    share = old / safe_n
    centre = (share + zq**2 / (2 * safe_n)) / (1 + zq**2 / safe_n)
    half = zq / (1 + zq**2 / safe_n) * np.sqrt(
        share * (1 - share) / safe_n + zq**2 / (4 * safe_n**2))
    # Exact ends where a side is empty: rounding would leave 1e-17 and a ratio of 1e16.
    p_low = np.where(old > 0, np.clip(centre - half, 0.0, 1.0), 0.0)
    p_high = np.where(new > 0, np.clip(centre + half, 0.0, 1.0), 1.0)
    sizes = old_tokens / max(new_tokens, 1.0)
    with np.errstate(divide="ignore"):
        low = sizes * (1 - p_high) / p_high
        high = np.where(p_low > 0, sizes * (1 - p_low) / np.maximum(p_low, 1e-300), np.inf)
    return low, high


def compare(
    old: np.ndarray,
    old_tokens: float,
    new: np.ndarray,
    new_tokens: float,
    *,
    level: float = 0.95,
    prior_tokens: float | None = None,
) -> Comparison:
    """Compare counts `old` and `new` (same features) drawn from corpora of the given sizes.

    `prior_tokens` is the weight of the Dirichlet prior in tokens; by default the size of the
    smaller side, so that the prior neither vanishes nor swamps the smaller side (the pooled
    counts themselves, as in some implementations, would outweigh a small OLD side).
    """
    old = np.asarray(old, dtype=float)
    new = np.asarray(new, dtype=float)
    a, b = _corrected(old, float(old_tokens), new, float(new_tokens))
    both_zero = (old == 0) & (new == 0)
    log_rr = np.log(b / max(new_tokens, 1.0)) - np.log(a / max(old_tokens, 1.0))
    # A feature on neither side has no ratio at all (NaN; null in JSON, "-" in tables).
    log_rr = np.where(both_zero, np.nan, log_rr)
    low, high = wilson_ratio(old, old_tokens, new, new_tokens, level=level)
    low, high = np.where(both_zero, np.nan, low), np.where(both_zero, np.nan, high)
    with np.errstate(divide="ignore", invalid="ignore"):
        lrc = np.where(low > 1, np.log2(low), np.where(high < 1, np.log2(high), 0.0))

    # Monroe et al. (2008), eq. 16-22: α_w = α_0 · pooled rate of w.
    alpha0 = float(min(old_tokens, new_tokens) if prior_tokens is None else prior_tokens)
    pooled = float(old_tokens + new_tokens)
    alpha = alpha0 * (old + new) / max(pooled, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        lo_new = np.log((new + alpha) / (new_tokens + alpha0 - new - alpha))
        lo_old = np.log((old + alpha) / (old_tokens + alpha0 - old - alpha))
        delta = np.where(alpha > 0, lo_new - lo_old, 0.0)
        var = np.where(alpha > 0, 1 / (new + alpha) + 1 / (old + alpha), 1.0)
    return Comparison(
        rate_ratio=np.exp(log_rr),
        ci_low=low,
        ci_high=high,
        log2_ratio=log_rr / np.log(2),
        lrc=lrc,
        log_odds=delta,
        z=delta / np.sqrt(var),
    )


def _draws(units: np.ndarray, tokens: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """Bootstrap weights (n_boot × units): how often each unit is drawn in each replicate.

    The generator is seeded from the seed and the side's own content, not from its position,
    so swapping OLD and NEW swaps the replicates exactly and the intervals flip; two sides
    with different content get independent draws even when they are of the same size.
    """
    content = zlib.crc32(np.ascontiguousarray(units, dtype=float).tobytes()
                         + np.ascontiguousarray(tokens, dtype=float).tobytes())
    rng = np.random.default_rng([seed, content])
    n = units.shape[0]
    return rng.multinomial(n, np.full(n, 1 / n), size=n_boot).astype(float)


def bootstrap_ratio(
    old_units: np.ndarray,
    old_tokens: np.ndarray,
    new_units: np.ndarray,
    new_tokens: np.ndarray,
    *,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    paired: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of the rate ratio, resampling whole units on each side.

    `*_units` are unit × feature count matrices, `*_tokens` the units' token totals.
    Tokens within a clause or document are not independent draws, units are closer to it.
    `paired`: row i of both sides is the same unit (a document's preamble and its operative
    part), so both sides are resampled with the same draws.
    """
    k = old_units.shape[1]
    if old_units.shape[0] == 0 or new_units.shape[0] == 0 or n_boot == 0:
        nan = np.full(k, np.nan)
        return nan, nan
    if paired:  # seeded from both sides, in an order that does not depend on which is OLD
        both = sorted((old_units, new_units), key=lambda m: zlib.crc32(m.tobytes()))
        wo = wn = _draws(np.hstack(both), old_tokens + new_tokens, n_boot, seed)
    else:
        wo = _draws(old_units, old_tokens, n_boot, seed)
        wn = _draws(new_units, new_tokens, n_boot, seed)
    to = np.maximum(wo @ old_tokens, 1.0)[:, None]
    tn = np.maximum(wn @ new_tokens, 1.0)[:, None]
    co, cn = _corrected(wo @ old_units, to, wn @ new_units, tn)
    log_rr = np.log(cn / tn) - np.log(co / to)
    tail = (1 - level) / 2 * 100
    low, high = np.exp(np.percentile(log_rr, [tail, 100 - tail], axis=0))
    # A side without a single occurrence resamples to zero every time: the interval would
    # only echo the pseudo-count, so there is none.
    empty = (old_units.sum(axis=0) == 0) | (new_units.sum(axis=0) == 0)
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def poisson_interval(count: np.ndarray, *, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Interval for a Poisson mean (Byar's approximation to the exact Garwood limits)."""
    c = np.asarray(count, dtype=float)
    zq = z_value(level)
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.where(c > 0, c * (1 - 1 / (9 * c) - zq / (3 * np.sqrt(c))) ** 3, 0.0)
    c1 = c + 1
    high = c1 * (1 - 1 / (9 * c1) + zq / (3 * np.sqrt(c1))) ** 3
    return low, high
