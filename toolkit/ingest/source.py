"""The one object every reader returns: text extracted from a file, ready for parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from toolkit.ingest.layout import Cleaning

SourceFormat = Literal["text", "markdown", "html", "docx", "pdf"]


@dataclass(frozen=True)
class SourceText:
    """Extracted text of one source, NFC-normalised, with line structure kept for display.

    `text` keeps the original characters (dashes, quotes, no-break spaces) for display;
    comparison goes through `toolkit.ingest.normalize.comparable`.
    """

    text: str
    format: SourceFormat
    name: str = field(default="-", compare=False)
    encoding: str = field(default="utf-8", compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # What a layout-aware reader removed or repaired (pages, furniture, hyphens, footnotes).
    cleaning: Cleaning | None = field(default=None, compare=False)

    @property
    def lines(self) -> list[str]:
        """The text's lines, as warnings and diffs number them (from 1)."""
        return self.text.splitlines()
