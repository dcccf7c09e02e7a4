"""The corpus registry on the shipped corpus (read only) and on a copy (add, verify)."""

from __future__ import annotations

import hashlib
import io
import time
import tomllib

import pytest

from toolkit.corpus import CorpusEntry, open_corpus
from toolkit.corpus.manifest import load_manifest, write_manifest
from toolkit.errors import (
    CorpusError,
    InputError,
    MissingEditionError,
    UnknownEditionError,
)

SHIPPED = {
    "wtdc-25-final-report": (
        "final-report",
        "final",
        None,
        "text",
        "wtdc-25-final-report.txt",
        "86a060de8b57fd9db4c1d40994526b6e29365106d6bb25dedbb3f1508a55c973",
    ),
    "baku-declaration-prefinal": (
        "declaration",
        "pre-final",
        "declaration",
        "markdown",
        "baku-declaration-prefinal.md",
        "f82de52979052f34f157824d2e7f01b2855361750e3383b62d7b51e8fb98c3bd",
    ),
    "regional-initiatives-asp-web": (
        "regional-initiatives",
        "web",
        "ri-asp",
        "text",
        "regional-initiatives-asp-web.txt",
        "79aa365f0583f307a962f97a69b3de90685434633f2b1238726c1c5b086ee2ff",
    ),
}
KNOWN = "doha-2006, hyderabad-2010, dubai-2014, buenos-aires-2017, kigali-2022, baku-2025"


def _docx(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _state(root) -> dict[str, bytes]:
    """The corpus folder's files but the manifest's lock (left in place once made)."""
    return {path.name: path.read_bytes() for path in sorted(root.iterdir())
            if path.name != ".manifest.toml.lock"}


# --- the shipped corpus -------------------------------------------------------------


def test_shipped_entries(repo_root) -> None:
    corpus = open_corpus(repo_root / "corpora")
    found = {
        e.id: (e.kind, e.stage, e.version_of, e.format, e.path.name, e.sha256)
        for e in corpus.entries
    }
    assert found == SHIPPED
    assert {e.edition for e in corpus.entries} == {"baku-2025"}
    assert all(e.path.is_file() and e.title and e.source for e in corpus.entries)


def test_shipped_hashes_are_the_files_hashes(repo_root) -> None:
    for entry in open_corpus(repo_root / "corpora").entries:
        assert hashlib.sha256(entry.path.read_bytes()).hexdigest() == entry.sha256


def test_default_corpus_is_the_repositorys(repo_root, monkeypatch) -> None:
    monkeypatch.delenv("WTDC_CORPUS", raising=False)
    assert open_corpus().root == repo_root / "corpora"


def test_final_report_is_the_final_report_not_an_earlier_version(repo_root) -> None:
    corpus = open_corpus(repo_root / "corpora")
    assert corpus.editions() == ("baku-2025",)
    assert corpus.final_report("baku-2025").id == "wtdc-25-final-report"
    assert [e.id for e in corpus.entries_for("baku-2025")] == list(SHIPPED)
    assert [e.is_final for e in corpus.entries_for("baku-2025")] == [True, False, False]
    assert corpus.entries_for("kigali-2022") == ()


def test_missing_edition_names_both_ways_to_get_it(repo_root) -> None:
    corpus = open_corpus(repo_root / "corpora")
    with pytest.raises(MissingEditionError) as error:
        corpus.final_report("kigali-2022")
    assert str(error.value) == (
        "the corpus holds no final report of kigali-2022 (Kigali, 2022); run "
        "`wtdc corpus fetch kigali-2022`, or download it yourself and run "
        "`wtdc corpus add PATH --edition kigali-2022 --kind final-report`"
    )


@pytest.mark.parametrize("method", ["final_report", "entries_for"])
def test_unknown_edition_lists_the_known_ones(repo_root, method) -> None:
    corpus = open_corpus(repo_root / "corpora")
    with pytest.raises(UnknownEditionError) as error:
        getattr(corpus, method)("kigali-2021")
    assert str(error.value) == (
        f"unknown edition 'kigali-2021' (did you mean kigali-2022?); known editions: {KNOWN}"
    )


def test_read_gives_the_ingested_text(repo_root) -> None:
    corpus = open_corpus(repo_root / "corpora")
    report = corpus.read(corpus.final_report("baku-2025"))
    assert (report.format, len(report.lines), report.warnings) == ("text", 20665, ())
    declaration = corpus.read(corpus.entry("baku-declaration-prefinal"))
    assert declaration.format == "markdown"
    assert "BAKU DECLARATION" in declaration.lines


def test_manifest_round_trips_byte_for_byte(repo_root, corpus_copy) -> None:
    write_manifest(corpus_copy, load_manifest(corpus_copy))
    assert (corpus_copy / "manifest.toml").read_bytes() == (
        repo_root / "corpora" / "manifest.toml"
    ).read_bytes()


# --- verify -------------------------------------------------------------------------


def test_verify_intact_corpus(corpus_copy) -> None:
    assert open_corpus(corpus_copy).verify() == ()


def test_verify_reports_changed_and_missing_files(corpus_copy) -> None:
    (corpus_copy / "regional-initiatives-asp-web.txt").write_text("ASP1: edited\n")
    (corpus_copy / "baku-declaration-prefinal.md").unlink()
    corpus = open_corpus(corpus_copy)
    problems = corpus.verify()
    assert [(p.entry.id, p.status) for p in problems] == [
        ("baku-declaration-prefinal", "missing"),
        ("regional-initiatives-asp-web", "changed"),
    ]
    edited = hashlib.sha256(b"ASP1: edited\n").hexdigest()
    assert [str(p) for p in problems] == [
        "missing: baku-declaration-prefinal.md (baku-declaration-prefinal): "
        "the file is not in the corpus folder",
        f"changed: regional-initiatives-asp-web.txt (regional-initiatives-asp-web): "
        f"sha256 {edited}, manifest says "
        "79aa365f0583f307a962f97a69b3de90685434633f2b1238726c1c5b086ee2ff",
    ]
    changed = corpus.read(corpus.entry("regional-initiatives-asp-web"))
    assert changed.warnings == (
        f"{corpus_copy / 'regional-initiatives-asp-web.txt'}: differs from the manifest's "
        "sha256 (run `wtdc corpus verify`)",
    )
    with pytest.raises(CorpusError, match="listed in the manifest as 'baku-declaration-prefinal'"):
        corpus.read(corpus.entry("baku-declaration-prefinal"))


# --- add ----------------------------------------------------------------------------


def test_add_copies_the_file_and_records_it(corpus_copy, tmp_path) -> None:
    data = _docx("RESOLUTION 37 (Rev. Kigali, 2022)", "considering", "a) that ITU-D works")
    user_file = tmp_path / "Res 37 Kigali.docx"
    user_file.write_bytes(data)
    corpus = open_corpus(corpus_copy)
    entry = corpus.add(user_file, edition="kigali-2022", kind="resolution")
    assert entry == CorpusEntry(
        id="kigali-2022-resolution-res-37-kigali",
        edition="kigali-2022",
        kind="resolution",
        title="Resolution (Kigali, 2022), from Res 37 Kigali.docx",
        source=entry.source,
        format="docx",
        sha256=hashlib.sha256(data).hexdigest(),
        path=corpus_copy / "kigali-2022-resolution-res-37-kigali.docx",
        stage="final",
        version_of=None,
    )
    assert entry.source.startswith("added with `wtdc corpus add` from Res 37 Kigali.docx on ")
    assert entry.path.read_bytes() == data
    assert corpus.entries[-1] == entry
    reopened = open_corpus(corpus_copy)
    assert reopened.entries == corpus.entries
    assert reopened.editions() == ("kigali-2022", "baku-2025")
    assert reopened.verify() == ()
    assert reopened.read(entry).lines[0].strip() == "RESOLUTION 37 (Rev. Kigali, 2022)"
    # No temporary files; the manifest's lock stays (deleting it would race another add).
    assert [p.name for p in corpus_copy.iterdir() if p.name.startswith(".")] == [
        ".manifest.toml.lock"
    ]


def test_add_final_report_makes_the_edition_available(corpus_copy, tmp_path) -> None:
    user_file = tmp_path / "D-TDC-WTDC-2022-E.txt"
    user_file.write_text("Final Report\n\nRESOLUTION 37 (Rev. Kigali, 2022)\n", encoding="utf-8")
    corpus = open_corpus(corpus_copy)
    entry = corpus.add(
        user_file, edition="kigali-2022", kind="final-report", title="WTDC-22 Final Report",
        force=True,  # one resolution is not a final report (see the test below)
    )
    assert (entry.id, entry.path.name, entry.title) == (
        "kigali-2022-final-report",
        "kigali-2022-final-report.txt",
        "WTDC-22 Final Report",
    )
    assert open_corpus(corpus_copy).final_report("kigali-2022") == entry
    manifest = tomllib.loads((corpus_copy / "manifest.toml").read_text(encoding="utf-8"))
    assert [row["id"] for row in manifest["file"]] == [*SHIPPED, "kigali-2022-final-report"]


_NOT_A_REPORT = (
    "{path}: does not look like a final report (it lacks {lacks}); nothing added; give the "
    "whole report, add the file with another --kind (resolution, declaration, …), or add "
    "--force to take it as it is"
)


@pytest.mark.parametrize(
    ("body", "kind", "message"),
    [
        ("Final Report\n\nRESOLUTION 37 (Rev. Kigali, 2022)\n", "final-report",
         _NOT_A_REPORT.replace("{lacks}", "a declaration, the status table")),
        ("DECLARATION\n\nWe declare.\n", "final-report",
         _NOT_A_REPORT.replace("{lacks}", "resolutions, the status table")),
        ("Minutes of the meeting\n\nThe meeting opened at ten.\n", "resolution",
         "{path}: holds no WTDC document (no RESOLUTION, QUESTION, DECLARATION, … heading), so "
         "no command could use it as a resolution; nothing added; add it with --kind other to "
         "keep it beside the texts, or compare it directly: wtdc diff OLD NEW"),
    ],
    ids=["one-resolution-as-report", "declaration-as-report", "no-wtdc-document"],
)
def test_add_refuses_what_no_command_could_use(corpus_copy, tmp_path, body, kind,
                                               message) -> None:
    user_file = tmp_path / "text.txt"
    user_file.write_text(body, encoding="utf-8")
    before = _state(corpus_copy)
    with pytest.raises(CorpusError) as error:
        open_corpus(corpus_copy).add(user_file, edition="kigali-2022", kind=kind)
    assert str(error.value) == message.replace("{path}", str(user_file))
    assert _state(corpus_copy) == before


def test_add_refuses_standard_input(corpus_copy) -> None:
    with pytest.raises(InputError) as error:
        open_corpus(corpus_copy).add("-", edition="kigali-2022", kind="resolution")
    assert str(error.value) == (
        "corpus add does not read standard input (the corpus keeps a copy of a file); save the "
        "text to a file and give its path"
    )


def test_adding_the_same_file_again_is_the_entry_already_there(corpus_copy, repo_root,
                                                               tmp_path) -> None:
    copy = tmp_path / "my-copy.txt"
    copy.write_bytes((repo_root / "corpora" / "regional-initiatives-asp-web.txt").read_bytes())
    corpus = open_corpus(corpus_copy)
    before = _state(corpus_copy)
    assert corpus.holds(copy) == corpus.entry("regional-initiatives-asp-web")
    entry = corpus.add(copy, edition="kigali-2022", kind="other")
    assert entry == corpus.entry("regional-initiatives-asp-web")
    assert _state(corpus_copy) == before


def test_adding_the_same_per_chapter_edition_again_is_the_entry_already_there(
    corpus_copy, tmp_path, monkeypatch
) -> None:
    """The folder is packed as one zip each time; packed an hour later it is still the same
    bytes, so the second add (and `holds`) find the entry the first one made."""
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / "index.htm").write_text('<ul><li><a href="res1.htm">Res 1</a></li></ul>')
    (folder / "res1.htm").write_text("<p>RESOLUTION 1 (Dubai, 2014)</p><p>A title</p>")
    corpus = open_corpus(corpus_copy)
    monkeypatch.setattr(time, "time", lambda: 1_700_000_000.0)
    entry = corpus.add(folder, edition="dubai-2014", kind="other")
    after_first = _state(corpus_copy)
    monkeypatch.setattr(time, "time", lambda: 1_700_003_600.0)
    assert corpus.holds(folder) == entry
    assert corpus.add(folder, edition="dubai-2014", kind="other") == entry
    assert _state(corpus_copy) == after_first


def test_remove_takes_out_the_manifest_line_and_the_file(corpus_copy, tmp_path) -> None:
    user_file = tmp_path / "res.txt"
    user_file.write_text("RESOLUTION 1 (Dubai, 2014)\n\nA title\n")
    corpus = open_corpus(corpus_copy)
    before = _state(corpus_copy)
    entry = corpus.add(user_file, edition="dubai-2014", kind="resolution")
    assert corpus.remove("DUBAI-2014-resolution-res") == entry  # ids are case-insensitive
    assert not entry.path.exists()
    assert open_corpus(corpus_copy).entries == corpus.entries
    assert _state(corpus_copy) == before


def test_remove_an_unknown_entry_suggests_one(corpus_copy) -> None:
    with pytest.raises(CorpusError) as error:
        open_corpus(corpus_copy).remove("wtdc-25-final-reprot")
    assert str(error.value) == (
        "no corpus entry 'wtdc-25-final-reprot' (did you mean wtdc-25-final-report?); entries: "
        "wtdc-25-final-report, baku-declaration-prefinal, regional-initiatives-asp-web (see "
        "`wtdc corpus list`)"
    )


def test_add_refuses_the_same_target_name(corpus_copy, tmp_path) -> None:
    corpus = open_corpus(corpus_copy)
    first, second = tmp_path / "a" / "res.txt", tmp_path / "b" / "res.txt"
    for path, text in ((first, "RESOLUTION 1 (Dubai, 2014)\n\nA title\n"),
                       (second, "RESOLUTION 1 (Dubai, 2014)\n\nA revised title\n")):
        path.parent.mkdir()
        path.write_text(text)
    corpus.add(first, edition="dubai-2014", kind="resolution")
    before = _state(corpus_copy)
    with pytest.raises(CorpusError) as error:
        corpus.add(second, edition="dubai-2014", kind="resolution")
    assert str(error.value) == (
        f"{second}: the corpus already has an entry 'dubai-2014-resolution-res' "
        "(dubai-2014-resolution-res.txt); rename your file, or run `wtdc corpus remove "
        "dubai-2014-resolution-res` first"
    )
    assert _state(corpus_copy) == before


def test_add_refuses_a_second_final_report(corpus_copy, tmp_path) -> None:
    user_file = tmp_path / "baku.txt"
    user_file.write_text("another final report\n")
    with pytest.raises(CorpusError) as error:
        open_corpus(corpus_copy).add(user_file, edition="baku-2025", kind="final-report")
    assert str(error.value) == (
        "the corpus already holds the final report of baku-2025 as 'wtdc-25-final-report' "
        "(wtdc-25-final-report.txt); to replace it, run `wtdc corpus remove "
        "wtdc-25-final-report` first"
    )


def test_add_refuses_an_unknown_edition(corpus_copy, tmp_path) -> None:
    user_file = tmp_path / "x.txt"
    user_file.write_text("text\n")
    with pytest.raises(UnknownEditionError) as error:
        open_corpus(corpus_copy).add(user_file, edition="geneva-2023", kind="other")
    assert str(error.value) == f"unknown edition 'geneva-2023'; known editions: {KNOWN}"


def test_add_refuses_an_unknown_kind(corpus_copy, tmp_path) -> None:
    user_file = tmp_path / "x.txt"
    user_file.write_text("text\n")
    with pytest.raises(CorpusError) as error:
        open_corpus(corpus_copy).add(user_file, edition="kigali-2022", kind="minutes")
    assert str(error.value) == (
        "unknown kind 'minutes'; use one of: final-report, declaration, regional-initiatives, "
        "resolution, other"
    )


@pytest.mark.parametrize(
    ("name", "data", "start"),
    [
        ("report.pdf", b"%PDF-1.7\ntruncated", "report.pdf: is not a readable PDF ("),
        ("report.docx", b"PK\x03\x04 broken", "report.docx: is not a readable Word .docx file ("),
        ("empty.txt", b"", "empty.txt: is empty; give a file that holds the text"),
        ("image.txt", b"\x00\x01\x02\x03\xff", "image.txt: looks like a binary file"),
    ],
)
def test_add_refuses_an_unreadable_file(corpus_copy, tmp_path, name, data, start) -> None:
    user_file = tmp_path / name
    user_file.write_bytes(data)
    before = _state(corpus_copy)
    with pytest.raises(InputError) as error:
        open_corpus(corpus_copy).add(user_file, edition="kigali-2022", kind="final-report")
    assert str(error.value).startswith(f"{tmp_path}/{start}")
    assert _state(corpus_copy) == before


def test_add_missing_file(corpus_copy, tmp_path) -> None:
    with pytest.raises(InputError) as error:
        open_corpus(corpus_copy).add(tmp_path / "nope.pdf", edition="kigali-2022", kind="other")
    assert (
        str(error.value) == f"{tmp_path / 'nope.pdf'}: no such file; check the path and try again"
    )


def test_add_leaves_no_file_when_the_manifest_cannot_be_written(
    corpus_copy, tmp_path, monkeypatch
) -> None:
    user_file = tmp_path / "k.txt"
    user_file.write_text("RESOLUTION 2 (Kigali, 2022)\n\nA title\n")
    before = _state(corpus_copy)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("toolkit.corpus.registry.write_manifest", fail)
    with pytest.raises(OSError, match="No space left on device"):
        open_corpus(corpus_copy).add(user_file, edition="kigali-2022", kind="other")
    assert _state(corpus_copy) == before


def test_add_into_a_new_empty_corpus(tmp_path, monkeypatch) -> None:
    root = tmp_path / "mine"
    root.mkdir()
    monkeypatch.setenv("WTDC_CORPUS", str(root))
    corpus = open_corpus()
    assert (corpus.root, corpus.entries, corpus.editions()) == (root, (), ())
    user_file = tmp_path / "r.md"
    user_file.write_text("# RESOLUTION 9 (Doha, 2006)\n\n**considering**\n")
    entry = corpus.add(user_file, edition="doha-2006", kind="resolution")
    assert open_corpus().entries == (entry,)
    assert corpus.read(entry).text == "RESOLUTION 9 (Doha, 2006)\n\nconsidering\n"


# --- a broken manifest or root -------------------------------------------------------


def test_missing_corpus_folder(tmp_path) -> None:
    with pytest.raises(CorpusError) as error:
        open_corpus(tmp_path / "none")
    assert str(error.value) == (
        f"{tmp_path / 'none'}: no corpus folder there; set WTDC_CORPUS to a folder holding "
        "manifest.toml (or an empty folder to start a new corpus)"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'edition = "baku-2025"',
            'edition = "baku-2024"',
            "entry 'wtdc-25-final-report' has edition 'baku-2024'; use one of: doha-2006",
        ),
        (
            'kind = "declaration"',
            'kind = "speech"',
            "entry 'baku-declaration-prefinal' has kind 'speech'; use one of: final-report",
        ),
        (
            'path = "wtdc-25-final-report.txt"',
            'path = "../elsewhere.txt"',
            "entry 'wtdc-25-final-report' has path '../elsewhere.txt' outside the corpus folder",
        ),
        (
            'sha256 = "86a0',
            'sha = "86a0',
            "entry 'wtdc-25-final-report' lacks sha256; fix the manifest",
        ),
        (
            'id = "baku-declaration-prefinal"',
            'id = "wtdc-25-final-report"',
            "id 'wtdc-25-final-report' appears twice; make ids unique",
        ),
        ("[[file]]", "[[file]", "is not valid TOML ("),
    ],
)
def test_broken_manifest(corpus_copy, old, new, message) -> None:
    manifest = corpus_copy / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new, 1))
    with pytest.raises(CorpusError) as error:
        open_corpus(corpus_copy)
    assert str(error.value).startswith(f"{manifest}: ")
    assert message in str(error.value)


def test_add_waits_for_the_manifest_lock_then_says_who_holds_it(corpus_copy, tmp_path,
                                                                monkeypatch) -> None:
    from filelock import FileLock

    user_file = tmp_path / "res.txt"
    user_file.write_text("RESOLUTION 1 (Dubai, 2014)\n\nA title\n")
    monkeypatch.setattr("toolkit.corpus.registry._LOCK_WAIT", 0.2)
    before = _state(corpus_copy)
    lock = corpus_copy / ".manifest.toml.lock"
    with FileLock(lock), pytest.raises(CorpusError) as error:  # another `corpus add` at work
        open_corpus(corpus_copy).add(user_file, edition="dubai-2014", kind="resolution")
    assert str(error.value) == (
        f"{lock}: another wtdc command has held the corpus for 0.2 s; wait for it to finish and "
        "try again"
    )
    assert _state(corpus_copy) == before
