"""Where a moved clause used to stand, so that a redline can show it at both places."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.align.model import ClauseRef
from toolkit.diff.model import ClauseDiff

END = -1  # the key of the moved clauses that stood after every clause shown


def _order(ref: ClauseRef) -> tuple[int, int]:
    return ref.section_index, ref.clause.ordinal


def old_places(clauses: Sequence[ClauseDiff]) -> dict[int, list[ClauseDiff]]:
    """Each moved clause of `clauses` under the id() of the first clause shown that followed
    it on the old side (`END` when none did): its old place, among the clauses shown."""
    anchors = [(c.pair.old, c) for c in clauses if c.pair.old and c.status != "moved"]
    places: dict[int, list[ClauseDiff]] = {}
    for moved in (c for c in clauses if c.status == "moved"):
        assert moved.pair.old is not None
        here = _order(moved.pair.old)
        after = next((c for ref, c in anchors if _order(ref) > here), None)
        places.setdefault(END if after is None else id(after), []).append(moved)
    return places
