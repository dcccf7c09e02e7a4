"""Very long documents: common clause runs are unchanged, the rest goes to the aligner."""

from __future__ import annotations

import pytest

from toolkit.diff import TextDiff, diff_sources, engine
from toolkit.diff.large import align_large
from toolkit.parse import Clause, Document, Section


def _doc(texts: list[str]) -> Document:
    clauses = tuple(Clause(None, t, ordinal=i) for i, t in enumerate(texts, start=1))
    return Document(id="text", type="text", number=None, heading="", edition_label=None,
                    title="", sections=(Section(None, "body", clauses),))


def test_common_runs_unchanged_and_changes_aligned() -> None:
    old = [f"Paragraph {n} says something about connectivity." for n in range(200)]
    new = list(old)
    new[10] = "Paragraph 10 says something else about connectivity."
    del new[50]
    new.insert(120, "A wholly new paragraph on satellites and resilience.")
    new.append(new.pop(5))  # moved to the end
    alignment = align_large(_doc(old), _doc(new))
    statuses = [p.status for p in alignment.pairs]
    assert statuses.count("unchanged") == 197
    assert statuses.count("edited") == statuses.count("deleted") == statuses.count("inserted") \
        == statuses.count("moved") == 1
    # Reading order of the new text; the deleted paragraph after its predecessor's partner.
    assert [p.new.clause.ordinal for p in alignment.pairs if p.new] == list(range(1, 201))
    (deleted,) = [k for k, p in enumerate(alignment.pairs) if p.status == "deleted"]
    assert alignment.pairs[deleted - 1].old.clause.text.startswith("Paragraph 49 ")  # type: ignore[union-attr]


def test_large_path_finds_the_same_edits_on_the_real_pair(
    declaration_diff: TextDiff, declarations: tuple[tuple[Document, ...], tuple[Document, ...]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "LARGE", 0)
    large = diff_sources(*declarations)
    def edits(diff: TextDiff) -> list[tuple[int, str]]:
        return [op for c in diff.clauses for op in c.ops if op[0]]
    assert edits(large) == edits(declaration_diff)
    assert large.stat() == declaration_diff.stat()
