"""Edit-aware shifts on a small hand-built alignment (simulated texts, not an edition)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from toolkit.align.model import Alignment, ClausePair, ClauseRef
from toolkit.measure import edit_shifts
from toolkit.parse.model import Clause, Document, Section


def ref(doc: str, text: str, ordinal: int) -> ClauseRef:
    return ClauseRef(doc, "resolves", 0, Clause(label=str(ordinal), text=text, ordinal=ordinal))


def doc(doc_id: str) -> Document:
    return Document(doc_id, "resolution", "1", "RESOLUTION 1", None, "t", (Section(None, "body",
                                                                                   ()),))


def test_each_theme_change_is_split_into_its_parts() -> None:
    old, new = doc("res-1"), doc("res-1")
    edited = Alignment(old, new, (
        ClausePair(ref("res-1", "use satellites for connectivity", 1),
                   ref("res-1", "use satellites and AI for connectivity", 1), "edited", 0.8),
        ClausePair(ref("res-1", "AI for emergencies", 2),
                   ref("res-1", "AI for emergencies", 2), "unchanged", 1.0),
        ClausePair(ref("res-1", "satellite spectrum", 3), None, "deleted", 0.0),
        ClausePair(None, ref("res-1", "artificial intelligence (AI) and resilience", 4),
                   "inserted", 0.0),
        ClausePair(ref("res-1", "resilient AI systems", 5),
                   ref("res-1", "resilient systems", 5), "edited", 0.7),
    ))
    added = Alignment(None, doc("res-91"), (
        ClausePair(None, ref("res-91", "AI and AI", 1), "inserted", 0.0),
    ))
    dropped = Alignment(doc("res-9"), None, (
        ClausePair(ref("res-9", "satellites", 1), None, "deleted", 0.0),
    ))
    parts = {r["theme"]: r for r in edit_shifts([edited, added, dropped]).iter_rows(named=True)}
    ai = parts["ai"]
    assert (ai["old_count"], ai["new_count"]) == (2, 5)
    assert (ai["kept_old"], ai["kept_new"]) == (1, 1)  # the unchanged clause
    assert (ai["deleted_in_edited"], ai["inserted_in_edited"]) == (1, 1)
    assert (ai["deleted_clauses"], ai["inserted_clauses"]) == (0, 1)
    assert (ai["dropped_documents"], ai["new_documents"]) == (0, 2)
    sat = parts["satellite"]
    assert (sat["old_count"], sat["new_count"]) == (3, 1)
    assert (sat["kept_old"], sat["kept_new"], sat["deleted_clauses"],
            sat["dropped_documents"]) == (1, 1, 1, 1)
    res = parts["resilience"]
    assert (res["kept_old"], res["kept_new"], res["inserted_clauses"]) == (1, 1, 1)
    for row in parts.values():
        assert row["old_count"] == pytest.approx(
            row["kept_old"] + row["deleted_in_edited"] + row["deleted_clauses"]
            + row["dropped_documents"])


def test_real_earlier_versions_split_into_parts(
    prefinal_declaration_path: Path, asp_web_path: Path
) -> None:
    from toolkit.align import align_documents
    from toolkit.corpus.sources import resolve
    from toolkit.measure import term_counts
    from toolkit.parse import clauses_frame

    for old_spec, new_spec in ((str(prefinal_declaration_path), "baku-2025:declaration"),
                               (str(asp_web_path), "baku-2025:ri-asp")):
        old, new = resolve(old_spec), resolve(new_spec)
        parts = edit_shifts(align_documents(old, new))
        # The parts add up to the plain counts of each side, clause by clause once.
        assert parts["old_count"].to_list() == term_counts(clauses_frame(old), by=())[
            "count"].to_list()
        assert parts["new_count"].to_list() == term_counts(clauses_frame(new), by=())[
            "count"].to_list()
    # ASP3 result 6: the web page's "radiofrequency" became "radio-frequency" in the report;
    # the other three spectrum matches of that clause are kept.
    spectrum = parts.filter(pl.col("theme") == "spectrum").row(0, named=True)
    assert (spectrum["kept_old"], spectrum["deleted_in_edited"]) == (3, 1)
    assert (spectrum["kept_new"], spectrum["inserted_in_edited"]) == (3, 1)
