"""Clause alignment of two versions of one document.

Clauses are linked one to one by an optimal assignment on a score matrix (word-level text
similarity, plus small terms for staying in a section of the same heading, for alike
neighbours and against drifting in relative position), so that boilerplate repeated
across a text goes to the copy in the right place instead of the first one met. Linking
runs within sections of the same heading first, then across the document for what is
left. What is still unlinked is examined for splits (a new clause contained in an old one
that also became another new clause) and merges (the converse).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from struct import pack, unpack
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from toolkit.align.kinds import change_kinds
from toolkit.align.model import Alignment, ClausePair, ClauseRef, PairStatus
from toolkit.parse.model import Document

# numpy is imported by the functions that build matrices, not here: a diff whose documents
# are equal, or differ one paragraph at a time, never needs it (its import is a tenth of
# `wtdc diff`'s start-up).
if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

# A link needs at least this text similarity (Indel ratio over words, 0–1). Over the Baku
# resolutions, 99.9% of pairs of unrelated clauses score below 0.37 (on characters the
# same share reaches 0.60, which is why similarity counts words).
LINK_THRESHOLD = 0.45
# Tie-breakers, small against text similarity: they decide between near-duplicates only.
SECTION_BONUS = 0.04
POSITION_COST = 0.06
CONTEXT_BONUS = 0.04
# A within-section link yields to a clause elsewhere that is this much more alike.
SECTION_FIRST_MARGIN = 0.1
# A link is ambiguous when another candidate scores within this margin of it.
AMBIGUITY_MARGIN = 0.01
# A new clause counts as a piece of an old one (split) when this much of it is found there.
CONTAINMENT = 0.9
# A group of pieces must rebuild the whole clause better than its best single piece does.
GROUP_GAIN = 0.05
# Links weaker than this may be undone when the clause proves to be a piece of a split or merge.
WEAK_LINK = 0.65


@dataclass(frozen=True)
class _Side:
    refs: tuple[ClauseRef, ...]
    keys: tuple[str, ...]  # one character per lower-cased word, punctuation dropped
    headings: tuple[str, ...]  # section heading key of each clause
    heading_codes: npt.NDArray[np.int64]  # the same as numbers shared by both sides
    sections: tuple[int, ...]
    position: npt.NDArray[np.float64]  # relative reading position in [0, 1]


def clause_refs(doc: Document) -> list[ClauseRef]:
    """Every clause of `doc` with where it stands, in reading order."""
    return [
        ClauseRef(doc.id, section.heading, index, clause)
        for index, section in enumerate(doc.sections)
        for clause in section.clauses
    ]


def _side(refs: Sequence[ClauseRef], headings_seen: dict[str, int]) -> _Side:
    import numpy as np
    count = len(refs)
    headings = tuple(_heading_key(r.section) for r in refs)
    return _Side(
        refs=tuple(refs),
        keys=tuple(_word_key(r.clause.text) for r in refs),
        headings=headings,
        heading_codes=np.array(
            [headings_seen.setdefault(h, len(headings_seen)) for h in headings], dtype=np.int64
        ),
        sections=tuple(r.section_index for r in refs),
        position=np.arange(count, dtype=np.float64) / max(count - 1, 1),
    )


_SURROGATES = 0xD800
_SURROGATE_COUNT = 0x800
_WORD_CODES = 0x110000 - _SURROGATE_COUNT


class _WordChars(dict[str, str]):
    """One character per distinct word, shared by every alignment in the process, so that a
    clause's key can be cached: most clauses recur unchanged in both texts compared."""

    def __missing__(self, word: str) -> str:
        # Counted from 0, so that the words met first (the commonest: "the", "of") fall below
        # 256, which rapidfuzz looks up in a table instead of a hash map: the score matrix
        # takes 40 % less time. Surrogates are skipped; beyond the code points that str can
        # hold, a word shares its character: still a fair similarity, past a million words.
        code = len(self) % _WORD_CODES
        char = self[word] = chr(code if code < _SURROGATES else code + _SURROGATE_COUNT)
        return char


_WORD_CHARS = _WordChars()


@lru_cache(maxsize=1 << 16)
def _word_key(text: str) -> str:
    """Spell each word as one character, so rapidfuzz's fast string metrics count words."""
    return "".join(map(_WORD_CHARS.__getitem__, default_process(text).split()))


@lru_cache(maxsize=1 << 12)
def _heading_key(heading: str | None) -> str:
    """Cached: every clause of a section asks for its heading's key."""
    return default_process(heading) if heading else ""


def _similarity(old: _Side, new: _Side) -> npt.NDArray[np.float64]:
    import numpy as np
    if not old.keys or not new.keys:
        return np.zeros((len(old.keys), len(new.keys)))
    scores = process.cdist(old.keys, new.keys, scorer=fuzz.ratio, dtype=np.float32, workers=1)
    return np.asarray(scores, dtype=np.float64) / 100.0


def _weights(
    old: _Side, new: _Side, similarity: npt.NDArray[np.float64], rows: list[int], cols: list[int]
) -> npt.NDArray[np.float64]:
    """Link weights of the old clauses `rows` against the new `cols` (those left once the
    anchors are linked): only these are weighed."""
    import numpy as np
    at_rows, at_cols = np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)
    same_heading = np.equal.outer(old.heading_codes[at_rows], new.heading_codes[at_cols])
    # Squared drift: a convex cost makes the order-keeping matching of identical copies the
    # cheapest one, so boilerplate stays in order.
    drift = np.subtract.outer(old.position[at_rows], new.position[at_cols]) ** 2
    # Context: how alike the neighbours are (the clauses before, and after, on both sides;
    # none past either end), which tells apart copies of one formula.
    bordered = np.pad(similarity, 1)
    context = bordered[np.ix_(at_rows, at_cols)] + bordered[np.ix_(at_rows + 2, at_cols + 2)]
    return (
        similarity[np.ix_(at_rows, at_cols)]
        + SECTION_BONUS * same_heading.astype(np.float64)
        + CONTEXT_BONUS * context / 2
        - POSITION_COST * drift
    )


def _components(edges: npt.NDArray[np.bool_]) -> list[tuple[list[int], list[int]]]:
    """Connected blocks of the bipartite candidate graph; each is assigned on its own."""
    import numpy as np
    rows, cols = edges.shape
    parent = list(range(rows + cols))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    row_ids, col_ids = np.nonzero(edges)
    for i, j in zip(row_ids.tolist(), col_ids.tolist(), strict=True):
        a, b = find(i), find(rows + j)
        if a != b:
            parent[a] = b
    blocks: dict[int, tuple[list[int], list[int]]] = {}
    for i in np.flatnonzero(edges.any(axis=1)).tolist():
        blocks.setdefault(find(i), ([], []))[0].append(i)
    for j in np.flatnonzero(edges.any(axis=0)).tolist():
        blocks.setdefault(find(rows + j), ([], []))[1].append(j)
    return list(blocks.values())


def _link(
    similarity: npt.NDArray[np.float64],
    weights: npt.NDArray[np.float64],
    allowed: npt.NDArray[np.bool_] | None = None,
) -> dict[int, int]:
    """One-to-one links old → new maximising the total weight among candidate edges."""
    import numpy as np

    from toolkit.align.assign import max_weight_assignment  # numpy too: see the imports
    edges = similarity >= LINK_THRESHOLD
    if allowed is not None:
        edges &= allowed
    links: dict[int, int] = {}
    for rows, cols in _components(edges):
        if len(rows) == 1 and len(cols) == 1:
            links[rows[0]] = cols[0]
            continue
        block = np.where(edges[np.ix_(rows, cols)], weights[np.ix_(rows, cols)], 0.0)
        for r, c in max_weight_assignment(block):
            if edges[rows[r], cols[c]]:
                links[rows[r]] = cols[c]
    return links


def _link_sections_first(
    old: _Side, new: _Side, similarity: npt.NDArray[np.float64]
) -> tuple[dict[int, int], set[int]]:
    """Link within sections of the same heading first, then across the document; the links,
    and the old clauses whose link is ambiguous (`_ambiguous`).

    A link made within a section stands only if no clause elsewhere is clearly more alike
    (by SECTION_FIRST_MARGIN) to either of its ends: a clause moved to another section must
    not be kept from its true partner by a mediocre neighbour. Anchors (`_anchors`) are
    linked before, and the rest is weighed and linked without them.
    """
    import numpy as np

    links = _anchors(old, new, similarity)
    rows = [i for i in range(len(old.refs)) if i not in links]
    taken = set(links.values())
    cols = [j for j in range(len(new.refs)) if j not in taken]
    rest_similarity = similarity[np.ix_(rows, cols)]
    weights = _weights(old, new, similarity, rows, cols)
    found = _link_in_sections(
        np.equal.outer(old.heading_codes[rows], new.heading_codes[cols]),
        rest_similarity,
        weights,
    )
    links.update({rows[r]: cols[c] for r, c in found.items()})
    return links, {rows[r] for r in _ambiguous(found, rest_similarity, weights)}


def _anchors(old: _Side, new: _Side, similarity: npt.NDArray[np.float64]) -> dict[int, int]:
    """Identical clauses (same words) that are the only candidate in their row and their
    column: each is a block of its own for the assignment, in either pass, so linking it
    first changes no decision; it takes no part in another link's margin or ambiguity
    (scores there are below the threshold), and its own link cannot be ambiguous (no
    runner-up). An identical clause with another candidate
    beside it is left to the assignment: a near-copy in the right section or context may be
    its partner, or make its link ambiguous (in the simulated revisions of bench_align,
    19 % of identical unique clauses are such)."""
    import numpy as np

    candidates = similarity >= LINK_THRESHOLD
    alone = candidates & (candidates.sum(axis=1) == 1)[:, None] & (candidates.sum(axis=0) == 1)
    rows, cols = np.nonzero(alone)
    return {
        i: j
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        if old.keys[i] == new.keys[j]
    }


def _link_in_sections(
    same_heading: npt.NDArray[np.bool_],
    similarity: npt.NDArray[np.float64],
    weights: npt.NDArray[np.float64],
) -> dict[int, int]:
    import numpy as np

    links = {}
    row_best = similarity.max(axis=1, initial=0.0)
    col_best = similarity.max(axis=0, initial=0.0)
    for i, j in _link(similarity, weights, same_heading).items():
        if similarity[i, j] >= max(row_best[i], col_best[j]) - SECTION_FIRST_MARGIN:
            links[i] = j
    rows = [i for i in range(similarity.shape[0]) if i not in links]
    taken = set(links.values())
    cols = [j for j in range(similarity.shape[1]) if j not in taken]
    rest = _link(similarity[np.ix_(rows, cols)], weights[np.ix_(rows, cols)])
    links.update({rows[r]: cols[c] for r, c in rest.items()})
    return links


def _ambiguous(
    links: dict[int, int], similarity: npt.NDArray[np.float64], weights: npt.NDArray[np.float64]
) -> set[int]:
    """Old clauses whose link has a runner-up (in its row or column) within the margin."""
    import numpy as np
    if not links:
        return set()
    scores = np.where(similarity >= LINK_THRESHOLD, weights, -np.inf)
    rows = np.fromiter(links, dtype=np.int64)
    cols = np.fromiter(links.values(), dtype=np.int64)

    def runner_up(
        matrix: npt.NDArray[np.float64], lines: npt.NDArray[np.int64], own: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float64]:
        picked = matrix[lines].copy()
        picked[np.arange(len(lines)), own] = -np.inf
        return np.asarray(picked.max(axis=1, initial=-np.inf))

    best_other = np.maximum(runner_up(scores, rows, cols), runner_up(scores.T, cols, rows))
    close = best_other >= weights[rows, cols] - AMBIGUITY_MARGIN
    return {int(i) for i in rows[close]}


def _groups(
    pieces_side: tuple[str, ...],
    whole_side: tuple[str, ...],
    unlinked: list[int],
    piece_links: dict[int, int],
    similarity_whole_piece: npt.NDArray[np.float64],
) -> dict[int, list[int]]:
    """Wholes (index on `whole_side`) rebuilt from several pieces: {whole: [pieces in order]}.

    A piece is an unlinked clause found almost entirely inside a longer whole; the whole's
    own link (if any) joins the group when the pieces together rebuild it better. Short
    pieces ("developing countries,") sit inside many wholes, so the whole that a
    neighbouring piece is linked to is tried first.
    """
    partner_of_whole = {whole: piece for piece, whole in piece_links.items()}
    pieces = [p for p in unlinked if pieces_side[p]]
    if not pieces:
        return {}
    found: dict[int, list[int]] = {}
    for piece in pieces:
        text = pieces_side[piece]
        beside = {piece_links[p] for p in (piece - 1, piece + 1) if p in piece_links}
        best = _containing_whole(text, sorted(beside), whole_side)
        # A one-word piece ("Voting", a sub-heading run into the clause it heads) is in
        # too many wholes to be looked for anywhere but beside its neighbour's.
        if best < 0 and len(text) >= 2:
            best = _containing_whole(text, range(len(whole_side)), whole_side)
        if best >= 0:
            found.setdefault(best, []).append(piece)
    groups: dict[int, list[int]] = {}
    for whole, parts in found.items():
        linked = partner_of_whole.get(whole)
        members = sorted(set(parts) | ({linked} if linked is not None else set()))
        if len(members) < 2:
            continue
        together = fuzz.ratio(whole_side[whole], "".join(pieces_side[m] for m in members)) / 100
        alone = similarity_whole_piece[whole, linked] if linked is not None else LINK_THRESHOLD
        # Near-perfect single links leave little room to gain: ask for half the headroom.
        if together >= max(alone + min(GROUP_GAIN, (1 - alone) / 2), LINK_THRESHOLD):
            groups[whole] = members
    return groups


def _containing_whole(text: str, wholes: Iterable[int], whole_side: tuple[str, ...]) -> int:
    """The longer whole that holds the piece `text` best (partial_ratio of at least
    CONTAINMENT, the first of equals), -1 if none. The share of the piece's distinct words
    found in a whole (most recur in its whole) rules out most wholes before the costly
    comparison; counted here for the longer wholes only (a matrix of shares over every whole
    took three times as long on the Final Report against its SIMULATED revision)."""
    words = set(text)
    best, best_score = -1, CONTAINMENT * 100
    for whole in wholes:
        other = whole_side[whole]
        if len(other) <= len(text) or len(words.intersection(other)) / len(words) < 0.8:
            continue
        score = fuzz.partial_ratio(text, other, score_cutoff=best_score)
        if score > best_score or (best < 0 and score >= best_score):
            best, best_score = whole, score
    return best


def _loose(i: int | None, j: int | None, similarity: npt.NDArray[np.float64]) -> bool:
    """An unlinked clause, or one whose link is weak enough to yield to a split or merge."""
    return i is None or j is None or similarity[i, j] < WEAK_LINK


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence of `values`, the one that keeps
    the earliest values in place: of two swapped neighbours, the one read first in the new
    text stays and the other one moved (down), as a reader of the new text sees it."""
    count = len(values)
    kept = longest_increasing_from_the_end([-v for v in reversed(values)])
    return {count - 1 - k for k in kept}


def longest_increasing_from_the_end(values: list[int]) -> list[int]:
    """Indices, ascending, of one longest strictly increasing subsequence of `values`,
    preferring the latest elements (patience sorting keeps the smallest tails). The
    large-document diff anchors its hunks with it too."""
    tails: list[int] = []  # tails[n]: index of the smallest last value of a run of n + 1
    tail_values: list[int] = []
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        # A value above every tail extends the longest run: most values of two versions of
        # a text, which keep their order, need no search.
        last = tail_values[-1] if tail_values else None
        n = len(tails) if last is not None and value > last else bisect_left(tail_values, value)
        if n:
            previous[k] = tails[n - 1]
        if n == len(tails):
            tails.append(k)
            tail_values.append(value)
        else:
            tails[n] = k
            tail_values[n] = value
    keep = []
    k = tails[-1] if tails else -1
    while k != -1:
        keep.append(k)
        k = previous[k]
    return keep[::-1]


def _section_map(old: _Side, new: _Side, links: dict[int, int]) -> dict[int, int]:
    """Old section index → the new section that continues it.

    By heading when exactly one new section bears it; otherwise the new section that
    received most of the old section's linked clauses.
    """
    new_by_heading: dict[str, set[int]] = {}
    for heading, section in zip(new.headings, new.sections, strict=True):
        new_by_heading.setdefault(heading, set()).add(section)
    votes: dict[int, dict[int, int]] = {}
    for i, j in links.items():
        tally = votes.setdefault(old.sections[i], {})
        tally[new.sections[j]] = tally.get(new.sections[j], 0) + 1
    mapping: dict[int, int] = {}
    for heading, section in zip(old.headings, old.sections, strict=True):
        if section in mapping:
            continue
        named = new_by_heading.get(heading, set())
        if len(named) == 1:
            mapping[section] = next(iter(named))
        elif section in votes:
            tally = votes[section]
            mapping[section] = max(tally, key=lambda s: (tally[s], s in named, -s))
    return mapping


def align_clauses(old: Document, new: Document) -> Alignment:
    """Link every clause of `old` to what became of it in `new`; see the module docstring."""
    pairs = align_clause_refs(clause_refs(old), clause_refs(new))
    return Alignment(old_doc=old, new_doc=new, pairs=pairs)


def align_clause_refs(
    old_refs: Sequence[ClauseRef], new_refs: Sequence[ClauseRef]
) -> tuple[ClausePair, ...]:
    """The pairs of `align_clauses` for some clauses of two documents, in their reading
    order: the large-document diff aligns its hunks with it."""
    if len(old_refs) == 1 == len(new_refs):
        return _one_to_one(old_refs[0], new_refs[0])
    headings: dict[str, int] = {}
    o, n = _side(old_refs, headings), _side(new_refs, headings)
    similarity = _similarity(o, n)
    # Ambiguity is decided link by link, so it holds for the links that splits and merges
    # leave.
    links, ambiguous = _link_sections_first(o, n, similarity)
    splits, merges = _splits_and_merges(o, n, links, similarity)
    sections = _section_map(o, n, links)
    # A clause that went to another section moved; of the rest, those outside one longest
    # run kept in order did: the fewest moves that explain the new order.
    stayed = [i for i, j in links.items() if sections.get(o.sections[i]) == n.sections[j]]
    order = sorted(stayed, key=lambda i: links[i])
    in_order = {order[k] for k in _longest_increasing(order)}

    pairs: list[tuple[tuple[int, int, int], ClausePair]] = []
    for i, j in links.items():
        status: PairStatus
        moved = i not in in_order
        same_text = o.refs[i].clause.text == n.refs[j].clause.text
        status = "moved" if moved else "unchanged" if same_text else "edited"
        pairs.append(
            (
                (j, 0, i),
                _pair(
                    o.refs[i],
                    n.refs[j],
                    status,
                    similarity[i, j],
                    i in ambiguous,
                ),
            )
        )
    for i, pieces in splits.items():
        for j in pieces:
            pairs.append(((j, 0, i), _pair(o.refs[i], n.refs[j], "split", similarity[i, j], False)))
    for j, pieces in merges.items():
        for i in pieces:
            pairs.append(
                ((j, 0, i), _pair(o.refs[i], n.refs[j], "merged", similarity[i, j], False))
            )

    pairs += _unpaired(o, n, pairs)
    pairs.sort(key=lambda item: item[0])
    return tuple(p for _, p in pairs)


def _splits_and_merges(
    o: _Side, n: _Side, links: dict[int, int], similarity: npt.NDArray[np.float64]
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Old clauses split into several new ones, and new ones merged from several old ones
    ({whole: pieces}); the one-to-one links they replace leave `links`."""
    # Pieces of a split or merge: unlinked clauses, and weakly linked ones (a short piece
    # often finds some poor partner of its own before the grouping sees it).
    partner_of_new = {j: i for i, j in links.items()}
    splits = _groups(
        n.keys,
        o.keys,
        [j for j in range(len(n.refs)) if _loose(partner_of_new.get(j), j, similarity)],
        partner_of_new,
        similarity,
    )
    for whole, pieces in splits.items():
        links.pop(whole, None)
        for piece in pieces:
            if partner_of_new.get(piece) not in (None, whole):
                links.pop(partner_of_new[piece], None)
    merges = _groups(
        o.keys,
        n.keys,
        [i for i in range(len(o.refs)) if i not in splits and _loose(i, links.get(i), similarity)],
        links,
        similarity.T,
    )
    split_pieces = {j for pieces in splits.values() for j in pieces}
    merges = {j: pieces for j, pieces in merges.items() if j not in split_pieces}
    for whole, pieces in merges.items():
        for piece in pieces:
            links.pop(piece, None)
        for i in [i for i, j in links.items() if j == whole]:
            links.pop(i)

    return splits, merges


def _unpaired(
    o: _Side, n: _Side, pairs: list[tuple[tuple[int, int, int], ClausePair]]
) -> list[tuple[tuple[int, int, int], ClausePair]]:
    """Deleted old clauses, each after the new place of the old clause before it, and
    inserted new ones, keyed for the reading order of `pairs`."""
    unpaired: list[tuple[tuple[int, int, int], ClausePair]] = []
    new_of_old: dict[int, int] = {}
    for (j, _, i), _ in pairs:
        new_of_old[i] = max(new_of_old.get(i, -1), j)
    anchor = -1
    for i, ref in enumerate(o.refs):
        if i in new_of_old:
            anchor = new_of_old[i]
        else:
            unpaired.append(((anchor, 1, i), ClausePair(ref, None, "deleted", 0.0)))
    covered_new = {key[0] for key, _ in pairs if key[1] == 0}
    for j, ref in enumerate(n.refs):
        if j not in covered_new:
            unpaired.append(((j, 0, -1), ClausePair(None, ref, "inserted", 0.0)))
    return unpaired


def _one_to_one(old: ClauseRef, new: ClauseRef) -> tuple[ClausePair, ...]:
    """What `align_clause_refs` decides for one clause on each side, without its matrices:
    most hunks of a long document (toolkit.diff.large) are one reworded paragraph. Alone,
    the pair cannot be ambiguous, moved, split or merged: linked when alike enough, else one
    deletion and one insertion."""
    # Rounded through float32 as _similarity's matrix is, so both paths decide alike.
    key_old, key_new = _word_key(old.clause.text), _word_key(new.clause.text)
    similarity = _float32(fuzz.ratio(key_old, key_new)) / 100.0
    if similarity < LINK_THRESHOLD:
        return ClausePair(old, None, "deleted", 0.0), ClausePair(None, new, "inserted", 0.0)
    status: PairStatus = "unchanged" if old.clause.text == new.clause.text else "edited"
    return (_pair(old, new, status, similarity, False),)


def _float32(value: float) -> float:
    """`value` rounded to single precision, as numpy's float32 does, without numpy."""
    return float(unpack("f", pack("f", value))[0])


def _pair(
    old: ClauseRef, new: ClauseRef, status: PairStatus, similarity: float, ambiguous: bool
) -> ClausePair:
    relabelled = old.clause.label != new.clause.label
    if old.clause.text == new.clause.text:
        similarity = 1.0
    # A move, split or merge is never cosmetic, whatever its wording: no kind can hide it.
    kinds = (
        ()
        if status in ("split", "merged", "moved")
        else change_kinds(old.clause.text, new.clause.text, relabelled=relabelled)
    )
    return ClausePair(
        old=old,
        new=new,
        status=status,
        similarity=round(float(similarity), 4),
        relabelled=relabelled,
        ambiguous=ambiguous,
        change_kinds=kinds,
    )
