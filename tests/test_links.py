"""Broken links are reported with file, line, column and a likely fix (scripts/links.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from links import check_anchors, check_targets, find_links, reference_link_problems
from test_citations_build import PAGES, make_site

SITE_FILES = {"index.md", "goodhart.md", "rlhf.md", "demos/boat-race.md", "assets/figures/a.svg"}


def links_of(markdown: str, page: str = "rlhf.md", offset: int = 0):
    return list(find_links(markdown, page, f"docs/{page}", offset))


def test_relative_links_and_images_are_found_with_line_and_column():
    md = '# T\n\nSee [Goodhart](goodhart.md#the-law) and\n![a figure](assets/figures/a.svg "t").\n'
    found = links_of(md)
    assert [(link.line, link.column, link.path, link.anchor) for link in found] == [
        (3, 5, "goodhart.md", "the-law"),
        (4, 1, "assets/figures/a.svg", ""),
    ]


def test_paths_resolve_against_the_page_and_front_matter_shifts_lines():
    (link,) = links_of("[back](../index.md)", page="demos/boat-race.md", offset=3)
    assert (link.path, link.line, link.source) == ("index.md", 4, "docs/demos/boat-race.md")


def test_code_urls_and_absolute_paths_are_not_checked():
    md = (
        "`[x](nowhere.md)` and ``[y](gone.md)``\n\n```\n[z](missing.md)\n```\n\n"
        "    [indented](code.md)\n\n[web](https://example.org/a.md) [mail](mailto:a@b.org) [abs](/x.md)\n"
    )
    assert links_of(md) == []


def test_a_missing_target_names_file_line_column_and_the_closest_file():
    (problem,) = check_targets(links_of("Text\n\nA [link](goodheart.md) here."), SITE_FILES)
    assert str(problem) == (
        "docs/rlhf.md:3:3: link target 'goodheart.md' is not a page or file of "
        "the site (did you mean 'goodhart.md'?)"
    )


def test_suggestions_are_relative_to_the_page():
    (problem,) = check_targets(
        links_of("[x](../goodhart.mdd)", page="demos/boat-race.md"), SITE_FILES
    )
    assert problem.message.endswith("(did you mean '../goodhart.md'?)")


def test_nothing_close_means_no_suggestion():
    (problem,) = check_targets(links_of("[x](zzzzzz.md)"), SITE_FILES)
    assert "did you mean" not in problem.message


def test_anchors_are_checked_on_their_page():
    found = links_of("[a](goodhart.md#the-lw) [b](#why) [c](#how) [d](unrendered.md#x)")
    problems = check_anchors(found, {"goodhart.md": {"the-law"}, "rlhf.md": {"why"}})
    assert [str(p) for p in problems] == [
        "docs/rlhf.md:1:1: 'goodhart.md' has no anchor '#the-lw' (did you mean '#the-law'?)",
        "docs/rlhf.md:1:35: this page has no anchor '#how'",
    ]


@given(st.text(alphabet=st.sampled_from("ab`[]()#.md\n !"), max_size=60))
def test_code_spans_never_yield_links(body):
    assert links_of(f"`{body.replace('`', '')}`") == []


def build_output(root: Path, strict: bool) -> str:
    """Run a real build; it must fail cleanly. Returns what it printed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    return output


@pytest.mark.parametrize("strict", [False, True])
def test_a_build_with_broken_links_fails_with_located_messages(tmp_path: Path, strict: bool):
    pages = dict(PAGES)
    pages["index.md"] = (
        "# Home\n\nRead [RLHF](rlhf.md#learning-from-feedbak) or [this](rlhff.md).\n"
    )
    root = make_site(tmp_path, pages)
    assert (
        "docs/index.md:3:47: link target 'rlhff.md' is not a page or file of the site "
        "(did you mean 'rlhf.md'?)"
    ) in build_output(root, strict)
    pages["index.md"] = "# Home\n\nRead [RLHF](rlhf.md#learning-from-feedbak).\n"
    make_site(tmp_path, pages)
    assert (
        "docs/index.md:3:6: 'rlhf.md' has no anchor '#learning-from-feedbak' "
        "(did you mean '#learning-from-feedback'?)"
    ) in build_output(root, strict)


def mkdocs_validation_block() -> str:
    """The `validation:` block of the project's mkdocs.yml, as written."""
    text = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("\nvalidation:\n") + 1
    end = text.find("\n\n", start)
    return text[start : end if end != -1 else len(text)] + "\n"


@pytest.mark.parametrize(
    ("page", "pages", "message"),
    [
        # site-absolute paths are MkDocs' to judge (links.py skips them)
        (
            "index.md",
            {"index.md": "# Home\n\nRead [RLHF](/rlhf.md).\n"},
            "Doc file 'index.md' contains an absolute link '/rlhf.md'",
        ),
        # a page that is in no nav
        (
            "stray.md",
            {"stray.md": "# Stray\n"},
            'The following pages exist in the docs directory, but are not included in the "nav" configuration',
        ),
    ],
)
def test_mkdocs_own_validation_is_a_backstop_under_strict(
    tmp_path: Path, page: str, pages: dict[str, str], message: str
) -> None:
    """What the project's own check leaves alone, the validation settings of mkdocs.yml turn
    into warnings, which fail a strict build; a site without such problems builds (the real
    site's strict build is tests/test_site_build.py)."""
    root = make_site(tmp_path, {**PAGES, **pages})
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + mkdocs_validation_block(), encoding="utf-8"
    )
    assert message in build_output(root, strict=True)
    (root / "docs" / page).unlink()
    make_site(tmp_path, PAGES)
    config.write_text(
        config.read_text(encoding="utf-8") + mkdocs_validation_block(), encoding="utf-8"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    clean = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_the_link_check_and_the_glossary_do_not_import_the_citation_engine() -> None:
    """They share only scripts/source_text.py (located problems, positions, code spans)."""
    script = (
        "import sys, links, glossary\n"
        "print(sorted(m for m in sys.modules if m == 'citations' or m.startswith('citations.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parent.parent / "scripts",
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "[]\n"


# --- reference-style links, and the page checks read_page runs in the build ---------------------


def test_an_undefined_reference_link_is_located_with_its_fix():
    from test_glossary import site_html

    page = (
        "# Interpretability\n\nAs [the RLHF chapter][rlhf-chap] shows, and\n![the figure][fig-1]"
        " too.\n\n[fig-l]: assets/figures/a.svg\n"
    )
    assert "[the RLHF chapter][rlhf-chap]" in site_html(page)  # shown as typed
    assert [str(p) for p in reference_link_problems(page, "docs/interpretability.md", 2)] == [
        "docs/interpretability.md:5:4: no link definition '[rlhf-chap]' on this page, so "
        "'[the RLHF chapter][rlhf-chap]' shows as typed; add a line '[rlhf-chap]: page.md' "
        "(its target) or write '[the RLHF chapter](page.md)'",
        "docs/interpretability.md:6:1: no link definition '[fig-1]' on this page, so "
        "'![the figure][fig-1]' shows as typed; add a line '[fig-1]: page.md' (its target) or "
        "write '![the figure](page.md)' (did you mean '[fig-l]'?)",
    ]
    (collapsed,) = reference_link_problems("See [Goodhart's Law][] here.\n", "docs/x.md")
    assert collapsed.message.startswith("no link definition '[Goodhart's Law]' on this page")


@pytest.mark.parametrize(
    "page",
    [
        "[the RLHF chapter][rlhf-chap]\n\n[rlhf-chap]: rlhf.md\n",
        "[the RLHF chapter][RLHF-Chap]\n\n  [rlhf-chap]: rlhf.md 'Title'\n",  # ids ignore case
        "[Goodhart's Law][]\n\n[goodhart's law]: goodhart.md\n",  # a collapsed reference
        "[the RLHF\nchapter][]\n\n[the rlhf chapter]: rlhf.md\n",
        "!!! note\n\n    See [RLHF][r].\n\n    [r]: rlhf.md\n",  # defined inside a container
        "A claim[^1][^2].\n\n[^1]: One.\n[^2]: Two.\n",  # footnotes
        "Cited [@russell2019human][@bai2022constitutional] and [see @christiano2017deep][x].\n",
        "- [x][done] a task-list box\n- [ ][todo] another\n",
        "An aside [sic] [emphasis added], and a shortcut [rlhf].\n",  # not reference links
        "In code: `[text][id]`, and\n\n```text\n[text][id]\n```\n\n    [text][id]\n",
        "Escaped \\[text][id].\n",
        "*[RLHF]: Reinforcement learning from human feedback\n\nRLHF, then [RLHF][r].\n\n[r]: rlhf.md\n",
    ],
)
def test_defined_reference_links_and_other_brackets_pass(page: str):
    assert reference_link_problems(page, "docs/x.md") == []


SLIPPED_PAGES = {
    **PAGES,
    "index.md": (
        "---\ndescription: [unclosed\n---\n# Home\n\nSee [the RLHF chapter][rlhf-chap].\n\n"
        "Methods compared:\n| Method | Scale |\n|---|---|\n| RLHF | large |\n"
    ),
}


@pytest.mark.parametrize("strict", [False, True])
def test_a_build_stops_on_markdown_that_would_show_as_text(tmp_path: Path, strict: bool):
    """The same checks in a real build (on_page_markdown, through LinkChecker.read_page)."""
    output = build_output(make_site(tmp_path, SLIPPED_PAGES), strict)
    for message in [
        "docs/index.md:2: the front matter is not valid YAML: did not find expected ',' or ']'",
        "docs/index.md:6:5: no link definition '[rlhf-chap]' on this page",
        "docs/index.md:9: this table follows line 8 with no blank line between",
    ]:
        assert message in output, output
