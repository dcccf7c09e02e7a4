"""Clause alignment on hand-built versions of Resolution 37 (Baku, 2025)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from toolkit.align import align_clauses, change_kinds, proposal_mark
from toolkit.align.kinds import FOLDING_EXCEPTIONS, comparison_text
from toolkit.align.model import Alignment, ChangeKind
from toolkit.parse.model import Document

MakeDoc = Callable[..., Document]

R_A = (
    "the continuing disparity between those who have and those who do not have access to "
    "telecommunications/information and communication technologies (ICTs), cannot afford them "
    'or do not have the skills to use them, referred to as the "digital divide";'
)
R_D = (
    "that gaps in access to and use of telecommunications/ICTs further entrench social and "
    "economic inequality, negatively impacting various regions and social groups;"
)
R_K = (
    "that the increasing deployment of space-based technologies offers significant potential "
    "for expanding access to connectivity in unserved and underserved areas;"
)
C_I = (
    "Resolution 139 (Rev. Bucharest, 2022) of the Plenipotentiary Conference, on use of "
    "telecommunications/ICTs to bridge the digital divide and build an inclusive information "
    "society;"
)
C_J = (
    "Resolution 191 (Rev. Bucharest, 2022) of the Plenipotentiary Conference, on strategy for "
    "the coordination of efforts among the three Sectors of the Union;"
)
C_K = (
    "Resolution 200 (Rev. Bucharest, 2022) of the Plenipotentiary Conference, on the Connect "
    "2030 Agenda for global telecommunication/ICT, including broadband, for sustainable "
    "development;"
)
N_A = (
    "that meaningful connectivity is critical to bridging the digital divide, accelerating "
    "digital transformation and promoting digital inclusion;"
)
N_B = (
    "that addressing the coverage gap and the usage gap is a requirement for closing the "
    "digital divide;"
)


def statuses(alignment: Alignment) -> list[tuple[str | None, str | None, str]]:
    return [
        (
            p.old.clause.label if p.old else None,
            p.new.clause.label if p.new else None,
            p.status,
        )
        for p in alignment.pairs
    ]


def test_identical_documents_are_unchanged(make_doc: MakeDoc) -> None:
    doc = make_doc([("recognizing", [("a)", R_A), ("b)", R_D)]), ("recalling", [("a)", C_I)])])
    alignment = align_clauses(doc, doc)
    assert statuses(alignment) == [
        ("a)", "a)", "unchanged"),
        ("b)", "b)", "unchanged"),
        ("a)", "a)", "unchanged"),
    ]
    assert {p.similarity for p in alignment.pairs} == {1.0}
    assert [proposal_mark(p) for p in alignment.pairs] == ["NOC", "NOC", "NOC"]


def test_relabel_insert_delete_and_edit(make_doc: MakeDoc) -> None:
    old = make_doc([("recognizing", [("a)", R_A), ("b)", R_D), ("c)", R_K)])])
    edited_k = R_K.replace("significant potential", "great potential")
    new = make_doc([("recognizing", [("a)", R_A), ("b)", edited_k), ("c)", N_B)])])
    alignment = align_clauses(old, new)
    assert statuses(alignment) == [
        ("a)", "a)", "unchanged"),
        ("b)", None, "deleted"),  # placed after its old predecessor's partner
        ("c)", "b)", "edited"),
        (None, "c)", "inserted"),
    ]
    edited = alignment.pairs[2]
    assert edited.relabelled
    assert edited.change_kinds == ()
    assert 0.9 < edited.similarity < 1.0
    assert [proposal_mark(p) for p in alignment.pairs] == ["NOC", "SUP", "MOD", "ADD"]


def test_move_across_sections_and_reorder(make_doc: MakeDoc) -> None:
    old = make_doc(
        [
            ("recognizing", [("a)", R_A), ("b)", R_D), ("c)", R_K)]),
            ("noting", [("a)", N_A), ("b)", N_B)]),
        ]
    )
    new = make_doc(
        [
            ("recognizing", [("a)", R_A), ("b)", R_K), ("c)", R_D), ("d)", N_A)]),
            ("noting", [("a)", N_B)]),
        ]
    )
    alignment = align_clauses(old, new)
    got = [
        (p.old.id if p.old else None, p.new.id if p.new else None, p.status)
        for p in alignment.pairs
    ]
    assert got == [
        ("res-37/0/1", "res-37/0/1", "unchanged"),
        # Of a swapped pair, the one read first in the old text moved (down): one move
        ("res-37/0/3", "res-37/0/2", "unchanged"),
        ("res-37/0/2", "res-37/0/3", "moved"),
        ("res-37/1/1", "res-37/0/4", "moved"),  # from noting to recognizing
        ("res-37/1/2", "res-37/1/1", "unchanged"),
    ]
    assert [p.relabelled for p in alignment.pairs] == [False, True, True, True, True]
    # Relabelled but moved: not a cosmetic change, so --hide labels keeps it.
    assert [p.change_kinds for p in alignment.pairs] == [(), ("labels",), (), (), ("labels",)]


def test_split_and_merge(make_doc: MakeDoc) -> None:
    merged_text = N_A.removesuffix(";") + " and " + N_B
    old = make_doc(
        [("noting", [("a)", merged_text), ("b)", R_K)]), ("recalling", [("a)", C_I), ("b)", C_J)])]
    )
    new = make_doc(
        [
            ("noting", [("a)", N_A), ("b)", N_B), ("c)", R_K)]),
            ("recalling", [("a)", C_I.removesuffix(";") + " and " + C_J)]),
        ]
    )
    alignment = align_clauses(old, new)
    assert statuses(alignment) == [
        ("a)", "a)", "split"),
        ("a)", "b)", "split"),
        ("b)", "c)", "unchanged"),
        ("a)", "a)", "merged"),
        ("b)", "a)", "merged"),
    ]


def test_boilerplate_goes_to_the_copy_in_place(make_doc: MakeDoc) -> None:
    boiler = "to continue to assist Member States in this regard;"
    old = make_doc(
        [
            ("resolves", [("1", boiler), ("2", C_J)]),
            ("invites Member States", [("1", boiler), ("2", C_K)]),
        ]
    )
    new = make_doc(
        [
            ("resolves", [("1", boiler), ("2", C_J)]),
            ("invites Member States", [("1", C_K), ("2", boiler)]),
        ]
    )
    alignment = align_clauses(old, new)
    got = [
        (p.old.id if p.old else None, p.new.id if p.new else None, p.status)
        for p in alignment.pairs
    ]
    assert got == [
        ("res-37/0/1", "res-37/0/1", "unchanged"),
        ("res-37/0/2", "res-37/0/2", "unchanged"),
        ("res-37/1/2", "res-37/1/1", "unchanged"),
        ("res-37/1/1", "res-37/1/2", "moved"),  # of the swapped two, the first moved down
    ]


def test_every_clause_appears(make_doc: MakeDoc) -> None:
    old = make_doc(
        [("recognizing", [("a)", R_A), ("b)", R_D)]), ("recalling", [("a)", C_I), ("b)", C_J)])]
    )
    new = make_doc([("recalling", [("a)", C_K), ("b)", C_I)]), ("noting", [("a)", N_A)])])
    alignment = align_clauses(old, new)
    old_ids = {p.old.id for p in alignment.pairs if p.old}
    new_ids = {p.new.id for p in alignment.pairs if p.new}
    assert old_ids == {"res-37/0/1", "res-37/0/2", "res-37/1/1", "res-37/1/2"}
    assert new_ids == {"res-37/0/1", "res-37/0/2", "res-37/1/1"}
    assert all(0.0 <= p.similarity <= 1.0 for p in alignment.pairs)


def test_change_kinds() -> None:
    table = [
        (C_I.replace("Bucharest, 2022", "Dubai, 2018"), C_I, False, ("references",)),
        (
            "Resolution 37 (Kigali, 2022) of this conference",
            "Resolution 37 (Rev. Baku, 2025) of this conference",
            False,
            ("references",),
        ),
        ("WTDC-22 decided", "WTDC-25 decided", True, ("references", "labels")),
        (
            'referred to as the "digital divide";',
            "referred to as the digital divide,",
            False,
            ("typography",),
        ),
        # The fewest, narrowest kinds: spacing alone is whitespace, not typography.
        ("well-being", "well - being", False, ("whitespace",)),
        ("radiofrequency planning", "radio-frequency planning", False, ("typography",)),
        ("cyber literacy skills", "cyberliteracy skills", False, ("whitespace",)),
        ("across all ITU-D Priorities.", "across all ITU-D priorities.", True, ("labels", "case")),
        ("ITU Priorities", "ITU-D priorities", False, ()),
        ("Resolution 9 (Kigali, 2022) Priorities", "Resolution 9 (Baku, 2025) priorities", False,
         ("references", "case")),
        ("cyber literacy skills", "cyber-literacy skill", False, ()),
        (R_A, R_A, True, ("labels",)),
        (R_A, R_A, False, ()),
        ("Resolution 139 (Rev. Dubai, 2018)", "Resolution 140 (Rev. Bucharest, 2022)", False, ()),
        (R_K, R_K.replace("significant", "great"), True, ()),
        # Only one side names an edition as the pattern reads it: case alone explains it.
        ("Resolution 139 (rev. dubai, 2018)", "Resolution 139 (Rev. Dubai, 2018)", False,
         ("case",)),
    ]
    for old, new, relabelled, expected in table:
        assert change_kinds(old, new, relabelled=relabelled) == expected, (old, new)


def test_folding_keeps_one_exception() -> None:
    """change_kinds answers "no kind explains it" from the two widest forms, which holds when
    undoing case and typography after any kinds gives what undoing them alone does. That
    fails only for characters that casefold differently (the rest pass through unchanged
    or are dropped either way); Python's Unicode tables name one, which is guarded."""
    widest: tuple[ChangeKind, ...] = ("case", "typography")
    narrower: list[tuple[ChangeKind, ...]] = [
        (), ("whitespace",), ("typography",), ("case",), ("case", "whitespace"), widest
    ]
    folding = (chr(c) for c in range(sys.maxunicode + 1) if chr(c).casefold() != chr(c))
    exceptions = {
        char for char in folding for kinds in narrower
        if comparison_text(comparison_text(char, ignore=kinds), ignore=widest)
        != comparison_text(char, ignore=widest)
    }
    assert "".join(sorted(exceptions)) == FOLDING_EXCEPTIONS == "\u0345"
    # Guarded: a text holding it is tried kind by kind.
    assert change_kinds("\u0345x", "x", relabelled=False) == ("typography",)


def test_one_clause_on_each_side_is_decided_as_in_a_matrix(make_doc: MakeDoc) -> None:
    """A lone pair skips the score matrix (most hunks of a long document are one paragraph);
    it must get what the matrix gives the same pair beside an unchanged clause."""
    edited_k = R_K.replace("significant potential", "great potential")
    lone = align_clauses(make_doc([("recognizing", [("c)", R_K)])]),
                         make_doc([("recognizing", [("b)", edited_k)])]))
    beside = align_clauses(make_doc([("recognizing", [("a)", R_A), ("c)", R_K)])]),
                           make_doc([("recognizing", [("a)", R_A), ("b)", edited_k)])]))
    assert lone.pairs == beside.pairs[1:]
    assert (lone.pairs[0].status, lone.pairs[0].similarity) == ("edited", 0.9524)
    unrelated = align_clauses(make_doc([("recognizing", [("a)", R_A)])]),
                              make_doc([("recognizing", [("a)", R_K)])]))
    assert statuses(unrelated) == [("a)", None, "deleted"), (None, "a)", "inserted")]


def test_near_duplicates_are_flagged_ambiguous(make_doc: MakeDoc) -> None:
    """A formula that the new text repeats: context tells copies apart when it can (the
    resolves section), and the link is flagged when nothing does (the invites section)."""
    boiler = "to continue to assist Member States in this regard;"
    old = make_doc(
        [
            ("resolves", [("1", boiler), ("2", boiler), ("3", C_J)]),
            ("invites Member States", [("1", R_A), ("2", boiler), ("3", R_K)]),
        ]
    )
    new = make_doc(
        [
            ("resolves", [("1", boiler), ("2", boiler), ("3", C_J)]),
            ("invites Member States", [("1", N_A), ("2", boiler), ("3", boiler), ("4", N_B)]),
        ]
    )
    alignment = align_clauses(old, new)
    got = [
        (p.old.id if p.old else None, p.new.id if p.new else None, p.status, p.ambiguous)
        for p in alignment.pairs
    ]
    assert got == [
        ("res-37/0/1", "res-37/0/1", "unchanged", False),
        ("res-37/0/2", "res-37/0/2", "unchanged", False),
        ("res-37/0/3", "res-37/0/3", "unchanged", False),
        ("res-37/1/1", None, "deleted", False),
        (None, "res-37/1/1", "inserted", False),
        (None, "res-37/1/2", "inserted", False),
        # the copy nearer in relative position wins, flagged: the other was nearly as good
        ("res-37/1/2", "res-37/1/3", "unchanged", True),
        ("res-37/1/3", None, "deleted", False),
        (None, "res-37/1/4", "inserted", False),
    ]
