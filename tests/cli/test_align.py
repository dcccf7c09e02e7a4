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
    assert len(pairs) == 23
    assert data["hidden"] == 0
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
    # The one real merge; the paragraphs indented under a)–d) pair one to one (issue 11).
    assert [(p["old"]["label"], p["new"]["label"]) for p in merged] == [("i)", "1)"), (None, "1)")]
    underscore = pairs[12]
    assert (underscore["new"]["label"], underscore["status"], underscore["change_kinds"]) == (
        "a) ¶2", "unchanged", ["labels"])
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


@pytest.mark.parametrize("option", ["--ignore", "--hide"])
def test_bad_ignore_kind(capsys: pytest.CaptureFixture[str], option: str) -> None:
    status, out, err = run(
        capsys, "align", "baku-2025:res-37", "baku-2025:res-37", option, "colours"
    )
    assert (status, out) == (2, "")
    assert err == (
        "wtdc: --ignore: unknown kind colours; choose among references, labels, typography, "
        "case, whitespace\n"
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


RES99_OLD = """\t\t\tRESOLUTION 99 (Rev. Kigali, 2022)

\t\t\tA small test resolution

\t\t\tThe World Telecommunication Development Conference (Kigali, 2022),

\t\t\tconsidering

\t\t\ta)\tthat access matters;

\t\t\tb)\tthat Resolution 139 (Rev. Dubai, 2018) applies;

\t\t\tc)\tthat this clause will be dropped,

\t\t\tresolves

\t\t\t1\tto report to the Council every year;

\t\t\t2\tto act now.
"""
RES99_NEW = """\t\t\tRESOLUTION 99 (Rev. Baku, 2025)

\t\t\tA small test resolution

\t\t\tThe World Telecommunication Development Conference (Baku, 2025),

\t\t\tconsidering

\t\t\ta)\tthat Resolution 139 (Rev. Bucharest, 2022) applies;

\t\t\tb)\tthat access matters;

\t\t\tresolves

\t\t\t1\tto report to the Council every year,

\t\t\t2\tto act now;

\t\t\t3\tto do something entirely new about satellites.
"""


@pytest.fixture
def res99(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(RES99_OLD, encoding="utf-8")
    new.write_text(RES99_NEW, encoding="utf-8")
    return str(old), str(new)


def _body(out: str) -> list[str]:
    """The table's pair lines, without the header, the document line and the legend."""
    return [line.rstrip() for line in out.splitlines()[2:-1]]


def test_small_case_statuses_and_marks(
    capsys: pytest.CaptureFixture[str], res99: tuple[str, str]
) -> None:
    status, out, _ = run(capsys, "align", *res99)
    assert status == 1
    assert (
        out.splitlines()[1]
        == f"res-99 → res-99: one document on each side: {res99[0]} and {res99[1]}"
    )
    assert _body(out) == [
        "  edited    0.71    ¶                ¶                The World Telecommunication "
        "Development Conference (Baku, 2025),",
        "  edited    0.71 R  considering b)   considering a)   that Resolution 139 (Rev. "
        "Bucharest, 2022) applies;",
        "  deleted   0.00    considering c)   —                that this clause will be dropped,",
        # Of the two swapped, the one read first in the old text moved (down).
        "  moved     1.00 R  considering a)   considering b)   that access matters;",
        "  edited    1.00    resolves 1       resolves 1       to report to the Council "
        "every year,",
        "  edited    1.00    resolves 2       resolves 2       to act now;",
        "  inserted  0.00    —                resolves 3       to do something entirely new about "
        "satellites.",
    ]
    status, out, _ = run(capsys, "align", *res99, "--marks")
    assert status == 1
    assert out.splitlines()[0].startswith("  MARK ")
    assert [line.split()[0] for line in _body(out)] == [
        "MOD", "MOD", "SUP", "MOD", "MOD", "MOD", "ADD"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("hide", "shown", "hidden"),
    [
        # Relabelled and a reference refreshed: hidden only when labels are ignored too.
        ("references", ["edited", "deleted", "moved", "edited", "edited", "inserted"], 1),
        ("labels", ["edited", "edited", "deleted", "moved", "edited", "edited", "inserted"], 0),
        ("typography", ["edited", "edited", "deleted", "moved", "inserted"], 2),
        ("references,labels,typography", ["deleted", "moved", "inserted"], 4),
    ],
)
def test_small_case_hide(
    capsys: pytest.CaptureFixture[str],
    schema: dict[str, Any],
    res99: tuple[str, str],
    hide: str,
    shown: list[str],
    hidden: int,
) -> None:
    status, out, _ = run(capsys, "align", *res99, "--hide", hide)
    assert status == 1
    body = _body(out)
    if hidden:
        assert body.pop() == f"  ({hidden} pair{'s' if hidden > 1 else ''} hidden)"
    assert [line.split()[0] for line in body] == shown
    status, out, _ = run(capsys, "align", *res99, "--hide", hide, "--format", "json", "--marks")
    data = json.loads(out)
    jsonschema.validate(data, schema)
    assert data["hidden"] == hidden
    assert [p["status"] for p in data["pairs"]] == shown


def test_only_hidden_changes_exit_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(RES99_OLD, encoding="utf-8")
    new.write_text(RES99_OLD.replace("Dubai, 2018", "Bucharest, 2022"), encoding="utf-8")
    assert run(capsys, "align", str(old), str(new))[0] == 1
    status, out, _ = run(capsys, "align", str(old), str(new), "--hide", "references")
    assert status == 0
    assert _body(out)[-1] == "  (1 pair hidden)"


def test_editions_in_reverse_order_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "align", "baku-2025", "kigali-2022")
    assert (status, out) == (2, "")
    assert err == (
        "wtdc: OLD baku-2025 is later than NEW kigali-2022; give the earlier edition first: "
        "wtdc align kigali-2022 baku-2025\n"
    )


def test_both_from_standard_input_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "align", "-", "-")
    assert (status, out, err) == (
        2, "", "wtdc: OLD and NEW cannot both be standard input; give a file for one of them\n"
    )
