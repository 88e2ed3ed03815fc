"""The "In one minute" box's fold button, written into the box at build time
(scripts/summary_boxes.py; its behaviour on a phone: test_minute_fold_browser.py)."""

from __future__ import annotations

import markdown

from summary_boxes import (
    FOLD_LABEL,
    SUMMARY_ID,
    add_summary_toggle,
    closing_div,
    summary_boxes_as_headings,
)

CHAPTER = """# A chapter

!!! abstract "In one minute"

    The short version, with <div class="inner">a nested block</div> in it.

    A second paragraph.

## First section

Text.
"""
OVERVIEW = """# All the summaries

## One

!!! abstract "In one minute"

    The first.

## Two

!!! abstract "In one minute"

    The second.
"""


def _html(source: str) -> str:
    return summary_boxes_as_headings(markdown.Markdown(extensions=["admonition"]).convert(source))


def test_the_button_is_the_last_thing_in_the_summary_box_and_names_what_it_controls() -> None:
    html = _html(CHAPTER)
    start = html.index(f'id="{SUMMARY_ID}"')
    box = html[start : closing_div(html, html.rindex("<div", 0, start))]
    assert box.count("<button") == 1 == html.count("<button")
    button = box[box.index("<button") :]
    assert 'type="button"' in button
    assert 'aria-expanded="false"' in button
    assert f'aria-controls="{SUMMARY_ID}"' in button
    assert "web-only" in button  # never in the book or a printout
    assert "data-search-exclude" in button  # nor in search results
    assert FOLD_LABEL in button
    assert button.rstrip().endswith("</button>")  # after the box's text: the box ends here
    assert "A second paragraph." in box and "First section" not in box


def test_a_page_built_twice_keeps_one_button() -> None:
    html = _html(CHAPTER)
    assert add_summary_toggle(html) == html


def test_pages_without_an_anchored_summary_get_no_button() -> None:
    assert "<button" not in _html(OVERVIEW)  # several boxes, none anchored: nothing folds
    assert "<button" not in _html("# A page\n\nText.\n")
    unclosed = f'<div class="admonition abstract" id="{SUMMARY_ID}"><p>Text</p>'
    assert add_summary_toggle(unclosed) == unclosed


def test_closing_div_skips_nested_divs() -> None:
    html = "<div a><div b></div><p>x</p></div><div c></div>"
    assert html[closing_div(html, 0) :] == "</div><div c></div>"
