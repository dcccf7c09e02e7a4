"""corpora/manifest.toml: one [[file]] table per corpus file, read and written whole."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from toolkit.corpus.editions import known_editions
from toolkit.errors import CorpusError
from toolkit.files import atomic_write_text
from toolkit.ingest import SourceFormat

CorpusKind = Literal["final-report", "declaration", "regional-initiatives", "resolution", "other"]
KINDS: tuple[str, ...] = get_args(CorpusKind)
FORMATS: tuple[str, ...] = get_args(SourceFormat)
MANIFEST = "manifest.toml"

HEADER = """\
# The corpus the toolkit runs on by default. Files are kept byte-identical to what was
# published (sha256 below; `wtdc corpus verify` checks them); the toolkit normalises on read.
# stage: "final" for the adopted text; earlier real versions say which stage they come from,
# and `version_of` names the document of the same edition's final report they precede.
# Add files with `wtdc corpus add PATH --edition ID --kind KIND`, which rewrites this file.

"""


@dataclass(frozen=True)
class CorpusEntry:
    """One file of the corpus as the manifest records it; `path` is absolute."""

    id: str
    edition: str
    kind: CorpusKind
    title: str
    source: str
    format: SourceFormat
    sha256: str
    path: Path = field(compare=False)
    # "final" for an adopted text; "pre-final", "web", … for a real earlier version of it.
    stage: str = "final"
    # The document id in the same edition's final report this text is a version of
    # ("declaration", "ri-asp"); None for the final report itself.
    version_of: str | None = None

    @property
    def is_final(self) -> bool:
        """Whether this is the adopted text rather than an earlier version of a part of it."""
        return self.stage == "final"


_REQUIRED = ("id", "edition", "kind", "title", "source", "path", "format", "sha256")
_OPTIONAL = ("stage", "version_of")


def load_manifest(root: Path) -> tuple[CorpusEntry, ...]:
    """The entries of `root`/manifest.toml; a folder without a manifest is an empty corpus."""
    manifest = root / MANIFEST
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CorpusError(
            f"{manifest}: is not valid TOML ({error}); fix it or restore it from version control"
        ) from None
    rows = data.get("file", [])
    if not isinstance(rows, list):
        raise CorpusError(f"{manifest}: 'file' must be an array of tables ([[file]]); fix it")
    entries = tuple(_entry(row, root=root, manifest=manifest) for row in rows)
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise CorpusError(f"{manifest}: id '{entry.id}' appears twice; make ids unique")
        seen.add(entry.id)
    return entries


def _entry(row: object, *, root: Path, manifest: Path) -> CorpusEntry:
    if not isinstance(row, dict):
        raise CorpusError(f"{manifest}: every [[file]] must be a table; fix it")
    name = row.get("id", "?")
    missing = [key for key in _REQUIRED if not isinstance(row.get(key), str) or not row[key]]
    unknown = sorted(set(row) - set(_REQUIRED) - set(_OPTIONAL))
    if missing or unknown:
        problem = f"lacks {', '.join(missing)}" if missing else f"has unknown keys {unknown}"
        raise CorpusError(f"{manifest}: entry '{name}' {problem}; fix the manifest")
    editions = [e.id for e in known_editions()]
    checks = (
        ("edition", editions),
        ("kind", KINDS),
        ("format", FORMATS),
    )
    for key, allowed in checks:
        if row[key] not in allowed:
            raise CorpusError(
                f"{manifest}: entry '{name}' has {key} '{row[key]}'; use one of: "
                + ", ".join(allowed)
            )
    path = Path(row["path"])
    if path.is_absolute() or ".." in path.parts:
        raise CorpusError(
            f"{manifest}: entry '{name}' has path '{path}' outside the corpus folder; "
            "give a file name relative to the manifest"
        )
    return CorpusEntry(
        id=row["id"],
        edition=row["edition"],
        kind=row["kind"],
        title=row["title"],
        source=row["source"],
        format=row["format"],
        sha256=row["sha256"],
        path=root / path,
        stage=row.get("stage", "final"),
        version_of=row.get("version_of"),
    )


def write_manifest(root: Path, entries: tuple[CorpusEntry, ...]) -> None:
    """Replace `root`/manifest.toml atomically with `entries`, paths relative to `root`."""
    import tomli_w

    rows = []
    for entry in entries:
        row: dict[str, str] = {
            "id": entry.id,
            "edition": entry.edition,
            "kind": entry.kind,
            "stage": entry.stage,
        }
        if entry.version_of is not None:
            row["version_of"] = entry.version_of
        row |= {
            "title": entry.title,
            "source": entry.source,
            "path": entry.path.relative_to(root).as_posix(),
            "format": entry.format,
            "sha256": entry.sha256,
        }
        rows.append(row)
    atomic_write_text(root / MANIFEST, HEADER + tomli_w.dumps({"file": rows}))
