"""wtdc-toolkit: clause-level revision diffs of ITU WTDC texts.

The pipeline is visible in the subpackages: ingest → parse → align → diff → measure → render,
with corpus/ as the registry of shipped and user-added texts and cli.py on top.
"""

__version__ = "0.1.0"
