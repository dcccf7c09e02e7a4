"""`wtdc diff` as one library call: resolve both arguments, diff, render in the asked format."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from toolkit.diff.words import Granularity

OutputFormat = Literal["text", "html", "json", "patch"]


@dataclass(frozen=True)
class DiffRun:
    output: str
    identical: bool


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
) -> DiffRun:
    """Compare OLD and NEW (paths, `EDITION:DOC` or "-") and render the result."""
    if format == "patch" and not stat:
        from toolkit.diff.patch import make_patch
        from toolkit.diff.texts import full_text

        old_text, new_text = full_text(old), full_text(new)
        return DiffRun(make_patch(old_text, new_text), old_text == new_text)

    from toolkit.corpus.resolve import resolve
    from toolkit.diff.engine import diff_sources

    with _progress(progress) as report:
        report(0, 2, "reading and parsing")
        old_docs = resolve(old)
        report(1, 2, "reading and parsing")
        new_docs = resolve(new)
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

            return DiffRun(json.dumps(diff.stat().as_dict(), indent=2) + "\n", diff.identical)
        from toolkit.render.terminal import render_stat

        return DiffRun(render_stat(diff), diff.identical)
    if format == "json":
        return DiffRun(diff.to_json(), diff.identical)
    if format == "html":
        from toolkit.render.diff_html import render_diff_page

        return DiffRun(render_diff_page(diff), diff.identical)
    if diff.identical:
        return DiffRun("", True)  # the caller says that they are identical
    from toolkit.render.terminal import render_diff_text

    return DiffRun(render_diff_text(diff, color=color), False)


@contextmanager
def _progress(show: bool) -> Iterator[Callable[[int, int, str], None]]:
    """A rich progress bar on a terminal; nothing (and no rich import) otherwise."""
    if not show:
        yield lambda done, total, what: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("wtdc diff", total=None)

        def report(done: int, total: int, what: str) -> None:
            bar.update(task, completed=done, total=total, description=what)

        yield report
