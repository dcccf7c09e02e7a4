"""`wtdc diff` takes any two texts, and the corpus cannot be broken (run in-process: `main()`).

The revisions of the Final Report here are SIMULATED (programmatic edits of the Baku text,
fixed seeds), not ITU texts.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.cli import main
from toolkit.corpus.sources import resolve_source

REPO = Path(__file__).resolve().parents[2]
DIFF_SCHEMA = json.loads((REPO / "toolkit" / "diff" / "diff.schema.json").read_text("utf-8"))
ALIGN_SCHEMA = json.loads((REPO / "toolkit" / "align" / "align.schema.json").read_text("utf-8"))


def validate_diff(diff: dict) -> None:
    """The schema, on the envelope and the first documents (a whole report takes seconds)."""
    jsonschema.validate(diff | {"documents": diff["documents"][:3]}, DIFF_SCHEMA)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def revised_report(final_report_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """SIMULATED: 2% of the words of the report's body replaced by other words of the report,
    and 40 body paragraphs replaced by a single word ("on", "the", …)."""
    rng = random.Random(9)
    lines = final_report_path.read_text(encoding="utf-8").split("\n")
    vocabulary = sorted({w for line in lines for w in line.split() if w.isalpha()})
    body = [i for i, line in enumerate(lines) if line.startswith("\t\t\t") and
            not line.startswith("\t\t\t\t") and len(line.split()) > 3]
    for i in body:
        words = lines[i][3:].split(" ")
        lines[i] = "\t\t\t" + " ".join(rng.choice(vocabulary) if rng.random() < 0.02 else w
                                      for w in words)
    for i in rng.sample(body, 40):
        lines[i] = "\t\t\t" + rng.choice(["on", "the", "and", "of", *rng.sample(vocabulary, 3)])
    path = tmp_path_factory.mktemp("simulated") / "SIMULATED-revision.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_report_against_a_revision_with_word_replacements(
    capsys: pytest.CaptureFixture[str], final_report_path: Path, revised_report: Path,
    tmp_path: Path,
) -> None:
    out = tmp_path / "diff.json"
    status, _, err = run(capsys, "diff", str(final_report_path), str(revised_report),
                         "--format", "json", "-o", str(out))
    assert status == 1
    diff = json.loads(out.read_text(encoding="utf-8"))
    validate_diff(diff)
    assert diff["identical"] is False
    assert len(diff["documents"]) == 112
    guesses = [w for w in diff["warnings"] if "footnote" not in w]
    assert guesses
    assert all(str(revised_report) in w for w in guesses)
    lines = err.splitlines()
    assert len(lines) == min(len(diff["warnings"]), 10) + (len(diff["warnings"]) > 10)
    assert all(line.startswith("wtdc: warning: ") for line in lines)


def test_report_against_itself_twice(
    capsys: pytest.CaptureFixture[str], final_report_path: Path, tmp_path: Path
) -> None:
    twice = tmp_path / "twice.txt"
    text = final_report_path.read_text(encoding="utf-8")
    twice.write_text(text + "\n" + text, encoding="utf-8")
    out = tmp_path / "diff.json"
    status, _, err = run(capsys, "diff", str(final_report_path), str(twice), "--format", "json",
                         "-o", str(out))
    assert status == 1
    diff = json.loads(out.read_text(encoding="utf-8"))
    validate_diff(diff)
    assert diff["totals"]["unchanged"] == diff["totals"]["inserted"] == 4939
    second = [d["new_id"] for d in diff["documents"] if d["old_id"] is None]
    assert len(second) == 112
    assert second[0] == "declaration~2"
    repeats = [w for w in diff["warnings"] if "appears again" in w]
    assert len(repeats) == 112
    assert repeats[0] == (f"{twice}:21760: declaration appears again (first at line 1095); read "
                          "as declaration~2")
    # Standard error: ten warnings, then one line counting the rest.
    lines = err.splitlines()
    assert len(lines) == 11
    assert lines[-1] == (f"wtdc: warning: … and {len(diff['warnings']) - 10} more warnings like "
                         "these (--format json lists them all where the format has a warnings "
                         "field)")


def test_align_of_texts_without_structure_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("One.\n\nTwo.\n", encoding="utf-8")
    new.write_text("One.\n\nTwo and three.\n", encoding="utf-8")
    status, out, err = run(capsys, "align", str(old), str(new), "--format", "json")
    assert status == 1
    data = json.loads(out)
    jsonschema.validate(data, ALIGN_SCHEMA)
    assert data["warnings"] == [
        f"{path}: holds no WTDC document heading (RESOLUTION, QUESTION, DECLARATION, …); read as "
        "2 paragraphs" for path in (old, new)
    ]
    assert err == "".join(f"wtdc: warning: {w}\n" for w in data["warnings"])


def test_document_ids_are_case_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    upper = run(capsys, "parse", "baku-2025:RES-37", "--format", "json")
    lower = run(capsys, "parse", "baku-2025:res-37", "--format", "json")
    assert upper == lower
    assert upper[0] == 0


# --- any two texts: a property ---------------------------------------------------------------

# Text a user may give: any characters, unless control characters make most of it (a binary
# file, exit 2) or nothing but blank space is left (an empty file, exit 2).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _has_text(text: str) -> bool:
    kept = _CONTROL.sub("", text)
    return bool(kept.strip()) and len(text) - len(kept) <= len(text) / 2


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300
).filter(_has_text) | st.lists(
    st.sampled_from(["RESOLUTION 37 (Rev. Baku, 2025)", "QUESTION 1/1", "DECLARATION",
                     "considering", "a)\tthat it is;", "on", "resolves", "1\tto act.",
                     "ANNEX 1 to RESOLUTION 5 (Baku, 2025)", "RESOLUTION 37 (", "ASP1: Title",
                     "\t\t\tRESOLUTION 1 (Baku, 2025)", "\t\t\tfurther", "Part IV – x", "\x00"]),
    min_size=1, max_size=12,
).map(lambda parts: "\n\n".join(parts)).filter(_has_text)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(old=texts, new=texts)
@example(old="0", new="²")  # a superscript digit is a digit but no number: int() refused it
def test_any_two_texts_diff_and_patch_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str, new: str
) -> None:
    old_path, new_path = tmp_path / "old.txt", tmp_path / "new.txt"
    old_path.write_text(old, encoding="utf-8", newline="")
    new_path.write_text(new, encoding="utf-8", newline="")
    status, _, err = run(capsys, "diff", str(old_path), str(new_path), "--format", "json")
    assert status in (0, 1), err
    patch = tmp_path / "p.patch"
    status, _, err = run(capsys, "diff", str(old_path), str(new_path), "--format", "patch",
                         "-o", str(patch))
    assert status in (0, 1), err
    rebuilt = tmp_path / "rebuilt.txt"
    status, _, err = run(capsys, "patch", "apply", str(old_path), str(patch), "-o", str(rebuilt))
    assert status == 0, err
    # The patch rebuilds NEW as the toolkit reads it (control characters dropped).
    assert rebuilt.read_bytes().decode("utf-8") == resolve_source(str(new_path)).text


# --- a corpus that cannot be broken ---------------------------------------------------------

RES_37 = ("\t\t\tRESOLUTION 37 (Rev. Kigali, 2022)\n\n\t\t\tBridging the digital divide\n\n"
          "\t\t\tThe World Telecommunication Development Conference (Kigali, 2022),\n\n"
          "\t\t\tresolves\n\n\t\t\t1\tto act.\n")


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "corpora"
    shutil.copytree(REPO / "corpora", root)
    monkeypatch.setenv("WTDC_CORPUS", str(root))
    return root


def test_an_entry_that_stops_parsing_fails_only_the_commands_that_need_it(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    user_file = tmp_path / "res37.txt"
    user_file.write_text(RES_37, encoding="utf-8")
    assert run(capsys, "corpus", "add", str(user_file), "--edition", "kigali-2022", "--kind",
               "resolution")[0] == 0
    entry = "kigali-2022-resolution-res37"
    (corpus / f"{entry}.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d")  # an upgrade broke it
    status, out, err = run(capsys, "parse", "kigali-2022:res-37")
    assert (status, out) == (2, "")
    assert err == (
        f"wtdc: corpus entry '{entry}' cannot be used ({corpus / entry}.txt: cannot be decoded "
        "as UTF-8 (invalid start byte at byte 0) nor as Windows-1252; re-save it as UTF-8 and "
        f"try again); replace its file or run `wtdc corpus remove {entry}`\n"
    )
    assert run(capsys, "parse", "baku-2025:res-37", "--format", "json")[0] == 0
    assert run(capsys, "corpus", "remove", entry) == (
        0, f"removed {entry} (kigali-2022, resolution): {corpus / entry}.txt\n", "")
    assert not (corpus / f"{entry}.txt").exists()
    assert run(capsys, "parse", "kigali-2022:res-37")[2].startswith(
        "wtdc: the corpus holds no final report of kigali-2022")


def test_adding_the_same_file_twice(capsys: pytest.CaptureFixture[str], corpus: Path,
                                    tmp_path: Path) -> None:
    user_file = tmp_path / "res37.txt"
    user_file.write_text(RES_37, encoding="utf-8")
    argv = ("corpus", "add", str(user_file), "--edition", "kigali-2022", "--kind", "resolution")
    target = corpus / "kigali-2022-resolution-res37.txt"
    assert run(capsys, *argv) == (
        0, f"added kigali-2022-resolution-res37 (kigali-2022, resolution, text): {target}\n", "")
    assert run(capsys, *argv) == (
        0, f"already holds kigali-2022-resolution-res37 (kigali-2022, resolution, text): "
        f"{target}\n", "")


def test_two_adds_at_once_both_land(corpus: Path, tmp_path: Path) -> None:
    files = []
    for n in (1, 2):
        path = tmp_path / f"res{n}.txt"
        path.write_text(RES_37.replace("37", f"{n}"), encoding="utf-8")
        files.append(path)
    env = os.environ | {"WTDC_CORPUS": str(corpus)}
    adds = [
        subprocess.Popen([sys.executable, "-m", "toolkit", "corpus", "add", str(path),
                          "--edition", "kigali-2022", "--kind", "resolution"],
                         cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for path in files
    ]
    results = [(add.wait(timeout=60), add.stderr.read() if add.stderr else "") for add in adds]
    assert results == [(0, ""), (0, "")]
    from toolkit.corpus import open_corpus

    ids = [e.id for e in open_corpus(corpus).entries]
    assert ids[3:] in (["kigali-2022-resolution-res1", "kigali-2022-resolution-res2"],
                       ["kigali-2022-resolution-res2", "kigali-2022-resolution-res1"])
    listed = {e.path.name for e in open_corpus(corpus).entries}
    on_disk = {p.name for p in corpus.iterdir() if p.name not in ("manifest.toml",
                                                                  ".manifest.toml.lock")}
    assert on_disk == listed  # no orphan file
