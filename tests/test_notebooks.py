"""Every notebook runs top to bottom on the shipped corpus, in notebooks/ as its folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebooks extra is not installed")
nbclient = pytest.importorskip("nbclient", reason="the notebooks extra is not installed")
from jupyter_client.manager import KernelManager  # noqa: E402  (after the skip above)

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.fixture(scope="module")
def kernel() -> Iterator[KernelManager]:
    """One kernel, in notebooks/, for every notebook: starting one and importing the toolkit,
    polars and matplotlib into it took ~1 s of CPU per notebook. Each notebook still starts
    from an empty namespace (`_execute` resets it), so a missing import fails as before."""
    with pytest.MonkeyPatch.context() as env:
        # The kernel inherits the environment: make sure it reads the shipped corpus.
        env.delenv("WTDC_CORPUS", raising=False)
        manager = KernelManager(kernel_name="python3")
        manager.start_kernel(cwd=str(NOTEBOOKS))
    yield manager
    manager.shutdown_kernel(now=True)


def _execute(book: nbformat.NotebookNode, kernel: KernelManager) -> None:
    """Run `book` top to bottom in `kernel`, after emptying its namespace and closing the
    figures the notebook before left open."""
    reset = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "%reset -f\nimport sys\n"
        "if 'matplotlib.pyplot' in sys.modules: sys.modules['matplotlib.pyplot'].close('all')\n"
        "%reset -f"
    )])
    for notebook in (reset, book):
        client = nbclient.NotebookClient(notebook, km=kernel, timeout=120)
        client.execute()
        assert client.kc is not None
        client.kc.stop_channels()


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebook_runs(path: Path, kernel: KernelManager) -> None:
    book = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in book.cells if cell.cell_type == "code"), (
        f"{path.name} is committed with outputs; strip them"
    )
    _execute(book, kernel)
    outputs = [o for cell in book.cells for o in cell.get("outputs", [])]
    assert [o for o in outputs if o.get("output_type") == "error"] == []
    code = "\n".join(cell.source for cell in book.cells if cell.cell_type == "code")
    imports = {line.strip() for line in code.splitlines()
               if line.lstrip().startswith(("import toolkit", "from toolkit"))}
    assert imports == {"import toolkit as wt"}
    if path.name[:2] in OWN_HTML_NOTEBOOKS:
        _shows_own_html(outputs)


# Notebooks whose results are the toolkit's own objects (03 and 04 show polars frames).
OWN_HTML_NOTEBOOKS = ("01", "02", "05")


def _shows_own_html(outputs: list[dict[str, object]]) -> None:
    pages = [o["data"]["text/html"] for o in outputs
             if isinstance(o.get("data"), dict) and "text/html" in o["data"]]
    ours = [p for p in pages if p.startswith("<table><caption")]
    assert ours, "no result of the toolkit shown as HTML"
    # Bounded: at most 20 rows, clipped cells (typing `alignment` once printed 352 KB).
    assert max(len(p) for p in ours) < 16_000


def test_notebooks_exist() -> None:
    assert [p.name[:2] for p in sorted(NOTEBOOKS.glob("*.ipynb"))] == ["01", "02", "03", "04", "05"]
