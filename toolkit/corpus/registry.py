"""The corpus registry: which texts of which editions are on disk, checked against the
manifest's hashes, and the one way new texts get in (`add`, `fetch`)."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from toolkit.corpus.editions import Edition, edition, known_editions
from toolkit.corpus.manifest import (
    KINDS,
    MANIFEST,
    CorpusEntry,
    load_manifest,
    write_manifest,
)
from toolkit.errors import CorpusError, InputError, MissingEditionError, ToolkitError
from toolkit.files import atomic_write_bytes
from toolkit.ingest import SourceText, read_bytes
from toolkit.ingest.read import EXTENSIONS, format_for, load_source_bytes
from toolkit.messages import suggest
from toolkit.parse import ParsedText, parse_source

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "corpora"


def open_corpus(root: Path | None = None) -> Corpus:
    """The corpus in `root`, else in $WTDC_CORPUS, else the repository's corpora/ folder."""
    if root is None:
        root = Path(os.environ["WTDC_CORPUS"]) if os.environ.get("WTDC_CORPUS") else DEFAULT_ROOT
    if not root.is_dir():
        raise CorpusError(
            f"{root}: no corpus folder there; set WTDC_CORPUS to a folder holding manifest.toml "
            "(or an empty folder to start a new corpus)"
        )
    return Corpus(root.resolve())


@dataclass(frozen=True)
class CorpusProblem:
    """A manifest entry whose file is gone or no longer has the recorded hash."""

    entry: CorpusEntry
    status: Literal["changed", "missing"]
    actual_sha256: str | None = None

    def __str__(self) -> str:
        name = self.entry.path.name
        if self.status == "missing":
            return f"missing: {name} ({self.entry.id}): the file is not in the corpus folder"
        return (
            f"changed: {name} ({self.entry.id}): sha256 {self.actual_sha256}, "
            f"manifest says {self.entry.sha256}"
        )


class Corpus:
    """The files listed in `root`/manifest.toml."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._entries = load_manifest(root)

    @property
    def entries(self) -> tuple[CorpusEntry, ...]:
        """Every entry of the manifest, in its order."""
        return self._entries

    def editions(self) -> tuple[str, ...]:
        """Ids of the editions that have at least one file, oldest first."""
        present = {entry.edition for entry in self._entries}
        return tuple(e.id for e in known_editions() if e.id in present)

    def entries_for(self, edition_id: str) -> tuple[CorpusEntry, ...]:
        """The entries of one edition; an unknown edition id is an error, not an empty answer."""
        edition(edition_id)
        return tuple(entry for entry in self._entries if entry.edition == edition_id)

    def entry(self, entry_id: str) -> CorpusEntry:
        """The entry of that id (case-insensitive)."""
        for entry in self._entries:
            if entry.id == entry_id.lower():
                return entry
        ids = [entry.id for entry in self._entries]
        raise CorpusError(f"no corpus entry '{entry_id}'{suggest(entry_id, ids)}; entries: "
                          f"{', '.join(ids) or 'none'} (see `wtdc corpus list`)")

    def final_report(self, edition_id: str) -> CorpusEntry:
        """The adopted final report of an edition (earlier versions of its parts do not count)."""
        known = edition(edition_id)
        for entry in self.entries_for(edition_id):
            if entry.kind == "final-report" and entry.is_final:
                return entry
        raise MissingEditionError(
            f"the corpus holds no final report of {known.id} ({known.label}); "
            f"run `wtdc corpus fetch {known.id}`, or download it yourself and run "
            f"`wtdc corpus add PATH --edition {known.id} --kind final-report`"
        )

    def missing_final_reports(self) -> tuple[str, ...]:
        """Known editions whose final report the corpus does not hold, oldest first."""
        held = {e.edition for e in self._entries if e.kind == "final-report" and e.is_final}
        return tuple(e.id for e in known_editions() if e.id not in held)

    def read(self, entry: CorpusEntry) -> SourceText:
        """The entry's text; a file that no longer matches its hash is read with a warning."""
        try:
            data = entry.path.read_bytes()
        except FileNotFoundError:
            raise CorpusError(
                f"{entry.path}: listed in the manifest as '{entry.id}' but missing; "
                f"restore the file, or run `wtdc corpus remove {entry.id}`"
            ) from None
        source = read_bytes(data, name=str(entry.path), format=entry.format)
        if _sha256(data) != entry.sha256:
            warning = f"{entry.path}: differs from the manifest's sha256 (run `wtdc corpus verify`)"
            source = replace(source, warnings=(*source.warnings, warning))
        return source

    def parse(self, entry: CorpusEntry) -> tuple[SourceText, ParsedText]:
        """The entry's text and its parse; an entry that no longer reads (a changed file, a
        toolkit upgrade) fails the commands that need it, naming the way out."""
        try:
            source = self.read(entry)
            return source, parse_source(source)
        except ToolkitError as error:
            if isinstance(error, CorpusError):
                raise
            raise CorpusError(
                f"corpus entry '{entry.id}' cannot be used ({error}); replace its file or "
                f"run `wtdc corpus remove {entry.id}`"
            ) from None

    def verify(self) -> tuple[CorpusProblem, ...]:
        """Entries whose file is missing or changed; empty when the corpus is intact."""
        problems = []
        for entry in self._entries:
            try:
                actual = _sha256(entry.path.read_bytes())
            except (FileNotFoundError, IsADirectoryError):
                problems.append(CorpusProblem(entry, "missing"))
                continue
            if actual != entry.sha256:
                problems.append(CorpusProblem(entry, "changed", actual))
        return tuple(problems)

    def add(
        self,
        path: str | os.PathLike[str],
        *,
        edition: str,
        kind: str,
        title: str | None = None,
        source: str | None = None,
        force: bool = False,
    ) -> CorpusEntry:
        """Copy a user's file into the corpus and record it in the manifest; `source` says
        where it came from (default: the file name and today's date).

        The file is read and parsed first, so one that no command could use never enters;
        `force` takes a `final-report` that lacks a part of one. The same file added again
        is the entry already there. The copy and the manifest are each written atomically.
        """
        if os.fspath(path) == "-":
            raise InputError("corpus add does not read standard input (the corpus keeps a copy "
                             "of a file); save the text to a file and give its path")
        file = Path(path)
        # A per-chapter HTML edition (folder, table of contents) enters as one zip.
        data, name = load_source_bytes(file)
        origin = source or f"added with `wtdc corpus add` from {file.name} on {_today()}"
        return self._add_data(
            data, name=name, edition_id=edition, kind=kind, title=title,
            source=origin, force=force,
        )

    def holds(self, path: str | os.PathLike[str]) -> CorpusEntry | None:
        """The entry holding the bytes `add` would store for `path` (a per-chapter edition
        packed as one zip), if any."""
        if os.fspath(path) == "-" or not Path(path).exists():
            return None
        digest = _sha256(load_source_bytes(path)[0])
        return next((e for e in self._entries if e.sha256 == digest), None)

    def remove(self, entry_id: str) -> CorpusEntry:
        """Take an entry out of the manifest, then delete its file; returns the entry."""
        with self._locked():
            entry = self.entry(entry_id)
            write_manifest(self.root, tuple(e for e in self._entries if e.id != entry.id))
            self._entries = tuple(e for e in self._entries if e.id != entry.id)
            entry.path.unlink(missing_ok=True)
        return entry

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the manifest's lock and read it afresh: two `corpus add` at once both land."""
        from filelock import FileLock, Timeout

        lock = FileLock(self.root / f".{MANIFEST}.lock")
        try:
            with lock.acquire(timeout=_LOCK_WAIT):
                self._entries = load_manifest(self.root)
                yield
        except Timeout:
            raise CorpusError(
                f"{lock.lock_file}: another wtdc command has held the corpus for "
                f"{_LOCK_WAIT:g} s; wait for it to finish and try again"
            ) from None

    def fetch(self, edition_id: str, *, timeout: float = 10.0) -> CorpusEntry:
        """Download the edition's official final report and add it; see toolkit.corpus.fetch."""
        from toolkit.corpus.fetch import download_final_report

        known = edition(edition_id)
        self._refuse_second_final_report(known)
        data, name, url = download_final_report(known, timeout=timeout)
        return self._add_data(
            data, name=name, edition_id=known.id, kind="final-report", title=None,
            source=f"downloaded by `wtdc corpus fetch` from {url} on {_today()}",
        )

    def _add_data(
        self,
        data: bytes,
        *,
        name: str,
        edition_id: str,
        kind: str,
        title: str | None,
        source: str,
        force: bool = False,
    ) -> CorpusEntry:
        """The one way into the corpus: validate, refuse duplicates, copy, record."""
        known = edition(edition_id)
        if kind not in KINDS:
            raise CorpusError(f"unknown kind '{kind}'; use one of: {', '.join(KINDS)}")
        if kind == "final-report":  # checked again under the lock; first, before any reading
            self._refuse_second_final_report(known)
        # Read and parse before anything is written: a file no command could use never enters.
        text = read_bytes(data, name=name, format=format_for(name))
        _check_usable(text, parse_source(text), kind=kind, force=force)
        suffix = Path(name).suffix.lower()
        if suffix not in EXTENSIONS:  # a download named "…/D-TDC-WTDC-2022"
            suffix = next(ext for ext, fmt in EXTENSIONS.items() if fmt == text.format)
        digest = _sha256(data)
        with self._locked():
            for entry in self._entries:
                if entry.sha256 == digest:
                    return entry  # added before: nothing to do
            return self._record(data, name=name, known=known, kind=kind, title=title,
                                source=source, text=text, digest=digest, suffix=suffix)

    def _record(self, data: bytes, *, name: str, known: Edition, kind: str, title: str | None,
                source: str, text: SourceText, digest: str, suffix: str) -> CorpusEntry:
        """Copy and record a checked file; the caller holds the lock."""
        if kind == "final-report":
            self._refuse_second_final_report(known)
        entry_id = _entry_id(known, kind, Path(name).name)
        target = self.root / f"{entry_id}{suffix}"
        for entry in self._entries:
            if entry.id == entry_id or entry.path.name == target.name:
                raise CorpusError(
                    f"{name}: the corpus already has an entry '{entry.id}' "
                    f"({entry.path.name}); rename your file, or run `wtdc corpus remove "
                    f"{entry.id}` first"
                )
        if target.exists():
            raise CorpusError(
                f"{target}: a file of that name is already in the corpus folder but not in "
                "the manifest; move it away and try again"
            )
        entry = CorpusEntry(
            id=entry_id,
            edition=known.id,
            kind=kind,  # type: ignore[arg-type]  # checked against KINDS above
            title=title or f"{_KIND_TITLES[kind]} ({known.label}), from {Path(name).name}",
            source=source,
            format=text.format,
            sha256=digest,
            path=target,
        )
        atomic_write_bytes(target, data)
        try:
            write_manifest(self.root, (*self._entries, entry))
        except BaseException:
            target.unlink(missing_ok=True)  # no file without its manifest line
            raise
        self._entries = (*self._entries, entry)
        return entry

    def _refuse_second_final_report(self, known: Edition) -> None:
        for entry in self._entries:
            if entry.edition == known.id and entry.kind == "final-report" and entry.is_final:
                raise CorpusError(
                    f"the corpus already holds the final report of {known.id} as '{entry.id}' "
                    f"({entry.path.name}); to replace it, run `wtdc corpus remove {entry.id}` "
                    "first"
                )


_LOCK_WAIT = 60.0  # seconds: a whole final report is parsed under the lock at most

# The heading of the status table every final report ends with (toolkit/parse/lineage.py).
_STATUS_TABLE = re.compile(r"^\s*Status of all resolutions, Recommendations and decisions",
                           re.MULTILINE | re.IGNORECASE)


def _check_usable(text: SourceText, parsed: ParsedText, *, kind: str, force: bool) -> None:
    """Refuse a file that no command could use as the `kind` it is added as (a text of kind
    `other` is only listed), and (unless `force`) a `final-report` that plainly is not one."""
    types = {d.type for d in parsed.documents}
    if kind != "other" and types <= {"text"} and not parsed.notes:
        raise CorpusError(
            f"{text.name}: holds no WTDC document (no RESOLUTION, QUESTION, DECLARATION, … "
            f"heading), so no command could use it as a {kind}; nothing added; add it with "
            "--kind other to keep it beside the texts, or compare it directly: wtdc diff OLD NEW"
        )
    if kind != "final-report" or force:
        return
    lacks = [
        part
        for part, present in (
            ("a declaration", "declaration" in types),
            ("resolutions", "resolution" in types),
            ("the status table", bool(_STATUS_TABLE.search(text.text))),
        )
        if not present
    ]
    if lacks:
        raise CorpusError(
            f"{text.name}: does not look like a final report (it lacks {', '.join(lacks)}); "
            "nothing added; give the whole report, add the file with another --kind "
            "(resolution, declaration, …), or add --force to take it as it is"
        )


_KIND_TITLES: dict[str, str] = {
    "final-report": "Final Report",
    "declaration": "Declaration",
    "regional-initiatives": "Regional initiatives",
    "resolution": "Resolution",
    "other": "Text",
}


def _entry_id(known: Edition, kind: str, original_name: str) -> str:
    # One final report per edition, so its id needs no more; other kinds keep the file's stem.
    if kind == "final-report":
        return f"{known.id}-final-report"
    stem = re.sub(r"[^a-z0-9]+", "-", Path(original_name).stem.lower()).strip("-") or "file"
    return f"{known.id}-{kind}-{stem}"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _today() -> str:
    return datetime.now(UTC).date().isoformat()

