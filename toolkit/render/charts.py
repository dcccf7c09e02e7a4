"""Charts of the measure stage: word shifts, theme rate ratios, region × theme emphasis.

Each function takes a frame from `toolkit.measure`, draws on `ax` (a new Figure when None,
built without pyplot so no GUI backend is touched) and returns the Axes. Colours are
colour-blind-safe: Okabe-Ito blue/vermillion for rising/falling, cividis for heatmaps.
"""

from __future__ import annotations

import textwrap
from pathlib import PurePath
from typing import Literal

import numpy as np
import polars as pl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

RISING = "#0072B2"  # Okabe-Ito blue
FALLING = "#D55E00"  # Okabe-Ito vermillion
NEUTRAL = "#555555"


def _short(name: str) -> str:
    """A side's name as a reader knows it: a file by its base name, not its whole path."""
    return PurePath(name).name if ("/" in name or "\\" in name) else name


def _wrap(text: str, width: int = 60) -> str:
    """Long titles and axis labels wrap instead of running off the figure."""
    return "\n".join(textwrap.fill(line, width) for line in text.split("\n"))


def _times(value: float, _pos: object = None) -> str:
    """A ratio tick as a reader says it: 0.25×, 1×, 4×, 100× (not 2.5×10⁻¹)."""
    return f"{value:g}×" if value >= 1 or round(1 / value, 6) % 1 else f"1/{1 / value:g}×"


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    fig = Figure(figsize=size, layout="constrained")
    return fig.add_subplot()


def word_shift_chart(
    shifts: pl.DataFrame,
    ax: Axes | None = None,
    *,
    old_name: str = "OLD",
    new_name: str = "NEW",
    title: str | None = None,
) -> Axes:
    """Horizontal bars of log2 rate ratio per word (from `word_shifts`), with bootstrap bars.

    Rising words on top in blue, falling words below in vermillion, strongest first.
    """
    old_name, new_name = _short(old_name), _short(new_name)
    rows = shifts.sort("log2_ratio", descending=True)
    ax = _axes(ax, (8.0, max(3.0, 0.3 * rows.height + 1.6)))
    values = rows.get_column("log2_ratio").to_numpy()
    y = np.arange(rows.height)[::-1]
    # No bootstrap interval (a side without the word): no error bar rather than a false one.
    low = np.log2(rows.get_column("boot_low").fill_nan(None).to_numpy().astype(float))
    high = np.log2(rows.get_column("boot_high").fill_nan(None).to_numpy().astype(float))
    colours = [RISING if v > 0 else FALLING for v in values]
    ax.barh(y, values, color=colours)
    has = np.isfinite(low) & np.isfinite(high)
    if has.any():
        err = np.vstack([values - low, high - values])[:, has].clip(0, None)
        ax.errorbar(values[has], y[has], xerr=err, fmt="none", ecolor=NEUTRAL, capsize=2)
    ax.set_yticks(y, rows.get_column("term").to_list())
    ax.axvline(0, color=NEUTRAL, linewidth=0.8)
    # log2 on the axis keeps rising and falling symmetric; the ticks say the factor itself.
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _times(2.0 ** v)))
    ax.set_xlabel(_wrap(f"rate ratio {new_name} / {old_name} (log scale)\n(whiskers: bootstrap "
                        "95% interval; none where one side lacks the word)", 75))
    terms = rows.get_column("term").to_list()
    what = "Bigrams" if terms and all(" " in t for t in terms) else "Words"
    ax.set_title(title or _wrap(f"{what} rising and falling:\n{new_name} compared with "
                                f"{old_name}"))
    return ax


def rate_ratio_chart(
    shifts: pl.DataFrame,
    ax: Axes | None = None,
    *,
    old_name: str = "OLD",
    new_name: str = "NEW",
    title: str | None = None,
    interval: Literal["wilson", "bootstrap"] = "wilson",
) -> Axes:
    """Dot plot of each theme's rate ratio (from `term_shifts`) with its interval, log scale.

    Themes absent from both sides are left out: they have no ratio to show.
    """
    old_name, new_name = _short(old_name), _short(new_name)
    rows = shifts.filter((pl.col("old_count") + pl.col("new_count")) > 0)
    ax = _axes(ax, (8.5, max(3.0, 0.32 * rows.height + 1.6)))
    lo_col, hi_col = ("ci_low", "ci_high") if interval == "wilson" else ("boot_low", "boot_high")
    ratio = rows.get_column("rate_ratio").to_numpy()
    low = rows.get_column(lo_col).to_numpy()
    high = rows.get_column(hi_col).to_numpy()
    y = np.arange(rows.height)[::-1]
    colours = [RISING if lo > 1 else FALLING if hi < 1 else NEUTRAL
               for lo, hi in zip(low, high, strict=True)]
    # A theme absent from one side has an open-ended interval: drawn to the edge, with an arrow.
    finite = np.concatenate([ratio, low[np.isfinite(low) & (low > 0)],
                             high[np.isfinite(high)]])
    edge_low, edge_high = finite.min() / 3, finite.max() * 3
    open_low, open_high = ~(low > 0), ~np.isfinite(high)
    low, high = np.where(open_low, edge_low, low), np.where(open_high, edge_high, high)
    ax.hlines(y, low, high, colors=colours, linewidth=2)
    ax.scatter(ratio, y, color=colours, zorder=3, s=28)
    ax.scatter(high[open_high], y[open_high], marker=">", color=NEUTRAL, s=20)
    ax.scatter(low[open_low], y[open_low], marker="<", color=NEUTRAL, s=20)
    ax.set_xscale("log")
    # 1-2-5 ticks over a few decades; over more of them only powers of ten, or labels collide.
    decades = np.log10(max(high.max(), ratio.max()) / min(low.min(), ratio.min()))
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0) if decades <= 2.5
                                          else (1.0,)))
    ax.xaxis.set_major_formatter(FuncFormatter(_times))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.axvline(1, color=NEUTRAL, linewidth=0.8, linestyle="--")
    ax.set_yticks(y, rows.get_column("label").to_list())
    which = "Wilson" if interval == "wilson" else "bootstrap"
    ax.set_xlabel(_wrap(f"rate ratio {new_name} / {old_name} (log scale)\n(lines: {which} 95% "
                        "interval; blue higher, orange lower, grey unclear)", 75))
    ax.set_title(title or _wrap(f"Themes per 10,000 tokens:\n{new_name} compared with "
                                f"{old_name}"))
    return ax


def region_heatmap(
    emphasis: pl.DataFrame,
    ax: Axes | None = None,
    *,
    value: Literal["rate_per_10k", "z"] = "rate_per_10k",
    edition_name: str = "",
    title: str | None = None,
) -> Axes:
    """Region × theme heatmap (from `region_emphasis`): rates, or one-vs-rest z-scores."""
    regions = emphasis.get_column("region").unique(maintain_order=True).to_list()
    themes = emphasis.select("theme", "label").unique(maintain_order=True)
    wide = emphasis.pivot(on="region", index="theme", values=value).join(
        themes, on="theme", how="left", maintain_order="left")
    matrix = wide.select(regions).to_numpy().astype(float)
    ax = _axes(ax, (1.1 * len(regions) + 4.0, 0.38 * len(themes) + 1.8))
    if value == "z":
        bound = max(float(np.nanmax(np.abs(matrix))), 1e-9)
        image = ax.imshow(matrix, cmap="PuOr_r", vmin=-bound, vmax=bound, aspect="auto")
    else:
        image = ax.imshow(matrix, cmap="cividis", aspect="auto")
    # Each region's size under its name: a high rate on a short text (CIS's five initiatives
    # hold 709 tokens at Baku, ARB's 2,091) is a thin basis, and the reader should see it.
    sizes = dict(emphasis.select("region", "tokens").unique(maintain_order=True).iter_rows())
    ax.set_xticks(np.arange(len(regions)),
                  [f"{r}\n{sizes[r]:,} tok." for r in regions], fontsize=8)
    ax.set_yticks(np.arange(wide.height), wide.get_column("label").to_list())
    mid = (np.nanmax(matrix) + np.nanmin(matrix)) / 2
    for (i, j), v in np.ndenumerate(matrix):
        light = v < mid if value == "rate_per_10k" else abs(v) > bound / 2
        ax.text(j, i, f"{v:.0f}" if value == "rate_per_10k" else f"{v:+.1f}", ha="center",
                va="center", fontsize=7, color="white" if light else "black")
    what = "rate per 10,000 tokens" if value == "rate_per_10k" else "one-vs-rest log-odds z"
    ax.figure.colorbar(image, ax=ax, label=what, shrink=0.8)
    where = f", {edition_name}" if edition_name else ""
    ax.set_title(title or f"Regional initiatives by region{where}:\n{what} per theme")
    return ax
