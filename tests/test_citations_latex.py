"""The fast road for common LaTeX (latex_fast.py) against pylatexenc's parser (latex.py): the
same text for every string of every test fixture, of the project's references.bib and of the
benchmark's synthetic bibliography, and for generated strings built from the constructs the
fast road handles and their near misses."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibtexparser.middlewares.names import parse_single_name_into_parts
from hypothesis import given, settings
from hypothesis import strategies as st

import citations.latex_fast
from citations.bibliography import parse_bibliography
from citations.latex import ANY_WORK, WHITESPACE, _collapse, decode, decode_with_parser
from citations.latex_fast import decode_common
from citations.names import split_names

ROOT = Path(__file__).resolve().parent.parent
BIB_FILES = [ROOT / "references.bib", *sorted((ROOT / "tests").glob("**/*.bib"))]


def field_strings(text: str) -> Iterator[str]:
    """Every value of every entry, and every name and name part of the name fields."""
    for entry in parse_bibliography(text, "x.bib").entries.values():
        for name, value in entry.fields.items():
            yield value
            if name in ("author", "editor"):
                for person in split_names(value):
                    yield person
                    yield from (
                        " ".join(words)
                        for words in vars(
                            parse_single_name_into_parts(person, strict=False)
                        ).values()
                        if words
                    )


def benchmark_strings() -> Iterator[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_citations import synthetic_bib

    yield from field_strings(synthetic_bib(300, random.Random(7), latex_heavy=True))


def all_fixture_strings() -> list[str]:
    found = {
        s
        for path in BIB_FILES
        for s in field_strings(path.read_text(encoding="utf-8", errors="replace"))
    }
    return sorted(found | set(benchmark_strings()))


def same_as_parser(text: str) -> bool:
    fast = decode_common(text)
    return fast is None or _collapse(fast) == _collapse(decode_with_parser(text))


def test_every_fixture_string_decodes_as_the_parser_does() -> None:
    strings = all_fixture_strings()
    assert len(strings) > 500
    different = [s for s in strings if not same_as_parser(s)]
    assert different == []
    handled = sum(decode_common(s) is not None for s in strings if "\\" in s)
    assert handled > 100  # the fast road really is taken for LaTeX (not only for plain text)


ATOMS = [
    "\\'e",
    "\\'{e}",
    "{\\'e}",
    '\\"{o}',
    '\\"o',
    "\\`a",
    "\\^{o}",
    "\\~n",
    "\\={a}",
    "\\.{z}",
    "\\v{s}",
    "\\v s",
    "\\c{c}",
    "\\c c",
    "\\H{o}",
    "\\k{a}",
    "\\r{a}",
    "\\u{g}",
    "\\d{s}",
    "\\b{b}",
    "\\'{\\i}",
    "\\'\\i",
    "\\ss",
    "\\ss{}",
    "{\\ss}",
    "\\o",
    "{\\o}",
    "\\AA",
    "\\ae",
    "\\OE",
    "\\i",
    "\\j",
    "\\l",
    "\\L",
    "\\&",
    "\\%",
    "\\_",
    "\\#",
    "\\$",
    "\\emph{",
    "\\textit{",
    "\\textbf{",
    "\\textsc{",
    "\\texttt{",
    "\\mbox{",
    "\\text{",
    "{\\em ",
    "{\\it ",
    "\\bf ",
    "\\sc",
    "\\emph ",
    "{",
    "}",
    "--",
    "---",
    "~",
    "``",
    "''",
    "`",
    "'",
    "?`",
    "!`",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "a",
    "B",
    "é",
    "ø",
    "1",
    ".",
    ",",
    "-",
    "&",
    "%",
    "#",
    "$",
    "\\",
    "\\\\",
    "\\TeX",
    "\\noopsort{a}",
    "\\url{x}",
    "\\relax ",
    "$x$",
    "$\\alpha$",
    "$\\epsilon$-",
    "$\\mathcal{O}(n)$",
    "$x^{2}$",
    "$x_i$",
    "$\\sqrt{2}$",
    "$\\frac{1}{2}$",
    "$ x $",
    "$\\alpha x$",
    "$\\alpha\\beta$",
    "$a--b$",
    "$a~b$",
    "$\\foo{x}$",
    "$\\log n$",
    "$$x$$",
    "$f(x)=y$",
    "$\\{x\\}$",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), max_size=10).map("".join))
def test_generated_strings_decode_as_the_parser_does(text: str) -> None:
    assert same_as_parser(text), (text, decode_common(text), decode_with_parser(text))


@pytest.mark.parametrize(
    "text",
    # Found by the property test above: in a formula the parser drops a space after a dash or
    # a tie when a macro follows, and keeps it before a letter.
    ["$-- \\o$", "$a -- \\o$", "$--- \\alpha$", "$a~ \\o$", "$-- a$", "$a \\o$"],
)
def test_spaces_after_a_formulas_dash_or_tie_decode_as_the_parser_does(text: str) -> None:
    assert same_as_parser(text), (text, decode_common(text), decode_with_parser(text))


@pytest.mark.parametrize(
    "text",
    [
        'Sch{\\"o}lkopf',
        "\\v{S}ebek",
        "{\\O}stergaard",
        "Ren{\\'e}e \\emph{et} al.",
        'M{\\"u}ller -- \\textsc{Bert}',
        "Stra{\\ss}e",
    ],
)
def test_common_latex_takes_the_fast_road(text: str) -> None:
    assert decode_common(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "$\\sqrt{2}$",
        "$ x $",
        "$\\alpha x$",
        "\\alpha",
        "\\unknown{x}",
        "\\ss\n\nx",
        "\\oe\u00e9",
        "\\' e",
    ],
)
def test_anything_else_goes_to_the_parser(text: str) -> None:
    assert decode_common(text) is None


SPACES_AND_SPECIALS = st.text(alphabet=" \t\r\n\u00a0ab-'`\\{}~$", max_size=12)


@settings(max_examples=2000, deadline=None)
@given(SPACES_AND_SPECIALS)
def test_whitespace_is_collapsed_as_one_regex_pass_would(text: str) -> None:
    assert _collapse(text) == WHITESPACE.sub(" ", text).strip()


@settings(max_examples=2000, deadline=None)
@given(SPACES_AND_SPECIALS)
def test_only_text_without_latex_skips_decoding(text: str) -> None:
    """The quick check (one regex) lets through only text that the full road leaves as it is."""
    if not ANY_WORK.search(text):
        assert decode(text) is text
        assert _collapse(decode_with_parser(text)) == text.strip()


def test_docstring_examples() -> None:
    import doctest

    for module in (citations.latex_fast,):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0
