"""A diff as self-contained HTML: changes by kind, title changes, a change list, side-by-side
and inline views, navigation.

No external requests: CSS and JS are inlined. Views switch with radio buttons and CSS, so
both work without JavaScript; the script adds next/previous-change navigation (buttons and
the keys n/p) and folds long unchanged runs inside a clause to a few words of context, with
a click to unfold (without the script, or in print, every word shows). A moved clause shows
at its new place ("moved from …") and leaves a line at its old one ("moved to …"), linked
both ways. Every piece of input text goes through autoescaping.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup, escape

from toolkit.align import ChangeCount, proposal_mark
from toolkit.align.kinds import CHANGE_KINDS
from toolkit.diff.model import STATUSES, ClauseDiff, DocumentDiff, TextDiff
from toolkit.diff.words import DELETE, EQUAL, INSERT, Ops, word_ops
from toolkit.render.moves import END, old_places
from toolkit.render.templates import environment

PageKind = Literal["diff", "alignment"]
# An unchanged run longer than FOLD_WORDS words is folded to CONTEXT words on each side
# of it: a comma changed in a 200-word paragraph should not print the paragraph twice.
FOLD_WORDS = 40
CONTEXT = 8
_WORDS = re.compile(r"\S+\s*")


@dataclass(frozen=True)
class _ClauseView:
    anchor: str
    where: str
    status: str
    mark: str
    relabelled: bool
    describe: str
    old_ops: Markup
    new_ops: Markup
    ops: Markup
    moved_from: str = ""  # the anchor of the line left at a moved clause's old place
    # The kinds that explain the whole edit ("typography case"), for the page's toggles
    # that set them aside; empty when the wording itself changed.
    kinds: str = ""


@dataclass(frozen=True)
class _MovedAway:
    """The line at a moved clause's old place, linking to where it went."""

    anchor: str
    where: str  # the old place
    to: str  # the anchor of the clause at its new place
    to_where: str


@dataclass(frozen=True)
class _DocumentView:
    anchor: str
    name: str
    heading: str
    reason: str  # why these two documents were paired
    changes: ChangeCount  # the count every view prints (toolkit.align.kinds)
    unchanged: int
    clauses: tuple[_ClauseView, ...]
    items: tuple[_ClauseView | _MovedAway, ...]  # the clauses, and moved ones' old places


@dataclass(frozen=True)
class _TitleChange:
    anchor: str | None  # the document's heading, when the document is shown
    name: str
    ops: Markup


@dataclass(frozen=True)
class _Kind:
    name: str
    count: int
    first: str | None  # the anchor of the first change of this kind


def _prefix(diff: TextDiff) -> str:
    """Ids unique per diff, so that several fragments can share one notebook page."""
    return "wd" + hashlib.sha1(f"{diff.old_name}\0{diff.new_name}".encode()).hexdigest()[:8]


def document_anchors(diff: TextDiff) -> dict[str, str]:
    """The id of each changed document's heading in the fragment, by its id on the new side
    (a report's lineage table links to them)."""
    prefix = _prefix(diff)
    return {doc.new_id: f"{prefix}-d{index}" for index, doc in enumerate(diff.documents)
            if doc.new_id and doc.changed()}


def _context(diff: TextDiff, kind: PageKind) -> dict[str, object]:
    prefix = _prefix(diff)
    documents, titles = [], []
    n = 0
    for d_index, doc in enumerate(diff.documents):
        anchor = f"{prefix}-d{d_index}"
        shown = doc.changed()
        title = _title_change(doc, anchor if shown else None)
        if title is not None:
            titles.append(title)
        if not shown:
            continue
        changed = [c for c in doc.clauses
                   if c.changed() and not c.follower]
        anchors = {}
        for c in changed:
            n += 1
            anchors[id(c)] = f"{prefix}-c{n}"
        places = old_places(changed)
        views: dict[int, _ClauseView] = {}
        for c in changed:
            away = f"{anchors[id(c)]}-was" if c.status == "moved" else ""
            views[id(c)] = _clause_view(c, anchors[id(c)], away)
        items: list[_ClauseView | _MovedAway] = []
        for c in changed:
            items += [_moved_away(views[id(m)], m) for m in places.get(id(c), ())]
            items.append(views[id(c)])
        items += [_moved_away(views[id(m)], m) for m in places.get(END, ())]
        alignment = doc.alignment
        heading = (alignment.new_doc or alignment.old_doc).heading  # type: ignore[union-attr]
        documents.append(
            _DocumentView(
                anchor=anchor,
                name=doc.name,
                heading=heading,
                reason=alignment.reason,
                changes=doc.stat().changes,
                unchanged=sum(not c.changed() for c in doc.clauses),
                clauses=tuple(views.values()),
                items=tuple(items),
            )
        )
    clauses = [c for d in documents for c in d.clauses]
    stat = diff.stat()
    return {
        "diff": diff,
        "title": "Alignment" if kind == "alignment" else "Differences",
        "prefix": prefix,
        "stat": stat,
        "kinds": _kinds(clauses, unchanged=stat.clauses.get("unchanged", 0)),
        "marks": _marks(clauses),
        "relabelled": [c.anchor for c in clauses if c.relabelled],
        # The toggles: kinds some shown edit consists of only, and how many such edits.
        "ignorable": [(k, count) for k in CHANGE_KINDS
                      if (count := sum(k in c.kinds.split() for c in clauses))],
        "titles": titles,
        "documents": documents,
        "changes": len(clauses),
    }


def _kinds(clauses: list[_ClauseView], *, unchanged: int) -> list[_Kind]:
    """Every status with its count and its first change (unchanged ones are not shown)."""
    counts = Counter(c.status for c in clauses)
    firsts: dict[str, str] = {}
    for c in clauses:
        firsts.setdefault(c.status, c.anchor)
    # Unchanged clauses are not shown, those only relabelled included (counted apart).
    return [_Kind("unchanged", unchanged, None)] + [
        _Kind(s, counts[s], firsts.get(s)) for s in STATUSES if s != "unchanged"]


def _marks(clauses: list[_ClauseView]) -> list[_Kind]:
    """ITU's proposal marks of the changes shown (NOC only for a relabelled clause)."""
    counts = Counter(c.mark for c in clauses)
    firsts: dict[str, str] = {}
    for c in clauses:
        firsts.setdefault(c.mark, c.anchor)
    return [_Kind(m, counts[m], firsts.get(m)) for m in ("ADD", "MOD", "SUP", "NOC") if counts[m]]


def _title_change(doc: DocumentDiff, anchor: str | None) -> _TitleChange | None:
    old, new = doc.alignment.old_doc, doc.alignment.new_doc
    if old is None or new is None or old.title == new.title:
        return None
    return _TitleChange(anchor, doc.name, ops_markup(word_ops(old.title, new.title)))


def _clause_view(c: ClauseDiff, anchor: str, away: str) -> _ClauseView:
    return _ClauseView(
        anchor=anchor,
        where=c.where,
        status=c.status,
        mark=proposal_mark(c.pair),
        relabelled=c.relabelled,
        describe=c.describe(),
        old_ops=ops_markup(tuple(op for op in c.ops if op[0] != INSERT)),
        new_ops=ops_markup(tuple(op for op in c.ops if op[0] != DELETE)),
        ops=ops_markup(c.ops),
        moved_from=away,
        kinds=" ".join(k for k in c.pair.change_kinds if k != "labels"),
    )


def _moved_away(view: _ClauseView, c: ClauseDiff) -> _MovedAway:
    assert c.pair.old is not None  # a moved clause has both sides
    was = f"{c.pair.old.doc_id} › {c.pair.old.section + ' › ' if c.pair.old.section else ''}" \
        f"{c.pair.old.clause.label or f'¶{c.pair.old.clause.ordinal}'}"
    return _MovedAway(anchor=view.moved_from, where=was, to=view.anchor, to_where=view.where)


def ops_markup(ops: Ops) -> Markup:
    """Word operations as HTML: <del>, <ins>, and unchanged runs of more than FOLD_WORDS
    words folded to CONTEXT words on each side (the script hides the fold; a click shows it)."""
    pieces = []
    for index, (op, text) in enumerate(ops):
        if op == DELETE:
            pieces.append(Markup("<del>{}</del>").format(text))
        elif op == INSERT:
            pieces.append(Markup("<ins>{}</ins>").format(text))
        else:
            assert op == EQUAL
            pieces.append(_folded(text, head=index > 0, tail=index < len(ops) - 1))
    return Markup("").join(pieces)


def _folded(text: str, *, head: bool, tail: bool) -> Markup:
    """`text`, its middle folded when long: keep CONTEXT words after the change before it
    (`head`) and before the change after it (`tail`)."""
    words = _WORDS.findall(text)
    keep_head, keep_tail = CONTEXT if head else 0, CONTEXT if tail else 0
    if len(words) <= FOLD_WORDS or len(words) <= keep_head + keep_tail + CONTEXT:
        return escape(text)
    lead = len(text) - len(text.lstrip())  # _WORDS skips leading whitespace
    cut = lead + sum(map(len, words[:keep_head]))
    end = len(text) - sum(map(len, words[len(words) - keep_tail:]))
    hidden = len(words) - keep_head - keep_tail
    return Markup(
        '{}<span class="wd-fold"><button type="button" class="wd-unfold" '
        'aria-expanded="false">… {} unchanged words …</button>'
        '<span class="wd-folded">{}</span></span>{}'
    ).format(text[:cut], hidden, text[cut:end], text[end:])


def render_diff_fragment(diff: TextDiff, *, kind: PageKind = "diff") -> str:
    """An HTML fragment (one <section>, its CSS and script inline) for a report or notebook."""
    return _render("diff_fragment.html.j2", diff, kind)


def render_diff_page(diff: TextDiff, *, kind: PageKind = "diff") -> str:
    """A whole self-contained HTML page, as `wtdc diff --format html` writes it (`kind`
    "alignment" for `wtdc align --format html`: the same page, titled as an alignment)."""
    return _render("diff_page.html.j2", diff, kind)


def _render(template: str, diff: TextDiff, kind: PageKind) -> str:
    return environment(trim_blocks=True).get_template(template).render(_context(diff, kind))
