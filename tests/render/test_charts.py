"""Each chart draws what it claims: bars, dots, cells, tick labels and a title that compares."""

from __future__ import annotations

import polars as pl
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex
from matplotlib.container import ErrorbarContainer
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

from toolkit.measure import region_emphasis, term_shifts, word_shifts
from toolkit.render.charts import (
    FALLING,
    RISING,
    UNCLEAR,
    rate_ratio_chart,
    region_heatmap,
    word_shift_chart,
)

OLD = pl.DataFrame({
    "doc_id": ["a", "b", "c"],
    "text": ["satellite services and satellite networks", "spectrum policy for all",
             "satellite links and resilience"],
})
NEW = pl.DataFrame({
    "doc_id": ["d", "e", "f"],
    "text": ["AI services and AI networks", "spectrum policy for all", "AI tools and resilience"],
})


def bars(ax: object) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]  # type: ignore[attr-defined]


def test_word_shift_chart() -> None:
    shifts = word_shifts(OLD, NEW, min_count=2, top=5, n_boot=50)
    ax = word_shift_chart(shifts, old_name="Kigali, 2022", new_name="Baku, 2025")
    drawn = bars(ax)
    assert len(drawn) == shifts.height == 2
    assert [t.get_text() for t in ax.get_yticklabels()] == ["AI", "satellite"]
    assert [p.get_facecolor()[:3] for p in drawn] == [
        pytest.approx(tuple(int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)))
        for c in (RISING, FALLING)]
    assert ax.get_title() == "Words rising and falling:\nBaku, 2025 compared with Kigali, 2022"
    assert "bootstrap 95% interval" in ax.get_xlabel()
    # Each word is on one side only: no bootstrap interval, so no whisker (not a false one).
    assert not any(isinstance(c, ErrorbarContainer) for c in ax.containers)
    # The log2 axis is labelled with the factors themselves.
    ax.figure.canvas.draw()  # type: ignore[union-attr]
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert "1×" in ticks
    assert all(t.endswith("×") for t in ticks)


def test_word_shift_whiskers_only_where_both_sides_have_the_word() -> None:
    old = pl.DataFrame({"doc_id": ["a", "b", "c"],
                        "text": ["spectrum spectrum policy", "spectrum policy", "policy"]})
    new = pl.DataFrame({"doc_id": ["d", "e", "f"],
                        "text": ["spectrum policy", "policy policy AI", "policy AI AI"]})
    shifts = word_shifts(old, new, min_count=1, top=5, n_boot=50)
    ax = word_shift_chart(shifts, old_name="/long/path/to/kigali.txt", new_name="baku-2025")
    with_interval = shifts.filter(pl.col("boot_low").is_not_nan()).height
    assert 0 < with_interval < shifts.height
    error_bars = next(c for c in ax.containers if isinstance(c, ErrorbarContainer))
    assert len(error_bars.lines[2][0].get_segments()) == with_interval
    # A file is named by its base name, so the title says what is compared and fits.
    assert ax.get_title() == "Words rising and falling:\nbaku-2025 compared with kigali.txt"
    bigrams = word_shifts(old, new, n=2, min_count=1, top=5, n_boot=20)
    assert word_shift_chart(bigrams).get_title().startswith("Bigrams rising and falling:")


def test_rate_ratio_chart() -> None:
    shifts = term_shifts(OLD, NEW, n_boot=50)
    ax = rate_ratio_chart(shifts, old_name="OLD", new_name="NEW")
    assert ax.get_xscale() == "log"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # AI and satellites moved but one document carries two thirds of each: named.
    assert labels == ["Artificial intelligence (d: 67%)", "Satellites and space (a: 67%)",
                      "Resilience", "Spectrum"]
    # Only resilience and spectrum are on both sides: they alone have a bootstrap interval.
    intervals = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(intervals[0].get_segments()) == 2
    assert ax.get_title() == "Themes per 10,000 tokens:\nNEW compared with OLD"
    assert "bootstrap (whole documents) 95% interval; hollow dot: none" in ax.get_xlabel()
    # Ticks read as factors (1/2×, 1×, 2×), not in scientific notation (2×10⁻¹).
    ax.figure.canvas.draw()  # type: ignore[union-attr]
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert "1×" in ticks
    assert all(t.endswith("×") and "10^" not in t for t in ticks)


def colours(ax: object) -> list[str]:
    """The dots' colours, filled and hollow, top row first."""
    dots = [c for c in ax.collections if not isinstance(c, LineCollection)]  # type: ignore[attr-defined]
    found: dict[float, str] = {}
    for c in dots[:2]:  # filled, then hollow; the arrows come after
        for (_, y), face, edge in zip(c.get_offsets(), c.get_facecolors(), c.get_edgecolors(),
                                      strict=False):
            colour = face if face[:3].tolist() != [1.0, 1.0, 1.0] else edge
            found[float(y)] = to_hex(colour)
    return [found[y] for y in sorted(found, reverse=True)]


def test_rate_ratio_chart_colours_follow_the_direction_rule() -> None:
    pad = " ".join(["plan"] * 18)
    old = pl.DataFrame({"doc_id": [f"o{i}" for i in range(6)],
                        "text": [f"AI and satellites and resilience {pad}"] * 6})
    new = pl.DataFrame({"doc_id": [f"n{i}" for i in range(6)],
                        "text": [f"AI, AI, AI and resilience {pad}"] * 5
                        + [f"AI and satellites and {', '.join(['resilience'] * 20)} {pad}"]})
    shifts = term_shifts(old, new, n_boot=200)
    directions = dict(shifts.select("theme", "direction").rows())
    assert [directions[t] for t in ("ai", "satellite", "resilience")] == [
        "higher", "lower", "unclear"]
    ax = rate_ratio_chart(shifts)
    # Resilience: the point ratio is above 1, but one document carries it: grey, and named.
    assert colours(ax) == [RISING.lower(), FALLING.lower(), UNCLEAR.lower()]
    assert [t.get_text() for t in ax.get_yticklabels()][2] == "Resilience (n5: 80%)"


def test_region_heatmap_draws_one_cell_per_region_and_theme() -> None:
    frame = pl.DataFrame({
        "doc_id": ["ri-afr1", "ri-eur1", "ri-asp1"],
        "doc_type": ["regional-initiative"] * 3,
        "region": ["AFR", "EUR", "ASP"],
        "text": ["AI and satellites", "resilience", "spectrum and AI"],
    })
    fig = Figure()
    ax = fig.add_subplot()
    assert region_heatmap(region_emphasis(frame), ax, edition_name="Baku, 2025") is ax
    image = next(i for i in ax.get_children() if isinstance(i, AxesImage))
    assert image.get_array().shape == (18, 3)  # type: ignore[union-attr]
    # Each region with the size of its text in tokens ("AI and satellites": 3).
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "AFR\n3 tok.", "ASP\n3 tok.", "EUR\n1 tok."]
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == [
        "Artificial intelligence", "Satellites and space"]
    assert len(ax.texts) == 18 * 3
    # One initiative per region carries all of its count: every non-zero cell is starred,
    # and each of the four themes mentioned has its leader in a dashed (unclear) box.
    assert sorted(t.get_text() for t in ax.texts if t.get_text() != "0") == [
        "10000*", "3333*", "3333*", "3333*", "3333*"]
    boxes = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(boxes) == 4
    assert {b.get_linestyle() for b in boxes} == {"--"}
    assert "dashed where\nit is unclear" in ax.get_xlabel()
    assert ax.get_title() == (
        "Regional initiatives by region, Baku, 2025:\nrate per 10,000 tokens per theme")
    z = region_heatmap(region_emphasis(frame), value="z")
    assert "one-vs-rest log-odds z" in z.get_title()
