"""Charts of the measure stage: word shifts, theme rate ratios, region × theme emphasis.

Each function takes a frame from `toolkit.measure`, draws on `ax` (a new Figure when None,
built without pyplot so no GUI backend is touched) and returns the Axes; `save_chart`
writes one to a file and `chart_svg` inlines one in a page. Colours are
colour-blind-safe: Okabe-Ito blue/vermillion for rising/falling, grey for unclear, cividis
for heatmaps.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import matplotlib
import numpy as np
from markupsafe import Markup
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
from matplotlib.transforms import Bbox

from toolkit.files import atomic_write_bytes
from toolkit.render.chart_data import (
    HeatmapData,
    RateRatioData,
    heatmap_data,
    rate_ratio_data,
    short_name,
)

if TYPE_CHECKING:
    import polars as pl

RISING = "#0072B2"  # Okabe-Ito blue
FALLING = "#D55E00"  # Okabe-Ito vermillion
NEUTRAL = "#555555"
UNCLEAR = "#999999"  # a direction the data do not support: grey, whatever the point says
UNCLEAR_EDGE = "#E69F00"  # Okabe-Ito orange: a dashed box that shows on dark and light cells


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
    old_name, new_name = short_name(old_name), short_name(new_name)
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
    interval: Literal["wilson", "bootstrap"] = "bootstrap",
) -> Axes:
    """Dot plot of each theme's rate ratio (from `term_shifts`) with its interval, log scale.

    Colour follows the row's `direction` (blue higher, vermillion lower, grey unclear), so
    the chart never says more than the table; a theme one document carries names it.
    Themes absent from both sides are left out: they have no ratio to show; a theme without
    the chosen interval (no bootstrap where a side has none) is a hollow dot without a line.
    """
    return draw_rate_ratio(rate_ratio_data(shifts, old_name=old_name, new_name=new_name,
                                           title=title, interval=interval), ax)


def draw_rate_ratio(data: RateRatioData, ax: Axes | None = None) -> Axes:
    """`rate_ratio_chart` from what it shows (`chart_data.rate_ratio_data`)."""
    ax = _axes(ax, (8.5, max(3.0, 0.32 * len(data.labels) + 1.6)))
    ratio, low, high = data.ratio, data.low, data.high
    y = np.arange(len(data.labels))[::-1]
    colours = [{"higher": RISING, "lower": FALLING}.get(d, UNCLEAR) for d in data.directions]
    has = ~(np.isnan(low) | np.isnan(high))
    # An open-ended interval (the theme absent from one side): drawn to the edge, with an arrow.
    finite = np.concatenate([ratio, low[has & (low > 0)], high[has & np.isfinite(high)]])
    edge_low, edge_high = finite.min() / 3, finite.max() * 3
    open_low, open_high = has & ~(low > 0), has & ~np.isfinite(high)
    low, high = np.where(open_low, edge_low, low), np.where(open_high, edge_high, high)
    ax.hlines(y[has], low[has], high[has], colors=np.array(colours)[has], linewidth=2)
    ax.scatter(ratio[has], y[has], color=np.array(colours)[has], zorder=3, s=28)
    ax.scatter(ratio[~has], y[~has], facecolors="white", edgecolors=np.array(colours)[~has],
               zorder=3, s=28)
    ax.scatter(high[open_high], y[open_high], marker=">", color=NEUTRAL, s=20)
    ax.scatter(low[open_low], y[open_low], marker="<", color=NEUTRAL, s=20)
    ax.set_xscale("log")
    # 1-2-5 ticks over a few decades; over more of them only powers of ten, or labels collide.
    decades = np.log10(np.nanmax([*high, *ratio]) / np.nanmin([*low, *ratio]))
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0) if decades <= 2.5
                                          else (1.0,)))
    ax.xaxis.set_major_formatter(FuncFormatter(_times))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.axvline(1, color=NEUTRAL, linewidth=0.8, linestyle="--")
    ax.set_yticks(y, list(data.labels))
    which = "Wilson" if data.interval == "wilson" else "bootstrap (whole documents)"
    ax.set_xlabel(_wrap(f"rate ratio {data.new_name} / {data.old_name} (log scale)\n(lines: "
                        f"{which} 95% interval; hollow dot: none. Blue higher, orange lower; "
                        "grey unclear: the interval includes 1 or one document carries half "
                        "the change)", 75))
    ax.set_title(data.title or _wrap(f"Themes per 10,000 tokens:\n{data.new_name} compared "
                                     f"with {data.old_name}"))
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
    return draw_heatmap(heatmap_data(emphasis, value=value, edition_name=edition_name,
                                     title=title), ax)


def draw_heatmap(data: HeatmapData, ax: Axes | None = None) -> Axes:
    """`region_heatmap` from what it shows (`chart_data.heatmap_data`)."""
    matrix, value = data.matrix, data.value
    ax = _axes(ax, (1.1 * len(data.regions) + 4.0, 0.38 * data.themes + 1.8))
    if value == "z":
        bound = max(float(np.nanmax(np.abs(matrix))), 1e-9)
        image = ax.imshow(matrix, cmap="PuOr_r", vmin=-bound, vmax=bound, aspect="auto")
    else:
        image = ax.imshow(matrix, cmap="cividis", aspect="auto")
    ax.set_xticks(np.arange(len(data.regions)), list(data.region_ticks), fontsize=8)
    ax.set_yticks(np.arange(len(data.labels)), list(data.labels))
    mid = (np.nanmax(matrix) + np.nanmin(matrix)) / 2
    for (i, j), v in np.ndenumerate(matrix):
        light = v < mid if value == "rate_per_10k" else abs(v) > bound / 2
        shown = f"{v:.0f}" if value == "rate_per_10k" else f"{v:+.1f}"
        ax.text(j, i, shown + "*" * bool(data.carried[i, j]), ha="center", va="center",
                fontsize=7, color="white" if light else "black")
    # Each theme's leading region is boxed: solid where the lead is clear, dashed where not.
    for i, j, clear in data.leads:
        ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False,
                               edgecolor="black" if clear else UNCLEAR_EDGE, linewidth=1.6,
                               linestyle="-" if clear else "--"))
    what = "rate per 10,000 tokens" if value == "rate_per_10k" else "one-vs-rest log-odds z"
    ax.figure.colorbar(image, ax=ax, label=what, shrink=0.8)
    ax.set_xlabel(_wrap("box: the leading region, solid where the lead is clear, dashed where "
                        "it is unclear (its interval overlaps the runner-up's, or one "
                        "initiative carries it); *: one initiative holds half the count or "
                        "more", 70), fontsize=8)
    where = f", {data.edition_name}" if data.edition_name else ""
    ax.set_title(data.title or f"Regional initiatives by region{where}:\n{what} per theme")
    return ax


# --- saving ---------------------------------------------------------------------------


def save_chart(ax: Axes, path: str, *, format: Literal["png", "svg"]) -> None:
    """Write the figure `ax` is drawn on to `path`, atomically (never a half-written file)."""
    buffer = io.BytesIO()
    figure = ax.get_figure(root=True)
    assert figure is not None  # every chart draws on an Axes of a Figure
    # "tight": a long title or tick label grows the image rather than being cut at its edge.
    figure.savefig(buffer, format=format, dpi=150, bbox_inches="tight")
    atomic_write_bytes(path, buffer.getvalue())  # an unwritable path is one OutputError


_SVG_ID = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
_SVG_SIZE = re.compile(r'width="[\d.]+pt" height="[\d.]+pt" viewBox="[^"]*"')
_PAD = 0.05  # inches around the drawing, as savefig's pad_inches


def chart_svg(draw: Callable[[Axes], object], *, id: str, title: str,
              size: tuple[float, float] = (7.5, 4.2)) -> Markup:
    """Draw onto a fresh figure and return it as inline SVG with ids unique to this chart.

    A fixed hash salt and no date make the SVG byte-identical from run to run. Text stays
    text (in DejaVu Sans, else the reader's sans-serif): a third less drawing time than
    text as paths, and the page 40 % lighter.
    """
    figure = Figure(figsize=size)
    ax = figure.add_subplot()
    draw(ax)
    # No chart of ours has tick labels above its Axes, so the title stays at the top edge,
    # where matplotlib would place it after measuring every y tick label again to check
    # (a tenth of a chart's time): placed there, it is not moved.
    ax.set_title(ax.get_title(), y=1.0)
    # The viewBox is cropped to what was drawn, so a long title or tick label is never cut.
    # bbox_inches="tight" would do the same by drawing the figure twice, once to measure it
    # (half a chart's time); here the one drawing that writes the SVG is measured after it.
    drawn: list[Bbox] = []
    figure.canvas.mpl_connect(
        "draw_event", lambda event: drawn.append(figure.get_tightbbox(event.renderer)))
    figure.patch.set_visible(False)  # the SVG's own background covers the cropped box
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"wtdc-{id}", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    box = drawn[0].padded(_PAD)
    left, top = box.x0 * 72, (size[1] - box.y1) * 72  # SVG y runs down from the top
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    # The width of its container, any screen: the viewBox keeps the proportions.
    svg = _SVG_SIZE.sub(f'width="100%" viewBox="{left:.2f} {top:.2f} {box.width * 72:.2f} '
                        f'{box.height * 72:.2f}" style="background: #ffffff"', svg, count=1)
    svg = _SVG_ID.sub(lambda m: f"{m.group(1)}{id}-{m.group(2)}", svg)
    label = title.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return Markup(svg.strip())
