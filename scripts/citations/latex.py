r"""BibTeX field text (LaTeX) to plain Unicode, cheaply.

bibtexparser's LatexDecodingMiddleware decodes every field of every entry and costs seconds
on a large file. Most fields are plain text, so this module only does work where there is some:

- no `\`, `{`, `}`, `~`, `$` or `--`       → returned unchanged (the common case);
- only protective braces and dashes        → braces removed, `---` → —, `--` → – (string ops);
- anything else (accents, commands, math)  → pylatexenc, once per distinct string (cached).

    >>> decode('Concrete Problems in AI Safety')
    'Concrete Problems in AI Safety'
    >>> decode('{P}roblems of {M}onetary {M}anagement -- the {U.K.} experience')
    'Problems of Monetary Management – the U.K. experience'
    >>> decode('Sch{\\"o}lkopf')
    'Schölkopf'

LaTeX quotes become typographic when the field uses a backquote: `Improving ratings' →
‘Improving ratings’. Bare `&`, `%` and `#` are common in hand-written .bib files but mean
something else to LaTeX (alignment tab, comment, parameter); they are taken literally.
"""
from __future__ import annotations

import functools
import re

from pylatexenc.latex2text import LatexNodes2Text

ANY_WORK = re.compile(r"[`\\$~{}\n\t\r]|--|  ")  # any of the cases below
NEEDS_LATEX = re.compile(r"[\\$~]")
NEEDS_CLEANUP = re.compile(r"[{}]|--")
UNESCAPED_SPECIAL = re.compile(r"(?<!\\)([&%#])")
WHITESPACE = re.compile(r"[ \t\r\n]+")  # not \s: keep the no-break space of `~`

_converter = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)


def decode(text: str) -> str:
    """Unicode text for the LaTeX field value `text` (whitespace collapsed, braces removed)."""
    if not ANY_WORK.search(text):  # the common case, in one regex pass
        return text
    if "`" in text:  # LaTeX quotes: ``a'' → “a”, `a' → ‘a’ (plain apostrophes are left alone)
        text = text.replace("``", "“").replace("''", "”").replace("`", "‘").replace("'", "’")
    if NEEDS_LATEX.search(text):
        return _decode_with_pylatexenc(text)
    if NEEDS_CLEANUP.search(text):
        return _collapse(text.replace("{", "").replace("}", "").replace("---", "—").replace("--", "–"))
    return _collapse(text) if "\n" in text or "  " in text else text


@functools.lru_cache(maxsize=8192)
def _decode_with_pylatexenc(text: str) -> str:
    return _collapse(_converter.latex_to_text(UNESCAPED_SPECIAL.sub(r"\\\1", text)))


def _collapse(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()
