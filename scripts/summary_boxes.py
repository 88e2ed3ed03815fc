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

On a phone the summary filled a chapter's whole first screen, so its opening story started below
it. The anchored summary gets a button, "Read the one-minute summary", at its end: on narrow
screens with scripting (extra.css, from the first paint) the box shows its title and first two
lines with a fade, and the button (minute-fold.js: a class and `aria-expanded`) opens it in place;
minute-fold.js also makes the title the disclosure a screen reader and the keyboard meet, and
hides this button from them.
Elsewhere (desktop, print, no JavaScript) the button is hidden and the box whole; the book drops
it (`web-only`, and book_pdf leaves out every <button>). The overview's boxes have no id, so they
get no button and never fold.
"""

from __future__ import annotations

import re

from mkdocs.structure.toc import AnchorLink, TableOfContents

SUMMARY_ID = "in-one-minute"
TAKEAWAYS_ID = "key-takeaways"
TAKEAWAYS_TITLE = "Key takeaways"
FOLD_LABEL = "Read the one-minute summary"
UNFOLDED_LABEL = "Show less"
SUMMARY_TOGGLE = (
    '<button type="button" class="ae-minute__toggle web-only" data-search-exclude'
    f' aria-expanded="false" aria-controls="{SUMMARY_ID}">'
    f'<span class="ae-minute__more">{FOLD_LABEL}</span>'
    f'<span class="ae-minute__less">{UNFOLDED_LABEL}</span></button>\n'
)
DIV_TAG = re.compile(r"<(/?)div\b")
SUMMARY_BOX = re.compile(rf'<div class="admonition [\w-]+" id="{SUMMARY_ID}">')
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

    return add_summary_toggle(BOX_TITLE.sub(as_heading, html))


def closing_div(html: str, start: int) -> int:
    """Where the </div> closing the <div> that opens at `start` begins (-1 if it is not closed)."""
    depth = 0
    for tag in DIV_TAG.finditer(html, start):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.start()
    return -1


def add_summary_toggle(html: str) -> str:
    """The page with a fold button as the last thing in its anchored "In one minute" box (once:
    a page built twice keeps one); a page without that box is returned as it was."""
    box = SUMMARY_BOX.search(html)
    if box is None:
        return html
    end = closing_div(html, box.start())
    if end < 0 or "ae-minute__toggle" in html[box.start() : end]:
        return html
    return html[:end] + SUMMARY_TOGGLE + html[end:]


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
