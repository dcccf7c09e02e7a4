"""`wtdc align kigali-2022 baku-2025` end to end, on a scratch corpus whose "Kigali 2022"
final report is SIMULATED: the Baku text with Resolution 37 replaced by a simulated earlier
version (known ground truth), Resolution 9 citing its own conference as "(Kigali, 2022)",
the new Resolutions 91–94 left out, a stand-in text for Resolution 53 (abrogated at Baku),
and the Questions under their former numbers (as the renumbering table says). The file's
first line and its manifest title say SIMULATED; it is written to a temporary folder only.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from toolkit.align.simulate import (
    SIMULATED_HEADER,
    SimulatedRevision,
    copied_block,
    simulate_revision,
    simulated_final_report,
)
from toolkit.cli import main
from toolkit.corpus import open_corpus
from toolkit.ingest import SourceText
from toolkit.parse import Lineage, ParsedText

TITLE = "SIMULATED Kigali 2022 final report: the Baku 2025 text with programmatic edits"
NEW_RESOLUTIONS = ("res-91", "res-92", "res-93", "res-94")


@pytest.fixture(scope="module")
def res37_revision(baku: ParsedText) -> SimulatedRevision:
    return simulate_revision(
        baku.document("res-37"), seed=2022, rate=0.08, donors=[baku.document("res-1")]
    )


@pytest.fixture(scope="module")
def kigali_root(
    tmp_path_factory: pytest.TempPathFactory,
    baku_source: SourceText,
    baku: ParsedText,
    baku_lineage: Lineage,
    res37_revision: SimulatedRevision,
) -> Path:
    text = baku_source.text
    res9 = baku.document("res-9")
    replacements: dict[str, Any] = {doc_id: [] for doc_id in NEW_RESOLUTIONS}
    replacements["res-37"] = [res37_revision.document]
    replacements["res-9"] = [
        copied_block(
            text, res9, heading="RESOLUTION 9 (Rev. Kigali, 2022)", title=res9.title
        ).replace("(Baku, 2025)", "(Kigali, 2022)")
    ]
    # Resolution 53's text is not in the Baku report: a stand-in, labelled simulated.
    stand_in = simulate_revision(baku.document("res-30"), seed=53, rate=0.1, edits=("reword",))
    replacements["res-53"] = [
        replace(stand_in.document, id="res-53", title="Stand-in for Resolution 53 (simulated)")
    ]
    for question in baku_lineage.questions:
        doc = baku.document("q-" + question.number.replace("/", "-"))
        replacements[doc.id] = [
            copied_block(
                text,
                doc,
                heading=f"QUESTION {former}",
                title=f"Former Question {former} (simulated)",
            )
            for former in question.former
        ]
    simulated = simulated_final_report(
        text,
        baku.documents,
        replacements,
        headings={
            "res-37": "RESOLUTION 37 (Rev. Kigali, 2022)",
            "res-53": "RESOLUTION 53 (Rev. Dubai, 2014)",
        },
    )
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(open_corpus().root, root, dirs_exist_ok=True)
    path = tmp_path_factory.mktemp("sim") / "SIMULATED-kigali-2022-final-report.txt"
    path.write_text(simulated, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WTDC_CORPUS", str(root))
        open_corpus().add(
            path,
            edition="kigali-2022",
            kind="final-report",
            title=TITLE,
            source="SIMULATED by tests/align/test_editions.py",
        )
    return root


@pytest.fixture(scope="module")
def aligned(kigali_root: Path) -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WTDC_CORPUS", str(kigali_root))
        out = _run("align", "kigali-2022", "baku-2025", "--format", "json")
    data: dict[str, Any] = json.loads(out)
    return data


def _run(*argv: str) -> str:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        status = main(list(argv))
    assert status == 1
    return buffer.getvalue()


def _by_pair(data: dict[str, Any]) -> dict[tuple[str | None, str | None], dict[str, Any]]:
    return {(d["old_doc"], d["new_doc"]): d for d in data["documents"]}


def test_simulated_file_is_labelled_and_never_in_shipped_corpus(
    kigali_root: Path, repo_root: Path
) -> None:
    entry = open_corpus(kigali_root).final_report("kigali-2022")
    assert entry.title.startswith("SIMULATED")
    assert entry.path.read_text(encoding="utf-8").splitlines()[0] == SIMULATED_HEADER
    assert "kigali-2022" not in open_corpus(repo_root / "corpora").editions()
    assert not list((repo_root / "corpora").glob("*SIMULATED*"))


def test_json_follows_schema(aligned: dict[str, Any]) -> None:
    text = resources.files("toolkit.align").joinpath("align.schema.json").read_text()
    jsonschema.validate(aligned, json.loads(text))
    assert list(aligned) == ["schema_version", "old_edition", "new_edition", "documents",
                             "warnings"]
    assert aligned["warnings"] == []
    # Output built on the simulated edition names it by its title, which says SIMULATED.
    assert aligned["old_edition"] == {"id": "kigali-2022", "title": TITLE}
    assert aligned["new_edition"]["id"] == "baku-2025"


def test_table_and_page_say_simulated(kigali_root: Path, tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WTDC_CORPUS", str(kigali_root))
        table = _run("align", "kigali-2022", "baku-2025", "--hide", "references,labels")
        page = tmp_path / "align.html"
        assert _run("align", "kigali-2022", "baku-2025", "--format", "html", "-o", str(page)) == ""
    assert table.splitlines()[0] == f"OLD: kigali-2022: {TITLE}"
    assert table.splitlines()[3] == "declaration → declaration: same code: declaration"
    assert f"<title>wtdc align: kigali-2022 ({TITLE}) → baku-2025 (" in page.read_text("utf-8")


def test_resolutions_pair_by_lineage(aligned: dict[str, Any]) -> None:
    docs = _by_pair(aligned)
    assert docs[("res-37", "res-37")]["reason"] == (
        "same number: Resolution 37; prior edition Kigali, 2022 per status table"
    )
    # A text the simulated edition did not revise reads as Baku's: the reason says so.
    assert docs[("res-1", "res-1")]["reason"] == (
        "same number: Resolution 1; prior edition Kigali, 2022 per status table "
        "(the old text is headed Rev. Baku, 2025)"
    )
    for doc_id in NEW_RESOLUTIONS:
        new = docs[(None, doc_id)]
        assert new["reason"] == f"Resolution {doc_id[4:]} is new at this edition per status table"
        assert {p["status"] for p in new["pairs"]} == {"inserted"}
        assert all(p["old"] is None for p in new["pairs"])
    gone = docs[("res-53", None)]
    assert gone["reason"] == (
        "Resolution 53 (Rev. Dubai, 2014) abrogated per list of abrogated texts"
    )
    assert {p["status"] for p in gone["pairs"]} == {"deleted"}
    assert len(gone["pairs"]) == 96
    # The abrogated one is listed last, after every Baku document.
    assert aligned["documents"][-1]["old_doc"] == "res-53"


def test_questions_pair_through_renumbering(aligned: dict[str, Any]) -> None:
    questions = [
        (d["old_doc"], d["new_doc"])
        for d in aligned["documents"]
        if (d["new_doc"] or "").startswith("q-")
    ]
    assert questions == [
        ("q-1-1", "q-1-1"),
        ("q-5-1", "q-1-1"),
        ("q-2-1", "q-2-1"),
        ("q-3-1", "q-3-1"),
        ("q-4-1", "q-4-1"),
        ("q-6-1", "q-5-1"),
        ("q-7-1", "q-5-1"),
        ("q-1-2", "q-1-2"),
        ("q-2-2", "q-1-2"),
        ("q-6-2", "q-2-2"),
        ("q-7-2", "q-2-2"),
        ("q-3-2", "q-3-2"),
        ("q-4-2", "q-4-2"),
        ("q-5-2", "q-5-2"),
    ]
    docs = _by_pair(aligned)
    merged = "renumbering table: Question 5/1 merges former Question 6/1 and former Question 7/1"
    assert docs[("q-6-1", "q-5-1")]["reason"] == docs[("q-7-1", "q-5-1")]["reason"] == merged
    # Kigali's Question 5/1 went into Baku's 1/1, not into Baku's 5/1 of the same number.
    assert ("q-5-1", "q-5-1") not in docs
    # Both sources of a merged Question are the same text here: every clause unchanged.
    assert {p["status"] for p in docs[("q-7-1", "q-5-1")]["pairs"]} == {"unchanged"}


def test_revised_resolution_against_ground_truth(
    aligned: dict[str, Any], res37_revision: SimulatedRevision
) -> None:
    pairs = _by_pair(aligned)[("res-37", "res-37")]["pairs"]
    got = {(p["old"] and p["old"]["id"], p["new"] and p["new"]["id"], p["status"]) for p in pairs}
    truth = {(t.old, t.new, t.status) for t in res37_revision.truth}
    assert res37_revision.edits == {
        "relabel": 8, "reorder": 6, "move": 13, "insert": 7,
        "delete": 12, "reword": 11, "split": 4, "merge": 4,
    }  # fmt: skip
    assert len(truth) == len(got) == 139
    # Every link is found, with the simulator's status: of two swapped neighbours, both
    # say the one read first in the old text moved (the fewest moves).
    assert got == truth


def test_reference_only_edit_is_hidden(kigali_root: Path, aligned: dict[str, Any]) -> None:
    res9 = _by_pair(aligned)[("res-9", "res-9")]["pairs"]
    edited = [p for p in res9 if p["status"] != "unchanged"]
    assert [(p["status"], p["change_kinds"]) for p in edited] == [("edited", ["references"])]
    assert [op for op in edited[0]["ops"] if op[0] != 0] == [
        [-1, "Kigali"],
        [1, "Baku"],
        [-1, "2022"],
        [1, "2025"],
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WTDC_CORPUS", str(kigali_root))
        out = _run("align", "kigali-2022", "baku-2025", "--format", "json", "--hide", "references")
    hidden = _by_pair(json.loads(out))[("res-9", "res-9")]
    assert hidden["hidden"] == 1
    assert len(hidden["pairs"]) == len(res9) - 1


def test_history_over_two_editions(kigali_root: Path) -> None:
    from collections import Counter

    from toolkit.align.history import corpus_history

    corpus = open_corpus(kigali_root)
    res37 = corpus_history("res-37", corpus=corpus)
    stories = Counter(
        (r["introduced_in"], r["last_amended_in"], r["removed_in"], r["predates_history"])
        for r in res37.iter_rows(named=True)
    )
    assert stories == {
        ("kigali-2022", "kigali-2022", None, True): 77,
        ("kigali-2022", "baku-2025", None, True): 35,
        ("kigali-2022", "kigali-2022", "baku-2025", True): 16,  # borrowed clauses, merged pieces
        ("baku-2025", "baku-2025", None, False): 11,
    }
    # New at Baku: introduced there, not "≤ baku-2025", now that Kigali was looked at.
    res91 = corpus_history("res-91", corpus=corpus)
    assert set(res91["introduced_in"]) == {"baku-2025"}
    assert not res91["predates_history"].any()
    # Abrogated at Baku: every clause ends there.
    res53 = corpus_history("res-53", corpus=corpus)
    assert res53.height == 96
    assert set(res53["removed_in"]) == {"baku-2025"}
    assert set(res53["introduced_in"]) == {"kigali-2022"}
    assert res53["predates_history"].all()
