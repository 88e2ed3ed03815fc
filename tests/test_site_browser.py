"""The site as a reader meets it, in a real headless Chromium: loads cleanly, searches, themes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import wait_until_search_results_settle

pytestmark = pytest.mark.browser


def test_home_page_loads_without_errors_or_foreign_requests(page, page_log, site_url):
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    assert page.title().startswith("Alignment Explained: ")  # and what it is about
    assert page_log.console_errors == []
    assert page_log.page_errors == []
    assert page_log.foreign_requests == []


def test_every_nav_page_loads_without_foreign_requests(page, page_log, site_url, site_dir):
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    assert "rlhf.html" in pages and "further-reading.html" in pages
    for rel in pages:
        if rel.startswith("assets/"):
            continue
        page.goto(f"{site_url}/{rel}")
        page.wait_for_load_state("networkidle")
    assert page_log.foreign_requests == []
    assert page_log.page_errors == []
    assert page_log.console_errors == []


def test_search_finds_a_chapter_and_opens_it(page, site_url):
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")  # the search worker has its index
    search = page.locator("input.md-search__input")
    search.focus()  # as Tab reaches it (Material's "/" shortcut is off: shortcuts-off.js)
    expect(search).to_be_focused()
    search.press_sequentially("Goodhart", delay=30)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible(timeout=10_000)
    titles = page.locator(".md-search-result__item").all_inner_texts()
    assert any("Goodhart" in t for t in titles), titles
    # Highlighting: the result list marks the matched term.
    assert page.locator(".md-search-result mark").count() > 0
    chapter = page.locator(".md-search-result__item a").filter(
        has=page.locator("h1", has_text=re.compile(r"^Goodhart.s Law$"))
    )
    chapter.first.click()
    page.wait_for_load_state("load")
    assert re.search(r"/goodhart\.html", page.url)
    expect(page.locator("h1").first).to_have_text(re.compile("Goodhart"))


def test_a_search_result_chosen_by_keyboard_shows_the_focus_ring(page, site_url):
    """Material marks the result the arrow keys reach with a faint tint only (about 1.2:1
    against the others); it gets the site's focus ring, as every other control does."""
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").press_sequentially("Goodhart", delay=30)
    expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=10_000)
    # Material renders results as the query arrives, and a list drawn again after the arrow keys
    # reached it takes the focus with it (a fresh-clone run lost it so): first wait until the
    # list has stopped changing, then move; a press before that is lost: press until it takes.
    wait_until_search_results_settle(page)
    in_results = "document.activeElement.closest('.md-search-result') !== null"
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        if page.evaluate(in_results):
            break
        page.wait_for_timeout(300)
    for step in range(2):  # a result, then the next (or its "N more on this page")
        if step:
            page.keyboard.press("ArrowDown")
        ring = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            f" return [{in_results}, s.outlineStyle, parseFloat(s.outlineWidth)]; }})()"
        )
        assert ring[0] and ring[1] == "solid" and ring[2] >= 2, ring


def test_tab_never_stops_on_the_closed_search_pane_and_the_result_count_is_spoken(page, site_url):
    """Material's results pane was a Tab stop while search was closed (0 px tall: the focus
    vanished between the search field and the navigation), and its "12 matching documents"
    changed silently for a screen reader (search-a11y.js)."""
    page.goto(f"{site_url}/rlhf.html")
    stops = []
    for _ in range(6):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                "(() => { const a = document.activeElement, r = a.getBoundingClientRect();"
                " return [a.className.toString(), r.width * r.height]; })()"
            )
        )
    assert not [s for s in stops if "md-search__scrollwrap" in s[0]], stops
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"


def test_search_for_a_glossary_term_lands_on_its_definition(page, site_url):
    """The glossary's headings are letter ranges; a search for a term once returned "J–P", a
    run of every definition from Jailbreak on, and landed on the letter. Now the result is the
    term with its own definition, and it lands on the term, clear of the header."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Search").click()
    page.locator("input.md-search__input").press_sequentially("sycophancy", delay=30)
    term = page.locator(".md-search-result a[href*='glossary.html'][href$='#sycophancy']").first
    expect(term).to_be_visible(timeout=10_000)
    expect(term).to_contain_text("A model telling people what they seem to want to hear")
    term.click()
    page.wait_for_load_state("load")
    target = page.locator("dt#sycophancy")
    expect(target).to_be_visible()
    header = page.locator(".md-header").bounding_box()
    box = target.bounding_box()
    assert header["y"] + header["height"] <= box["y"] < 844 / 2, (box, header)


def _scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_colour_scheme_follows_system_preference(browser, site_url):
    for preference, expected in (("light", "default"), ("dark", "slate")):
        context = browser.new_context(color_scheme=preference)
        page = context.new_page()
        page.goto(f"{site_url}/index.html")
        assert _scheme(page) == expected
        context.close()


def test_dark_mode_toggle_switches_scheme_and_colours(browser, site_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    background = "getComputedStyle(document.body).backgroundColor"
    light_bg = page.evaluate(background)
    assert _scheme(page) == "default"
    # One tap flips the scheme: a light-mode reader's first tap turns the page dark (a third,
    # "system" state once made the first tap change only the icon), and the next turns it back.
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert _scheme(page) == "slate"
    assert page.evaluate(background) != light_bg
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert _scheme(page) == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    # The choice persists across navigation.
    page.goto(f"{site_url}/rlhf.html")
    assert _scheme(page) == "slate"
    context.close()


def test_the_colour_toggle_answers_space_as_well_as_enter(browser, site_url):
    """A keyboard user presses Space on a button; on Material's toggle (radio buttons, which
    answer Enter) it did nothing until palette-keys.js. The focus stays on the toggle, and the
    choice is kept like a click's."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    page.locator("form[data-md-component=palette] input.md-option").first.focus()
    page.keyboard.press("Space")
    assert _scheme(page) == "slate"
    assert page.evaluate("document.activeElement.matches('input.md-option:checked')")
    page.keyboard.press("Space")
    assert _scheme(page) == "default"
    page.keyboard.press("Enter")  # Material's own key still works beside it
    assert _scheme(page) == "slate"
    page.goto(f"{site_url}/rlhf.html")
    assert _scheme(page) == "slate"
    context.close()


def test_further_reading_shows_the_works_one_chapter_cites(page, page_log, site_url, site_dir):
    """A reader after more on one subject picks its chapter: the list keeps the works that page
    cites (as many as its References list), hides the groups left empty, and keeps the choice
    in the address; "any page" brings everything back. From file:// too. The filter keeps to
    the running text's measure."""
    page.goto(f"{site_url}/rlhf.html")
    cited = page.locator("li.citation-reference").count()
    page.goto(f"{site_url}/further-reading.html")
    entries = page.locator(".further-reading__entry")
    everything = entries.count()
    assert everything > 100 and page.locator("form.further-reading__filter").is_visible()
    # within the text's measure on a desktop: its count of works once ran 9 px past the text
    edges = page.evaluate(
        "() => [document.querySelector('article.md-typeset > p:not([class])'),"
        " document.querySelector('form.further-reading__filter')]"
        ".map(e => e.getBoundingClientRect().right)"
    )
    assert edges[1] <= edges[0] + 1, edges
    page.select_option("#further-reading-chapter", "rlhf.html")
    shown = page.locator(".further-reading__entry:visible")
    expect(page.locator(".further-reading__shown")).to_have_text(f"{cited} works cited in RLHF")
    assert shown.count() == cited
    for n in range(shown.count()):
        links = shown.nth(n).locator(".further-reading__cited a")
        hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
        assert any(h.startswith("rlhf.html#") for h in hrefs), hrefs
    for heading in page.locator("h2").all():  # a group with no work cited in RLHF goes
        if heading.is_visible():
            group = heading.locator(
                "xpath=following-sibling::*[contains(@class,'further-reading')][1]"
            )
            assert group.locator(".further-reading__entry:visible").count() > 0
    assert page.url.endswith("further-reading.html?cited-in=rlhf.html")
    page.reload()
    assert page.locator(".further-reading__entry:visible").count() == cited
    page.select_option("#further-reading-chapter", "")
    assert page.locator(".further-reading__entry:visible").count() == everything
    page.select_option("#further-reading-chapter", "rlhf.html")
    for heading in page.locator("h2[id]").all():  # the contents list no group the filter hides
        toc = page.locator(f'.md-nav--secondary a[href="#{heading.get_attribute("id")}"]')
        for n in range(toc.count()):  # the sidebar's, and the phone menu's copy
            listed = toc.nth(n).evaluate("a => !a.closest('li').hidden")
            assert listed == heading.is_visible(), heading.get_attribute("id")
    # A link to a work the filter hides (from a chapter, with the filter kept in the address)
    # shows everything again, and the work.
    hidden = page.locator(".further-reading__entry:not(:visible)").first.get_attribute("id")
    page.goto(f"{site_url}/further-reading.html?cited-in=rlhf.html#{hidden}")
    work = page.locator(f"#{hidden}")
    expect(work).to_be_visible()
    expect(page.locator(".further-reading__shown")).to_have_text(f"All {everything} works")
    page.wait_for_function(
        "e => { const y = e.getBoundingClientRect().top; return y >= 0 && y < innerHeight; }",
        arg=work.element_handle(),
    )
    page.goto((site_dir / "further-reading.html").as_uri())
    page.select_option("#further-reading-chapter", "goodhart.html")
    assert 0 < page.locator(".further-reading__entry:visible").count() < everything
    assert page_log.page_errors == []


def _first_results(page, site_url: str, query: str) -> list[str]:
    """The titles of the first result and of its sections as Material lists them (the page,
    then its best sections), after typing `query` into the search field."""
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")  # the search worker has its index
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    wait_until_search_results_settle(page)
    return page.locator(".md-search-result__item").first.locator("h1, h2").all_inner_texts()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # the site says neither; the glossary's related terms lead to where it explains the idea
        ("paperclip maximizer", "Instrumental convergence"),
        ("AGI", "Superintelligence"),
        # "we" found "Weights" (every query word is a prefix); common words are left out now
        ("can we just turn it off", "Corrigibility"),
        # "p" found PPO; single letters are left out, and "doom" is a related term
        ("p(doom)", "Existential catastrophe"),
    ],
)
def test_a_newcomers_search_finds_the_idea_first(page, site_url, query, first):
    """A first-time reader's review (finding 5): what newcomers type found nothing, or the
    glossary's Weights for "can we just turn it off" and PPO for "p(doom)"."""
    titles = _first_results(page, site_url, query)
    assert titles[:2] == ["Glossary", first], titles
    # the result shows why it matched: the related term, as a label under the definition
    if query != "can we just turn it off":
        tags = page.locator(".md-search-result__item").first.locator(".md-tag")
        shown = tags.evaluate_all("ts => ts.map(t => t.textContent.trim().toLowerCase())")
        assert query.lower() in shown, shown


def test_related_terms_show_under_their_glossary_entry(page, site_url):
    page.goto(f"{site_url}/glossary.html")
    related = page.locator("dd:has(+ dt#interpretability), dt#superintelligence + dd").locator(
        "p.glossary__related"
    )
    expect(related.last).to_have_text("Related terms: AGI, artificial general intelligence")


def test_a_search_that_finds_nothing_offers_a_way_on(page, site_url, site_dir):
    """Material said only "No matching documents". A line under it says why and links to the
    glossary; it goes once something matches. From file:// too."""
    hint = page.locator(".ae-search-hint")
    for url in (
        f"{site_url}/demos/boat-race.html",
        (site_dir / "demos" / "boat-race.html").as_uri(),
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        field = page.locator("input.md-search__input")
        field.click()
        page.wait_for_selector(".md-search-result__meta:has-text('Type to start searching')")
        expect(hint).to_be_hidden()
        field.press_sequentially("hallucination", delay=20)
        expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
        expect(hint).to_be_visible()
        expect(hint).to_contain_text("hallucination")
        assert hint.get_attribute("role") == "status"
        field.fill("")
        field.press_sequentially("the", delay=20)  # only a common word: nothing is searched
        expect(hint).to_be_visible()
        expect(hint).to_contain_text("the")
        field.press_sequentially(" reward", delay=20)
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
        expect(hint).to_be_hidden()
        field.fill("")
        field.press_sequentially("hallucination", delay=20)
        expect(hint).to_be_visible()
        page.locator(".ae-search-hint a").click()
        page.wait_for_load_state("load")
        assert re.search(r"/glossary\.html$", page.url), page.url


def test_the_arrow_keys_reach_the_glossary_link_of_an_empty_search(page, site_url):
    """Material's arrow keys move through every link in the results pane (Tab closes search):
    with nothing found they reach the hint's link, and Enter follows it. While the hint is
    hidden its link is out of that list (a hidden link there had stopped the arrow keys, with
    results shown: test_a_search_result_chosen_by_keyboard_shows_the_focus_ring)."""
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    field = page.locator("input.md-search__input")
    field.focus()
    field.press_sequentially("hallucination", delay=20)
    expect(page.locator(".ae-search-hint")).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".ae-search-hint a")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/glossary\.html$"))
