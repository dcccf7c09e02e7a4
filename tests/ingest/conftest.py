"""Fixtures of the ingest tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def write(tmp_path):
    """A function that writes a new file of these bytes in tmp_path and returns its path."""

    def _write(name: str, data: bytes):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write
