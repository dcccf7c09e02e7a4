"""The comparison report: one self-contained HTML page plus the CSV and JSON of every table.

The report only gathers what the pipeline stages compute (corpus, parse, lineage, diff,
measure) and renders it; it holds no comparison logic of its own. Output is deterministic —
no timestamps, fixed SVG ids — so the same inputs give a byte-identical report, and it is
published atomically: a failed run never leaves a half-written report directory.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from toolkit import __version__
from toolkit.errors import InputError
from toolkit.files import atomic_write_text

if TYPE_CHECKING:
    import polars as pl
    from jinja2 import Environment
    from matplotlib.axes import Axes

# Called as progress(steps_done, steps_total, what_is_being_done).
ReportProgress = Callable[[int, int, str], None]

REPORTS_DIR = Path(__file__).resolve().parents[2] / "reports"


# --- what the template shows -----------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    digits: int | None = None  # decimals shown in HTML for a float column; files keep all


@dataclass(frozen=True)
class Cell:
    text: str
    css: str = ""


@dataclass(frozen=True)
class ReportTable:
    """A table as shown in the page and as written beside it as `<id>.csv` and `<id>.json`."""

    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Mapping[str, Any], ...]
    note: str = ""

    @property
    def cells(self) -> tuple[tuple[Cell, ...], ...]:
        return tuple(
            tuple(_cell(row.get(c.key), c) for c in self.columns) for row in self.rows
        )

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.key for c in self.columns])
        for row in self.rows:
            writer.writerow([_csv_value(row.get(c.key)) for c in self.columns])
        return buffer.getvalue()

    def to_json(self) -> str:
        records = [{c.key: _json_value(row.get(c.key)) for c in self.columns} for row in self.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Chart:
    id: str
    caption: str
    svg: Markup


@dataclass(frozen=True)
class KeyFigure:
    value: str
    what: str


@dataclass(frozen=True)
class Overview:
    paragraphs: tuple[str, ...]
    figures: tuple[KeyFigure, ...]
    sources: ReportTable
    lineage_text: str
    lineage_summary: ReportTable
    lineage: ReportTable
    missing_text: str
    missing: ReportTable


@dataclass(frozen=True)
class Redline:
    id: str
    title: str
    old_source: str
    new_source: str
    summary: str
    fragment: Markup


@dataclass(frozen=True)
class Measures:
    intro: str
    charts: tuple[Chart, ...] = ()
    tables: tuple[ReportTable, ...] = ()


@dataclass(frozen=True)
class MethodsPart:
    id: str
    title: str
    paragraphs: tuple[str, ...]
    commands: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReportView:
    name: str
    title: str
    subtitle: str
    overview: Overview
    redlines_intro: str
    redlines: tuple[Redline, ...]
    terms: Measures
    regions: Measures
    methods: tuple[MethodsPart, ...]

    @property
    def tables(self) -> tuple[ReportTable, ...]:
        o = self.overview
        return (
            o.sources, o.lineage_summary, o.lineage, o.missing,
            *self.terms.tables, *self.regions.tables,
        )


# --- rendering --------------------------------------------------------------------------


def _cell(value: Any, column: Column) -> Cell:
    css = "num" if column.numeric else ("wide" if column.key in {"title", "text"} else "")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Cell("—", css)
    if isinstance(value, bool):
        return Cell("yes" if value else "no", css)
    if isinstance(value, float):
        digits = 2 if column.digits is None else column.digits
        if math.isinf(value):
            return Cell("∞" if value > 0 else "−∞", css)
        return Cell(f"{value:,.{digits}f}".replace("-", "−"), css)
    if isinstance(value, int):
        return Cell(f"{value:,}", css)
    if isinstance(value, (list, tuple)):
        return Cell("; ".join(str(v) for v in value), css)
    return Cell(str(value), css)


def _csv_value(value: Any) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, tuple):
        return list(value)
    return value


def table_from_frame(
    frame: pl.DataFrame,
    *,
    id: str,
    caption: str,
    columns: Sequence[Column],
    note: str = "",
) -> ReportTable:
    """Keep only the named columns of a stage's frame, in the given order."""
    keys = [c.key for c in columns]
    return ReportTable(id, caption, tuple(columns), tuple(frame.select(keys).to_dicts()), note)


_SVG_ID = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def chart_svg(draw: Callable[[Axes], object], *, id: str, title: str,
              size: tuple[float, float] = (7.5, 4.2)) -> Markup:
    """Draw onto a fresh figure and return it as inline SVG with ids unique to this chart.

    A fixed hash salt and no date make the SVG byte-identical from run to run; text is drawn
    as paths so the page needs no fonts.
    """
    import matplotlib
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, layout="constrained")
    draw(figure.add_subplot())
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"wtdc-{id}", "svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = _SVG_ID.sub(lambda m: f"{m.group(1)}{id}-{m.group(2)}", svg)
    label = title.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return Markup(svg.strip())


@cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("toolkit.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _asset(name: str) -> Markup:
    """Our own stylesheet or script, inlined verbatim (it holds no input text)."""
    return Markup(resources.files("toolkit.render").joinpath("templates", name).read_text())


def render_report(view: ReportView) -> str:
    """The page's HTML; every text from the inputs goes through autoescaping."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        version=__version__,
        title=view.title,
        subtitle=view.subtitle,
        overview=view.overview,
        redlines_intro=view.redlines_intro,
        redlines=view.redlines,
        terms=view.terms,
        regions=view.regions,
        methods=view.methods,
        downloads=view.tables,
        css=_asset("report.css"),
        js=_asset("report.js"),
    )


# --- publishing -------------------------------------------------------------------------


def publish(files: Mapping[str, str], target: Path) -> Path:
    """Write every file into a fresh directory beside `target`, then swap it into place.

    `target` may only be replaced if it is empty or an earlier report (it has index.html):
    `-o DIR` pointing at a folder of the user's own files must not wipe it.
    """
    if target.exists() and (
        not target.is_dir() or (any(target.iterdir()) and not (target / "index.html").is_file())
    ):
        raise InputError(
            f"{target} exists and is not a wtdc report; choose another directory with -o"
            " or remove it"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    try:
        for name, text in files.items():
            atomic_write_text(staging / name, text)
        staging.chmod(0o755)
        retired = None
        if target.exists():
            retired = staging.with_suffix(".old")
            os.replace(target, retired)
        try:
            os.replace(staging, target)
        except BaseException:
            if retired is not None:
                os.replace(retired, target)
            raise
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def write_report(view: ReportView, target: Path) -> Path:
    files = {"index.html": render_report(view)}
    for table in view.tables:
        files[f"{table.id}.csv"] = table.to_csv()
        files[f"{table.id}.json"] = table.to_json()
    publish(files, target)
    return target / "index.html"


def _steps(progress: ReportProgress | None, names: Iterable[str]) -> Callable[[str], None]:
    """A tick function for the named steps, reporting to `progress` if there is one."""
    todo = list(names)
    done = 0

    def tick(name: str) -> None:
        nonlocal done
        if progress is not None:
            progress(done, len(todo), name)
        done += 1

    return tick
