"""An "On this page" list under a chapter's one-minute summary, for screens without the contents
sidebar.

Below 960 px Material hides the sidebar that lists a page's sections; the list is still there, two
taps deep in the navigation drawer, and nothing on the page says so. A reader review found phone
readers scrolling blind through chapters twenty screens long to get back to a section or to the
takeaways. So a chapter with at least `MIN_SECTIONS` sections gets a folded list of them
(`<details class="page-contents web-only">`) right after its "In one minute" box: the page's
own table of contents (MkDocs' `page.toc`, "Key takeaways" included once summary_boxes.py has
added it), as links, after the box summary_boxes.py anchors as the page's one summary. CSS hides it from 960 px up, where the sidebar shows the same list, and in
print; the book leaves out everything `web-only`. It is added after the search index is made
(on_post_page), so search does not index the section titles twice, and after the page's
description and reading time are taken.
"""

from __future__ import annotations

import html

from mkdocs.structure.toc import TableOfContents

from summary_boxes import SUMMARY_ID, closing_div, top_sections

MIN_SECTIONS = 4  # a short page needs no list: its sections fit in a few screens
TITLE = "On this page"


def contents_list(toc: TableOfContents) -> str:
    """The folded list of a page's sections, or "" for a page with too few to need one."""
    sections = top_sections(toc) if toc.items else []
    if len(sections) < MIN_SECTIONS:
        return ""
    # A title is the heading's text as Python-Markdown's toc gives it: already escaped HTML.
    links = "".join(
        f'<li><a href="#{html.escape(link.id)}">{link.title}</a></li>' for link in sections
    )
    return (
        f'<details class="page-contents web-only"><summary>{TITLE}</summary>'
        f'<ol class="page-contents__list">{links}</ol></details>'
    )


def add_contents_list(output: str, toc: TableOfContents) -> str:
    """The page with its list of sections right after its one-minute summary (unchanged if it
    has no summary of its own, or too few sections)."""
    anchor = output.find(f' id="{SUMMARY_ID}"')
    if anchor < 0:
        return output
    start = output.rfind("<div", 0, anchor)
    listing = contents_list(toc)
    if not listing:
        return output
    end = _closing_div(output, start)
    return output[:end] + "\n" + listing + output[end:]


def _closing_div(output: str, start: int) -> int:
    """The index just past the `</div>` that closes the `<div` at `start`."""
    closing = closing_div(output, start)
    if closing < 0:
        raise ValueError("an unclosed <div> in the page's summary box")
    return closing + len("</div>")
