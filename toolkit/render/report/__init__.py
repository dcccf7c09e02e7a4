"""The comparison report: one self-contained HTML page plus the CSV and JSON of every table.

The report only gathers what the pipeline stages compute (corpus, parse, lineage, diff,
measure) and renders it; it holds no comparison logic of its own. Output is deterministic —
no timestamps, fixed SVG ids — so the same inputs give a byte-identical report, and it is
published atomically: a failed run never leaves a half-written report directory.

One module per section of the page (`lineage` with `sources`, `redlines`, `terms`,
`regions`, `methods`), `tables` for the tables, `view` for what the template shows,
`publish` for writing, `build` for the whole.
"""

from toolkit.render.report.build import ReportProgress, build_report

__all__ = ["ReportProgress", "build_report"]
