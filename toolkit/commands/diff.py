"""`wtdc diff` and `wtdc patch apply`, and `wt.diff` for notebooks."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Literal

from toolkit.align.kinds import CHANGE_KINDS, parse_ignore
from toolkit.align.model import ChangeKind
from toolkit.commands.collector import without_collector
from toolkit.commands.outcome import Outcome, Progress, progress_bar
from toolkit.corpus.sources import Source, SourceLike, resolve_pair, resolve_source
from toolkit.diff import TextDiff, apply_patch, diff_sources, make_patch
from toolkit.diff.words import Granularity
from toolkit.errors import InputError
from toolkit.render.records import dump_json
from toolkit.render.terminal import render_diff_text, render_stat

DiffFormat = Literal["text", "html", "json", "patch", "docx"]


def diff(
    old: SourceLike,
    new: SourceLike,
    *,
    granularity: Granularity = "word",
    ignore: Collection[ChangeKind] = (),
    progress: Progress | None = None,
) -> TextDiff:
    """Compare OLD and NEW (a path, "-", an edition or `EDITION:DOC`) clause by clause,
    setting aside the kinds of change in `ignore` ("typography", "labels", …)."""
    report = progress or (lambda done, total, step: None)
    report(0, 2, "reading and parsing")
    olds, news = resolve_pair(old, new)
    report(2, 2, "reading and parsing")
    return _diff(olds, news, granularity=granularity, ignore=ignore, progress=report)


def _diff(
    olds: Source,
    news: Source,
    *,
    granularity: Granularity,
    ignore: Collection[ChangeKind],
    progress: Progress,
) -> TextDiff:
    return diff_sources(
        olds.documents, news.documents, old_name=olds.spec, new_name=news.spec,
        granularity=granularity, ignore=ignore,
        progress=lambda done, total: progress(done, total, "aligning and diffing"),
    )


@without_collector()
def run_diff(
    old: str,
    new: str,
    *,
    format: DiffFormat = "text",
    stat: bool = False,
    granularity: Granularity = "word",
    ignore: Sequence[str] = (),
    pretty: bool = False,
    color: bool = False,
    progress: bool = False,
    strict: bool = False,
) -> Outcome:
    """Compare OLD and NEW and render the result; status 0 identical, 1 different. `ignore`:
    the `--ignore` values ("typography,labels"); `strict` refuses a text the parser would
    read with a best guess."""
    ignored = parse_ignore(",".join(ignore))
    olds, news = resolve_pair(old, new, strict=strict)
    warnings = (*olds.warnings, *news.warnings)
    if format == "patch" and not stat:
        warnings = (*olds.read_warnings, *news.read_warnings)
        if news.kind in ("file", "stdin") and news.encoding.removesuffix(" (BOM)") != "utf-8":
            warnings += (
                f"{news.spec}: is {news.encoding.removesuffix(' (BOM)')}, not UTF-8; the patch "
                "rebuilds its text, and `wtdc patch apply` writes that text as UTF-8",
            )
        same = olds.text == news.text
        return _identical_or(make_patch(olds.text, news.text), same, old, new, warnings,
                             ignored=(), relabelled=0, quiet=True)
    with progress_bar(progress, "wtdc diff") as report:
        result = _diff(olds, news, granularity=granularity, ignore=ignored, progress=report)
    output: str | bytes
    if stat:
        output = (dump_json(result.stat().as_dict(), pretty=pretty) if format == "json"
                  else render_stat(result))
    elif format == "json":
        output = result.to_json(pretty=pretty, warnings=warnings)
    elif format == "html":
        # Imported here: the HTML page's module costs every other format start-up time.
        from toolkit.render.diff_html import render_diff_page

        output = render_diff_page(result)
    elif format == "docx":
        from toolkit.render.docx import render_docx, revision_date

        output = render_docx(result, date=revision_date())
    elif result.identical:
        output = ""  # the message says that they are identical
    else:
        output = render_diff_text(result, color=color)
    return _identical_or(output, result.identical, old, new, warnings,
                         ignored=tuple(k for k in CHANGE_KINDS if k in ignored),
                         relabelled=result.stat().relabelled, quiet=format != "text" and not stat)


def _identical_or(
    output: str | bytes,
    identical: bool,
    old: str,
    new: str,
    warnings: tuple[str, ...],
    *,
    ignored: tuple[str, ...],
    relabelled: int,
    quiet: bool,
) -> Outcome:
    """Status 1 when different; when identical, status 0 and a line that says so (on stderr
    for the machine formats, whose stdout must stay parseable)."""
    if not identical:
        return Outcome(output, status=1, warnings=warnings)
    # "identical, ignoring labels": say what was set aside, so the 0 is not misread; a new
    # label alone is no change, but the reader hears of it.
    listed = " and ".join([", ".join(ignored[:-1]), ignored[-1]] if ignored[:-1] else ignored)
    but = f", ignoring {listed}" if ignored else ""
    same = "are identical" if not relabelled else (
        f"have the same text ({relabelled} clause{'' if relabelled == 1 else 's'} relabelled)")
    return Outcome(output, status=0, warnings=warnings,
                   message=f"{old} and {new} {same}{but}", message_to_stderr=quiet)


def run_patch_apply(old: str, patch: str) -> Outcome:
    """Rebuild NEW from OLD and a patch made by `wtdc diff --format patch`."""
    try:
        text = Path(patch).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{patch}: no such file; check the path of the patch") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{patch}: cannot be read as a UTF-8 patch ({error}); "
                         "make one with: wtdc diff OLD NEW --format patch") from None
    source = resolve_source(old)
    return Outcome(apply_patch(source.text, text, name=patch), warnings=source.read_warnings)
