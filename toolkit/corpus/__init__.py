"""corpus stage: the registry of shipped and user-added texts, by edition and kind."""

from toolkit.corpus.editions import Edition, edition, edition_by_label, known_editions
from toolkit.corpus.manifest import KINDS, CorpusEntry, CorpusKind
from toolkit.corpus.registry import Corpus, CorpusProblem, open_corpus
from toolkit.corpus.sources import Source, resolve, resolve_source

__all__ = [
    "KINDS",
    "Corpus",
    "CorpusEntry",
    "CorpusKind",
    "CorpusProblem",
    "Edition",
    "Source",
    "edition",
    "edition_by_label",
    "known_editions",
    "open_corpus",
    "resolve",
    "resolve_source",
]

