"""corpus stage: the registry of shipped and user-added texts, by edition and kind."""

from toolkit.corpus.editions import Edition, edition, edition_by_label, known_editions
from toolkit.corpus.manifest import KINDS, CorpusEntry, CorpusKind
from toolkit.corpus.registry import Corpus, CorpusProblem, open_corpus

__all__ = [
    "KINDS",
    "Corpus",
    "CorpusEntry",
    "CorpusKind",
    "CorpusProblem",
    "Edition",
    "edition",
    "edition_by_label",
    "known_editions",
    "open_corpus",
    "resolve",
]

# Last, so that resolve.py (helper PARSE) can import the names above. Importing the function
# here, eagerly, keeps `toolkit.corpus.resolve` the function: imported lazily, the submodule
# of the same name would shadow it.
from toolkit.corpus.resolve import resolve
