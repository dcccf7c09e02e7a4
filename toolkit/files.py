"""Atomic writes: a report, corpus file or manifest is either complete or not there at all."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from toolkit.errors import OutputError


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write to a temporary file beside `path`, then rename it into place."""
    target = Path(path)
    if os.path.isdir(target):
        raise OutputError(f"cannot write {target}: it is a directory; give a file name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace_with(target, data)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(
            f"cannot write {target}: a part of {target.parent} is a file, not a directory; "
            "choose another path"
        ) from None
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror}; choose another path") from None
    return target


def _replace_with(target: Path, data: bytes) -> None:
    # os.open with 0o666 lets the umask set the mode, as a plain open() would (mkstemp's
    # files are private); the random name cannot meet another writer's.
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """`atomic_write_bytes` of `text` in UTF-8, the encoding of every file the toolkit writes."""
    return atomic_write_bytes(path, text.encode("utf-8"))
