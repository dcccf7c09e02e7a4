"""Very long documents (a 50 MB text of 200 000 paragraphs): align only what changed.

The clause aligner scores every old clause against every new one, which a document of
200 000 paragraphs cannot afford (a 10^10-cell matrix). Here the clause sequences are first
matched as a patience diff does lines: clauses that occur once on each side and keep their
order anchor the two texts, the runs between anchors are matched the same way in turn, and
equal runs at their ends are taken too, all in O(n log n). What is left are hunks: the
changed clauses between two equal runs. Each hunk goes to the clause aligner on its own (edits,
splits and merges are local); a clause deleted in one hunk and inserted word for word in
another is then linked as moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import replace
from itertools import pairwise
from operator import attrgetter

from toolkit.align.clauses import align_clause_refs, clause_refs, longest_increasing_from_the_end
from toolkit.align.model import Alignment, ClausePair, ClauseRef
from toolkit.errors import InputError
from toolkit.parse.model import Document

# What makes two clauses equal: the text of an unlabelled one, else its label and text.
ClauseKey = str | tuple[str, str]
_TEXT, _LABEL = attrgetter("clause.text"), attrgetter("clause.label")
# Above this many old × new clause pairs the full score matrix is not built (the report's
# longest document, Resolution 1, has a few hundred clauses: far below). A single hunk this
# large (a chapter rewritten from end to end) is refused rather than aligned for minutes.
LARGE = 4_000_000


def matching_runs(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int, int]]:
    """Runs (i, j, n) with old[i:i+n] == new[j:j+n], in order, as a patience diff finds them:
    common ends first, then elements unique on both sides that keep their order as anchors,
    recursively between anchors. Elements are clause keys (equal clause, equal key)."""
    runs: list[tuple[int, int, int]] = []
    stack = [(0, len(old), 0, len(new))]
    while stack:
        lo_a, hi_a, lo_b, hi_b = stack.pop()
        head = 0
        while lo_a + head < hi_a and lo_b + head < hi_b and old[lo_a + head] == new[lo_b + head]:
            head += 1
        tail = 0
        while (hi_a - tail > lo_a + head and hi_b - tail > lo_b + head
               and old[hi_a - tail - 1] == new[hi_b - tail - 1]):
            tail += 1
        if head:
            runs.append((lo_a, lo_b, head))
        if tail:
            runs.append((hi_a - tail, hi_b - tail, tail))
        lo_a, lo_b, hi_a, hi_b = lo_a + head, lo_b + head, hi_a - tail, hi_b - tail
        where_new = _unique_in_new(old[lo_a:hi_a], new[lo_b:hi_b], lo_b)
        if not where_new:
            continue
        # The common unique elements, where they stand on each side (two lists, not a
        # tuple each: 200 000 of them at the top of a 50 MB pair).
        at_old = [i for i, code in enumerate(old[lo_a:hi_a], start=lo_a) if code in where_new]
        at_new = [where_new[old[i]] for i in at_old]
        anchors = [(at_old[k], at_new[k]) for k in longest_increasing_from_the_end(at_new)]
        # The gaps between anchors (and before the first, after the last) are matched alike.
        edges = [(lo_a - 1, lo_b - 1), *anchors, (hi_a, hi_b)]
        for (i0, j0), (i1, j1) in pairwise(edges):
            if (i0, j0) != (lo_a - 1, lo_b - 1):
                runs.append((i0, j0, 1))
            if i0 + 1 < i1 and j0 + 1 < j1 and anchors:
                stack.append((i0 + 1, i1, j0 + 1, j1))
    return _joined(sorted(runs))


def _unique_in_new(
    old: Sequence[Hashable], new: Sequence[Hashable], start: int
) -> dict[Hashable, int]:
    """Where each element of `new` (which starts at `start`) stands, for the elements that
    no side holds twice (those `old` lacks may be among them: no anchor looks them up)."""
    in_old = set(old)
    # A gap whose sides share no element holds no run: most gaps of a long text are one
    # reworded paragraph, told here without counting its elements.
    if in_old.isdisjoint(new):
        return {}
    # Built in C, and the few repeated elements taken out: the numbered paragraphs of a long
    # text are unique but for a handful, and counting each of them in Python was the
    # slowest step of the matching.
    where_new = dict(zip(new, range(start, start + len(new)), strict=True))
    for elements, distinct in ((new, len(where_new)), (old, len(in_old))):
        if distinct < len(elements):
            for code in [code for code, n in Counter(elements).items() if n > 1]:
                where_new.pop(code, None)
    return where_new


def _joined(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Runs that touch as one run (anchors come one clause at a time): one run per gap."""
    joined: list[tuple[int, int, int]] = []
    for i, j, n in runs:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + n)
        else:
            joined.append((i, j, n))
    return joined


def align_large(old: Document, new: Document) -> Alignment:
    """Alignment of two long documents: equal runs unchanged, each hunk by the aligner."""
    old_refs, new_refs = clause_refs(old), clause_refs(new)
    runs = matching_runs(_keys(old_refs), _keys(new_refs))
    unchanged: list[ClausePair] = []
    places: list[tuple[int, int]] = []  # (old index, new index) of each unchanged pair
    aligned: list[ClausePair] = []
    # Where each changed clause stands, by the clause object: the steps below look the
    # aligner's pairs up in it (the unchanged ones have their places from the runs).
    old_at: dict[int, int] = {}
    new_at: dict[int, int] = {}
    i = j = 0
    for i1, j1, n in [*runs, (len(old_refs), len(new_refs), 0)]:
        old_at.update((id(r.clause), k) for k, r in enumerate(old_refs[i:i1], start=i))
        new_at.update((id(r.clause), k) for k, r in enumerate(new_refs[j:j1], start=j))
        aligned += _hunk(old.id, old_refs[i:i1], new_refs[j:j1])
        unchanged += [ClausePair(o, c, "unchanged", 1.0) for o, c in
                      zip(old_refs[i1 : i1 + n], new_refs[j1 : j1 + n], strict=True)]
        places += zip(range(i1, i1 + n), range(j1, j1 + n), strict=True)
        i, j = i1 + n, j1 + n
    aligned = _moves(old_at, new_at, places, _moved_whole(aligned))
    ordered = _reading_order(old_at, new_at, len(old_refs), places, unchanged + aligned)
    return Alignment(old, new, ordered)


def _keys(refs: list[ClauseRef]) -> list[ClauseKey]:
    """Each clause as what makes it equal to another: its label and text. An unlabelled
    clause is keyed by its text alone, the str object it holds (no tuple, no code per
    paragraph of a 50 MB text; a str never equals a tuple)."""
    texts = list(map(_TEXT, refs))
    labels = list(map(_LABEL, refs))
    if labels.count(None) == len(labels):  # told in C: a plain text's paragraphs
        return texts
    return [t if label is None else (label, t) for label, t in zip(labels, texts, strict=True)]


def _hunk(doc_id: str, old_refs: list[ClauseRef], new_refs: list[ClauseRef]) -> list[ClausePair]:
    """The pairs of one run of changed clauses (either side may be empty)."""
    if not old_refs or not new_refs:
        return ([ClausePair(r, None, "deleted", 0.0) for r in old_refs]
                + [ClausePair(None, r, "inserted", 0.0) for r in new_refs])
    if len(old_refs) * len(new_refs) > LARGE:
        raise InputError(
            f"{doc_id}: {len(old_refs)} old and {len(new_refs)} new clauses in a row differ, "
            "too many to align; diff smaller parts, or use --format patch (no alignment)"
        )
    return list(align_clause_refs(old_refs, new_refs))


def _moved_whole(pairs: list[ClausePair]) -> list[ClausePair]:
    """A clause deleted in one hunk and inserted with the same label and text in another is
    one clause that moved; `_moves` settles its status against the whole document."""
    inserted: dict[tuple[str | None, str], list[int]] = {}
    for k, p in enumerate(pairs):
        if p.old is None and p.new is not None:
            inserted.setdefault((p.new.clause.label, p.new.clause.text), []).append(k)
    moved_to: dict[int, int] = {}  # the deletion's index → the insertion's
    for k, p in enumerate(pairs):
        if p.new is None and p.old is not None:
            found = inserted.get((p.old.clause.label, p.old.clause.text))
            if found:
                moved_to[k] = found.pop(0)
    taken = set(moved_to.values())
    result = []
    for k, p in enumerate(pairs):
        if k in moved_to:
            result.append(ClausePair(p.old, pairs[moved_to[k]].new, "moved", 1.0))
        elif k not in taken:
            result.append(p)
    return result


def _moves(
    old_at: dict[int, int],
    new_at: dict[int, int],
    places: list[tuple[int, int]],
    aligned: list[ClausePair],
) -> list[ClausePair]:
    """Decide moves against the whole document: the aligner saw only the changed clauses,
    so it could not tell which of two crossed links left its place. A link is moved when it
    is out of the longest in-order run of all links, or changes section."""
    links = sorted([
        *((o, c, k) for k, (o, c) in enumerate(places)),
        *((old_at[id(p.old.clause)], new_at[id(p.new.clause)], k)
          for k, p in enumerate(aligned, start=len(places))
          if p.old is not None and p.new is not None and p.status not in ("split", "merged")),
    ])
    in_order = {links[k][2] for k in longest_increasing_from_the_end([j for _, j, _ in links])}
    result = []
    for k, p in enumerate(aligned, start=len(places)):
        if p.old is not None and p.new is not None and p.status not in ("split", "merged"):
            moved = k not in in_order or p.old.section != p.new.section
            same = p.old.clause.text == p.new.clause.text
            p = replace(p, status="moved" if moved else "unchanged" if same else "edited")
        result.append(p)
    return result


def _reading_order(
    old_at: dict[int, int],
    new_at: dict[int, int],
    old_count: int,
    places: list[tuple[int, int]],
    pairs: list[ClausePair],
) -> tuple[ClausePair, ...]:
    """Pairs (the unchanged ones first, at `places`) in reading order of the new text; a
    deleted clause after the new position of the old clause before it."""
    partner = dict(places)
    for p in pairs[len(places):]:
        if p.old is not None and p.new is not None:
            k = old_at[id(p.old.clause)]
            partner[k] = max(partner.get(k, -1), new_at[id(p.new.clause)])
    anchors: list[int] = []
    anchor = -1
    for k in range(old_count):
        anchor = partner.get(k, anchor)
        anchors.append(anchor)

    def key(p: ClausePair) -> tuple[int, int, int]:
        o = old_at[id(p.old.clause)] if p.old is not None else -1
        if p.new is not None:
            return (new_at[id(p.new.clause)], 0, o)
        return (anchors[o], 1, o)

    keys = [(c, 0, o) for o, c in places] + [key(p) for p in pairs[len(places):]]
    return tuple(map(pairs.__getitem__, sorted(range(len(pairs)), key=keys.__getitem__)))
