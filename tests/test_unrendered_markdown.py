"""Markdown that an HTML element leaves unrendered is a located error (scripts/unrendered_markdown.py),
in the build and in `make check`: a caption once showed readers `[below](#when-...)` and
`*mesa-optimizer*` as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from test_check import copy_project, run_check, run_python
from unrendered_markdown import unrendered_markdown, unrendered_markdown_problems


@pytest.mark.parametrize(
    ("html", "found"),
    [
        (
            "<figure><img alt='x'><figcaption>Gap 3 (a *mesa-optimizer*, "
            "[below](#when-the-model)).</figcaption></figure>",
            ["*mesa-optimizer*", "[below](#when-the-model)"],
        ),
        (
            "<p>See **this** and [the RLHF chapter](rlhf.md#ppo).</p>",
            ["**this**", "[the RLHF chapter](rlhf.md#ppo)"],
        ),
        ("<p>[a source](https://example.org/paper)</p>", ["[a source](https://example.org/paper)"]),
        # rendered, in code, or not Markdown at all
        ('<p>a <em>mesa-optimizer</em>, <a href="#x">below</a></p>', []),
        ("<p><code>*args</code> and <code>[x](#y)</code></p><pre>**kw** [a](#b)</pre>", []),
        ("<p>5 * 3 * 2 = 30, a*b*c, and an escaped \\*star\\*.</p>", []),
        ("<p>The [1] footnote (see above) and [brackets] alone.</p>", []),
        ('<p><img alt="a *starred* alt" title="[t](#u)"></p>', []),  # attributes are not text
    ],
)
def test_markdown_left_as_text_is_found_and_nothing_else(html: str, found: list[str]) -> None:
    assert unrendered_markdown(html) == found


def test_each_piece_is_located_where_the_source_writes_it() -> None:
    source = (
        '---\ndescription: x\n---\n# Title\n\n<figure markdown="span">\n'
        "  <figcaption>Gap 3 (a *mesa-optimizer*, [below](#when)).</figcaption>\n</figure>\n"
    )
    html = "<figure><figcaption>Gap 3 (a *mesa-optimizer*, [below](#when)).</figcaption></figure>"
    problems = [str(p) for p in unrendered_markdown_problems(html, source, "docs/page.md")]
    assert problems == [
        "docs/page.md:7:24: Markdown inside this HTML element is not rendered, so readers see it as "
        'written; write it as HTML (<a href="#target">text</a>, <em>word</em>), or give the '
        "element a `markdown` attribute: '*mesa-optimizer*'",
        "docs/page.md:7:42: Markdown inside this HTML element is not rendered, so readers see it as "
        'written; write it as HTML (<a href="#target">text</a>, <em>word</em>), or give the '
        "element a `markdown` attribute: '[below](#when)'",
    ]
    # made by the page some other way (an include, a hook): named at the top, still reported
    assert [p.line for p in unrendered_markdown_problems(html, "# Title\n", "docs/page.md")] == [
        1,
        1,
    ]


PLAIN = st.text(alphabet=st.characters(blacklist_characters="*[]<>&", codec="utf-8"), max_size=200)


@given(PLAIN)
def test_text_without_markdown_marks_is_never_reported(text: str) -> None:
    assert unrendered_markdown(f"<p>{text}</p>") == []


@given(st.text(max_size=200))
def test_nothing_in_code_is_ever_reported(text: str) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert unrendered_markdown(f"<pre><code>{escaped}</code></pre>") == []


def test_the_real_site_shows_no_markdown_as_text(site_dir: Path) -> None:
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if '<article class="md-content__inner' in text:
            article = text.split('<article class="md-content__inner', 1)[1].split("</article>")[0]
            assert unrendered_markdown(article) == [], page.relative_to(site_dir)


def _planted(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "goodhart.md"
    text = page.read_text(encoding="utf-8")
    marker = "</figcaption>"
    assert marker in text
    page.write_text(text.replace(marker, " See [RLHF](rlhf.md).</figcaption>", 1), encoding="utf-8")
    return project


def test_make_check_names_the_line_and_the_fix(tmp_path: Path) -> None:
    project = _planted(tmp_path)
    line = next(
        n
        for n, text in enumerate(
            (project / "docs" / "goodhart.md").read_text(encoding="utf-8").splitlines(), 1
        )
        if "See [RLHF](rlhf.md).</figcaption>" in text
    )
    result = run_check(project)
    assert result.returncode != 0
    assert f"docs/goodhart.md:{line}:" in result.stdout, result.stdout
    assert "is not rendered" in result.stdout and "'[RLHF](rlhf.md)'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_build_stops_with_the_same_message(tmp_path: Path) -> None:
    project = _planted(tmp_path)
    result = run_python(
        ["-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")], project
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/goodhart.md:" in output and "'[RLHF](rlhf.md)'" in output, output
    assert "Traceback" not in output
