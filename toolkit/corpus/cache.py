"""Parsed files kept on disk, so that a file compared again is not read and parsed again.

An entry is found by the hash of the file's bytes, its name as given (warnings name it), the
reading and parsing options, and the toolkit: its version and the size and time of every
module of it, so that an upgrade or an edited checkout never reads an old parse. Entries
live in `$XDG_CACHE_HOME/wtdc` (else `~/.cache/wtdc`); `WTDC_CACHE=off` turns the cache off.
A cache never changes an answer: an entry that cannot be read (corrupt, truncated, from
another Python) is rebuilt without a word, and one that cannot be written is left out.
Entries are pickles: like the files themselves, they are trusted as the user's own.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import TypeVar

from toolkit.errors import OutputError
from toolkit.files import atomic_write_bytes
from toolkit.version import __version__

T = TypeVar("T")
# Beyond this a file's entry costs about as much to load as the parse it saves, and holds
# its pickle and its objects in memory at once (a 50 MB text: a 158 MB entry).
LARGEST = 8 * 1024 * 1024  # bytes of the file
# The cache keeps its newest entries within this size (a report's entry is about 6 MB), so
# that years of edited checkouts do not fill a disk.
KEPT = 256 * 1024 * 1024  # bytes of entries


def folder() -> Path | None:
    """Where entries live, or None when the cache is off."""
    if os.environ.get("WTDC_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    root = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(root):  # a relative one is to be ignored (XDG Base Directory spec)
        return Path(root) / "wtdc"
    try:
        return Path.home() / ".cache" / "wtdc"
    except RuntimeError:  # no home folder: nowhere to keep a cache
        return None


def cached(data: bytes, options: tuple[str, ...], build: Callable[[], T]) -> T:
    """`build()`, or what it returned for the same bytes, options and toolkit before."""
    where = folder()
    if where is None or len(data) > LARGEST:
        return build()
    key = hashlib.sha256(data)
    key.update(repr((options, _toolkit())).encode())
    path = where / f"{key.hexdigest()}.pickle"
    try:
        with path.open("rb") as file:
            value: T = pickle.load(file)
        return value
    except Exception:  # any entry that cannot be read is rebuilt, never reported
        pass
    value = build()
    # A read-only or full disk: the answer is the same without an entry.
    with suppress(OutputError, OSError):
        atomic_write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(where)
    return value


def _prune(where: Path) -> None:
    """Remove the entries least recently written beyond `KEPT` bytes."""
    entries = sorted(((e.stat(), e) for e in where.glob("*.pickle")),
                     key=lambda pair: pair[0].st_mtime_ns, reverse=True)
    total = 0
    for stat, entry in entries:
        total += stat.st_size
        if total > KEPT:
            entry.unlink(missing_ok=True)


@cache
def _toolkit() -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """The toolkit's version and the size and time of each of its modules."""
    package = Path(__file__).resolve().parents[1]
    modules = []
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        modules.append((str(module.relative_to(package)), stat.st_size, stat.st_mtime_ns))
    return __version__, tuple(modules)
