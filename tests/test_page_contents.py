"""The "On this page" fold under a chapter's one-minute summary (scripts/page_contents.py)."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.structure.toc import TableOfContents, get_toc

from page_contents import MIN_SECTIONS, add_contents_list, contents_list
from summary_boxes import summary_boxes_as_headings


def _page(sections: int, summary: bool = True) -> tuple[str, TableOfContents]:
    source = "# Chapter\n\n"
    if summary:
        source += '!!! abstract "In one minute"\n\n    Short. <div>nested</div>\n\n'
    source += "".join(f"## Section {n} & more\n\nText {n}.\n\n" for n in range(1, sections + 1))
    md = markdown.Markdown(extensions=["admonition", "toc", "md_in_html"])
    html = summary_boxes_as_headings(md.convert(source))  # as the hook does, before this
    return html, get_toc(getattr(md, "toc_tokens", []))


def test_a_chapter_gets_its_sections_folded_right_after_its_summary() -> None:
    html, toc = _page(MIN_SECTIONS)
    out = add_contents_list(html, toc)
    summary_end = out.index("Short.")
    listing = out.index('<details class="page-contents web-only">')
    first_section = out.index('<h2 id="section-1-more">')
    assert summary_end < listing < first_section
    assert out.count("<li>") == MIN_SECTIONS
    assert '<li><a href="#section-1-more">Section 1 &amp; more</a></li>' in out  # escaped once
    assert "<summary>On this page</summary>" in out


@pytest.mark.parametrize("sections", [0, 1, MIN_SECTIONS - 1])
def test_a_short_page_needs_no_list(sections: int) -> None:
    html, toc = _page(sections)
    assert contents_list(toc) == ""
    assert add_contents_list(html, toc) == html


def test_a_page_without_a_summary_or_with_several_is_left_alone() -> None:
    html, toc = _page(MIN_SECTIONS + 2, summary=False)
    assert add_contents_list(html, toc) == html
    html, toc = _page(MIN_SECTIONS + 2)  # the quick overview gathers several summaries:
    start = html[: html.index("<h2")].replace(' id="in-one-minute"', "")
    twice = summary_boxes_as_headings(start + start + html[html.index("<h2") :])
    assert twice.count('<div class="admonition abstract">') == 2  # neither is anchored
    assert add_contents_list(twice, toc) == twice
