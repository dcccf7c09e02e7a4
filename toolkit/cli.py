"""The `wtdc` command line: argument parsing and output only; every command calls the library.

Exit status follows `diff`: 0 same / success, 1 different (or a failed check), 2 trouble.
Heavy libraries are imported inside the command functions so that start-up stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from toolkit import __version__
from toolkit.errors import ToolkitError

Command = Callable[[argparse.Namespace], int]
SubParsers = "argparse._SubParsersAction[argparse.ArgumentParser]"

# Each section below defines `_register_<name>(sub)`, which adds its sub-commands (setting
# `run=` to the function that executes it), and appends it here.
REGISTRARS: list[Callable[..., None]] = []


def _fail(message: str) -> int:
    print(f"wtdc: {message}", file=sys.stderr)
    return 2


# --- corpus ---------------------------------------------------------------------------


# --- parse / lineage ------------------------------------------------------------------


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


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from toolkit.files import atomic_write_text

        atomic_write_text(output, text)


def _cmd_diff(args: argparse.Namespace) -> int:
    import os

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
    _emit(result.output, args.output)
    if result.identical:
        # Machine formats keep stdout parseable; the note goes to stderr for them.
        quiet_stdout = args.output is None and args.format != "text" and not args.stat
        print(f"{args.old} and {args.new} are identical",
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
    _emit(apply_patch(full_text(args.old), patch), args.output)
    return 0


REGISTRARS.append(_register_diff)


# --- align / history ------------------------------------------------------------------


# --- terms / regions ------------------------------------------------------------------


# --- report ---------------------------------------------------------------------------


# --- wiring ---------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `wtdc diff … | head`); that is not an error of ours.
        sys.stderr.close()
        return 0
