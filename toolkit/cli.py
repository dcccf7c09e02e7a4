"""The `wtdc` command line: arguments → keywords of one command function, then output.

Each sub-command's parser names a function of `toolkit.commands` (imported only when that
sub-command runs, so that `wtdc --help` loads none of the stages) and its options' `dest`
names are that function's keywords: an option is one `add_argument` here and one keyword
there. Exit status follows `diff`: 0 same / success, 1 different (or a failed check),
2 trouble.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from toolkit.errors import ToolkitError
from toolkit.files import atomic_write_bytes, atomic_write_text
from toolkit.messages import summarise

if TYPE_CHECKING:
    from toolkit.commands.outcome import Outcome

    Subparsers = argparse._SubParsersAction[Any]

# Each section below defines `_register_<name>(sub)`, which adds its sub-commands (naming
# with `_runs` the command function that executes each), and appends it here.
REGISTRARS: list[Callable[[Subparsers], None]] = []

# Formats that are never written to standard output: refused before any work without -o.
_BINARY = frozenset({"docx", "parquet"})
# Namespace entries that wire the parser, not options of a command function.
_WIRING = frozenset({"command", "corpus_command", "patch_command", "run", "output"})


def _runs(parser: argparse.ArgumentParser, function: str, **defaults: Any) -> None:
    """`parser` runs `toolkit.commands.<module>.<name>` ("diff.run_diff"); `defaults` are
    keywords the command line fills in itself (`color`, `progress`: see `_terminal`)."""
    parser.set_defaults(run=function, **defaults)


def _pretty(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pretty", action="store_true",
                        help="indented JSON (the default on a terminal; compact otherwise)")


def _fail(message: str) -> int:
    print(f"wtdc: {message}", file=sys.stderr)
    return 2


def _warn(message: str) -> None:
    print(f"wtdc: warning: {message}", file=sys.stderr)


def _strict(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="refuse a file whose layout needs a best guess (an unknown "
                        "heading, a title or heading on two paragraphs, a document twice) "
                        "instead of reading it with a warning")


def _ignore(parser: argparse.ArgumentParser, *aliases: str, listing: str = "") -> None:
    parser.add_argument(
        "--ignore", *aliases, metavar="KINDS", action="append", default=[],
        help=f"{listing}set these kinds of change aside, as git's -w sets spacing aside "
        "(comma-separated, repeatable): typography (punctuation, quotes, dashes, spacing), "
        "labels (relettering, renumbering), references (refreshed editions: Rev. Dubai, "
        "2018 → Rev. Bucharest, 2022), case, whitespace. A new label alone never makes a "
        "clause changed; with labels ignored it is not even reported",
    )


def _emit(output: str | bytes, path: str | None) -> None:
    """Standard output, or the file named with -o, written atomically (never half-written)."""
    if path is None:
        assert isinstance(output, str)  # binary formats without -o are refused by `_run`
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    if isinstance(output, bytes):
        atomic_write_bytes(path, output)
    else:
        atomic_write_text(path, output)


def _terminal(args: argparse.Namespace) -> None:
    """Fill in what depends on where the output goes: indented JSON and colour for a person
    at a terminal, a progress bar when stderr is one."""
    to_terminal = getattr(args, "output", None) is None and sys.stdout.isatty()
    if "pretty" in vars(args):
        args.pretty = args.pretty or to_terminal
    if "color" in vars(args):
        args.color = to_terminal and not os.environ.get("NO_COLOR")
    if "progress" in vars(args):
        args.progress = sys.stderr.isatty()


def _run(args: argparse.Namespace) -> int:
    module, name = args.run.rsplit(".", 1)
    command: Callable[..., Outcome] = getattr(
        importlib.import_module(f"toolkit.commands.{module}"), name
    )
    _terminal(args)
    path = getattr(args, "output", None)
    if path is None and getattr(args, "format", None) in _BINARY:
        return _fail(f"--format {args.format} writes binary data; give a file with -o FILE")
    outcome = command(**{k: v for k, v in vars(args).items() if k not in _WIRING})
    _emit(outcome.output, path)
    # After the output is written, so that a failed write is one line alone; ten at most,
    # then a count (the JSON formats keep them all).
    for warning in summarise(outcome.warnings):
        _warn(warning)
    if outcome.message is not None:
        to_stderr = outcome.message_to_stderr and path is None
        print(outcome.message, file=sys.stderr if to_stderr else sys.stdout)
    return outcome.status


# --- corpus ---------------------------------------------------------------------------

# Registrars of the `wtdc corpus …` sub-commands; other sections append theirs (e.g. `check`).
CORPUS_COMMANDS: list[Callable[[Subparsers], None]] = []


def _register_corpus(sub: Subparsers) -> None:
    corpus = sub.add_parser(
        "corpus",
        help="list, verify, add, remove or fetch the texts the toolkit runs on",
        description="The corpus: corpora/manifest.toml and its files (or $WTDC_CORPUS).",
    )
    commands = corpus.add_subparsers(dest="corpus_command", metavar="COMMAND", required=True)
    for register in CORPUS_COMMANDS:
        register(commands)


def _register_corpus_commands(
    commands: Subparsers,
) -> None:
    listing = commands.add_parser("list", help="the files of the corpus, by edition and kind")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    _pretty(listing)
    _runs(listing, "corpus.run_corpus_list")

    verify = commands.add_parser(
        "verify",
        help="check every file against its sha256 in the manifest",
        description="Exit status: 0 all files match, 1 a file is changed or missing "
        "(one line each), 2 trouble.",
    )
    _runs(verify, "corpus.run_corpus_verify")

    add = commands.add_parser(
        "add",
        help="copy a file into the corpus and record it",
        description="Read and parse PATH, copy it into the corpus and record it in the "
        "manifest. Refuses a file no command could use (unreadable, or without any WTDC "
        "document), a --kind final-report that lacks the declaration, the resolutions or the "
        "status table (unless --force), and an unknown edition. The same file again is not "
        "an error.",
    )
    add.add_argument("path", metavar="PATH", help="a .txt, .md, .html, .docx or .pdf file")
    add.add_argument("--edition", required=True, help="e.g. kigali-2022 (see `wtdc corpus list`)")
    add.add_argument("--kind", required=True,
                     help="final-report, declaration, regional-initiatives, resolution or other")
    add.add_argument("--title", help="default: the kind, edition and file name")
    add.add_argument("--source", help="where the file came from (default: its name and today)")
    add.add_argument("--force", action="store_true",
                     help="take a --kind final-report that lacks a part of one")
    _runs(add, "corpus.run_corpus_add")

    remove = commands.add_parser(
        "remove",
        help="take an entry out of the corpus (manifest line and file)",
        description="Remove entry ID (see `wtdc corpus list`) from the manifest, then "
        "delete its file from the corpus folder.",
    )
    remove.add_argument("entry", metavar="ID", help="an entry id, e.g. kigali-2022-final-report")
    _runs(remove, "corpus.run_corpus_remove")

    fetch = commands.add_parser(
        "fetch",
        help="download an edition's official final report into the corpus",
        description="Download from the URL recorded in toolkit/corpus/editions.toml. Without "
        "network, says what to download and the `wtdc corpus add` command to run.",
    )
    fetch.add_argument("edition", metavar="EDITION", help="e.g. kigali-2022")
    _runs(fetch, "corpus.run_corpus_fetch")


CORPUS_COMMANDS.append(_register_corpus_commands)
REGISTRARS.append(_register_corpus)


# --- parse / lineage ------------------------------------------------------------------

_SOURCE_HELP = (
    "a file (.txt .md .html .docx .pdf), - for stdin, an edition (baku-2025) or "
    "EDITION:DOC (baku-2025:res-37, baku-2025:ri-asp)"
)


def _register_parse(sub: Subparsers) -> None:
    parse = sub.add_parser(
        "parse",
        help="a WTDC text as documents, sections and clauses",
        description="Print one record per clause: document, section, label, text, footnotes "
        "and source lines. JSON follows toolkit/parse/schemas/clauses.schema.json.",
    )
    parse.add_argument("source", metavar="SOURCE", help=_SOURCE_HELP)
    parse.add_argument("--doc", metavar="ID",
                       help="only this document: declaration, action-plan, ri-asp1, ri-asp "
                       "(a region), res-37, rec-19, q-1-1")
    parse.add_argument("--format", choices=("table", "json", "csv", "parquet"), default="table")
    parse.add_argument("--docx-view", choices=("accepted", "original"), default="accepted",
                       help="a Word file's tracked changes: accepted (default) or the text "
                       "before them")
    parse.add_argument("-o", "--output", metavar="FILE",
                       help="write here (atomically), not stdout; required for parquet")
    _pretty(parse)
    _strict(parse)
    _runs(parse, "parse.run_parse")

    lineage = sub.add_parser(
        "lineage",
        help="what Baku did to each resolution and Recommendation, and its prior edition",
        description="Every row of the status table of the Baku final report (all "
        "resolutions, Recommendations and decisions a WTDC adopted), with what Baku did to "
        "each: new, revised, unchanged, abrogated (null for texts gone before Baku). JSON "
        "follows toolkit/parse/schemas/lineage.schema.json.",
    )
    lineage.add_argument("--format", choices=("table", "json"), default="table")
    lineage.add_argument("--in-force", action="store_true",
                         help="only the resolutions and Recommendations in force after Baku")
    _pretty(lineage)
    _runs(lineage, "parse.run_lineage")


def _register_corpus_check(commands: Subparsers) -> None:
    check = commands.add_parser(
        "check",
        help="status table versus texts: in force without text, text without a row",
        description="Cross-check the Baku status table against the texts the corpus holds. "
        "A report: exit 0 whatever it finds (2 on trouble).",
    )
    check.add_argument("--format", choices=("table", "json"), default="table")
    _pretty(check)
    _runs(check, "corpus.run_corpus_check")


REGISTRARS.append(_register_parse)
CORPUS_COMMANDS.append(_register_corpus_check)


# --- diff / patch ---------------------------------------------------------------------

_SPEC_HELP = "a file (.txt .md .html .docx .pdf), EDITION:DOC (baku-2025:res-37) or - for stdin"


def _register_diff(sub: Subparsers) -> None:
    p = sub.add_parser(
        "diff",
        help="clause-aware word diff of two texts",
        description="Compare two texts clause by clause, word by word. Exit status: "
        "0 identical, 1 different, 2 trouble.",
    )
    p.add_argument("old", metavar="OLD", help=_SPEC_HELP)
    p.add_argument("new", metavar="NEW", help=_SPEC_HELP)
    p.add_argument("--format", choices=("text", "html", "json", "patch", "docx"),
                   default="text",
                   help="text: inline [-deleted-]{+inserted+} (default); html: a "
                   "self-contained page; json: see toolkit/diff/diff.schema.json; patch: "
                   "diff-match-patch patch text (see `wtdc patch apply`); docx: a Word file "
                   "with every change a tracked revision (needs -o FILE.docx)")
    p.add_argument("--stat", action="store_true",
                   help="only count clauses by status and words added/removed")
    p.add_argument("--granularity", choices=("word", "char"), default="word")
    _ignore(p)
    for kind in ("case", "whitespace", "labels"):
        p.add_argument(f"--ignore-{kind}", dest="ignore", action="append_const", const=kind,
                       help=f"the same as --ignore {kind}")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically), not stdout")
    _pretty(p)
    _strict(p)
    _runs(p, "diff.run_diff", color=False, progress=False)

    patch = sub.add_parser("patch", help="apply a patch made by `wtdc diff --format patch`")
    patch_sub = patch.add_subparsers(dest="patch_command", metavar="COMMAND", required=True)
    apply = patch_sub.add_parser("apply", help="rebuild NEW from OLD and the patch",
                                 description="Apply PATCHFILE to OLD and print the result. "
                                 "Exit status: 0 applied, 2 trouble (a hunk does not apply).")
    apply.add_argument("old", metavar="OLD", help=_SPEC_HELP)
    apply.add_argument("patch", metavar="PATCHFILE")
    apply.add_argument("-o", "--output", metavar="FILE", help="write here (atomically)")
    _runs(apply, "diff.run_patch_apply")


REGISTRARS.append(_register_diff)


# --- align / history ------------------------------------------------------------------

_ALIGN_SPEC_HELP = (
    "an edition id (kigali-2022), a file (.txt .md .html .docx .pdf), EDITION:DOC "
    "(baku-2025:res-37) or - for stdin"
)


def _register_align(sub: Subparsers) -> None:
    p = sub.add_parser(
        "align",
        help="which clause of OLD became which clause of NEW",
        description="Align two editions, two files or two EDITION:DOC references clause by "
        "clause: unchanged, edited, moved, inserted, deleted, split, merged. Exit status: "
        "0 nothing changed (or only what --ignore sets aside), 1 changes, 2 trouble.",
    )
    p.add_argument("old", metavar="OLD", help=_ALIGN_SPEC_HELP)
    p.add_argument("new", metavar="NEW", help=_ALIGN_SPEC_HELP)
    p.add_argument("--format", choices=("table", "json", "html"), default="table",
                   help="table (default); json: see toolkit/align/align.schema.json; html: "
                   "a self-contained side-by-side page (statuses and ITU marks)")
    _ignore(p, "--hide", listing="leave out pairs whose only changes are of these kinds "
            "and ")
    p.add_argument("--marks", action="store_true",
                   help="ITU proposal marks (ADD, MOD, NOC, SUP) instead of statuses")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically), not stdout")
    _pretty(p)
    _strict(p)
    _runs(p, "align.run_align")

    h = sub.add_parser(
        "history",
        help="each clause's story across every edition the corpus holds",
        description="Chain the alignments of DOC (res-37, q-1-1, ri-asp1, declaration) "
        "across the editions in the corpus: a stable id per clause, the edition that "
        "introduced it and the one that last amended it.",
    )
    h.add_argument("doc", metavar="DOC", help="a document id, e.g. res-37")
    h.add_argument("--format", choices=("table", "csv", "json"), default="table")
    h.add_argument("-o", "--output", metavar="FILE", help="write here (atomically), not stdout")
    _runs(h, "align.run_history")


REGISTRARS.append(_register_align)


# --- terms / regions ------------------------------------------------------------------

_MEASURE_SOURCE = (
    "a file, - for stdin, an edition (baku-2025) or EDITION:DOC (baku-2025:res-37, "
    "baku-2025:ri-asp)"
)


def _measure_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kwic", metavar="THEME",
                   help="list every match behind THEME's counts, in context, instead")
    p.add_argument("--lexicon", metavar="FILE",
                   help="a TOML file of themes that extends or overrides the shipped lexicon")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--plot", metavar="FILE",
                   help="also draw the chart into FILE.png or FILE.svg (written atomically)")


def _register_terms(sub: Subparsers) -> None:
    terms = sub.add_parser(
        "terms",
        help="how much more or less NEW speaks of each theme (or word) than OLD",
        description="Theme counts and rates per 10,000 tokens on both sides, the rate ratio "
        "NEW/OLD with its 95% Wilson interval and a bootstrap interval over whole documents, "
        "the conservative log-ratio (LRC) and the weighted log-odds z-score (Monroe et al. "
        "2008). JSON follows toolkit/measure/schemas/terms.schema.json (words.schema.json "
        "with --words or --bigrams, edits.schema.json with --edits).",
    )
    terms.add_argument("old", metavar="OLD", nargs="?", help=f"{_MEASURE_SOURCE}; left out "
                       "with --themes")
    terms.add_argument("new", metavar="NEW", nargs="?",
                       help=f"{_MEASURE_SOURCE}; may be left out with --kwic")
    level = terms.add_mutually_exclusive_group()
    level.add_argument("--words", action="store_true", help="top rising and falling words")
    level.add_argument("--bigrams", action="store_true", help="top rising and falling bigrams")
    level.add_argument("--themes", action="store_true", help="list the lexicon's themes (id, "
                       "label, patterns, source), with those of --lexicon, instead")
    level.add_argument("--edits", action="store_true",
                       help="align OLD with NEW and split each theme's counts into text kept, "
                       "inserted or deleted in edited clauses, whole clauses and documents")
    terms.add_argument("--top", type=int, default=20, metavar="N",
                       help="rising and falling words to show, each (default 20)")
    terms.add_argument("--unit", choices=("document", "clause"), default="document",
                       help="what the bootstrap resamples (default: document)")
    terms.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    _measure_options(terms)
    _runs(terms, "measure.run_terms")

    regions = sub.add_parser(
        "regions",
        help="which region stresses which theme in its regional initiatives",
        description="Region × theme rates per 10,000 tokens with 95% Poisson intervals, "
        "one-vs-rest log-odds z-scores and the number of the region's initiatives that "
        "mention the theme. --within compares preamble with operative text, or resolutions "
        "revised at the edition with those left unchanged. JSON follows "
        "toolkit/measure/schemas/regions.schema.json (terms.schema.json with --within).",
    )
    regions.add_argument("edition", metavar="EDITION", nargs="?", default="baku-2025",
                         help="an edition or a final report file (default: baku-2025)")
    regions.add_argument("--within", choices=("sections", "revision"),
                         help="sections: preamble → operative; revision: unchanged → revised "
                         "resolutions (as theme shifts)")
    regions.add_argument("--value", choices=("rate", "z"), default="rate",
                         help="what the heatmap of --plot shows (default: rate)")
    _measure_options(regions)
    _runs(regions, "measure.run_regions")


REGISTRARS.append(_register_terms)


# --- report ---------------------------------------------------------------------------

def _register_report(sub: Subparsers) -> None:
    p = sub.add_parser(
        "report",
        help="write the HTML comparison report (with its tables as CSV and JSON)",
        description="Write reports/<name>/index.html: overview and lineage, redlines, term "
        "shifts, regional emphasis and methods, plus every table as CSV and JSON.",
    )
    p.add_argument("--old", metavar="EDITION", default=None,
                   help="prior edition to compare against (e.g. kigali-2022); it must be in "
                   "the corpus (default: the real earlier texts the corpus holds)")
    p.add_argument("--new", metavar="EDITION", default="baku-2025",
                   help="edition to report on (default: baku-2025)")
    p.add_argument("-o", "--output", metavar="DIR", dest="out_dir", default=None,
                   help="report directory (default: reports/<name>/)")
    p.add_argument("--docx", action="store_true",
                   help="also write each redline as a Word file with tracked changes, linked "
                   "from the page")
    _ignore(p, listing="in the redlines, ")
    _runs(p, "report.run_report", progress=False)


REGISTRARS.append(_register_report)


# --- wiring ---------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    """Usage errors in the house style: one `wtdc:` line naming the help to read, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"wtdc: {message}; see '{self.prog} --help'\n")


class _Version(argparse.Action):
    """--version, read from the installed package's metadata only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> NoReturn:
        from toolkit.version import __version__

        print(f"wtdc {__version__}")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    """The `wtdc` parser with every registered sub-command."""
    # Sub-parsers are made with the class of their parent, so all of them inherit `error`.
    parser = _Parser(
        prog="wtdc",
        description="Compare editions of ITU WTDC resolutions, clause by clause.",
    )
    parser.add_argument("--version", action=_Version, help="show program's version number and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `wtdc ARGV`; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return _run(args)
    except ToolkitError as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader went away (`wtdc lineage | head -c1`): stop quietly, as a C tool killed
        # by SIGPIPE would, with its status (128 + 13). Standard output is pointed at
        # /dev/null so that Python's flush at exit does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as error:
        # The library turns the file errors it expects into ToolkitErrors; this net keeps any
        # other one (a full disk, a vanished folder) to the promised single line.
        where = f"{error.filename}: " if error.filename else ""
        return _fail(f"{where}{error.strerror or error}; check the path and try again")
    except KeyboardInterrupt:
        return 130
