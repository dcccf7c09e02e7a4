"""Downloading an edition's official final report (`wtdc corpus fetch`).

The URL comes from editions.toml. It may name the file itself or ITU's publication page,
in which case the page's link to the English PDF is followed. Any network trouble becomes
one ToolkitError naming the URL and the manual route (`wtdc corpus add`).
"""

from __future__ import annotations

import http.client
import re
import urllib.parse
import urllib.request

from toolkit.corpus.editions import Edition
from toolkit.errors import ToolkitError

MAX_BYTES = 200 * 1024 * 1024
_FILE_LINK = re.compile(r"""href\s*=\s*["']([^"']+\.(?:pdf|docx))["']""", re.IGNORECASE)


def download_final_report(known: Edition, *, timeout: float) -> tuple[bytes, str, str]:
    """(bytes, file name, URL) of the edition's final report, or a ToolkitError."""
    url = known.final_report_url
    data, content_type, final_url = _get(url, known, timeout=timeout)
    if "html" in content_type or data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")):
        link = _report_link(data.decode("utf-8", errors="replace"), final_url)
        if link is None:
            raise ToolkitError(
                f"{url} links no PDF or Word file of the {known.label} final report; "
                f"download it yourself, then run: wtdc corpus add PATH --edition {known.id} "
                "--kind final-report"
            )
        url = link
        data, _, final_url = _get(url, known, timeout=timeout)
    name = urllib.parse.unquote(urllib.parse.urlsplit(final_url).path.rsplit("/", 1)[-1])
    return data, name or f"{known.id}-final-report.pdf", final_url


def _get(url: str, known: Edition, *, timeout: float) -> tuple[bytes, str, str]:
    request = urllib.request.Request(url, headers={"User-Agent": "wtdc-toolkit"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            content_type = response.headers.get("Content-Type", "") or ""
            final_url = response.geturl() or url
    except (OSError, http.client.HTTPException, ValueError) as error:
        reason = " ".join(str(getattr(error, "reason", error) or type(error).__name__).split())
        raise ToolkitError(
            f"cannot download {url} ({reason}); download the {known.label} final report "
            f"yourself, then run: wtdc corpus add PATH --edition {known.id} --kind final-report"
        ) from None
    if len(data) > MAX_BYTES:
        raise ToolkitError(
            f"{url} is larger than {MAX_BYTES // 2**20} MB, not a final report; download the "
            f"right file yourself, then run: wtdc corpus add PATH --edition {known.id} "
            "--kind final-report"
        )
    return data, content_type.lower(), final_url


def _report_link(page: str, base: str) -> str | None:
    """The English PDF (else Word) file the publication page links, as an absolute URL."""
    links = [urllib.parse.urljoin(base, href) for href in _FILE_LINK.findall(page)]

    def rank(link: str) -> tuple[bool, bool]:
        name = link.rsplit("/", 1)[-1].upper()
        return ("-E." not in name and "-E-" not in name, not name.endswith(".PDF"))

    return min(links, key=rank) if links else None
