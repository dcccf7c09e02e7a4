"""Very long documents (a 50 MB text of 100 000 paragraphs): align only what changed.

The clause aligner scores every old clause against every new one, which a document of
100 000 paragraphs cannot afford (a 10^10-cell matrix). Here the clause sequence is first
diffed with diff-match-patch (each distinct clause one character, as `linesToChars` does for
lines): clauses in the common runs are unchanged, and only the changed clauses of both sides,
in their sections, go to `align_clauses` together — so edits, moves, splits and merges among
them are still the aligner's to find.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from diff_match_patch import diff_match_patch

from toolkit.align import align_clauses
from toolkit.align.model import Alignment, ClausePair, ClauseRef
from toolkit.diff.words import DELETE, EQUAL, INSERT, PlaceholderCodes
from toolkit.errors import InputError
from toolkit.parse.model import Document

# Above this many old × new clause pairs the full score matrix is not built (the report's
# longest document, Resolution 1, has a few hundred clauses: far below).
LARGE = 4_000_000


def refs(doc: Document) -> list[ClauseRef]:
    return [
        ClauseRef(doc.id, section.heading, index, clause)
        for index, section in enumerate(doc.sections)
        for clause in section.clauses
    ]


def _only(doc: Document, keep: set[int]) -> Document:
    """The document with only the clauses whose id() is in `keep`; sections stay in place, so
    the aligner's section indices are the document's own."""
    sections = tuple(
        replace(s, clauses=tuple(c for c in s.clauses if id(c) in keep)) for s in doc.sections
    )
    return replace(doc, sections=sections)


def align_large(old: Document, new: Document) -> Alignment:
    """Alignment of two long documents: common runs unchanged, the rest by the aligner."""
    old_refs, new_refs = refs(old), refs(new)
    codes = PlaceholderCodes()
    old_codes = "".join(codes[f"{r.clause.label}\0{r.clause.text}"] for r in old_refs)
    new_codes = "".join(codes[f"{r.clause.label}\0{r.clause.text}"] for r in new_refs)
    dmp = diff_match_patch()
    # A timeout above zero turns on diff-match-patch's half-match speed-up (10× here); one
    # this long is never reached in practice, so the result stays the same run to run.
    dmp.Diff_Timeout = 3600
    unchanged: list[ClausePair] = []
    changed_old: list[ClauseRef] = []
    changed_new: list[ClauseRef] = []
    i = j = 0
    for op, run in dmp.diff_main(old_codes, new_codes, False):
        n = len(run)
        if op == EQUAL:
            unchanged += [ClausePair(o, c, "unchanged", 1.0) for o, c in
                          zip(old_refs[i : i + n], new_refs[j : j + n], strict=True)]
            i, j = i + n, j + n
        elif op == DELETE:
            changed_old += old_refs[i : i + n]
            i += n
        elif op == INSERT:
            changed_new += new_refs[j : j + n]
            j += n
    if len(changed_old) * len(changed_new) > LARGE:
        raise InputError(
            f"{old.id}: {len(changed_old)} old and {len(changed_new)} new clauses differ, too "
            "many to align; diff smaller parts, or use --format patch (no alignment)"
        )
    if changed_old and changed_new:
        sub = align_clauses(
            _only(old, {id(r.clause) for r in changed_old}),
            _only(new, {id(r.clause) for r in changed_new}),
        )
        aligned = list(sub.pairs)
    else:
        aligned = [ClausePair(r, None, "deleted", 0.0) for r in changed_old]
        aligned += [ClausePair(None, r, "inserted", 0.0) for r in changed_new]
    aligned = _moves(old_refs, new_refs, unchanged, aligned)
    return Alignment(old, new, _reading_order(old_refs, new_refs, unchanged + aligned))


def _moves(
    old_refs: list[ClauseRef],
    new_refs: list[ClauseRef],
    unchanged: list[ClausePair],
    aligned: list[ClausePair],
) -> list[ClausePair]:
    """Decide moves against the whole document: the aligner saw only the changed clauses,
    so it could not tell which of two crossed links left its place. A link is moved when it
    is out of the longest in-order run of all links, or changes section."""
    old_at = {id(r.clause): k for k, r in enumerate(old_refs)}
    new_at = {id(r.clause): k for k, r in enumerate(new_refs)}
    links = sorted(
        (old_at[id(p.old.clause)], new_at[id(p.new.clause)], k)
        for k, p in enumerate(unchanged + aligned)
        if p.old is not None and p.new is not None and p.status not in ("split", "merged")
    )
    in_order = {links[k][2] for k in _longest_increasing([j for _, j, _ in links])}
    result = []
    for k, p in enumerate(aligned, start=len(unchanged)):
        if p.old is not None and p.new is not None and p.status not in ("split", "merged"):
            moved = k not in in_order or p.old.section != p.new.section
            same = p.old.clause.text == p.new.clause.text
            p = replace(p, status="moved" if moved else "unchanged" if same else "edited")
        result.append(p)
    return result


def _longest_increasing(values: list[int]) -> list[int]:
    """Indices of one longest strictly increasing subsequence of `values` (patience)."""
    tails: list[int] = []  # tails[n]: index of the smallest last value of a run of n + 1
    tail_values: list[int] = []
    previous = [-1] * len(values)
    for k, v in enumerate(values):
        n = bisect_left(tail_values, v)
        if n:
            previous[k] = tails[n - 1]
        if n == len(tails):
            tails.append(k)
            tail_values.append(v)
        else:
            tails[n] = k
            tail_values[n] = v
    out = []
    k = tails[-1] if tails else -1
    while k != -1:
        out.append(k)
        k = previous[k]
    return out[::-1]


def _reading_order(
    old_refs: list[ClauseRef], new_refs: list[ClauseRef], pairs: list[ClausePair]
) -> tuple[ClausePair, ...]:
    """Pairs in reading order of the new text; a deleted clause after the new position of
    the old clause before it."""
    old_at = {id(r.clause): k for k, r in enumerate(old_refs)}
    new_at = {id(r.clause): k for k, r in enumerate(new_refs)}
    partner: dict[int, int] = {}
    for p in pairs:
        if p.old is not None and p.new is not None:
            k = old_at[id(p.old.clause)]
            partner[k] = max(partner.get(k, -1), new_at[id(p.new.clause)])
    anchors: list[int] = []
    anchor = -1
    for k in range(len(old_refs)):
        anchor = partner.get(k, anchor)
        anchors.append(anchor)

    def key(p: ClausePair) -> tuple[int, int, int]:
        o = old_at[id(p.old.clause)] if p.old is not None else -1
        if p.new is not None:
            return (new_at[id(p.new.clause)], 0, o)
        return (anchors[o], 1, o)

    return tuple(sorted(pairs, key=key))
