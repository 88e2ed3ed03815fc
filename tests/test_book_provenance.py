"""The colophon's provenance (book_pdf/provenance.py): what About's "Who makes it" says and where
its "Report an error" section sends a reader, read from a built About page."""

from __future__ import annotations

from pathlib import Path

import pytest

from book_pdf.problems import Problem
from book_pdf.provenance import Provenance, read_provenance

ABOUT = """<!doctype html><html><body><article>
<h1>About this guide</h1>
<h2 id="report-an-error-or-ask-a-question">Report an error or ask a question</h2>
<p>Open an issue on the guide's <a href="#local">notes</a> or its
<a href="https://example.org/tracker/issues">issue tracker</a>.</p>
<h2 id="who-makes-it">Who makes it</h2>
<p>The guide is signed by its   contributors.
It does not yet name them.</p>
<div class="admonition note"><p>To be completed by the maintainers.</p></div>
<p>Funding: <em>none yet</em>.</p>
<h2 id="later">Later</h2>
<p>Not part of it.</p>
</article></body></html>"""


def _site(tmp_path: Path, about: str | None) -> Path:
    if about is not None:
        (tmp_path / "about.html").write_text(about, encoding="utf-8")
    return tmp_path


def test_reads_the_paragraphs_and_the_first_web_address(tmp_path):
    problems: list[Problem] = []
    provenance = read_provenance(_site(tmp_path, ABOUT), problems)
    assert problems == []
    assert provenance.who == (
        "The guide is signed by its contributors. It does not yet name them.",
        "Funding: none yet.",
    ), "paragraphs only, whitespace folded; the maintainers' note box and the next section left out"
    assert provenance.report_url == "https://example.org/tracker/issues", "not the page's own #link"


def test_a_site_without_an_about_page_has_none(tmp_path):
    problems: list[Problem] = []
    assert read_provenance(_site(tmp_path, None), problems) == Provenance()
    assert problems == []


@pytest.mark.parametrize(
    ("heading_id", "name"),
    [("who-makes-it", "Who makes it"), ("report-an-error-or-ask-a-question", "Report an error")],
)
def test_a_lost_section_is_a_problem_that_names_the_heading(tmp_path, heading_id, name):
    problems: list[Problem] = []
    about = ABOUT.replace(f'id="{heading_id}"', 'id="renamed"')
    read_provenance(_site(tmp_path, about), problems)
    assert len(problems) == 1, problems
    message = str(problems[0])
    assert message.startswith("docs/about.md: "), message
    assert f'"{name}"' in message and f'"{heading_id}"' in message, message
