"""The WTDC editions the toolkit knows, read from editions.toml (package data)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from toolkit.errors import UnknownEditionError


@dataclass(frozen=True, order=True)
class Edition:
    year: int
    id: str  # "kigali-2022"
    city: str
    final_report_url: str

    @property
    def label(self) -> str:
        """The edition as ITU prints it in headings and tables: "Kigali, 2022"."""
        return f"{self.city}, {self.year}"


@cache
def known_editions() -> tuple[Edition, ...]:
    data = tomllib.loads(resources.files("toolkit.corpus").joinpath("editions.toml").read_text())
    return tuple(sorted(Edition(**row) for row in data["edition"]))


def edition(edition_id: str) -> Edition:
    for e in known_editions():
        if e.id == edition_id:
            return e
    names = ", ".join(e.id for e in known_editions())
    raise UnknownEditionError(f"unknown edition '{edition_id}'; known editions: {names}")


def edition_by_label(label: str) -> Edition | None:
    """Find the edition that a printed label names: "Rev. Kigali, 2022" or "Kigali, 2022"."""
    text = label.removeprefix("Rev.").strip().rstrip(")").lstrip("(")
    for e in known_editions():
        if e.city.lower() in text.lower() and str(e.year) in text:
            return e
    return None
