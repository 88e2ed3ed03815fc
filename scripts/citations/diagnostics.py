"""Problems of references.bib entries, before they become located messages: one message per
problem, or one for a rule that many entries break (a 6,000-entry export would otherwise print
thousands of lines). The located message type itself (`Diagnostic`, `fail`) is shared with the
link check and the glossary, in scripts/source_text.py; it is imported here for this package."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from source_text import Diagnostic, ProblemsFound, fail, line_and_column

__all__ = ["Diagnostic", "EntryProblem", "ProblemsFound", "fail", "line_and_column", "summarise"]


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


def summarise(
    file: str, problems: Sequence[EntryProblem], shown: int = SHOWN_LOCATIONS
) -> list[Diagnostic]:
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
        found.append(
            Diagnostic(
                file,
                first.line,
                f"entry '{first.key}' {first.problem}; the same in {len(rest):,} more entries: {listed} "
                f"and {len(rest) - shown:,} other{'s' if len(rest) - shown > 1 else ''}",
            )
        )
    return sorted(found, key=lambda d: (d.line, d.message))
