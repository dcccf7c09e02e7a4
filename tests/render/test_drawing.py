"""The report's charts drawn in a second process are the same bytes as drawn here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from toolkit.corpus.sources import parsed_edition
from toolkit.measure import region_emphasis
from toolkit.parse import clauses_frame
from toolkit.render.chart_data import HeatmapData, heatmap_data
from toolkit.render.drawing import ChartDrawer, ChartRequest, draw

# A heatmap of no region and no theme: nothing to draw, an error in whichever process.
NOTHING = HeatmapData(matrix=np.zeros((0, 0)), regions=(), region_ticks=(), labels=(),
                      themes=0, carried=np.zeros((0, 0), dtype=bool), leads=(),
                      value="rate_per_10k", edition_name="", title=None)


def test_second_process_draws_the_report_heatmap(default_report: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    emphasis = region_emphasis(clauses_frame(parsed_edition("baku-2025").documents))
    title = "Regional initiatives, Baku 2025: mentions per 10,000 tokens"
    request = ChartRequest(heatmap_data(emphasis, edition_name="Baku, 2025", title=title),
                           id="chart-region-rates", title=title, size=(7.5, 7.5))
    here = draw(request)
    # As in a fresh `wtdc report`: matplotlib not loaded, so a second process draws.
    monkeypatch.delitem(sys.modules, "matplotlib")
    with ChartDrawer() as drawer:
        assert drawer._worker is not None
        first, second = drawer.submit(request), drawer.submit(request)
        apart = second.result()
        assert first.result() == apart
    assert drawer._worker.returncode == 0
    assert apart == here
    assert apart.startswith('<svg role="img" aria-label="Regional initiatives, Baku 2025')
    assert apart in default_report.read_text(encoding="utf-8")


def test_a_chart_that_fails_in_the_second_process_is_an_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    request = ChartRequest(NOTHING, id="chart-empty", title="nothing", size=(2.0, 2.0))
    monkeypatch.delitem(sys.modules, "matplotlib")
    with ChartDrawer() as drawer, pytest.raises(
            RuntimeError, match=r"^drawing a chart of the report failed: chart-empty: "):
        drawer.submit(request).result()


def test_a_second_process_that_ended_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    request = ChartRequest(NOTHING, id="chart-empty", title="nothing", size=(2.0, 2.0))
    monkeypatch.delitem(sys.modules, "matplotlib")
    with ChartDrawer() as drawer:
        assert drawer._worker is not None
        drawer._worker.kill()
        drawer._worker.wait()
        with pytest.raises(RuntimeError, match=r"^the process drawing the report's charts "
                           r"ended early; see its error above$"):
            drawer.submit(request).result()


def test_the_chart_process_loads_no_polars() -> None:
    # What it loads before the first request and to read one: ~0.2 s saved on each report.
    loads = ("from toolkit.render.drawing import serve; import toolkit.render.charts, "
             "toolkit.render.chart_data, sys; print(sorted(m for m in ('polars', "
             "'toolkit.measure', 'toolkit.parse', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", loads], capture_output=True, text=True,
                         check=True).stdout
    assert out == "['matplotlib']\n"
