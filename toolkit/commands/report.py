"""`wtdc report`: the HTML comparison report with its tables as CSV and JSON."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.commands.collector import without_collector
from toolkit.commands.outcome import Outcome, progress_bar
from toolkit.render.drawing import ChartDrawer


def run_report(
    *, old: str | None = None, new: str = "baku-2025", out_dir: str | None = None,
    progress: bool = False, docx: bool = False, ignore: Sequence[str] = (),
) -> Outcome:
    """Write reports/<name>/index.html (or into `out_dir`) and name the page written;
    `docx` adds each redline as a Word file with tracked changes; `ignore`: the `--ignore`
    values, kinds of change the redlines set aside."""
    # The charts' process starts before the stages load (polars, the parser: ~0.5 s), so
    # that it loads matplotlib meanwhile; hence the imports below, in the function.
    with ChartDrawer() as drawer, without_collector(freeze=True):
        from toolkit.align.kinds import parse_ignore
        from toolkit.render.report import build_report

        ignored = parse_ignore(",".join(ignore))
        with progress_bar(progress, "report") as report:
            page = build_report(old_edition=old, new_edition=new, out_dir=out_dir,
                                progress=report, docx=docx, ignore=ignored, drawer=drawer)
    return Outcome(f"{page}\n")

