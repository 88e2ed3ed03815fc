"""Run every check on a project folder and report: all problems together, in file order."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from source_text import Diagnostic

from .bib_lint import lint_bibliography
from .markdown_lint import lint_markdown
from .project import load_project
from .site_checks import check_site
from .spelling import check_house_spellings, check_spelling

PROSE_FILES = ("README.md", "CONTRIBUTING.md")  # spell-checked besides the pages


GROUPS = ("markdown", "spelling", "site")  # `--only` one of them (pre-commit runs them apart)


def run_checks(root: Path, only: str | None = None) -> list[Diagnostic]:
    root = root.resolve()
    pages = sorted((root / "docs").rglob("*.md"))
    problems: list[Diagnostic] = []
    if only in (None, "markdown"):
        problems.extend(lint_markdown(root, pages))
    if only in (None, "spelling"):
        problems.extend(
            check_spelling(
                root, [*pages, *(root / name for name in PROSE_FILES if (root / name).is_file())]
            )
        )
        problems.extend(check_house_spellings(root, pages))
    if only not in (None, "site"):
        return sorted(problems, key=_order)
    project, unreadable = load_project(root)
    problems.extend(unreadable)
    if project is not None:
        found = check_site(project)
        problems.extend(found.problems)
        if found.bibliography is not None and found.policy is not None:
            problems.extend(
                lint_bibliography(
                    found.bibliography,
                    found.cited,
                    found.policy,
                    project.config.config_file_path or "mkdocs.yml",
                )
            )
    return sorted(set(problems), key=_order)


def _order(problem: Diagnostic) -> tuple[str, int, int, str]:
    return problem.file, problem.line, problem.column or 0, problem.message


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the project folder (default: here)"
    )
    parser.add_argument(
        "--only",
        choices=GROUPS,
        help="run one group of checks: markdown, spelling, or site "
        "(citations, references.bib, links and anchors, glossary)",
    )
    args = parser.parse_args(argv)
    problems = run_checks(args.root, args.only)
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"make check: {len(problems)} problem{'s' if len(problems) != 1 else ''}",
            file=sys.stderr,
        )
        return 1
    print("make check: no problems", file=sys.stderr)
    return 0
