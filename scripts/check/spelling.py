"""Spelling with codespell and the project's word list, in this process (the same tool and
list as tests/test_content.py), each misspelling as `file:line: ...` with its correction."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterable
from pathlib import Path

from source_text import Diagnostic

WORD_LIST = "codespell-words.txt"
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
