"""BibTeX name lists: split `A and B and C`, tell surnames from given names, keep organisations.

Splitting happens on the raw LaTeX (braces protect ` and ` inside an organisation's name),
decoding afterwards, so `{Alignment Research Center}` stays one author and `{\\"o}` an accent.

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

from .latex import decode

AND_SEPARATOR = re.compile(r"(?ix) \s+ and \s+")
COMMA = re.compile(",")
WHITESPACE = re.compile(r"\s")
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
    return tuple(_parse_one(part) for part in _split_top_level(raw.strip()) if part.strip())


def _split_top_level(raw: str) -> list[str]:
    """Split on ` and ` only outside braces."""
    return _split_outside_braces(raw, AND_SEPARATOR)


def _split_outside_braces(raw: str, separator: re.Pattern[str]) -> list[str]:
    """Split `raw` at the matches of `separator` (which holds no braces) that are not inside
    braces: brace counting in C (str.count), not a Python loop per character."""
    if "{" not in raw and "}" not in raw:
        return separator.split(raw)
    parts, start = [], 0
    for match in separator.finditer(raw):
        at = match.start()
        if raw.count("{", 0, at) == raw.count("}", 0, at):
            parts.append(raw[start:at])
            start = match.end()
    parts.append(raw[start:])
    return parts


def _parse_one(raw: str) -> Name:
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
    return [part.strip() for part in _split_outside_braces(raw, COMMA)]


def _split_words(raw: str) -> list[str]:
    return [word for word in _split_outside_braces(raw, WHITESPACE) if word] or [raw]
