"""A chapter's two summary boxes, "In one minute" and "Key takeaways", as places a reader can
jump to.

Both are admonitions, whose titles are plain paragraphs: a screen reader moving by headings
skipped them, and the contents sidebar (and the phone drawer's) ended at the last section, so a
skimmer, the reader Home promises can "skim and still leave with the main ideas", had no way to
jump to the takeaways of a chapter twenty screens long. The build gives each box's title the
role of a level-2 heading (`role="heading" aria-level="2"`: the boxes sit at the chapter's top
level, right under its title or after its last section), gives each box an id (`in-one-minute`,
`key-takeaways`) where the page has one of it, and adds "Key takeaways" to the page's table of
contents, before the References, through MkDocs' public `AnchorLink`. The summary's id is where
page_contents.py puts a phone's "On this page" list.
"""

from __future__ import annotations

import re

from mkdocs.structure.toc import AnchorLink, TableOfContents

SUMMARY_ID = "in-one-minute"
TAKEAWAYS_ID = "key-takeaways"
TAKEAWAYS_TITLE = "Key takeaways"
BOX_IDS = {"In one minute": SUMMARY_ID, TAKEAWAYS_TITLE: TAKEAWAYS_ID}

# What Python-Markdown's admonition extension writes for `!!! kind "Title"`.
BOX_TITLE = re.compile(
    r"""(?x)
    <div\ class="admonition\ (?P<kind>[\w-]+)">\s*
    <p\ class="admonition-title">(?P<title>In\ one\ minute|Key\ takeaways)</p>
    """
)


def summary_boxes_as_headings(html: str) -> str:
    """The page with its summary boxes' titles announced as headings, and each box anchored if
    the page has only one of it (a page gathering several chapters' boxes, like the ten-minute
    overview, gets no anchor: an id must be unique, and one entry could not name them all)."""
    titles = [m["title"] for m in BOX_TITLE.finditer(html)]

    def as_heading(match: re.Match[str]) -> str:
        anchored = titles.count(match["title"]) == 1
        box_id = f' id="{BOX_IDS[match["title"]]}"' if anchored else ""
        return (
            f'<div class="admonition {match["kind"]}"{box_id}>\n'
            f'<p class="admonition-title" role="heading" aria-level="2">{match["title"]}</p>'
        )

    return BOX_TITLE.sub(as_heading, html)


def top_sections(toc: TableOfContents) -> list[AnchorLink]:
    """A page's top-level sections, as the list its contents are drawn from: the children of its
    title (h1), or the contents themselves on a page without one title."""
    return toc.items[0].children if len(toc.items) == 1 else toc.items


def list_takeaways(toc: TableOfContents, html: str) -> None:
    """Add "Key takeaways" to the page's contents (before its References), if the page has them."""
    if f'id="{TAKEAWAYS_ID}"' not in html or not toc.items:
        return
    sections = top_sections(toc)
    if any(link.id == TAKEAWAYS_ID for link in sections):
        return
    where = next((i for i, link in enumerate(sections) if link.id == "references"), len(sections))
    sections.insert(where, AnchorLink(TAKEAWAYS_TITLE, TAKEAWAYS_ID, 2))
