"""Fixtures of the ingest tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def write(tmp_path):
    """write(name, bytes) → path of a new file in tmp_path."""

    def _write(name: str, data: bytes):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write
