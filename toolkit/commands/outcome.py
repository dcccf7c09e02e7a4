"""What a command hands back to the command line: output, exit status and warnings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

# Exit status follows `diff`: 0 same or success, 1 different (or a failed check).
Status = Literal[0, 1]
Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is being done)


@dataclass(frozen=True)
class Outcome:
    """`output` goes to standard output or the -o file; `message` is a line for the reader
    after it (on stderr with `message_to_stderr`, so that machine output stays parseable)."""

    output: str | bytes = ""
    status: Status = 0
    warnings: tuple[str, ...] = ()
    message: str | None = None
    message_to_stderr: bool = False


@contextmanager
def progress_bar(show: bool, what: str) -> Iterator[Progress]:
    """A rich progress bar on stderr when `show`; nothing (and no rich import) otherwise."""
    if not show:
        yield lambda done, total, step: None
        return
    from rich.console import Console  # only on a terminal: rich costs start-up time
    from rich.progress import Progress as Bar

    # On stderr, so that stdout holds only the output even when both are a terminal.
    with Bar(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=None)

        def report(done: int, total: int, step: str) -> None:
            bar.update(task, completed=done, total=total, description=step)

        yield report
