r"""A BibTeX field value as BibTeX reads it: `{…}`, `"…"`, a number or an @string macro,
joined with `#`.

bibtexparser 2.1 finds where each value ends but leaves the value as written: it resolves a
macro only when the macro is the whole value, never a `#` concatenation, and says nothing when
a value runs on into the next field because a comma is missing (`year = {2023} force = True`
becomes the year "{2023} force = True"). This module reads the value as written (the parser
is run without its middlewares) and reports, with the line:

- a macro no `@string` defines (and where it is defined if that is only further down);
- text after a complete value: a missing comma when it reads `name =`, a `%` comment (BibTeX
  has none inside entries), else stray text;
- braces nested deeper than any real title needs (which would exhaust the LaTeX decoder).

    >>> evaluate('{Proc.} # " of " # conf', {"conf": "NeurIPS"}).value
    'Proc. of NeurIPS'
    >>> evaluate('{2023}\n  force = True', {}, what="its 'year' value").problem
    "has a comma missing after its 'year' value (before 'force =')"

A problem reads as said of the entry or @string: "entry 'k' " + problem.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

MAX_BRACE_DEPTH = 64
# BibTeX's predefined macros (plain.bst and every standard style): the month abbreviations.
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
PREDEFINED = {name[:3]: name.capitalize() for name in MONTHS}

BRACE_OR_END = re.compile(r"(?x) (?<!\\) [{}]")
QUOTE_OR_BRACE = re.compile(r'(?x) (?<!\\) [{}"]')
SPACE = re.compile(r"(?x) \s*")
NUMBER = re.compile(r"(?x) \d+ (?! [^\s#] )")
# A macro name: BibTeX allows anything but whitespace and  " # % ' ( ) , = { }  (not a digit first).
MACRO_NAME = re.compile(r"""(?x) [^\s"#%'(),={}\d] [^\s"#%'(),={}]* """)
NEXT_FIELD = re.compile(r"""(?x) (?P<name> [^\s"#%'(),={}]+ ) \s* = """)


def _braced_group(depth: int) -> str:
    """A `{…}` group with groups nested in it `depth` levels deep at most; a brace right after a
    backslash is text, as in BRACE_OR_END. Possessive, so a near miss fails in linear time."""
    inner = rf"| {_braced_group(depth - 1)}" if depth else ""
    return rf"\{{ (?: [^{{}}\\]++ | \\[{{}}]?+ {inner} )*+ \}}"


# A whole value that is one brace group (`{The {RL} Book}`, `{Sch{\"o}lkopf, B.}`): most values
# with inner braces, read without the scan below.
BRACED_VALUE = re.compile(rf"(?x) {_braced_group(8)}")


@dataclass(frozen=True, slots=True)
class Value:
    """The value's text (still LaTeX), or what is wrong with it and how many lines into the
    value (counted from the field's first line) the problem is."""

    value: str
    problem: str = ""
    line_offset: int = 0


def evaluate(
    raw: str,
    macros: Mapping[str, str],
    later: Mapping[str, int] | None = None,
    what: str = "its value",
) -> Value:
    """`raw` (a value as written, e.g. `{A} # b`) with its parts joined and macros expanded;
    `macros` by lower-case name; `later` names macros defined further down (name → line);
    `what` names the value in messages ("its 'title' value")."""
    simple = _simple(raw)
    if simple is not None:
        return Value(simple)
    if BRACED_VALUE.fullmatch(raw):
        return Value(raw[1:-1])
    return _scan(raw, macros, later or {}, what)


def _scan(raw: str, macros: Mapping[str, str], later: Mapping[str, int], what: str) -> Value:
    """`evaluate` for any value, part by part (the reference its quick roads are tested against)."""
    parts: list[str] = []
    position = _after_space(raw, 0)
    while True:
        part = _part(raw, position, macros, later, what)
        if isinstance(part, Value):  # a problem
            return Value("".join(parts), part.problem, raw.count("\n", 0, position))
        text, part_end = part
        parts.append(text)
        position = _after_space(raw, part_end)
        if position >= len(raw):
            return Value("".join(parts))
        if raw[position] == "#":
            position = _after_space(raw, position + 1)
            continue
        # the problem is where the value ended (where a comma is missing), or a comment's line
        where = position if raw[position] == "%" else part_end
        return Value("".join(parts), _after_value(raw, position, what), raw.count("\n", 0, where))


def _after_space(raw: str, position: int) -> int:
    """Where the white space from `position` on ends."""
    space = SPACE.match(raw, position)
    assert space is not None  # \s* matches the empty string too
    return space.end()


def _simple(raw: str) -> str | None:
    """The common shapes without a scan: `{text}` or `"text"` with no inner braces or quotes
    (nor a backslash before the closing one, which escapes it), or digits."""
    if len(raw) >= 2 and not raw.endswith("\\", 0, -1):
        inner = raw[1:-1]
        if raw[0] == "{" and raw[-1] == "}" and "{" not in inner and "}" not in inner:
            return inner
        if (
            raw[0] == '"'
            and raw[-1] == '"'
            and '"' not in inner
            and "{" not in inner
            and "}" not in inner
        ):
            return inner
    return raw if raw.isdigit() else None


def _part(
    raw: str, start: int, macros: Mapping[str, str], later: Mapping[str, int], what: str
) -> tuple[str, int] | Value:
    if start >= len(raw):
        return Value("", f"has nothing for {what} (write {{}} for an empty value)")
    opening = raw[start]
    if opening == "{":
        return _delimited(raw, start, BRACE_OR_END, None, what)
    if opening == '"':
        return _delimited(raw, start, QUOTE_OR_BRACE, '"', what)
    if number := NUMBER.match(raw, start):
        return number.group(), number.end()
    if name := MACRO_NAME.match(raw, start):
        found = macros.get(name.group().lower(), PREDEFINED.get(name.group().lower()))
        if found is None:
            return Value("", _undefined(name.group(), later, what))
        return found, name.end()
    return Value(
        "", f"has '{opening}' where {what} should start (put the value in braces: {{...}})"
    )


def _delimited(
    raw: str, start: int, marks: re.Pattern[str], closing: str | None, what: str
) -> tuple[str, int] | Value:
    """A `{…}` (closing None: the brace that balances the first) or `"…"` part, without recursion."""
    depth = 0 if closing else 1
    for mark in marks.finditer(raw, start + 1):
        char = mark.group()
        if char == "{":
            depth += 1
            if depth > MAX_BRACE_DEPTH:
                return Value(
                    "",
                    f"nests braces more than {MAX_BRACE_DEPTH} levels deep in {what} (remove the extra braces)",
                )
        elif char == "}":
            depth -= 1
            if depth == 0 and closing is None:
                return raw[start + 1 : mark.start()], mark.end()
            if depth < 0:
                break
        elif depth == 0:  # the closing quote, outside braces
            return raw[start + 1 : mark.start()], mark.end()
    return Value(
        "", f"has an unbalanced {'brace' if closing is None else 'quote or brace'} in {what}"
    )


def _undefined(name: str, later: Mapping[str, int], what: str) -> str:
    where = later.get(name.lower())
    if where is not None:
        return f"uses the @string macro '{name}' in {what} before line {where} defines it (move the @string up)"
    return (
        f"uses '{name}' in {what}, which no @string defines (define it above with "
        f"@string{{{name} = {{...}}}}, or put the text in braces)"
    )


def _after_value(raw: str, position: int, what: str) -> str:
    if raw[position] == "%":
        return (
            f"has a '%' comment after {what}; BibTeX has no comments inside entries: "
            "remove the comment"
        )
    following = NEXT_FIELD.match(raw, position)
    if following:
        return f"has a comma missing after {what} (before '{following.group('name')} =')"
    shown = raw[position : position + 20].split("\n")[0]
    return f"has '{shown}' after {what} (join parts with #, or put the whole value in braces)"
