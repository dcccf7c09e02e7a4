"""Clause history over a SIMULATED three-edition chain ending in Baku's Resolution 37."""

from __future__ import annotations

import polars as pl
import pytest

from toolkit.align.history import HISTORY_COLUMNS, clause_history, corpus_history, render_history
from toolkit.align.simulate import simulate_revision
from toolkit.errors import UnknownDocumentError
from toolkit.parse import ParsedText

OLDEST, MIDDLE, NEWEST = "buenos-aires-2017 (simulated)", "kigali-2022 (simulated)", "baku-2025"


def test_three_edition_chain(baku: ParsedText) -> None:
    res37 = baku.document("res-37")
    donors = [baku.document("res-1")]
    edits = ("reword", "insert", "delete")
    middle = simulate_revision(res37, seed=11, rate=0.15, edits=edits, donors=donors)
    oldest = simulate_revision(middle.document, seed=12, rate=0.15, edits=edits, donors=donors)
    frame = clause_history({OLDEST: oldest.document, MIDDLE: middle.document, NEWEST: res37})
    assert frame.columns == list(HISTORY_COLUMNS)
    assert frame["predates_history"].sum() == len(oldest.document.clauses)

    # The truth, chained by hand: where each Baku clause came from, and when it last changed.
    expected = {}
    for step in middle.truth:
        if step.new is None:
            continue
        if step.old is None:
            expected[step.new] = (NEWEST, NEWEST)
            continue
        before = next(t for t in oldest.truth if t.new == step.old)
        introduced = MIDDLE if before.old is None else OLDEST
        amended = (
            NEWEST
            if step.status != "unchanged"
            else (MIDDLE if before.old is None or before.status != "unchanged" else OLDEST)
        )
        expected[step.new] = (introduced, amended)

    alive = frame.filter(pl.col("removed_in").is_null())
    got = {
        row["ids"][-1]: (row["introduced_in"], row["last_amended_in"])
        for row in alive.iter_rows(named=True)
    }
    assert got == expected
    assert len(expected) == len(res37.clauses) == 123
    # Every clause of every edition belongs to exactly one stable id.
    assert frame["ids"].list.len().sum() == sum(
        len(d.clauses) for d in (oldest.document, middle.document, res37)
    )
    counts = dict(frame.group_by("introduced_in").len().iter_rows())
    assert sum(counts.values()) == frame.height
    assert counts[MIDDLE] > 0
    assert counts[NEWEST] > 0
    removed = dict(
        frame.filter(pl.col("removed_in").is_not_null()).group_by("removed_in").len().iter_rows()
    )
    assert removed == {
        MIDDLE: sum(1 for t in oldest.truth if t.new is None),
        NEWEST: sum(1 for t in middle.truth if t.new is None),
    }


def test_split_keeps_first_piece_identity(baku: ParsedText) -> None:
    res37 = baku.document("res-37")
    revision = simulate_revision(res37, seed=4, rate=0.1, edits=("split",))
    assert revision.edits["split"] > 0
    frame = clause_history({MIDDLE: revision.document, NEWEST: res37})
    pieces = frame.filter(pl.col("origin").str.starts_with("split from"))
    assert (
        pieces.height
        == sum(1 for t in revision.truth if t.status == "split") - revision.edits["split"]
    )
    assert set(pieces["introduced_in"]) == {NEWEST}


def test_history_of_the_shipped_corpus() -> None:
    frame = corpus_history("res-37")
    assert frame.height == 123
    assert set(frame["introduced_in"]) == {"baku-2025"}
    text = render_history(frame.head(2), format="table")
    assert text.splitlines()[1].startswith("res-37#1       ≤ baku-2025        ≤ baku-2025")
    assert frame["predates_history"].all()
    with pytest.raises(UnknownDocumentError):
        corpus_history("res-999")
