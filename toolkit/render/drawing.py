"""The report's charts, drawn in a second process while this one builds the rest of the page.

Loading matplotlib and drawing the report's charts cost about as much CPU as all the rest
of a report, so a fresh `wtdc report` hands them to a second Python process, started before
the parsing so that it loads matplotlib meanwhile: on two cores the report takes about half
as long. Where matplotlib is loaded already (a notebook that has drawn, the test suite) a
second process would only load it again, and the charts are drawn here. One function draws
them either way, so the SVG is the same to the byte.

The second process is a plain `python -c`, not `multiprocessing`, whose "spawn" re-runs the
caller's script: a user's script calling `wt.report()` without a `__main__` guard would
start itself again.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markupsafe import Markup
    from matplotlib.axes import Axes

    from toolkit.render.chart_data import HeatmapData, RateRatioData


@dataclass(frozen=True)
class ChartRequest:
    """One chart of the page: what it shows (`toolkit.render.chart_data`), inlined as SVG
    with ids prefixed by `id`, the accessible name `title`, drawn `size` inches large."""

    data: RateRatioData | HeatmapData
    id: str
    title: str
    size: tuple[float, float]


def draw(request: ChartRequest) -> Markup:
    """The chart's inline SVG (in whichever process runs it)."""
    from toolkit.render.chart_data import RateRatioData
    from toolkit.render.charts import chart_svg, draw_heatmap, draw_rate_ratio

    data = request.data
    plot: Callable[[Axes], Axes] = (
        partial(draw_rate_ratio, data) if isinstance(data, RateRatioData)
        else partial(draw_heatmap, data))
    return chart_svg(plot, id=request.id, title=request.title, size=request.size)


def _ended() -> RuntimeError:
    return RuntimeError("the process drawing the report's charts ended early; see its error "
                        "above")


class ChartDrawer:
    """Draws the report's charts: in a second process when this one has not loaded
    matplotlib, else here. Use it in a `with` block, which ends the second process."""

    def __init__(self) -> None:
        self._asked: list[Future[Markup]] = []
        self._worker: subprocess.Popen[bytes] | None = None
        if "matplotlib" in sys.modules or not sys.executable:  # (an embedded Python)
            return
        # The folder toolkit is imported from, whatever put it on sys.path here.
        path = [str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")]
        # No cyclic garbage collector in it: matplotlib's import and the drawing make
        # little garbage, and collecting it costs 0.08 s of the process's 0.9 s.
        self._worker = subprocess.Popen(
            [sys.executable, "-c",
             "import gc; gc.disable(); from toolkit.render.drawing import serve; serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, path))})
        # Replies are read as they come, so that neither process waits on a full pipe.
        self._reader = threading.Thread(target=self._read_replies, daemon=True)
        self._reader.start()

    def submit(self, request: ChartRequest) -> Future[Markup]:
        """Ask for a chart; it is drawn while the caller goes on (here: at once)."""
        drawn: Future[Markup] = Future()
        if self._worker is None:
            drawn.set_result(draw(request))
            return drawn
        assert self._worker.stdin is not None
        if not self._reader.is_alive():
            raise _ended()
        self._asked.append(drawn)  # before the request: replies come in the same order
        try:
            pickle.dump(request, self._worker.stdin)
            self._worker.stdin.flush()
        except BrokenPipeError:
            raise _ended() from None
        return drawn

    def _read_replies(self) -> None:
        assert self._worker is not None
        assert self._worker.stdout is not None
        for answered in itertools.count():
            try:
                drawn, reply = pickle.load(self._worker.stdout)
            except (EOFError, OSError, pickle.UnpicklingError):
                for waiting in self._asked[answered:]:
                    waiting.set_exception(_ended())
                return
            if drawn:
                self._asked[answered].set_result(reply)
            else:
                self._asked[answered].set_exception(
                    RuntimeError(f"drawing a chart of the report failed: {reply}"))

    def __enter__(self) -> ChartDrawer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._worker is None:
            return
        if error is not None:
            self._worker.kill()
        assert self._worker.stdin is not None
        with contextlib.suppress(BrokenPipeError):  # it ended already: nothing to flush
            self._worker.stdin.close()
        self._worker.wait()
        self._reader.join()


def serve() -> None:
    """The second process: draw each ChartRequest read from stdin, replying on stdout."""
    # Ctrl-C reaches both processes; the report's own process ends this one.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import toolkit.render.charts  # noqa: F401  (matplotlib loads before the first request)

    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not break the stream of replies
    source = sys.stdin.buffer
    while True:
        try:
            request = pickle.load(source)
        except EOFError:
            break
        try:
            reply: tuple[bool, str] = (True, draw(request))
        except Exception as error:  # sent back, raised in the report's process
            reply = (False, f"{request.id}: {type(error).__name__}: {error}")
        pickle.dump(reply, replies)
        replies.flush()
    # Every chart is sent: end without tearing matplotlib down, which takes a quarter of a
    # second that the report's process would spend waiting for this one to end.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
