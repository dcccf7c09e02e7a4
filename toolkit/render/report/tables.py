"""A table of the report: shown in the page (formatted cells) and written beside it as
`<id>.csv` and `<id>.json` (every field, unformatted)."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polars as pl


@dataclass(frozen=True)
class Column:
    """One column of a report table: its field, heading and how the page shows its values."""

    key: str
    label: str
    numeric: bool = False
    digits: int | None = None  # decimals shown in HTML for a float column; files keep all
    max_chars: int | None = None  # cut long values (hashes) in HTML; files keep all
    code: bool = False  # a command or identifier, shown in monospace
    upper: str | None = None  # the key of an interval's upper end: shown "low–high"
    link: Callable[[Mapping[str, Any]], str | None] | None = None  # a row's cell → its href


@dataclass(frozen=True)
class Cell:
    """One formatted cell of the page: its text, CSS class and link."""

    text: str
    css: str = ""
    href: str | None = None


@dataclass(frozen=True)
class ReportTable:
    """A table as shown in the page and as written beside it as `<id>.csv` and `<id>.json`."""

    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Mapping[str, Any], ...]
    note: str = ""
    interactive: bool = False  # sortable by any column and filterable in the page

    @property
    def cells(self) -> tuple[tuple[Cell, ...], ...]:
        """The rows as the page shows them, formatted column by column."""
        return tuple(
            tuple(
                _interval(row.get(c.key), row.get(c.upper), c) if c.upper
                else replace(_cell(row.get(c.key), c), href=c.link(row)) if c.link
                else _cell(row.get(c.key), c)
                for c in self.columns
            )
            for row in self.rows
        )

    @property
    def fields(self) -> tuple[str, ...]:
        """The columns of the files: every field of the rows, not only those shown."""
        shown = [k for c in self.columns for k in (c.key, c.upper) if k]
        extra = [k for k in (self.rows[0] if self.rows else {}) if k not in shown]
        return (*shown, *extra)

    def to_csv(self) -> str:
        """The table as `<id>.csv`: every field, unformatted."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.fields)
        for row in self.rows:
            writer.writerow([_csv_value(row.get(key)) for key in self.fields])
        return buffer.getvalue()

    def to_json(self) -> str:
        """The table as `<id>.json`: every field, unformatted, non-finite numbers as null."""
        records = [{key: _json_value(row.get(key)) for key in self.fields} for row in self.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"



def _cell(value: Any, column: Column) -> Cell:
    css = "num" if column.numeric else "mono" if column.code else (
        "wide" if column.key in {"title", "source", "reason"} else "")
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
    text = str(value)
    if column.max_chars is not None and len(text) > column.max_chars:
        text = text[: column.max_chars] + "…"
    return Cell(text, css)


def _interval(low: Any, high: Any, column: Column) -> Cell:
    ends = (_cell(low, column).text, _cell(high, column).text)
    return Cell("—" if ends == ("—", "—") else f"{ends[0]}–{ends[1]}", "num")


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
    """Show the named columns of a stage's frame; the files keep every column."""
    return ReportTable(id, caption, tuple(columns), tuple(frame.to_dicts()), note)

