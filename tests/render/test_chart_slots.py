"""The report's page is rendered while its charts are drawn; each SVG then takes its slot."""

from __future__ import annotations

import re
from pathlib import Path


def test_every_chart_takes_its_slot(default_report: Path) -> None:
    page = default_report.read_text(encoding="utf-8")
    assert "<!--chart-" not in page
    charts = re.findall(r'<figure class="chart" id="([^"]+)">\n<div class="chart-scroll" '
                        r'role="region" tabindex="0" aria-labelledby="[^"]+">\n<svg ', page)
    assert charts == ["chart-term-shifts-declaration", "chart-term-shifts", "chart-region-rates"]
    assert page.count("<svg ") == 3
