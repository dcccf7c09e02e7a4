"""Kinds of change a policy reader may want to hide, and ITU's proposal marks.

An edit is of a kind when undoing that kind alone makes both texts equal: a refreshed
reference (`Resolution 139 (Rev. Dubai, 2018)` → `(Rev. Bucharest, 2022)`), a new label,
or punctuation, quotes, dashes and spacing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Literal

from toolkit.align.model import Alignment, ChangeKind, ClausePair

ProposalMark = Literal["ADD", "MOD", "NOC", "SUP"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("references", "labels", "typography")

# "(Rev. Dubai, 2018)", "(Kigali, 2022)", "(Rev. New Delhi, 2024)": an edition in brackets.
_EDITION = re.compile(r"\((?:Rev\.\s*)?[A-Z][\w'.\- ]*?,\s*\d{4}\)")
# "WTDC-22", "PP-22", "WTSA-24": a conference named by its year.
_CONFERENCE = re.compile(r"\b(WTDC|PP|WTSA|WRC|RA|WTPF|WSIS)-\d{2}\b")
# Punctuation and spacing both go: "radiofrequency" / "radio-frequency" and "cyber
# literacy" / "cyberliteracy" are the same words spelt apart or together.
_PUNCTUATION = re.compile(r"[\W_]+")


def _without_references(text: str) -> str:
    return _CONFERENCE.sub(r"\1-##", _EDITION.sub("(#)", text))


def _without_typography(text: str) -> str:
    return _PUNCTUATION.sub("", text)


def change_kinds(old_text: str, new_text: str, *, relabelled: bool) -> tuple[ChangeKind, ...]:
    """The kinds that explain the whole change, or () when the wording itself changed.

    Texts are the comparable forms (`Clause.text`); an unchanged text with a new label is a
    "labels" change only.
    """
    kinds: list[ChangeKind] = []
    if old_text != new_text:
        old_ref, new_ref = _without_references(old_text), _without_references(new_text)
        if old_ref != old_text or new_ref != new_text:
            if old_ref == new_ref:
                kinds.append("references")
            elif _without_typography(old_ref) == _without_typography(new_ref):
                kinds += ["references", "typography"]
            else:
                return ()
        elif _without_typography(old_text) == _without_typography(new_text):
            kinds.append("typography")
        else:
            return ()
    if relabelled:
        kinds.append("labels")
    return tuple(k for k in CHANGE_KINDS if k in kinds)


def is_hidden(pair: ClausePair, hide: frozenset[ChangeKind] | set[ChangeKind]) -> bool:
    """True when every change in the pair is of a kind the reader chose to hide."""
    return bool(pair.change_kinds) and set(pair.change_kinds) <= set(hide)


def changed(alignments: Sequence[Alignment], *, hide: Collection[ChangeKind] = ()) -> bool:
    """True when a pair shows a change: not unchanged, or relabelled, unless `hide` covers it."""
    hidden = set(hide)
    return any(
        (p.status != "unchanged" or p.relabelled) and not is_hidden(p, hidden)
        for a in alignments
        for p in a.pairs
    )


def proposal_mark(pair: ClausePair) -> ProposalMark:
    """ITU's vocabulary for proposals: ADD (new), SUP (suppressed), NOC (no change), MOD."""
    if pair.old is None:
        return "ADD"
    if pair.new is None:
        return "SUP"
    if pair.status == "unchanged" and not pair.relabelled:
        return "NOC"
    return "MOD"
