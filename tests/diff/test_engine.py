"""diff_sources on the real pair: relabelling, edits and the bracketed Baku Action Plan."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.diff import ClauseDiff, TextDiff, diff_sources
from toolkit.diff.words import new_text, old_text
from toolkit.parse import Clause, Document, Section

SCHEMA = Path(__file__).resolve().parents[2] / "toolkit" / "diff" / "diff.schema.json"
# Checked once, then reused: `jsonschema.validate` checks the schema itself on every call.
VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _by_labels(diff: TextDiff, old: str, new: str) -> ClauseDiff:
    (found,) = [
        c for c in diff.clauses
        if c.pair.old and c.pair.new and (c.pair.old.clause.label, c.pair.new.clause.label)
        == (old, new)
    ]
    return found


def test_renumbering_is_relabelling(declaration_diff: TextDiff) -> None:
    # i)…v) became 1)…5); 1)…5) became a)…e): linked as the same clauses, relabelled.
    for old, new in [("i)", "1)"), ("iv)", "4)"), ("v)", "5)"), ("1)", "a)"), ("5)", "e)")]:
        assert _by_labels(declaration_diff, old, new).relabelled
    unchanged = _by_labels(declaration_diff, "iv)", "4)")
    assert unchanged.status == "unchanged"
    assert unchanged.describe() == "unchanged, relabelled iv) → 4)"


def test_older_people_became_older_persons(declaration_diff: TextDiff) -> None:
    clause = _by_labels(declaration_diff, "v)", "5)")
    assert clause.status == "edited"
    assert [op for op in clause.ops if op[0]] == [(-1, "people"), (1, "persons")]
    assert (clause.words_added, clause.words_removed) == (1, 1)


def test_bracketed_action_plan(declaration_diff: TextDiff) -> None:
    (last,) = [
        c for c in declaration_diff.clauses
        if c.pair.new is not None and "the Baku Action Plan" in c.pair.new.clause.text
    ]
    assert [op for op in last.ops if op[0]] == [
        (-1, "We further commit"),
        (1, "Accordingly, we declare our commitment"),
        (-1, "["),
        (1, "the "),
        (-1, "]"),
    ]


def test_ops_rebuild_each_pair(declaration_diff: TextDiff) -> None:
    for c in declaration_diff.clauses:
        if c.group or c.pair.old is None or c.pair.new is None:
            continue
        assert old_text(c.ops) == c.pair.old.clause.text
        assert new_text(c.ops) == c.pair.new.clause.text


def test_merge_is_diffed_once_as_a_whole(declaration_diff: TextDiff) -> None:
    # The one real merge: pre-final i) and the paragraph "Universal and meaningful
    # connectivity …" became the final 1).
    merged = [c for c in declaration_diff.clauses if c.pair.status in ("merged", "split")]
    lead = _by_labels(declaration_diff, "i)", "1)")
    assert merged[0] is lead
    assert len(merged) == 2
    assert lead.status == "merged"
    assert not lead.follower
    assert len(lead.group) == 2
    assert re.search(r"from i\) \+ ¶\d+,", lead.describe())
    assert merged[1].follower
    assert merged[1].ops == ()
    assert merged[1].pair.old is not None
    assert merged[1].pair.old.clause.text.startswith("Universal and meaningful connectivity")


def test_paragraphs_of_a_label_pair_on_their_own(declaration_diff: TextDiff) -> None:
    """The final report indents two paragraphs under a); the Markdown prints them apart:
    each is a unit of its own, "We underscore …" unchanged (issue 11)."""
    underscore = _by_labels(declaration_diff, None, "a) ¶2")
    assert underscore.pair.new is not None
    assert underscore.pair.new.clause.text.startswith("We underscore the importance")
    assert (underscore.status, underscore.changed()) == ("unchanged", False)
    assert underscore.describe() == "unchanged, relabelled (none) → a) ¶2"
    assert _by_labels(declaration_diff, None, "a) ¶3").describe() == (
        "edited, relabelled (none) → a) ¶3, similarity 1.00")


def test_stat_frame_and_json(declaration_diff: TextDiff) -> None:
    stat = declaration_diff.stat().as_dict()
    assert stat["deleted"] + stat["inserted"] + stat["unchanged"] + stat["edited"] + stat[
        "merged"] + stat["split"] + stat["moved"] == len(declaration_diff.clauses)
    assert not declaration_diff.identical
    frame = declaration_diff.frame()
    assert frame.height == len(declaration_diff.clauses)
    row = frame.filter((pl.col("old_label") == "v)") & (pl.col("new_label") == "5)")).row(
        0, named=True)
    assert (row["status"], row["relabelled"], row["words_added"]) == ("edited", True, 1)
    document = json.loads(declaration_diff.to_json())
    VALIDATOR.validate(document)
    assert document["totals"] == stat
    assert document["documents"][0]["old_id"] == "declaration"


def _doc(*clauses: tuple[str | None, str], doc_id: str = "text") -> Document:
    return Document(
        id=doc_id, type="text", number=None, heading="", edition_label=None, title="",
        sections=(Section(None, "body", tuple(
            Clause(label, text, ordinal=i) for i, (label, text) in enumerate(clauses, 1)
        )),),
    )


def test_identical_and_ignore_options() -> None:
    old = _doc(("a)", "Older People live here."), ("b)", "A second clause."))
    assert diff_sources((old,), (old,)).identical
    relettered = _doc(("1)", "older people live  here."), ("2)", "A second clause."))
    strict = diff_sources((old,), (relettered,))
    assert not strict.identical
    assert strict.stat().summary() == (
        "1 of 2 clause pairs changed; 1 more only relabelled; clauses: 1 unchanged, 1 edited, "
        "0 moved, 0 inserted, 0 deleted, 0 split, 0 merged; 2 relabelled; words: +2 -2"
    )
    # A new label alone is no change: only the relabelled count says it.
    assert not diff_sources((old,), (relettered,), ignore=("case",)).identical  # "live  here"
    case = diff_sources((old,), (relettered,), ignore=("case", "whitespace"))
    assert case.identical
    assert case.stat().relabelled == 2
    assert case.stat().as_dict()["words_added"] == 0  # an ignored edit shows as the new text
    loose = diff_sources((old,), (relettered,), ignore=("case", "whitespace", "labels"))
    assert loose.identical
    assert loose.stat().clauses == {"unchanged": 2}
    assert loose.stat().relabelled == 0


def test_documents_pair_by_id_and_unpaired_show_whole() -> None:
    a, b = _doc(("1", "Alpha text."), doc_id="res-1"), _doc(("1", "Beta text."), doc_id="res-2")
    b2 = _doc(("1", "Beta text, revised."), doc_id="res-2")
    c = _doc(("1", "Gamma text."), doc_id="res-3")
    diff = diff_sources((a, b), (b2, c))
    assert [d.name for d in diff.documents] == ["res-2", "res-3 (new only)", "res-1 (old only)"]
    assert [c.status for d in diff.documents for c in d.clauses] == [
        "edited", "inserted", "deleted"]
    # Two single-document texts pair whatever their ids.
    single = diff_sources((a,), (c,))
    assert [d.name for d in single.documents] == ["res-1 → res-3"]


@pytest.mark.parametrize("granularity", ["word", "char"])
def test_granularity(granularity: str) -> None:
    old, new = _doc((None, "older people")), _doc((None, "older persons"))
    (clause,) = diff_sources((old,), (new,), granularity=granularity).clauses  # type: ignore[arg-type]
    expected = {
        "word": ((0, "older "), (-1, "people"), (1, "persons")),
        "char": ((0, "older pe"), (-1, "ople"), (1, "rsons")),
    }
    assert clause.ops == expected[granularity]


def test_diff_alignments_takes_pairs_made_elsewhere() -> None:
    from toolkit.align import align_clauses
    from toolkit.diff import diff_alignments

    old, new = _doc((None, "older people"), doc_id="res-1"), _doc((None, "older persons"),
                                                                  doc_id="res-9")
    diff = diff_alignments([align_clauses(old, new)], old_name="a", new_name="b")
    assert [d.name for d in diff.documents] == ["res-1 → res-9"]
    assert diff.clauses[0].ops == ((0, "older "), (-1, "people"), (1, "persons"))


_clause_texts = st.lists(
    st.sampled_from(["", "older people", "older persons", "A clause.", "a <b> & c", "😀 e\u0301",
                     "Baku Action Plan", "[Baku Action Plan]"]),
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(_clause_texts, _clause_texts, st.booleans())
def test_any_texts_give_valid_json_and_rebuilding_ops(
    old: list[str], new: list[str], ignore_labels: bool
) -> None:
    old_doc = _doc(*[(f"{n})", t) for n, t in enumerate(old, 1)])
    new_doc = _doc(*[(f"{n})", t) for n, t in enumerate(new, 1)])
    diff = diff_sources((old_doc,), (new_doc,), ignore=("labels",) if ignore_labels else ())
    VALIDATOR.validate(json.loads(diff.to_json()))
    assert diff.identical == (old == new)
    for c in diff.clauses:
        if c.group:
            continue
        if c.pair.old is not None:
            assert old_text(c.ops) == c.pair.old.clause.text
        if c.pair.new is not None:
            assert new_text(c.ops) == c.pair.new.clause.text
