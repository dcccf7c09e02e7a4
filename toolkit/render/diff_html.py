"""A diff as self-contained HTML: change summary, side-by-side and inline views, navigation.

No external requests: CSS and JS are inlined. Views switch with radio buttons and CSS, so
both work without JavaScript; the script only adds next/previous-change navigation (buttons
and the keys n/p). Every piece of input text goes through Jinja's autoescaping.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from toolkit.diff.model import STATUSES, ClauseDiff, DiffStat, TextDiff
from toolkit.diff.words import DELETE, INSERT, Ops
from toolkit.render.templates import environment


@dataclass(frozen=True)
class _ClauseView:
    anchor: str
    where: str
    status: str
    describe: str
    old_ops: Ops
    new_ops: Ops
    ops: Ops


@dataclass(frozen=True)
class _DocumentView:
    anchor: str
    name: str
    heading: str
    reason: str  # why these two documents were paired
    stat: DiffStat
    unchanged: int
    clauses: tuple[_ClauseView, ...]


def _context(diff: TextDiff) -> dict[str, object]:
    # Ids unique per diff, so that several fragments can share one notebook page.
    prefix = "wd" + hashlib.sha1(f"{diff.old_name}\0{diff.new_name}".encode()).hexdigest()[:8]
    documents = []
    n = 0
    for d_index, doc in enumerate(diff.documents):
        if not doc.changed():
            continue
        views = []
        for c in doc.clauses:
            if not c.changed() or c.follower:
                continue
            n += 1
            views.append(_clause_view(c, f"{prefix}-c{n}"))
        alignment = doc.alignment
        heading = (alignment.new_doc or alignment.old_doc).heading  # type: ignore[union-attr]
        documents.append(
            _DocumentView(
                anchor=f"{prefix}-d{d_index}",
                name=doc.name,
                heading=heading,
                reason=alignment.reason,
                stat=DiffStat.of(doc.clauses),
                unchanged=sum(not c.changed() for c in doc.clauses),
                clauses=tuple(views),
            )
        )
    return {
        "diff": diff,
        "prefix": prefix,
        "statuses": STATUSES,
        "stat": diff.stat(),
        "documents": documents,
        "changes": n,
    }


def _clause_view(c: ClauseDiff, anchor: str) -> _ClauseView:
    return _ClauseView(
        anchor=anchor,
        where=c.where,
        status=c.status,
        describe=c.describe(),
        old_ops=tuple(op for op in c.ops if op[0] != INSERT),
        new_ops=tuple(op for op in c.ops if op[0] != DELETE),
        ops=c.ops,
    )


def render_diff_fragment(diff: TextDiff) -> str:
    """An HTML fragment (one <section>, its CSS and script inline) for a report or notebook."""
    return _render("diff_fragment.html.j2", diff)


def render_diff_page(diff: TextDiff) -> str:
    """A whole self-contained HTML page, as `wtdc diff --format html` writes it."""
    return _render("diff_page.html.j2", diff)


def _render(template: str, diff: TextDiff) -> str:
    return environment(trim_blocks=True).get_template(template).render(_context(diff))
