"""An "On this page" list under a chapter's one-minute summary, for screens without the contents
sidebar.

Below 960 px Material hides the sidebar that lists a page's sections; the list is still there, two
taps deep in the navigation drawer, and nothing on the page says so. A reader review found phone
readers scrolling blind through chapters twenty screens long to get back to a section or to the
takeaways. So a chapter with at least `MIN_SECTIONS` sections gets a folded list of them
(`<details class="page-contents web-only">`) right after its "In one minute" box: the page's
own table of contents (MkDocs' `page.toc`, "Key takeaways" included once summary_boxes.py has
added it), as links. CSS hides it from 960 px up, where the sidebar shows the same list, and in
print; the book leaves out everything `web-only`. It is added after the search index is made
(on_post_page), so search does not index the section titles twice, and after the page's
description and reading time are taken.
"""

from __future__ import annotations

import html

from mkdocs.structure.toc import AnchorLink, TableOfContents

MIN_SECTIONS = 4  # a short page needs no list: its sections fit in a few screens
SUMMARY_END = '<div class="admonition abstract">'
TITLE = "On this page"


def _sections(toc: TableOfContents) -> list[AnchorLink]:
    """The page's top-level sections (the children of its title, or the list itself)."""
    items = list(toc)
    return list(items[0].children) if len(items) == 1 else items


def contents_list(toc: TableOfContents) -> str:
    """The folded list of a page's sections, or "" for a page with too few to need one."""
    sections = _sections(toc)
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
    has no such summary or too few sections)."""
    start = output.find(SUMMARY_END)
    if start < 0 or output.count(SUMMARY_END) > 1:  # none, or several (the ten-minute overview)
        return output
    listing = contents_list(toc)
    if not listing:
        return output
    end = _closing_div(output, start)
    return output[:end] + "\n" + listing + output[end:]


def _closing_div(output: str, start: int) -> int:
    """The index just past the `</div>` that closes the `<div` at `start`."""
    depth, i = 0, start
    while True:
        opening = output.find("<div", i)
        closing = output.find("</div>", i)
        if closing < 0:
            raise ValueError("an unclosed <div> in the page's summary box")
        if 0 <= opening < closing:
            depth += 1
            i = opening + 4
        else:
            depth -= 1
            i = closing + len("</div>")
            if depth == 0:
                return i
