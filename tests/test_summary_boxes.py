"""A chapter's summary boxes as places to jump to: their titles announced as headings, and
"Key takeaways" in the page's contents (scripts/summary_boxes.py)."""

from __future__ import annotations

import markdown
from mkdocs.structure.toc import get_toc

from summary_boxes import TAKEAWAYS_ID, list_takeaways, summary_boxes_as_headings

CHAPTER = """# A chapter

!!! abstract "In one minute"

    The short version.

## First section

Text.

!!! success "Key takeaways"

    - One.

## References

- A work.
"""


def _render(source: str):
    md = markdown.Markdown(extensions=["admonition", "toc"])
    return md.convert(source), get_toc(getattr(md, "toc_tokens", []))


def test_the_two_boxes_titles_become_level_two_headings_and_the_takeaways_an_anchor() -> None:
    html, _ = _render(CHAPTER)
    out = summary_boxes_as_headings(html)
    assert out.count('<p class="admonition-title" role="heading" aria-level="2">') == 2
    assert out.count(f'id="{TAKEAWAYS_ID}"') == 1
    assert '<div class="admonition success" id="key-takeaways">' in out
    assert '<div class="admonition abstract" id="in-one-minute">' in out


def test_the_takeaways_join_the_contents_just_before_the_references() -> None:
    html, toc = _render(CHAPTER)
    html = summary_boxes_as_headings(html)
    list_takeaways(toc, html)
    sections = [(link.title, link.id, link.level) for link in toc.items[0].children]
    assert sections == [
        ("First section", "first-section", 2),
        ("Key takeaways", "key-takeaways", 2),
        ("References", "references", 2),
    ]
    list_takeaways(toc, html)  # built twice (live preview): still one entry
    assert [link.id for link in toc.items[0].children].count("key-takeaways") == 1


def test_a_page_without_takeaways_or_with_several_gets_no_anchor_and_no_entry() -> None:
    other_box = '!!! note "Something else"\n\n    Text.\n'
    html, toc = _render("# Page\n\n## A\n\n" + other_box)
    out = summary_boxes_as_headings(html)
    assert out == html
    list_takeaways(toc, out)
    assert [link.id for link in toc.items[0].children] == ["a"]
    # a page gathering several chapters' takeaways: no duplicate id, no entry
    box = '!!! success "Key takeaways"\n\n    - One.\n\n'
    html, toc = _render("# Overview\n\n## A\n\n" + box + "## B\n\n" + box)
    out = summary_boxes_as_headings(html)
    assert 'id="key-takeaways"' not in out
    assert out.count('role="heading" aria-level="2"') == 2
    list_takeaways(toc, out)
    assert "key-takeaways" not in [link.id for link in toc.items[0].children]
