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

A reference list shows its first author surname first (`inverted`), as author-date styles do, so
that a reader who looks up "Amodei et al., 2016" scans the surnames the list is sorted by:

    >>> [parse_names(raw)[0].inverted for raw in ('Dario Amodei', 'Jan van Merwijk',
    ...     'King, Jr., Martin Luther', '{Alignment Research Center}')]
    ['Amodei, Dario', 'van Merwijk, Jan', 'King, Martin Luther, Jr.', 'Alignment Research Center']

The comma forms are BibTeX's: "von Last, First" and "von Last, Jr, First"; a trailing comma
(common in hand-edited files) adds nothing.

A list BibTeX would misread is a problem (`name_list_problems`), never a silently wrong author:
more than two commas in one name (BibTeX's "Too many commas in name"), an empty name (a doubled
`and`, or one at the start or end), a bare `&` or `;` where ` and ` belongs. Braces protect all
of these (`{Procter \\& Gamble}`, `{Research and Development, Inc.}`); so does a backslash (`\\&`).

    >>> name_list_problems('Doe, Jane, Roe, Richard', 'author')
    [(0, "a name with 3 commas in 'author' ('Doe, Jane, Roe, Richard'); separate authors with ' and ' (a name has at most two commas: 'von Last, Jr, First')")]
    >>> name_list_problems('{Procter \\\\& Gamble} and King, Jr., Martin Luther,', 'author')
    []
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
# `and` as BibTeX reads it between names: a word of its own (any case), outside braces; at the
# very start or end of the list it separates an empty name.
AND_WORD = re.compile(r"(?ix) ^ and (?= \s ) | (?<= \s ) and (?= \s | $ )")
ESCAPED = re.compile(r"(?x) \\ [^A-Za-z] ")
INNERMOST_GROUP = re.compile(r"(?x) \{ [^{}]* \}")
MAX_COMMAS = 2  # "von Last, Jr, First"
SHOWN_TEXT = 40


@dataclass(frozen=True, slots=True)
class Name:
    """One author: `surname` for labels ("Amodei"), `display` for the full reference ("Dario
    Amodei"), `inverted` for the first author of one ("Amodei, Dario")."""

    surname: str
    display: str
    inverted: str
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
        return Name(surname=OTHERS, display=OTHERS, inverted=OTHERS, is_others=True)
    parts = parse_single_name_into_parts(
        WORD_START_ACCENT.sub(_special_character, raw), strict=False
    )
    surname = decode(" ".join(parts.von + parts.last))
    first = decode(" ".join(parts.first))
    junior = f", {decode(' '.join(parts.jr))}" if parts.jr else ""
    inverted = (f"{surname}, {first}" if first else surname) + junior
    if "," not in raw:
        return Name(surname=surname, display=decode(raw), inverted=inverted)
    return Name(surname=surname, display=f"{first} {surname}".strip() + junior, inverted=inverted)


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


def name_list_problems(raw: str, field_name: str) -> list[tuple[int, str]]:
    """What BibTeX would misread in the name list `raw` (the value of `field_name`, LaTeX): each
    problem once, with the offset in `raw` where it is, said of the entry ("a name with 3 commas
    in 'author' (...); separate authors with ' and '")."""
    outside = _outside_braces(raw)
    flat = " " + " ".join(outside.split()).lower() + " "  # the usual case, checked in bulk
    if (
        "&" not in flat
        and ";" not in flat
        and " and and " not in flat
        and not flat.startswith(" and ")
        and not flat.endswith(" and ")
        and all(
            name.count(",") - name.rstrip().endswith(",") <= MAX_COMMAS
            for name in flat.split(" and ")
        )
    ):
        return []
    problems: list[tuple[int, str]] = []
    for mark in ("&", ";"):
        at = outside.find(mark)
        if at >= 0:
            hint = (
                " (an organisation's '&' goes inside braces: {Procter \\& Gamble})"
                if mark == "&"
                else ""
            )
            problems.append(
                (
                    at,
                    f"'{mark}' between names in '{field_name}' ('{_shown(raw)}'); separate authors "
                    f"with ' and '{hint}",
                )
            )
    starts = [0]
    ends = []
    for match in AND_WORD.finditer(outside):
        ends.append(match.start())
        starts.append(match.end())
    ends.append(len(raw))
    reported: set[str] = set()  # each kind of empty name, and too many commas, once
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if not raw[start:end].strip():
            kind = "start" if index == 0 else "end" if index == len(starts) - 1 else "doubled"
            if len(starts) == 1 or kind in reported:
                continue
            reported.add(kind)
            if kind == "start":
                where, fix = "an 'and' at the start", "remove the first 'and'"
            elif kind == "end":
                where, fix = "an 'and' at the end", "remove the last 'and'"
            else:
                before = raw[starts[index - 1] : ends[index - 1]].strip()
                where, fix = f"a doubled 'and' after '{_shown(before)}'", "remove the extra 'and'"
            problems.append((start, f"an empty name in '{field_name}' ({where}); {fix}"))
            continue
        commas = outside.count(",", start, end)
        if outside[start:end].rstrip().endswith(","):
            commas -= 1  # a trailing comma adds nothing
        if commas > MAX_COMMAS and "commas" not in reported:
            reported.add("commas")
            offset = start + len(raw[start:end]) - len(raw[start:end].lstrip())
            problems.append(
                (
                    offset,
                    f"a name with {commas} commas in '{field_name}' ('{_shown(raw[start:end])}'); "
                    "separate authors with ' and ' (a name has at most two commas: "
                    "'von Last, Jr, First')",
                )
            )
    return sorted(problems)


def _outside_braces(raw: str) -> str:
    """`raw` with every character inside braces, every brace and every escaped character
    (`\\&`, `\\{`) replaced by `x`: what is left is what BibTeX reads at brace level 0, at the
    same offsets. (Innermost groups first, in C: the values are balanced, values.py saw to it.)"""
    if "\\" in raw:
        raw = ESCAPED.sub("xx", raw)
    while "{" in raw or "}" in raw:
        masked = INNERMOST_GROUP.sub(_masked, raw)
        if masked == raw:  # an unbalanced brace: BibTeX would not read this list either
            return masked.replace("{", "x").replace("}", "x")
        raw = masked
    return raw


def _masked(group: re.Match[str]) -> str:
    return "x" * len(group.group())


def _shown(text: str) -> str:
    """`text` on one line, shortened to about SHOWN_TEXT characters."""
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 3].rstrip() + "..."
