"""The command layer: what each `wtdc` command and notebook function does end to end.

A command resolves its OLD/NEW/SOURCE arguments (`toolkit.corpus.sources`), runs the stages,
picks a renderer and returns an `Outcome` (the text to write, the exit status, the warnings).
The stages below know nothing of commands; `cli.py` above only wires options to keywords.
This package's `__init__` imports nothing, so that `wtdc --help` loads none of the stages.
"""
