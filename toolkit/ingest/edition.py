"""ITU's per-chapter HTML edition: one HTML file per chapter, reached from a table of
contents. Given as a folder, a zip, or the saved table-of-contents page beside its linked
files, it is read as one text: the chapters in the order the table of contents lists them
(file-name order when there is none)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from toolkit.errors import InputError
from toolkit.ingest.html import read_html
from toolkit.ingest.layout import Cleaning
from toolkit.ingest.source import SourceText

_HTML = (".htm", ".html", ".xhtml")
_HREF = re.compile(rb"""href\s*=\s*["']?([^"'\s>#?]+)""", re.I)
_CONTENTS = ("index", "toc", "contents", "default")


def is_edition(path: Path) -> bool:
    """A folder, a zip of HTML files, or an HTML page that links to its chapters."""
    if path.is_dir():
        return any(p.suffix.lower() in _HTML for p in path.rglob("*"))
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return True
    return suffix in _HTML and path.is_file() and len(_chapters_linked(path)) >= 2


def pack_edition(path: Path) -> tuple[bytes, str]:
    """The edition as one zip (the corpus keeps one file per entry) and a name for it."""
    if path.suffix.lower() == ".zip" and path.is_file():
        return path.read_bytes(), str(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _HTML)
        root = path
    else:  # linked chapters come back resolved: so must the page and the root they share
        files = [path.resolve(), *_chapters_linked(path)]
        root = path.resolve().parent
    if not files:
        raise InputError(f"{path}: holds no .htm or .html file; give the folder of the HTML "
                         "edition, its zip or its table-of-contents page")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            # A fixed date: the same edition packs to the same bytes, so adding it again finds
            # the entry already there.
            inside = file.is_relative_to(root)  # a chapter linked from outside the folder
            member = zipfile.ZipInfo(file.relative_to(root).as_posix() if inside else file.name,
                                     (1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, file.read_bytes())
    stem = path.name if path.is_dir() else path.stem
    return buffer.getvalue(), str(path.with_name(f"{stem}.zip"))


def read_edition_zip(data: bytes, *, name: str) -> SourceText:
    """A zipped per-chapter HTML edition as one text, its chapters in reading order."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        pages = {n: archive.read(n) for n in archive.namelist()
                 if PurePosixPath(n).suffix.lower() in _HTML}
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(f"{name}: is not a readable zip ({error}); zip the folder of the "
                         "HTML edition again") from None
    if not pages:
        raise InputError(f"{name}: holds no .htm or .html file; give the zip of an HTML edition")
    order = _reading_order(pages)
    chapters = [read_html(pages[n], name=f"{name}:{n}") for n in order]
    return SourceText(
        text="\n\n".join(c.text for c in chapters if c.text.strip()),
        format="html",
        name=name,
        encoding=chapters[0].encoding,
        warnings=tuple(w for c in chapters for w in c.warnings),
        cleaning=Cleaning(footnotes=sum(c.cleaning.footnotes for c in chapters if c.cleaning)),
    )


def _reading_order(pages: dict[str, bytes]) -> list[str]:
    """The files the table of contents links to, in its order, then the rest by name (the
    table of contents itself repeats the chapters' headings: it is left out); without a
    table of contents, every file by name."""
    linked = {n: _local_links(n, pages[n], set(pages)) for n in pages}
    contents = sorted(
        (n for n in pages if len(linked[n]) >= 2),
        key=lambda n: (PurePosixPath(n).stem.lower() not in _CONTENTS, -len(linked[n]), n),
    )
    if not contents:
        return sorted(pages)
    toc = contents[0]
    order = list(dict.fromkeys(n for n in linked[toc] if n != toc))
    return order + sorted(set(pages) - {toc, *order})


def _local_links(name: str, page: bytes, members: set[str]) -> list[str]:
    base = PurePosixPath(name).parent
    found = []
    for target in _relative_links(page):
        resolved = _normalise(base / target)
        if resolved in members:
            found.append(resolved)
    return found


def _relative_links(page: bytes) -> Iterator[str]:
    """The targets of a page's links that point beside it (no scheme, no absolute path)."""
    for href in _HREF.findall(page):
        target = href.decode("utf-8", "replace")
        if "://" not in target and not target.startswith(("/", "mailto:")):
            yield target


def _normalise(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _chapters_linked(page: Path) -> list[Path]:
    """The existing local HTML files a page links to, in link order, without repeats."""
    try:
        data = page.read_bytes()
    except OSError:
        return []
    found: dict[Path, None] = {}
    for target in _relative_links(data):
        file = (page.parent / target).resolve()
        if file.suffix.lower() in _HTML and file.is_file() and file != page.resolve():
            found[file] = None
    return list(found)
