"""Reading comfort, measured in Debian's Chromium: tables in nearly the text's size on every
screen (and none that starts to scroll sideways for it), the glossary on a phone (definitions at
the column's edge, the "Jump to" line in reach from every entry, and every jump landing clear of
the header and that line), the phone header as a screen reader hears it (a search button named
"Search", no unnamed images), and search (a page listed for its sections opens with the query
marked; words end at punctuation, so "(DPO)" is found by DPO)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import TAPPABLE_TERM
from test_accessibility_browser import WCAG_AA, _describe, axe_violations

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
TABLET = {"viewport": {"width": 768, "height": 1024}}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
DEVICES: dict[str, dict] = {"phone": PHONE, "tablet": TABLET, "desktop": DESKTOP}
# An ordinary two-column table, a chapter's table of results, the widest data table, a table in
# a "More evidence" fold and a small one.
TABLE_PAGES = [
    "disagreement.html",
    "constitutional-ai.html",
    "research.html",
    "capability.html",
    "goodhart.html",
]
# A table's text beside the text around it: the chapter's, or its fold's in a reading fold (set
# a little smaller than the chapter's, extra.css).
CELL_AND_TEXT_SIZES = """() => {
  const size = e => parseFloat(getComputedStyle(e).fontSize);
  const article = document.querySelector('article.md-typeset');
  return {
    text: size(article),
    cells: [...document.querySelectorAll('article table')].map(t => ({
      caption: t.caption ? t.caption.textContent.trim() : '',
      cards: t.hasAttribute('data-stack') && getComputedStyle(t).display === 'block',
      size: size(t.querySelector('tbody td')),
      around: size(t.closest('details') || article),
    })),
  };
}"""


def _open(browser, device: dict, scheme: str = "light"):
    context = browser.new_context(**device, color_scheme=scheme)
    return context, context.new_page()


def _table_pages(site_dir: Path) -> list[str]:
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if "<table" in p.read_text(encoding="utf-8") and "assets/" not in p.as_posix()
    )


# --- Folds read as text --------------------------------------------------------------------------

# Pages with a fold of each kind a reader opens to read on: "More evidence", a formula, Home's
# earlier news.
FOLD_PAGES = ["specification-gaming.html", "goodhart.html", "rlhf.html", "index.html"]


@pytest.mark.parametrize("path", FOLD_PAGES)
def test_a_reading_fold_is_set_in_nearly_the_texts_size(browser, site_url, path):
    """Material sets folds in an aside's small type (about 13 px on a phone); a "More evidence"
    fold is a dozen lines of reading, and a reader found it tiring (second reader review). Its
    text is within 10% of the chapter's on a phone, as the one-minute summary's is."""
    context, page = _open(browser, PHONE)
    try:
        page.goto(f"{site_url}/{path}")
        sizes = page.evaluate(
            """() => { const size = e => parseFloat(getComputedStyle(e).fontSize);
              const folds = [...document.querySelectorAll('article details:is(.note, .info)')];
              return { text: size(document.querySelector('article.md-typeset > p')),
                       folds: folds.map(d => ({ title: d.querySelector('summary').textContent.trim(),
                                                size: size(d.querySelector('summary ~ *')) })) }; }"""
        )
        assert sizes["folds"], f"{path} has no reading fold any more: update FOLD_PAGES"
        for fold in sizes["folds"]:
            assert fold["size"] >= 0.9 * sizes["text"], (path, fold, sizes["text"])
    finally:
        context.close()


# --- Tables ------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", DEVICES, ids=list(DEVICES))
def test_table_text_is_nearly_the_texts_size(browser, site_url, device, scheme):
    """Material set every table at 0.64rem, 12.8 px against the text's 16.8: the smallest print
    on a chapter's page, and on a phone beside tables set as cards in the text's size. Now
    15-16.8 px everywhere, and on a phone every table in the text's own size."""
    context, page = _open(browser, DEVICES[device], scheme)
    checked = 0
    for path in TABLE_PAGES:
        page.goto(f"{site_url}/{path}")
        sizes = page.evaluate(CELL_AND_TEXT_SIZES)
        for table in sizes["cells"]:
            checked += 1
            where = f"{path}, {table['caption']!r} at {device}: {table['size']} px"
            assert 15 <= table["size"] <= table["around"] <= sizes["text"], where
            if device == "phone":
                assert table["size"] == table["around"], where + " (a phone: the text's size)"
    context.close()
    assert checked >= 5


@pytest.mark.parametrize("width", [390, 600, 768, 1024, 1280])
def test_no_table_scrolls_sideways_or_widens_the_page(browser, site_url, site_dir, width):
    """At 12.8 px every table of the site fitted its column at these widths; larger text must
    not make one scroll sideways (cards or not) or push the page wider than the screen."""
    context, page = _open(browser, {"viewport": {"width": width, "height": 900}})
    checked = 0
    for path in _table_pages(site_dir):
        page.goto(f"{site_url}/{path}")
        overflow = page.evaluate(
            """() => ({
              page: document.documentElement.scrollWidth - innerWidth,
              tables: [...document.querySelectorAll('article .md-typeset__scrollwrap')]
                .filter(w => w.getClientRects().length)
                .map(w => w.scrollWidth - w.clientWidth),
            })"""
        )
        checked += len(overflow["tables"])
        assert overflow["page"] <= 0, (path, width, overflow)
        assert all(extra <= 1 for extra in overflow["tables"]), (path, width, overflow)
    context.close()
    assert checked >= 8


def test_table_headings_do_not_look_sortable(browser, site_url, site_dir):
    """tables.py writes role="columnheader" on the headings of tables set as cards on a phone;
    Material styles that role as a sortable heading (a pointer, a sort icon on hover) though
    nothing sorts them, and the icon's hidden box made each heading row a line taller (a reader
    review)."""
    context, page = _open(browser, {"viewport": {"width": 1280, "height": 900}})
    checked = 0
    for path in _table_pages(site_dir):
        page.goto(f"{site_url}/{path}")
        headings = page.evaluate(
            """() => [...document.querySelectorAll('article th[role=columnheader]')].map(h => ({
              text: h.textContent, cursor: getComputedStyle(h).cursor,
              icon: getComputedStyle(h, '::after').content }))"""
        )
        checked += len(headings)
        for heading in headings:
            assert heading["cursor"] != "pointer", (path, heading)
            assert heading["icon"] in ("none", "normal"), (path, heading)
    context.close()
    assert checked >= 20, "the chapters' stacked tables have their headings"


def test_no_page_is_wider_than_a_small_phone(browser, site_url, site_dir):
    """At 320 px (a small phone, or a larger one with large text) the Goodhart chapter's live
    figure set its charts at least 15rem wide in about 254 px: the page grew wider than the
    screen and the phone zoomed the whole chapter out (a reader review). No page may."""
    context, page = _open(
        browser, {"viewport": {"width": 320, "height": 700}, "is_mobile": True, "has_touch": True}
    )
    pages = sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if "assets/" not in p.as_posix() and p.name != "404.html"
    )
    wide = {}
    for path in pages:
        page.goto(f"{site_url}/{path}")
        page.wait_for_timeout(200)  # live figures draw when they come near the screen
        # against the screen's 320 px: a phone that zooms out widens its viewport to the page
        extra = page.evaluate("document.documentElement.scrollWidth") - 320
        if extra > 0:
            wide[path] = extra
    context.close()
    assert len(pages) >= 14
    assert not wide, wide


def test_a_printed_table_fits_its_page_in_the_texts_size(browser, site_url):
    """Printing a chapter from the browser (not the book, which has its own stylesheet): a
    five-column table in 16 px still fits an A4 page's width."""
    context, page = _open(browser, {"viewport": {"width": 718, "height": 1000}})
    page.goto(f"{site_url}/specification-gaming.html")
    page.emulate_media(media="print")
    table = page.locator("article table").first
    fits = table.evaluate(
        "t => t.getBoundingClientRect().right"
        " <= document.querySelector('article').getBoundingClientRect().right + 1"
    )
    size = table.locator("tbody td").first.evaluate("c => parseFloat(getComputedStyle(c).fontSize)")
    context.close()
    assert fits and 15 <= size <= 16.8, (fits, size)


# --- The glossary on a phone --------------------------------------------------------------------

BAR = ".glossary__jump"
BOXES = """sel => {
  const box = e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
  return {
    header: box(document.querySelector('.md-header')),
    bar: box(document.querySelector('.glossary__jump')),
    target: box(document.querySelector(sel)),
    height: innerHeight,
  };
}"""


def _lands_clear(page, selector: str) -> dict:
    """Where the target, the header and the jump line are once the page has settled."""
    page.wait_for_timeout(300)
    return page.evaluate(BOXES, selector)


def _assert_in_reach_and_clear(boxes: dict, what: str) -> None:
    header, bar, target = boxes["header"], boxes["bar"], boxes["target"]
    assert bar["top"] == pytest.approx(header["bottom"], abs=1), (
        f"{what}: jump line not stuck {boxes}"
    )
    assert bar["bottom"] - bar["top"] >= 40, f"{what}: jump line under 44 px tall {boxes}"
    assert bar["bottom"] <= target["top"] < boxes["height"] / 2, f"{what}: target hidden {boxes}"


def test_glossary_definitions_start_at_the_columns_edge_on_a_phone(browser, site_url):
    """Each definition was indented 31 px in a 358 px column; on a phone it starts where its term
    does, and a hairline and a gap keep one entry from the next. A desktop keeps the indent."""
    context, page = _open(browser, PHONE)
    page.goto(f"{site_url}/glossary.html")
    entries = page.evaluate(
        """() => [...document.querySelectorAll('article dl')].flatMap(dl =>
             [...dl.querySelectorAll(':scope > dt')].map((dt, i) => {
               const dd = dt.nextElementSibling, before = dt.previousElementSibling;
               const box = e => e.getBoundingClientRect();
               return {term: dt.textContent.trim(), first: i === 0,
                       indent: box(dd).left - box(dt).left,
                       rule: parseFloat(getComputedStyle(dt).borderTopWidth),
                       gap: before ? box(dt).top - box(before).bottom : null};
             }))"""
    )
    context.close()
    assert len(entries) >= 80
    for entry in entries:
        assert entry["indent"] == 0, entry
        if not entry["first"]:
            assert entry["rule"] >= 1 and entry["gap"] >= 16, entry
    context, page = _open(browser, DESKTOP)
    page.goto(f"{site_url}/glossary.html")
    indent = page.evaluate(
        "() => { const dd = document.querySelector('article dd'), dt = dd.previousElementSibling;"
        " return dd.getBoundingClientRect().left - dt.getBoundingClientRect().left; }"
    )
    context.close()
    assert indent > 20, indent


def test_the_jump_line_stays_under_the_header_and_its_ranges_land_clear(browser, site_url):
    """23,500 px of entries and the "Jump to" line only at the top: on a phone it now stays
    under the header from any entry, each range a 44 px target, and a range lands below it."""
    context, page = _open(browser, PHONE)
    page.goto(f"{site_url}/glossary.html")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight * 0.6)")
    page.wait_for_timeout(200)
    for name, anchor in (("A–C", "#ac"), ("U–W", "#uw"), ("J–P", "#jp")):
        link = page.locator(BAR).get_by_role("link", name=name)
        box = link.bounding_box()
        assert box and box["height"] >= 43.5, (name, box)
        link.tap()
        page.wait_for_function(f"location.hash === '{anchor}'")
        _assert_in_reach_and_clear(_lands_clear(page, f"h2{anchor}"), name)
    context.close()


def test_a_jump_to_a_term_lands_clear_of_the_header_and_the_jump_line(browser, site_url):
    """A tooltip's "In the glossary" link, an address with the term's anchor and a search
    result all land on the term below the header and the stuck line, not under them."""
    context, page = _open(browser, PHONE)
    page.goto(f"{site_url}/glossary.html#sycophancy")
    page.wait_for_load_state("networkidle")
    _assert_in_reach_and_clear(_lands_clear(page, "dt#sycophancy"), "glossary.html#sycophancy")

    page.goto(f"{site_url}/rlhf.html")
    term = page.locator(TAPPABLE_TERM).first
    term.scroll_into_view_if_needed()
    term.tap()
    more = page.locator(f"#{term.get_attribute('aria-describedby')} a.glossary-term__more")
    anchor = more.get_attribute("href").split("#", 1)[1]
    more.tap()
    page.wait_for_url(f"**/glossary.html#{anchor}")
    _assert_in_reach_and_clear(_lands_clear(page, f"dt#{anchor}"), f"tooltip link to #{anchor}")

    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Search").tap()
    page.locator("input.md-search__input").press_sequentially("sycophancy", delay=30)
    result = page.locator(".md-search-result a[href*='glossary.html'][href$='#sycophancy']").first
    expect(result).to_be_visible(timeout=10_000)
    result.tap()
    page.wait_for_url("**/glossary.html?h=*#sycophancy")
    _assert_in_reach_and_clear(_lands_clear(page, "dt#sycophancy"), "search result")
    context.close()


def test_a_link_reached_by_tab_is_not_hidden_under_the_jump_line(browser, site_url):
    """WCAG 2.4.11: a link that Tab (here Shift+Tab, going up) reaches scrolls clear of the
    stuck line, not under it."""
    context, page = _open(browser, PHONE)
    page.goto(f"{site_url}/glossary.html")
    page.evaluate(
        """() => { const links = document.querySelectorAll('article dd a');
                   window.scrollBy(0, links[40].getBoundingClientRect().top - 60);
                   links[41].focus({preventScroll: true}); }"""
    )
    page.keyboard.press("Shift+Tab")
    page.wait_for_timeout(200)
    boxes = page.evaluate(BOXES, ":focus")
    context.close()
    assert boxes["bar"]["top"] == pytest.approx(boxes["header"]["bottom"], abs=1), boxes
    assert boxes["target"]["top"] >= boxes["bar"]["bottom"], boxes


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_phone_glossary_with_its_stuck_line_passes_axe(browser, site_url, scheme):
    """The stuck line over the entries (contrast, its targets' size), in both schemes."""
    axe = Axe()
    context, page = _open(browser, PHONE, scheme)
    page.goto(f"{site_url}/glossary.html#sycophancy")
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page, axe=axe)
    context.close()
    assert not violations, _describe(violations)


# --- The header to a screen reader --------------------------------------------------------------

UNNAMED_IMAGE = re.compile(r"^\s*- img\s*:?\s*$", re.MULTILINE)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_phone_header_has_a_named_search_button_and_no_unnamed_image(browser, site_url, scheme):
    """Material's search icon is a <label> around a picture: a screen reader announced an
    unnamed image, and the colour toggle's icon another beside its named control. At 390x844
    the header holds a button "Search", and every image in it is named or hidden."""
    context, page = _open(browser, PHONE, scheme)
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    snapshot = page.locator("header.md-header").aria_snapshot()
    context.close()
    assert '- button "Search"' in snapshot, snapshot
    assert '- button "Menu"' in snapshot, snapshot
    assert not UNNAMED_IMAGE.search(snapshot), snapshot
    assert "- img" not in snapshot.split("- dialog")[0], snapshot  # icons beside named controls


def test_the_desktop_header_has_no_unnamed_image_and_no_search_button(browser, site_url):
    """From 960 px the search field is in the header itself: no button (as Material hid the
    label there), and the logo's picture is part of its named link."""
    context, page = _open(browser, {"viewport": {"width": 1440, "height": 900}})
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    snapshot = page.locator("header.md-header").aria_snapshot()
    context.close()
    assert "- img" not in snapshot and '- button "Search"' not in snapshot, snapshot
    assert '- link "Alignment Explained"' in snapshot, snapshot


def test_the_search_button_opens_search_and_gets_the_focus_back(browser, site_url):
    """A tap or Enter opens search with the focus in its field, as a tap on Material's label
    did; Escape closes it and the focus is back on the button (the label was no Tab stop)."""
    context, page = _open(browser, PHONE)
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    button = page.get_by_role("button", name="Search")
    field = page.locator("input.md-search__input")
    is_open = "document.getElementById('__search').checked"
    button.tap()
    expect(field).to_be_focused()
    assert page.evaluate(is_open) and button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    assert not page.evaluate(is_open) and button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    expect(field).to_be_focused()
    assert page.evaluate(is_open)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_phone_header_and_its_open_search_pass_axe(browser, site_url, scheme):
    """The search button, and open search with its results: Material's line over them ("5
    matching documents") was grey on grey, 4.4:1 in light and 4.0:1 in dark (extra.css)."""
    axe = Axe()
    context, page = _open(browser, PHONE, scheme)
    page.goto(f"{site_url}/rlhf.html")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Search").tap()
    page.locator("input.md-search__input").press_sequentially("sycophancy", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    violations = axe_violations(page, axe=axe)
    context.close()
    assert not violations, _describe(violations)


def test_every_header_icon_is_hidden_from_screen_readers_in_the_built_pages(site_dir: Path):
    """overrides/main.html marks the icons of Material's header (its partial, not copied) by
    replacing `<svg xmlns=` in it: if Material writes its icons another way, this fails rather
    than the icons silently becoming unnamed images again."""
    checked = 0
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        header = re.search(r'<header class="md-header.*?</header>', html, re.DOTALL)
        if not header:
            continue
        icons = re.findall(r"<svg\b[^>]*>", header.group(0))
        assert len(icons) >= 6, (path, icons)
        assert all('aria-hidden="true"' in icon for icon in icons), (path, icons)
        assert 'label class="md-header__button md-icon" for="__search"' in header.group(0), path
        checked += 1
    assert checked >= 10


# --- Search -------------------------------------------------------------------------------------


def _search(page, query: str):
    """The search results for `query` (desktop: the header's field), once Material has listed
    them."""
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("")
    field.press_sequentially(query, delay=30)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_contain_text(re.compile(r"matching document|No matching"), timeout=10_000)
    page.wait_for_timeout(300)
    return page.locator(".md-search-result__item")


def _highlight(href: str) -> str | None:
    values = parse_qs(urlsplit(href).query, keep_blank_values=True).get("h")
    return values[0] if values else None


def test_a_page_listed_for_its_sections_opens_with_the_query_marked(browser, site_url):
    """Material's search worker gives a page listed only for its sections no words of its own,
    and its link said `rlhf.html?h=`: the page opened with nothing marked, while its sections'
    links said `?h=sycophancy`. The page's link carries its sections' words (search-a11y.js)."""
    context, page = _open(browser, DESKTOP)
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    items = _search(page, "sycophancy")
    first = items.first.locator("a.md-search-result__link")
    hrefs = [first.nth(i).get_attribute("href") for i in range(first.count())]
    assert urlsplit(hrefs[0]).path.endswith("/rlhf.html") and "#" not in hrefs[0], hrefs
    assert all(_highlight(href) == "sycophancy" for href in hrefs), hrefs
    first.first.click()
    page.wait_for_url("**/rlhf.html?h=sycophancy")
    marks = page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 3
    context.close()


def test_search_words_end_at_punctuation(browser, site_url, site_dir: Path):
    """With Material's separator for English (spaces and hyphens), "(DPO)" and "(Krakovna" were
    indexed with their brackets: DPO, ELK and Krakovna found nothing, and the title
    "Sycophancy: ..." was suggested as "sycophancy:". Ranking stays as it was."""
    context, page = _open(browser, DESKTOP)
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")

    def pages(query: str) -> list[str]:
        items = _search(page, query)
        return [
            urlsplit(items.nth(i).locator("a").first.get_attribute("href")).path.rsplit("/", 1)[1]
            for i in range(items.count())
        ]

    assert "glossary.html" in pages("DPO")
    assert "glossary.html" in pages("ELK")
    assert "specification-gaming.html" in pages("Krakovna")
    assert set(pages("reward model")[:2]) == {"rlhf.html", "glossary.html"}
    _search(page, "sycoph")
    suggestion = page.locator(".md-search__suggest").text_content()
    assert suggestion and suggestion.strip() == "sycophancy", suggestion
    # A result's marked words carry no punctuation with them.
    _search(page, "sycophancy")
    marked = page.locator(".md-search-result mark").all_text_contents()
    context.close()
    assert marked and all(re.fullmatch(r"[A-Za-z]+", word) for word in marked), marked


# --- A figure told in words --------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["disagreement.html", "research.html", "constitutional-ai.html"])
def test_a_detailed_figure_keeps_a_short_alt_and_tells_the_rest_in_a_fold(
    browser, site_url, page, scheme
):
    """A 1,196-character alt text was read out in one breath, with no way to step back through
    it. The figure keeps one sentence; its detail is a closed fold straight under it, named as a
    thumb-sized control, whose list a screen reader steps through; no axe violation either way."""
    context, tab = _open(browser, PHONE, scheme)
    tab.goto(f"{site_url}/{page}")
    figure = tab.locator("figure:has(+ details.figure-text)")
    expect(figure).to_have_count(1)
    alt = figure.locator("img").get_attribute("alt") or ""
    assert 40 <= len(alt) <= 250, alt
    fold = tab.locator("details.figure-text")
    summary = fold.locator("summary")
    expect(fold).not_to_have_attribute("open", "")
    expect(summary).to_have_accessible_name("The figure in words")
    assert (summary.bounding_box() or {}).get("height", 0) >= 44
    expect(fold.locator("li").first).to_be_hidden()
    summary.click()
    expect(fold.locator("li").first).to_be_visible()
    assert len(fold.locator("li").all()) >= 2
    results = Axe().run(tab, context={"include": [["details.figure-text"]]}, options=WCAG_AA)
    assert not results.response["violations"], _describe(results.response["violations"])
    context.close()


# --- Where experts disagree: whose case is this? -----------------------------------------------


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_each_positions_section_says_where_it_sits_on_the_figures_arrow(browser, site_url, scheme):
    """A phone reader met about thirteen screens with no landmark after Figure 1 and lost track
    of whose case was being made: each position's section opens with its place on the arrow, in
    its own colour, readable on both schemes, as a sentence of its own just above the heading (a
    screen reader had heard a CSS label run into the heading's name)."""
    context, tab = _open(browser, PHONE)
    tab.goto(f"{site_url}/disagreement.html")
    tab.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    found = tab.evaluate("""() => [...document.querySelectorAll('article h2.camp')].map(h => {
      const label = h.previousElementSibling;
      return {label: label && label.matches('p.camp-label') ? label.textContent : '',
              colour: getComputedStyle(label).color, bar: getComputedStyle(h).borderLeftColor,
              gap: h.getBoundingClientRect().top - label.getBoundingClientRect().bottom,
              ground: getComputedStyle(document.body).backgroundColor};
    })""")
    assert [f["label"][:17] for f in found] == [
        "Position 1 of 3: ",
        "Position 2 of 3: ",
        "Position 3 of 3: ",
        "A fourth view: it",
    ], found
    assert len({f["colour"] for f in found}) == 4 and all(f["bar"] == f["colour"] for f in found)
    for f in found:
        assert _contrast(f["colour"], f["ground"]) >= 4.5, f
        assert 0 <= f["gap"] <= 24, f  # the label sits on its heading
    heading = tab.get_by_role("heading", name="Ordinary iteration will do", exact=True)
    expect(heading).to_have_count(1)  # the heading's name is its own words
    context.close()


def _contrast(a: str, b: str) -> float:
    from coloraide import Color

    return Color(a).contrast(Color(b))
