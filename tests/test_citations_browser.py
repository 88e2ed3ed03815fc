"""Citations in a real browser: the reference shows on hover and on keyboard focus (Tab), in
both colour schemes and from file://, and clicking a citation jumps to its References entry."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PAGE = "index.html"  # the Home page cites (checked by tests/test_site_build.py)


def first_citation(page):
    link = page.locator("a.citation__link").first
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    return link, tip


def test_hover_shows_the_full_reference(page, page_log, site_url) -> None:
    page.goto(f"{site_url}/{PAGE}")
    link, tip = first_citation(page)
    assert tip.get_attribute("role") == "tooltip"
    assert tip.is_hidden()
    link.hover()
    tip.wait_for(state="visible")
    anchor = link.get_attribute("href")
    entry_text = page.locator(anchor).inner_text()
    title = tip.locator(".citation-ref__title").inner_text()
    assert title and title in entry_text
    box, viewport = tip.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    assert page_log.console_errors == [] and page_log.page_errors == [] and page_log.foreign_requests == []


def test_keyboard_focus_shows_the_reference(page, site_url) -> None:
    page.goto(f"{site_url}/{PAGE}")
    link, tip = first_citation(page)
    target = link.get_attribute("aria-describedby")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-describedby')") == target:
            break
    else:
        pytest.fail("Tab never reached the first citation")
    tip.wait_for(state="visible")
    page.keyboard.press("Tab")
    tip.wait_for(state="hidden")


def test_click_jumps_to_the_entry(page, site_url) -> None:
    page.goto(f"{site_url}/{PAGE}")
    link, _tip = first_citation(page)
    anchor = link.get_attribute("href")
    # The hash the click sets (Material's navigation.tracking may replace it with the
    # section's heading as soon as the page has scrolled, which is not a hashchange).
    page.evaluate("window.__hashes = []; addEventListener('hashchange', () => __hashes.push(location.hash))")
    link.click()
    page.wait_for_function("window.__hashes.length > 0")
    assert page.evaluate("window.__hashes[0]") == anchor
    entry = page.locator(anchor)
    assert entry.is_visible()
    box = entry.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_tooltip_is_readable_in_both_colour_schemes(page, site_url, scheme: str) -> None:
    page.goto(f"{site_url}/{PAGE}")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    link, tip = first_citation(page)
    link.hover()
    tip.wait_for(state="visible")
    colours = tip.evaluate("e => { const s = getComputedStyle(e); return [s.color, s.backgroundColor]; }")
    assert colours[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert colours[0] != colours[1]


def test_works_from_file_urls(page, page_log, site_dir: Path) -> None:
    page.goto((site_dir / PAGE).as_uri())
    link, tip = first_citation(page)
    link.hover()
    tip.wait_for(state="visible")
    assert page_log.foreign_requests == []


def test_tooltips_stay_on_screen_on_a_phone(page, site_url) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site_url}/{PAGE}")
    links = page.locator("a.citation__link")
    assert links.count() > 0
    for index in range(min(links.count(), 8)):
        link = links.nth(index)
        link.scroll_into_view_if_needed()
        link.hover()
        tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
        tip.wait_for(state="visible")
        box = tip.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 360, (index, box)


def test_no_second_tooltip_from_material(page, site_url) -> None:
    """Material's content.tooltips feature turns `title` attributes into its own tooltips."""
    page.goto(f"{site_url}/{PAGE}")
    link, tip = first_citation(page)
    link.hover()
    tip.wait_for(state="visible")
    page.wait_for_timeout(300)
    assert link.get_attribute("title") is None
    visible = page.evaluate(
        "() => [...document.querySelectorAll('.md-tooltip, .md-tooltip2')]"
        ".filter(e => getComputedStyle(e).opacity !== '0' && e.getBoundingClientRect().width > 0).length")
    assert visible == 0


def test_the_pointer_can_move_onto_the_tooltip(page, site_url) -> None:
    """WCAG 1.4.13: content shown on hover stays while the pointer moves over it."""
    page.goto(f"{site_url}/{PAGE}")
    link, tip = first_citation(page)
    link.hover()
    tip.wait_for(state="visible")
    link_box, tip_box = link.bounding_box(), tip.bounding_box()
    x = link_box["x"] + link_box["width"] / 2
    for y in range(int(link_box["y"] + link_box["height"] / 2), int(tip_box["y"] + tip_box["height"] / 2), 3):
        page.mouse.move(x, y)
    assert tip.is_visible()


def test_escape_dismisses_the_tooltip_until_focus_returns(page, site_url) -> None:
    page.goto(f"{site_url}/{PAGE}")
    link, tip = first_citation(page)
    link.focus()
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('citation__link')")
    page.keyboard.press("Shift+Tab")  # focus leaves, then comes back
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == \
        link.get_attribute("aria-describedby")
    tip.wait_for(state="visible")
