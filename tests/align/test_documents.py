"""Document pairing between Baku 2025 and SIMULATED earlier versions of its texts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from toolkit.align import align_documents, align_editions
from toolkit.align.simulate import simulate_revision
from toolkit.errors import MissingEditionError, UnknownEditionError
from toolkit.parse import Lineage, ParsedText
from toolkit.parse.model import Document


def simulated(doc: Document, **changes: str) -> Document:
    earlier = simulate_revision(doc, seed=7, rate=0.1, edits=("reword", "relabel")).document
    return replace(earlier, **changes) if changes else earlier


@pytest.fixture(scope="module")
def pairing(baku: ParsedText, baku_lineage: Lineage) -> dict[str, tuple[str, str]]:
    new = [baku.document(i) for i in ("res-37", "res-91", "q-1-1", "q-2-1", "ri-asp1", "ri-asp2")]
    res37, q11, q21, asp1, asp2 = (
        baku.document(i) for i in ("res-37", "q-1-1", "q-2-1", "ri-asp1", "ri-asp2")
    )
    old = [
        simulated(res37, edition_label="Rev. Kigali, 2022 (simulated)"),
        # Resolution 53 (Rev. Dubai, 2014), abrogated at Baku: any text will do as its stand-in.
        simulated(res37, id="res-53", number="53", heading="RESOLUTION 53 (Rev. Dubai, 2014)"),
        simulated(q11),
        simulated(q11, id="q-5-1", number="5/1"),
        simulated(q21),
        simulated(asp1),
        simulated(asp2, id="ri-asp7", number="ASP7"),  # renumbered: found by its title
    ]
    alignments = align_documents(old, new, lineage=baku_lineage)
    return {
        f"{a.old_doc.id if a.old_doc else None} → {a.new_doc.id if a.new_doc else None}": (
            a.reason,
            str(len(a.pairs)),
        )
        for a in alignments
    }


def test_resolutions_pair_by_number_with_lineage(pairing: dict[str, tuple[str, str]]) -> None:
    assert pairing["res-37 → res-37"][0] == (
        "same number: Resolution 37; prior edition Kigali, 2022 per status table"
    )
    assert pairing["None → res-91"][0] == "Resolution 91 is new at this edition per status table"
    assert pairing["res-53 → None"][0] == (
        "Resolution 53 (Rev. Dubai, 2014) abrogated per list of abrogated texts"
    )


def test_merged_question_pairs_with_both_sources(pairing: dict[str, tuple[str, str]]) -> None:
    why = "renumbering table: Question 1/1 merges former Question 1/1 and former Question 5/1"
    assert pairing["q-1-1 → q-1-1"][0] == why
    assert pairing["q-5-1 → q-1-1"][0] == why
    assert pairing["q-2-1 → q-2-1"][0] == ("renumbering table: Continuation of former Question 2/1")


def test_initiatives_by_code_then_title(pairing: dict[str, tuple[str, str]]) -> None:
    assert pairing["ri-asp1 → ri-asp1"][0] == "same code: ASP1"
    assert pairing["ri-asp7 → ri-asp2"][0].startswith("title similarity 1.00: ri-asp7 → ri-asp2")
    assert len(pairing) == 8


def test_missing_prior_edition_names_the_commands() -> None:
    with pytest.raises(MissingEditionError) as caught:
        align_editions("kigali-2022", "baku-2025")
    assert str(caught.value) == (
        "the corpus holds no final report of kigali-2022 (Kigali, 2022); run `wtdc corpus "
        "fetch kigali-2022`, or download it yourself and run `wtdc corpus add PATH --edition "
        "kigali-2022 --kind final-report`"
    )
    with pytest.raises(UnknownEditionError):
        align_editions("geneva-1999", "baku-2025")
