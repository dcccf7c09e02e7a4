"""A writable copy of the shipped corpus: tests never modify /work/main/corpora."""

from __future__ import annotations

import shutil
import stat

import pytest


@pytest.fixture
def corpus_copy(tmp_path, repo_root):
    root = tmp_path / "corpora"
    shutil.copytree(repo_root / "corpora", root)
    for path in root.iterdir():
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return root
