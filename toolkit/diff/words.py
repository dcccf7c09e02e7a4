"""Word-level diff operations: diff-match-patch over word tokens, not characters.

Each distinct token is mapped to one placeholder character (diff-match-patch's
`linesToChars` trick applied to words), the placeholder strings are diffed and cleaned up
semantically, and the placeholders are expanded back. Diffing tokens keeps a changed word
whole ("people" → "persons", not "pe[-ople-]{+rsons+}") and is far faster than
character diffing on prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from typing import Literal

from diff_match_patch import diff_match_patch

Granularity = Literal["word", "char"]
Op = tuple[int, str]
Ops = tuple[Op, ...]

DELETE, EQUAL, INSERT = -1, 0, 1

# Combining marks belong to the character before them, so a token never starts with one.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903" \
    "\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
# Tokens: runs of word characters, runs of whitespace, or one other character (with marks).
_WORD_TOKENS = re.compile(rf"[\w{_MARKS}]+|\s+|.[{_MARKS}]*", re.DOTALL)
_CHAR_TOKENS = re.compile(rf".[{_MARKS}]*", re.DOTALL)
_WORD = re.compile(r"\w+")


def _placeholders() -> Iterator[str]:
    """Placeholder characters, private-use areas first: they are neither letters nor spaces,
    so diff-match-patch's boundary scoring treats every token alike. Surrogates are skipped."""
    ranges = (
        range(0xE000, 0xF900),
        range(0xF0000, 0x10FFFE),
        range(0x10000, 0xF0000),
        range(0x100, 0xD800),
    )
    return map(chr, chain.from_iterable(ranges))


class PlaceholderCodes(dict[str, str]):
    """Token → placeholder character, a fresh one for each token not seen before."""

    def __init__(self) -> None:
        super().__init__()
        self._fresh = _placeholders()

    def __missing__(self, token: str) -> str:
        code = self[token] = next(self._fresh)
        return code


def tokens(text: str, *, granularity: Granularity = "word") -> list[str]:
    """Split `text` into the units the diff works on; joining them gives `text` back."""
    pattern = _WORD_TOKENS if granularity == "word" else _CHAR_TOKENS
    return pattern.findall(text)


def count_words(text: str) -> int:
    """The number of words in `text`, counted as the diff tokenises it."""
    return len(_WORD.findall(text))


def word_ops(
    old: str,
    new: str,
    *,
    granularity: Granularity = "word",
    ignore_case: bool = False,
    ignore_whitespace: bool = False,
) -> Ops:
    """Diff `old` against `new`: diff-match-patch operations (-1 delete, 0 equal, 1 insert).

    Joining the delete and equal texts gives `old`, the insert and equal texts `new`. With
    `ignore_case`/`ignore_whitespace`, tokens that differ only in case or in the kind of
    whitespace compare equal; their equal operation carries the new text, so only `new` is
    rebuilt exactly then.
    """
    if old == new:
        return ((EQUAL, new),) if new else ()
    old_tokens = tokens(old, granularity=granularity)
    new_tokens = tokens(new, granularity=granularity)

    def keys(token_list: list[str]) -> list[str]:
        if ignore_whitespace:
            token_list = [" " if t.isspace() else t for t in token_list]
        return [t.casefold() for t in token_list] if ignore_case else token_list

    codes = PlaceholderCodes()
    old_codes = "".join(map(codes.__getitem__, keys(old_tokens)))
    new_codes = "".join(map(codes.__getitem__, keys(new_tokens)))
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # the same inputs must always give the same operations
    diffs = dmp.diff_main(old_codes, new_codes, False)
    dmp.diff_cleanupSemantic(diffs)

    ops: list[Op] = []
    i_old = i_new = 0
    for op, codes_run in diffs:
        n = len(codes_run)
        if op == DELETE:
            text = "".join(old_tokens[i_old : i_old + n])
            i_old += n
        elif op == INSERT:
            text = "".join(new_tokens[i_new : i_new + n])
            i_new += n
        else:
            text = "".join(new_tokens[i_new : i_new + n])
            i_old += n
            i_new += n
        if ops and ops[-1][0] == op:
            ops[-1] = (op, ops[-1][1] + text)
        else:
            ops.append((op, text))
    return tuple(ops)


def old_text(ops: Ops) -> str:
    """The old text the operations start from (everything but insertions)."""
    return "".join(text for op, text in ops if op != INSERT)


def new_text(ops: Ops) -> str:
    """The new text the operations lead to (everything but deletions)."""
    return "".join(text for op, text in ops if op != DELETE)
