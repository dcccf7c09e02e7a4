"""`wtdc align` and `wtdc history`: exact output, schema-checked JSON, exit codes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from toolkit.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("toolkit.align").joinpath("align.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


@pytest.fixture
def in_repo(repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(repo_root)
    return repo_root


def test_same_document_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "align", "baku-2025:res-37", "baku-2025:res-37")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "  STATUS     SIM    OLD              NEW              TEXT",
        "res-37 → res-37: one document on each side: baku-2025:res-37 and baku-2025:res-37",
        "  unchanged 1.00    ¶                ¶                The World Telecommunication "
        "Development Conference (Baku, 2025),",
    ]
    assert len(lines) == 2 + 123 + 1


def test_declaration_json_follows_schema(
    capsys: pytest.CaptureFixture[str], schema: dict[str, Any], in_repo: Path
) -> None:
    status, out, err = run(
        capsys,
        "align",
        "corpora/baku-declaration-prefinal.md",
        "baku-2025:declaration",
        "--format",
        "json",
        "--marks",
    )
    assert (status, err) == (1, "")
    data = json.loads(out)
    jsonschema.validate(data, schema)
    pairs = data["pairs"]
    assert len(pairs) == 23 and data["hidden"] == 0
    assert [p["mark"] for p in pairs].count("MOD") == 22
    assert pairs[1]["mark"] == "NOC"
    two = pairs[6]
    assert (two["old"]["label"], two["new"]["label"], two["status"]) == ("ii)", "2)", "edited")
    assert two["change_kinds"] == ["labels", "typography"]
    assert [op for op in two["ops"] if op[0] != 0] == [
        [-1, ","],
        [-1, "'"],
        [1, '"'],
        [-1, "'"],
        [1, '"'],
    ]
    merged = [p for p in pairs if p["status"] == "merged"]
    assert {p["new"]["label"] for p in merged} == {"1)", "a)", "b)", "c)", "d)"}
    # Joining the operations rebuilds both texts.
    for p in pairs:
        if p["old"] and p["new"] and p["status"] != "merged":
            assert "".join(t for op, t in p["ops"] if op <= 0) == p["old"]["text"]
            assert "".join(t for op, t in p["ops"] if op >= 0) == p["new"]["text"]


def test_hide_and_documents_form(
    capsys: pytest.CaptureFixture[str], schema: dict[str, Any], in_repo: Path
) -> None:
    status, out, _ = run(
        capsys,
        "align",
        "corpora/regional-initiatives-asp-web.txt",
        "baku-2025:ri-asp",
        "--format",
        "json",
        "--hide",
        "labels,typography",
    )
    assert status == 1
    data = json.loads(out)
    jsonschema.validate(data, schema)
    docs = data["documents"]
    assert [(d["old_doc"], d["new_doc"], d["reason"]) for d in docs] == [
        (f"ri-asp{n}", f"ri-asp{n}", f"same code: ASP{n}") for n in range(1, 6)
    ]
    assert [d["hidden"] for d in docs] == [5, 4, 5, 6, 7]
    assert sum(len(d["pairs"]) for d in docs) + sum(d["hidden"] for d in docs) == 40


def test_html_is_escaped(capsys: pytest.CaptureFixture[str], in_repo: Path, tmp_path: Path) -> None:
    page = tmp_path / "align.html"
    status, out, _ = run(
        capsys,
        "align",
        "corpora/baku-declaration-prefinal.md",
        "baku-2025:declaration",
        "--format",
        "html",
        "-o",
        str(page),
    )
    assert (status, out) == (1, "")
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "<del>Republic of </del>" in text
    assert "vast <del>&#39;</del>usage gap<del>&#39;</del> in" in text
    assert "vast <ins>&#34;</ins>usage gap<ins>&#34;</ins> in" in text


def test_missing_edition_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "align", "kigali-2022", "baku-2025")
    assert (status, out) == (2, "")
    assert err == (
        "wtdc: the corpus holds no final report of kigali-2022 (Kigali, 2022); run `wtdc "
        "corpus fetch kigali-2022`, or download it yourself and run `wtdc corpus add PATH "
        "--edition kigali-2022 --kind final-report`\n"
    )


def test_bad_hide_kind(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys, "align", "baku-2025:res-37", "baku-2025:res-37", "--hide", "colours"
    )
    assert (status, out) == (2, "")
    assert (
        err == "wtdc: --hide: unknown kind colours; choose among references, labels, typography\n"
    )


def test_history_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "history", "res-37")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert (
        lines[0] == f"{'clause':<14} {'introduced':<18} {'last amended':<18} {'removed':<18} text"
    )
    assert len(lines) == 1 + 123
    assert lines[2].startswith("res-37#2       ≤ baku-2025        ≤ baku-2025")
