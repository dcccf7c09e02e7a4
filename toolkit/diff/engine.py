"""diff_sources: pair documents, align their clauses, then diff each aligned pair by word.

Word diffs run per clause pair, never over a whole document: clause pairs are short, and a
word-mode diff of the 1.2 MB report in one piece takes about half a minute.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace

from toolkit.align import align_clauses, is_changed
from toolkit.align.clauses import clause_refs
from toolkit.align.model import Alignment, ChangeKind, ClausePair, ClauseRef
from toolkit.diff.large import LARGE, align_large
from toolkit.diff.model import ClauseDiff, DiffOptions, DocumentDiff, TextDiff, words_changed
from toolkit.diff.words import DELETE, EQUAL, INSERT, Granularity, Ops, word_ops
from toolkit.parse.model import Document

Progress = Callable[[int, int], None]  # (documents done, documents in all)
# The statuses of a pair whose equal texts are no change (toolkit.align.kinds.is_changed).
_KEPT = ("unchanged", "edited")


def diff_sources(
    old: Sequence[Document],
    new: Sequence[Document],
    *,
    old_name: str = "old",
    new_name: str = "new",
    granularity: Granularity = "word",
    ignore: Collection[ChangeKind] = (),
    progress: Progress | None = None,
) -> TextDiff:
    """Diff two parsed texts clause by clause.

    Documents are paired by id (two single-document texts pair whatever their ids); a
    document without a partner shows as wholly deleted or inserted. `ignore`: kinds of
    change set aside (toolkit.align.kinds), as git's `-w` sets spacing aside.
    """
    options = DiffOptions(granularity, frozenset(ignore))
    pairs = _pair_documents(old, new)
    documents = []
    for done, (old_doc, new_doc, reason) in enumerate(pairs, start=1):
        alignment = replace(_align(old_doc, new_doc), reason=reason)
        documents.append(_diff_document(alignment, options))
        if progress is not None:
            progress(done, len(pairs))
    return TextDiff(old_name, new_name, tuple(documents), options)


def diff_alignments(
    alignments: Sequence[Alignment],
    *,
    old_name: str = "old",
    new_name: str = "new",
    granularity: Granularity = "word",
    ignore: Collection[ChangeKind] = (),
) -> TextDiff:
    """Diff alignments made elsewhere (e.g. documents paired by lineage), clause by clause."""
    options = DiffOptions(granularity, frozenset(ignore))
    documents = tuple(_diff_document(a, options) for a in alignments)
    return TextDiff(old_name, new_name, documents, options)


def _pair_documents(
    old: Sequence[Document], new: Sequence[Document]
) -> list[tuple[Document | None, Document | None, str]]:
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0], "the one document of each text")]
    old_by_id = {d.id: d for d in old}
    new_ids = {d.id for d in new}
    pairs: list[tuple[Document | None, Document | None, str]] = [
        (old_by_id[d.id], d, "same document id")
        if d.id in old_by_id
        else (None, d, "no document with this id in the old text")
        for d in new
    ]
    pairs.extend(
        (d, None, "no document with this id in the new text") for d in old if d.id not in new_ids
    )
    return pairs


def _align(old: Document | None, new: Document | None) -> Alignment:
    if old is not None and new is not None:
        if old == new:
            # Documents compare by meaning (labels and normalised text); most documents of
            # a revised report are untouched, and pairing them in order needs no aligner.
            pairs = tuple(
                ClausePair(o, n, "unchanged", 1.0)
                for o, n in zip(clause_refs(old), clause_refs(new), strict=True)
            )
            return Alignment(old, new, pairs)
        if len(old.clauses) * len(new.clauses) > LARGE:
            return align_large(old, new)
        return align_clauses(old, new)
    doc = old or new
    assert doc is not None
    doc_refs = clause_refs(doc)
    if old is not None:
        pairs = tuple(ClausePair(ref, None, "deleted", 0.0) for ref in doc_refs)
        return Alignment(old, None, pairs)
    pairs = tuple(ClausePair(None, ref, "inserted", 0.0) for ref in doc_refs)
    return Alignment(None, new, pairs)


def _diff_document(alignment: Alignment, options: DiffOptions) -> DocumentDiff:
    def diff(old: str, new: str) -> Ops:
        return word_ops(
            old,
            new,
            granularity=options.granularity,
            ignore_case=options.ignore_case,
            ignore_whitespace=options.ignore_whitespace,
        )

    groups = _groups(alignment.pairs)
    clauses = []
    for pair in alignment.pairs:
        ops: Ops
        group: tuple[ClausePair, ...] = ()
        if pair.old is None and pair.new is not None:
            text = pair.new.clause.text
            ops = ((INSERT, text),) if text else ()
        elif pair.new is None and pair.old is not None:
            text = pair.old.clause.text
            ops = ((DELETE, text),) if text else ()
        elif id(pair) in groups:
            group = groups[id(pair)]
            if group[0] is not pair:  # shown, and counted, with the group's first pair
                clauses.append(ClauseDiff(pair, (), group=group, ignore=options.ignore))
                continue
            old_text = " ".join(_unique_texts(p.old for p in group))
            new_text = " ".join(_unique_texts(p.new for p in group))
            ops = diff(old_text, new_text)
        else:
            assert pair.old is not None
            assert pair.new is not None
            old_text, new_text = pair.old.clause.text, pair.new.clause.text
            # Equal texts (most pairs of two versions of a long text) and an edit of ignored
            # kinds only (`--ignore typography`) show as the new text, with nothing to count.
            if (pair.status in _KEPT and old_text == new_text) or not is_changed(
                pair, ignore=options.ignore
            ):
                ops = ((EQUAL, new_text),) if new_text else ()
                clauses.append(ClauseDiff(pair, ops, ignore=options.ignore))
                continue
            ops = diff(old_text, new_text)
        added, removed = words_changed(ops)
        clauses.append(ClauseDiff(pair, ops, added, removed, group=group, ignore=options.ignore))
    return DocumentDiff(alignment, tuple(clauses))


def _unique_texts(refs: Iterable[ClauseRef | None]) -> list[str]:
    """Texts of the distinct clauses among `refs`, in order (a split repeats its whole)."""
    seen: dict[str, str] = {}
    for ref in refs:
        if ref is not None:
            seen.setdefault(ref.id, ref.clause.text)
    return list(seen.values())


def _groups(pairs: tuple[ClausePair, ...]) -> dict[int, tuple[ClausePair, ...]]:
    """Each split (one old clause, several new) and merge (several old, one new) as a group,
    keyed by the id() of each of its pairs: a group is diffed as a whole, pieces joined."""
    wholes: dict[str, list[ClausePair]] = {}
    for pair in pairs:
        if pair.status == "split" and pair.old is not None:
            wholes.setdefault("old:" + pair.old.id, []).append(pair)
        elif pair.status == "merged" and pair.new is not None:
            wholes.setdefault("new:" + pair.new.id, []).append(pair)
    return {id(p): tuple(group) for group in wholes.values() for p in group}
