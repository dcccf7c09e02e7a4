"""The `wtdc` command line: argument parsing and output only; every command calls the library.

Exit status follows `diff`: 0 same / success, 1 different (or a failed check), 2 trouble.
Heavy libraries are imported inside the command functions so that start-up stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from toolkit import __version__
from toolkit.errors import ToolkitError

Command = Callable[[argparse.Namespace], int]

# Each section below defines `_register_<name>(sub)`, which adds its sub-commands (setting
# `run=` to the function that executes it), and appends it here.
REGISTRARS: list[Callable[..., None]] = []


def _fail(message: str) -> int:
    print(f"wtdc: {message}", file=sys.stderr)
    return 2


def _warn(message: str) -> None:
    print(f"wtdc: warning: {message}", file=sys.stderr)


def _emit(output: str | bytes, path: str | None) -> None:
    """Standard output, or the file named with -o, written atomically (never half-written)."""
    if path is None:
        assert isinstance(output, str)  # binary formats require -o (checked by the command)
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    from toolkit.files import atomic_write_bytes, atomic_write_text

    if isinstance(output, bytes):
        atomic_write_bytes(path, output)
    else:
        atomic_write_text(path, output)


# --- corpus ---------------------------------------------------------------------------

# Registrars of the `wtdc corpus …` sub-commands; other sections append theirs (e.g. `check`).
CORPUS_COMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []


def _register_corpus(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    corpus = sub.add_parser(
        "corpus",
        help="list, verify, add or fetch the texts the toolkit runs on",
        description="The corpus: corpora/manifest.toml and its files (or $WTDC_CORPUS).",
    )
    commands = corpus.add_subparsers(dest="corpus_command", metavar="COMMAND", required=True)
    for register in CORPUS_COMMANDS:
        register(commands)


def _register_corpus_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    listing = commands.add_parser("list", help="the files of the corpus, by edition and kind")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(run=_cmd_corpus_list)

    verify = commands.add_parser(
        "verify",
        help="check every file against its sha256 in the manifest",
        description="Exit status: 0 all files match, 1 a file is changed or missing "
        "(one line each), 2 trouble.",
    )
    verify.set_defaults(run=_cmd_corpus_verify)

    add = commands.add_parser(
        "add",
        help="copy a file into the corpus and record it",
        description="Read PATH (refusing an unreadable file), copy it into the corpus and "
        "record it in the manifest; refuses a file already there and an unknown edition.",
    )
    add.add_argument("path", metavar="PATH", help="a .txt, .md, .html, .docx or .pdf file")
    add.add_argument("--edition", required=True, help="e.g. kigali-2022 (see `wtdc corpus list`)")
    add.add_argument("--kind", required=True,
                     help="final-report, declaration, regional-initiatives, resolution or other")
    add.add_argument("--title", help="default: the kind, edition and file name")
    add.add_argument("--source", help="where the file came from (default: its name and today)")
    add.set_defaults(run=_cmd_corpus_add)

    fetch = commands.add_parser(
        "fetch",
        help="download an edition's official final report into the corpus",
        description="Download from the URL recorded in toolkit/corpus/editions.toml. Without "
        "network, says what to download and the `wtdc corpus add` command to run.",
    )
    fetch.add_argument("edition", metavar="EDITION", help="e.g. kigali-2022")
    fetch.set_defaults(run=_cmd_corpus_fetch)


def _cmd_corpus_list(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from toolkit.corpus import open_corpus
    from toolkit.render.text import text_table

    corpus = open_corpus()
    if args.format == "json":
        records = [asdict(entry) | {"path": str(entry.path)} for entry in corpus.entries]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    rows = [(e.id, e.edition, e.kind, e.stage, e.format, e.title) for e in corpus.entries]
    sys.stdout.write(text_table(("ID", "EDITION", "KIND", "STAGE", "FORMAT", "TITLE"), rows))
    missing = corpus.missing_final_reports()
    if missing:
        print(f"no final report yet for: {', '.join(missing)} "
              "(wtdc corpus fetch EDITION, or wtdc corpus add PATH --edition EDITION "
              "--kind final-report)")
    return 0


def _cmd_corpus_verify(args: argparse.Namespace) -> int:
    from toolkit.corpus import open_corpus

    corpus = open_corpus()
    problems = corpus.verify()
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"ok: {len(corpus.entries)} files match {corpus.root / 'manifest.toml'}")
    return 0


def _cmd_corpus_add(args: argparse.Namespace) -> int:
    from toolkit.corpus import open_corpus

    entry = open_corpus().add(
        args.path, edition=args.edition, kind=args.kind, title=args.title, source=args.source
    )
    print(f"added {entry.id} ({entry.edition}, {entry.kind}, {entry.format}): {entry.path}")
    return 0


def _cmd_corpus_fetch(args: argparse.Namespace) -> int:
    from toolkit.corpus import open_corpus

    entry = open_corpus().fetch(args.edition)
    print(f"fetched {entry.id} ({entry.edition}, {entry.format}): {entry.path}")
    return 0


CORPUS_COMMANDS.append(_register_corpus_commands)
REGISTRARS.append(_register_corpus)


# --- parse / lineage ------------------------------------------------------------------

_SOURCE_HELP = (
    "a file (.txt .md .html .docx .pdf), - for stdin, an edition (baku-2025) or "
    "EDITION:DOC (baku-2025:res-37, baku-2025:ri-asp)"
)


def _register_parse(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    parse.set_defaults(run=_cmd_parse)

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
    lineage.set_defaults(run=_cmd_lineage)


def _register_corpus_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="status table versus texts: in force without text, text without a row",
        description="Cross-check the Baku status table against the texts the corpus holds. "
        "A report: exit 0 whatever it finds (2 on trouble).",
    )
    check.add_argument("--format", choices=("table", "json"), default="table")
    check.set_defaults(run=_cmd_corpus_check)


def _cmd_parse(args: argparse.Namespace) -> int:
    import json

    from toolkit.corpus.resolve import resolve_with_summary
    from toolkit.ingest.layout import summary_line
    from toolkit.parse.output import clauses_output

    if args.format == "parquet" and args.output is None:
        return _fail("--format parquet writes binary data; give a file with -o FILE")
    documents, warnings, summary = resolve_with_summary(args.source, doc=args.doc,
                                                        docx_view=args.docx_view)
    for warning in warnings:
        _warn(warning)
    if summary is not None:  # what reading the file cleaned, as JSON beside JSON output
        print(f"wtdc: {json.dumps(summary) if args.format == 'json' else summary_line(summary)}",
              file=sys.stderr)
    _emit(clauses_output(documents, format=args.format), args.output)
    return 0


def _cmd_lineage(args: argparse.Namespace) -> int:
    from toolkit.corpus.resolve import edition_lineage
    from toolkit.parse.output import lineage_output

    lineage = edition_lineage()
    sys.stdout.write(lineage_output(lineage.in_force if args.in_force else lineage.rows,
                                    format=args.format))
    return 0


def _cmd_corpus_check(args: argparse.Namespace) -> int:
    from toolkit.corpus.resolve import corpus_check
    from toolkit.parse.output import check_output

    sys.stdout.write(check_output(corpus_check(), format=args.format))
    return 0


REGISTRARS.append(_register_parse)
CORPUS_COMMANDS.append(_register_corpus_check)


# --- diff / patch ---------------------------------------------------------------------

_SPEC_HELP = "a file (.txt .md .html .docx .pdf), EDITION:DOC (baku-2025:res-37) or - for stdin"


def _register_diff(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "diff",
        help="clause-aware word diff of two texts",
        description="Compare two texts clause by clause, word by word. Exit status: "
        "0 identical, 1 different, 2 trouble.",
    )
    p.add_argument("old", metavar="OLD", help=_SPEC_HELP)
    p.add_argument("new", metavar="NEW", help=_SPEC_HELP)
    p.add_argument("--format", choices=("text", "html", "json", "patch"), default="text",
                   help="text: inline [-deleted-]{+inserted+} (default); html: a "
                   "self-contained page; json: see toolkit/diff/diff.schema.json; patch: "
                   "diff-match-patch patch text (see `wtdc patch apply`)")
    p.add_argument("--stat", action="store_true",
                   help="only count clauses by status and words added/removed")
    p.add_argument("--granularity", choices=("word", "char"), default="word")
    p.add_argument("--ignore-case", action="store_true")
    p.add_argument("--ignore-whitespace", action="store_true")
    p.add_argument("--ignore-labels", action="store_true",
                   help="relettering or renumbering alone is not a change")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically), not stdout")
    p.set_defaults(run=_cmd_diff)

    patch = sub.add_parser("patch", help="apply a patch made by `wtdc diff --format patch`")
    patch_sub = patch.add_subparsers(dest="patch_command", metavar="COMMAND", required=True)
    apply = patch_sub.add_parser("apply", help="rebuild NEW from OLD and the patch",
                                 description="Apply PATCHFILE to OLD and print the result. "
                                 "Exit status: 0 applied, 2 trouble (a hunk does not apply).")
    apply.add_argument("old", metavar="OLD", help=_SPEC_HELP)
    apply.add_argument("patch", metavar="PATCHFILE")
    apply.add_argument("-o", "--output", metavar="FILE", help="write here (atomically)")
    apply.set_defaults(run=_cmd_patch_apply)


def _cmd_diff(args: argparse.Namespace) -> int:
    import os

    # Before numpy loads: the diff does no linear algebra, and starting BLAS worker threads
    # costs ~0.08 s of the < 1 s a whole-report diff has.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from toolkit.diff.run import run_diff

    if args.old == "-" and args.new == "-":
        return _fail("OLD and NEW cannot both be standard input; give a file for one of them")
    to_terminal = args.output is None and sys.stdout.isatty()
    result = run_diff(
        args.old,
        args.new,
        format=args.format,
        stat=args.stat,
        granularity=args.granularity,
        ignore_case=args.ignore_case,
        ignore_whitespace=args.ignore_whitespace,
        ignore_labels=args.ignore_labels,
        color=to_terminal and not os.environ.get("NO_COLOR"),
        progress=sys.stderr.isatty(),
    )
    for warning in result.warnings:
        _warn(warning)
    _emit(result.output, args.output)
    if result.identical:
        # Machine formats keep stdout parseable; the note goes to stderr for them.
        quiet_stdout = args.output is None and args.format != "text" and not args.stat
        ignored = [name for name, on in (("case", args.ignore_case),
                                         ("whitespace", args.ignore_whitespace),
                                         ("labels", args.ignore_labels)) if on]
        # "identical, ignoring labels": say what was set aside, so the 0 is not misread.
        listed = " and ".join([", ".join(ignored[:-1]), ignored[-1]] if ignored[:-1] else ignored)
        but = f", ignoring {listed}" if ignored else ""
        print(f"{args.old} and {args.new} are identical{but}",
              file=sys.stderr if quiet_stdout else sys.stdout)
        return 0
    return 1


def _cmd_patch_apply(args: argparse.Namespace) -> int:
    from pathlib import Path

    from toolkit.diff import apply_patch
    from toolkit.diff.texts import full_text

    try:
        patch = Path(args.patch).read_text(encoding="utf-8")
    except FileNotFoundError:
        return _fail(f"{args.patch}: no such file; check the path of the patch")
    except (OSError, UnicodeDecodeError) as error:
        return _fail(f"{args.patch}: cannot be read as a UTF-8 patch ({error}); "
                     "make one with: wtdc diff OLD NEW --format patch")
    notes: list[str] = []
    old_text = full_text(args.old, notes)
    for note in notes:
        _warn(note)
    _emit(apply_patch(old_text, patch, name=args.patch), args.output)
    return 0


REGISTRARS.append(_register_diff)


# --- align / history ------------------------------------------------------------------

_ALIGN_SPEC_HELP = (
    "an edition id (kigali-2022), a file (.txt .md .html .docx .pdf), EDITION:DOC "
    "(baku-2025:res-37) or - for stdin"
)


def _register_align(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "align",
        help="which clause of OLD became which clause of NEW",
        description="Align two editions, two files or two EDITION:DOC references clause by "
        "clause: unchanged, edited, moved, inserted, deleted, split, merged. Exit status: "
        "0 nothing changed (or only what --hide leaves out), 1 changes, 2 trouble.",
    )
    p.add_argument("old", metavar="OLD", help=_ALIGN_SPEC_HELP)
    p.add_argument("new", metavar="NEW", help=_ALIGN_SPEC_HELP)
    p.add_argument("--format", choices=("table", "json", "html"), default="table",
                   help="table (default); json: see toolkit/align/align.schema.json; html: "
                   "a self-contained side-by-side page (statuses, not --marks)")
    p.add_argument("--hide", metavar="KINDS", default="",
                   help="leave out pairs whose only changes are of these kinds, comma-"
                   "separated: references, labels, typography")
    p.add_argument("--marks", action="store_true",
                   help="ITU proposal marks (ADD, MOD, NOC, SUP) instead of statuses")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically), not stdout")
    p.set_defaults(run=_cmd_align)

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
    h.set_defaults(run=_cmd_history)


def _cmd_align(args: argparse.Namespace) -> int:
    import json

    from toolkit.align.kinds import CHANGE_KINDS
    from toolkit.align.output import (
        align_specs,
        alignments_dict,
        changed,
        edition_titles,
        render_html,
        render_table,
    )

    hide = {k.strip() for k in args.hide.split(",") if k.strip()}
    unknown = sorted(hide - set(CHANGE_KINDS))
    if unknown:
        return _fail(f"--hide: unknown kind {', '.join(unknown)}; "
                     f"choose among {', '.join(CHANGE_KINDS)}")
    if args.old == "-" and args.new == "-":
        return _fail("OLD and NEW cannot both be standard input; give a file for one of them")
    alignments, editions = align_specs(args.old, args.new)
    titles = edition_titles(args.old, args.new) if editions else None
    data = alignments_dict(
        alignments, editions=editions, hide=hide, marks=args.marks, titles=titles
    )
    if args.format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    elif args.format == "html":
        old_name, new_name = args.old, args.new
        if titles:  # the page names each edition's report, so a SIMULATED one says so
            old_name = f"{args.old} ({titles['old_edition']['title']})"
            new_name = f"{args.new} ({titles['new_edition']['title']})"
        text = render_html(alignments, old_name=old_name, new_name=new_name, hide=hide)
    else:
        text = render_table(data)
    _emit(text, args.output)
    return 1 if changed(alignments, hide=hide) else 0


def _cmd_history(args: argparse.Namespace) -> int:
    from toolkit.align.history import corpus_history, render_history

    frame = corpus_history(args.doc)
    _emit(render_history(frame, format=args.format), args.output)
    return 0


REGISTRARS.append(_register_align)


# --- terms / regions ------------------------------------------------------------------

from typing import TYPE_CHECKING  # noqa: E402 (this section's own; kept out of the shared header)

if TYPE_CHECKING:  # for annotations only: polars and matplotlib load inside the commands
    import polars as pl
    from matplotlib.axes import Axes

    from toolkit.measure import Lexicon

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


def _register_terms(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    terms = sub.add_parser(
        "terms",
        help="how much more or less NEW speaks of each theme (or word) than OLD",
        description="Theme counts and rates per 10,000 tokens on both sides, the rate ratio "
        "NEW/OLD with its 95% Wilson interval and a bootstrap interval over whole documents, "
        "the conservative log-ratio (LRC) and the weighted log-odds z-score (Monroe et al. "
        "2008). JSON follows toolkit/measure/schemas/terms.schema.json (words.schema.json "
        "with --words or --bigrams, edits.schema.json with --edits).",
    )
    terms.add_argument("old", metavar="OLD", help=_MEASURE_SOURCE)
    terms.add_argument("new", metavar="NEW", nargs="?",
                       help=f"{_MEASURE_SOURCE}; may be left out with --kwic")
    level = terms.add_mutually_exclusive_group()
    level.add_argument("--words", action="store_true", help="top rising and falling words")
    level.add_argument("--bigrams", action="store_true", help="top rising and falling bigrams")
    level.add_argument("--edits", action="store_true",
                       help="align OLD with NEW and split each theme's counts into text kept, "
                       "inserted or deleted in edited clauses, whole clauses and documents")
    terms.add_argument("--top", type=int, default=20, metavar="N",
                       help="rising and falling words to show, each (default 20)")
    terms.add_argument("--unit", choices=("document", "clause"), default="document",
                       help="what the bootstrap resamples (default: document)")
    terms.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    _measure_options(terms)
    terms.set_defaults(run=_cmd_terms)

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
    regions.set_defaults(run=_cmd_regions)


def _measure_output(
    frame: pl.DataFrame, fmt: str, table: Sequence[tuple[str, str]]
) -> None:
    from toolkit.measure.export import to_csv, to_json, to_table

    if fmt == "json":
        print(to_json(frame))
    elif fmt == "csv":
        sys.stdout.write(to_csv(frame))
    else:
        sys.stdout.write(to_table(frame, table))


def _measure_plot_format(path: str | None) -> str | None:
    """Checked before any work: a wrong --plot name must not cost a whole run first."""
    from pathlib import Path

    from toolkit.errors import InputError

    if path is None:
        return None
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise InputError(f"cannot draw a chart into '{path}'; name a .png or .svg file")
    try:
        is_dir = target.is_dir()
        blocking = next((p for p in target.parents if p.exists()), None)
    except OSError as error:  # a name too long, a path not allowed
        raise InputError(f"cannot draw a chart into '{path}' ({error.strerror}); choose "
                         "another path") from None
    if is_dir:
        raise InputError(f"cannot draw a chart into '{path}': it is a directory; name a file")
    if blocking is not None and not blocking.is_dir():
        raise InputError(f"cannot draw a chart into '{path}': {blocking} is a file, not a "
                         "directory; choose another path")
    return suffix[1:]


def _measure_plot(ax: Axes, path: str) -> None:
    import io

    from toolkit.files import atomic_write_bytes

    suffix = _measure_plot_format(path)
    buffer = io.BytesIO()
    figure = ax.get_figure(root=True)
    assert figure is not None  # every chart draws on an Axes of a Figure
    # "tight": a long title or tick label grows the image rather than being cut at its edge.
    figure.savefig(buffer, format=suffix, dpi=150, bbox_inches="tight")
    atomic_write_bytes(path, buffer.getvalue())  # an unwritable path is one OutputError


def _measure_kwic(
    sides: dict[str, pl.DataFrame], args: argparse.Namespace, lexicon: Lexicon
) -> int:
    import polars as pl

    from toolkit.measure import kwic
    from toolkit.measure.export import KWIC_TABLE

    listing = pl.concat([
        kwic(frame, lexicon, args.kwic).select(pl.lit(side).alias("side"), pl.all())
        for side, frame in sides.items()
    ])
    _measure_output(listing, args.format, KWIC_TABLE)
    return 0


def _cmd_terms(args: argparse.Namespace) -> int:
    from toolkit.corpus.resolve import resolve
    from toolkit.errors import InputError

    if args.new is None and not args.kwic:
        raise InputError("terms compares two texts (OLD NEW) and got one; give NEW too, or "
                         "--kwic THEME to list the matches in one text")
    # Inputs first, so that a bad path fails before the statistics stack is imported.
    _measure_plot_format(args.plot)
    old_docs = resolve(args.old)
    new_docs = resolve(args.new) if args.new is not None else ()

    import polars as pl

    from toolkit.measure import load_lexicon, term_shifts, word_shifts
    from toolkit.measure.export import TERMS_TABLE, WORDS_TABLE
    from toolkit.parse import clauses_frame
    from toolkit.render.charts import rate_ratio_chart, word_shift_chart

    lexicon = load_lexicon(args.lexicon)
    old = clauses_frame(old_docs)
    if args.kwic and not new_docs:
        return _measure_kwic({args.old: old}, args, lexicon)
    new = clauses_frame(new_docs)
    if args.kwic:
        return _measure_kwic({"old": old, "new": new}, args, lexicon)
    names = {"old_name": args.old, "new_name": args.new}
    if args.edits:
        from toolkit.align import align_documents
        from toolkit.measure import edit_shifts
        from toolkit.measure.export import EDITS_TABLE

        parts = edit_shifts(align_documents(old_docs, new_docs), lexicon)
        _measure_output(parts, args.format, EDITS_TABLE)
        return 0
    if args.words or args.bigrams:
        shifts = word_shifts(old, new, n=2 if args.bigrams else 1, top=args.top,
                             unit=args.unit, seed=args.seed)
        _measure_output(shifts.with_columns(theme=pl.col("term")).select("theme", pl.all()
                                                                         .exclude("theme")),
                        args.format, WORDS_TABLE)
        if args.plot:
            _measure_plot(word_shift_chart(shifts, **names), args.plot)
        return 0
    shifts = term_shifts(old, new, lexicon, unit=args.unit, seed=args.seed)
    _measure_output(shifts, args.format, TERMS_TABLE)
    if args.plot:
        _measure_plot(rate_ratio_chart(shifts, **names), args.plot)
    return 0


def _cmd_regions(args: argparse.Namespace) -> int:
    from toolkit.corpus.resolve import resolve

    _measure_plot_format(args.plot)
    documents = resolve(args.edition)

    from toolkit.measure import (
        load_lexicon,
        preamble_vs_operative,
        region_emphasis,
        revised_vs_unchanged,
    )
    from toolkit.measure.export import REGIONS_TABLE, TERMS_TABLE
    from toolkit.measure.regions import initiatives
    from toolkit.parse import clauses_frame
    from toolkit.render.charts import rate_ratio_chart, region_heatmap

    lexicon = load_lexicon(args.lexicon)
    clauses = clauses_frame(documents)
    if args.kwic:
        return _measure_kwic({args.edition: initiatives(clauses)}, args, lexicon)
    if args.within:
        compare = preamble_vs_operative if args.within == "sections" else revised_vs_unchanged
        shifts = compare(clauses, lexicon)
        _measure_output(shifts, args.format, TERMS_TABLE)
        if args.plot:
            sides = (("preamble", "operative") if args.within == "sections"
                     else ("unchanged resolutions", "revised resolutions"))
            _measure_plot(rate_ratio_chart(shifts, old_name=sides[0], new_name=sides[1]),
                          args.plot)
        return 0
    emphasis = region_emphasis(clauses, lexicon)
    _measure_output(emphasis, args.format, REGIONS_TABLE)
    if args.plot:
        heatmap = region_heatmap(emphasis, value="rate_per_10k" if args.value == "rate" else "z",
                                 edition_name=args.edition)
        _measure_plot(heatmap, args.plot)
    return 0


REGISTRARS.append(_register_terms)


# --- report ---------------------------------------------------------------------------

def _register_report(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    p.add_argument("-o", "--output", metavar="DIR", default=None,
                   help="report directory (default: reports/<name>/)")
    p.set_defaults(run=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from toolkit.render.report import build_report

    if not sys.stderr.isatty():
        page = build_report(old_edition=args.old, new_edition=args.new, out_dir=args.output)
    else:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("report", total=None)

            def progress(done: int, total: int, step: str) -> None:
                bar.update(task, completed=done, total=total, description=step)

            page = build_report(old_edition=args.old, new_edition=args.new,
                                out_dir=args.output, progress=progress)
    print(page)
    return 0


REGISTRARS.append(_register_report)


# --- wiring ---------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    """Usage errors in the house style: one `wtdc:` line naming the help to read, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"wtdc: {message}; see '{self.prog} --help'\n")


def build_parser() -> argparse.ArgumentParser:
    # Sub-parsers are made with the class of their parent, so all of them inherit `error`.
    parser = _Parser(
        prog="wtdc",
        description="Compare editions of ITU WTDC resolutions, clause by clause.",
    )
    parser.add_argument("--version", action="version", version=f"wtdc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Command | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return run(args)
    except ToolkitError as error:
        return _fail(str(error))
    except OSError as error:
        # The library turns the file errors it expects into ToolkitErrors; this net keeps any
        # other one (a full disk, a vanished folder) to the promised single line.
        where = f"{error.filename}: " if error.filename else ""
        return _fail(f"{where}{error.strerror or error}; check the path and try again")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `wtdc diff … | head`); that is not an error of ours.
        sys.stderr.close()
        return 0
