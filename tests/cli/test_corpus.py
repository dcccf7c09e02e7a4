"""`wtdc corpus list|verify|add|fetch`: exact output lines and exit codes (0 ok, 1 check
failed, 2 trouble with one `wtdc: ` line on stderr). Nothing touches the network."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from toolkit.cli import main

HEADER = "ID                            EDITION    KIND                  STAGE      FORMAT    TITLE"
SHIPPED_ROWS = [
    "wtdc-25-final-report          baku-2025  final-report          final      text      "
    "Final Report of the World Telecommunication Development Conference (WTDC-25), Baku, "
    "Azerbaijan, 17–28 November 2025",
    "baku-declaration-prefinal     baku-2025  declaration           pre-final  markdown  "
    "Baku Declaration (pre-final text)",
    "regional-initiatives-asp-web  baku-2025  regional-initiatives  web        text      "
    "Regional initiatives for Asia and the Pacific (ASP1–ASP5), ITU web page",
]
NO_FINAL = (
    "no final report yet for: {} (wtdc corpus fetch EDITION, or wtdc corpus add PATH "
    "--edition EDITION --kind final-report)"
)
KNOWN = "doha-2006, hyderabad-2010, dubai-2014, buenos-aires-2017, kigali-2022, baku-2025"


@pytest.fixture
def corpus_copy(tmp_path, repo_root, monkeypatch):
    """A writable copy of the shipped corpus, made the default through WTDC_CORPUS."""
    root = tmp_path / "corpora"
    shutil.copytree(repo_root / "corpora", root)
    for path in root.iterdir():
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    monkeypatch.setenv("WTDC_CORPUS", str(root))
    return root


@pytest.fixture
def shipped(repo_root, monkeypatch):
    monkeypatch.delenv("WTDC_CORPUS", raising=False)
    return repo_root / "corpora"


def _run(capsys, *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def _trouble(capsys, *argv: str) -> str:
    """Run a command that must fail cleanly; return its one stderr line."""
    code, out, err = _run(capsys, *argv)
    assert (code, out, len(err)) == (2, [], 1)
    assert err[0].startswith("wtdc: ")
    assert "Traceback" not in err[0]
    return err[0]


# --- list -----------------------------------------------------------------------------


def test_list_table(capsys, shipped) -> None:
    code, out, err = _run(capsys, "corpus", "list")
    assert (code, err) == (0, [])
    assert out == [
        HEADER,
        *SHIPPED_ROWS,
        NO_FINAL.format("doha-2006, hyderabad-2010, dubai-2014, buenos-aires-2017, kigali-2022"),
    ]


def test_list_json(capsys, shipped) -> None:
    code, out, _ = _run(capsys, "corpus", "list", "--format", "json")
    records = json.loads("\n".join(out))
    assert code == 0
    assert [
        (r["id"], r["edition"], r["kind"], r["stage"], r["version_of"], r["format"])
        for r in records
    ] == [
        ("wtdc-25-final-report", "baku-2025", "final-report", "final", None, "text"),
        (
            "baku-declaration-prefinal",
            "baku-2025",
            "declaration",
            "pre-final",
            "declaration",
            "markdown",
        ),
        (
            "regional-initiatives-asp-web",
            "baku-2025",
            "regional-initiatives",
            "web",
            "ri-asp",
            "text",
        ),
    ]
    assert records[0]["path"] == str(shipped / "wtdc-25-final-report.txt")
    assert records[0]["sha256"] == (
        "86a060de8b57fd9db4c1d40994526b6e29365106d6bb25dedbb3f1508a55c973"
    )
    assert set(records[0]) == {
        "id",
        "edition",
        "kind",
        "stage",
        "version_of",
        "title",
        "source",
        "format",
        "sha256",
        "path",
    }


def test_python_dash_m_toolkit_corpus_list(repo_root) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "corpus", "list"],
        capture_output=True,
        text=True,
        cwd=repo_root,
        check=False,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:4] == [HEADER, *SHIPPED_ROWS]


# --- verify ---------------------------------------------------------------------------


def test_verify_ok(capsys, shipped) -> None:
    assert _run(capsys, "corpus", "verify") == (
        0,
        [f"ok: 3 files match {shipped / 'manifest.toml'}"],
        [],
    )


def test_verify_changed_and_missing(capsys, corpus_copy) -> None:
    (corpus_copy / "wtdc-25-final-report.txt").write_text("tampered\n")
    (corpus_copy / "regional-initiatives-asp-web.txt").unlink()
    code, out, err = _run(capsys, "corpus", "verify")
    assert (code, err) == (1, [])
    assert out == [
        "changed: wtdc-25-final-report.txt (wtdc-25-final-report): sha256 "
        "92e78d0b032962f47792a9fa95fd981ef63e1e3ef074d536d6304c75eddbe29f, manifest says "
        "86a060de8b57fd9db4c1d40994526b6e29365106d6bb25dedbb3f1508a55c973",
        "missing: regional-initiatives-asp-web.txt (regional-initiatives-asp-web): "
        "the file is not in the corpus folder",
    ]


# --- add ------------------------------------------------------------------------------


def test_add_then_list(capsys, corpus_copy, tmp_path) -> None:
    user_file = tmp_path / "WTDC-22 report.md"
    user_file.write_text("# Final Report\n\n**RESOLUTION 37 (Rev. Kigali, 2022)**\n")
    code, out, err = _run(
        capsys,
        "corpus",
        "add",
        str(user_file),
        "--edition",
        "kigali-2022",
        "--kind",
        "final-report",
        "--title",
        "WTDC-22 Final Report",
        "--source",
        "ITU publication D-TDC-WTDC-2022, downloaded by hand",
        "--force",  # a one-resolution stand-in for the report
    )
    target = corpus_copy / "kigali-2022-final-report.md"
    assert (code, out, err) == (
        0,
        [f"added kigali-2022-final-report (kigali-2022, final-report, markdown): {target}"],
        [],
    )
    assert target.read_bytes() == user_file.read_bytes()
    added = json.loads("\n".join(_run(capsys, "corpus", "list", "--format", "json")[1]))[-1]
    assert (added["title"], added["source"]) == (
        "WTDC-22 Final Report",
        "ITU publication D-TDC-WTDC-2022, downloaded by hand",
    )
    code, out, _ = _run(capsys, "corpus", "list")
    assert out[1:] == [
        "wtdc-25-final-report          baku-2025    final-report          final      text      "
        "Final Report of the World Telecommunication Development Conference (WTDC-25), Baku, "
        "Azerbaijan, 17–28 November 2025",
        "baku-declaration-prefinal     baku-2025    declaration           pre-final  markdown  "
        "Baku Declaration (pre-final text)",
        "regional-initiatives-asp-web  baku-2025    regional-initiatives  web        text      "
        "Regional initiatives for Asia and the Pacific (ASP1–ASP5), ITU web page",
        "kigali-2022-final-report      kigali-2022  final-report          final      markdown  "
        "WTDC-22 Final Report",
        NO_FINAL.format("doha-2006, hyderabad-2010, dubai-2014, buenos-aires-2017"),
    ]
    assert _run(capsys, "corpus", "verify")[:2] == (
        0,
        [f"ok: 4 files match {corpus_copy / 'manifest.toml'}"],
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "{path}: is empty; give a file that holds the text"),
        ("blank.md", b" \n\n", "{path}: is empty; give a file that holds the text"),
        (
            "image.txt",
            b"\x89PNG\x00\x00",
            "{path}: looks like a binary file (it contains NUL "
            "bytes), not text; give a .txt, .md, .html, .docx or .pdf file",
        ),
        (
            "cp.txt",
            b"\x81\x8d",
            "{path}: cannot be decoded as UTF-8 (invalid start byte at "
            "byte 0) nor as Windows-1252; re-save it as UTF-8 and try again",
        ),
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0",
            "{path}: old binary Word format; open it in Word or LibreOffice and save it as .docx",
        ),
    ],
)
def test_add_bad_input(capsys, corpus_copy, tmp_path, name, data, message) -> None:
    user_file = tmp_path / name
    user_file.write_bytes(data)
    before = sorted(p.name for p in corpus_copy.iterdir())
    line = _trouble(
        capsys, "corpus", "add", str(user_file), "--edition", "kigali-2022", "--kind", "other"
    )
    assert line == "wtdc: " + message.format(path=user_file)
    assert sorted(p.name for p in corpus_copy.iterdir()) == before


def test_add_corrupt_pdf(capsys, corpus_copy, tmp_path) -> None:
    user_file = tmp_path / "report.pdf"
    user_file.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")
    line = _trouble(
        capsys,
        "corpus",
        "add",
        str(user_file),
        "--edition",
        "kigali-2022",
        "--kind",
        "final-report",
    )
    assert line.startswith(f"wtdc: {user_file}: is not a readable PDF (")
    assert line.endswith("); check the download, or export the document again as PDF or text")
    assert not (corpus_copy / "kigali-2022-final-report.pdf").exists()


def test_add_missing_file_and_directory(capsys, corpus_copy, tmp_path) -> None:
    missing = tmp_path / "nope.pdf"
    assert _trouble(
        capsys, "corpus", "add", str(missing), "--edition", "kigali-2022", "--kind", "other"
    ) == (f"wtdc: {missing}: no such file; check the path and try again")
    assert _trouble(
        capsys, "corpus", "add", str(tmp_path), "--edition", "kigali-2022", "--kind", "other"
    ) == (
        f"wtdc: {tmp_path}: is a directory, not a file; give a .txt, .md, .html, .docx or .pdf file"
    )


def test_add_unknown_edition_kind_and_duplicate(capsys, corpus_copy, tmp_path) -> None:
    user_file = tmp_path / "asp.txt"
    shutil.copyfile(corpus_copy / "regional-initiatives-asp-web.txt", user_file)
    args = ("corpus", "add", str(user_file))
    assert _trouble(capsys, *args, "--edition", "baku-2026", "--kind", "other") == (
        f"wtdc: unknown edition 'baku-2026' (did you mean baku-2025?); known editions: {KNOWN}"
    )
    assert _trouble(capsys, *args, "--edition", "baku-2025", "--kind", "web-page") == (
        "wtdc: unknown kind 'web-page'; use one of: final-report, declaration, "
        "regional-initiatives, resolution, other"
    )
    # The same file again is the entry already there, not an error.
    held = corpus_copy / "regional-initiatives-asp-web.txt"
    assert _run(capsys, *args, "--edition", "baku-2025", "--kind", "other") == (
        0, [f"already holds regional-initiatives-asp-web (baku-2025, regional-initiatives, "
            f"text): {held}"], [])


# --- fetch ----------------------------------------------------------------------------


def test_fetch_without_network(capsys, corpus_copy, monkeypatch) -> None:
    def urlopen(request, timeout):
        raise urllib.error.URLError("Network is unreachable")

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    assert _trouble(capsys, "corpus", "fetch", "kigali-2022") == (
        "wtdc: cannot download https://www.itu.int/pub/D-TDC-WTDC-2022 (Network is "
        "unreachable); download the Kigali, 2022 final report yourself, then run: "
        "wtdc corpus add PATH --edition kigali-2022 --kind final-report"
    )


def test_fetch_unknown_and_held_editions(capsys, corpus_copy, monkeypatch) -> None:
    def urlopen(request, timeout):
        raise AssertionError("no download expected")

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    assert _trouble(capsys, "corpus", "fetch", "kigali") == (
        f"wtdc: unknown edition 'kigali' (did you mean kigali-2022?); known editions: {KNOWN}"
    )
    assert _trouble(capsys, "corpus", "fetch", "baku-2025") == (
        "wtdc: the corpus already holds the final report of baku-2025 as "
        "'wtdc-25-final-report' (wtdc-25-final-report.txt); to replace it, run `wtdc corpus "
        "remove wtdc-25-final-report` first"
    )


def test_fetch_success(capsys, corpus_copy, monkeypatch) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    # A stand-in with the parts `corpus add` checks a final report for.
    for line in ("BUENOS AIRES DECLARATION", "RESOLUTION 37 (Rev. Buenos Aires, 2017)",
                 "Status of all resolutions, Recommendations and decisions"):
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())

    class Response:
        def __init__(self) -> None:
            self.headers = {"Content-Type": "application/pdf"}

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, limit):
            return data

        def geturl(self):
            return "https://www.itu.int/dms_pub/itu-d/opb/tdc/D-TDC-WTDC-2017-PDF-E.pdf"

    monkeypatch.setattr(urllib.request, "urlopen", lambda request, timeout: Response())
    target = corpus_copy / "buenos-aires-2017-final-report.pdf"
    assert _run(capsys, "corpus", "fetch", "buenos-aires-2017") == (
        0,
        [f"fetched buenos-aires-2017-final-report (buenos-aires-2017, pdf): {target}"],
        [],
    )
    assert target.read_bytes() == data


# --- the corpus itself is unusable -----------------------------------------------------


def test_no_corpus_folder(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WTDC_CORPUS", str(tmp_path / "gone"))
    assert _trouble(capsys, "corpus", "list") == (
        f"wtdc: {tmp_path / 'gone'}: no corpus folder there; set WTDC_CORPUS to a folder "
        "holding manifest.toml (or an empty folder to start a new corpus)"
    )


def test_broken_manifest(capsys, corpus_copy) -> None:
    manifest = corpus_copy / "manifest.toml"
    manifest.write_text("[[file]\n")
    line = _trouble(capsys, "corpus", "verify")
    assert line.startswith(f"wtdc: {manifest}: is not valid TOML (")
    assert line.endswith("); fix it or restore it from version control")


def test_other_sections_can_add_corpus_subcommands(capsys, shipped, monkeypatch) -> None:
    import toolkit.cli

    def register(commands) -> None:
        extra = commands.add_parser("extra")
        toolkit.cli._runs(extra, "corpus.run_corpus_check", format="json", pretty=False)

    monkeypatch.setattr(toolkit.cli, "CORPUS_COMMANDS", [*toolkit.cli.CORPUS_COMMANDS, register])
    code, out, err = _run(capsys, "corpus", "extra")
    assert (code, err) == (0, [])
    assert json.loads(out[0])["unlisted_text"] == json.loads(
        _run(capsys, "corpus", "check", "--format", "json")[1][0])["unlisted_text"]
    assert _run(capsys, "corpus", "verify")[0] == 0


# A Kigali resolution as a user would add it: heading, title, a footnote marker glued to a
# word, digits that are text. ASCII only, so fpdf2's core font can draw it.
KIGALI = (
    "RESOLUTION 37 (Rev. Kigali, 2022)",
    "Bridging the digital divide",
    "considering",
    "a) that developing1 countries need 5G and IPv6;",
    "b) Resolution 70 (Rev. Bucharest, 2022);",
    "resolves",
    "1 to continue the programme.",
    "1 These include the least developed countries.",
)


def _kigali_file(tmp_path, suffix: str):
    path = tmp_path / f"kigali-report{suffix}"
    if suffix == ".docx":
        import docx

        document = docx.Document()
        for paragraph in KIGALI:
            document.add_paragraph(paragraph)
        document.save(str(path))
    elif suffix == ".pdf":
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for paragraph in KIGALI:
            pdf.multi_cell(0, 7, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        path.write_bytes(bytes(pdf.output()))
    else:
        path.write_text(
            "<html><body>" + "".join(f"<p>{p}</p>" for p in KIGALI) + "</body></html>",
            encoding="utf-8",
        )
    return path


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_added_report_can_be_parsed_and_feeds_lineage(capsys, corpus_copy, tmp_path, suffix):
    path = _kigali_file(tmp_path, suffix)
    code, out, err = _run(capsys, "corpus", "add", str(path), "--edition", "kigali-2022",
                          "--kind", "final-report", "--force")  # one resolution: a stand-in
    assert (code, err) == (0, [])
    assert out[0].startswith("added kigali-2022-final-report (kigali-2022, final-report, ")

    code, out, err = _run(capsys, "parse", "kigali-2022:res-37", "--format", "json")
    assert (code, err) == (0, [])
    records = json.loads("\n".join(out))
    assert [(r["section"], r["label"], r["text"]) for r in records] == [
        ("considering", "a)", "that developing countries need 5G and IPv6;"),
        ("considering", "b)", "Resolution 70 (Rev. Bucharest, 2022);"),
        ("resolves", "1", "to continue the programme."),
    ]
    assert {(r["edition_label"], r["title"], r["doc_type"]) for r in records} == {
        ("Rev. Kigali, 2022", "Bridging the digital divide", "resolution")
    }
    assert records[0]["footnotes"] == [
        {"marker": "1", "text": "These include the least developed countries."}
    ]

    code, out, err = _run(capsys, "lineage", "--format", "json")
    assert code == 0
    held = [r["doc_id"] for r in json.loads("\n".join(out)) if r["prior_in_corpus"]]
    assert held == ["res-37"]  # Resolution 1 was last revised at Kigali too: its text is not here


def test_parse_of_an_edition_not_in_the_corpus_says_how_to_get_it(capsys, corpus_copy):
    assert _trouble(capsys, "parse", "kigali-2022") == (
        "wtdc: the corpus holds no final report of kigali-2022 (Kigali, 2022); run `wtdc corpus "
        "fetch kigali-2022`, or download it yourself and run `wtdc corpus add PATH --edition "
        "kigali-2022 --kind final-report`"
    )
    assert _trouble(capsys, "parse", "kigali-2021:res-37").startswith(
        "wtdc: unknown edition 'kigali-2021' (did you mean kigali-2022?); known editions: "
        "doha-2006,"
    )
