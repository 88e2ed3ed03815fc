"""Links a reader can send: a figure's address opens at the figure, below the header, and its
caption's "Figure N." is that address; on a touch screen a heading's ¶ shows (faintly) without
the tap on the heading nobody would guess."""

from __future__ import annotations

import pytest

FIGURE = "figure-disagreement-spectrum"


def _header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def test_a_figures_address_opens_at_the_figure_below_the_header(phone, site_url) -> None:
    phone.goto(f"{site_url}/disagreement.html#{FIGURE}")
    phone.wait_for_load_state("load")
    phone.wait_for_timeout(300)
    top = phone.evaluate(f"document.getElementById('{FIGURE}').getBoundingClientRect().top")
    assert _header_bottom(phone) - 1 <= top < 844 / 2, top


def test_the_captions_number_is_the_figures_address(phone, site_url) -> None:
    """Tapping "Figure 1." puts the figure's address in the address bar, to copy and send."""
    phone.goto(f"{site_url}/disagreement.html")
    link = phone.locator(f"#{FIGURE} figcaption a.figure-permalink")
    assert link.inner_text().strip() == "Figure 1."
    link.scroll_into_view_if_needed()
    link.tap()
    phone.wait_for_timeout(300)
    assert phone.evaluate("location.hash") == f"#{FIGURE}"
    top = phone.evaluate(f"document.getElementById('{FIGURE}').getBoundingClientRect().top")
    assert top >= _header_bottom(phone) - 1, top


def test_a_captions_number_reads_as_part_of_the_caption(page, site_url) -> None:
    """Drawn in the caption's own colour with a dotted underline, as a citation is, not as a
    link to another page; the link colour on hover."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/disagreement.html")
    style = page.evaluate(
        """() => {
        const link = document.querySelector('figcaption a.figure-permalink');
        const caption = link.closest('figcaption');
        const s = getComputedStyle(link);
        return [s.color, getComputedStyle(caption).color, s.textDecorationStyle];
    }"""
    )
    assert style[0] == style[1] and style[2] == "dotted", style


@pytest.mark.parametrize(("touch", "shown"), [(True, 0.5), (False, 0.0)])
def test_a_headings_permalink_shows_faintly_on_a_touch_screen(
    browser, site_url, touch: bool, shown: float
) -> None:
    """Material shows the ¶ on hover, which a finger never does: on a touch screen
    (`hover: none`) it shows at half strength; a mouse still brings it up on hover."""
    size = {"width": 390, "height": 844} if touch else {"width": 1280, "height": 800}
    context = browser.new_context(viewport=size, has_touch=touch, is_mobile=touch)
    page = context.new_page()
    page.goto(f"{site_url}/disagreement.html")
    hover_none = page.evaluate("matchMedia('(hover: none)').matches")
    opacity = page.evaluate(
        "getComputedStyle(document.querySelector('article h2 .headerlink')).opacity"
    )
    context.close()
    assert hover_none is touch
    assert float(opacity) == shown
