"""book_pdf/placement.py on small chapters laid out by WeasyPrint: a chapter's opening figure too
tall for the rest of its first page goes after the text that fills that page (splitting a list
there, never straight after a heading), and one that fits stays where the text puts it."""

from __future__ import annotations

import pytest
from weasyprint import CSS, HTML

from book_pdf import htmltree as ht
from book_pdf.htmltree import Element
from book_pdf.placement import opening_figure, place_opening_figures
from book_pdf.render import page_numbers

# A small page, 80 mm of page area: about 15 lines of 15 pt.
PAGE_CSS = """
@page { size: 100mm 100mm; margin: 10mm; }
body { margin: 0; font: 10pt/15pt sans-serif; }
h1, h2, p, ul, ol, li { margin: 0; }
h1, h2 { font-size: 10pt; break-after: avoid; }
.chapter { break-before: page; }
figure { margin: 0; break-inside: avoid; }
"""
LINE = "A line of text."


def _lay_out(part: list[Element]):
    body = "".join(ht.to_html(el) for el in part)
    return HTML(string=f"<html><body>{body}</body></html>").render(
        stylesheets=[CSS(string=PAGE_CSS)]
    )


def _chapter(figure_mm: int, intro_lines: int, after: str) -> Element:
    figure = f'<div class="demo" id="fig"><figure style="height: {figure_mm}mm"></figure></div>'
    intro = "".join(f"<p>{LINE}</p>" for _ in range(intro_lines))
    return ht.parse_fragment(
        f'<section class="chapter" id="ch"><h1>Title</h1>{intro}{figure}{after}</section>'
    )[0]


def _items(count: int, tag: str = "ul") -> str:
    return (
        f"<{tag}>" + "".join(f'<li id="item-{i}">{LINE}</li>' for i in range(count)) + f"</{tag}>"
    )


def _pages(section: Element) -> dict[str, int]:
    """Where each id'd element of the chapter starts, as laid out now."""
    return page_numbers(_lay_out([section]), 0)


def test_a_figure_that_fits_under_the_text_stays_where_it_is():
    section = _chapter(40, 3, "<h2>Next</h2>" + _items(10))
    before = ht.to_html(section)
    assert place_opening_figures([section], _lay_out) == []
    assert ht.to_html(section) == before


def test_a_figure_too_tall_for_the_first_page_goes_after_the_text_that_fills_it():
    """Six lines and a 60 mm figure do not fit in 80 mm: the list after the figure fills the first
    page instead, split where the page ends, and the figure heads the second page."""
    section = _chapter(60, 6, "<h2>Next</h2>" + _items(12))
    assert place_opening_figures([section], _lay_out) == [section]
    tags = [child.tag for child in section]
    assert tags == ["h1", *["p"] * 6, "h2", "ul", "div", "ul"], tags
    first, rest = section[8], section[10]
    assert len(first) >= 2 and len(first) + len(rest) == 12, "the list is split, not reordered"
    assert [li.get("id") for li in [*first, *rest]] == [f"item-{i}" for i in range(12)]
    pages = _pages(section)
    assert pages["fig"] == 1 and pages[first[-1].get("id", "")] == 0, pages
    assert pages[rest[0].get("id", "")] == 1, "the rest of the list follows the figure"


def test_an_ordered_list_split_by_a_figure_counts_on():
    section = _chapter(60, 6, _items(12, "ol"))
    place_opening_figures([section], _lay_out)
    first, rest = (child for child in section if child.tag == "ol")
    assert rest.get("start") == str(len(first) + 1)


def test_a_figure_never_lands_between_a_heading_and_its_text():
    """The first page ends inside the paragraph under a heading: the figure goes before that
    heading, after the last block that ends on the page, not between the heading and its text
    (the heading's own end is on the first page too, so a place after it would come later)."""
    paragraphs = "".join(f'<p id="p{i}">{LINE}</p>' for i in range(4))
    long = f'<p id="long">{" ".join([LINE] * 40)}</p>'
    section = _chapter(60, 3, f"{paragraphs}<h2 id='next'>Next</h2>{long}")
    assert place_opening_figures([section], _lay_out) == [section]
    ids = [child.get("id") for child in section]
    assert ids.index("fig") == ids.index("p3") + 1 and ids[ids.index("fig") + 1] == "next", ids
    pages = _pages(section)
    assert pages["p3"] == 0 and pages["fig"] == 1 and pages["next"] == 1, pages


def test_a_figure_stays_when_only_a_heading_would_follow_it_on_the_page():
    """Only a heading fits under the text (it keeps its paragraph: break-after: avoid), so there
    is nowhere on the first page to put the figure after, and it stays where it is."""
    section = _chapter(60, 13, f"<h2>Next</h2><p>{LINE} {LINE} {LINE}</p>" + _items(4))
    before = ht.to_html(section)
    assert place_opening_figures([section], _lay_out) == []
    assert ht.to_html(section) == before


@pytest.mark.parametrize(
    ("markup", "found"),
    [
        ("<h1>T</h1><p>x</p><div id='f'><figure></figure></div><h2>S</h2>", "f"),
        ("<h1>T</h1><figure id='f'></figure>", "f"),
        ("<h1>T</h1><p>x</p><h2>S</h2><figure id='f'></figure>", None),
    ],
)
def test_an_opening_figure_is_one_before_the_first_section(markup, found):
    section = ht.parse_fragment(f"<section>{markup}</section>")[0]
    block = opening_figure(section)
    assert (block.get("id") if block is not None else None) == found
