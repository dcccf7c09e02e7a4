"""A diff as text for a terminal or a pipe: inline `[-deleted-]{+inserted+}` markers.

On a terminal the markers are also coloured (red/green, ANSI); in a pipe they stay plain so
that the output can be grepped. The markers are always there: colour is never the only cue.
"""

from __future__ import annotations

from toolkit.diff.model import ClauseDiff, TextDiff
from toolkit.diff.words import DELETE, INSERT, Ops

_RED, _GREEN, _BOLD, _CYAN, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[36m", "\x1b[0m"


def render_ops(ops: Ops, *, color: bool = False) -> str:
    """Operations inline: equal text as is, `[-deleted-]`, `{+inserted+}`."""
    out = []
    for op, text in ops:
        if op == DELETE:
            out.append(f"{_RED}[-{text}-]{_RESET}" if color else f"[-{text}-]")
        elif op == INSERT:
            out.append(f"{_GREEN}{{+{text}+}}{_RESET}" if color else f"{{+{text}+}}")
        else:
            out.append(text)
    return "".join(out)


def _clause(c: ClauseDiff, *, color: bool) -> str:
    header = f"@@ {c.where}: {c.describe()} @@"
    if color:
        header = f"{_CYAN}{header}{_RESET}"
    return f"{header}\n{render_ops(c.ops, color=color)}\n"


def render_diff_text(diff: TextDiff, *, color: bool = False) -> str:
    """Every changed clause under a header with where it stands and what happened to it."""
    bold, reset = (_BOLD, _RESET) if color else ("", "")
    out = [f"{bold}--- {diff.old_name}\n+++ {diff.new_name}{reset}\n"]
    for doc in diff.documents:
        if not doc.changed():
            continue
        out.append(f"\n{bold}## {doc.name}{reset}\n")
        out.extend(
            _clause(c, color=color)
            for c in doc.clauses
            if c.changed() and not c.follower
        )
    out.append(f"\n{diff.stat().summary()}\n")
    return "".join(out)


def render_stat(diff: TextDiff) -> str:
    """`--stat`: one line per document that changed, then the totals."""
    rows = [
        (doc.name, doc.stat())
        for doc in diff.documents
        if doc.changed()
    ]
    width = max((len(name) for name, _ in rows), default=0)
    lines = [f"{name:<{width}} | {stat.summary()}" for name, stat in rows]
    lines.append(f"total: {diff.stat().summary()}")
    return "\n".join(lines) + "\n"
