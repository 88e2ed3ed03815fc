"""The "In one minute" box on a phone, in Debian's Chromium: folded from the first paint to its
title and first lines, so each chapter's opening story starts on the first screen; a real button
opens it in place and folds it again. Whole on a desktop, without JavaScript, and in the
overview (scripts/summary_boxes.py, extra.css, minute-fold.js)."""

from __future__ import annotations

import pytest

from summary_boxes import FOLD_LABEL, SUMMARY_ID

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
BUTTON = f"{BOX} > button.ae-minute__toggle"
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
    assert phone_page.evaluate("document.activeElement.classList.contains('ae-minute__toggle')")
    button.click()
    assert button.get_attribute("aria-expanded") == "false"
    assert not _fully_shown(phone_page)
    assert FOLD_LABEL in button.inner_text()


def test_the_button_works_from_the_keyboard_and_keeps_the_focus(phone_page, site_url):
    phone_page.goto(f"{site_url}/rlhf.html")
    button = phone_page.locator(BUTTON)
    button.focus()
    phone_page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert _fully_shown(phone_page)
    assert phone_page.evaluate("document.activeElement.classList.contains('ae-minute__toggle')")
    phone_page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "false"
    assert phone_page.evaluate("document.activeElement.classList.contains('ae-minute__toggle')")


def test_focus_on_a_term_inside_the_folded_text_opens_it(phone_page, site_url):
    phone_page.goto(f"{site_url}/rlhf.html")
    phone_page.locator(f"{BOX} .glossary-term__name").last.focus()
    assert phone_page.locator(BUTTON).get_attribute("aria-expanded") == "true"
    assert _fully_shown(phone_page)


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


def test_the_overview_folds_nothing(phone_page, site_url):
    phone_page.goto(f"{site_url}/overview.html")
    assert phone_page.locator("button.ae-minute__toggle").count() == 0
    clipped = phone_page.evaluate(
        """[...document.querySelectorAll('.admonition.abstract > p:not(.admonition-title)')]
             .filter(p => p.clientHeight < p.scrollHeight || !p.offsetHeight).length"""
    )
    assert phone_page.locator(".admonition.abstract").count() >= 9
    assert clipped == 0
