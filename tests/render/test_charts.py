"""Each chart draws what it claims: bars, dots, cells, tick labels and a title that compares."""

from __future__ import annotations

import polars as pl
import pytest
from matplotlib.collections import LineCollection
from matplotlib.container import ErrorbarContainer
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

from toolkit.measure import region_emphasis, term_shifts, word_shifts
from toolkit.render.charts import (
    FALLING,
    RISING,
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
    assert "1×" in ticks and all(t.endswith("×") for t in ticks)


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
    assert labels == ["Artificial intelligence", "Satellites and space", "Resilience", "Spectrum"]
    intervals = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(intervals[0].get_segments()) == 4
    assert ax.get_title() == "Themes per 10,000 tokens:\nNEW compared with OLD"
    # Ticks read as factors (1/2×, 1×, 2×), not in scientific notation (2×10⁻¹).
    ax.figure.canvas.draw()  # type: ignore[union-attr]
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert "1×" in ticks and all(t.endswith("×") and "10^" not in t for t in ticks)


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
    assert ax.get_title() == (
        "Regional initiatives by region, Baku, 2025:\nrate per 10,000 tokens per theme")
    z = region_heatmap(region_emphasis(frame), value="z")
    assert "one-vs-rest log-odds z" in z.get_title()
