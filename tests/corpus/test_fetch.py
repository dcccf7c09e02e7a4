"""`Corpus.fetch`: urllib is replaced in every test; nothing here touches the network."""

from __future__ import annotations

import io
import socket
import urllib.error
import urllib.request

import pytest

from toolkit.corpus import open_corpus
from toolkit.errors import CorpusError, ToolkitError

PAGE = "https://www.itu.int/pub/D-TDC-WTDC-2022"
PDF_URL = "https://www.itu.int/dms_pub/itu-d/opb/tdc/D-TDC-WTDC-2022-PDF-E.pdf"
MANUAL = (
    "download the Kigali, 2022 final report yourself, then run: "
    "wtdc corpus add PATH --edition kigali-2022 --kind final-report"
)


# The parts `corpus add` looks for in a final report: a declaration, resolutions, the status
# table (a stand-in for the download, not the report's text).
REPORT_PARTS = (
    "KIGALI DECLARATION",
    "RESOLUTION 37 (Rev. Kigali, 2022)",
    "Status of all resolutions, Recommendations and decisions adopted, revised or abrogated",
)


def _pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in REPORT_PARTS:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


class FakeResponse(io.BytesIO):
    def __init__(self, data: bytes, content_type: str, url: str) -> None:
        super().__init__(data)
        self.headers = {"Content-Type": content_type}
        self.url = url

    def geturl(self) -> str:
        return self.url


def _serve(monkeypatch, pages: dict[str, tuple[bytes, str]]) -> list[str]:
    asked: list[str] = []

    def urlopen(request, timeout):
        assert timeout == 10.0
        asked.append(request.full_url)
        if request.full_url not in pages:
            raise urllib.error.HTTPError(request.full_url, 404, "Not Found", {}, None)
        data, content_type = pages[request.full_url]
        return FakeResponse(data, content_type, request.full_url)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    return asked


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (
            urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution")),
            "[Errno -3] Temporary failure in name resolution",
        ),
        (TimeoutError("timed out"), "timed out"),
        (ConnectionRefusedError(111, "Connection refused"), "[Errno 111] Connection refused"),
    ],
)
def test_no_network_gives_one_line_with_url_and_add_command(
    corpus_copy, monkeypatch, error, reason
) -> None:
    def urlopen(request, timeout):
        raise error

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    before = sorted(p.name for p in corpus_copy.iterdir())
    with pytest.raises(ToolkitError) as caught:
        open_corpus(corpus_copy).fetch("kigali-2022")
    assert str(caught.value) == f"cannot download {PAGE} ({reason}); {MANUAL}"
    assert sorted(p.name for p in corpus_copy.iterdir()) == before


def test_http_error(corpus_copy, monkeypatch) -> None:
    _serve(monkeypatch, {})
    with pytest.raises(ToolkitError) as caught:
        open_corpus(corpus_copy).fetch("kigali-2022")
    assert str(caught.value) == f"cannot download {PAGE} (Not Found); {MANUAL}"


def test_publication_page_link_is_followed_and_the_pdf_added(corpus_copy, monkeypatch) -> None:
    page = (
        b'<html><body><a href="/dms_pub/itu-d/opb/tdc/D-TDC-WTDC-2022-PDF-F.pdf">French</a>'
        b'<a href="/dms_pub/itu-d/opb/tdc/D-TDC-WTDC-2022-PDF-E.pdf">English</a></body></html>'
    )
    asked = _serve(
        monkeypatch,
        {PAGE: (page, "text/html; charset=utf-8"), PDF_URL: (_pdf(), "application/pdf")},
    )
    entry = open_corpus(corpus_copy).fetch("kigali-2022")
    assert asked == [PAGE, PDF_URL]
    assert (entry.id, entry.kind, entry.format, entry.path.name) == (
        "kigali-2022-final-report",
        "final-report",
        "pdf",
        "kigali-2022-final-report.pdf",
    )
    assert entry.source.startswith(f"downloaded by `wtdc corpus fetch` from {PDF_URL} on ")
    reopened = open_corpus(corpus_copy)
    assert reopened.final_report("kigali-2022") == entry
    # The PDF reader hands the report layout: each paragraph three tabs deep.
    assert reopened.read(entry).text.split("\n\n") == [f"\t\t\t{p}" for p in REPORT_PARTS]


def test_page_without_a_report_link(corpus_copy, monkeypatch) -> None:
    _serve(monkeypatch, {PAGE: (b"<html><body>Sign in</body></html>", "text/html")})
    with pytest.raises(ToolkitError) as caught:
        open_corpus(corpus_copy).fetch("kigali-2022")
    assert str(caught.value) == (
        f"{PAGE} links no PDF or Word file of the Kigali, 2022 final report; download it "
        "yourself, then run: wtdc corpus add PATH --edition kigali-2022 --kind final-report"
    )


def test_a_corrupt_download_never_enters_the_corpus(corpus_copy, monkeypatch) -> None:
    _serve(monkeypatch, {PAGE: (b"%PDF-1.7 cut short", "application/pdf")})
    before = sorted(p.name for p in corpus_copy.iterdir())
    with pytest.raises(ToolkitError, match=r"^D-TDC-WTDC-2022: is not a readable PDF"):
        open_corpus(corpus_copy).fetch("kigali-2022")
    assert sorted(p.name for p in corpus_copy.iterdir()) == before


def test_an_edition_already_held_is_not_downloaded(corpus_copy, monkeypatch) -> None:
    asked = _serve(monkeypatch, {})
    with pytest.raises(CorpusError, match="already holds the final report of baku-2025"):
        open_corpus(corpus_copy).fetch("baku-2025")
    assert asked == []


def test_a_download_without_extension_is_named_by_its_format(corpus_copy, monkeypatch) -> None:
    _serve(monkeypatch, {PAGE: (_pdf(), "application/pdf")})
    entry = open_corpus(corpus_copy).fetch("kigali-2022")
    assert (entry.path.name, entry.format) == ("kigali-2022-final-report.pdf", "pdf")
