"""The default report, built once per session for every test that only reads it; one
headless chromium for every test that loads a page."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from chromium import chromium, dump_dom, running

from toolkit.render.report import build_report


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running headless chromium (started once: ~1 s of CPU each time); yields the
    websocket URL of its first page."""
    pytest.importorskip("websocket", reason="websocket-client is not installed")
    executable = chromium()
    if executable is None:
        pytest.skip("chromium is not installed (run `make browser` or `apt-get install chromium`)")
    with running(executable, tmp_path_factory.mktemp("chromium-profile")) as url:
        if url is None:
            pytest.fail("chromium did not open its DevTools port")
        yield url


@pytest.fixture(scope="session")
def page_dom(browser: str) -> Callable[[Path], str]:
    """Page → its DOM once its scripts ran (what `chromium --dump-dom` prints)."""
    return lambda page: dump_dom(browser, page)


@pytest.fixture(scope="session")
def default_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """index.html of `wtdc report` on the shipped corpus (read it, never change it)."""
    return build_report(out_dir=tmp_path_factory.mktemp("report") / "baku-2025")


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """index.html of a report whose corpus holds a file titled with markup, to check that
    input text is escaped everywhere (the title and text are ours, not an ITU text)."""
    from toolkit.corpus import open_corpus

    folder = tmp_path_factory.mktemp("hostile")
    root = folder / "corpus"
    shutil.copytree(open_corpus().root, root)
    note = folder / "note.txt"
    note.write_text('Ampersands & <script>alert("x")</script> stay text.\n', encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WTDC_CORPUS", str(root))
        open_corpus().add(note, edition="baku-2025", kind="other",
                          title='<script>alert("x")</script> & Co')
        return build_report(out_dir=folder / "out")
