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

from collections.abc import Iterable, Sequence
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


@dataclass(frozen=True, slots=True)
class EntryProblem:
    """One broken rule of one .bib entry, before it becomes a message: problems that repeat
    across many entries are reported once (`summarise`). `rule` groups them ("" means: the
    same `problem` text)."""

    line: int
    key: str
    problem: str  # "has no 'kind' field (...)", said of the entry
    rule: str = ""


SHOWN_LOCATIONS = 3


def summarise(file: str, problems: Sequence[EntryProblem], shown: int = SHOWN_LOCATIONS) -> list[Diagnostic]:
    """One message per problem, except that a rule broken by more than `shown` + 1 entries is
    one message: the first entry, a count, and the next few locations.

    >>> many = [EntryProblem(n, f"k{n}", "has no 'kind' field", "no-kind") for n in range(1, 7)]
    >>> print(summarise("references.bib", many)[0])
    references.bib:1: entry 'k1' has no 'kind' field; the same in 5 more entries: 'k2' (line 2), 'k3' (line 3), 'k4' (line 4) and 2 others
    """
    groups: dict[str, list[EntryProblem]] = {}
    for problem in problems:
        groups.setdefault(problem.rule or problem.problem, []).append(problem)
    found: list[Diagnostic] = []
    for members in groups.values():
        if len(members) <= shown + 1:
            found.extend(Diagnostic(file, p.line, f"entry '{p.key}' {p.problem}") for p in members)
            continue
        first, rest = members[0], members[1:]
        listed = ", ".join(f"'{p.key}' (line {p.line})" for p in rest[:shown])
        found.append(Diagnostic(
            file, first.line,
            f"entry '{first.key}' {first.problem}; the same in {len(rest):,} more entries: {listed} "
            f"and {len(rest) - shown:,} other{'s' if len(rest) - shown > 1 else ''}",
        ))
    return sorted(found, key=lambda d: (d.line, d.message))


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of character `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
