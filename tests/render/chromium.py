"""Debian's chromium, headless, driven through the DevTools protocol over a websocket: one
browser per session (tests/render/conftest.py) for every test that loads a page in it."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--remote-debugging-port=0",
)


def chromium() -> str | None:
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


class DevTools:
    """A minimal DevTools-protocol client: commands by id, events kept in arrival order."""

    def __init__(self, url: str) -> None:
        import websocket  # websocket-client; the conftest's fixture skips without it

        self.socket = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        message_id = next(self.ids)
        self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        seen = len(self.events)
        while time.monotonic() < deadline:
            for message in self.events[seen:]:
                if message["method"] == event:
                    return message
            seen = len(self.events)
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            message = json.loads(self.socket.recv())
            if "method" in message:
                self.events.append(message)
        raise TimeoutError(event)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self) -> None:
        self.socket.close()


@contextmanager
def running(executable: str, profile: Path) -> Iterator[str | None]:
    """Chromium started with `profile`; yields the websocket URL of its first page (None when
    it never opened its DevTools port)."""
    process = subprocess.Popen(
        [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.is_file() and port_file.read_text().count("\n") >= 1):
            if time.monotonic() > deadline or process.poll() is not None:
                yield None
                return
            time.sleep(0.05)
        port = port_file.read_text().splitlines()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as reply:
            targets = json.load(reply)
        page = next(t for t in targets if t["type"] == "page")
        yield page["webSocketDebuggerUrl"]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def dump_dom(browser: str, page: Path) -> str:
    """The page's DOM once its scripts ran, as `chromium --dump-dom` prints it."""
    tools = DevTools(browser)
    try:
        tools.send("Page.enable")
        tools.send("Page.navigate", url=page.as_uri())
        tools.wait_for("Page.loadEventFired")
        dom: str = tools.evaluate("document.documentElement.outerHTML")
        return dom
    finally:
        tools.close()
