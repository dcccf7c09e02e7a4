"""Word-level diff operations: diff-match-patch over word tokens, not characters.

Each distinct token is mapped to one placeholder character (diff-match-patch's
`linesToChars` trick applied to words), the placeholder strings are diffed and cleaned up
semantically, and the placeholders are expanded back. Diffing tokens keeps a changed word
whole ("people" → "persons", not "pe[-ople-]{+rsons+}") and is far faster than
character diffing on prose. The diff runs in diff-match-patch's C++ port
(`fast_diff_match_patch`), which gives the same operations as the Python one six times
faster (the word diffs of a 50 MB pair's 12 000 edited paragraphs were a quarter of its time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from typing import Literal

import fast_diff_match_patch

Granularity = Literal["word", "char"]
Op = tuple[int, str]
Ops = tuple[Op, ...]

DELETE, EQUAL, INSERT = -1, 0, 1
# The C++ port names its operations by sign.
_OPS = {"-": DELETE, "=": EQUAL, "+": INSERT}

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

    old_keys, new_keys = keys(old_tokens), keys(new_tokens)
    # Each distinct token its placeholder, in the order first met (built in C; the
    # placeholders outnumber the tokens).
    codes = dict(zip(dict.fromkeys(chain(old_keys, new_keys)), _placeholders(), strict=False))
    old_codes = "".join(map(codes.__getitem__, old_keys))
    new_codes = "".join(map(codes.__getitem__, new_keys))
    # No time limit: the same inputs must always give the same operations. Counts only:
    # a run of n placeholders stands for n tokens.
    diffs = fast_diff_match_patch.diff(old_codes, new_codes, timelimit=0, checklines=False,
                                       cleanup="Semantic", counts_only=True)

    ops: list[Op] = []
    i_old = i_new = 0
    for sign, n in diffs:
        op = _OPS[sign]
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
