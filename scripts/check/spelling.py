"""Spelling with codespell and the project's word list, in this process (the same tool and
list as tests/test_content.py), each misspelling as `file:line: ...` with its correction; and the
house spellings, one form per word across the pages, which codespell cannot know."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterable
from pathlib import Path

from source_text import Diagnostic

WORD_LIST = "codespell-words.txt"
# One spelling per word across the site (it writes -ize, with "behaviour" and "labeler"), and the
# order Askell et al. gave "helpful, honest and harmless". Each pair: the form to avoid (a regex),
# then the site's form.
HOUSE_SPELLINGS = [
    (r"recognis", "recogniz"),
    (r"penalis", "penaliz"),
    (r"realis(?=e|ed|es|ing)", "realiz"),
    (r"optimis(?=e|ed|es|ing|ation)", "optimiz"),
    (r"generalis(?=e|ed|es|ing|ation)", "generaliz"),
    (r"organis(?=e|ed|es|ing|ation)", "organiz"),
    (r"labell(?=er)", "label"),
    (r"judgement", "judgment"),
    (r"harmless,? and honest", "honest and harmless"),
]
_HOUSE = [
    (re.compile(rf"\b(?P<avoid>{avoid})(?P<rest>\w*)", re.IGNORECASE), house)
    for avoid, house in HOUSE_SPELLINGS
]
CODESPELL_LINE = re.compile(
    r"(?x) ^ (?P<file> .+? ) : (?P<line> \d+ ) : \s (?P<word> \S+ ) \s ==> \s (?P<fix> .+ ) $"
)


def check_spelling(root: Path, paths: Iterable[Path]) -> list[Diagnostic]:
    from codespell_lib import main as codespell

    args = [str(path) for path in paths]
    if (root / WORD_LIST).is_file():
        args = ["--ignore-words", str(root / WORD_LIST), *args]
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        codespell(*args)
    problems = []
    for line in output.getvalue().splitlines():
        found = CODESPELL_LINE.match(line)
        if not found:
            if line.strip():
                problems.append(Diagnostic(WORD_LIST, 1, f"codespell: {line.strip()}"))
            continue
        name = Path(found.group("file")).resolve().relative_to(root).as_posix()
        fixes = " or ".join(
            f"'{fix.strip()}'" for fix in found.group("fix").split("|")[0].split(",")
        )
        reason = (
            f" ({found.group('fix').split('|')[1].strip()})" if "|" in found.group("fix") else ""
        )
        problems.append(
            Diagnostic(
                name,
                int(found.group("line")),
                f"'{found.group('word')}' is misspelt: write "
                f"{fixes}{reason}; if the word is right, add it in lower case to {WORD_LIST}",
            )
        )
    return problems


def check_house_spellings(root: Path, pages: Iterable[Path]) -> list[Diagnostic]:
    """Each use of a form the site does not write, with the form it does."""
    problems: list[Diagnostic] = []
    for path in pages:
        name = path.resolve().relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            problems.extend(
                Diagnostic(
                    name,
                    number,
                    f"'{match.group()}' is not the site's spelling: write "
                    f"'{house}{match.group('rest')}' (one spelling per word across the pages)",
                    column=match.start() + 1,
                )
                for pattern, house in _HOUSE
                for match in pattern.finditer(line)
            )
    return problems
