"""What counts as a change, in one place; the kinds of change a reader may ignore; ITU's marks.

A pair is changed when it moved, was inserted, deleted, split or merged, or when its
comparison texts differ once the ignored kinds are undone. A new label is never a change of
the text: relabelling (and renumbering) is reported as a kind of its own. An edit is of a
kind when undoing that kind alone makes both texts equal: a refreshed reference
(`Resolution 139 (Rev. Dubai, 2018)` → `(Rev. Bucharest, 2022)`), punctuation, quotes and
dashes (typography), letter case, or spacing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Literal

from toolkit.errors import InputError

if TYPE_CHECKING:  # annotations only: the records' methods count with this module
    from toolkit.align.model import Alignment, ChangeKind, ClausePair

ProposalMark = Literal["ADD", "MOD", "NOC", "SUP"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("references", "labels", "typography", "case", "whitespace")
# The kinds that undo part of a text, narrowest first: a change that spacing alone explains
# is reported as whitespace, not as typography (which drops spacing too).
_TEXT_KINDS: tuple[ChangeKind, ...] = ("whitespace", "case", "references", "typography")

# "(Rev. Dubai, 2018)", "(Kigali, 2022)", "(Rev. New Delhi, 2024)": an edition in brackets.
_EDITION = re.compile(r"\((?:Rev\.\s*)?[A-Z][\w'.\- ]*?,\s*\d{4}\)")
# "WTDC-22", "PP-22", "WTSA-24": a conference named by its year, whose "-22" becomes "-##".
# The hyphen comes first and the name is looked behind from it: a pattern that starts with a
# literal is searched for as fast as str.find, one that starts with `\b` is tried at every
# character (15× slower on prose).
_CONFERENCE = re.compile(
    "-(?:" + "|".join(rf"(?<=\b{name}-)" for name in ("WTDC", "PP", "WTSA", "WRC", "RA",
                                                     "WTPF", "WSIS")) + r")\d{2}\b"
)
# Punctuation and spacing both go: "radiofrequency" / "radio-frequency" and "cyber
# literacy" / "cyberliteracy" are the same words spelt apart or together.
_PUNCTUATION = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")
# What `_PUNCTUATION` matches among ASCII characters (all but letters and digits), as bytes.
_ASCII_PUNCTUATION = bytes(c for c in range(128) if not chr(c).isalnum())


def comparison_text(text: str, *, ignore: Collection[ChangeKind] = ()) -> str:
    """`text` (a clause's comparable form) with the ignored kinds undone."""
    first = _undo_first(text, "references" in ignore, "case" in ignore)
    return _undo_last(first, _last_step(ignore))


def _undo_first(text: str, references: bool, case: bool) -> str:
    if references:
        text = _CONFERENCE.sub("-##", _EDITION.sub("(#)", text))
    return text.casefold() if case else text


def _last_step(ignore: Collection[str]) -> str:
    """Typography drops spacing too, so it takes the place of whitespace."""
    return next((k for k in ("typography", "whitespace") if k in ignore), "")


def _undo_last(text: str, step: str) -> str:
    if step == "typography":
        if text.isascii():  # most clauses: the bytes' punctuation deleted in C, 5× faster
            return text.encode().translate(None, _ASCII_PUNCTUATION).decode()
        return _PUNCTUATION.sub("", text)
    return _SPACE.sub("", text) if step == "whitespace" else text


class _Forms(dict[tuple[str, ...], str]):
    """A text's comparison forms, made on demand and shared: the 15 combinations of kinds
    come to 12 forms on 4 first steps (references, case), and when the text names no edition
    the forms with references are those without (on a 50 MB diff, undoing each combination
    from scratch was half of the aligner's time)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        referenced = _undo_first(text, True, False)
        self.steps: dict[tuple[bool, bool, str], str] = {(False, False, ""): text}
        self.references = referenced != text
        if self.references:
            self.steps[True, False, ""] = referenced

    def __missing__(self, ignore: tuple[str, ...]) -> str:
        key = ("references" in ignore and self.references, "case" in ignore, _last_step(ignore))
        if key not in self.steps:
            references, case, last = key
            first = self.steps.get((references, case, ""))
            if first is None:
                first = self.steps[references, case, ""] = self.steps[
                    references, False, ""
                ].casefold()
            self.steps[key] = _undo_last(first, last)
        form = self[ignore] = self.steps[key]
        return form


# The one character for which undoing case and typography depends on their order (U+0345
# casefolds to a letter, but is no letter itself); test_folding_keeps_one_exception checks
# Python's Unicode tables for others.
FOLDING_EXCEPTIONS = "\u0345"


def _explainable(old: _Forms, new: _Forms) -> bool:
    """False when no combination of kinds can make the texts equal, known from two forms.

    Whatever a combination undoes, the texts it makes equal stay equal once case and
    typography are undone too, which gives the same text as undoing only these two (or
    these and references): so when the two widest forms, with and without references,
    differ, every combination does. A reworded clause is told in 2 forms, not 30.
    """
    if any(c in old.text or c in new.text for c in FOLDING_EXCEPTIONS):
        return True
    return any(old[widest] == new[widest] for widest in _WIDEST)


_WIDEST: tuple[tuple[ChangeKind, ...], ...] = (
    ("case", "typography"),
    ("references", "case", "typography"),
)


def change_kinds(old_text: str, new_text: str, *, relabelled: bool) -> tuple[ChangeKind, ...]:
    """The fewest kinds that explain the whole change, or () when the wording itself changed.

    Texts are the comparable forms (`Clause.text`); an unchanged text with a new label is a
    "labels" change only.
    """
    kinds: tuple[ChangeKind, ...] = ()
    if old_text != new_text:
        old_forms, new_forms = _Forms(old_text), _Forms(new_text)
        if not _explainable(old_forms, new_forms):
            return ()
        kinds = next(
            (
                combo
                for size in range(1, len(_TEXT_KINDS) + 1)
                for combo in combinations(_TEXT_KINDS, size)
                if old_forms[combo] == new_forms[combo]
            ),
            (),
        )
        if not kinds:
            return ()
    if relabelled:
        kinds += ("labels",)
    return tuple(k for k in CHANGE_KINDS if k in kinds)


def is_changed(pair: ClausePair, *, ignore: Collection[ChangeKind] = ()) -> bool:
    """The one definition of a change (module docstring): the CLI, the JSON, the report and
    the notebooks all count with it."""
    if pair.status in ("unchanged", "edited") and pair.old and pair.new:
        old, new = pair.old.clause.text, pair.new.clause.text
        return old != new and comparison_text(old, ignore=ignore) != comparison_text(
            new, ignore=ignore
        )
    return True


def is_hidden(pair: ClausePair, ignore: Collection[ChangeKind]) -> bool:
    """True when the pair differs, but only in kinds the reader chose to ignore."""
    return (
        bool(pair.change_kinds)
        and not is_changed(pair, ignore=ignore)
        and (not pair.relabelled or "labels" in ignore)
    )


def changed(alignments: Sequence[Alignment], *, ignore: Collection[ChangeKind] = ()) -> bool:
    """True when a pair of `alignments` is changed (`is_changed`)."""
    return any(is_changed(p, ignore=ignore) for a in alignments for p in a.pairs)


@dataclass(frozen=True)
class ChangeCount:
    """How many pairs changed and how many were only relabelled: the counts every view
    prints (CLI summary, JSON, report navigation, notebooks)."""

    pairs: int
    changed: int
    relabelled_only: int

    @classmethod
    def of(cls, pairs: Iterable[ClausePair], *, ignore: Collection[ChangeKind] = ()) -> ChangeCount:
        """The counts over `pairs`, setting aside the kinds in `ignore`."""
        return cls.counted(((is_changed(p, ignore=ignore), p.relabelled) for p in pairs),
                           ignore=ignore)

    @classmethod
    def counted(
        cls, flags: Iterable[tuple[bool, bool]], *, ignore: Collection[ChangeKind] = ()
    ) -> ChangeCount:
        """The counts from each pair's (changed, relabelled), for pairs whose change is
        already decided (a diff's clauses). A pair is only relabelled when its label is new,
        labels are not set aside, and it is unchanged: listed apart when asked."""
        labels = "labels" not in ignore
        pairs = changed = only = 0
        for is_change, relabelled in flags:  # one pass, no list: 200 000 pairs in 50 MB
            pairs += 1
            changed += is_change
            only += labels and relabelled and not is_change
        return cls(pairs=pairs, changed=changed, relabelled_only=only)

    def summary(self) -> str:
        """"16 of 40 clause pairs changed; 22 more only relabelled"."""
        more = f"; {self.relabelled_only} more only relabelled" if self.relabelled_only else ""
        return f"{self.changed} of {self.pairs} clause pairs changed{more}"


def parse_ignore(value: str, *, option: str = "--ignore") -> frozenset[ChangeKind]:
    """The kinds named in `--ignore typography,labels`, or an InputError naming the known ones."""
    names = {k.strip() for k in value.split(",") if k.strip()}
    unknown = sorted(names - set(CHANGE_KINDS))
    if unknown:
        raise InputError(f"{option}: unknown kind {', '.join(unknown)}; "
                         f"choose among {', '.join(CHANGE_KINDS)}")
    return frozenset(k for k in CHANGE_KINDS if k in names)


def proposal_mark(pair: ClausePair) -> ProposalMark:
    """ITU's vocabulary for proposals: ADD (new), SUP (suppressed), NOC (no change), MOD."""
    if pair.old is None:
        return "ADD"
    if pair.new is None:
        return "SUP"
    if pair.status == "unchanged" and not pair.relabelled:
        return "NOC"
    return "MOD"
