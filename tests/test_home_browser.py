"""Home as a landing page and the trust features, as a reader meets them in headless Chromium:
the primary action and the central figure, readable, in the first desktop screen, cards clickable
anywhere,
"Cite this page" by keyboard with working copy buttons (also from file://), the 404 page
under the published sub-path, and search ranking for glossary terms."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import visit_in_site_fonts
from test_accessibility_browser import WCAG_AA, _describe

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
HERO_FIGURE = Path(__file__).parent.parent / "docs/assets/figures/alignment-chain-of-loss.svg"


@pytest.fixture
def desktop(browser, page_log):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.on("pageerror", lambda e: page_log.page_errors.append(str(e)))
    yield page
    context.close()


def _in_first_screen(page, locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


MEASURE = """() => Math.max(...[...document.querySelectorAll('.md-content .md-typeset > p')]
    .map(p => p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize)))"""


@pytest.mark.parametrize("width", [1024, 1280, 1440])
def test_home_text_keeps_a_chapters_measure(browser, site_url, width) -> None:
    """With no contents sidebar, Home's paragraphs ran 115-120 characters a line at 1280 px,
    against a chapter's 85-90: they are no wider, in ems, than a chapter's at the same window
    width (the cards and the central figure keep the whole column)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/rlhf.html")
    chapter = page.evaluate(MEASURE)
    page.goto(f"{site_url}/index.html")
    home = page.evaluate(MEASURE)
    assert home <= chapter * 1.05, (home, chapter)
    # One right edge for the running text, the folds (set smaller) and the web-only list
    edges = page.evaluate(
        """() => [...document.querySelectorAll(
            '.md-content .md-typeset > :is(p, details, ul), .md-content .md-typeset > div.web-only > ul')]
            .filter(e => e.getBoundingClientRect().width > 0)
            .map(e => Math.round(e.getBoundingClientRect().right))"""
    )
    assert len(edges) > 5 and max(edges) - min(edges) <= 2, edges
    cards = page.locator(".ae-cards--demos").bounding_box()
    text = page.locator(".md-content .md-typeset > p:not(.print-only)").last.bounding_box()
    assert cards and text and cards["width"] > text["width"], "the cards keep the column"
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1440x900", "390x844"])
def test_start_reading_is_in_the_first_screen(browser, site_url, viewport) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    start = page.get_by_role("link", name="Start reading")
    expect(start).to_be_visible()
    assert _in_first_screen(page, start, viewport["height"])
    assert start.get_attribute("href") == "alignment-problem.html"
    # The second way in, the boat race (three screens down on a phone before), is in the first
    # screen too, and an outlined button, not a second primary one.
    race = page.get_by_role("link", name="Watch an AI win the wrong game")
    assert _in_first_screen(page, race, viewport["height"])
    # "#watch": the demo opens with its first run training (test_boat_view_browser.py)
    assert race.get_attribute("href") == "demos/boat-race.html#watch"
    assert "md-button--primary" not in (race.get_attribute("class") or "")
    # and, for a reader short on time, the whole argument in six minutes (its card sat three
    # screens down on a phone, and under the figure, below every laptop's first screen)
    short = page.get_by_role("link", name="Short on time? The whole argument in six minutes")
    assert _in_first_screen(page, short, viewport["height"])
    assert short.get_attribute("href") == "overview.html"
    if viewport is DESKTOP:
        # The figure that shows what the site is about, whole, and wide enough to read: beside
        # the text it drew its 960-unit width at 480 px, labels 7.5 px; now at 12 px or more.
        figure = page.locator(".ae-hero__figure img")
        assert _in_first_screen(page, figure, viewport["height"])
        assert figure.evaluate("img => img.complete && img.naturalWidth > 0")
        svg = HERO_FIGURE.read_text(encoding="utf-8")
        view_box = re.search(r'viewBox="0 0 ([\d.]+)', svg)
        assert view_box, HERO_FIGURE
        width = float(view_box.group(1))
        smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))
        box = figure.bounding_box()
        assert box and box["width"] * smallest / width >= 12, box
    context.close()


@pytest.mark.parametrize(
    "viewport",
    [DESKTOP, {"width": 1024, "height": 768}, PHONE],
    ids=["1440x900", "1024x768", "390x844"],
)
def test_the_hero_text_is_centred_over_the_figure_on_a_wide_screen(browser, site_url, viewport):
    """Flush left at 36em, the hero's text left two fifths of a desktop column empty beside it:
    from 960 px up it is centred over the central figure; a phone keeps it flush left."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    figure = page.locator(".ae-hero__figure img").bounding_box()
    column = page.locator("article").bounding_box()
    assert figure and column
    middle = figure["x"] + figure["width"] / 2
    if viewport is not PHONE:
        assert abs(middle - (column["x"] + column["width"] / 2)) <= 2, (figure, column)
    for selector in ("article h1", ".ae-hero__promise", ".ae-hero__detail"):
        lines = page.locator(selector).evaluate(
            """el => { const r = document.createRange(); r.selectNodeContents(el);
                return [...r.getClientRects()].map(b => [b.left, b.right]); }"""
        )
        left = min(b[0] for b in lines)
        right = max(b[1] for b in lines)
        if viewport is PHONE:
            assert abs(left - figure["x"]) <= 2, (selector, left, figure)
        else:
            assert abs((left + right) / 2 - middle) <= 4, (selector, left, right, middle)
    buttons = [
        page.get_by_role("link", name=name).bounding_box()
        for name in ("Start reading", "Watch an AI win the wrong game")
    ]
    assert buttons[0] and buttons[1]
    if viewport is not PHONE:
        pair_middle = (buttons[0]["x"] + buttons[1]["x"] + buttons[1]["width"]) / 2
        assert abs(pair_middle - middle) <= 8, (buttons, middle)
        assert buttons[0]["y"] == buttons[1]["y"], "the two buttons share a row"
    context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_hero_buttons_read_in_both_schemes_and_the_title_leaves_room(
    browser, site_url, scheme
) -> None:
    """On a phone Home's title repeated the header's name in two lines at Material's size, a
    fifth of the first screen; the outlined button's navy text vanished on the dark scheme."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    visit_in_site_fonts(page, f"{site_url}/index.html")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    title = page.locator("article h1").bounding_box()
    assert title and title["height"] < 60, title
    results = Axe().run(page, context={"include": [[".ae-hero"]]}, options=WCAG_AA)
    assert not results.response["violations"], _describe(results.response["violations"])
    context.close()


def test_home_ends_with_one_call_to_start_and_the_footer(browser, site_url) -> None:
    """A phone reader met three calls to start in one screen ("Start with The alignment
    problem.", the Next card, the footer's Next): the sentence is for the book, where there is
    no Next card; on the site the card and the footer remain."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    start = page.locator(".ae-start-line")
    assert start.count() == 1 and "The alignment problem" in start.inner_text()
    assert not start.is_visible()
    cards = page.locator("nav.next-page a[href='alignment-problem.html']")
    assert cards.count() == 1 and cards.first.is_visible()
    context.close()


def test_every_card_has_one_link_and_is_clickable_anywhere(desktop, site_url) -> None:
    desktop.goto(f"{site_url}/index.html")
    cards = desktop.locator(".ae-card")
    assert cards.count() == 7
    for n in range(cards.count()):
        desktop.goto(f"{site_url}/index.html")
        card = desktop.locator(".ae-card").nth(n)
        # one link: no glossary term (a link too, role="link") under the card's stretched one
        links = card.locator("a, [role=link]")
        assert links.count() == 1, card.inner_text()
        href = links.first.get_attribute("href")
        card.scroll_into_view_if_needed()
        # The middle of its description: body text, not the link text.
        text = card.locator("p:not([class])").last.bounding_box()
        desktop.mouse.click(text["x"] + text["width"] / 2, text["y"] + text["height"] / 2)
        desktop.wait_for_url(re.compile(re.escape(href) + "$"))


def test_demo_cards_show_their_thumbnails(desktop, site_url) -> None:
    desktop.goto(f"{site_url}/index.html")
    thumbs = desktop.locator(".ae-card--demo img.ae-card__thumb")
    assert thumbs.count() == 2
    for thumb in thumbs.all():
        thumb.scroll_into_view_if_needed()
        expect(thumb).to_be_visible()
        # lazy: it starts loading when scrolled near, so wait for it (it fails if it never loads)
        desktop.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle(), timeout=10000
        )
        assert thumb.get_attribute("alt") == ""  # decorative: the card's link names it


def test_a_card_link_is_reached_by_keyboard_and_shows_a_focus_ring(desktop, site_url) -> None:
    desktop.goto(f"{site_url}/index.html")
    link = desktop.locator(".ae-card__link").first
    link.focus()
    ring = link.evaluate("a => getComputedStyle(a, '::after').outlineStyle")
    assert ring == "solid"
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(re.compile(r"overview\.html$"))  # the quick overview's page


def test_print_hides_the_cite_box_but_keeps_the_date(desktop, site_url) -> None:
    desktop.goto(f"{site_url}/rlhf.html")
    desktop.emulate_media(media="print")
    expect(desktop.locator(".ae-cite")).to_be_hidden()
    expect(desktop.locator(".ae-page-info__revised")).to_be_visible()


def _open_cite_box_by_keyboard(page) -> None:
    summary = page.locator(".ae-cite > summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#ae-cite-bibtex")).to_be_visible()


def test_cite_this_page_opens_by_keyboard_and_copies(browser, site_url) -> None:
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}/goodhart.html")
    expect(page.locator(".ae-page-info__revised")).to_have_text(
        re.compile(r"^(Last updated|Built) ")
    )
    _open_cite_box_by_keyboard(page)
    bibtex = page.locator("#ae-cite-bibtex").inner_text()
    assert bibtex.startswith("@misc{alignmentexplained-goodhart,")
    page.get_by_role("button", name="Copy BibTeX").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".ae-cite__status")).to_have_text("BibTeX copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == bibtex
    page.get_by_role("button", name="Copy reference").click()
    expect(page.locator(".ae-cite__status")).to_have_text("Reference copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()").endswith("/goodhart.html")
    context.close()


def test_cite_this_page_copies_from_a_folder_too(browser, site_dir) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((site_dir / "rlhf.html").as_uri())
    _open_cite_box_by_keyboard(page)
    page.get_by_role("button", name="Copy reference").click()
    expect(page.locator(".ae-cite__status")).to_have_text(
        re.compile(r"^(Reference copied to the clipboard\.|Selected: press Ctrl\+C)")
    )
    selected_or_copied = page.evaluate("""() => {
        const sel = String(window.getSelection());
        return sel || 'copied';
    }""")
    assert selected_or_copied == "copied" or selected_or_copied.endswith("/rlhf.html")
    context.close()


def test_the_404_page_works_under_the_published_sub_path(browser, site_server) -> None:
    root, sub_path = site_server
    assert sub_path.startswith("/") and sub_path != "/"
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on(
        "response",
        lambda r: (
            failed.append(r.url)
            if r.status >= 400 and r.request.resource_type != "document"
            else None
        ),
    )
    response = page.goto(f"{root}{sub_path}/no/such/chapter.html")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_have_text("Page not found")
    assert failed == []
    # Material's stylesheet and the site's own fonts and colours applied.
    header = page.locator(".md-header")
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") == "rgb(47, 75, 124)"
    page.locator(".ae-not-found__pages a", has_text="RLHF").click()
    page.wait_for_load_state("load")
    assert page.url == f"{root}{sub_path}/rlhf.html"
    expect(page.locator("h1").first).to_have_text(re.compile("human feedback"))
    context.close()


def _search(page, site_url: str, query: str) -> list[str]:
    page.goto(f"{site_url}/index.html")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching"))
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.href)")
    return [re.sub(r"[?#].*$", "", h).rsplit("/", 1)[-1] for h in hrefs]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("reward model", {"rlhf.html", "glossary.html"}),
        ("reward hacking", {"specification-gaming.html"}),
        ("corrigibility", {"core-difficulties.html", "glossary.html"}),
        ("KL penalty", {"rlhf.html"}),
        ("goodhart", {"goodhart.html"}),  # the chapter, not the demo's sliders (search: boost)
    ],
)
def test_search_ranks_the_page_that_explains_a_term_first(page, site_url, query, expected) -> None:
    """The pages that explain a term come first: its chapter, and for a glossary term whose name
    is the whole query, its definition (one result per term, which links on to the chapter)."""
    results = list(dict.fromkeys(_search(page, site_url, query)))  # pages, in order, once each
    assert set(results[: len(expected)]) == expected, results[:5]


def test_searching_a_chapters_menu_name_puts_the_chapter_first(page, site_url) -> None:
    """UX review 11: the menu calls the chapter "RLHF", but its title spelled the term out, so
    "RLHF" put the glossary first and the chapter's best match was a minor section. The title now
    carries the acronym, and the chapter's own entry (its title and summary) comes first."""
    results = _search(page, site_url, "RLHF")
    assert results[0] == "rlhf.html", results[:5]
    first = page.locator(".md-search-result__item > a").first
    assert "#" not in (first.get_attribute("href") or ""), first.get_attribute("href")


# The demos' previews (scripts/static_figures.js draws demo-*-thumb.svg from the simulations): on
# Home's "Try it yourself" cards and on the demos index, each loaded, shown whole (the full result
# figures were cropped through their charts and drew labels at 4-7 px), its labels at 12 px or
# more. The "+" in each of the boat course's reward targets is a mark, not a label (as in
# tests/js/static-figures.test.js and test_pdf.py).
FIGURES = Path(__file__).parent.parent / "docs/assets/figures"
DEMO_PREVIEWS = {
    "index.html": ".ae-card--demo img.ae-card__thumb",
    "demos/index.html": "a.demo-thumb img",
}
_PREVIEW_GEOMETRY = """img => {
    const box = (e) => {
        const r = e.getBoundingClientRect();
        return { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    const inner = (e) => {  // the padding box: what overflow clips to, and the image's content
        const s = getComputedStyle(e);
        const r = box(e);
        const bl = parseFloat(s.borderLeftWidth), bt = parseFloat(s.borderTopWidth);
        const br = parseFloat(s.borderRightWidth), bb = parseFloat(s.borderBottomWidth);
        return { x: r.x + bl, y: r.y + bt, w: r.w - bl - br, h: r.h - bt - bb };
    };
    const s = getComputedStyle(img);
    const padded = inner(img);
    const content = {
        x: padded.x + parseFloat(s.paddingLeft), y: padded.y + parseFloat(s.paddingTop),
        w: padded.w - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight),
        h: padded.h - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom),
    };
    const clips = [];
    for (let e = img.parentElement; e && e !== document.body; e = e.parentElement) {
        const o = getComputedStyle(e);
        if (o.overflowX !== "visible" || o.overflowY !== "visible") clips.push(inner(e));
    }
    return {
        src: img.currentSrc.split("/").pop(), natural: [img.naturalWidth, img.naturalHeight],
        box: box(img), content, objectFit: s.objectFit,
        container: box(img.closest(".ae-card, .demo-thumb")), clips,
    };
}"""


def _smallest_label(name: str) -> tuple[float, float]:
    """The smallest label's font size in a figure, and its viewBox width (both in units)."""
    svg = (FIGURES / name).read_text(encoding="utf-8")
    view_box = re.search(r'viewBox="0 0 ([\d.]+)', svg)
    assert view_box, name
    texts = re.findall(r'<text [^>]*font-size="([\d.]+)"[^>]*>([^<]*)</text>', svg)
    sizes = [float(size) for size, text in texts if text != "+"]
    assert sizes, name
    return min(sizes), float(view_box.group(1))


def _inside(inner: dict, outer: dict, slack: float = 0.5) -> bool:
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["w"] <= outer["x"] + outer["w"] + slack
        and inner["y"] + inner["h"] <= outer["y"] + outer["h"] + slack
    )


@pytest.mark.parametrize("path", list(DEMO_PREVIEWS), ids=["home", "demos-index"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1440x900"])
def test_demo_previews_are_shown_whole_with_legible_labels(
    browser, site_url, viewport, path
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    thumbs = page.locator(DEMO_PREVIEWS[path])
    assert thumbs.count() == 2
    seen = []
    for thumb in thumbs.all():
        thumb.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle(), timeout=10000
        )
        geometry = thumb.evaluate(_PREVIEW_GEOMETRY)
        name = geometry["src"]
        seen.append(name)
        box, content = geometry["box"], geometry["content"]
        # Whole: inside its card (or link), inside every box that clips it, and its picture not
        # cropped by object-fit (contain, or a box of the picture's own shape).
        assert _inside(box, geometry["container"]), (name, geometry)
        for clip in geometry["clips"]:
            assert _inside(box, clip), (name, clip, geometry)
        natural_w, natural_h = geometry["natural"]
        aspect = natural_w / natural_h
        assert geometry["objectFit"] == "contain" or (
            abs(content["w"] / content["h"] - aspect) <= 0.01 * aspect
        ), (name, geometry)
        drawn_width = min(content["w"], content["h"] * aspect)  # the picture's width in the box
        assert drawn_width >= 0.98 * content["w"], (name, geometry)  # it fills the card's width
        smallest, view_width = _smallest_label(name)
        assert smallest * drawn_width / view_width >= 12, (name, smallest, drawn_width)
    assert seen == ["demo-boat-race-thumb.svg", "demo-goodhart-thumb.svg"]
    if path == "index.html":
        # Both of one shape, so the two cards' titles line up side by side.
        heights = [t.bounding_box()["height"] for t in thumbs.all()]
        assert abs(heights[0] - heights[1]) <= 1, heights
    context.close()


@pytest.mark.parametrize("width", [390, 600, 768, 1024, 1440])
def test_the_reading_paths_fill_their_rows(browser, site_url, width) -> None:
    """Fitted by width, a tablet held upright showed two paths and one, a card beside an empty
    half row. The four paths (a policy reader's joined them: a second reader review) sit two by
    two, or one above another on a phone: every row full, all rows alike. The fifth, for teachers
    (a teacher's review), is a row of its own under them, as wide as the grid."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    paths = page.locator(".ae-cards--paths .ae-card:not(.ae-card--wide):visible")
    boxes = [card.bounding_box() for card in paths.all()]
    assert len(boxes) == 4 and all(boxes), boxes
    per_row = Counter(round(box["y"]) for box in boxes if box)
    columns = {round(box["x"]) for box in boxes if box}
    assert set(per_row.values()) == {len(columns)}, (per_row, columns)
    assert len(columns) == (1 if width < 720 else 2), (width, columns)
    wide = page.locator(".ae-cards--paths .ae-card--wide")
    assert wide.count() == 1 and "for teachers" in wide.inner_text().lower()
    grid = page.locator(".ae-cards--paths").bounding_box()
    last = wide.bounding_box()
    assert grid and last
    assert abs(last["x"] - grid["x"]) <= 1 and abs(last["width"] - grid["width"]) <= 1, (grid, last)
    assert last["y"] > max(box["y"] + box["height"] for box in boxes if box), (last, boxes)
    context.close()


def test_the_last_chapter_ends_the_guide_with_next_steps_and_a_link_to_pass_on(
    browser, site_url, site_dir
) -> None:
    """A reader who followed Next to the last chapter met its References and a Next card to demos
    already seen: no ending, nothing to do next, no way to pass the guide on. The chapter whose
    front matter says `end_of_guide: true` now ends with a card that does all three; "Copy link"
    copies the site's published address, and "Share" shows only where there is a share sheet."""
    canonical = re.search(
        r'<link rel="canonical" href="([^"]+)"', (site_dir / "index.html").read_text()
    )
    assert canonical, "Home has no canonical address"
    published = canonical.group(1).removesuffix("index.html")
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}/disagreement.html")
    end = page.locator("section.ae-end")
    expect(end).to_have_count(1)
    expect(end.get_by_role("heading", name="The end of the guide")).to_be_visible()
    # Where a reader finishes: after the takeaways, before the References, in place of Next.
    assert page.evaluate("""() => {
      const end = document.querySelector('section.ae-end');
      const refs = document.getElementById('references');
      const takeaways = document.getElementById('key-takeaways');
      return !!(end.compareDocumentPosition(refs) & Node.DOCUMENT_POSITION_FOLLOWING)
        && !!(takeaways.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    expect(page.locator("nav.next-page")).to_have_count(0)
    hrefs = end.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {
        "demos/index.html",
        "further-reading.html#start-here",
        "alignment-explained.pdf",
    } <= set(hrefs), hrefs
    expect(end.get_by_role("button", name="Share")).to_be_hidden()  # no share sheet here
    end.get_by_role("button", name="Copy link").click()
    expect(end.get_by_role("status")).to_have_text("Link copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == published
    page.goto(f"{site_url}/research.html")
    expect(page.locator("section.ae-end")).to_have_count(0)
    context.close()

    # With a share sheet (a phone's), "Share" hands it the page's title and the address.
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(
        "navigator.share = data => { window.__shared = data; return Promise.resolve(); };"
    )
    page = context.new_page()
    page.goto(f"{site_url}/disagreement.html")
    share = page.locator("section.ae-end").get_by_role("button", name="Share")
    expect(share).to_be_visible()
    share.click()
    expect(page.locator("section.ae-end").get_by_role("status")).to_have_text("Shared.")
    shared = page.evaluate("window.__shared")
    assert shared["url"] == published and "Where experts disagree" in shared["title"]
    context.close()


def test_the_six_minute_overview_reads_as_one_text_not_nine_boxes(browser, site_url) -> None:
    """A reader met the quick overview as nine identical boxes, each labelled "In one minute":
    there the summaries are plain text under their chapters' headings."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/overview.html")
    boxes = page.locator("article .admonition.abstract")
    assert boxes.count() == 9
    assert page.locator("article .admonition.abstract > .admonition-title").evaluate_all(
        "titles => titles.every(t => getComputedStyle(t).display === 'none')"
    )
    assert boxes.evaluate_all(
        "boxes => boxes.every(b => getComputedStyle(b).borderLeftWidth === '0px')"
    )
    expect(page.get_by_role("heading", level=2, name="Specification gaming")).to_be_visible()
    context.close()
