"""A chapter's two summary boxes, "In one minute" and "Key takeaways", as places a reader can
jump to.

Both are admonitions, whose titles are plain paragraphs: a screen reader moving by headings
skipped them, and the contents sidebar (and the phone drawer's) ended at the last section, so a
skimmer, the reader Home promises can "skim and still leave with the main ideas", had no way to
jump to the takeaways of a chapter twenty screens long. The build gives each box's title the
role of a level-2 heading (`role="heading" aria-level="2"`: the boxes sit at the chapter's top
level, right under its title or after its last section), gives the takeaways box the id
`key-takeaways`, and adds "Key takeaways" to the page's table of contents, before the
References, through MkDocs' public `AnchorLink`.
"""

from __future__ import annotations

import re

from mkdocs.structure.toc import AnchorLink, TableOfContents

TAKEAWAYS_ID = "key-takeaways"
TAKEAWAYS_TITLE = "Key takeaways"

# What Python-Markdown's admonition extension writes for `!!! kind "Title"`.
BOX_TITLE = re.compile(
    r"""(?x)
    <div\ class="admonition\ (?P<kind>[\w-]+)">\s*
    <p\ class="admonition-title">(?P<title>In\ one\ minute|Key\ takeaways)</p>
    """
)


def summary_boxes_as_headings(html: str) -> str:
    """The page with its summary boxes' titles announced as headings, and its takeaways box
    anchored if it has one (a page gathering several chapters' takeaways, like the ten-minute
    overview, gets no anchor: an id must be unique, and one entry could not name them all)."""
    one_takeaways = sum(m["title"] == TAKEAWAYS_TITLE for m in BOX_TITLE.finditer(html)) == 1

    def as_heading(match: re.Match[str]) -> str:
        anchored = one_takeaways and match["title"] == TAKEAWAYS_TITLE
        box_id = f' id="{TAKEAWAYS_ID}"' if anchored else ""
        return (
            f'<div class="admonition {match["kind"]}"{box_id}>\n'
            f'<p class="admonition-title" role="heading" aria-level="2">{match["title"]}</p>'
        )

    return BOX_TITLE.sub(as_heading, html)


def list_takeaways(toc: TableOfContents, html: str) -> None:
    """Add "Key takeaways" to the page's contents (before its References), if the page has them."""
    if f'id="{TAKEAWAYS_ID}"' not in html or not toc.items:
        return
    title = toc.items[0]  # the page's title (h1); its sections are its children
    sections = title.children if len(toc.items) == 1 else toc.items
    if any(link.id == TAKEAWAYS_ID for link in sections):
        return
    where = next((i for i, link in enumerate(sections) if link.id == "references"), len(sections))
    sections.insert(where, AnchorLink(TAKEAWAYS_TITLE, TAKEAWAYS_ID, 2))
