"""Errors as values: a problem and where it is, kept until the build decides to report them.

Collecting diagnostics instead of raising on the first one lets a writer fix every bad key of a
page (or every bad entry of references.bib) in one go. `fail()` turns them into a single
`PluginError`, which MkDocs prints as a clean message (no traceback) in normal and strict builds.

    >>> str(Diagnostic("docs/rlhf.md", 42, "unknown citation key 'x'", column=17))
    "docs/rlhf.md:42:17: unknown citation key 'x'"
    >>> str(Diagnostic("references.bib", 88, "unclosed brace"))
    'references.bib:88: unclosed brace'
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    """One problem at `file:line[:column]` (1-based, in the source file the writer edits)."""

    file: str
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.column is None else f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.message}"


class CitationError(PluginError):
    """The build stops here; the message lists every diagnostic, one per line."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def fail(diagnostics: Iterable[Diagnostic]) -> None:
    """Raise one `CitationError` for all of `diagnostics`, or do nothing when there are none."""
    found = list(diagnostics)
    if found:
        raise CitationError(found)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of character `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
