"""Material's "Back to top" in a real headless Chromium (extra.css, back-to-top.js): a round icon
button in the bottom-right corner, not the pill centred under the header that covered the line
a reader had scrolled up to re-read; shown only after a screen of scrolling, and never over the
end of a page (its "Next" link, References, "About this page" links and the footer's links).
Over the demos: test_boat_view_browser.py; the focus after it: test_keyboard_browser.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from test_boat_phone_browser import BACK_TO_TOP_SHOWN, reader_scrolls

pytestmark = pytest.mark.browser

SIZES = [(390, 844), (1280, 720), (1440, 900)]
IDS = [f"{w}x{h}" for w, h in SIZES]

# The lines of the article's text in the top half of the screen, under the header: one box per
# line of each text node (a Range's client rects).
TEXT_LINES = """() => {
  const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const article = document.querySelector('.md-content article');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const lines = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width >= 1 && r.height >= 1 && r.bottom > top && r.top < innerHeight / 2) {
        lines.push({ x: r.left, y: r.top, width: r.width, height: r.height,
                     text: node.textContent.trim().slice(0, 40) });
      }
    }
  }
  return lines;
}"""

# What a reader could click in the page or its footer under the button's box, while it shows.
CLICKABLE_UNDER = """() => {
  const b = document.querySelector('.md-top').getBoundingClientRect();
  const hits = [];
  const selector = 'a[href], button, summary, input, select, textarea, [role="button"], [role="link"]';
  for (const el of document.querySelectorAll(
      `.md-content :is(${selector}), .md-footer :is(${selector})`)) {
    for (const r of el.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      if (r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top) {
        hits.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`);
        break;
      }
    }
  }
  return hits;
}"""


def _overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def _open(page, site_url: str, size: tuple[int, int], path: str) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_back_to_top_is_a_corner_button_clear_of_the_text_read(
    page, page_log, site_url, size, scheme
):
    """A reader review: scrolled up a little to re-read, the reader found Material's pill over
    the very lines under the header. Now, after a scroll up three screens down the page, the
    button is a round icon in the bottom-right corner, at least 44 x 44 px, named "Back to
    top", with a focus ring, on top of what is under it, and it touches no line of the text in
    the top half of the screen; in either colour scheme."""
    page.emulate_media(color_scheme=scheme)
    _open(page, site_url, size, "goodhart.html")
    width, height = size
    page.evaluate(f"window.scrollTo(0, {3 * height})")
    reader_scrolls(page, -250)
    assert page.evaluate(BACK_TO_TOP_SHOWN), "the reader scrolled up: Back to top shows"
    button = page.get_by_role("button", name="Back to top", exact=True)
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    assert box["x"] > width / 2 and box["y"] > height / 2, f"not in the bottom-right: {box}"
    assert box["x"] + box["width"] <= width - 8 and box["y"] + box["height"] <= height - 8, box
    assert page.eval_on_selector(
        ".md-top",
        """b => { const r = b.getBoundingClientRect();
                  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                  return !!hit && b.contains(hit); }""",
    ), "the button is under something else"
    lines = page.evaluate(TEXT_LINES)
    assert len(lines) >= 3, "no text near the top of the screen to check against"
    covered = [line["text"] for line in lines if _overlaps(line, box)]
    assert not covered, f"Back to top covers text being read: {covered}"
    # Round, and drawn apart from the page: a border in both schemes.
    style = page.eval_on_selector(
        ".md-top",
        """b => { const s = getComputedStyle(b);
                  return { radius: s.borderTopLeftRadius, border: s.borderTopWidth,
                           background: s.backgroundColor }; }""",
    )
    assert style["radius"] == "50%" and style["border"] == "1px", style
    # Reached by the keyboard, it shows the site's focus ring.
    page.keyboard.press("Shift")
    button.focus()
    ring = page.eval_on_selector(
        ".md-top",
        "b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth]; }",
    )
    assert ring == ["solid", "2px"], ring
    assert page_log.page_errors == []


@pytest.mark.parametrize("size", [(390, 844), (1280, 720)], ids=["390x844", "1280x720"])
def test_back_to_top_waits_for_a_screen_of_scrolling(page, page_log, site_url, size):
    """In the page's first screen the top is a flick away: a scroll up there brings no button;
    two screens down it does."""
    _open(page, site_url, size, "rlhf.html")
    height = size[1]
    page.evaluate(f"window.scrollTo(0, {int(0.9 * height)})")
    reader_scrolls(page, -200)
    assert page.evaluate("scrollY") < height
    assert not page.evaluate(BACK_TO_TOP_SHOWN), "Back to top in the page's first screen"
    assert page.eval_on_selector(".md-top", "b => getComputedStyle(b).visibility") == "hidden"
    page.evaluate(f"window.scrollTo(0, {2 * height + 300})")
    reader_scrolls(page, -200)
    assert page.evaluate(BACK_TO_TOP_SHOWN), "two screens down, a scroll up brings it"
    assert page_log.page_errors == []


@pytest.mark.parametrize("size", [(390, 844), (1280, 720)], ids=["390x844", "1280x720"])
def test_back_to_top_covers_nothing_clickable_at_the_end_of_a_page(page, page_log, site_url, size):
    """At the end of a chapter a phone reader taps the "Next" link (right-aligned, where the
    button stands), the References fold, "Suggest a change", "Cite this page" and the footer's
    Previous and Next. From where the "Next" link comes up at the foot of the screen to the
    bottom of the page, after each scroll up by the reader, the button, if it shows, is over
    none of them (nor over any other link or control)."""
    _open(page, site_url, size, "goodhart.html")
    height = size[1]
    start = page.eval_on_selector(
        ".md-content .next-page", f"n => n.getBoundingClientRect().top + scrollY - {height}"
    )
    end = page.evaluate("document.documentElement.scrollHeight - innerHeight")
    shown_somewhere = False
    y = int(start)
    while y <= end + 150:
        page.evaluate(f"window.scrollTo(0, {y + 120})")
        reader_scrolls(page, -120)
        if page.evaluate(BACK_TO_TOP_SHOWN):
            shown_somewhere = True
            hits = page.evaluate(CLICKABLE_UNDER)
            assert not hits, f"at scrollY {page.evaluate('scrollY')}, Back to top covers {hits}"
        y += 200
    # And above the end, where nothing clickable is under it, it does show (the sweep's start
    # is the screen before the "Next" link: the check above is not vacuous there).
    page.evaluate(f"window.scrollTo(0, {int(start) - height})")
    reader_scrolls(page, -150)
    assert shown_somewhere or page.evaluate(BACK_TO_TOP_SHOWN)
    assert page_log.page_errors == []


def test_back_to_top_is_not_printed(page, site_url):
    """Material's print rule, and the site's own."""
    _open(page, site_url, (1280, 720), "goodhart.html")
    page.evaluate("window.scrollTo(0, 3000)")
    reader_scrolls(page, -200)
    page.emulate_media(media="print")
    assert page.eval_on_selector(".md-top", "b => getComputedStyle(b).display") == "none"


def test_a_citation_tooltip_is_drawn_over_back_to_top(page, page_log, site_url):
    """A citation's tooltip opening near the foot of a phone's screen is read over the button,
    not under it (the tooltip's z-index 3 over the button's 2, citations.css)."""
    _open(page, site_url, (390, 844), "goodhart.html")
    links = page.locator(".md-content .citation a.citation__link")
    index = page.evaluate(
        """() => [...document.querySelectorAll('.md-content .citation a.citation__link')]
                 .findIndex(c => c.getBoundingClientRect().top + scrollY > 2500)"""
    )
    assert index >= 0
    link = links.nth(index)
    y = link.evaluate("c => c.getBoundingClientRect().top + scrollY")
    # Where the link's tooltip opens under its line, and how tall it is (a reference's length
    # sets it): read with the link high on the screen, then the link is put where its tooltip
    # reaches down to 4 px above the screen's foot, over the button's centre (40 px up).
    page.evaluate(f"window.scrollTo(0, {y} - 200)")
    page.keyboard.press("Shift")
    link.focus()
    below, tall = link.evaluate(
        """c => { const t = c.parentElement.querySelector('.hover-tip').getBoundingClientRect();
                  return [t.top - c.getBoundingClientRect().top, t.height]; }"""
    )
    page.evaluate("document.activeElement.blur()")
    at = round(844 - 4 - tall - below)
    assert tall > 44, f"the tooltip is {tall} px tall: too short to cover the button's centre"
    page.evaluate(f"window.scrollTo(0, {y} - {at} + 400)")
    reader_scrolls(page, -200)
    page.evaluate(f"window.scrollTo(0, {y} - {at})")  # the rest of the way, up to the pixel
    page.wait_for_timeout(400)
    assert abs(link.evaluate("c => c.getBoundingClientRect().top") - at) <= 2
    assert page.evaluate(BACK_TO_TOP_SHOWN)
    page.keyboard.press("Shift")
    link.focus()
    hit_at_the_buttons_centre = """() => { const r = document.querySelector('.md-top').getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit && (hit.closest('.hover-tip') ? 'tooltip' : String(hit.getAttribute('class'))); }"""
    try:  # the tooltip fades in (citations.css); on a loaded machine it takes a moment
        page.wait_for_function(f"({hit_at_the_buttons_centre})() === 'tooltip'", timeout=3000)
    except PlaywrightTimeoutError:
        pass
    on_top = page.evaluate(hit_at_the_buttons_centre)
    assert on_top == "tooltip", f"under the button's centre: {on_top}"
    assert page_log.page_errors == []
