"""Word redlines: real revisions that Word lists, and "Accept all" gives exactly NEW.

The accepted and rejected texts are read back from the XML with the rules of the
WordprocessingML spec (ECMA-376 Part 1, §17.13.5): text in `w:ins` exists after accepting,
text in `w:del` (as `w:delText`) before; a paragraph whose mark carries `w:del` in its
`w:pPr/w:rPr` joins the next paragraph once accepted, one whose mark carries `w:ins` joins it
once rejected. LibreOffice, where installed, opens the file headless and writes it back; the
revisions it wrote must give the same texts.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Literal

import pytest
from diff_cases import moved_texts
from lxml import etree

from toolkit.cli import main
from toolkit.commands.diff import diff
from toolkit.corpus.sources import resolve_source
from toolkit.diff import TextDiff
from toolkit.parse import Document
from toolkit.render.docx import render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAIRS = {
    "declaration": ("corpora/baku-declaration-prefinal.md", "baku-2025:declaration"),
    "ri-asp": ("corpora/regional-initiatives-asp-web.txt", "baku-2025:ri-asp"),
}
DAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def diffs() -> dict[str, TextDiff]:
    return {name: diff(old, new) for name, (old, new) in PAIRS.items()}


@pytest.fixture(scope="module")
def files(diffs: dict[str, TextDiff]) -> dict[str, bytes]:
    return {name: render_docx(d, date=DAY) for name, d in diffs.items()}


def _body(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def _view(data: bytes, view: Literal["accepted", "rejected"]) -> list[str]:
    """The paragraphs' texts once every revision is accepted (or rejected)."""
    gone, joined = (f"{W}del", "del") if view == "accepted" else (f"{W}ins", "ins")
    paragraphs, carried = [], ""
    for p in _body(data).iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText")
                       if not any(a.tag == gone for a in t.iterancestors()))
        mark = p.find(f"{W}pPr/{W}rPr/{W}{joined}")
        if mark is not None:
            carried += text
            continue
        paragraphs.append(carried + text)
        carried = ""
    return paragraphs


def _paragraphs(documents: tuple[Document, ...]) -> list[str]:
    """A text as the redline lays it out: heading, title, section headings, labelled clauses."""
    out: list[str] = []
    for d in documents:
        out += [d.heading, *([d.title] if d.title else [])]
        for section in d.sections:
            out += [section.heading] if section.heading else []
            out += [f"{c.label} {c.text}" if c.label else c.text for c in section.clauses]
    return out


@pytest.mark.parametrize("name", list(PAIRS))
def test_accepting_all_gives_new_and_rejecting_all_gives_old(
    files: dict[str, bytes], name: str
) -> None:
    old, new = PAIRS[name]
    assert _view(files[name], "accepted") == _paragraphs(resolve_source(new).documents)
    assert _view(files[name], "rejected") == _paragraphs(resolve_source(old).documents)


def test_every_change_is_a_revision_by_wtdc(files: dict[str, bytes]) -> None:
    body = _body(files["declaration"])
    revisions = [*body.iter(f"{W}ins"), *body.iter(f"{W}del")]
    # The editorial pass of the declaration: 38 insertions and 37 deletions (words, labels,
    # and the paragraph mark of the merge "We are cognizant…" + "Universal and meaningful…";
    # the paragraphs indented under a)–d) pair one to one since issue 11's paragraph units).
    assert (len(list(body.iter(f"{W}ins"))), len(list(body.iter(f"{W}del")))) == (38, 37)
    assert {r.get(f"{W}author") for r in revisions} == {"wtdc"}
    assert {r.get(f"{W}date") for r in revisions} == {"2026-11-28T00:00:00Z"}
    ids = [int(r.get(f"{W}id")) for r in revisions]
    assert sorted(ids) == list(range(1, len(ids) + 1))
    deleted = [r for r in body.iter(f"{W}del") if r.getparent().tag != f"{W}rPr"]
    inserted = [r for r in body.iter(f"{W}ins") if r.getparent().tag != f"{W}rPr"]
    # "older people" → "older persons", twice.
    assert "".join(t.text for r in deleted for t in r.iter(f"{W}delText")).count("people") == 2
    assert "".join(t.text for r in inserted for t in r.iter(f"{W}t")).count("persons") == 2
    # OOXML's rules: deleted text only as w:delText inside w:del, never w:t; a paragraph
    # mark's revision sits in w:pPr/w:rPr and w:pPr comes first in its paragraph.
    assert not [t for r in deleted for t in r.iter(f"{W}t")]
    assert all(t.getparent().getparent().tag == f"{W}del" for t in body.iter(f"{W}delText"))
    marks = [r for r in revisions if r.getparent().tag == f"{W}rPr"]
    assert all(r.getparent().getparent().tag == f"{W}pPr" for r in marks)
    assert all(p[0].tag == f"{W}pPr" for p in body.iter(f"{W}p") if p.find(f"{W}pPr") is not None)


def test_one_heading_per_document_and_labels_kept(files: dict[str, bytes]) -> None:
    body = _body(files["ri-asp"])
    headings = ["".join(t.text for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")
                if p.find(f"{W}pPr/{W}pStyle[@{W}val='Heading1']") is not None]
    assert len(headings) == 5  # ASP1–ASP5
    assert headings[0].startswith("ASP1")
    accepted = _view(files["ri-asp"], "accepted")
    assert sum(text.startswith("1) ") for text in accepted) >= 5  # labels in front


def test_package_parts_all_have_a_content_type(files: dict[str, bytes]) -> None:
    package = zipfile.ZipFile(io.BytesIO(files["declaration"]))
    types = etree.fromstring(package.read("[Content_Types].xml"))
    overrides = {o.get("PartName") for o in types}
    defaults = {d.get("Extension") for d in types if d.get("Extension")}
    for name in package.namelist():
        assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert render_docx(diff(*PAIRS["declaration"]), date=DAY) == files["declaration"]


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice is not installed (apt-get install "
                    "libreoffice-writer-nogui)")
def test_libreoffice_opens_it_and_keeps_every_revision(
    files: dict[str, bytes], tmp_path: Path
) -> None:
    sources = []
    for name, data in files.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
        sources.append(str(tmp_path / f"{name}.docx"))
    subprocess.run(
        ["soffice", "--headless", "--norestore",
         f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), *sources],
        check=True, capture_output=True, timeout=180,
    )
    for name, (old, new) in PAIRS.items():
        written = (tmp_path / "lo" / f"{name}.docx").read_bytes()
        assert _view(written, "accepted") == _paragraphs(resolve_source(new).documents)
        assert _view(written, "rejected") == _paragraphs(resolve_source(old).documents)


def test_cli_writes_docx_only_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    files: dict[str, bytes],
) -> None:
    assert main(["diff", *PAIRS["declaration"], "--format", "docx"]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "", "wtdc: --format docx writes binary data; give a file with -o FILE\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795824000")  # 2026-11-28
    target = tmp_path / "declaration.docx"
    assert main(["diff", *PAIRS["declaration"], "--format", "docx", "-o", str(target)]) == 1
    assert target.read_bytes() == files["declaration"]


def test_a_moved_clause_is_deleted_where_it_stood_and_inserted_where_it_stands(
    tmp_path: Path,
) -> None:
    old, new = moved_texts(tmp_path)
    data = render_docx(diff(old, new), date=DAY)
    assert _view(data, "accepted") == _paragraphs(resolve_source(new).documents)
    assert _view(data, "rejected") == _paragraphs(resolve_source(old).documents)
    # The title is one tracked paragraph: "Test title" → "A new test title".
    body = _body(data)
    title = next(p for p in body.iter(f"{W}p")
                 if p.find(f"{W}pPr/{W}pStyle[@{W}val='Heading2']") is not None)
    assert [(r.tag.split("}")[1], "".join(r.itertext())) for r in title
            if r.tag != f"{W}pPr"] == [("del", "Test"), ("ins", "A new test"), ("r", " title")]


def test_accepting_all_gives_new_on_simulated_revisions_of_every_resolution() -> None:
    """SIMULATED earlier versions of the 63 Baku resolutions (programmatic edits of the Baku
    text, fixed seed): moves, splits whose pieces stand apart, merges, insertions and
    deletions all come out of "Accept all" as the Baku text, paragraph for paragraph."""
    from toolkit.align.simulate import simulate_revision
    from toolkit.corpus.sources import parsed_edition
    from toolkit.diff import diff_sources

    baku = tuple(d for d in parsed_edition("baku-2025").documents if d.id.startswith("res-"))
    simulated = [simulate_revision(d, seed=2025, rate=0.2).document for d in baku]
    revision = diff_sources(simulated, baku, old_name="SIMULATED", new_name="baku-2025")
    assert {s: revision.stat().clauses[s] for s in ("moved", "split", "merged")} == {
        "moved": 900, "split": 178, "merged": 398}  # the fewest moves (issue 11, item 7)
    data = render_docx(revision, date=DAY)
    assert _view(data, "accepted") == _paragraphs(baku)
    # Rejecting all gives every old paragraph; where a clause moved, its old place is near.
    assert sorted(_view(data, "rejected")) == sorted(_paragraphs(tuple(simulated)))
