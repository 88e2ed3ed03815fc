"""The stories and named examples the book's index lists beside the glossary's terms.

A reader who remembers "the boat that went in circles" looks for CoastRunners in the index, but
the index is built from the glossary and the citations, which name no stories. The examples are
listed in `docs/book-index.yml` (MkDocs copies it into the built site, which the book reads, as it
reads the site's references.bib): each line is the index's heading for the example, then the
words that name it in the chapters, as written, case included:

    CoastRunners (boat race): [CoastRunners]
    Blackmail stress test: [blackmail, blackmailed]

An example appears in a chapter where a heading or a link names it, or else at its first use in
the running text (the rule the glossary's terms follow, book_index.py). A mistake in the file is a
located problem: its line, and what to write instead; a spelling that no chapter uses is one too,
so a typo cannot leave an example out of the index unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .plain_terms import Match
from .problems import Problem

EXAMPLES_FILE = "book-index.yml"  # in docs/, so in the built site
SOURCE_NAME = f"docs/{EXAMPLES_FILE}"  # what a problem names: the file a contributor edits
FORMAT_HINT = 'write one example a line: "Heading: [spelling, other spelling]"'


@dataclass(frozen=True)
class NamedExample:
    heading: str  # as the index prints it
    spellings: tuple[str, ...]  # the words that name it in the chapters
    line: int  # in docs/book-index.yml


def read_examples(site_dir: Path, problems: list[Problem]) -> list[NamedExample]:
    """The built site's list of examples ([] when it has none); problems gets its mistakes."""
    path = site_dir / EXAMPLES_FILE
    if not path.is_file():
        return []
    return parse_examples(path.read_text(encoding="utf-8"), problems)


def parse_examples(text: str, problems: list[Problem]) -> list[NamedExample]:
    def problem(line: int, message: str) -> None:
        problems.append(Problem(f"{SOURCE_NAME}, line {line}", message))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem(mark.line + 1 if mark else 1, f"not valid YAML ({error.problem}); {FORMAT_HINT}")
        return []
    except yaml.reader.ReaderError as error:  # a control character: no mark, a position
        line = text.count("\n", 0, error.position) + 1
        problem(line, f"character {error.character!r} is not allowed in YAML: delete it")
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        problem(root.start_mark.line + 1, f"expected a list of examples; {FORMAT_HINT}")
        return []
    examples: list[NamedExample] = []
    seen: dict[str, int] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        heading = key.value.strip() if isinstance(key, yaml.ScalarNode) else ""
        if not heading:
            problem(line, f"an example needs a heading; {FORMAT_HINT}")
            continue
        nodes = value.value if isinstance(value, yaml.SequenceNode) else [value]
        spellings = [n.value.strip() for n in nodes if isinstance(n, yaml.ScalarNode)]
        if len(spellings) != len(nodes) or not all(spellings):
            problem(line, f"'{heading}': its spellings must be words, e.g. [{heading.split()[0]}]")
            continue
        for spelling in spellings:
            if spelling in seen and seen[spelling] != line:
                problem(line, f"'{spelling}' already names the example on line {seen[spelling]}")
            seen.setdefault(spelling, line)
        examples.append(NamedExample(heading, tuple(spellings), line))
    return examples


class NameFinder:
    """Every use of the examples' spellings in a text, as written, whole words only; one regex
    for all of them (the longest first, so "GPT-6 Astra" wins over "Astra")."""

    def __init__(self, examples: Iterable[NamedExample]) -> None:
        self.by_spelling = {s: e.heading for e in examples for s in e.spellings}
        alternatives = sorted(map(re.escape, self.by_spelling), key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
            if alternatives
            else None
        )

    def uses(self, text: str) -> list[Match]:
        if self.pattern is None:
            return []
        return [
            Match(m.start(), m.end(), self.by_spelling[m.group()])
            for m in self.pattern.finditer(text)
        ]

    def headings_in(self, text: str) -> list[str]:
        return list(dict.fromkeys(match.term for match in self.uses(text)))


def unused_examples(
    examples: Iterable[NamedExample], placed: Iterable[str], terms: Iterable[str]
) -> list[Problem]:
    """Examples no chapter names (a typo, or a story cut from the chapters), and examples that
    are glossary terms (the index lists those already)."""
    placed, terms = set(placed), {t.casefold() for t in terms}
    problems = []
    for example in examples:
        where = f"{SOURCE_NAME}, line {example.line}"
        if example.heading.casefold() in terms:
            problems.append(
                Problem(
                    where, f"'{example.heading}' is a glossary term, indexed already: remove it"
                )
            )
        elif example.heading not in placed:
            written = ", ".join(f"'{s}'" for s in example.spellings)
            problems.append(
                Problem(
                    where,
                    f"no chapter uses {written} (as written, case included): correct the "
                    "spelling to the chapters' own, or remove the example",
                )
            )
    return problems
