"""The boat race on a phone (390 x 844, touch) after a training run: the runs table within the
page's margins, set as cards as the chapters' wide tables are; the way from the Train button
to the replay by keyboard; and Material's "Back to top" button, which the page's own glide up to
the course ("Skip to the replay") brought up over it. (The view and the steering after a run:
test_demos_browser.py.)"""

from __future__ import annotations

import pytest

from test_accessibility_browser import _describe, axe_violations
from test_demos_browser import (
    BOAT,
    TRAINING_TIMEOUT_MS,
    boat_context,
    course_in_clear_view,
    open_demo,
    press,
    skip_from_the_charts,
)

pytestmark = pytest.mark.browser

COLUMNS = ["Run", "Reward and seed", "Game score", "Race completed", "Behaviour"]


def two_runs(page, site_url: str) -> None:
    """The page's two runs, game score then pay for progress, without the animation."""
    page.emulate_media(reduced_motion="reduce")
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.locator("#br-train").click()
    page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
    page.locator("#br-preset-progress").click()
    page.locator("#br-train").click()
    page.wait_for_function(f"{BOAT}.runs.length === 2", timeout=TRAINING_TIMEOUT_MS)


LINES = """cell => { const range = document.createRange(); range.selectNodeContents(cell);
  return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom))).size; }"""


def test_the_runs_table_fits_a_phone_as_cards(phone, site_url):
    """Its right edge stood at 386 of 390 px, 12 px past the text's, in a 402 px scroll box; the
    Behaviour column set a word a line, and Reward took six. Now each run is a card within the
    content's width, titled "Run 1", its values under their columns' names."""
    two_runs(phone, site_url)
    table = phone.locator("#br-runs")
    table.scroll_into_view_if_needed()
    content = phone.eval_on_selector(
        "#boat-race-demo",
        """e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                  return [r.left + parseFloat(s.paddingLeft), r.right - parseFloat(s.paddingRight)]; }""",
    )
    box = table.bounding_box()
    assert content[0] - 0.5 <= box["x"] and box["x"] + box["width"] <= content[1] + 0.5, (
        box,
        content,
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    wrap = phone.locator("#boat-race-demo .md-typeset__scrollwrap")
    if wrap.count():
        assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1"), "the table scrolls"
    assert table.locator("thead").bounding_box()["height"] <= 1, (
        "the header row is for screen readers"
    )
    cards = table.locator("tbody tr").all()
    assert len(cards) == 2
    for number, card in enumerate(cards, start=1):
        card_box = card.bounding_box()
        assert content[0] - 0.5 <= card_box["x"]
        assert card_box["x"] + card_box["width"] <= content[1] + 0.5
        cells = card.locator("th, td").all()
        assert cells[0].inner_text().strip() == f"Run {number}"
        labels = [c.evaluate("c => getComputedStyle(c, '::before').content") for c in cells[1:]]
        # shown, with an empty alternative text so that it is not part of the cell's name
        assert labels == [f'"{name}" / ""' for name in COLUMNS[1:]], labels
        reward, behaviour = cells[1], cells[4]
        assert reward.evaluate(LINES) <= 3, reward.inner_text()
        assert behaviour.evaluate(LINES) <= 2, behaviour.inner_text()


def test_the_runs_table_stays_a_table_on_a_desktop(page, site_url):
    two_runs(page, site_url)
    table = page.locator("#br-runs")
    assert table.evaluate("t => getComputedStyle(t).display") != "block"  # Material's own
    assert table.locator("thead").is_visible()
    first = table.locator("tbody tr").first.locator("th")
    assert first.inner_text().strip() == "1", "the column already says Run"
    assert first.get_attribute("scope") == "row"
    # The run's header cell is ruled off from the row above, as the data cells are.
    second = table.locator("tbody tr").nth(1)
    th, td = (second.locator(s).first for s in ("th", "td"))
    border = "c => getComputedStyle(c).borderTopWidth"
    assert th.evaluate(border) == td.evaluate(border) != "0px"


def test_the_runs_table_fits_its_column_at_every_desktop_width(page, site_url):
    """A reader review: from 600 px up the table was wider than its column (nowrap headings,
    widened by Material's invisible sort icon), so a scroll shadow hid the Behaviour column, the
    one that says which boat finishes, and the reward ran to seven lines. Now it fits, the
    headings look like what they are (nothing sorts them), and from 768 px the reward, its
    settings and its seed (which had a column of its own) take four lines at most."""
    two_runs(page, site_url)
    table = page.locator("#br-runs")
    for width in (600, 768, 1024, 1440):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(100)
        box = table.evaluate(
            """t => { const w = t.closest('.md-typeset__scrollwrap') || t.parentElement;
                return { scroll: w.scrollWidth, client: w.clientWidth,
                         right: t.getBoundingClientRect().right,
                         edge: w.getBoundingClientRect().right }; }"""
        )
        assert box["scroll"] <= box["client"] and box["right"] <= box["edge"] + 0.5, (width, box)
        heading = table.locator("thead th").nth(3)
        assert heading.evaluate("h => getComputedStyle(h).cursor") != "pointer"
        assert heading.evaluate("h => getComputedStyle(h, '::after').content") in ("none", "normal")
        reward = table.locator("tbody tr").first.locator("td").first
        if width >= 768:  # at 600 the reward's name, settings and seed take five or six lines
            assert reward.evaluate(LINES) <= 4, (width, reward.inner_text())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_filled_runs_table_set_as_cards_passes_axe(browser, site_url, scheme):
    """Set as blocks, the cards keep their table roles (written out, as the build does)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
    )
    try:
        page = context.new_page()
        two_runs(page, site_url)
        assert page.locator("#br-runs").evaluate("t => getComputedStyle(t).display") == "block"
        violations = axe_violations(page)
    finally:
        context.close()
    assert not violations, _describe(violations)


def test_the_keyboard_reaches_the_replay_from_the_train_button(page, site_url):
    """When the run ends the page stays where it is (it used to glide up to the course, unasked),
    and focus stays on "Train agent" (a screen reader keeps its place and hears the result on the
    demo's one live line, once); the next Tab goes on to Pause, then Reset, then the link to the
    replay over the charts ("Skip to the replay" went with the training), which takes focus to
    the course, in view."""
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.locator("#br-train").scroll_into_view_if_needed()
    page.focus("#br-train")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "br-train"
    assert page.locator("#br-watch").inner_text().startswith("Watch it on the course")
    assert page.locator("#br-skip").is_visible()
    page.wait_for_timeout(700)  # Train's own glide (the Train panel and both charts on screen)
    at = page.locator("#br-train").bounding_box()["y"]
    page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
    page.wait_for_timeout(700)  # the live line settles; a glide would be over
    assert page.evaluate("document.activeElement.id") == "br-train"
    assert "trained" in page.text_content("#boat-race-demo .demo-announce")
    assert abs(page.locator("#br-train").bounding_box()["y"] - at) <= 1, "the page moved"
    assert not page.locator("#br-skip").is_visible()
    for expected in ("br-pause", "br-reset", "br-watch"):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == expected
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "br-course"
    course = page.locator("#br-course")
    box = course.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert header["y"] + header["height"] - 1 <= box["y"]
    assert box["y"] + box["height"] <= page.viewport_size["height"]
    assert page.evaluate(BOAT)["mode"] == "replay"
    # After a reset there is nothing to watch: the link goes.
    page.click("#br-reset")
    assert not page.locator("#br-watch").is_visible()


def test_focus_on_skip_when_the_training_ends_by_itself_goes_to_the_link_beside_it(page, site_url):
    """A keyboard reader who has tabbed to "Skip to the replay" but not pressed it when the
    training ends is not left on nothing (the button goes): focus is on the link beside it, to
    the replay, and the page has not moved."""
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.locator("#br-train").click()
    page.wait_for_function(f"{BOAT}.episodes > 0")
    page.wait_for_timeout(700)  # Train's own glide is over
    page.focus("#br-skip")
    at = page.locator("#br-watch").bounding_box()["y"]
    page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
    assert page.evaluate(BOAT)["runs"][0]["skipped"] is False
    assert page.evaluate("document.activeElement.id") == "br-watch"
    assert abs(page.locator("#br-watch").bounding_box()["y"] - at) <= 1, "the page moved"


# Whether Material's "Back to top" button shows: not [hidden] (Material's own rule), not out of
# sight (visibility), not faded out (opacity, which Material animates).
BACK_TO_TOP_SHOWN = """() => { const b = document.querySelector('.md-top'); const s = getComputedStyle(b);
  return !b.hidden && s.visibility === 'visible' && parseFloat(s.opacity) > 0 && b.getClientRects().length > 0; }"""

# From now on, at every frame: where the page is, whether "Back to top" shows, and the demo's state.
WATCH_BACK_TO_TOP = f"""() => {{ window.__frames = [];
  const shown = {BACK_TO_TOP_SHOWN};
  const tick = () => {{
    window.__frames.push({{ y: scrollY, shown: shown(),
                           state: document.querySelector('#boat-race-demo').dataset.state }});
    requestAnimationFrame(tick);
  }};
  requestAnimationFrame(tick); }}"""


# True once the page has not moved for 250 ms: a page still settling (a demo redrawing above the
# reader, whose height change the browser's scroll anchoring absorbs) would otherwise move the
# reader's starting point under the test.
SCROLL_SETTLED = """() => { const now = performance.now();
  if (window.__settleY !== scrollY) { window.__settleY = scrollY; window.__settleAt = now; return false; }
  return now - window.__settleAt > 250; }"""


def wait_until_still(page, timeout: int = 10_000) -> None:
    page.evaluate("delete window.__settleY")
    page.wait_for_function(SCROLL_SETTLED, polling=50, timeout=timeout)


def reader_scrolls(page, dy: int) -> None:
    """The reader's own scroll, by the wheel (or a swipe: both are input of theirs, then a scroll).

    Waits for the page to be still before and after, and for the scroll to have gone most of the
    way in its direction, not to the pixel: on a loaded machine a redraw above the reader can
    shift the page by a few lines while the wheel's animation runs (a CI failure, 7 Dec)."""
    wait_until_still(page)
    start = page.evaluate("scrollY")
    page.mouse.move(200, 400)
    page.mouse.wheel(0, dy)
    page.wait_for_function(f"({dy}) * (scrollY - {start}) >= 0.6 * {dy} * {dy}", timeout=10_000)
    wait_until_still(page)
    page.wait_for_timeout(400)  # Material decides on the scroll; its fade takes 125 ms


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_glide_up_to_the_course_does_not_bring_up_back_to_top(browser, site_url, device):
    """The reader review: when the page glided up to the course, Material's "Back to top" button
    came up over the page at the glide's first frame and stayed there after it, as if the reader
    had scrolled up (Material shows it after any move up until a move down; the course is above
    the Train button and the charts, so the glide goes up). The page glides there now only when
    the reader presses "Skip to the replay"; the button stays down during that glide and after
    it, and after the link up to the course too. (From 960 px the course is in view beside the
    charts, and Skip does not move the page.) Over a demo the reader's own scrolls do not bring
    it either (back-to-top.js); elsewhere they do, as on every page (test_boat_view_browser.py)."""
    phone = device == "phone"
    context = boat_context(browser, device)
    try:
        page = context.new_page()
        open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
        page.evaluate(WATCH_BACK_TO_TOP)
        skip_from_the_charts(page, phone)
        page.wait_for_function(
            """() => { const c = document.querySelector('#br-course').getBoundingClientRect();
                return c.top >= 48 && c.bottom <= innerHeight; }""",
            timeout=3000,
        )
        page.wait_for_timeout(800)  # the glide ends, and Material has had its time to decide
        frames = page.evaluate("window.__frames")
        glide = [f for f in frames if f["state"] == "trained"]
        if phone:
            assert glide[0]["y"] - glide[-1]["y"] > 300, "the page glides up to the course"
            assert len({round(f["y"]) for f in glide}) > 3, "a glide, not a jump"
        shown = [f["y"] for f in glide if f["shown"]]
        assert not shown, f"'Back to top' shows during or after the glide, at scrollY {shown[:5]}"
        assert not page.evaluate(BACK_TO_TOP_SHOWN)
        assert course_in_clear_view(page)
        # Not in the tab order either while it is out of sight.
        assert page.eval_on_selector(".md-top", "b => getComputedStyle(b).visibility") == "hidden"
        # The reader's own scrolls: over the demo the button stays down either way
        # (back-to-top.js; off the demos Material's rule holds, test_boat_view_browser.py).
        reader_scrolls(page, 300)
        assert not page.evaluate(BACK_TO_TOP_SHOWN), "down: not shown"
        reader_scrolls(page, -150)
        assert not page.evaluate(BACK_TO_TOP_SHOWN), "up, by the reader, over the demo: not shown"
        reader_scrolls(page, 150)
        assert not page.evaluate(BACK_TO_TOP_SHOWN)
        # The link over the charts up to the course is the page's move too.
        page.locator("#br-watch").scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        assert not page.evaluate(BACK_TO_TOP_SHOWN)
        page.evaluate("window.__frames = []")
        press(page, "#br-watch", phone)
        page.wait_for_timeout(600)
        assert course_in_clear_view(page)
        assert not any(f["shown"] for f in page.evaluate("window.__frames"))
    finally:
        context.close()
