"""Wording shared by every stage's messages: "did you mean" hints and warning summaries."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

# A user reads ten warnings; past that the rest are counted, and the JSON formats keep them all.
SHOWN_WARNINGS = 10


def suggest(word: str, choices: Iterable[str]) -> str:
    """" (did you mean res-37?)" for the closest choices, ignoring case; "" if none is close."""
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), by_lower, n=3, cutoff=0.6)
    if not close:
        return ""
    names = [by_lower[c] for c in close]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f" (did you mean {listed}?)"


def summarise(warnings: Sequence[str], *, limit: int = SHOWN_WARNINGS) -> tuple[str, ...]:
    """The first `limit` warnings, then one line that counts the rest."""
    if len(warnings) <= limit:
        return tuple(warnings)
    rest = len(warnings) - limit
    return (
        *warnings[:limit],
        f"… and {rest} more warning{'s' if rest > 1 else ''} like these "
        "(--format json lists them all where the format has a warnings field)",
    )
