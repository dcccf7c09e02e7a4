"""`wtdc parse`, `wtdc lineage`, `wtdc corpus check`: exact output, JSON schemas, exit codes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import polars as pl
import pytest

from toolkit.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def schema(name: str) -> dict[str, object]:
    text = resources.files("toolkit.parse").joinpath(f"schemas/{name}.schema.json").read_text()
    loaded: dict[str, object] = json.loads(text)
    return loaded


def test_parse_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "parse", "baku-2025:res-37")
    assert (status, err) == (0, "")
    assert out.splitlines()[:3] == [
        "DOC     SECTION                       LABEL  TEXT",
        "res-37  (body)                               The World Telecommunication Development "
        "Conference (Baku, 2025),",
        "res-37  recognizing                   a)     the continuing disparity between those who "
        "have and those who do not ha…",
    ]
    assert len(out.splitlines()) == 1 + 123


def test_parse_table_of_a_file_document(
    capsys: pytest.CaptureFixture[str], asp_web_path: Path
) -> None:
    status, out, _ = run(capsys, "parse", str(asp_web_path), "--doc", "ri-asp1")
    assert status == 0
    assert out == (
        "DOC      SECTION           LABEL  TEXT\n"
        "ri-asp1  (body)                   Objective: To provide special assistance to least "
        "developed countries (…\n"
        "ri-asp1  Expected results         Development of policy and regulatory frameworks for "
        "broadband infrastru…\n"
        "ri-asp1  Expected results         Development of human capacity for addressing future "
        "telecommunication/I…\n"
        "ri-asp1  Expected results         Promotion of affordable resilient, universal and "
        "meaningful broadband a…\n"
        "ri-asp1  Expected results         Assistance to LDCs, SIDS, including Pacific island "
        "countries, and LLDCs…\n"
        "ri-asp1  Expected results         Assistance to LDCs, SIDS, including Pacific island "
        "countries, and LLDCs…\n"
    )


def test_parse_json_follows_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "baku-2025", "--doc", "res-37", "--format", "json")
    assert status == 0
    records = json.loads(out)
    jsonschema.validate(records, schema("clauses"))
    assert len(records) == 123
    assert records[2] == {
        "doc_id": "res-37",
        "doc_type": "resolution",
        "number": "37",
        "edition_label": "Rev. Baku, 2025",
        "title": "Bridging the digital divide",
        "region": None,
        "section": "recognizing",
        "section_kind": "preamble",
        "label": "b)",
        "ordinal": 2,
        "text": records[2]["text"],
        "raw": records[2]["raw"],
        "footnotes": [{
            "marker": "1",
            "text": "These include the least developed countries, small island developing "
            "states, landlocked developing countries and countries with economies in transition.",
        }],
        "line_start": 8205,
        "line_end": 8205,
    }
    assert records[2]["text"].startswith("that the distribution of the benefits brought about")
    assert "developing1" in records[2]["raw"]
    assert "developing1" not in records[2]["text"]


def test_parse_whole_report_json_follows_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "baku-2025", "--format", "json")
    records = json.loads(out)
    jsonschema.validate(records, schema("clauses"))
    assert (status, len(records)) == (0, 4939)


def test_parse_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "baku-2025:rec-15", "--format", "csv")
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == (
        "doc_id,doc_type,number,edition_label,title,region,section,section_kind,label,ordinal,"
        "text,raw,footnotes,line_start,line_end"
    )
    assert len(lines) == 1 + 17
    assert lines[-1].startswith('rec-15,recommendation,15,"January, 2002",Models and methods')


def test_parse_parquet_needs_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "parse", "baku-2025", "--format", "parquet")
    assert (status, out) == (2, "")
    assert err == "wtdc: --format parquet writes binary data; give a file with -o FILE\n"
    target = tmp_path / "clauses.parquet"
    status, out, _ = run(capsys, "parse", "baku-2025:ri-asp", "--format", "parquet",
                         "-o", str(target))
    assert (status, out) == (0, "")
    frame = pl.read_parquet(target)
    assert frame.height == 40
    assert frame["doc_id"].unique().sort().to_list() == [f"ri-asp{n}" for n in range(1, 6)]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "baku-2025:res-9999"],
         "wtdc: edition baku-2025 holds no document 'res-9999' (did you mean res-9, res-94 "
         "or res-93?); it holds declaration, action-plan, ri-afr1 … ri-eur5 (30), res-1 … res-94 "
         "(63), rec-15 … rec-22 (7), q-1-1 … q-5-2 (10); give one of these ids\n"),
        (["parse", "kigali-2022:res-37"],
         "wtdc: the corpus holds no final report of kigali-2022 (Kigali, 2022); run `wtdc "
         "corpus fetch kigali-2022`, or download it yourself and run `wtdc corpus add PATH "
         "--edition kigali-2022 --kind final-report`\n"),
        (["parse", "paris-2030"],
         "wtdc: unknown edition 'paris-2030'; known editions: doha-2006, hyderabad-2010, "
         "dubai-2014, buenos-aires-2017, kigali-2022, baku-2025\n"),
        (["parse", "baku-2025:res-37", "--doc", "res-1"],
         "wtdc: 'baku-2025:res-37' names document res-37 but --doc asks for res-1; name one\n"),
    ],
)
def test_parse_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out, err) == (2, "", message)


def test_parse_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "parse", "no/such/file.txt")
    assert (status, out) == (2, "")
    assert err.startswith("wtdc: no/such/file.txt: ")
    assert err.count("\n") == 1


def test_lineage_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "lineage")
    lines = out.splitlines()
    assert status == 0
    assert lines[:4] == [
        "KIND            NO.  STATUS     BAKU       PRIOR EDITION       TEXT  TITLE",
        "resolution      1    Obsolete   –          –                   no    Special Programme "
        "of Assistance for the Least Developed Cou…",
        "resolution      1    Abrogated  –          –                   no    Adoption of "
        "AF-RTDC-96 resolutions and recommendations",
        "resolution      1    In force   revised    Kigali, 2022        yes   Rules of procedure "
        "of the ITU Telecommunication Development…",
    ]
    assert "resolution      53   Abrogated  abrogated  Dubai, 2014         no    Strategic and " \
        "financial framework for the elaboration and i…" in lines
    assert len(lines) == 1 + 132


def test_lineage_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "lineage", "--in-force")
    lines = out.splitlines()
    assert status == 0
    assert lines[:2] == [
        "KIND            NO.  STATUS    BAKU       PRIOR EDITION       TEXT  TITLE",
        "resolution      1    In force  revised    Kigali, 2022        yes   Rules of procedure "
        "of the ITU Telecommunication Development…",
    ]
    assert "resolution      91   In force  new        –                   yes   Artificial " \
        "intelligence technologies in telecommunication d…" in lines
    assert len(lines) == 1 + 70  # 63 resolutions and 7 Recommendations


def test_lineage_json_follows_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "lineage", "--format", "json")
    rows = json.loads(out)
    jsonschema.validate(rows, schema("lineage"))
    assert (status, len(rows)) == (0, 132)
    by_id = {r["doc_id"]: r for r in rows if r["doc_id"]}
    assert by_id["res-24"] == {
        "kind": "resolution",
        "number": "24",
        "title": by_id["res-24"]["title"],
        "first_approved": "Istanbul, 2002",
        "history": ["Rev. Doha, 2006", "Rev. Hyderabad, 2010", "Rev. Dubai, 2014",
                    "Rev. Baku, 2025"],
        "status": "In force",
        "baku": "revised",
        "prior_edition": "Dubai, 2014",
        "text_in_corpus": True,
        "doc_id": "res-24",
        "prior_in_corpus": False,
    }
    assert by_id["res-53"]["baku"] == "abrogated"
    gone = [r for r in rows if r["status"] != "In force" and r["baku"] is None]
    assert len(gone) == 61  # obsolete or abrogated before Baku
    status, out, _ = run(capsys, "lineage", "--format", "json", "--in-force")
    in_force = json.loads(out)
    jsonschema.validate(in_force, schema("lineage"))
    assert len(in_force) == 70


def test_corpus_check(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "corpus", "check")
    assert (status, err) == (0, "")
    assert out == (
        "in force in the status table, no text in the corpus: none\n"
        "text in the corpus, no row in the status table: none\n"
    )
    status, out, _ = run(capsys, "corpus", "check", "--format", "json")
    report = json.loads(out)
    jsonschema.validate(report, schema("corpus-check"))
    assert (status, report) == (0, {"missing_text": [], "unlisted_text": []})


def test_parse_warns_how_a_file_was_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes("Dear colleagues, the café is open.\n".encode("cp1252"))
    status, out, err = run(capsys, "parse", str(path), "--format", "json")
    assert status == 0
    assert [r["text"] for r in json.loads(out)] == ["Dear colleagues, the café is open."]
    assert err == (
        f"wtdc: warning: {path}: not valid UTF-8 (invalid continuation byte at byte 24); "
        "read as Windows-1252 (cp1252)\n"
        f"wtdc: warning: {path}: holds no WTDC document heading (RESOLUTION, QUESTION, "
        "DECLARATION, …); read as 1 paragraph\n"
    )


def test_parse_warns_of_footnotes_without_a_marker_in_the_chosen_documents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(capsys, "parse", "baku-2025:res-11", "--format", "json")
    assert status == 0
    assert err.endswith(
        "wtdc-25-final-report.txt:5977: footnote 2 of res-11 has no marker in the text; "
        "kept with the document\n"
    )
    assert err.count("\n") == 1
    status, _, err = run(capsys, "parse", "baku-2025:res-37")
    assert (status, err) == (0, "")
