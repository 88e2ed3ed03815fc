r"""The LaTeX that most .bib fields contain, decoded in one regex pass instead of a full parse.

Accented names (`Sch{\"o}lkopf`, `Man{\'e}`, `\v{S}ebek`), letters (`{\o}`, `\ss`), escaped
specials (`\&`), font switches (`\emph{…}`, `{\em …}`), protective braces, dashes, `~`, TeX
quotes and short formulas (`$\epsilon$-greedy`, `$\mathcal{O}(n)$`) make up nearly all the
LaTeX of real bibliographies. For those, pylatexenc's parser
(latex.py) costs far more than the field is worth. `decode_common` handles a string made only
of such constructs and returns None for anything else, which then goes to the parser.

It is the same as the parser by construction where it can be: each accent, letter or math
symbol is decoded by asking the parser once for its canonical form (`\'{e}`, `$\alpha$`) and
remembering the answer.
What is left (braces vanish, a font switch leaves its text, the space after a letter macro is
eaten, as TeX does) is checked against the parser by tests on every string of the test
fixtures and on generated strings.

    >>> decode_common('Sch{\\"o}lkopf and \\emph{Man\\\'e}')
    'Schölkopf and Mané'
    >>> decode_common('$\\sqrt{2}$') is None
    True
"""

from __future__ import annotations

import functools
import re

ACCENTS = "'`^\"~=."  # \'e  \'{e}  {\'e}
LETTER_ACCENTS = "vcHkrudb"  # \v{s}  \v s
LETTER_MACROS = "ss|o|O|ae|AE|oe|OE|aa|AA|l|L|i|j"
FONT_COMMANDS = (
    "emph|textit|textbf|textsc|textrm|textsf|textsl|textup|textmd|text|mbox|texttt|textnormal"
)
FONT_SWITCHES = "em|it|bf|sc|rm|sf|sl|tt|upshape|itshape|bfseries|scshape|mdseries|normalfont"
END_OF_NAME = r"(?! [^\W\d_] )"  # a macro name ends at the first non-letter (any alphabet)
# TeX eats the spaces after a macro name, and one line end; a blank line after it (a paragraph
# break) is left to the parser, whose handling of it depends on what surrounds it.
SPACE_EATEN = r"[ \t]* (?: \n [ \t]* (?P<{}> \n )? )?"

# Every alternative starts with a literal character, so the regex engine skips plain text
# between them at C speed (a pattern whose branches all start with a literal gets a first-
# character set); alternatives that are just a literal capture an empty group naming them.
COMMON = re.compile(
    rf"""(?x)
      \\ (?P<accent> [{re.escape(ACCENTS)}] )
         (?: \{{ (?P<braced> [A-Za-z] ) \}} | (?P<bare> [A-Za-z] ) | \{{ \\ (?P<dotless> [ij] ) \}} )
    | \\ (?P<letter_accent> [{LETTER_ACCENTS}] ) (?: \{{ (?P<letter_braced> [A-Za-z] ) \}} | [ ] (?P<letter_bare> [A-Za-z] ) )
    | \\ (?P<letter> {LETTER_MACROS} ) {END_OF_NAME} (?: \{{\}} | {SPACE_EATEN.format("para_letter")} )
    | \\ (?P<escaped> [&%_\#$] )
    | \\ (?: {FONT_COMMANDS} ) {SPACE_EATEN.format("para_command")} (?= \{{ )
    | \\ (?: {FONT_SWITCHES} ) {END_OF_NAME} {SPACE_EATEN.format("para_switch")}
    | \\ (?P<other> )
    | \$ (?P<math> [^$\s\\] | [^$\s] [^$\n]* [^$\s] ) \$   # inline math, no space at its edges
    | \$ (?P<other_dollar> )
    | - (?P<dash> -? ) -                   # -- or ---
    | ` (?P<open_quote> ` ) | ' (?P<close_quote> ' ) | \? (?P<inverted_question> ` ) | ! (?P<inverted_exclamation> ` )
    | \{{ (?P<brace> ) | \}} (?P<closing_brace> )
    | ~ (?P<tie> )
    """
)
DROPPED = frozenset({None, "brace", "closing_brace"})
LITERAL_KINDS = frozenset(
    {"dash", "open_quote", "close_quote", "inverted_question", "inverted_exclamation", "tie"}
)
LITERAL = {"---": "—", "--": "–", "``": "“", "''": "”", "?`": "¿", "!`": "¡", "~": "\u00a0"}
MATH_FONTS = "mathcal|mathbf|mathbb|mathrm|mathit|mathsf|mathtt|mathfrak|mathscr"
MATH = re.compile(
    rf"""(?x)
      \\ (?P<font> {MATH_FONTS} ) \{{ (?P<font_arg> [A-Za-z0-9] ) \}}
    | \\ (?P<symbol> [A-Za-z]+ ) (?! [A-Za-z\s{{] )   # a space after it: the parser's choice varies
    | (?P<brace> [{{}}] )
    | (?P<dash> ---? )
    | (?P<tie> ~ )
    | (?P<other> [^A-Za-z0-9 +\-=<>()\[\],./|*!?:;^_] )
    """
)
# Spaces next to a group's braces, a space after a dash or a tie (the parser drops it before
# a macro, `$-- \o$` gives "–ø", and keeps it before a letter), and a tie at a formula's edge:
# the parser eats or strips them depending on context, so such formulas go to the parser.
BRACES = re.compile(r"(?x) [{}]")
MATH_SPACE_RISK = re.compile(r"(?x) [{}] \s | \s [{}] | (?: -- | ~ ) \s | ^ ~ | ~ $")


def decode_common(text: str) -> str | None:
    """`text` decoded, or None when it holds LaTeX beyond the common constructs."""
    unsupported = False

    def replace(match: re.Match[str]) -> str:
        nonlocal unsupported
        kind = match.lastgroup
        if kind in DROPPED:  # a brace, or a font command or switch (kind None): its text stays
            return ""
        if kind in LITERAL_KINDS:
            return LITERAL[match.group()]
        if kind in ("braced", "bare"):
            return _accented(match.group("accent"), match.group(kind))
        if kind == "dotless":
            return _accented(match.group("accent"), "\\" + match.group(kind))
        if kind in ("letter_braced", "letter_bare"):
            return _accented(match.group("letter_accent"), match.group(kind))
        if kind == "letter":
            return _letter(match.group(kind))
        if kind == "escaped":
            return match.group(kind)
        if kind == "math":
            formula = _math(match.group(kind))
            unsupported = unsupported or formula is None
            return formula or ""
        unsupported = (
            True  # a backslash or dollar sign of anything else, or a blank line after a macro
        )
        return ""

    decoded = COMMON.sub(replace, text)
    return None if unsupported else decoded


@functools.lru_cache(maxsize=4096)
def _math(formula: str) -> str | None:
    """A formula of symbols (`\\alpha`), letters in math fonts (`\\mathcal{O}`) and plain
    characters, as the parser gives it in text mode; None for anything else."""
    if MATH_SPACE_RISK.search(formula) or not _balanced(formula):
        return None
    unsupported = False

    def replace(match: re.Match[str]) -> str:
        nonlocal unsupported
        kind = match.lastgroup
        if kind == "font_arg":
            return _formula(f"\\{match.group('font')}{{{match.group(kind)}}}")
        if kind == "symbol":
            if not _takes_no_arguments(match.group(kind)):
                unsupported = True
                return ""
            return _formula(f"\\{match.group(kind)}")
        if kind == "brace":
            return ""
        if kind == "other":
            unsupported = True
            return ""
        return LITERAL[match.group(0)]  # a dash or a tie: the group is the whole match

    decoded = MATH.sub(replace, formula)
    return None if unsupported else decoded


def _balanced(formula: str) -> bool:
    """Do the formula's braces pair up inside it? (Else its `$` may belong to a group.)"""
    depth = 0
    for brace in BRACES.findall(formula):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return depth == 0


@functools.cache
def _formula(canonical: str) -> str:
    from .latex import decode_with_parser

    return decode_with_parser(f"${canonical}$")


@functools.cache
def _takes_no_arguments(name: str) -> bool:
    from .latex import walker_context

    spec = walker_context().get_macro_spec(name)
    return spec is None or not getattr(spec.args_parser, "argspec", "")


@functools.cache
def _accented(accent: str, letter: str) -> str:
    from .latex import decode_with_parser  # the parser is the reference; asked once per pair

    return decode_with_parser(f"\\{accent}{{{letter}}}")


@functools.cache
def _letter(name: str) -> str:
    from .latex import decode_with_parser

    return decode_with_parser(f"\\{name}{{}}")
