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
    parts = parse_single_name_into_parts(WORD_START_ACCENT.sub(_special_character, raw), strict=False)
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
        return "{\\" + accent.group("word") + " " + (accent.group("spaced") or accent.group("braced")) + "}"
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


def legacy_parse_names(raw: str) -> tuple[Name, ...]:
    """The hand-written splitter this module used before bibtexparser's name parts (kept for
    one commit, for the comparison test)."""
    return tuple(_legacy_one(part) for part in split_names(raw.strip()) if part.strip())


def _legacy_one(raw: str) -> Name:
    raw = raw.strip()
    if raw.lower() == OTHERS:
        return Name(surname=OTHERS, display=OTHERS, is_others=True)
    if raw.startswith("{") and raw.endswith("}") and _balanced_inside(raw[1:-1]):
        whole = decode(raw)  # an organisation, kept whole
        return Name(surname=whole, display=whole)
    commas = _split_commas(raw)
    while len(commas) > 1 and not commas[-1]:  # "Doe, Jane," : a trailing comma
        commas.pop()
    if len(commas) >= 2:  # "von Last, First" or "von Last, Jr, First"
        last = decode(commas[0])
        first = decode(commas[-1])
        junior = decode(commas[1]) if len(commas) >= 3 else ""
        display = f"{first} {last}".strip() + (f", {junior}" if junior else "")
        return Name(surname=last, display=display)
    words = _split_words(raw)
    # "First von Last": the surname starts at the first lowercase word (von part) or is the last word.
    start = len(words) - 1
    for index, word in enumerate(words[:-1]):
        if index > 0 and word[:1].islower():
            start = index
            break
    surname = decode(" ".join(words[start:]))
    return Name(surname=surname, display=decode(raw))


def _balanced_inside(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == "{") - (char == "}")
        if depth < 0:
            return False
    return depth == 0


def _split_commas(raw: str) -> list[str]:
    return [part.strip() for part in _legacy_split(raw, ',')]


def _split_words(raw: str) -> list[str]:
    return [word for word in _legacy_split(raw, ' ') if word] or [raw]


def _legacy_split(raw: str, separator: str) -> list[str]:
    parts, start = [], 0
    for match in re.finditer(r"\s" if separator == " " else ",", raw):
        at = match.start()
        if raw.count("{", 0, at) == raw.count("}", 0, at):
            parts.append(raw[start:at])
            start = match.end()
    parts.append(raw[start:])
    return parts
