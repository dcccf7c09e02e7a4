"""Errors the toolkit raises on bad input; the CLI prints their message as one line, exit 2.

A message states the cause, then what to do about it.
"""


class ToolkitError(Exception):
    """Base class: anything a user can fix by changing the input or the command."""


class InputError(ToolkitError):
    """A source file is missing, empty, binary, undecodable, corrupt or of an unknown format."""


class MissingExtraError(ToolkitError):
    """An optional dependency for a format or feature is not installed."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the Python package '{module}', which is not installed; "
            f"install it with: pip install 'wtdc-toolkit[{extra}]'"
        )


class ParseError(ToolkitError):
    """A parser met text it cannot make sense of; it never under-parses silently."""


class UnknownEditionError(ToolkitError):
    """An edition id that the toolkit does not know."""


class UnknownDocumentError(ToolkitError):
    """A document id that the source does not hold."""


class MissingEditionError(ToolkitError):
    """A known edition that the corpus does not hold (yet)."""


class CorpusError(ToolkitError):
    """The corpus registry or manifest cannot do what was asked (duplicate, changed file, …)."""


class OutputError(ToolkitError):
    """An output file or folder cannot be written where the user asked."""
