"""Bounded HTML for Jupyter: a record's `_repr_html_` shows at most `ROWS` rows, however large.

It sits beside errors.py and files.py, below every stage, so that each stage's records can
render themselves in a notebook without importing the render stage above them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from itertools import islice

ROWS = 20
_CELL = 160  # characters of a cell shown before it is clipped


def clip(text: str, width: int = _CELL) -> str:
    """`text`, cut to `width` characters with an ellipsis when longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


def html_table(
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    total: int,
    raw: bool = False,
) -> str:
    """A table of the first `ROWS` of `rows` (of `total` in all) under `caption`.

    Cells are escaped and clipped, except with `raw`, where the caller has escaped them
    (word operations marked up as <del>/<ins>).
    """
    shown = list(islice(rows, ROWS))

    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        return text if raw else escape(clip(text))

    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="text-align:left">{cell(v)}</td>' for v in row) + "</tr>"
        for row in shown
    )
    more = f" — first {len(shown)} shown; .frame() has them all" if total > len(shown) else ""
    return (
        f"<table><caption style=\"text-align:left\">{escape(caption)} ({total} rows{more})"
        f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
