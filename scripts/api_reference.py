"""Write docs/api/, the HTML reference of the public API, from the docstrings (pdoc).

The reference is generated, never edited by hand, so it cannot drift from the code:
tests/test_api_reference.py regenerates it into a temporary folder and fails when docs/api/
differs. It documents what `import toolkit as wt` gives a notebook and each pipeline stage's
public names (its `__all__`), not the modules behind them, so that rewriting a function's
body leaves the reference as it is; only a signature or a docstring changes it. No search
index (pdoc builds it with Node.js when it finds it, which would make the output depend on
the machine), no source code, no dates: the same code gives the same bytes.

    python scripts/api_reference.py          # rewrite docs/api/ (or: make docs)
    python scripts/api_reference.py --check  # exit 1 when docs/api/ is stale
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "docs" / "api"
STALE = "docs/api/ is stale: run make docs (python scripts/api_reference.py)"

# The notebook API first, then the stages in pipeline order.
MODULES = (
    "toolkit",
    "toolkit.ingest",
    "toolkit.parse",
    "toolkit.corpus",
    "toolkit.align",
    "toolkit.diff",
    "toolkit.measure",
    "toolkit.render.charts",
    "toolkit.errors",
)


def render() -> dict[str, str]:
    """Every page of the reference by its path under docs/api/."""
    import pdoc.doc
    import pdoc.render

    toolkit = importlib.import_module("toolkit")
    for name in toolkit.__all__:
        # `toolkit` imports its public names when first asked for them (so that `wtdc --help`
        # starts fast); pdoc reads the module's namespace, so ask for each one first.
        getattr(toolkit, name)
    pdoc.render.configure(docformat="markdown", show_source=False, search=False)
    modules = {name: pdoc.doc.Module.from_name(name) for name in MODULES}
    pages: dict[str, str] = {}
    with warnings.catch_warnings():
        # `toolkit.__all__` names `align`, `diff` and `parse`, which are also subpackages:
        # pdoc warns that it lists them as both, which is what we want.
        warnings.simplefilter("ignore", UserWarning)
        for name, module in modules.items():
            pages[f"{name.replace('.', '/')}.html"] = pdoc.render.html_module(module, modules)
        pages["index.html"] = pdoc.render.html_index(modules)
    return pages


def write(folder: Path) -> int:
    """Write the reference into `folder`, replacing what was there; the number of pages."""
    pages = render()
    # Built beside the target and renamed over it, so a reader never sees half a reference.
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        for path, text in pages.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(pages)


def stale_pages(folder: Path = REFERENCE, pages: dict[str, str] | None = None) -> list[str]:
    """The pages of `folder` that differ from `pages` (by default a fresh rendering), or are
    missing or extra."""
    pages = render() if pages is None else pages
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} \
        if folder.is_dir() else set()
    return sorted(
        path for path in present | set(pages)
        if path not in pages or path not in present
        or (folder / path).read_text(encoding="utf-8") != pages[path]
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--check"]:
        stale = stale_pages()
        if stale:
            print(f"{STALE} ({', '.join(stale)})", file=sys.stderr)
            return 1
        return 0
    if args:
        print("usage: python scripts/api_reference.py [--check]", file=sys.stderr)
        return 2
    count = write(REFERENCE)
    print(f"wrote {REFERENCE.relative_to(REPO)}/ ({count} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
