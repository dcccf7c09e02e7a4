"""The WTDC editions the toolkit knows, read from editions.toml (package data)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from toolkit.errors import UnknownEditionError
from toolkit.ingest.read import EXTENSIONS
from toolkit.messages import suggest


@dataclass(frozen=True, order=True)
class Edition:
    """A WTDC edition the toolkit knows of, whether or not its texts are in the corpus."""

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
    """Every edition in editions.toml, oldest first (read once per process)."""
    data = tomllib.loads(resources.files("toolkit.corpus").joinpath("editions.toml").read_text())
    return tuple(sorted(Edition(**row) for row in data["edition"]))


def edition(edition_id: str) -> Edition:
    """The edition of that id (case-insensitive); a file name or a typo is told what to do."""
    for e in known_editions():
        if e.id == edition_id.lower():
            return e
    ids = [e.id for e in known_editions()]
    if Path(edition_id).suffix.lower() in EXTENSIONS or Path(edition_id).is_file():
        raise UnknownEditionError(
            f"'{edition_id}' is a file, not an edition id; add it to the corpus first with "
            f"`wtdc corpus add {edition_id} --edition EDITION --kind final-report` (EDITION one "
            f"of {', '.join(ids)}), then give the edition id"
        )
    raise UnknownEditionError(
        f"unknown edition '{edition_id}'{suggest(edition_id, ids)}; known editions: "
        f"{', '.join(ids)}"
    )



def edition_by_label(label: str) -> Edition | None:
    """Find the edition that a printed label names: "Rev. Kigali, 2022" or "Kigali, 2022"."""
    text = label.removeprefix("Rev.").strip().rstrip(")").lstrip("(")
    for e in known_editions():
        if e.city.lower() in text.lower() and str(e.year) in text:
            return e
    return None
