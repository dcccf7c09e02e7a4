"""The default report, a diff page and an align page in Debian's chromium, headless: no
console errors, no network requests, nothing wider than the screen at 390 px (a phone) and
1,400 px, and a print stylesheet that shows every word.

Chromium (one per session, tests/render/conftest.py) is driven through the DevTools protocol
over a websocket; screenshots at desktop and narrow widths go to tests/render/_artifacts/ for
a person to look at.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from chromium import DevTools

from toolkit.cli import main

ARTIFACTS = Path(__file__).resolve().parent / "_artifacts"
VIEWPORTS = {"desktop": (1400, 900, False), "narrow": (390, 844, True)}
# The real pairs: the declaration's editorial pass (diff), the ASP web page against Part III.
DIFF = ("corpora/baku-declaration-prefinal.md", "baku-2025:declaration")
ALIGN = ("corpora/regional-initiatives-asp-web.txt", "baku-2025:ri-asp")


@pytest.fixture(scope="module")
def pages(default_report: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The pages a reader opens: the report (and its texts), `wtdc diff --format html` and
    `wtdc align --format html`."""
    out = tmp_path_factory.mktemp("pages")
    assert main(["diff", *DIFF, "--format", "html", "-o", str(out / "diff.html")]) == 1
    assert main(["align", *ALIGN, "--format", "html", "-o", str(out / "align.html")]) == 1
    return {"report": default_report, "diff": out / "diff.html", "align": out / "align.html",
            "texts": default_report.parent / "texts.html"}


def _overflow(tools: DevTools) -> int:
    """How far the page reaches past the window's right edge (0 or less: it fits)."""
    value: int = tools.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - window.innerWidth")
    return value


def _load(tools: DevTools, page: Path, viewport: str) -> None:
    width, height, mobile = VIEWPORTS[viewport]
    tools.send(
        "Emulation.setDeviceMetricsOverride",
        width=width, height=height, deviceScaleFactor=1, mobile=mobile,
    )
    tools.send("Page.navigate", url=page.as_uri())
    tools.wait_for("Page.loadEventFired")


def _screenshot(tools: DevTools, name: str) -> Path:
    data = tools.send("Page.captureScreenshot", format="png")["data"]
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    path.write_bytes(base64.b64decode(data))
    return path


def _key(tools: DevTools, key: str, *, code: str, keycode: int, text: str = "") -> None:
    common = {"key": key, "code": code, "windowsVirtualKeyCode": keycode}
    tools.send("Input.dispatchKeyEvent", type="keyDown", text=text, **common)
    tools.send("Input.dispatchKeyEvent", type="keyUp", **common)


def _problems(events: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    errors, requests = [], []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            errors.append(json.dumps(params.get("args")))
        elif method == "Runtime.exceptionThrown":
            errors.append(json.dumps(params.get("exceptionDetails")))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("file:", "data:", "about:")):
                requests.append(url)
    return errors, requests


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_default_report_loads_cleanly(browser: str, default_report: Path, viewport: str) -> None:
    tools = DevTools(browser)
    try:
        for domain in ("Runtime", "Log", "Network", "Page"):
            tools.send(f"{domain}.enable")
        _load(tools, default_report, viewport)
        _screenshot(tools, f"report-{viewport}-top")
        for section in ("redlines", "terms", "regions", "methods"):
            tools.evaluate(
                f"document.getElementById('{section}').scrollIntoView({{behavior: 'instant'}})"
            )
            _screenshot(tools, f"report-{viewport}-{section}")

        # Nothing sticks out sideways at this width: the page itself never scrolls sideways.
        overflow = tools.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0

        # The first Tab reaches the skip link; "n" then moves to the first changed clause.
        tools.evaluate("window.scrollTo(0, 0); document.activeElement.blur()")
        _key(tools, "Tab", code="Tab", keycode=9)
        assert tools.evaluate("document.activeElement.className") == "skip-link"
        _screenshot(tools, f"report-{viewport}-skip-link")
        _key(tools, "n", text="n", code="KeyN", keycode=78)
        current = tools.evaluate(
            "(function(){var c=document.querySelector('.wd-current');"
            "return c ? [c.closest('.redline').id, c.getClientRects().length > 0] : null;})()"
        )
        assert current == ["redline-declaration", True]
        _screenshot(tools, f"report-{viewport}-first-change")
        # Scrolled to the second redline, the keys follow the reader there.
        tools.evaluate("document.getElementById('redline-ri-asp').scrollIntoView()")
        tools.send("Runtime.evaluate", awaitPromise=True, expression=(
            "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"))
        _key(tools, "n", text="n", code="KeyN", keycode=78)
        current = tools.evaluate(
            "(function(){var c=document.querySelector('#redline-ri-asp .wd-current');"
            "return c ? c.getClientRects().length > 0 : null;})()"
        )
        assert current is True
        _screenshot(tools, f"report-{viewport}-second-redline-change")

        errors, requests = _problems(tools.events)
        assert errors == []
        assert requests == []
    finally:
        tools.close()


def test_input_markup_shows_as_text(browser: str, hostile_report: Path) -> None:
    page = hostile_report
    tools = DevTools(browser)
    try:
        for domain in ("Runtime", "Log", "Network", "Page"):
            tools.send(f"{domain}.enable")
        _load(tools, page, "desktop")
        assert tools.evaluate(
            "document.body.innerText.includes('<script>alert(\"x\")</script> & Co')"
        )
        assert tools.evaluate("document.scripts.length") == 3
        assert not any(e["method"] == "Page.javascriptDialogOpening" for e in tools.events)
        assert _problems(tools.events) == ([], [])
    finally:
        tools.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", ["report", "diff", "align", "texts"])
def test_pages_fit_the_screen(browser: str, pages: dict[str, Path], name: str,
                              viewport: str) -> None:
    tools = DevTools(browser)
    try:
        for domain in ("Runtime", "Log", "Network", "Page"):
            tools.send(f"{domain}.enable")
        _load(tools, pages[name], viewport)
        _screenshot(tools, f"{name}-{viewport}")
        assert _overflow(tools) <= 0
        # Every chart is as wide as its box, never wider; every table scrolls in its own.
        assert tools.evaluate(
            "Array.from(document.querySelectorAll('figure.chart svg')).every(s => "
            "s.getBoundingClientRect().width <= s.parentNode.getBoundingClientRect().width + 1)")
        assert tools.evaluate(
            "Array.from(document.querySelectorAll('table')).every(t => "
            "getComputedStyle(t.parentNode).overflowX === 'auto' || "
            "t.getBoundingClientRect().right <= window.innerWidth)")
        if viewport == "desktop":  # at 1,400 px no table needs to scroll sideways at all
            assert tools.evaluate(
                "Array.from(document.querySelectorAll('.table-wrap'))"
                ".filter(w => w.scrollWidth > w.clientWidth + 1).length") == 0
        # A folded run unfolds with a click.
        if tools.evaluate("document.querySelectorAll('.wd-unfold').length"):
            hidden = tools.evaluate(
                "(function(){var b=document.querySelector('.wd-view-sbs .wd-unfold');"
                "var f=b.nextElementSibling; var before=f.getClientRects().length;"
                "b.scrollIntoView(); b.click(); return [before, f.getClientRects().length > 0,"
                " b.getAttribute('aria-expanded')];})()")
            assert hidden == [0, True, "true"]
            _screenshot(tools, f"{name}-{viewport}-unfolded")
        assert _problems(tools.events) == ([], [])
    finally:
        tools.close()


@pytest.mark.parametrize("name", ["report", "diff", "align"])
def test_print_shows_every_word_and_no_controls(browser: str, pages: dict[str, Path],
                                               name: str) -> None:
    tools = DevTools(browser)
    try:
        tools.send("Page.enable")
        _load(tools, pages[name], "desktop")
        tools.send("Emulation.setEmulatedMedia", media="print")
        shown = tools.evaluate(
            "(function(){function d(q){return Array.from(document.querySelectorAll(q))"
            ".map(e => getComputedStyle(e).display);}"
            "return {folded: d('.wd-folded'), unfold: d('.wd-unfold'), nav: d('.wd-nav'),"
            " radios: d('.wtdc-diff input[type=radio]')};})()")
        assert set(shown["folded"]) <= {"inline"}
        assert set(shown["unfold"]) | set(shown["nav"]) | set(shown["radios"]) <= {"none"}
        if name != "report":
            assert shown["folded"]  # the declaration and ASP pages fold long runs
        assert _overflow(tools) <= 0
    finally:
        tools.close()


def test_lineage_table_sorts_and_filters(browser: str, pages: dict[str, Path]) -> None:
    tools = DevTools(browser)
    try:
        tools.send("Page.enable")
        _load(tools, pages["report"], "narrow")
        first = ("document.querySelector('#lineage tbody tr:not([hidden]) th').textContent")
        tools.evaluate("document.querySelector('#overview details.more').open = true;"
                       "document.querySelector('#lineage thead button.sort').click()")
        ascending = tools.evaluate(first)
        order = tools.evaluate("Array.from(document.querySelectorAll('#lineage tbody th'))"
                               ".map(th => th.textContent)")
        assert order.index("res-9") < order.index("res-37")  # numbers sort as numbers
        tools.evaluate("document.querySelector('#lineage thead button.sort').click()")
        assert (ascending, tools.evaluate(first)) == ("rec-15", "res-94")
        tools.evaluate("var f = document.getElementById('lineage-filter'); f.value = 'res-37';"
                       "f.dispatchEvent(new Event('input')); f.scrollIntoView()")
        rows = tools.evaluate("document.querySelectorAll('#lineage tbody tr:not([hidden])')"
                              ".length")
        total = tools.evaluate("document.querySelectorAll('#lineage tbody tr').length")
        assert rows == 1
        assert tools.evaluate("document.querySelector('.table-count').textContent") == (
            f"1 of {total} rows")
        _screenshot(tools, "report-narrow-lineage-filtered")
        assert _overflow(tools) <= 0
    finally:
        tools.close()
