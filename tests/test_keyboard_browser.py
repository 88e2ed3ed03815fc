"""The site from the keyboard and through a screen reader's eyes (Chromium's accessibility tree),
as a keyboard and screen-reader walkthrough found it: the colour toggle's Tab stop, Material's
single-key shortcuts, search results' names, the phone's closed search, "Back to top", the boat
race's touch buttons, the Goodhart explorer's sticky panel at 400% zoom, Further reading's filter,
the 404 page, and where Escape leaves the focus in search."""

from __future__ import annotations

import pytest

from conftest import wait_until_search_results_settle
from test_demos_browser import BOAT, open_demo

pytestmark = pytest.mark.browser

# The focused element, for a failure message.
FOCUSED = """() => { const a = document.activeElement;
  return { id: a.id, tag: a.tagName, className: a.className.toString(),
           name: a.getAttribute('aria-label') }; }"""


def tab_until(page, selector: str, limit: int = 30) -> None:
    """Presses Tab until the focus is on an element matching `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{limit} Tabs never reached {selector}: {page.evaluate(FOCUSED)}")


# The colour toggle as a keyboard reaches it: the radio the Tab lands on, its name, whether it
# is checked, and the ring drawn on its label (the input itself is 0 x 0).
TOGGLE = """() => { const input = document.activeElement, label = input.nextElementSibling,
  style = getComputedStyle(label), box = label.getBoundingClientRect();
  return { name: input.getAttribute('aria-label'), checked: input.checked,
           labelShown: !label.hidden && box.width > 0 && box.height > 0,
           ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
           scheme: document.body.getAttribute('data-md-color-scheme') }; }"""
TOGGLE_INPUT = "form[data-md-component=palette] input.md-option"


@pytest.mark.parametrize("visit", ["light system", "dark system", "dark chosen, reloaded"])
def test_the_colour_toggle_tab_stop_is_the_one_shown_and_named_for_what_it_does(
    browser, site_url, visit
):
    """Material checks neither of the toggle's two radio buttons, so Tab always went to the
    first, "Switch to dark mode": on a dark page its label is hidden, its input is 0 x 0, no ring
    showed anywhere, a screen reader heard the wrong action, and Space did nothing visible.
    palette-keys.js checks the radio whose label is shown, so Tab lands there."""
    context = browser.new_context(color_scheme="dark" if visit == "dark system" else "light")
    try:
        page = context.new_page()
        page.goto(f"{site_url}/rlhf.html")
        page.wait_for_load_state("networkidle")
        if visit == "dark chosen, reloaded":
            page.locator("form[data-md-component=palette] label:visible").first.click()
            page.reload()
            page.wait_for_load_state("networkidle")
        dark = visit != "light system"
        tab_until(page, TOGGLE_INPUT)
        toggle = page.evaluate(TOGGLE)
        assert toggle == {
            "name": "Switch to light mode" if dark else "Switch to dark mode",
            "checked": True,
            "labelShown": True,
            "ring": True,
            "scheme": "slate" if dark else "default",
        }, toggle
        page.keyboard.press("Space")  # does what its name says, and the focus stays on it
        toggle = page.evaluate(TOGGLE)
        assert toggle["scheme"] == ("default" if dark else "slate"), toggle
        assert toggle["labelShown"] and toggle["checked"], toggle
        assert toggle["name"] == ("Switch to dark mode" if dark else "Switch to light mode")
    finally:
        context.close()


# Material's single-key shortcuts: n and . go to the next page, p and , to the previous one, and
# s, f and / open search.
SHORTCUTS = ["n", "p", ",", ".", "s", "f", "/"]
SEARCH_OPEN = "document.getElementById('__search').checked"


def test_materials_single_key_shortcuts_are_off_and_search_still_opens_by_tab(page, site_url):
    """WCAG 2.1.4: a single-key shortcut must be one a reader can turn off. Material's fired
    with nothing editable focused, and on a focused radio button (it lets letters through one):
    a mistyped key or a speech-input user left the page or lost the focus to search. They are
    off (shortcuts-off.js); search opens by Tab (and on a phone by its button), and takes every
    letter typed into it."""
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    for focus in (None, TOGGLE_INPUT):  # nothing focused, then the colour toggle's radio
        if focus:
            page.focus(focus)
        for key in SHORTCUTS:
            page.keyboard.press(key)
            page.wait_for_timeout(50)
            assert navigations == [], f"{key} left the page"
            assert not page.evaluate(SEARCH_OPEN), f"{key} opened search"
    page.wait_for_timeout(500)
    assert navigations == [] and page.url.endswith("/rlhf.html"), navigations
    tab_until(page, "input.md-search__input")
    page.wait_for_function(SEARCH_OPEN, timeout=5000)  # Material opens it on the field's focus
    page.keyboard.type("specification", delay=20)  # s, p, f and n among its letters
    field = page.locator("input.md-search__input")
    assert field.input_value() == "specification"
    page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)


def test_s_brakes_the_boat_and_no_longer_opens_search(page, site_url):
    """The boat race steers with the arrows or WASD. While driving, s (brake) was also
    Material's search shortcut: search opened and took the focus from the course."""
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.focus("#br-course")
    page.keyboard.down("w")
    page.wait_for_function(f"{BOAT}.driving && {BOAT}.driving.x > 400")
    page.keyboard.up("w")
    page.keyboard.down("s")
    page.wait_for_timeout(300)
    state = page.evaluate(f"[{BOAT}.mode, document.activeElement.id, {SEARCH_OPEN}]")
    page.keyboard.up("s")
    assert state == ["drive", "br-course", False], state


def accessible_names(page, selector: str) -> list[str]:
    """The accessible name Chromium computes for each element matching `selector`."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("Accessibility.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
        names = []
        for node in nodes["nodeIds"]:
            tree = cdp.send(
                "Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False}
            )
            names.append(tree["nodes"][0].get("name", {}).get("value", ""))
        return names
    finally:
        cdp.detach()


def search_for(page, query: str) -> None:
    """Types `query` into search and waits until Material has stopped redrawing the results."""
    field = page.locator("input.md-search__input")
    field.focus()
    field.fill("")  # a query left from before
    field.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    wait_until_search_results_settle(page)


def test_every_search_result_link_is_named_title_first(page, site_url):
    """Each result is a link around an <article>, for which Chromium computes no name: arrowing
    through the results a screen reader said "link" and nothing of where it went.
    search-a11y.js makes the article role="none", so the link is named by what it shows, title
    first and then the excerpt (axe's label-content-name-mismatch, which Lighthouse runs, asks
    for all of that text: named by its title alone, the link failed it)."""
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    search_for(page, "reward")
    page.evaluate(
        "document.querySelectorAll('details.md-search-result__more').forEach(d => d.open = true)"
    )
    titles = page.locator("a.md-search-result__link :is(h1, h2)").all_inner_texts()
    names = accessible_names(page, "a.md-search-result__link")
    assert len(names) >= 10 and len(names) == len(titles), (names, titles)
    for name, title in zip(names, titles, strict=True):
        assert name.startswith(title.strip()), (name, title)


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# Where the focus is, whether a reader can see it there, and whether search is open.
STOP = f"""() => {{ const a = document.activeElement, box = a.getBoundingClientRect();
  return {{ element: a.tagName + '.' + a.className.toString(), top: box.top, height: box.height,
           field: a.matches('input.md-search__input'), button: a.matches('.ae-search-opener'),
           seen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
           open: {SEARCH_OPEN} }}; }}"""


def test_on_a_phone_closed_search_is_no_tab_stop_and_its_button_opens_it(browser, site_url):
    """Under 960 px the search field stayed in the Tab order while search was closed: Tab from
    the Search button opened the full-screen search, the next Tab closed it and left the focus
    on the hidden field, and after Escape the next Tab opened it again. While search is closed
    the field is out of the Tab order there (search-a11y.js); the button is the way in."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/rlhf.html")
        page.wait_for_load_state("networkidle")
        tab_until(page, "button.ae-search-opener")
        for _ in range(3):
            page.keyboard.press("Tab")
            stop = page.evaluate(STOP)
            assert not stop["field"] and not stop["open"] and stop["seen"], stop
        page.locator("button.ae-search-opener").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.matches('input.md-search__input')")
        assert page.evaluate(STOP)["open"]
        page.keyboard.type("sycophancy")  # the field takes letters while open
        assert page.locator("input.md-search__input").input_value() == "sycophancy"
        page.keyboard.press("Escape")
        page.wait_for_function("document.activeElement.matches('.ae-search-opener')")
        # Material gives back the page's scroll 100 ms after search closes (its scroll lock)
        page.wait_for_function("!document.body.hasAttribute('data-md-scrolllock')")
        page.wait_for_timeout(150)
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        assert not stop["field"] and not stop["open"] and stop["seen"], stop
    finally:
        context.close()


def test_back_to_top_takes_the_focus_to_the_top(page, site_url):
    """ "Back to top" scrolled the page up but dropped the focus to <body>, so the next Tab went
    to the footer's "Previous" link and scrolled back down to it. Now the focus goes to the
    page's title (back-to-top.js), and the next Tab to the first link after it."""
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    top = page.locator("button.md-top")
    for _ in range(10):  # Material shows the button once the reader scrolls back up
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(150)
        if top.is_visible():
            break
    top.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.scrollY === 0")
    assert page.evaluate("document.activeElement.matches('article h1')"), page.evaluate(FOCUSED)
    page.keyboard.press("Tab")
    landed = page.evaluate(
        """() => { const a = document.activeElement, box = a.getBoundingClientRect();
          const h1 = document.querySelector('article h1');
          return { inArticle: !!a.closest('article'),
                   afterTitle: !!(h1.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING),
                   onScreen: box.top >= 0 && box.bottom <= innerHeight, scrollY }; }"""
    )
    assert landed["inArticle"] and landed["afterTitle"] and landed["onScreen"], landed
    assert landed["scrollY"] < page.viewport_size["height"], landed


def test_the_boat_races_touch_buttons_answer_keys_and_a_screen_readers_click(browser, site_url):
    """On a touch screen the steering buttons are Tab stops named "Accelerate", "Turn left"
    and so on, but they answered only a finger held on them: Enter, Space and a screen reader's
    double tap (a click with no pointer, detail 0) did nothing. Now a key held on one holds
    that input until it is let go, a click without a pointer gives a short nudge, and the focus
    stays on the button (boat-race.js)."""
    context = browser.new_context(**PHONE)
    held = f"{BOAT}.input"
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        for key, direction in (("Enter", "up"), ("Space", "left")):
            button = page.locator(f'[data-drive="{direction}"]')
            button.focus()
            page.keyboard.down(key)
            page.wait_for_function(f"{BOAT}.mode === 'drive' && {held}.{direction}", timeout=5_000)
            page.wait_for_timeout(300)
            assert page.evaluate(f"{held}.{direction}"), f"{key} let go of {direction} too soon"
            assert button.evaluate("b => b === document.activeElement")
            page.keyboard.up(key)
            assert not page.evaluate(f"{held}.{direction}"), f"{key} up did not let go"
        right = page.locator('[data-drive="right"]')
        assert right.evaluate(f"b => {{ b.click(); return {held}.right; }}"), "no nudge"
        page.wait_for_function(f"!{held}.right", timeout=2_000)
        assert page.evaluate(f"{BOAT}.mode") == "drive"
    finally:
        context.close()


# What of the screen the header and the explorer's bar cover where the bar is stuck (out of its
# place in the page, after the element before it), in px.
COVERED = """() => { const bar = document.querySelector('#goodhart-demo .demo-sticky');
  const box = bar.getBoundingClientRect(), before = bar.previousElementSibling.getBoundingClientRect();
  const place = before.bottom + parseFloat(getComputedStyle(bar).marginTop);
  const stuck = Math.abs(box.top - place) > 1 && box.bottom > 0 && box.top < innerHeight;
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  return header + (stuck ? Math.min(box.bottom, innerHeight) - Math.max(box.top, header) : 0); }"""


def test_at_400_percent_zoom_the_explorers_bar_leaves_most_of_the_screen_to_read(browser, site_url):
    """At 320 x 256 CSS px (a 1280 x 1024 window at 400%) the Goodhart explorer's slider and
    result bar stuck under the header, and the two covered 208 of 256 px while the reader
    scrolled through the demo (WCAG 1.4.10). On a screen that low the bar stays in its place
    (demos.css); the phone on its side (844 x 390) keeps it stuck (test_goodhart_phone_browser)."""
    context = browser.new_context(viewport={"width": 320, "height": 256})
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/goodhart-explorer.html", "#goodhart-demo")
        start, end = page.evaluate(
            """() => { const r = document.querySelector('#goodhart-demo').getBoundingClientRect();
              return [scrollY + r.top, scrollY + r.bottom]; }"""
        )
        worst = 0.0
        for y in range(int(start) - 256, int(end), 64):
            page.evaluate(f"window.scrollTo({{ top: {y}, behavior: 'instant' }})")
            worst = max(worst, page.evaluate(COVERED))
        assert worst <= 256 / 2, f"header and bar cover {worst:.0f} of 256 px"
    finally:
        context.close()


def test_further_readings_filter_speaks_once_the_choice_settles_and_shows_the_sites_ring(
    page, site_url
):
    """Arrowing through the closed chapter filter changes its value at every press (Chromium on
    Linux and Windows): five presses queued five polite counts ("20 works cited in Home", "21
    works ..."), each over the option the screen reader was already reading. The count is
    written once the choice settles (further-reading.js). And the select had only the browser's
    thin default ring, not the site's 2 px one (extra.css)."""
    page.goto(f"{site_url}/further-reading.html")
    page.wait_for_load_state("networkidle")
    select = page.locator("#further-reading-chapter")
    # past the site's navigation and the contents list, which names each of the page's 11 groups
    tab_until(page, "#further-reading-chapter", limit=40)
    ring = select.evaluate(
        """s => { const style = getComputedStyle(s);
          return [style.outlineStyle, style.outlineWidth, style.outlineColor,
                  getComputedStyle(document.body).getPropertyValue('--md-accent-fg-color').trim()]; }"""
    )
    accent = page.evaluate(
        """v => { const probe = document.createElement('span'); probe.style.color = v;
          document.body.append(probe); const c = getComputedStyle(probe).color; probe.remove();
          return c; }""",
        ring[3],
    )
    assert ring[:3] == ["solid", "2px", accent], ring
    page.evaluate(
        """() => { window.__said = [];
          const shown = document.querySelector('.further-reading__shown');
          new MutationObserver(() => window.__said.push(shown.textContent))
            .observe(shown, { childList: true, characterData: true, subtree: true }); }"""
    )
    for _ in range(5):
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(60)
    chosen = select.evaluate("s => s.selectedOptions[0].textContent")
    assert select.input_value() != "", "the arrow keys did not change the choice"
    page.wait_for_timeout(1_000)
    said = page.evaluate("window.__said")
    assert len(said) == 1 and said[0].endswith(f"cited in {chosen}"), said
    assert page.locator(".further-reading__shown").get_attribute("aria-live") == "polite"


def test_the_404_page_is_titled_for_what_it_says_and_has_the_skip_link(page, site_url):
    """The 404 page was titled just "Alignment Explained" (WCAG 2.4.2), and its first Tab went
    to the logo: Material writes its "Skip to content" link only on a page with a contents list,
    which every other page has (2.4.1, 3.2.3). overrides/404.html gives it both."""
    response = page.goto(f"{site_url}/no/such/page.html")
    assert response is not None and response.status == 404
    assert page.title() == "Page not found - Alignment Explained"
    page.keyboard.press("Tab")
    skip = page.evaluate(
        """() => { const a = document.activeElement, box = a.getBoundingClientRect();
          return [a.matches('a.md-skip'), a.textContent.trim(), box.width > 0 && box.height > 0]; }"""
    )
    assert skip == [True, "Skip to content", True], skip
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # on from the page's title, into the text
    assert page.evaluate("!!document.activeElement.closest('article')"), page.evaluate(FOCUSED)


def test_escape_from_desktop_search_gives_the_focus_back_not_to_the_body(page, site_url):
    """On a desktop, Escape closed search and left the focus on <body>, from the field or from a
    result reached with the arrow keys: a screen reader said nothing, and the reader's place was
    lost (WCAG 2.4.3). The focus goes back to where it was before search took it, or, when search
    was opened from nowhere (a click into the field), to the search box (search-a11y.js); search
    stays closed."""
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    field = page.locator("input.md-search__input")
    where = "document.activeElement === document.body ? 'body' : document.activeElement.outerHTML.slice(0, 80)"
    for start in ("field", "result"):
        page.locator(TOGGLE_INPUT + ":checked").focus()
        before = page.evaluate(where)
        page.keyboard.press("Tab")
        page.wait_for_function(
            SEARCH_OPEN, timeout=2_000
        )  # Material opens it as the field gets focus
        assert field.evaluate("f => f === document.activeElement")
        search_for(page, "goodhart")
        if start == "result":
            for _ in range(10):  # until Material's list takes the arrow key
                page.keyboard.press("ArrowDown")
                if page.evaluate("!!document.activeElement.closest('.md-search-result')"):
                    break
                page.wait_for_timeout(300)
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)
        assert not page.evaluate(SEARCH_OPEN), f"search open again after Escape from the {start}"
        assert page.evaluate(where) == before, f"Escape from the {start}"
    page.evaluate("document.activeElement.blur()")
    field.click()  # from nowhere: the box itself
    search_for(page, "goodhart")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not page.evaluate(SEARCH_OPEN)
    assert page.evaluate("document.activeElement.matches('form.md-search__form')"), page.evaluate(
        where
    )


ZOOMED = {"viewport": {"width": 640, "height": 400}, "reduced_motion": "reduce"}
# Where the focused element and its tooltip (a citation's or a glossary term's, when one shows)
# are, against the sticky header's bottom edge.
CLEAR_OF_HEADER = """() => { const a = document.activeElement, box = a.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const tip = a.nextElementSibling && a.nextElementSibling.matches('.hover-tip')
    && a.nextElementSibling.getClientRects().length ? a.nextElementSibling : null;
  return { what: a.tagName + ' ' + (a.getAttribute('aria-label') || a.textContent).trim().slice(0, 40),
           inContent: !!a.closest('.md-content'), header: header, top: box.top,
           tipTop: tip ? tip.getBoundingClientRect().top : null }; }"""


@pytest.mark.parametrize("path", ["specification-gaming.html", "rlhf.html"])
def test_at_200_percent_zoom_shift_tab_never_hides_the_focus_under_the_header(
    browser, site_url, path
):
    """At 640 x 400 (200% zoom), Shift+Tab scrolls the page up and Chromium brought each element
    just into view, at the window's top, under Material's 48 px sticky header: a glossary term,
    a fold's summary, a link, each wholly hidden, its tooltip cut off too (WCAG 2.4.11; review
    13 found 9 of 40 stops hidden on Specification gaming, 5 on RLHF). Everything Tab reaches in
    the content has a scroll margin (extra.css), and a tooltip opened on one stays below the
    header."""
    context = browser.new_context(**ZOOMED)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
        for _ in range(90):
            page.keyboard.press("Tab")
        hidden = []
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            page.wait_for_timeout(60)
            stop = page.evaluate(CLEAR_OF_HEADER)
            if not stop["inContent"]:
                continue
            tops = [stop["top"]] + ([stop["tipTop"]] if stop["tipTop"] is not None else [])
            if min(tops) < stop["header"] - 0.5:
                hidden.append(stop)
        assert not hidden, hidden
    finally:
        context.close()


# Scrolls the page so that the first citation's line sits `offset` px under the header, and
# focuses it there without scrolling (its tooltip opens on focus).
FOCUS_AT = """([offset]) => { const link = document.querySelector('article .citation__link');
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  window.scrollBy({ top: link.getBoundingClientRect().top - header - offset, behavior: 'instant' });
  link.focus({ preventScroll: true });
  const tip = link.nextElementSibling.getBoundingClientRect(), line = link.getBoundingClientRect();
  return { header: header, line: line.top, lineHeight: line.height, tip: tip.top,
           tipHeight: tip.height }; }"""


def test_a_tooltip_that_cannot_open_below_its_line_never_opens_under_the_header(browser, site_url):
    """A tooltip that would run past the window's foot opens above its line (citations.js), and
    it did so whenever it fitted below the window's top edge, 0, not below the sticky header: at
    200% zoom its first lines opened under the header. Here the room above the line is the
    tooltip's height less 20 px once the header is counted (and the room below is too small as
    well): the tooltip stays below its line."""
    context = browser.new_context(**ZOOMED)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/specification-gaming.html")
        page.wait_for_load_state("networkidle")
        first = page.evaluate(FOCUS_AT, [100])
        page.evaluate("document.activeElement.blur()")
        height = first["tipHeight"]
        assert height > 40, first
        # Too low a window for the tooltip to fit below the line as well.
        low = int(first["header"] + 2 * height + first["lineHeight"] - 30)
        page.set_viewport_size({"width": 640, "height": low})
        page.wait_for_timeout(100)
        placed = page.evaluate(FOCUS_AT, [height - 20])
        assert placed["tip"] >= placed["header"] - 0.5, placed
    finally:
        context.close()


KEYS_HINT = """() => { const count = document.querySelector('.md-search-result__meta');
  const keys = document.querySelector('.ae-search-keys');
  return { text: keys.textContent, role: keys.getAttribute('role'),
           shown: keys.getClientRects().length > 0 && keys.getBoundingClientRect().height > 0,
           afterCount: !!(count.compareDocumentPosition(keys) & Node.DOCUMENT_POSITION_FOLLOWING),
           count: count.textContent }; }"""


def test_while_results_show_search_says_the_down_arrow_reaches_them(page, site_url):
    """Every result link is tabindex -1: only the Down arrow reaches them, and Tab, a keyboard
    user's usual move, closes search and throws them away. Nothing said so; readers lost their
    results twice before finding the arrow keys (review 13). While results show, a line after
    the count says how, shown and spoken (a status); it goes when nothing matches."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    search_for(page, "goodhart")
    hint = page.evaluate(KEYS_HINT)
    assert hint["text"] == "Use the Down arrow to move through the results.", hint
    assert hint["role"] == "status" and hint["shown"] and hint["afterCount"], hint
    assert "matching" in hint["count"], hint
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially("qxzvqj", delay=20)
    page.wait_for_function("!document.querySelector('.md-search-result__item')")
    page.wait_for_timeout(200)
    hint = page.evaluate(KEYS_HINT)
    assert not hint["shown"] and hint["text"] == "", hint


MODAL = """() => ({ main: document.querySelector('.md-main').inert,
  footer: document.querySelector('.md-footer').inert,
  modal: document.querySelector('.md-search[role=dialog]').getAttribute('aria-modal'),
  open: document.getElementById('__search').checked })"""


def test_on_a_phone_open_search_is_modal_and_closing_it_gives_the_page_back(browser, site_url):
    """Under 960 px search covers the screen, yet the page behind stayed in the accessibility
    tree: swiping past the last result, a screen reader went on into the navigation and the
    chapter, unseen (review 13). While search is open there, the page's main part and footer
    are inert and the dialog aria-modal; closed, both are undone."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/rlhf.html")
        page.wait_for_load_state("networkidle")
        assert page.evaluate(MODAL) == {
            "main": False,
            "footer": False,
            "modal": None,
            "open": False,
        }
        page.locator("button.ae-search-opener").click()
        page.wait_for_function("document.activeElement.matches('input.md-search__input')")
        page.keyboard.type("sycophancy")
        page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
        assert page.evaluate(MODAL) == {"main": True, "footer": True, "modal": "true", "open": True}
        page.keyboard.press("Escape")
        page.wait_for_function("!document.getElementById('__search').checked")
        page.wait_for_timeout(100)
        assert page.evaluate(MODAL) == {
            "main": False,
            "footer": False,
            "modal": None,
            "open": False,
        }
        page.wait_for_function("document.activeElement.matches('.ae-search-opener')")
    finally:
        context.close()


def test_on_a_desktop_search_leaves_the_page_in_reach(page, site_url):
    """From 960 px search is a box over the page's top, not the whole screen: the page stays
    reachable while it is open."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    search_for(page, "sycophancy")
    assert page.evaluate(MODAL) == {"main": False, "footer": False, "modal": None, "open": True}
