"""wtdc-toolkit: clause-level revision diffs of ITU WTDC texts.

    import toolkit as wt

    source = wt.read("baku-2025:res-37")        # a file, "-", an edition or EDITION:DOC
    wt.diff("corpora/baku-declaration-prefinal.md", "baku-2025:declaration")
    wt.align("corpora/regional-initiatives-asp-web.txt", "baku-2025:ri-asp")
    wt.terms("corpora/baku-declaration-prefinal.md", "baku-2025:declaration")
    wt.regions("baku-2025"); wt.lineage("baku-2025"); wt.report(new_edition="baku-2025")

Every result shows itself in Jupyter (a bounded table) and has `.frame()` → polars, or is a
polars frame. The pipeline is visible in the subpackages, each with its own public names:
`toolkit.ingest` → `toolkit.parse` → `toolkit.corpus` → `toolkit.align` → `toolkit.diff` →
`toolkit.measure` → render, with `commands/` (what a command does end to end) and `cli.py` on
top; what a user can fix raises a `toolkit.errors.ToolkitError`. For the analyses beyond the
commands, `wt.measure` is `toolkit.measure` and `wt.charts` is `toolkit.render.charts`.
Nothing is imported until it is used, so that `wtdc --help` starts fast.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit import measure
    from toolkit.align import Alignment, Alignments, ClausePair
    from toolkit.align.simulate import simulate_revision
    from toolkit.commands.align import align
    from toolkit.commands.diff import diff
    from toolkit.commands.measure import regions, terms
    from toolkit.commands.parse import parse
    from toolkit.corpus import edition, open_corpus
    from toolkit.corpus.sources import Source
    from toolkit.corpus.sources import edition_lineage as lineage
    from toolkit.corpus.sources import resolve_source as read
    from toolkit.diff import TextDiff
    from toolkit.errors import MissingEditionError, ToolkitError
    from toolkit.parse import Document
    from toolkit.render import charts
    from toolkit.render.report import build_report as report

# The public names, and where each lives: (module, name in it).
_PUBLIC: dict[str, tuple[str, str]] = {
    "read": ("toolkit.corpus.sources", "resolve_source"),
    "parse": ("toolkit.commands.parse", "parse"),
    "lineage": ("toolkit.corpus.sources", "edition_lineage"),
    "align": ("toolkit.commands.align", "align"),
    "diff": ("toolkit.commands.diff", "diff"),
    "terms": ("toolkit.commands.measure", "terms"),
    "regions": ("toolkit.commands.measure", "regions"),
    "report": ("toolkit.render.report", "build_report"),
    "Source": ("toolkit.corpus.sources", "Source"),
    "Document": ("toolkit.parse", "Document"),
    "Alignment": ("toolkit.align", "Alignment"),
    "Alignments": ("toolkit.align", "Alignments"),
    "ClausePair": ("toolkit.align", "ClausePair"),
    "TextDiff": ("toolkit.diff", "TextDiff"),
    "open_corpus": ("toolkit.corpus", "open_corpus"),
    "edition": ("toolkit.corpus", "edition"),
    "simulate_revision": ("toolkit.align.simulate", "simulate_revision"),
    "ToolkitError": ("toolkit.errors", "ToolkitError"),
    "MissingEditionError": ("toolkit.errors", "MissingEditionError"),
}
# Whole modules a notebook reaches through `wt.` for the analyses beyond the commands: the
# term and region measures (`wt.measure.kwic`, …) and their charts (`wt.charts.…`).
_MODULES: dict[str, str] = {"measure": "toolkit.measure", "charts": "toolkit.render.charts"}
__all__ = [
    "Alignment", "Alignments", "ClausePair", "Document", "MissingEditionError", "Source",
    "TextDiff", "ToolkitError", "__version__", "align", "charts", "diff", "edition", "lineage",
    "measure", "open_corpus", "parse", "read", "regions", "report", "simulate_revision",
    "terms",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from toolkit.version import __version__  # read once asked: it scans site-packages

        globals()[name] = __version__
        return __version__
    if name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    elif name in _PUBLIC:
        module, attribute = _PUBLIC[name]
        value = getattr(importlib.import_module(module), attribute)
    else:
        raise AttributeError(f"module 'toolkit' has no attribute '{name}'")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """`toolkit.diff`, `toolkit.align` and `toolkit.parse` are the public functions, not the
    subpackages of the same names: importing a subpackage sets it as an attribute of its
    parent, which here must not replace the function (`import toolkit.diff.engine` and
    `from toolkit.diff import …` still find the subpackage in sys.modules)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _PUBLIC and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
