"""Publishing the report atomically: a failed run never leaves a half-written directory."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from toolkit.errors import InputError
from toolkit.files import atomic_write_bytes
from toolkit.render.report.view import ReportView, render_report


class ReportFiles(dict[str, str | bytes]):
    """Files the sections add beside the page (name → text or bytes); `revision_date` is
    the date of the Word redlines' revisions, None when no Word file is wanted."""

    def __init__(self, *, revision_date: date | None = None) -> None:
        super().__init__()
        self.revision_date = revision_date


def check_target(target: Path) -> None:
    """Refuse a `target` that is not empty and not an earlier report (it has index.html):
    `-o DIR` pointing at a folder of the user's own files must not wipe it. Checked before
    the report is built, and again when it is published."""
    if target.exists() and (
        not target.is_dir() or (any(target.iterdir()) and not (target / "index.html").is_file())
    ):
        raise InputError(
            f"{target} exists and is not a wtdc report; choose another directory with -o"
            " or remove it"
        )
    folder = next((p for p in target.parents if p.exists()), None)
    if folder is not None and not folder.is_dir():
        raise InputError(f"{folder} is a file, not a directory; choose another directory with -o")


def publish(files: Mapping[str, str | bytes], target: Path) -> Path:
    """Write every file into a fresh directory beside `target`, then swap it into place
    (`target` only if `check_target` allows it)."""
    check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    try:
        for name, content in files.items():
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            atomic_write_bytes(staging / name, data).chmod(0o644)
        staging.chmod(0o755)
        retired = None
        if target.exists():
            retired = staging.with_suffix(".old")
            os.replace(target, retired)
        try:
            os.replace(staging, target)
        except BaseException:
            if retired is not None:
                os.replace(retired, target)
            raise
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def write_report(view: ReportView, target: Path,
                 extra: Mapping[str, str | bytes] | None = None) -> Path:
    """Publish the page, its tables and any `extra` files (name → text or bytes) as one
    directory."""
    files: dict[str, str | bytes] = {**(extra or {})}
    for table in view.tables:
        files[f"{table.id}.csv"] = table.to_csv()
        files[f"{table.id}.json"] = table.to_json()
    files["index.html"] = render_report(view)  # last: it waits for the charts
    publish(files, target)
    return target / "index.html"

