"""How the report names editions and corpus files in running text, and marks what is
simulated; shared by every section."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.corpus import CorpusEntry, Edition


def edition_name(e: Edition) -> str:
    """An edition in running text: "Baku 2025" (its label, "Baku, 2025", is for matching)."""
    return f"{e.city} {e.year}"


def is_simulated(entry: CorpusEntry) -> bool:
    """A corpus file derived from real text by programmatic edits, as its manifest says.

    Simulated texts say so in their title or source ("(simulated)", "SIMULATED"); the manifest
    has no other field for it, and a report must never pass one off as an edition's text.
    """
    return "simulated" in f"{entry.title} {entry.source}".lower()


def simulated_label(text: str, simulated: bool) -> str:
    """`text`, opening with SIMULATED when it draws on a simulated source and does not yet."""
    return f"SIMULATED: {text}" if simulated and not text.startswith("SIMULATED") else text


def add_command(missing: Edition) -> str:
    """The command that adds a user's download of `missing` to the corpus."""
    return f"wtdc corpus add PATH --edition {missing.id} --kind final-report"
