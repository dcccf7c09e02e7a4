"""Markdown: the markup goes, the words and the line structure stay.

Emphasis (`**bold**`, `*em*`, `__`, `_`), heading `#`s, list bullets (`- `, `* `, `+ `),
block quotes, inline code ticks and link targets are removed. Ordered-list numbers and
labels such as `i)` are content and stay; so does a bracket that is not a link
(`[Baku Action Plan]`).
"""

from __future__ import annotations

import re

from toolkit.ingest.decode import decode
from toolkit.ingest.normalize import nfc, unify_newlines
from toolkit.ingest.source import SourceText

_ESCAPABLE = "\\`*_{}[]()#+-.!|>"
# Escaped characters are parked in the Private Use Area while the markup is stripped.
_PARK = 0xF0000
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_OR_RULE = re.compile(r"^ {0,3}(?:=+|-{2,}|(?:[-*_][ \t]*){3,})[ \t]*$")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"(`+)(.+?)\1")
_STAR_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_HARD_BREAK = re.compile(r"(?:[ \t]+|\\)$")


def read_markdown(data: bytes, *, name: str) -> SourceText:
    """A Markdown file as plain text: the markup goes, the words and lines stay."""
    decoded = decode(data, name=name)
    text = nfc(unify_newlines(decoded.text))
    return SourceText(
        text=strip_markdown(text),
        format="markdown",
        name=name,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )


def strip_markdown(text: str) -> str:
    """`text` without its Markdown markup, line for line, so line numbers still point home."""
    return "\n".join(_strip_line(line) for line in text.split("\n"))


def _strip_line(line: str) -> str:
    line = _ESCAPE.sub(lambda m: chr(_PARK + ord(m[1])), line)
    if _SETEXT_OR_RULE.match(line):
        return ""
    heading = _HEADING.match(line)
    if heading:
        line = heading[1]
    line = _QUOTE.sub("", line)
    line = _BULLET.sub("", line)
    line = _CODE.sub(lambda m: m[2].strip(), line)
    line = _IMAGE_OR_LINK.sub(r"\1", line)
    # Twice: `***x***` and nested `**a *b* c**`.
    for _ in range(2):
        line = _STAR_EMPHASIS.sub(r"\2", line)
        line = _UNDERSCORE_EMPHASIS.sub(r"\2", line)
    line = _HARD_BREAK.sub("", line)
    return "".join(chr(ord(c) - _PARK) if ord(c) >= _PARK else c for c in line)
