"""BibTeX name lists: split `A and B and C`, tell surnames from given names, keep organisations.

Splitting happens on the raw LaTeX (braces protect ` and ` inside an organisation's name),
decoding afterwards, so `{Alignment Research Center}` stays one author and `{\\"o}` an accent.
Each name's parts (first, von, last, jr) are bibtexparser's (`parse_single_name_into_parts`,
BibTeX's rules for case, von parts, braces and special characters); this module decides what
a label and a reference show of them.

    >>> [n.surname for n in parse_names('Amodei, Dario and Chris Olah and others')]
    ['Amodei', 'Olah', 'others']
    >>> parse_names('{Alignment Research Center}')[0].surname
    'Alignment Research Center'
    >>> parse_names('Jan van Merwijk')[0].display
    'Jan van Merwijk'
    >>> parse_names('King, Jr., Martin Luther and Doe, Jane,')[0].display
    'Martin Luther King, Jr.'
    >>> parse_names('King, Jr., Martin Luther and Doe, Jane,')[1].display
    'Jane Doe'

The comma forms are BibTeX's: "von Last, First" and "von Last, Jr, First"; a trailing comma
(common in hand-edited files) adds nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bibtexparser.middlewares.names import parse_single_name_into_parts

from .latex import decode

AND_SEPARATOR = re.compile(r"(?ix) \s+ and \s+")
# An accent command that starts a word outside braces, with its letter: `\v{S}ebek`,
# `\v S`, `\"Ozil`, `\'{E}mile`.
WORD_START_ACCENT = re.compile(r"""(?x)
    (?: ^ | (?<= [\s~] ) ) \\
    (?: (?P<word> [A-Za-z]+ ) (?: \s+ (?P<spaced> [A-Za-z] ) | \{ (?P<braced> [A-Za-z] ) \} )
      | (?P<symbol> [^A-Za-z\s{}\\] ) \s* (?: (?P<next> [A-Za-z] ) | \{ (?P<inside> [A-Za-z] ) \} ) )
""")
OTHERS = "others"


@dataclass(frozen=True, slots=True)
class Name:
    """One author: `surname` for labels ("Amodei"), `display` for the full reference."""

    surname: str
    display: str
    is_others: bool = False


@functools.lru_cache(maxsize=16384)
def parse_names(raw: str) -> tuple[Name, ...]:
    """The authors (or editors) of a BibTeX name field, in order."""
    return tuple(_name(part.strip()) for part in split_names(raw.strip()) if part.strip())


def _name(raw: str) -> Name:
    """One name, split by bibtexparser as BibTeX does ("First von Last", "von Last, First",
    "von Last, Jr, First"; braces keep an organisation whole; a trailing comma adds nothing).
    The surname keeps its von part ("van Merwijk"). An accent command that starts a word, as
    exporters write it (`\\v{S}ebek`), is read as BibTeX's special character (`{\\v S}ebek`), so
    the word's case is its letter's (BibTeX would take the command's lowercase name and make
    `\\v{S}ebek` a von part).
    A name written without a comma is shown as written (decoded: a tie `~` stays
    non-breaking); one with commas in first-name order."""
    if raw.lower() == OTHERS:
        return Name(surname=OTHERS, display=OTHERS, is_others=True)
    parts = parse_single_name_into_parts(
        WORD_START_ACCENT.sub(_special_character, raw), strict=False
    )
    surname = decode(" ".join(parts.von + parts.last))
    if "," not in raw:
        return Name(surname=surname, display=decode(raw))
    first = decode(" ".join(parts.first))
    junior = decode(" ".join(parts.jr))
    display = f"{first} {surname}".strip() + (f", {junior}" if junior else "")
    return Name(surname=surname, display=display)


def _special_character(accent: re.Match[str]) -> str:
    """`\\v{S}` as BibTeX's special character `{\\v S}` (`\\"O` as `{\\"O}`): same text, and
    BibTeX's name rules take its case from the letter."""
    if accent.group("word"):
        return (
            "{\\"
            + accent.group("word")
            + " "
            + (accent.group("spaced") or accent.group("braced"))
            + "}"
        )
    return "{\\" + accent.group("symbol") + (accent.group("next") or accent.group("inside")) + "}"


def split_names(raw: str) -> list[str]:
    """Split on ` and ` only outside braces. (bibtexparser 2.1.0's split_multiple_persons_names
    loses a command that starts a name after "and": `A, B and \\v{S}ebek, O.` gives
    `{S}ebek, O.`; tests/test_citations_bibliography.py fails when a release fixes it.)"""
    if "{" not in raw and "}" not in raw:
        return AND_SEPARATOR.split(raw)
    parts, start = [], 0
    for match in AND_SEPARATOR.finditer(raw):  # brace counting in C (str.count)
        at = match.start()
        if raw.count("{", 0, at) == raw.count("}", 0, at):
            parts.append(raw[start:at])
            start = match.end()
    parts.append(raw[start:])
    return parts
