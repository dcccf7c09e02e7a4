"""Every `wtdc` sub-command that takes a file or a source, against every kind of bad input.

Each case runs through `toolkit.cli.main` in this process (a handful, `SUBPROCESS`, also as a
user runs them: `python -m toolkit …` in a fresh interpreter) and must end with exit status 2,
exactly one line on stderr starting with `wtdc: `, nothing on stdout, no traceback, and no
file left where -o (or --plot) pointed. A case whose sub-command the CLI does not list in
its --help fails. Also the exit-status contract of `wtdc` itself and of `wtdc diff`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from toolkit.cli import main

REPO = Path(__file__).resolve().parents[2]


def _load_cli_reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_reference",
                                                  REPO / "scripts" / "cli_reference.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cli = _load_cli_reference()

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# Bytes that neither UTF-8 nor cp1252 can decode (0x81 0x8D 0x8F 0x90 0x9D are unassigned).
UNDECODABLE = b"\x81\x8d\x8f\x90\x9d"



def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# Bad files, by kind: the file name and its bytes (None: not created; b"/": a directory).
BAD_FILES: dict[str, tuple[str, bytes | None]] = {
    "missing": ("nowhere.txt", None),
    "name-too-long": ("n" * 300 + ".txt", None),  # ENAMETOOLONG, not ENOENT
    "directory": ("folder", b"/"),
    "empty": ("empty.txt", b""),
    "blank": ("blank.txt", b"  \n\t \r\n  \n"),
    "binary": ("binary.txt", PNG),
    "png": ("image.png", PNG),
    "undecodable": ("undecodable.txt", UNDECODABLE),
    "corrupt-pdf": ("corrupt.pdf", b"%PDF-1.4 garbage"),
    "encrypted-pdf": ("encrypted.pdf", _encrypted_pdf()),
    "corrupt-docx": ("corrupt.docx", b"PK\x03\x04 not a zip archive"),
}
# Bad sources named by id, with a valid partner of the same shape for two-sided commands.
BAD_SPECS: dict[str, tuple[str, str]] = {
    "unknown-edition": ("atlantis-2099", "baku-2025"),
    "unknown-edition-doc": ("atlantis-2099:res-37", "baku-2025:res-37"),
    "unknown-document": ("baku-2025:res-9999", "baku-2025:res-37"),
    "absent-edition": ("kigali-2022", "baku-2025"),
    "absent-edition-doc": ("kigali-2022:res-37", "baku-2025:res-37"),
}
# Layouts the parser reads with a best guess and a warning, and `--strict` refuses (in the
# report's tab-indented layout): the file name, its text, and the line the refusal names.
R99 = ("\t\t\tRESOLUTION 99 (Baku, 2025)\n\n\t\t\tA title\n\n"
       "\t\t\tThe World Telecommunication Development Conference (Baku, 2025),\n\n")
LAYOUTS: dict[str, tuple[str, str, int]] = {
    "unknown-heading": ("unknown-heading.txt", R99 + "\t\t\tconsidering\n\n\t\t\ta)\tthat "
                        "it is;\n\n\t\t\tponders the Director\n\n\t\t\t1\tto do things.\n", 11),
    "wrapped-title": ("wrapped-title.txt", R99.replace("A title\n", "A title\n\n\t\t\tfor all\n")
                      + "\t\t\tresolves\n\n\t\t\t1\tto do things.\n", 5),
    "repeated": ("repeated.txt", "\t\t\tQUESTION 1/1\n\n\t\t\tTitle\n\n" * 2, 0),
    "stray-annex": ("stray-annex.txt", "\t\t\tQUESTION 1/1\n\n\t\t\tTitle\n\n"
                    "\t\t\tANNEX 1 to RESOLUTION 5 (Rev. Baku, 2025)\n", 5),
    "near-miss": ("near-miss.txt", "\t\t\tRESOLUTION 37 (Rev. Baku, 2025\n\n\t\t\tTitle\n", 1),
}
GOOD_OLD = "Older people live here.\n\nA second paragraph & more.\n"
GOOD_NEW = "Older persons live here.\n\nA second paragraph & more.\n"


@dataclass(frozen=True)
class Case:
    """One command line; `{name}` fields are paths filled in by the `workspace` fixture."""

    id: str
    command: tuple[str, ...]  # the (sub-)command, to skip it when the CLI lacks it
    argv: tuple[str, ...]
    says: tuple[str, ...] = ()  # what the `wtdc:` line must name: the culprit, what to do
    stdin: str | None = None  # a bad-file kind fed on standard input
    corpus_copy: bool = False  # run against a private copy of corpora/ ($WTDC_CORPUS)
    needs_permissions: bool = False  # meaningless as root, who may write anywhere


def _bad(kind: str) -> str:
    return "{" + kind + "}" if kind in BAD_FILES else BAD_SPECS[kind][0]


def _partner(kind: str) -> str:
    return "{good_new}" if kind in BAD_FILES else BAD_SPECS[kind][1]


# What a source command's message must name besides the culprit: the way out.
HINTS = {
    "unknown-edition": "baku-2025",  # lists the known editions
    "unknown-edition-doc": "baku-2025",
    "unknown-document": "declaration",  # lists the documents the edition holds
    "absent-edition": "wtdc corpus add",  # says how to bring the edition in
    "absent-edition-doc": "wtdc corpus add",
}


def _says(kind: str, *, hint: bool = True) -> tuple[str, ...]:
    """The culprit (file name or id) and, for a source given by id, the hint."""
    if kind in BAD_FILES:
        return (BAD_FILES[kind][0],)
    culprit = BAD_SPECS[kind][0].split(":")[-1] if kind == "unknown-document" else (
        BAD_SPECS[kind][0].split(":")[0])
    return (culprit, HINTS[kind]) if hint else (culprit,)


# Every kind of bad input for the cheap commands; a sample for `terms` and `regions`, which
# load polars, nltk and matplotlib (about a second each) before they look at their input.
EVERY = (*BAD_FILES, *BAD_SPECS)
TERMS_SAMPLE = ("missing", "binary", "corrupt-pdf", "unknown-edition", "absent-edition")
REGIONS_SAMPLE = ("directory", "undecodable", "unknown-edition", "unknown-document",
                  "absent-edition")
SECOND_SIDE = ("missing", "empty", "binary", "unknown-edition-doc", "unknown-document",
               "absent-edition-doc")


def _source_cases() -> Iterator[Case]:
    """Every bad file or edition id as each command's source."""
    for kind in EVERY:
        bad, partner = _bad(kind), _partner(kind)
        yield Case(f"diff-old-{kind}", ("diff",), ("diff", bad, partner), _says(kind))
        yield Case(f"parse-{kind}", ("parse",), ("parse", bad, "-o", "{out}/clauses.json"),
                   _says(kind))
        yield Case(f"align-{kind}", ("align",),
                   ("align", bad, partner, "-o", "{out}/align.json"), _says(kind))
        yield Case(f"patch-old-{kind}", ("patch", "apply"),
                   ("patch", "apply", bad, "{patch}", "-o", "{out}/new.txt"),
                   _says(kind, hint=False))
    for kind in SECOND_SIDE:
        yield Case(f"diff-new-{kind}", ("diff",),
                   ("diff", _partner(kind), _bad(kind), "-o", "{out}/diff.txt"), _says(kind))
        yield Case(f"align-new-{kind}", ("align",), ("align", _partner(kind), _bad(kind)),
                   _says(kind))
    for kind in TERMS_SAMPLE:
        yield Case(f"terms-{kind}", ("terms",),
                   ("terms", _bad(kind), _partner(kind), "--plot", "{out}/terms.png"), _says(kind))
    for kind in REGIONS_SAMPLE:
        yield Case(f"regions-{kind}", ("regions",),
                   ("regions", _bad(kind), "--plot", "{out}/regions.png"), _says(kind))
    for kind in BAD_FILES:
        bad = _bad(kind)
        yield Case(f"corpus-add-{kind}", ("corpus", "add"),
                   ("corpus", "add", bad, "--edition", "kigali-2022", "--kind", "final-report"),
                   _says(kind), corpus_copy=True)
        if kind not in ("empty", "blank"):  # an empty patch is the patch of identical texts
            yield Case(f"patch-file-{kind}", ("patch", "apply"),
                       ("patch", "apply", "{good_old}", bad, "-o", "{out}/new.txt"), _says(kind))


def _other_input_cases() -> Iterator[Case]:
    """A bad lexicon, bad standard input, a patch that is none, bad history ids."""
    for kind in ("missing", "corrupt-pdf"):
        yield Case(f"terms-lexicon-{kind}", ("terms",),
                   ("terms", "{good_old}", "{good_new}", "--lexicon", _bad(kind)), _says(kind))
    for kind in ("empty", "blank", "binary", "undecodable", "corrupt-pdf"):
        yield Case(f"diff-stdin-{kind}", ("diff",), ("diff", "-", "{good_new}"), ("stdin",),
                   stdin=kind)
        yield Case(f"parse-stdin-{kind}", ("parse",), ("parse", "-"), ("stdin",), stdin=kind)
    yield Case("patch-file-not-a-patch", ("patch", "apply"),
               ("patch", "apply", "{good_old}", "{good_new}", "-o", "{out}/new.txt"), ("patch",))
    for kind in BAD_SPECS:
        yield Case(f"history-{kind}", ("history",),
                   ("history", _bad(kind), "-o", "{out}/history.txt"), _says(kind, hint=False))
    yield Case("history-unknown-doc-id", ("history",),
               ("history", "res-9999", "-o", "{out}/history.txt"), ("res-9999",))
    yield Case("history-typo-doc-id", ("history",), ("history", "RES-377"),
               ("RES-377", "did you mean", "res-37"))


def _corpus_cases() -> Iterator[Case]:
    """What the corpus commands refuse, and typos answered with a "did you mean"."""
    for kind in ("unknown-edition", "unknown-edition-doc", "unknown-document"):
        yield Case(f"corpus-fetch-{kind}", ("corpus", "fetch"), ("corpus", "fetch", _bad(kind)),
                   (BAD_SPECS[kind][0], "baku-2025"))
    yield Case("corpus-add-unknown-edition", ("corpus", "add"),
               ("corpus", "add", "{good_old}", "--edition", "atlantis-2099", "--kind",
                "final-report"), ("atlantis-2099", "baku-2025"), corpus_copy=True)
    yield Case("corpus-add-unknown-kind", ("corpus", "add"),
               ("corpus", "add", "{good_old}", "--edition", "kigali-2022", "--kind", "poster"),
               ("poster", "final-report"), corpus_copy=True)
    yield Case("corpus-add-stdin", ("corpus", "add"),
               ("corpus", "add", "-", "--edition", "kigali-2022", "--kind", "resolution"),
               ("standard input", "save the text to a file"), corpus_copy=True)
    yield Case("corpus-add-no-wtdc-document", ("corpus", "add"),
               ("corpus", "add", "{good_old}", "--edition", "kigali-2022", "--kind",
                "resolution"), ("old.txt", "no WTDC document", "--kind other"), corpus_copy=True)
    yield Case("corpus-add-not-a-final-report", ("corpus", "add"),
               ("corpus", "add", "{unknown-heading}", "--edition", "kigali-2022", "--kind",
                "final-report"), ("unknown-heading.txt", "a declaration", "--force"),
               corpus_copy=True)
    yield Case("corpus-add-second-final-report", ("corpus", "add"),
               ("corpus", "add", "{good_old}", "--edition", "baku-2025", "--kind",
                "final-report"), ("baku-2025", "wtdc corpus remove wtdc-25-final-report"),
               corpus_copy=True)
    yield Case("corpus-remove-unknown", ("corpus", "remove"),
               ("corpus", "remove", "wtdc-25-final-reprot"),
               ("wtdc-25-final-reprot", "did you mean wtdc-25-final-report?"), corpus_copy=True)
    # Typos get a "did you mean"; document ids are case-insensitive (RES-37 is res-37).
    yield Case("diff-typo-edition", ("diff",), ("diff", "bakku-2025:res-37", "baku-2025:res-37"),
               ("bakku-2025", "did you mean baku-2025?"))
    yield Case("parse-typo-document", ("parse",), ("parse", "baku-2025:RES-377"),
               ("RES-377", "did you mean", "res-37"))
    yield Case("report--old-file", ("report",), ("report", "--old", "{good_old}", "-o",
                                                 "{out}/report"), ("old.txt", "wtdc corpus add"))


def _strict_and_usage_cases() -> Iterator[Case]:
    # --strict keeps the refusals of layouts the parser otherwise reads with a warning.
    for kind, (name, _, line) in LAYOUTS.items():
        where = f"{name}:{line}" if line else name
        yield Case(f"parse-strict-{kind}", ("parse",),
                   ("parse", "--strict", f"{{{kind}}}", "-o", "{out}/clauses.json"),
                   (where, "--strict"))
        yield Case(f"diff-strict-{kind}", ("diff",),
                   ("diff", "--strict", "{good_old}", f"{{{kind}}}", "-o", "{out}/diff.txt"),
                   (where, "--strict"))
        yield Case(f"align-strict-{kind}", ("align",),
                   ("align", "--strict", f"{{{kind}}}", "{good_new}"), (where, "--strict"))
    # --old and --new take editions: the message names the edition and lists or fetches.
    report_editions = {"unknown-edition": ("atlantis-2099", "kigali-2022"),
                       "document-not-edition": ("baku-2025:res-9999", "kigali-2022"),
                       "absent-edition": ("kigali-2022", "wtdc corpus add")}
    for option in ("--old", "--new"):
        for name, (edition, hint) in report_editions.items():
            yield Case(f"report{option}-{name}", ("report",),
                       ("report", option, edition, "-o", "{out}/report"), (edition, hint))
    # Usage errors: the one-line house style, naming the help to read.
    yield Case("diff-missing-argument", ("diff",), ("diff", "{good_old}"), ("NEW", "--help"))
    yield Case("parse-unknown-format", ("parse",), ("parse", "{good_old}", "--format", "xml"),
               ("xml", "--help"))


def _output_cases() -> Iterator[Case]:
    # Output paths that cannot be written: into a regular file, or onto a directory.
    outputs = {
        "diff": ("diff", "{good_old}", "{good_new}", "-o"),
        "parse": ("parse", "{good_old}", "-o"),
        "align": ("align", "{good_old}", "{good_new}", "-o"),
        "history": ("history", "res-37", "-o"),
        "patch": ("patch", "apply", "{good_old}", "{patch}", "-o"),
        "terms": ("terms", "{good_old}", "{good_new}", "--plot"),
        "regions": ("regions", "--plot"),
    }
    for name, argv in outputs.items():
        command = ("patch", "apply") if name == "patch" else (name,)
        suffix = ".png" if argv[-1] == "--plot" else ""
        yield Case(f"{name}-output-in-file", command, (*argv, f"{{blocker}}/out{suffix}"),
                   ("blocker",))
        yield Case(f"{name}-output-is-directory", command, (*argv, "{out}"),
                   (f"{name}-output-is-directory",))
        yield Case(f"{name}-output-name-too-long", command,
                   (*argv, "{out}/" + "n" * 300 + suffix), ("n" * 300,))
    # The report's -o names a directory: an existing one is fine, one inside a file is not.
    yield Case("report-output-in-file", ("report",), ("report", "-o", "{blocker}/report"),
               ("blocker",))
    for name, argv in (("diff", outputs["diff"]), ("parse", outputs["parse"]),
                       ("report", ("report", "-o"))):
        yield Case(f"{name}-output-read-only", (name,), (*argv, "{read_only}/out"),
                   ("read-only",), needs_permissions=True)


CASES = [*_source_cases(), *_other_input_cases(), *_corpus_cases(), *_strict_and_usage_cases(),
         *_output_cases()]


# Run as a user runs them too, in a fresh interpreter: one per kind of failure (a reader,
# standard input, an edition id, an output path, a usage error, the report).
SUBPROCESS = frozenset({
    "diff-old-corrupt-pdf", "parse-stdin-binary", "align-absent-edition", "diff-output-in-file",
    "diff-missing-argument", "report--old-absent-edition",
})


def _in_process(argv: list[str], *, stdin: bytes | None = None) -> tuple[int, str, str]:
    """`wtdc ARGV` through `main`: exit status, stdout, stderr (a traceback if it raised)."""
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as stop:  # argparse: --help, usage errors
                status = stop.code if isinstance(stop.code, int) else 2
            except BaseException:
                traceback.print_exc()
                status = -1
    finally:
        sys.stdin = saved_stdin
    return status, out.getvalue(), err.getvalue()


@cache
def _available(command: tuple[str, ...]) -> bool:
    """Whether `wtdc … --help` lists this (sub-)command."""
    parent = command[:-1]
    if parent and not _available(parent):
        return False
    status, text, _ = _in_process([*parent, "--help"])
    return status == 0 and command[-1] in cli.subcommands(text)


@dataclass(frozen=True)
class Outcome:
    status: int | None  # None: timed out
    stdout: str
    stderr: str
    leftovers: list[str]  # files found where the case's output must not be


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bad-input")
    paths = {kind: root / name for kind, (name, _) in BAD_FILES.items()}
    for kind, (_, data) in BAD_FILES.items():
        if data == b"/":
            paths[kind].mkdir()
        elif data is not None:
            paths[kind].write_bytes(data)
    for kind, (name, text, _) in LAYOUTS.items():
        paths[kind] = root / name
        paths[kind].write_text(text, encoding="utf-8")
    paths["good_old"] = root / "old.txt"
    paths["good_old"].write_text(GOOD_OLD, encoding="utf-8")
    paths["good_new"] = root / "new.txt"
    paths["good_new"].write_text(GOOD_NEW, encoding="utf-8")
    # A regular file standing where an output directory would have to be.
    paths["blocker"] = root / "blocker"
    paths["blocker"].write_text("not a directory\n", encoding="utf-8")
    paths["read_only"] = root / "read-only"
    paths["read_only"].mkdir(mode=0o555)
    paths["patch"] = root / "old-to-new.patch"
    status, _, err = _in_process(["diff", str(paths["good_old"]), str(paths["good_new"]),
                                  "--format", "patch", "-o", str(paths["patch"])])
    assert status == 1, err
    assert paths["patch"].stat().st_size > 0, err
    return paths


@contextlib.contextmanager
def _corpus(path: Path | None) -> Iterator[None]:
    """$WTDC_CORPUS pointing at `path` for the duration (unset: the shipped corpus)."""
    saved = os.environ.pop("WTDC_CORPUS", None)
    if path is not None:
        os.environ["WTDC_CORPUS"] = str(path)
    try:
        yield
    finally:
        os.environ.pop("WTDC_CORPUS", None)
        if saved is not None:
            os.environ["WTDC_CORPUS"] = saved


def _run(case: Case, workspace: dict[str, Path], root: Path) -> Outcome:
    out = root / "out" / case.id
    out.mkdir(parents=True)
    fields = {name: str(path) for name, path in workspace.items()} | {"out": str(out)}
    corpus = None
    if case.corpus_copy:
        corpus = root / "corpora" / case.id
        shutil.copytree(REPO / "corpora", corpus)
        fields["corpus"] = str(corpus)
    argv = [arg.format(**fields) for arg in case.argv]
    before = (corpus / "manifest.toml").read_bytes() if corpus else b""
    stdin = workspace[case.stdin].read_bytes() if case.stdin is not None else None
    if case.id in SUBPROCESS:
        env = dict(cli.HELP_ENV)
        env.pop("WTDC_CORPUS", None)
        env |= {"WTDC_CORPUS": str(corpus)} if corpus else {}
        try:
            with open(workspace[case.stdin] if case.stdin else os.devnull, "rb") as stream:
                result = cli.run_wtdc(*argv, stdin=stream.fileno(), env=env)
        except subprocess.TimeoutExpired as timeout:
            return Outcome(None, str(timeout.stdout or ""), str(timeout.stderr or ""), [])
        status, stdout, stderr = result.returncode, result.stdout, result.stderr
    else:
        with _corpus(corpus):
            status, stdout, stderr = _in_process(argv, stdin=stdin)
    leftovers = [str(p.relative_to(out)) for p in out.rglob("*")]
    if workspace["blocker"].read_text(encoding="utf-8") != "not a directory\n":
        leftovers.append("blocker (overwritten)")
    if corpus and (corpus / "manifest.toml").read_bytes() != before:
        leftovers.append("corpus manifest.toml (changed)")
    return Outcome(status, stdout, stderr, leftovers)


@pytest.fixture(scope="module")
def outcomes(workspace: dict[str, Path],
             tmp_path_factory: pytest.TempPathFactory) -> Callable[[Case], Outcome]:
    """Each case run once, when a test first asks for it: under xdist a worker runs only the
    cases it was given, not the whole table."""
    root = tmp_path_factory.mktemp("runs")
    return cache(lambda case: _run(case, workspace, root))


def test_the_subprocess_cases_exist() -> None:
    assert {case.id for case in CASES} >= SUBPROCESS


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, outcomes: Callable[[Case], Outcome]) -> None:
    assert _available(case.command), f"wtdc {' '.join(case.command)} is not in --help"
    if case.needs_permissions and os.geteuid() == 0:
        pytest.skip("root may write into a read-only directory")
    outcome = outcomes(case)
    assert outcome.status is not None, "timed out after 60 s"
    last = outcome.stderr.strip().rsplit("\n", 1)[-1][:300]
    assert "Traceback" not in outcome.stderr, f"traceback, ending: {last}"
    assert outcome.status == 2, f"exit {outcome.status}; stderr ends: {last}"
    assert outcome.stdout == "", f"stdout: {outcome.stdout[:300]!r}"
    assert outcome.leftovers == [], "output left behind"
    lines = outcome.stderr.splitlines()
    assert len(lines) == 1, outcome.stderr
    assert lines[0].startswith("wtdc: "), outcome.stderr
    missing = [word for word in case.says if word not in lines[0]]
    assert not missing, f"the message does not name {missing}: {lines[0]}"


# --- the exit-status contract --------------------------------------------------------------


def test_version() -> None:
    result = cli.run_wtdc("--version")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("wtdc ")
    assert result.stdout.count("\n") == 1


def test_no_arguments_prints_help_to_stderr() -> None:
    result = cli.run_wtdc()
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("usage: wtdc ")
    assert result.stderr == cli.help_text(())


def test_unknown_subcommand() -> None:
    result = cli.run_wtdc("frobnicate")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("wtdc: ")
    assert result.stderr.count("\n") == 1


def test_diff_exit_status(workspace: dict[str, Path]) -> None:
    old, new = str(workspace["good_old"]), str(workspace["good_new"])
    # A text without WTDC structure is compared paragraph by paragraph, with one warning.
    plain = ("wtdc: warning: {}: holds no WTDC document heading (RESOLUTION, QUESTION, "
             "DECLARATION, …); read as 2 paragraphs\n")
    same = cli.run_wtdc("diff", old, old)
    assert (same.returncode, same.stdout, same.stderr) == (0, f"{old} and {old} are identical\n",
                                                           plain.format(old) * 2)
    different = cli.run_wtdc("diff", old, new)
    assert (different.returncode, different.stderr) == (1, plain.format(old) + plain.format(new))
    assert "Older [-people-]{+persons+} live here." in different.stdout
