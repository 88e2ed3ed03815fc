"""The "In one minute" box on a phone, in Debian's Chromium: folded from the first paint to its
title and first lines, so each chapter's opening story starts on the first screen; a real button
opens it in place and folds it again. Whole on a desktop, without JavaScript, and in the
overview (scripts/summary_boxes.py, extra.css, minute-fold.js)."""

from __future__ import annotations

import re

import pytest

from summary_boxes import FOLD_LABEL, SUMMARY_ID
from test_accessibility_browser import _describe, axe_violations
from test_glossary_terms_browser import focused_ax_node

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 844
PHONE = {
    "viewport": {"width": 390, "height": PHONE_HEIGHT},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
CHAPTERS = ["alignment-problem.html", "rlhf.html", "capability.html", "disagreement.html"]
BOX = f"#{SUMMARY_ID}"
BUTTON = f"{BOX} > button.ae-minute__toggle"  # at the box's foot (scripts/summary_boxes.py)
HEADING = f"{BOX} > .admonition-title > button.ae-minute__heading"  # the title (minute-fold.js)
# Where the box and the text it holds end, and where the chapter's opening story (the first
# paragraph after the box) starts, in CSS pixels from the top of the page.
MEASURE = """box => {
  const text = box.querySelector('.admonition-title + p');
  let story = box.nextElementSibling;
  while (story && story.tagName !== 'P') story = story.nextElementSibling;
  return {
    box: box.getBoundingClientRect().bottom,
    textShown: text.clientHeight,
    textFull: text.scrollHeight,
    story: story.getBoundingClientRect().top,
  };
}"""


@pytest.fixture(params=["light", "dark"])
def phone_page(request, browser):
    context = browser.new_context(**PHONE, color_scheme=request.param)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors


def _heard(page) -> tuple[str, str, bool | None]:
    """The focused element as a screen reader hears it (Chromium's accessibility tree): role,
    name, and whether it is expanded (None: no such state)."""
    node = focused_ax_node(page)
    expanded = next(
        (p["value"].get("value") for p in node.get("properties", []) if p["name"] == "expanded"),
        None,
    )
    return node["role"]["value"], node.get("name", {}).get("value", ""), expanded


def _hidden_from_screen_readers(page, element_id: str) -> bool:
    """Whether Chromium's accessibility tree leaves the element out (inert, aria-hidden, not
    rendered): what a screen reader cannot reach. Playwright's aria_snapshot does not know
    `inert`, so this asks Chromium."""
    cdp = page.context.new_cdp_session(page)
    try:
        element = cdp.send(
            "Runtime.evaluate", {"expression": f"document.getElementById('{element_id}')"}
        )
        (node, *_) = cdp.send(
            "Accessibility.getPartialAXTree",
            {"objectId": element["result"]["objectId"], "fetchRelatives": False},
        )["nodes"]
        return bool(node.get("ignored"))
    finally:
        cdp.detach()


def _focus_in_box(page) -> bool:
    return page.evaluate(f"!!document.activeElement.closest('{BOX}')")


def _fully_shown(page) -> bool:
    sizes = page.locator(BOX).evaluate(MEASURE)
    return sizes["textShown"] >= sizes["textFull"]


@pytest.mark.parametrize("path", CHAPTERS)
def test_on_a_phone_the_summary_is_folded_and_the_opening_story_on_the_first_screen(
    phone_page, site_url, path
):
    phone_page.goto(f"{site_url}/{path}")
    sizes = phone_page.locator(BOX).evaluate(MEASURE)
    assert sizes["textShown"] < sizes["textFull"] / 2, sizes
    assert sizes["story"] < PHONE_HEIGHT - 40, sizes  # at least a line of it
    button = phone_page.locator(BUTTON)
    assert button.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == SUMMARY_ID
    assert FOLD_LABEL in button.inner_text()


@pytest.mark.parametrize("path", CHAPTERS[:3])
def test_the_button_opens_the_summary_in_place_and_folds_it_again(phone_page, site_url, path):
    phone_page.goto(f"{site_url}/{path}")
    button = phone_page.locator(BUTTON)
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert _fully_shown(phone_page)
    last_words = phone_page.locator(f"{BOX} > p").last
    assert last_words.is_visible()
    last_words.scroll_into_view_if_needed()
    assert phone_page.locator(HEADING).get_attribute("aria-expanded") == "true"
    # Hidden from screen readers (the title is the control they hear), the foot's button takes
    # no focus from a press either.
    assert not phone_page.evaluate("document.activeElement.matches('.ae-minute__toggle')")
    button.click()
    assert button.get_attribute("aria-expanded") == "false"
    assert phone_page.locator(HEADING).get_attribute("aria-expanded") == "false"
    assert not _fully_shown(phone_page)
    assert FOLD_LABEL in button.inner_text()


def test_the_title_works_from_the_keyboard_and_keeps_the_focus(phone_page, site_url):
    phone_page.goto(f"{site_url}/rlhf.html")
    heading = phone_page.locator(HEADING)
    heading.focus()
    phone_page.keyboard.press("Enter")
    assert heading.get_attribute("aria-expanded") == "true"
    assert phone_page.locator(BUTTON).get_attribute("aria-expanded") == "true"  # its label
    assert _fully_shown(phone_page)
    assert phone_page.evaluate("document.activeElement.classList.contains('ae-minute__heading')")
    phone_page.keyboard.press("Space")
    assert heading.get_attribute("aria-expanded") == "false"
    assert not _fully_shown(phone_page)
    assert phone_page.evaluate("document.activeElement.classList.contains('ae-minute__heading')")


def test_a_tap_on_the_folded_text_opens_it(phone_page, site_url):
    """The folded text is inert, so a tap on it (a glossary term in it, say) reaches the box,
    which opens; the term works once the text is open."""
    phone_page.goto(f"{site_url}/rlhf.html")
    term = phone_page.locator(f"{BOX} .glossary-term__name").last
    term.scroll_into_view_if_needed()
    box = term.bounding_box()
    assert box
    phone_page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert phone_page.locator(HEADING).get_attribute("aria-expanded") == "true"
    assert _fully_shown(phone_page)
    term.tap()
    assert phone_page.evaluate("document.activeElement.matches('.glossary-term__name')")


@pytest.mark.parametrize("path", CHAPTERS[:2])
def test_a_screen_reader_meets_the_fold_as_a_disclosure_named_in_one_minute(
    phone_page, site_url, path
):
    """A keyboard-and-screen-reader walkthrough: the toggle was the button at the box's foot,
    "Read the one-minute summary" (renamed "Show less" once open), after a text only clipped for
    the eye: a screen reader heard the whole summary and then a collapsed button offering it, and
    aria-controls named the box that holds the button itself. Now the title is the disclosure
    ("In one minute", button, collapsed, in its level-2 heading), it controls the text, the
    folded text is out of the accessibility tree and the Tab order (not only clipped), and the
    foot's button, a second way in for a finger, is no second control to a screen reader."""
    phone_page.goto(f"{site_url}/{path}")
    box = phone_page.locator(BOX)
    folded = box.aria_snapshot()
    assert re.search(r'heading "In one minute" \[level=2\]:\s+- button "In one minute"', folded), (
        folded
    )
    assert FOLD_LABEL not in folded, folded
    violations = axe_violations(phone_page, context={"include": [[BOX]]})
    assert not violations, _describe(violations)
    # Tab from the page's title: the title's button is the box's one stop.
    phone_page.locator("article h1").evaluate("h => { h.tabIndex = -1; h.focus(); }")
    for _ in range(10):
        phone_page.keyboard.press("Tab")
        if _focus_in_box(phone_page):
            break
    assert _heard(phone_page) == ("button", "In one minute", False)
    controls = phone_page.evaluate("document.activeElement.getAttribute('aria-controls')") or ""
    controlled = phone_page.evaluate(
        "ids => ids.map(id => document.getElementById(id)?.parentElement.id)", controls.split()
    )
    assert controlled and set(controlled) == {SUMMARY_ID}, controls  # the box's text, not the box
    assert all(_hidden_from_screen_readers(phone_page, c) for c in controls.split())
    phone_page.keyboard.press("Tab")
    assert not _focus_in_box(phone_page), "Tab went into the folded text"
    phone_page.keyboard.press("Shift+Tab")
    phone_page.keyboard.press("Enter")
    assert _heard(phone_page) == ("button", "In one minute", True)
    assert _fully_shown(phone_page)
    assert not any(_hidden_from_screen_readers(phone_page, c) for c in controls.split())
    opened = box.aria_snapshot()
    assert FOLD_LABEL not in opened and "Show less" not in opened, opened
    phone_page.keyboard.press("Space")
    assert _heard(phone_page) == ("button", "In one minute", False)
    assert all(_hidden_from_screen_readers(phone_page, c) for c in controls.split())


def test_the_fold_fades_into_the_box_own_background_in_both_schemes(phone_page, site_url):
    phone_page.goto(f"{site_url}/rlhf.html")
    fade, box = phone_page.locator(BOX).evaluate(
        """box => [getComputedStyle(box.querySelector('.admonition-title + p'), '::after')
                   .backgroundImage, getComputedStyle(box).backgroundColor]"""
    )
    assert fade.startswith("linear-gradient") and fade.endswith(f"{box})"), (fade, box)


@pytest.mark.parametrize("path", CHAPTERS[:3])
def test_on_a_desktop_the_summary_is_whole_and_the_button_hidden(browser, site_url, path):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    assert _fully_shown(page)
    assert not page.locator(BUTTON).is_visible()
    # The title is plain text, and nothing in the box is out of a screen reader's reach.
    assert page.locator(HEADING).count() == 0
    assert page.locator(f"{BOX} [inert]").count() == 0
    context.close()


def test_without_javascript_a_phone_shows_the_whole_summary(browser, site_url):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    for path in CHAPTERS[:3]:
        page.goto(f"{site_url}/{path}")
        assert _fully_shown(page), path
        assert not page.locator(BUTTON).is_visible(), path
    context.close()


def test_printing_on_a_phone_shows_the_whole_summary_without_the_button(phone_page, site_url):
    phone_page.goto(f"{site_url}/rlhf.html")
    phone_page.emulate_media(media="print")
    assert _fully_shown(phone_page)
    assert not phone_page.locator(BUTTON).is_visible()
    phone_page.wait_for_function(f"!document.querySelector('{BOX} [inert]')", timeout=2_000)


def test_the_overview_folds_nothing(phone_page, site_url):
    phone_page.goto(f"{site_url}/overview.html")
    assert phone_page.locator("button.ae-minute__toggle").count() == 0
    clipped = phone_page.evaluate(
        """[...document.querySelectorAll('.admonition.abstract > p:not(.admonition-title)')]
             .filter(p => p.clientHeight < p.scrollHeight || !p.offsetHeight).length"""
    )
    assert phone_page.locator(".admonition.abstract").count() >= 9
    assert clipped == 0
