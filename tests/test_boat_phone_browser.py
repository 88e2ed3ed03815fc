"""The boat race on a phone (390 x 844, touch) after a training run: the runs table within the
page's margins, set as cards as the chapters' wide tables are; and the way from the Train button
to the replay by keyboard. (The view and the steering after a run: test_demos_browser.py.)"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_accessibility_browser import LIGHTHOUSE, WCAG_AA, _describe
from test_demos_browser import BOAT, TRAINING_TIMEOUT_MS, open_demo

pytestmark = pytest.mark.browser

COLUMNS = ["Run", "Reward", "Seed", "Score", "Race completed", "Behaviour"]


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
        assert labels == [f'"{name}"' for name in COLUMNS[1:]], labels
        reward, behaviour = cells[1], cells[5]
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
        failures = [
            _describe(Axe().run(page, options=options).response["violations"])
            for options in (WCAG_AA, LIGHTHOUSE)
        ]
    finally:
        context.close()
    assert not any(failures), "\n".join(failures)


def test_the_keyboard_reaches_the_replay_from_the_train_button(page, site_url):
    """When the run ends the page brings the course into view, but focus stays on "Train agent"
    (a screen reader keeps its place and hears the result on the demo's one live line, once);
    the next Tab goes on to Pause, then Reset, then the link to the replay over the charts, which
    takes focus to the course, in view."""
    open_demo(page, f"{site_url}/demos/boat-race.html", "#boat-race-demo")
    page.locator("#br-train").scroll_into_view_if_needed()
    page.focus("#br-train")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "br-train"
    assert page.locator("#br-watch").inner_text().startswith("Watch it train on the course")
    page.wait_for_function(f"{BOAT}.runs.length === 1", timeout=TRAINING_TIMEOUT_MS)
    page.wait_for_timeout(700)  # the live line settles, and the page has come to the course
    assert page.evaluate("document.activeElement.id") == "br-train"
    assert "trained" in page.text_content("#boat-race-demo .demo-announce")
    course = page.locator("#br-course")
    box = course.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"], box
    for expected in ("br-pause", "br-reset", "br-watch"):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == expected
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "br-course"
    box = course.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert header["y"] + header["height"] - 1 <= box["y"]
    assert box["y"] + box["height"] <= page.viewport_size["height"]
    assert page.evaluate(BOAT)["mode"] == "replay"
    # After a reset there is nothing to watch: the link goes.
    page.click("#br-reset")
    assert not page.locator("#br-watch").is_visible()
