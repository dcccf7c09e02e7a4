"""Footnotes that a PDF's text extraction prints at the foot of its pages: set apart from
the body and matched to the markers the text carries (pdftotext without -layout prints the
numbers apart from the texts)."""

from __future__ import annotations

import itertools
import re

from toolkit.ingest.hyphens import LINE_END_HYPHENS, join_hyphenated
from toolkit.ingest.layout import glued
from toolkit.ingest.widths import fits_after, printed_width

_NOTE_OPENING = re.compile(r"[A-Z\"“'(]|https?:")  # what a footnote's text starts with
_NOTE = re.compile(r"^(\d{1,3})\s+((?:[A-Z\"“'(]|https?:).*)$")


def set_apart_footnotes(lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """pdftotext without -layout prints a page's footnote numbers as runs of lone numbers (a
    block of their own, or the last lines of a block; counting up, or from 1 again in the
    next document) and their texts as the page's last block, after the first run. The
    fewest runs that explain the texts win (a lone number higher up is more likely a label),
    the texts making a block of their own before the texts running on from the body's last
    block."""
    blocks = text_blocks(lines)
    runs = [(index, start) for index, block in enumerate(blocks)
            if (start := _number_run(block)) < len(block)]
    for whole in (True, False):
        for first in reversed(range(len(runs))):
            found = _notes_after(blocks, dict(runs[first:]), whole=whole)
            if found is not None:
                return found
    return unblocked(blocks), []


# A footnote number pdftotext printed after the last word of the body: it took it for the
# rest of a word broken by a line-end hyphen (`radi-` / `4`: `radi4`) and dropped the hyphen.
_GLUED_NUMBER = re.compile(r"(?<=[^\W\d_]{2})\d{1,3}$")


def _number_run(block: list[str]) -> int:
    """Where the lone numbers that end a block start, or its last line when a number is
    glued to its end (the block's length when neither)."""
    start = len(block)
    while start and block[start - 1].strip().isdecimal() and len(block[start - 1].strip()) <= 3:
        start -= 1
    if start == len(block) and _GLUED_NUMBER.search(block[-1].rstrip()):
        return start - 1
    return start


def _glued_number(line: str) -> tuple[str, str]:
    """The number glued to the end of `line`, and the line with its hyphen back."""
    match = _GLUED_NUMBER.search(line.rstrip())
    assert match is not None
    return match[0], line[:match.start()] + "-"


def _notes_after(blocks: list[list[str]], runs: dict[int, int], *,
                 whole: bool) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The page's body and notes when `runs` (block → first line) hold its note numbers."""
    numbers: list[str] = []
    kept = [block[:runs.get(index, len(block))] for index, block in enumerate(blocks)]
    for index, start in runs.items():
        for line in blocks[index][start:]:
            if line.strip().isdecimal():
                numbers.append(line.strip())
            else:  # a glued number leaves its line, hyphen restored
                number, rest = _glued_number(line)
                numbers.append(number)
                kept[index].append(rest)
    texts_at = max((index for index, block in enumerate(kept) if block), default=-1)
    if texts_at <= min(runs) or not all(
            int(b) in (int(a) + 1, 1) for a, b in itertools.pairwise(numbers)):
        return None
    split = _note_texts([line.strip() for line in kept[texts_at]], len(numbers), whole=whole)
    if split is None:
        return None
    start, texts = split
    kept[texts_at] = kept[texts_at][:start]
    body = [block for block in kept if block]
    # A lone number higher up that the first number goes on from is a label of its list.
    labels = [line.strip() for block in blocks[:min(runs)] for line in block
              if line.strip().isdecimal()]
    if not _marked(numbers, texts, "\n".join(line for block in body for line in block),
                   label=labels[-1:] == [str(int(numbers[0]) - 1)],
                   above=whole and texts_at == min(runs) + 1):
        return None
    return unblocked(body), list(zip(numbers, texts, strict=True))


def _marked(numbers: list[str], texts: list[str], text: str, *, label: bool,
            above: bool) -> bool:
    """Whether each number is the marker of a word of the page's `text`. The first may be a
    note whose marker was on a page before, unless it goes on from a `label` above it: when
    another number is a marker of the page, or when it is a run right `above` the notes."""
    carried = [carries(text, n, note) for n, note in zip(numbers, texts, strict=True)]
    return all(carried[1:]) and (carried[0] or (not label and (any(carried) or above)))


def _note_texts(lines: list[str], count: int, *,
                whole: bool) -> tuple[int, list[str]] | None:
    """`count` notes from the lines of the page's last block and the line they start at:
    the whole block, or else its fewest last lines after a line narrower than theirs (the
    body's, in a larger type); None when no such notes can be told apart. A note starts on
    a line whose first word would have fitted on the line above."""
    for start in [0] if whole else range(len(lines) - 1, 0, -1):
        notes = lines[start:]
        if not _NOTE_OPENING.match(notes[0]):
            continue
        # The notes' measure: their lines that wrap inside a sentence are full.
        full = [printed_width(a) for a, b in itertools.pairwise(notes) if b[:1].islower()]
        measure = max(full or [printed_width(line) for line in notes])
        if start and printed_width(lines[start - 1]) >= 0.9 * measure:
            continue
        opening = [i for i in range(1, len(notes)) if _NOTE_OPENING.match(notes[i])]
        starts = [0] + [i for i in opening
                        if fits_after(printed_width(notes[i - 1]), notes[i], measure)]
        if len(starts) != count and len(opening) + 1 == count:
            starts = [0, *opening]  # a note's last line that happens to be full
        if len(starts) == count:
            return start, [" ".join(notes[a:b])
                           for a, b in itertools.pairwise([*starts, len(notes)])]
    return None


def unblocked(blocks: list[list[str]]) -> list[str]:
    """The blocks' lines with a blank line between two blocks."""
    return [line for block in blocks for line in ["", *block]][1:]


def text_blocks(lines: list[str]) -> list[list[str]]:
    """Runs of filled lines between blank ones."""
    return [list(group) for filled, group in itertools.groupby(lines, key=lambda ln: bool(
        ln.strip())) if filled]


def split_footnotes(lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The page's footnotes: from the first numbered line under the text whose number the
    text above carries as a marker, to the foot of the page."""
    filled = [line for line in lines if line.strip()]
    for start, line in enumerate(filled):
        note = _NOTE.match(line.strip())
        if note is None:
            continue
        above = "\n".join(filled[:start])
        if not carries(above, note[1], note[2]):
            continue
        notes: list[tuple[str, str]] = []
        expected = int(note[1])
        for rest in filled[start:]:
            more = _NOTE.match(rest.strip())
            if more and int(more[1]) == expected:
                notes.append((more[1], more[2]))
                expected += 1
            elif more and int(more[1]) < expected:
                break  # a number seen again: the block started too high (a cell `2 Study …`)
            elif notes:
                notes[-1] = (notes[-1][0], _continued(notes[-1][1], rest.strip()))
        else:
            if all(carries(above, m, text) for m, text in notes):
                return filled[:start], notes
    return filled, []


def _continued(note: str, line: str) -> str:
    """A footnote's text with its next line: a line-end hyphen (`inclusive-` before
    `digital-communities` in a URL) stays and takes no space after it."""
    if note[-1:] in LINE_END_HYPHENS and line[:1].islower():
        return join_hyphenated(note, line)[0]
    return f"{note} {line}"


def carries(text: str, marker: str, note: str) -> bool:
    """Whether `text` carries the marker of footnote `note`: glued to a word, or to a number
    the footnote names (`Focus Group 71` for a note on Focus Group 7)."""
    if glued(marker).search(text):
        return True
    numbered = re.finditer(rf"\b([A-Za-z]{{2,}}\s+\d+){marker}(?!\d)", text)
    return any(" ".join(match[1].split()) in note for match in numbered)
