"""Frames of the measure stage as JSON records, CSV and plain-text tables.

JSON has no infinity: an open interval end (a theme absent from one side) and a missing
bootstrap interval are written as null. The JSON follows toolkit/measure/schemas/.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from importlib import resources
from typing import Any, Literal

import polars as pl

Schema = Literal["terms", "words", "regions", "kwic", "edits", "themes"]


def records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts, non-finite floats as None."""
    out = frame.to_dicts()
    for row in out:
        for key, value in row.items():
            if isinstance(value, float) and not math.isfinite(value):
                row[key] = None
    return out


def to_json(frame: pl.DataFrame) -> str:
    """`frame` as JSON records, an open interval's end as null (JSON has no infinity)."""
    return json.dumps(records(frame), ensure_ascii=False, indent=2)


def to_csv(frame: pl.DataFrame) -> str:
    """`frame` as CSV, floats to six decimals so that files stay readable and stable."""
    return frame.write_csv(float_precision=6)


def schema(name: Schema) -> dict[str, Any]:
    """The JSON Schema of `wtdc terms/regions --format json` output (package data)."""
    text = resources.files("toolkit.measure").joinpath(f"schemas/{name}.schema.json").read_text(
        "utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def _cell(value: object, digits: int) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return f"{value:.{digits}f}"
    return str(value)


def to_table(frame: pl.DataFrame, columns: Sequence[tuple[str, str]], *, digits: int = 2,
             title: str = "") -> str:
    """A plain-text table of the given (column, heading) pairs; numbers right-aligned.
    A `title` (what is compared with what) goes on a line of its own above it."""
    headings = [h for _, h in columns]
    cells = [[_cell(row[c], digits) for c, _ in columns] for row in frame.iter_rows(named=True)]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headings)]
    numeric = [frame.schema[c].is_numeric() for c, _ in columns]

    def line(parts: Sequence[str]) -> str:
        return "  ".join(
            p.rjust(w) if num else p.ljust(w)
            for p, w, num in zip(parts, widths, numeric, strict=True)
        ).rstrip()

    return "\n".join([*([title] if title else []), line(headings), *(line(r) for r in cells)]
                     ) + "\n"


TERMS_TABLE = (
    ("theme", "THEME"), ("old_count", "OLD"), ("new_count", "NEW"),
    ("old_rate_per_10k", "OLD/10k"), ("new_rate_per_10k", "NEW/10k"), ("rate_ratio", "RATIO"),
    ("ci_low", "CI_LOW"), ("ci_high", "CI_HIGH"), ("boot_low", "BOOT_LOW"),
    ("boot_high", "BOOT_HIGH"), ("lrc", "LRC"), ("z", "Z"), ("direction", "DIRECTION"),
    ("top_document", "TOP_DOC"), ("top_document_share", "TOP_SHARE"),
    ("ratio_without_top", "RATIO_WITHOUT_TOP"),
)
WORDS_TABLE = (("term", "WORD"), ("direction", "DIRECTION"), *TERMS_TABLE[1:12])
REGIONS_TABLE = (
    ("region", "REGION"), ("theme", "THEME"), ("count", "COUNT"), ("tokens", "TOKENS"),
    ("rate_per_10k", "PER_10K"), ("rate_low", "LOW"), ("rate_high", "HIGH"), ("z", "Z"),
    ("initiatives_with_theme", "INITIATIVES"), ("top_initiative", "TOP_INITIATIVE"),
    ("top_initiative_share", "TOP_SHARE"),
)
THEMES_TABLE = (("id", "ID"), ("label", "LABEL"), ("patterns", "PATTERNS"), ("source", "SOURCE"))
KWIC_TABLE = (("side", "SIDE"), ("doc_id", "DOC"), ("label", "LABEL"), ("left", "LEFT"),
              ("match", "MATCH"), ("right", "RIGHT"))
EDITS_TABLE = (
    ("theme", "THEME"), ("old_count", "OLD"), ("new_count", "NEW"), ("kept_old", "KEPT_OLD"),
    ("kept_new", "KEPT_NEW"), ("deleted_in_edited", "DEL_EDITED"),
    ("inserted_in_edited", "INS_EDITED"), ("deleted_clauses", "DEL_CLAUSES"),
    ("inserted_clauses", "INS_CLAUSES"), ("dropped_documents", "DROPPED_DOCS"),
    ("new_documents", "NEW_DOCS"),
)
