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
