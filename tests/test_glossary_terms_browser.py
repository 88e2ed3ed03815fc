"""Glossary terms from the keyboard and to a screen reader, in a real browser: a term reached with
Tab is announced as a link named by its own text and described by its definition (Chromium's
accessibility tree, as a screen reader gets it, and Playwright's reading of the ARIA rules), and
Enter takes the reader to the term's entry in the glossary, as the tooltip's "In the glossary"
link does; Escape closes the tooltip first if the reader wants. The mouse and a touch screen
keep what they had (tests/test_citations_browser.py): hover shows the definition, a tap on the
term only opens it, and the tooltip's link goes on."""

from __future__ import annotations

import re

import pytest

from conftest import TAPPABLE_TERM

pytestmark = pytest.mark.browser

PAGES = ["index.html", "rlhf.html"]
FOCUSED_IS_A_TERM = "document.activeElement.classList.contains('glossary-term__name')"


def tab_to_first_term(page):
    """Tab from the top of the page to the first glossary term: that term's locator."""
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_IS_A_TERM):
            tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
            return page.locator(f".glossary-term__name[aria-describedby='{tip_id}']")
    pytest.fail("Tab never reached a glossary term")


def focused_ax_node(page) -> dict:
    """The focused element as Chromium's accessibility tree has it (what a screen reader reads)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Accessibility.enable")
    focused = cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})
    nodes = cdp.send(
        "Accessibility.getPartialAXTree",
        {"objectId": focused["result"]["objectId"], "fetchRelatives": False},
    )["nodes"]
    cdp.detach()
    return nodes[0]


def definition_of(term) -> str:
    """The definition the term's tooltip shows (its text before the "In the glossary" link)."""
    tip = term.page.locator(f"#{term.get_attribute('aria-describedby')}")
    return tip.evaluate(
        "t => Array.from(t.childNodes).filter(n => n.nodeType === Node.TEXT_NODE)"
        ".map(n => n.textContent).join('').trim()"
    )


def entry_href(term) -> str:
    tip_id = term.get_attribute("aria-describedby")
    return term.page.locator(f"#{tip_id} a.glossary-term__more").get_attribute("href")


@pytest.mark.parametrize("path", PAGES)
def test_a_focused_term_is_a_link_named_by_its_text_and_described_by_its_definition(
    page, site_url, path: str
) -> None:
    """Chromium exposed the focused <abbr> in its internal 'Abbr' role, which no screen reader
    names as anything, and by the ARIA rules (Playwright's aria snapshot) it was no element at
    all, only text: a generic element may have no name."""
    page.goto(f"{site_url}/{path}")
    term = tab_to_first_term(page)
    text = term.inner_text()
    definition = definition_of(term)
    assert text and len(definition) > 20
    node = focused_ax_node(page)
    assert node["role"]["value"] == "link", node["role"]
    assert node["name"]["value"] == text
    assert node["description"]["value"].startswith(definition), node.get("description")
    # By the ARIA rules too: a link of that name, and it is the focused term.
    named = page.get_by_role("link", name=text, exact=True)
    assert any(
        named.nth(i).evaluate("e => e === document.activeElement") for i in range(named.count())
    )
    assert f'- link "{text}"' in term.locator("xpath=..").aria_snapshot()


@pytest.mark.parametrize("path", PAGES)
def test_enter_on_a_focused_term_opens_its_glossary_entry(
    page, page_log, site_url, path: str
) -> None:
    page.goto(f"{site_url}/{path}")
    term = tab_to_first_term(page)
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    tip.wait_for(state="visible")
    href = entry_href(term)
    anchor = href.split("#", 1)[1]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/glossary\.html#{re.escape(anchor)}$"))
    entry = page.locator(f"dt#{anchor}")
    assert entry.is_visible()
    assert page_log.page_errors == []


def test_escape_closes_a_focused_terms_tooltip_and_enter_still_leads_on(page, site_url) -> None:
    page.goto(f"{site_url}/rlhf.html")
    term = tab_to_first_term(page)
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert page.evaluate(FOCUSED_IS_A_TERM)  # the focus stays on the term
    href = entry_href(term)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{href}")


def test_one_tab_stop_per_term(page, site_url) -> None:
    """The term itself leads to the entry, so the tooltip's own link is not a second stop."""
    page.goto(f"{site_url}/rlhf.html")
    tab_to_first_term(page)
    page.keyboard.press("Tab")
    assert page.evaluate("!document.activeElement.closest('.glossary-term__tip')")


def test_hover_shows_the_definition_and_a_click_follows_the_term(page, site_url) -> None:
    """The pointer as before: hovering shows the definition and stays on the page; a click on
    the link the term is (as on a citation, or by voice control: "click reward model") goes to
    its entry."""
    page.goto(f"{site_url}/rlhf.html")
    term = page.locator(".glossary-term__name").first
    term.scroll_into_view_if_needed()
    url = page.url
    term.hover()
    page.locator(f"#{term.get_attribute('aria-describedby')}").wait_for(state="visible")
    page.wait_for_timeout(300)
    assert page.url == url
    href = entry_href(term)
    term.click()
    page.wait_for_url(f"**/{href}")


def test_taps_on_a_term_only_open_its_tooltip_whose_link_goes_on(phone, site_url) -> None:
    """On a touch screen a tap never follows the term (a reader cannot hover there): it opens
    the definition, the next tap closes it, as on a citation; the tooltip's "In the glossary"
    link goes to the entry."""
    phone.goto(f"{site_url}/rlhf.html")
    term = phone.locator(TAPPABLE_TERM).first
    term.scroll_into_view_if_needed()
    url = phone.url
    tip = phone.locator(f"#{term.get_attribute('aria-describedby')}")
    for state in ("visible", "hidden", "visible"):
        term.tap()
        tip.wait_for(state=state)
        phone.wait_for_timeout(400)
        assert phone.url == url
    more = tip.locator("a.glossary-term__more")
    href = more.get_attribute("href")
    more.tap()
    phone.wait_for_url(f"**/{href}")


def test_a_drag_across_a_term_stays_and_a_modified_click_opens_a_new_tab(page, site_url) -> None:
    """A reader dragging across a term to select it is not sent to the glossary; Ctrl-click
    and the middle button open the entry in a new tab, as on a link; the term points like one."""
    url = f"{site_url}/rlhf.html"
    page.goto(url)
    term = page.locator(".glossary-term__name").first
    term.scroll_into_view_if_needed()
    assert term.evaluate("t => getComputedStyle(t).cursor") == "pointer"
    box = term.bounding_box()
    assert box
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_timeout(300)
    assert page.url == url, "a drag is not a click"
    href = entry_href(term)
    for click in (
        lambda: term.click(modifiers=["ControlOrMeta"]),
        lambda: term.click(button="middle"),
    ):
        with page.context.expect_page() as opened:
            click()
        opened.value.wait_for_load_state()
        assert opened.value.url.endswith(href.split("/")[-1]), opened.value.url
        opened.value.close()
        assert page.url == url
