"""Alignments as JSON-ready dicts (checked against align.schema.json), a table, or HTML.

JSON and the table are built from the same dict; HTML is the diff page over the same pairs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from toolkit.align import Alignment, ClausePair, ClauseRef, is_hidden, proposal_mark
from toolkit.align.model import ChangeKind
from toolkit.diff import diff_alignments, word_ops
from toolkit.display import clip
from toolkit.render.diff_html import render_diff_page

SCHEMA_VERSION = 1


def _ref(ref: ClauseRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "id": ref.id,
        "section": ref.section,
        "label": ref.clause.label,
        "text": ref.clause.text,
    }


def _ops(pair: ClausePair) -> list[list[Any]]:
    if pair.old is None or pair.new is None:
        ref = pair.old or pair.new
        assert ref is not None
        return [[-1 if pair.new is None else 1, ref.clause.text]]
    if pair.old.clause.text == pair.new.clause.text:
        return [[0, pair.new.clause.text]]
    return [[op, text] for op, text in word_ops(pair.old.clause.text, pair.new.clause.text)]


def pair_dict(pair: ClausePair, *, marks: bool = False) -> dict[str, Any]:
    """One clause pair as JSON: both sides, its status and its word operations (and, with
    `marks=True`, ITU's proposal mark: ADD, SUP, NOC or MOD)."""
    record: dict[str, Any] = {
        "old": _ref(pair.old),
        "new": _ref(pair.new),
        "status": pair.status,
        "similarity": pair.similarity,
        "relabelled": pair.relabelled,
        "ambiguous": pair.ambiguous,
        "change_kinds": list(pair.change_kinds),
        "ops": _ops(pair),
    }
    if marks:
        record["mark"] = proposal_mark(pair)
    return record


def alignment_dict(
    alignment: Alignment, *, hide: Collection[ChangeKind] = (), marks: bool = False
) -> dict[str, Any]:
    """One document pair as JSON; pairs whose only changes are of a `hide` kind are counted,
    not listed."""
    shown = [p for p in alignment.pairs if not is_hidden(p, set(hide))]
    return {
        "old_doc": alignment.old_doc.id if alignment.old_doc else None,
        "new_doc": alignment.new_doc.id if alignment.new_doc else None,
        "reason": alignment.reason,
        "hidden": len(alignment.pairs) - len(shown),
        "pairs": [pair_dict(p, marks=marks) for p in shown],
    }


def alignments_dict(
    alignments: Sequence[Alignment],
    *,
    editions: bool,
    hide: Collection[ChangeKind] = (),
    marks: bool = False,
    titles: dict[str, dict[str, str]] | None = None,
) -> dict[str, Any]:
    """`{"pairs": …}` for one document pair, `{"documents": […]}` for two editions or more;
    `titles` (from `edition_titles`) names the two editions' reports."""
    documents = [alignment_dict(a, hide=hide, marks=marks) for a in alignments]
    if len(documents) == 1 and not editions:
        return {"schema_version": SCHEMA_VERSION, **documents[0]}
    return {"schema_version": SCHEMA_VERSION, **(titles or {}), "documents": documents}


def _place(ref: dict[str, Any] | None) -> str:
    if ref is None:
        return "—"
    section = (ref["section"] or "").split(" ")[0]
    return f"{section} {ref['label'] or '¶'}".strip()


def render_table(data: dict[str, Any], *, width: int | None = None) -> str:
    """A plain-text table: one line per pair (status or mark, similarity, places, text)."""
    width = width or (os.get_terminal_size().columns if sys.stdout.isatty() else 120)
    documents = data.get("documents", [data])
    what = "MARK" if any("mark" in p for d in documents for p in d["pairs"]) else "STATUS"
    lines = [
        f"{side}: {data[key]['id']}: {data[key]['title']}"
        for side, key in (("OLD", "old_edition"), ("NEW", "new_edition"))
        if key in data
    ]
    lines.append(f"  {what:<9} {'SIM':>4}    {'OLD':<16} {'NEW':<16} TEXT")
    for doc in documents:
        pair_names = f"{doc['old_doc'] or '(none)'} → {doc['new_doc'] or '(none)'}"
        lines.append(f"{pair_names}: {doc['reason']}")
        for pair in doc["pairs"]:
            what = pair.get("mark") or pair["status"]
            flags = ("R" if pair["relabelled"] else " ") + ("?" if pair["ambiguous"] else " ")
            text = (pair["new"] or pair["old"])["text"]
            head = (
                f"  {what:<9} {pair['similarity']:4.2f} {flags} "
                f"{clip(_place(pair['old']), 16):<16} {clip(_place(pair['new']), 16):<16} "
            )
            lines.append(head + clip(text, max(width - len(head), 20)))
        if doc["hidden"]:
            lines.append(f"  ({doc['hidden']} pair{'s' if doc['hidden'] != 1 else ''} hidden)")
    lines.append("flags: R relabelled, ? ambiguous (a runner-up was nearly as good)")
    return "\n".join(lines) + "\n"


def render_html(
    alignments: Sequence[Alignment],
    *,
    old_name: str,
    new_name: str,
    hide: Collection[ChangeKind] = (),
) -> str:
    """A self-contained page by the diff renderer, titled as an alignment, pairs of hidden
    kinds left out; each clause shows its status and its ITU mark."""
    shown = [
        replace(a, pairs=tuple(p for p in a.pairs if not is_hidden(p, set(hide))))
        for a in alignments
    ]
    return render_diff_page(diff_alignments(shown, old_name=old_name, new_name=new_name,
                                            ignore=hide),
                            kind="alignment")
