"""toolkit.corpus.cache: a file resolved again comes from the parse cache, never differently."""

from __future__ import annotations

import importlib
import pickle
from pathlib import Path

import pytest

from toolkit.corpus import Corpus, resolve_source
from toolkit.corpus.cache import folder

# `toolkit.corpus.sources` by module, not by attribute: the package exports a function of
# the same name as some of its modules.
sources = importlib.import_module("toolkit.corpus.sources")


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache on, in a scratch folder (the suite runs with it off)."""
    monkeypatch.delenv("WTDC_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "wtdc"


def _entries(where: Path) -> list[Path]:
    return sorted(where.glob("*.pickle")) if where.exists() else []


def _refuse(*args: object, **kwargs: object) -> object:
    raise AssertionError("parsed again instead of read from the cache")


def test_second_read_comes_from_the_cache(
    cache_home: Path, prefinal_declaration_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = resolve_source(str(prefinal_declaration_path))
    assert len(_entries(cache_home)) == 1
    monkeypatch.setattr(sources, "parse_source", _refuse)
    again = resolve_source(str(prefinal_declaration_path))
    assert [d.id for d in again.documents] == ["declaration"]
    assert sum(len(d.clauses) for d in again.documents) == 23
    assert again.documents == first.documents
    assert again.warnings == first.warnings
    assert again.text == prefinal_declaration_path.read_text(encoding="utf-8")


def test_options_and_bytes_make_their_own_entries(
    cache_home: Path, prefinal_declaration_path: Path, tmp_path: Path
) -> None:
    resolve_source(str(prefinal_declaration_path))
    resolve_source(str(prefinal_declaration_path), strict=True)
    changed = tmp_path / "declaration.md"
    changed.write_bytes(prefinal_declaration_path.read_bytes() + b"\nOne more paragraph.\n")
    resolve_source(str(changed))
    assert len(_entries(cache_home)) == 3


def test_a_corrupt_entry_is_rebuilt_silently(
    cache_home: Path, prefinal_declaration_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = resolve_source(str(prefinal_declaration_path))
    (entry,) = _entries(cache_home)
    entry.write_bytes(b"not a pickle")
    again = resolve_source(str(prefinal_declaration_path))
    assert again.documents == first.documents
    assert entry.read_bytes()[:1] == b"\x80"  # a pickle again
    assert capsys.readouterr() == ("", "")


def test_off_writes_nothing(
    cache_home: Path, prefinal_declaration_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WTDC_CACHE", "off")
    assert folder() is None
    resolve_source(str(prefinal_declaration_path))
    assert _entries(cache_home) == []


def test_an_edition_comes_from_the_cache(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "_parsed", {})  # not parsed yet in this process
    first = resolve_source("baku-2025:res-37")
    assert len(_entries(cache_home)) == 1
    monkeypatch.setattr(sources, "_parsed", {})
    monkeypatch.setattr(Corpus, "parse", _refuse)
    again = resolve_source("baku-2025:res-37")
    assert [d.id for d in again.documents] == ["res-37"]
    assert again.documents[0].heading == "RESOLUTION 37 (Rev. Baku, 2025)"
    assert again.documents == first.documents


def test_the_oldest_entries_go_beyond_the_size_kept(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = importlib.import_module("toolkit.corpus.cache")
    monkeypatch.setattr(cache, "KEPT", 50)  # two entries of 25 bytes (a pickled 10-char str)
    for n in range(4):
        assert cache.cached(bytes([n]), ("text",), lambda n=n: f"{n:010d}") == f"{n:010d}"
    kept = sorted(pickle.loads(entry.read_bytes()) for entry in _entries(cache_home))
    assert kept == ["0000000002", "0000000003"]
