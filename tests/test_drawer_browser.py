"""The navigation drawer (windows 1219 px wide or less) from the keyboard, in a real headless
Chromium: drawer-keys.js. The ☰ button takes the focus and answers Enter and Space; the closed
drawer's links, only moved off screen, are no Tab stops; the open drawer keeps the focus (Tab
goes round it), Escape closes it and gives the focus back to the button; what opens and closes
a section's pane are buttons with their state; a section's pane and a link to a part of the page
move the focus where the reader is. At desktop widths the sidebar is the page's navigation, as
Material draws it; its expandable sections open by the same buttons, in place."""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from test_accessibility_browser import _describe, axe_violations
from test_glossary_terms_browser import focused_ax_node

pytestmark = pytest.mark.browser

DRAWER_SIZES = [(1024, 768), (390, 844)]
IDS = [f"{w}x{h}" for w, h in DRAWER_SIZES]

# The focused element is drawn where the reader can see it: a box of its own inside the window,
# not transparent, not hidden, and not under something else (the closed drawer's links are only
# moved off screen; a closed pane is transparent; the list under an open pane is covered).
# Material's colour toggle is a radio button drawn as the label after it.
FOCUS_SEEN = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return false;
  if (el.matches("input.md-option") && el.nextElementSibling) el = el.nextElementSibling;
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) return false;
  if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  const line = [...el.getClientRects()].find(b => b.width >= 1 && b.height >= 1);  // its first line
  const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
  return !!hit && el.contains(hit);
}"""

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el) return "nothing";
  const name = el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40);
  return `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${name}"`;
}"""

# Material's search results box (div.md-search__scrollwrap, tabindex 0) is a Tab stop even
# while search is closed, with no height: a separate problem of Material's search, not the
# drawer's, so the walk from the top steps over it (and only over it).
SEARCH_RESULTS_BOX = "document.activeElement.matches('.md-search__scrollwrap')"

DRAWER_OPEN = "document.getElementById('__drawer').checked"
# The drawer has slid in: its left edge at the window's.
DRAWER_IN = "document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
FOCUS_IN_NAV = "!!document.activeElement.closest('nav.md-nav--primary')"
# What the drawer made inert (the closed search pane is search-a11y.js's, and a phone's folded
# "In one minute" text minute-fold.js's, not the drawer's)
INERT = (
    "[...document.querySelectorAll('[inert]:not(.md-search__scrollwrap, #in-one-minute > *)')]"
    ".map(e => e.className || e.tagName)"
)


def _open(page, site_url: str, size: tuple[int, int], path: str = "rlhf.html") -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")


def _seen(page) -> bool:
    """Whether the focused element is (or, within a transition's time, becomes) in sight."""
    try:
        page.wait_for_function(FOCUS_SEEN, timeout=2_000)
    except PlaywrightError:
        return False
    return True


def _menu(page):
    return page.get_by_role("button", name="Menu", exact=True)


def _heard(page) -> tuple[str, str, bool | None]:
    """What a screen reader hears of the focused element, from Chromium's accessibility tree:
    its role, its name and whether it is expanded (None: it has no such state)."""
    node = focused_ax_node(page)
    expanded = next(
        (p["value"].get("value") for p in node.get("properties", []) if p["name"] == "expanded"),
        None,
    )
    return node["role"]["value"], node.get("name", {}).get("value", ""), expanded


def _pane_button(page, name: str):
    """The drawer's button named `name` (drawer-keys.js's stand-ins for Material's labels)."""
    return page.locator(f'.md-sidebar--primary button[aria-label="{name}"]')


def _tab_to_menu(page, presses: int = 4) -> int:
    """Tab from the top of the page until the menu button has the focus; the presses it took."""
    for n in range(1, presses + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button.md-header__button')"):
            return n
    pytest.fail(
        f"{presses} Tab presses from the top do not reach the menu button; the focus is on "
        + page.evaluate(DESCRIBE_FOCUS),
        pytrace=False,
    )


@pytest.mark.parametrize("size", DRAWER_SIZES, ids=IDS)
def test_tab_from_the_top_reaches_the_menu_and_never_an_unseen_element(
    page, page_log, site_url, size
):
    """Before drawer-keys.js the ☰ (a <label>) was no Tab stop, and the closed drawer's links,
    off screen, were: at 1024x768 stops 5-21, at 768x1024 stops 5-30."""
    _open(page, site_url, size)
    menu_at = None
    for stop in range(1, 16):
        page.keyboard.press("Tab")
        if page.evaluate(SEARCH_RESULTS_BOX):
            continue
        assert _seen(page), f"Tab stop {stop} is out of sight: {page.evaluate(DESCRIBE_FOCUS)}"
        if menu_at is None and page.evaluate("document.activeElement.matches('button')"):
            expect(_menu(page)).to_be_focused()  # a button, named, for a screen reader too
            expect(_menu(page)).to_have_attribute("aria-expanded", "false")
            menu_at = stop
    assert menu_at is not None and menu_at <= 3, f"the menu button is Tab stop {menu_at}"
    # The closed drawer is out of the accessibility tree too, not only out of the Tab order.
    assert page.evaluate("!!document.querySelector('.md-sidebar--primary').closest('[inert]')")
    assert page_log.page_errors == []


@pytest.mark.parametrize("key", ["Enter", "Space"])
@pytest.mark.parametrize("size", DRAWER_SIZES, ids=IDS)
def test_the_menu_opens_by_keyboard_keeps_the_focus_and_escape_closes_it(
    page, page_log, site_url, size, key
):
    _open(page, site_url, size)
    _tab_to_menu(page)
    page.keyboard.press(key)
    page.wait_for_function(DRAWER_OPEN, timeout=2_000)
    page.wait_for_function(DRAWER_IN, timeout=2_000)
    expect(page.locator("nav.md-nav--primary")).to_be_visible()
    assert page.evaluate(FOCUS_IN_NAV), page.evaluate(DESCRIBE_FOCUS)
    assert _seen(page), page.evaluate(DESCRIBE_FOCUS)
    first = page.evaluate(DESCRIBE_FOCUS)
    # The page behind is inert (out of reach of Tab and of a screen reader), the drawer is not;
    # nor is the ☰ button under it, which Tab never reaches (below) but a phone's screen reader,
    # with no Escape key, closes the drawer with.
    for behind in (".md-content", ".md-footer", ".md-header__title", ".md-search"):
        assert page.evaluate(f"!!document.querySelector('{behind}').closest('[inert]')"), behind
    assert not page.evaluate("!!document.querySelector('nav.md-nav--primary').closest('[inert]')")
    assert not page.evaluate(
        "!!document.querySelector('button.md-header__button').closest('[inert]')"
    )
    expect(_menu(page)).to_have_attribute("aria-expanded", "true")
    # Tab goes round the drawer: every stop in it and in sight, and back to the first.
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        where = page.evaluate(DESCRIBE_FOCUS)
        assert page.evaluate(FOCUS_IN_NAV), f"Tab left the open drawer for {where}"
        assert _seen(page), f"Tab reached {where}, out of sight"
        stops.append(where)
        if where == first:
            break
    assert stops[-1] == first, f"Tab does not come back round to {first}: {stops}"
    assert any('"Further reading"' in s for s in stops), stops
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUS_IN_NAV), page.evaluate(DESCRIBE_FOCUS)
    assert page.evaluate(DESCRIBE_FOCUS) == stops[-4]  # Shift+Tab goes round backwards
    page.keyboard.press("Escape")
    page.wait_for_function(f"!{DRAWER_OPEN}", timeout=2_000)
    expect(_menu(page)).to_be_focused()
    expect(_menu(page)).to_have_attribute("aria-expanded", "false")
    assert page.evaluate(INERT) == ["md-sidebar md-sidebar--primary"]
    assert page_log.page_errors == []


def test_the_overlay_and_a_link_close_the_drawer_as_before(page, page_log, site_url):
    """Closed by a click on the overlay, the focus goes back to the button (the drawer it was in
    is inert now); closed by a link to a part of the page, to that part, the heading."""
    _open(page, site_url, (390, 844))
    _menu(page).click()
    page.wait_for_function(DRAWER_IN, timeout=2_000)
    assert page.evaluate(FOCUS_IN_NAV)
    page.mouse.click(370, 600)  # the overlay, right of the drawer
    page.wait_for_function(f"!{DRAWER_OPEN}", timeout=2_000)
    expect(_menu(page)).to_be_focused()
    # On a phone the page's entry in the drawer opens its table of contents (a pane).
    _menu(page).press("Enter")
    page.wait_for_function(DRAWER_IN, timeout=2_000)
    entry = _pane_button(page, "RLHF: table of contents")
    entry.focus()
    page.keyboard.press("Enter")
    expect(_pane_button(page, "Back from Table of contents")).to_be_focused()
    # Tab at once, while the pane still slides in: the drawer once stayed shifted off screen.
    page.keyboard.press("Tab")
    assert _seen(page), page.evaluate(DESCRIBE_FOCUS)
    target = page.evaluate("document.activeElement.hash")
    assert target.startswith("#"), page.evaluate(DESCRIBE_FOCUS)
    page.keyboard.press("Enter")
    page.wait_for_function(f"!{DRAWER_OPEN}", timeout=2_000)
    assert page.url.endswith(target)
    expect(page.locator(target)).to_be_focused()
    page.keyboard.press("Tab")  # the reader goes on from that heading
    assert _seen(page), page.evaluate(DESCRIBE_FOCUS)
    assert page.evaluate(
        "e => e.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING",
        page.locator(target).element_handle(),
    )
    assert page_log.page_errors == []


@pytest.mark.parametrize("size", DRAWER_SIZES, ids=IDS)
def test_a_section_pane_takes_the_focus_and_gives_it_back(page, page_log, site_url, size):
    """On a demo's page the drawer opens on the Interactive demos pane, over the list: the
    focus goes to the pane's title (which goes back), Tab stays in the pane, and back in the
    list the focus is on the arrow that opens the pane again."""
    _open(page, site_url, size, "demos/boat-race.html")
    _tab_to_menu(page)
    page.keyboard.press("Enter")
    page.wait_for_function(DRAWER_IN, timeout=2_000)
    back = _pane_button(page, "Back from Interactive demos")
    expect(back).to_be_focused()
    for _ in range(4):
        page.keyboard.press("Tab")
        assert _seen(page), page.evaluate(DESCRIBE_FOCUS)
        assert page.evaluate(
            "!!document.activeElement.closest('nav[aria-labelledby=\"__nav_11_label\"]')"
        ), page.evaluate(DESCRIBE_FOCUS)
    back.focus()
    page.keyboard.press("Space")
    opener = _pane_button(page, "Interactive demos")
    expect(opener).to_be_focused()
    assert _seen(page), page.evaluate(DESCRIBE_FOCUS)
    page.keyboard.press("Enter")
    expect(back).to_be_focused()
    page.keyboard.press("Escape")
    expect(_menu(page)).to_be_focused()
    assert page_log.page_errors == []


@pytest.mark.parametrize("size", DRAWER_SIZES, ids=IDS)
def test_a_section_pane_opens_and_closes_by_buttons_that_say_its_state(
    page, page_log, site_url, size
):
    """A keyboard-and-screen-reader walkthrough: what opens a section pane (the arrow beside
    "Interactive demos"; on a phone the page's own entry, which opens its table of contents) and
    the pane's title that takes the reader back were Material's <label>s with a tabindex, heard as
    text with no role and no state. They are buttons now: an opener says whether its pane is open
    (aria-expanded, aria-controls the pane), a title says where it goes; Enter and Space press
    them, the focus follows the pane, and axe finds nothing in the open drawer."""
    _open(page, site_url, size, "demos/boat-race.html")
    _tab_to_menu(page)
    page.keyboard.press("Enter")
    page.wait_for_function(DRAWER_IN, timeout=2_000)
    # On a demo's page the drawer opens on the Interactive demos pane, its title focused.
    assert _heard(page) == ("button", "Back from Interactive demos", None)
    opener = _pane_button(page, "Interactive demos")
    expect(opener).to_have_attribute("aria-expanded", "true")  # under its open pane
    pane = page.locator("#" + (opener.get_attribute("aria-controls") or "none"))
    assert pane.evaluate("p => p.matches('nav.md-nav') && p.contains(document.activeElement)")
    violations = axe_violations(page)
    assert not violations, _describe(violations)
    page.keyboard.press("Space")  # back to the list
    expect(opener).to_be_focused()
    assert _heard(page) == ("button", "Interactive demos", False)
    assert _seen(page), page.evaluate(DESCRIBE_FOCUS)
    violations = axe_violations(page)
    assert not violations, _describe(violations)
    page.keyboard.press("Enter")  # and in again
    assert _heard(page) == ("button", "Back from Interactive demos", None)
    expect(opener).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Enter")
    assert _heard(page) == ("button", "Interactive demos", False)
    page.keyboard.press("Space")
    assert _heard(page) == ("button", "Back from Interactive demos", None)
    entry = _pane_button(page, "The boat race: table of contents")
    if size[0] >= 960:  # the page's contents have a sidebar of their own: no entry in the drawer
        expect(entry).to_be_hidden()
    else:
        for _ in range(3):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('button[aria-controls]')"):
                break
        assert _heard(page) == ("button", "The boat race: table of contents", False)
        assert page.evaluate("document.activeElement.textContent.trim()") == "The boat race"
        page.keyboard.press("Enter")
        assert _heard(page) == ("button", "Back from Table of contents", None)
        assert _seen(page), page.evaluate(DESCRIBE_FOCUS)
        expect(entry).to_have_attribute("aria-expanded", "true")
        violations = axe_violations(page)
        assert not violations, _describe(violations)
        page.keyboard.press("Space")
        expect(entry).to_be_focused()
        assert _heard(page) == ("button", "The boat race: table of contents", False)
    page.keyboard.press("Escape")
    expect(_menu(page)).to_be_focused()
    assert page_log.page_errors == []


def test_at_desktop_width_the_sidebar_is_untouched(page, page_log, site_url):
    """From 1220 px the sidebar is the page's navigation: nothing inert, no menu button, every
    link of it a Tab stop in sight, also after the window has been drawer-sized."""
    _open(page, site_url, (1024, 768))
    assert page.evaluate(INERT) == ["md-sidebar md-sidebar--primary"]
    page.set_viewport_size({"width": 1440, "height": 900})
    page.wait_for_function(f"{INERT}.length === 0", timeout=2_000)
    page.goto(f"{site_url}/rlhf.html")  # and from a fresh load
    assert page.evaluate(INERT) == []
    expect(_menu(page)).to_be_hidden()
    # A section's arrow is the drawer's stand-in button (test below); no pane title is drawn.
    expect(page.locator(".md-sidebar--primary .md-nav__container > label[for]")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary button.ae-pane-button:visible")).to_have_count(1)
    # Of the pane titles only the site's name is drawn, a heading, not a control.
    expect(page.locator(".md-sidebar--primary .md-nav__title:visible")).to_have_count(1)
    links = page.locator(".md-sidebar--primary a.md-nav__link")
    wanted = {
        links.nth(n).get_attribute("href")
        for n in range(links.count())
        if links.nth(n).is_visible()
    }
    assert {"index.html", "glossary.html", "further-reading.html"} <= wanted, wanted
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "document.activeElement.closest('.md-sidebar--primary') && "
            "document.activeElement.getAttribute('href')"
        )
        if href:
            assert _seen(page), href
            reached.add(href)
        if reached >= wanted:
            break
    assert reached >= wanted, wanted - reached
    assert page_log.page_errors == []


DESKTOP_SIZES = [(1280, 720), (1440, 900)]


@pytest.mark.parametrize("size", DESKTOP_SIZES, ids=[f"{w}x{h}" for w, h in DESKTOP_SIZES])
def test_at_desktop_width_a_section_opens_by_a_button_that_says_its_state(
    page, page_log, site_url, size
):
    """A screen-reader review of the desktop sidebar: the arrow that opens "Interactive demos" in
    place was Material's <label> with a tabindex, heard as an unnamed, stateless element (its
    aria-expanded is on the list, where nothing announces it), and Enter and Space did not press
    it. It is the drawer's stand-in button at every width (drawer-keys.js): a button named
    "Interactive demos", collapsed or expanded with the checkbox, pressed by Enter and Space; the
    focus stays on it while the section opens under it, and Tab goes on into the section."""
    _open(page, site_url, size, "goodhart.html")
    nav = page.locator(".md-sidebar--primary nav.md-nav--primary")
    assert '- button "Interactive demos"\n' in nav.aria_snapshot() + "\n"  # collapsed: no state
    opener = nav.get_by_role("button", name="Interactive demos", exact=True)
    expect(opener).to_have_attribute("aria-expanded", "false")
    toggle = page.locator(f"#{opener.get_attribute('data-for')}")
    expect(toggle).not_to_be_checked()
    # Tab from the link before it, as a keyboard user goes down the sidebar.
    nav.get_by_role("link", name="Interactive demos", exact=True).focus()
    page.keyboard.press("Tab")
    expect(opener).to_be_focused()
    assert _heard(page) == ("button", "Interactive demos", False)
    page.keyboard.press("Enter")
    expect(opener).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_be_checked()
    expect(opener).to_be_focused()
    assert _heard(page) == ("button", "Interactive demos", True)
    assert '- button "Interactive demos" [expanded]' in nav.aria_snapshot()
    boat = nav.get_by_role("link", name="The boat race", exact=True)
    expect(boat).to_be_visible()
    page.keyboard.press("Tab")
    expect(boat).to_be_focused()
    assert _seen(page), page.evaluate(DESCRIBE_FOCUS)
    page.keyboard.press("Shift+Tab")
    expect(opener).to_be_focused()
    page.keyboard.press("Space")
    expect(opener).to_have_attribute("aria-expanded", "false")
    expect(toggle).not_to_be_checked()
    assert _heard(page) == ("button", "Interactive demos", False)
    expect(boat).to_be_hidden()
    # Nothing made inert, no focus moved, and axe finds nothing in the sidebar.
    assert page.evaluate(INERT) == []
    violations = axe_violations(page, {"include": [[".md-sidebar--primary"]]})
    assert not violations, _describe(violations)
    # On a demo's page the section is open from the start, and says so.
    _open(page, site_url, size, "demos/boat-race.html")
    expect(
        page.locator(".md-sidebar--primary").get_by_role("button", name="Interactive demos")
    ).to_have_attribute("aria-expanded", "true")
    assert page_log.page_errors == []


def test_the_menu_works_from_a_folder(page, page_log, site_dir):
    """From file:// (the offline copy) too."""
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto((site_dir / "goodhart.html").as_uri())
    _tab_to_menu(page)
    page.keyboard.press("Enter")
    page.wait_for_function(DRAWER_IN, timeout=2_000)
    assert page.evaluate(FOCUS_IN_NAV)
    page.keyboard.press("Escape")
    expect(_menu(page)).to_be_focused()
    assert page_log.page_errors == []
