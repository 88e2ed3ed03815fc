"""scripts/snippet_includes.py: an include (`--8<-- "page.md:section"`) whose page or section
is missing is a located problem with its fix, before pymdownx.snippets stops with a traceback."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from snippet_includes import include_problems

MARKED = """# A chapter

<!-- --8<-- [start:minute] -->
!!! abstract "In one minute"

    Text.

<!-- --8<-- [end:minute] -->
"""


def docs(tmp_path: Path, text: str = MARKED) -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "a.md").write_text(text, encoding="utf-8")
    return tmp_path / "docs"


def test_a_marked_section_and_a_whole_page_are_fine(tmp_path: Path) -> None:
    body = 'Intro.\n\n--8<-- "a.md:minute"\n\n--8<-- "a.md"\n'
    assert include_problems(body, "docs/o.md", docs(tmp_path)) == []


def test_a_missing_page_and_an_unmarked_section_are_named_with_their_line_and_fix(
    tmp_path: Path,
) -> None:
    body = 'Intro.\n\n--8<-- "b.md:minute"\n\n--8<-- "a.md:takeaways"\n'
    problems = [str(p) for p in include_problems(body, "docs/o.md", docs(tmp_path), 4)]
    assert problems == [
        "docs/o.md:7: the included page 'b.md' is not in docs/; write its path from there, as links do",
        "docs/o.md:9: section 'takeaways' is not marked in docs/a.md (no [start:takeaways] and no "
        "[end:takeaways]); put <!-- --8<-- [start:takeaways] --> on a line before it and "
        "<!-- --8<-- [end:takeaways] --> on a line after it, in a.md",
    ]


def test_a_section_marked_at_one_end_only_names_the_missing_end(tmp_path: Path) -> None:
    folder = docs(tmp_path, MARKED.replace("<!-- --8<-- [end:minute] -->\n", ""))
    (problem,) = include_problems('--8<-- "a.md:minute"\n', "docs/o.md", folder)
    assert "(no [end:minute])" in problem.message


@given(st.from_regex(r"[a-z][-_0-9a-z]{0,12}", fullmatch=True), st.booleans())
def test_a_section_is_found_exactly_when_both_its_marks_are_there(name: str, marked: bool) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        text = (
            f"<!-- --8<-- [start:{name}] -->\nx\n<!-- --8<-- [end:{name}] -->\n"
            if marked
            else "x\n"
        )
        found = include_problems(f'--8<-- "a.md:{name}"\n', "docs/o.md", docs(Path(folder), text))
        assert (found == []) == marked


def test_make_check_and_the_build_report_it_without_a_traceback(tmp_path: Path) -> None:
    """On a copy of the real project, a renamed marker in a chapter the overview includes."""
    from test_check import copy_project, run_check, run_python

    root = copy_project(tmp_path)
    chapter = root / "docs" / "research.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("[start:minute]", "[start:minutes]"),
        encoding="utf-8",
    )
    result = run_check(root)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "section 'minute' is not marked in docs/research.md (no [start:minute])" in result.stdout
    build = run_python(
        ["-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")], root
    )
    output = build.stdout + build.stderr
    assert build.returncode != 0 and "Traceback" not in output, output[-2000:]
    assert "docs/overview.md:" in output and "section 'minute' is not marked" in output
