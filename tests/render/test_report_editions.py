"""`wtdc report --old EDITION` on a corpus holding an earlier edition — here a SIMULATED one.

No prior edition's text may be invented, so the "Kigali 2022" final report of this test is
the Baku text with programmatic word substitutions, recorded in a scratch corpus with a title
that says SIMULATED; the report must say so wherever it uses it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from toolkit.corpus import open_corpus
from toolkit.render.report import build_report

SUBSTITUTIONS = {"resilient": "robust"}
TITLE = "SIMULATED earlier edition: the Baku 2025 text with word substitutions; not a Kigali text"


@pytest.fixture(scope="module")
def simulated_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(open_corpus().root, root, dirs_exist_ok=True)
    text = (root / "wtdc-25-final-report.txt").read_text(encoding="utf-8")
    for old, new in SUBSTITUTIONS.items():
        text = text.replace(old, new)
    simulated = tmp_path_factory.mktemp("sim") / "simulated-kigali.txt"
    simulated.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WTDC_CORPUS", str(root))
        open_corpus().add(simulated, edition="kigali-2022", kind="final-report", title=TITLE,
                          source="SIMULATED by tests/render/test_report_editions.py")
        return build_report(old_edition="kigali-2022",
                            out_dir=tmp_path_factory.mktemp("out") / "report")


def test_simulated_edition_is_labelled_everywhere(simulated_report: Path) -> None:
    page = simulated_report.read_text(encoding="utf-8")
    assert "<h1>SIMULATED: WTDC comparison report: Kigali 2022 → Baku 2025</h1>" in page
    assert '<p class="simulated-banner" role="note"><strong>SIMULATED</strong>' in page
    assert f"<h3 id=\"redline-kigali-2022--baku-2025-title\">{TITLE} → Final Report" in page
    assert "Kigali 2022 (SIMULATED)" in page  # term-shift chart and table
    assert "SIMULATED: this report draws on texts derived from real ones" in page
    assert "Nothing in this report is simulated" not in page


def test_every_document_is_paired_by_lineage_and_diffed(simulated_report: Path) -> None:
    diff = json.loads((simulated_report.parent / "redline-kigali-2022--baku-2025.json").read_text())
    assert (diff["old"], diff["new"]) == ("kigali-2022", "baku-2025")
    by_new = {d["new_id"]: d for d in diff["documents"] if d["new_id"]}
    assert by_new["res-37"]["reason"].startswith("same number: Resolution 37; prior edition "
                                                 "Kigali, 2022")
    # In the resolutions only the substituted words differ. (Questions are paired through the
    # renumbering table: a merged Question meets a different former Question, so it differs.)
    ops = [op for d in diff["documents"] if (d["new_id"] or "").startswith("res-")
           for pair in d["pairs"] for op in pair["ops"] if op[0] != 0]
    assert {text for op, text in ops if op == -1} == set(SUBSTITUTIONS.values())
    assert {text for op, text in ops if op == 1} == set(SUBSTITUTIONS)


def test_term_shifts_compare_the_two_editions(simulated_report: Path) -> None:
    rows = json.loads((simulated_report.parent / "term-shifts.json").read_text())
    shifts = {row["theme"]: row for row in rows}
    assert shifts["resilience"]["new_count"] > shifts["resilience"]["old_count"]
    assert shifts["ai"]["new_count"] == shifts["ai"]["old_count"]


def test_edit_shifts_place_the_change_in_edited_clauses(simulated_report: Path) -> None:
    rows = json.loads((simulated_report.parent / "edit-shifts.json").read_text())
    resilience = next(row for row in rows if row["theme"] == "resilience")
    # "resilient" was substituted inside kept clauses: every extra match is an insertion in
    # an edited clause, and nothing else moved.
    assert resilience["inserted_in_edited"] == resilience["new_count"] - resilience["old_count"]
    assert resilience["kept_new"] == resilience["kept_old"] == resilience["old_count"]
    assert resilience["inserted_clauses"] == resilience["new_documents"] == 0


def test_lineage_fates_link_to_the_redline(simulated_report: Path) -> None:
    page = simulated_report.read_text(encoding="utf-8")
    diff = json.loads((simulated_report.parent / "redline-kigali-2022--baku-2025.json").read_text())
    changed = {d["new_id"] for d in diff["documents"]
               if any(p["status"] != "unchanged" or p["relabelled"] for p in d["pairs"])}
    lineage = {row["doc_id"] for row in json.loads(
        (simulated_report.parent / "lineage.json").read_text())}
    links = re.findall(r'<tr><th scope="row"><a href="texts.html#([\w-]+)">[^<]*</a></th>'
                       r'(?:<td[^>]*>.*?</td>){4}<td><a href="#(wd\w+-d\d+)">', page)
    assert {doc for doc, _ in links} == changed & lineage
    assert len(links) == 10
    assert all(f'<h5 id="{anchor}">' in page for _, anchor in links)
