r"""BibTeX field text (LaTeX) to plain Unicode, cheaply and in the right order.

Real .bib files put LaTeX in most names and many titles, so decoding must be both right and
cheap. Each distinct string is decoded once (cached), along one of three roads:

- no `\`, `{`, `}`, `~`, `$`, backquote, quote pair or `--`  → returned unchanged (most fields);
- only the common constructs: accents (`{\"o}`, `\'{e}`, `\v s`), letters such as `\ss` and
  `{\o}`, escaped specials (`\&`), font switches (`\emph{…}`, `{\em …}`), braces, dashes, `~`,
  TeX quotes and short formulas (`$\epsilon$`)     → latex_fast.py, one regex pass;
- anything else (other macros, larger formulas)     → pylatexenc's parser, with the macros
  BibTeX files use that pylatexenc does not know (`\texttt`, `\TeX`, `\noopsort`, ...).

The fast road gives exactly what the parser gives (tests compare the two on every string of
the test fixtures and on generated strings). Typographic quotes come last, after accents are
decoded: a backquote in the decoded text makes `x' a pair of single quotes.

    >>> decode('Concrete Problems in AI Safety')
    'Concrete Problems in AI Safety'
    >>> decode('{P}roblems of {M}onetary {M}anagement -- the {U.K.} experience')
    'Problems of Monetary Management – the U.K. experience'
    >>> decode('Adri{\\`a} and Sch{\\"o}lkopf on `reward\' and \\texttt{JAX}')
    'Adrià and Schölkopf on ‘reward’ and JAX'

Bare `&`, `%` and `#` are common in hand-written .bib files but mean something else to LaTeX
(alignment tab, comment, parameter); they are taken literally.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from pylatexenc import latex2text, latexwalker, macrospec

from .latex_fast import decode_common

# Branches that each start with a literal: the engine skips plain text at C speed (latex_fast.COMMON).
ANY_WORK = re.compile(r"""(?x) \\ | \{ | \} | ~ | \$ | ` | \n | \t | \r | -- | '' | [ ][ ] """)
UNESCAPED_SPECIAL = re.compile(r"(?x) (?<!\\) ([&%#])")
WHITESPACE = re.compile(r"(?x) [ \t\r\n]+")  # not \s: keep the no-break space of `~`
MORE_THAN_A_SPACE = re.compile(r"(?x) [ ][ ] | \t | \r | \n")  # whitespace WHITESPACE would change
BRACE = re.compile(r"(?x) [{}]")
CACHE_SIZE = 1 << 16

# Macros that BibTeX files use and pylatexenc 2.11 does not know (it drops their text) or gets
# wrong (`\href` raises IndexError): how to read their arguments, and the text they stand for.
BIBTEX_MACRO_ARGUMENTS = {
    "texttt": "{",
    "textnormal": "{",
    "textsuperscript": "{",
    "textsubscript": "{",
    "noopsort": "{",
    "href": "{{",
    "url": "{",
    "doi": "{",
    "hyphen": "",
    "TeX": "",
    "LaTeX": "",
    "BibTeX": "",
    "LaTeXe": "",
    "XeTeX": "",
    "relax": "",
    "nocase": "{",
    "NoCaseChange": "{",
}
# The text each stands for: an int is "the text of that argument" (empty when the argument is
# missing, as in `\href{}`: pylatexenc's own %(2)s template raises KeyError there), a str is literal.
BIBTEX_MACRO_TEXT: dict[str, int | str] = {
    "texttt": 1,
    "textnormal": 1,
    "textsuperscript": 1,
    "textsubscript": 1,
    "mbox": 1,
    "noopsort": "",
    "href": 2,
    "url": 1,
    "doi": 1,
    "hyphen": "-",
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "BibTeX": "BibTeX",
    "LaTeXe": "LaTeX2e",
    "XeTeX": "XeTeX",
    "relax": "",
    "nocase": 1,
    "NoCaseChange": 1,
}


def decode(text: str) -> str:
    """Unicode text for the LaTeX field value `text` (whitespace collapsed, braces removed)."""
    if not ANY_WORK.search(text):  # the common case, in one regex pass
        return text
    return _decode(text)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _decode(text: str) -> str:
    common = decode_common(text)
    decoded = common if common is not None else decode_with_parser(text)
    return typographic_quotes(_collapse(decoded))


def decode_with_parser(text: str) -> str:
    """pylatexenc's reading of `text` (bare &, %, # taken literally), before whitespace is
    collapsed; the reference the fast road is tested against."""
    escaped = UNESCAPED_SPECIAL.sub(r"\\\1", text)
    try:
        walker = latexwalker.LatexWalker(
            escaped, latex_context=walker_context(), tolerant_parsing=True
        )
        return _converter().nodelist_to_text(walker.get_latex_nodes()[0])
    except RecursionError:  # braces nested hundreds deep: bibliography.py reports them on load
        return BRACE.sub("", text)


def typographic_quotes(text: str) -> str:
    """`x' → ‘x’ when the (decoded) text uses a backquote; plain apostrophes stay otherwise."""
    if "`" not in text:
        return text
    return text.replace("`", "‘").replace("'", "’")


def _collapse(text: str) -> str:
    return (WHITESPACE.sub(" ", text) if MORE_THAN_A_SPACE.search(text) else text).strip()


@functools.cache
def walker_context() -> macrospec.LatexContextDb:
    context = latexwalker.get_default_latex_context_db()
    context.add_context_category(
        "bibtex",
        prepend=True,
        macros=[macrospec.MacroSpec(name, args) for name, args in BIBTEX_MACRO_ARGUMENTS.items()],
    )
    return context


@functools.cache
def _converter() -> latex2text.LatexNodes2Text:
    context = latex2text.get_default_latex_context_db()
    context.add_context_category(
        "bibtex",
        prepend=True,
        macros=[
            latex2text.MacroTextSpec(
                name, simplify_repl=_argument_text(text) if isinstance(text, int) else text
            )
            for name, text in BIBTEX_MACRO_TEXT.items()
        ],
    )
    return latex2text.LatexNodes2Text(
        latex_context=context, math_mode="text", strict_latex_spaces=False
    )


def _argument_text(number: int) -> Callable[..., str]:
    """A pylatexenc replacement giving argument `number`'s text, or nothing when it is missing."""

    def text(node: latexwalker.LatexMacroNode, l2tobj: latex2text.LatexNodes2Text) -> str:
        arguments = node.nodeargd.argnlist if node.nodeargd is not None else []
        argument = arguments[number - 1] if len(arguments) >= number else None
        return "" if argument is None else str(l2tobj.nodelist_to_text([argument]))

    return text
