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
    error_bars = next(c for c in ax.containers if isinstance(c, ErrorbarContainer))
    assert len(error_bars.lines[2][0].get_segments()) == 2


def test_rate_ratio_chart() -> None:
    shifts = term_shifts(OLD, NEW, n_boot=50)
    ax = rate_ratio_chart(shifts, old_name="OLD", new_name="NEW")
    assert ax.get_xscale() == "log"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Artificial intelligence", "Satellites and space", "Resilience", "Spectrum"]
    intervals = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(intervals[0].get_segments()) == 4
    assert ax.get_title() == "Themes per 10,000 tokens:\nNEW compared with OLD"


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
    assert [t.get_text() for t in ax.get_xticklabels()] == ["AFR", "ASP", "EUR"]
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == [
        "Artificial intelligence", "Satellites and space"]
    assert len(ax.texts) == 18 * 3
    assert ax.get_title() == (
        "Regional initiatives by region, Baku, 2025:\nrate per 10,000 tokens per theme")
    z = region_heatmap(region_emphasis(frame), value="z")
    assert "one-vs-rest log-odds z" in z.get_title()
