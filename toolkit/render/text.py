"""Plain-text tables for the terminal, shared by the commands that print one."""

from __future__ import annotations

from collections.abc import Sequence


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns two spaces apart; the last column (often long text) is not padded."""
    everything = [header, *rows]
    widths = [max(len(row[i]) for row in everything) for i in range(len(header) - 1)]
    lines = (
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1]
        for row in everything
    )
    return "".join(f"{line}\n" for line in lines)
