"""`wtdc diff` as one library call: resolve both arguments, diff, render in the asked format."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from toolkit.diff.words import Granularity

if TYPE_CHECKING:
    from toolkit.parse import Document

OutputFormat = Literal["text", "html", "json", "patch"]


@dataclass(frozen=True)
class DiffRun:
    output: str
    identical: bool
    warnings: tuple[str, ...] = ()  # e.g. a file read as cp1252 because it is not UTF-8


def _documents(spec: str, warnings: list[str], *, strict: bool) -> tuple[Document, ...]:
    """Like `resolve`, but what reading and parsing assumed is kept for the user."""
    if spec == "-" or Path(spec).exists():
        from toolkit.ingest import read_source
        from toolkit.parse import parse_source

        source = read_source(spec)
        parsed = parse_source(source, strict=strict)
        warnings.extend((*source.warnings, *parsed.warnings))
        return parsed.documents
    from toolkit.corpus.resolve import resolve_with_warnings

    documents, notes = resolve_with_warnings(spec, strict=strict)
    warnings.extend(notes)
    return documents


def run_diff(
    old: str,
    new: str,
    *,
    format: OutputFormat = "text",
    stat: bool = False,
    granularity: Granularity = "word",
    ignore_case: bool = False,
    ignore_whitespace: bool = False,
    ignore_labels: bool = False,
    color: bool = False,
    progress: bool = False,
    strict: bool = False,
) -> DiffRun:
    """Compare OLD and NEW (paths, `EDITION:DOC` or "-") and render the result."""
    if format == "patch" and not stat:
        from toolkit.diff.patch import make_patch
        from toolkit.diff.texts import full_text

        notes: list[str] = []
        old_text, new_text = full_text(old, notes), full_text(new, notes, rebuilt=True)
        return DiffRun(make_patch(old_text, new_text), old_text == new_text, tuple(notes))

    from toolkit.diff.engine import diff_sources

    warnings: list[str] = []
    with _progress(progress) as report:
        report(0, 2, "reading and parsing")
        old_docs = _documents(old, warnings, strict=strict)
        report(1, 2, "reading and parsing")
        new_docs = _documents(new, warnings, strict=strict)
        report(2, 2, "reading and parsing")
        diff = diff_sources(
            old_docs,
            new_docs,
            old_name=old,
            new_name=new,
            granularity=granularity,
            ignore_case=ignore_case,
            ignore_whitespace=ignore_whitespace,
            ignore_labels=ignore_labels,
            progress=lambda done, total: report(done, total, "aligning and diffing"),
        )
    if stat:
        if format == "json":
            import json

            output = json.dumps(diff.stat().as_dict(), indent=2) + "\n"
        else:
            from toolkit.render.terminal import render_stat

            output = render_stat(diff)
    elif format == "json":
        output = diff.to_json(warnings=warnings)
    elif format == "html":
        from toolkit.render.diff_html import render_diff_page

        output = render_diff_page(diff)
    elif diff.identical:
        output = ""  # the caller says that they are identical
    else:
        from toolkit.render.terminal import render_diff_text

        output = render_diff_text(diff, color=color)
    return DiffRun(output, diff.identical, tuple(warnings))


@contextmanager
def _progress(show: bool) -> Iterator[Callable[[int, int, str], None]]:
    """A rich progress bar on a terminal; nothing (and no rich import) otherwise."""
    if not show:
        yield lambda done, total, what: None
        return
    from rich.console import Console
    from rich.progress import Progress

    # On stderr, so that stdout holds only the diff even when both are a terminal.
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("wtdc diff", total=None)

        def report(done: int, total: int, what: str) -> None:
            bar.update(task, completed=done, total=total, description=what)

        yield report
