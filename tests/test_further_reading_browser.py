"""Further reading as a screen reader and a sighted reader meet it: each group a list of works,
so a screen reader says how many a group holds and moves from one work to the next; no bullets
and no list indent on screen."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_each_group_is_a_list_of_its_works(page, site_url, site_dir):
    page.goto(f"{site_url}/further-reading.html")
    html = (site_dir / "further-reading.html").read_text(encoding="utf-8")
    entries = html.count('class="further-reading__entry"')
    lists = page.get_by_role("list").filter(has=page.locator(".further-reading__entry"))
    assert lists.count() >= 4, "one list per group (Start here, Papers, Books, ...)"
    items = sum(
        lists.nth(i).get_by_role("listitem").filter(has=page.locator(".citation-ref")).count()
        for i in range(lists.count())
    )
    assert items == entries > 100
    first = page.locator(".further-reading__entry").first
    assert first.evaluate("li => getComputedStyle(li).listStyleType") == "none"
    heading = page.locator(".md-content h2").first.bounding_box()
    box = first.bounding_box()
    assert heading and box and abs(box["x"] - heading["x"]) < 1, "no list indent"


# --- Folds: Start here, then a line per topic on a phone; everything open on a wide screen -----

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
# The page on a 390x844 phone before the topics were folded (one list per kind): 69,422 px, 82
# screens. Folded, Start here and a heading and a summary per topic: some 6,000 px.
PHONE_SCREENS = 10


def _open(browser, viewport, url: str, **options):
    context = browser.new_context(viewport=viewport, **options)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    return context, tab, errors


def _folds(tab) -> list[bool]:
    return tab.eval_on_selector_all("details.further-reading__fold", "ds => ds.map(d => d.open)")


def test_a_phone_meets_start_here_then_a_folded_line_per_topic(browser, site_url, site_dir):
    from playwright.sync_api import expect

    html = (site_dir / "further-reading.html").read_text(encoding="utf-8")
    entries = html.count('class="further-reading__entry"')
    context, tab, errors = _open(browser, PHONE, f"{site_url}/further-reading.html")
    height = tab.evaluate("document.documentElement.scrollHeight")
    print(f"Further reading on a 390x844 phone: {height} px, {height / 844:.1f} screens")
    assert height < PHONE_SCREENS * 844, height
    folds = _folds(tab)
    assert len(folds) >= 8 and not any(folds), "every topic comes folded on a phone"
    start = tab.locator("#start-here ~ .further-reading .further-reading__entry")
    assert start.count() >= 4 and start.first.is_visible(), "Start here is never folded"
    assert tab.locator(".further-reading__entry").count() == entries, "nothing left out"
    assert not tab.locator(".further-reading__jump").is_visible(), "the folds are the index"
    summary = tab.locator("details.further-reading__fold > summary").nth(1)
    expect(summary).to_have_text(re.compile(r"^\d+ works: (\d+ \w+(, )?)+$"))
    box = summary.bounding_box()
    assert box and box["height"] >= 44, "a summary a thumb can hit"
    summary.click()
    fold = tab.locator("details.further-reading__fold").nth(1)
    assert fold.evaluate("d => d.open")
    expect(fold.locator(".further-reading__entry").first).to_be_visible()
    assert errors == []
    context.close()


def test_a_wide_screen_gets_every_topic_open(browser, site_url):
    context, tab, errors = _open(browser, DESKTOP, f"{site_url}/further-reading.html")
    assert all(_folds(tab)) and len(_folds(tab)) >= 8
    assert (
        tab.locator(".further-reading__entry:visible").count()
        == tab.locator(".further-reading__entry").count()
    )
    assert tab.locator(".further-reading__jump").is_visible()
    assert errors == []
    context.close()


def test_without_scripts_a_phone_gets_everything_open(browser, site_url):
    context, tab, _ = _open(
        browser, PHONE, f"{site_url}/further-reading.html", java_script_enabled=False
    )
    assert all(_folds(tab))
    assert (
        tab.locator(".further-reading__entry:visible").count()
        == tab.locator(".further-reading__entry").count()
    )
    context.close()


def _folded_work_cited_in(tab, chapter: str) -> str:
    """A work a chapter cites whose entry is in a topic's fold (not in Start here)."""
    keys = tab.eval_on_selector_all(
        "details.further-reading__fold .further-reading__entry",
        "es => es.map(e => [e.id, e.dataset.citedIn])",
    )
    return next(key for key, cited in keys if chapter in cited.split() and key)


def _lands_on_open_entry(tab, key: str) -> None:
    from playwright.sync_api import expect

    entry = tab.locator(f"#{key}")
    expect(entry).to_be_visible()
    expect(entry).to_be_in_viewport()
    assert entry.evaluate("e => e.closest('details').open")
    assert entry.evaluate("e => e.matches(':target')")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_chapters_link_to_a_work_lands_on_its_entry_opened(browser, site_url, viewport):
    """A chapter's References: "In Further reading" lands on the work, its topic opened,
    in view, outlined (:target); a later group's work, so the page must scroll to it."""
    context, tab, errors = _open(browser, viewport, f"{site_url}/further-reading.html")
    key = _folded_work_cited_in(tab, "disagreement.html")
    tab.goto(f"{site_url}/disagreement.html")
    link = tab.locator(f'a.citation-reference__more[href="further-reading.html#{key}"]')
    assert link.count() == 1
    link.evaluate("a => a.click()")  # the References fold may be closed on a phone
    tab.wait_for_url(f"**/further-reading.html#{key}")
    tab.wait_for_load_state("networkidle")
    _lands_on_open_entry(tab, key)
    if viewport is PHONE:  # only its own topic opens
        assert sum(_folds(tab)) == 1
    assert errors == []
    context.close()


def test_an_address_or_a_link_on_the_page_opens_the_fold_it_names(browser, site_url, site_dir):
    """From file:// too: an address naming a work; then, on the page, a new address (a
    tooltip's or the contents list's link) naming a topic or a work in a closed fold."""
    context, tab, errors = _open(browser, PHONE, f"{site_url}/further-reading.html")
    key = _folded_work_cited_in(tab, "goodhart.html")
    other = _folded_work_cited_in(tab, "rlhf.html")
    context.close()
    context, tab, errors = _open(
        browser, PHONE, (site_dir / "further-reading.html").as_uri() + f"#{key}"
    )
    _lands_on_open_entry(tab, key)
    tab.evaluate("id => { location.hash = '#' + id; }", other)
    tab.wait_for_timeout(200)
    _lands_on_open_entry(tab, other)
    tab.evaluate(
        "document.querySelectorAll('details.further-reading__fold').forEach(d => d.open = false)"
    )
    tab.evaluate("() => { location.hash = '#rlhf'; }")
    tab.wait_for_timeout(200)
    fold = tab.locator("#rlhf ~ details.further-reading__fold").first
    assert fold.evaluate("d => d.open"), "a topic's heading named: its fold opens"
    tab.emulate_media(media="print")
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(_folds(tab)), "printing opens every fold"
    assert errors == []
    context.close()


def test_the_filter_opens_the_topics_it_keeps_and_says_how_many_each_shows(browser, site_url):
    from playwright.sync_api import expect

    context, tab, errors = _open(browser, PHONE, f"{site_url}/further-reading.html")
    tab.select_option("#further-reading-chapter", "rlhf.html")
    cited = tab.eval_on_selector_all(
        ".further-reading__entry",
        "es => es.filter(e => e.dataset.citedIn.split(' ').includes('rlhf.html')).length",
    )
    expect(tab.locator(".further-reading__shown")).to_have_text(f"{cited} works cited in RLHF")
    shown = tab.locator(".further-reading__entry:visible")
    assert shown.count() == cited, "every work kept is visible: its fold opened"
    for summary in tab.locator("details.further-reading__fold:visible > summary").all():
        expect(summary).to_have_text(re.compile(r"^\d+ of \d+ cited in RLHF$"))
    tab.select_option("#further-reading-chapter", "")
    assert not any(_folds(tab)), "all works again: folded as on arrival"
    expect(tab.locator("details.further-reading__fold > summary").first).to_have_text(
        re.compile(r"^\d+ works: ")
    )
    assert errors == []
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_further_reading_folded_or_open_passes_axe(browser, site_url, viewport):
    from test_accessibility_browser import _describe, axe_violations

    context, tab, _ = _open(
        browser, viewport, f"{site_url}/further-reading.html", reduced_motion="reduce"
    )
    violations = axe_violations(tab)
    assert violations == [], _describe(violations)
    context.close()
