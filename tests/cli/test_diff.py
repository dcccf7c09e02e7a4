"""`wtdc diff` and `wtdc patch apply`: exact output; exit 0 same, 1 different, 2 trouble."""

from __future__ import annotations

import codecs
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from toolkit.cli import main

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "toolkit" / "diff" / "diff.schema.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def plain(*paths: Path, paragraphs: int = 2) -> str:
    """The one warning of each side without WTDC structure, compared as paragraphs."""
    return "".join(
        f"wtdc: warning: {path}: holds no WTDC document heading (RESOLUTION, QUESTION, "
        f"DECLARATION, …); read as {paragraphs} paragraph{'s' if paragraphs > 1 else ''}\n"
        for path in paths
    )


@pytest.fixture
def texts(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("Older people live here.\n\nA second paragraph & more.\n", encoding="utf-8")
    new.write_text("Older persons live here.\n\nA second paragraph & more.\n", encoding="utf-8")
    return old, new


def test_text_output(capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]) -> None:
    old, new = texts
    status, out, err = run(capsys, "diff", str(old), str(new))
    assert (status, err) == (1, plain(old, new))
    assert out == (
        f"--- {old}\n+++ {new}\n\n## text\n"
        "@@ text › ¶1: edited, similarity 0.75 @@\n"
        "Older [-people-]{+persons+} live here.\n\n"
        "1 of 2 clause pairs changed; clauses: 1 unchanged, 1 edited, 0 moved, 0 inserted, "
        "0 deleted, 0 split, 0 merged; 0 relabelled; words: +1 -1\n"
    )


def test_identical(capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]) -> None:
    old, _ = texts
    assert run(capsys, "diff", str(old), str(old)) == (
        0, f"{old} and {old} are identical\n", plain(old, old))
    status, out, err = run(capsys, "diff", str(old), str(old), "--format", "json")
    assert (status, json.loads(out)["identical"]) == (0, True)
    assert json.loads(out)["warnings"] == plain(old, old).replace("wtdc: warning: ", "").split(
        "\n")[:2]
    assert err == plain(old, old) + f"{old} and {old} are identical\n"  # stdout stays JSON


def test_ignore_case(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The Baku  Action Plan.\n", encoding="utf-8")
    b.write_text("the baku Action Plan.\n", encoding="utf-8")
    assert run(capsys, "diff", str(a), str(b))[0] == 1
    assert run(capsys, "diff", str(a), str(b), "--ignore-case")[0] == 0


def test_stat(capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]) -> None:
    old, new = texts
    assert run(capsys, "diff", str(old), str(new), "--stat") == (1, (
        "text | 1 of 2 clause pairs changed; clauses: 1 unchanged, 1 edited, 0 moved, "
        "0 inserted, 0 deleted, 0 split, 0 merged; 0 relabelled; words: +1 -1\n"
        "total: 1 of 2 clause pairs changed; clauses: 1 unchanged, 1 edited, 0 moved, "
        "0 inserted, 0 deleted, 0 split, 0 merged; 0 relabelled; words: +1 -1\n"), plain(old, new))


def test_json_matches_schema_and_output_file(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = texts
    target = tmp_path / "out" / "diff.json"
    assert run(capsys, "diff", str(old), str(new), "--format", "json", "-o", str(target)) == (
        1, "", plain(old, new))
    document = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (pair,) = [p for p in document["documents"][0]["pairs"] if p["status"] == "edited"]
    assert pair["ops"] == [[0, "Older "], [-1, "people"], [1, "persons"], [0, " live here."]]
    assert [p.name for p in target.parent.iterdir()] == ["diff.json"]  # no temporary left


def test_html(capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]) -> None:
    old, new = texts
    status, out, _ = run(capsys, "diff", str(old), str(new), "--format", "html")
    assert status == 1
    assert out.startswith("<!DOCTYPE html>")
    assert "Older <del>people</del><ins>persons</ins> live here." in out


def test_patch_round_trip(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = texts
    status, patch, _ = run(capsys, "diff", str(old), str(new), "--format", "patch")
    assert status == 1
    assert patch == "@@ -3,14 +3,15 @@\n der \n-people\n+persons\n  liv\n"
    patch_file = tmp_path / "p.patch"
    patch_file.write_text(patch, encoding="utf-8")
    assert run(capsys, "patch", "apply", str(old), str(patch_file)) == (
        0, new.read_text(encoding="utf-8"), "")
    assert run(capsys, "patch", "apply", str(new), str(patch_file)) == (2, "", (
        f"wtdc: {patch_file}: 1 of 1 hunks do not apply to the old text; "
        "check that OLD is the text the patch was made from\n"))


def test_patch_of_the_real_pair_rebuilds_the_declaration(
    capsys: pytest.CaptureFixture[str], prefinal_declaration_path: Path, tmp_path: Path
) -> None:
    status, patch, _ = run(capsys, "diff", str(prefinal_declaration_path),
                           "baku-2025:declaration", "--format", "patch")
    assert status == 1
    patch_file = tmp_path / "decl.patch"
    patch_file.write_text(patch, encoding="utf-8")
    target = tmp_path / "declaration.txt"
    assert run(capsys, "patch", "apply", str(prefinal_declaration_path), str(patch_file),
               "-o", str(target)) == (0, "", "")
    rebuilt = target.read_text(encoding="utf-8")
    assert rebuilt.startswith("\t\t\tBAKU DECLARATION\n")
    assert "for the full and rapid implementation of the Baku Declaration, the Baku Action Plan" \
        in rebuilt


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["/nonexistent/old.txt", "{new}"],
         "wtdc: /nonexistent/old.txt: no such file; check the path and try again\n"),
        (["{dir}", "{new}"], "wtdc: {dir}: is a directory, not a file; give a .txt, .md, .html, "
         ".docx or .pdf file\n"),
        (["{empty}", "{new}"], "wtdc: {empty}: is empty; give a file that holds the text\n"),
        (["-", "-"], "wtdc: OLD and NEW cannot both be standard input; give a file for one of "
         "them\n"),
    ],
)
def test_bad_input(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path,
    argv: list[str], message: str,
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    names = {"new": str(texts[1]), "dir": str(tmp_path), "empty": str(empty)}
    status, out, err = run(capsys, "diff", *(a.format(**names) for a in argv))
    assert (status, out, err) == (2, "", message.format(**names))


def test_unknown_document_lists_what_exists(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "diff", "baku-2025:res-999", "baku-2025:declaration")
    assert (status, out) == (2, "")
    assert err.startswith("wtdc: edition baku-2025 holds no document 'res-999'")
    assert "it holds declaration, action-plan, " in err
    assert err.count("\n") == 1


def test_binary_file_and_no_partial_output(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 10)
    target = tmp_path / "out.html"
    status, out, err = run(capsys, "diff", str(binary), str(texts[1]), "-o", str(target))
    assert (status, out) == (2, "")
    assert err.startswith(f"wtdc: {binary}: looks like a binary file")
    assert not target.exists()


def test_standard_input(texts: tuple[Path, Path]) -> None:
    old, new = texts
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", "diff", "-", str(new), "--stat"],
        input=old.read_bytes(), capture_output=True, cwd=REPO, check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode().endswith("0 relabelled; words: +1 -1\n")


def _on_terminal(argv: list[str], env: dict[str, str]) -> bytes:
    """Run the CLI with stdout on a pseudo-terminal; return what it printed there."""
    leader, follower = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "toolkit", *argv], stdout=follower,
                          stderr=subprocess.DEVNULL, cwd=REPO, env=env, check=False)
    os.close(follower)
    chunks = []
    try:
        while chunk := os.read(leader, 65536):
            chunks.append(chunk)
    except OSError:
        pass
    os.close(leader)
    assert done.returncode == 1
    return b"".join(chunks)


def test_colour_on_a_terminal_unless_no_color(texts: tuple[Path, Path]) -> None:
    old, new = texts
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = _on_terminal(["diff", str(old), str(new)], env)
    assert b"\x1b[31m[-people-]\x1b[0m\x1b[32m{+persons+}\x1b[0m" in coloured
    plain = _on_terminal(["diff", str(old), str(new)], {**env, "NO_COLOR": "1"})
    assert b"[-people-]{+persons+}" in plain
    assert b"\x1b[" not in plain


def test_cp1252_is_read_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes("Café people here.\n".encode("cp1252"))
    new.write_text("Café persons here.\n", encoding="utf-8")
    status, out, err = run(capsys, "diff", str(old), str(new))
    assert status == 1
    assert "Café [-people-]{+persons+} here." in out
    assert err == (f"wtdc: warning: {old}: not valid UTF-8 (invalid continuation byte at byte "
                   "3); read as Windows-1252 (cp1252)\n" + plain(old, new, paragraphs=1))


def test_progress_bar_only_on_a_terminal(texts: tuple[Path, Path]) -> None:
    old, new = texts
    leader, follower = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "toolkit", "diff", str(old), str(new)],
                          stdout=subprocess.PIPE, stderr=follower, cwd=REPO, check=False)
    os.close(follower)
    shown = b""
    try:
        while chunk := os.read(leader, 65536):
            shown += chunk
    except OSError:
        pass
    os.close(leader)
    assert done.returncode == 1
    assert "━".encode() in shown  # a rich progress bar, on the terminal's stderr
    assert b"\x1b" not in done.stdout  # stdout is a pipe: plain markers only
    assert b"Older [-people-]{+persons+} live here." in done.stdout


def test_patch_rebuilds_bytes_exactly_crlf_and_decomposed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The reader normalises (NFC, spaces) for comparison; a patch must not: it works on the
    # file's own characters.
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes("Cafe\u0301 for older people\r\n\r\nSecond\u00a0line\r\n".encode())
    new.write_bytes("Cafe\u0301 for older persons\r\n\r\nSecond\u00a0line 😀\r\n".encode())
    status, patch, _ = run(capsys, "diff", str(old), str(new), "--format", "patch")
    assert status == 1
    patch_file = tmp_path / "p.patch"
    patch_file.write_text(patch, encoding="utf-8")
    target = tmp_path / "rebuilt.txt"
    assert run(capsys, "patch", "apply", str(old), str(patch_file), "-o", str(target))[0] == 0
    assert target.read_bytes() == new.read_bytes()


_RESOLUTION = ("RESOLUTION 99 (Baku, 2025)\n\nTest\n\nresolves\n\n{}\tto do one thing;\n\n"
               "{}\tto do another thing.\n")


def test_relettering_alone_is_not_a_change(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_RESOLUTION.format("a)", "b)"), encoding="utf-8")
    new.write_text(_RESOLUTION.format("1)", "2)"), encoding="utf-8")
    # One definition of a change (issue 11): a new label alone is none, but it is reported.
    assert run(capsys, "diff", str(old), str(new)) == (
        0, f"{old} and {new} have the same text (2 clauses relabelled)\n", "")
    status, out, _ = run(capsys, "diff", str(old), str(new), "--stat")
    assert (status, out.splitlines()[-2]) == (0, (
        "total: 0 of 2 clause pairs changed; 2 more only relabelled; clauses: 2 unchanged, "
        "0 edited, 0 moved, 0 inserted, 0 deleted, 0 split, 0 merged; 2 relabelled; "
        "words: +0 -0"))
    assert run(capsys, "diff", str(old), str(new), "--ignore", "labels") == (
        0, f"{old} and {new} are identical, ignoring labels\n", "")
    status, out, err = run(capsys, "diff", str(old), str(new), "--ignore-labels",
                           "--ignore-case", "--format", "json")
    document = json.loads(out)
    assert (status, document["identical"], document["totals"]["relabelled"]) == (0, True, 0)
    assert err == f"{old} and {new} are identical, ignoring labels and case\n"
    # A real edit still counts under --ignore-labels.
    new.write_text(_RESOLUTION.format("1)", "2)").replace("one", "a single"), encoding="utf-8")
    status, out, _ = run(capsys, "diff", str(old), str(new), "--ignore-labels")
    assert (status, out.split("\n", 3)[3]) == (1, (
        "## res-99\n"
        "@@ res-99 › resolves › 1): edited, similarity 0.67 @@\n"
        "to do [-one-]{+a single+} thing;\n\n"
        "1 of 2 clause pairs changed; clauses: 1 unchanged, 1 edited, 0 moved, 0 inserted, "
        "0 deleted, 0 split, 0 merged; "
        "0 relabelled; words: +2 -1\n"))


def test_schema_documents_every_field() -> None:
    # The schema is the documentation of --format json: every value it constrains says what
    # it means.
    def undocumented(node: object, path: str) -> list[str]:
        found = []
        if isinstance(node, dict):
            keys = ("type", "properties", "$ref", "enum", "const", "oneOf", "prefixItems")
            if any(k in node for k in keys) and "description" not in node:
                found.append(path)
            for key, value in node.items():
                if key not in ("required", "enum"):
                    found += undocumented(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                found += undocumented(value, f"{path}/{index}")
        return found

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert undocumented(schema, "#") == []


def test_patch_keeps_a_utf8_bom_and_says_when_bytes_cannot_come_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes("café old\r\n".encode())
    new.write_bytes(codecs.BOM_UTF8 + "café new\r\n".encode())
    patch_file, target = tmp_path / "p.patch", tmp_path / "rebuilt.txt"
    status, patch, err = run(capsys, "diff", str(old), str(new), "--format", "patch")
    assert (status, err) == (1, "")
    patch_file.write_text(patch, encoding="utf-8")
    assert run(capsys, "patch", "apply", str(old), str(patch_file), "-o", str(target)) == (
        0, "", "")
    assert target.read_bytes() == new.read_bytes()  # the byte-order mark too

    utf16 = tmp_path / "new16.txt"
    utf16.write_bytes("café new\r\n".encode("utf-16"))
    status, patch, err = run(capsys, "diff", str(old), str(utf16), "--format", "patch")
    assert (status, err) == (1, (
        f"wtdc: warning: {utf16}: is utf-16-le, not UTF-8; the patch rebuilds its text, and "
        "`wtdc patch apply` writes that text as UTF-8\n"))
    patch_file.write_text(patch, encoding="utf-8")
    assert run(capsys, "patch", "apply", str(old), str(patch_file), "-o", str(target))[0] == 0
    assert target.read_bytes() == "café new\r\n".encode()


def test_patch_apply_warns_when_old_is_cp1252(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes("Café people.\n".encode("cp1252"))
    new.write_text("Café persons.\n", encoding="utf-8")
    warning = (f"wtdc: warning: {old}: not valid UTF-8 (invalid continuation byte at byte 3); "
               "read as Windows-1252 (cp1252)\n")
    status, patch, err = run(capsys, "diff", str(old), str(new), "--format", "patch")
    assert (status, err) == (1, warning)
    patch_file = tmp_path / "p.patch"
    patch_file.write_text(patch, encoding="utf-8")
    assert run(capsys, "patch", "apply", str(old), str(patch_file)) == (
        0, "Café persons.\n", warning)


def test_patch_apply_names_an_unknown_edition_as_diff_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA finding 8: OLD = a bare edition id said "no such file" for patch, "unknown
    # edition" for the clause diff.
    patch_file = tmp_path / "p.patch"
    patch_file.write_text("@@ -1 +1 @@\n-a\n+b\n", encoding="utf-8")
    message = ("wtdc: unknown edition 'baku-2099' (did you mean baku-2025?); known editions: "
               "doha-2006, hyderabad-2010, "
               "dubai-2014, buenos-aires-2017, kigali-2022, baku-2025\n")
    assert run(capsys, "patch", "apply", "baku-2099", str(patch_file)) == (2, "", message)
    assert run(capsys, "diff", "baku-2099", str(patch_file), "--format", "patch") == (
        2, "", message)
    assert run(capsys, "diff", "baku-2099", str(patch_file)) == (2, "", message)


def test_ignore_typography_and_case_on_the_real_pair(
    capsys: pytest.CaptureFixture[str], repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--ignore` as git's -w: "ITU D" → "ITU-D", a dropped comma, "Priorities" →
    "priorities" set aside, the Declaration's real edits stay (issue 11)."""
    monkeypatch.chdir(repo_root)
    pair = ("corpora/baku-declaration-prefinal.md", "baku-2025:declaration")
    status, out, _ = run(capsys, "diff", *pair, "--stat", "--ignore", "typography,case")
    assert (status, out.splitlines()[-1].split("; clauses:")[0]) == (
        1, "total: 13 of 23 clause pairs changed; 8 more only relabelled")
    status, out, _ = run(capsys, "diff", *pair, "--ignore", "typography", "--ignore", "case")
    # "We welcome … ITU D" and b) ¶2 "Priorities" are no longer listed (a merge is diffed
    # as a whole, and its own "ITU D" stays visible inside it).
    assert "We welcome the steadfast" not in out
    assert "Priorities" not in out
    assert "older [-people-]{+persons+}" in out
    status, out, err = run(capsys, "diff", *pair, "--ignore", "typos")
    assert (status, out) == (2, "")
    assert err == ("wtdc: --ignore: unknown kind typos; choose among references, labels, "
                   "typography, case, whitespace\n")


def test_report_refuses_an_unknown_kind_before_building(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "report", "-o", str(tmp_path / "r"), "--ignore", "labels,x")
    assert (status, out) == (2, "")
    assert err.startswith("wtdc: --ignore: unknown kind x; choose among references")
    assert not (tmp_path / "r").exists()
