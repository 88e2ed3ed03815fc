"""Automated accessibility audit (axe-core, via axe-playwright-python) of every page, in both
colour schemes: WCAG 2.x A and AA rules, including colour contrast, and the axe rules Lighthouse
scores its accessibility category with (some are best practices outside WCAG, such as a named
dialog); also with a figure open full screen."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# The axe rules of Lighthouse 12's accessibility category (its audits' ids are axe's rule ids).
LIGHTHOUSE_RULES = """
    accesskeys aria-allowed-attr aria-allowed-role aria-command-name aria-conditional-attr
    aria-deprecated-role aria-dialog-name aria-hidden-body aria-hidden-focus aria-input-field-name
    aria-meter-name aria-progressbar-name aria-prohibited-attr aria-required-attr
    aria-required-children aria-required-parent aria-roles aria-text aria-toggle-field-name
    aria-tooltip-name aria-treeitem-name aria-valid-attr-value aria-valid-attr button-name bypass
    color-contrast definition-list dlitem document-title duplicate-id-aria empty-heading
    form-field-multiple-labels frame-title heading-order html-has-lang html-lang-valid
    html-xml-lang-mismatch identical-links-same-purpose image-alt image-redundant-alt
    input-button-name input-image-alt label-content-name-mismatch label landmark-one-main
    link-in-text-block link-name list listitem meta-refresh meta-viewport object-alt select-name
    skip-link tabindex table-duplicate-name table-fake-caption target-size td-has-header
    td-headers-attr th-has-data-cells valid-lang video-caption
""".split()
LIGHTHOUSE = {
    "runOnly": {"type": "rule", "values": LIGHTHOUSE_RULES},
    "resultTypes": ["violations"],
}


def _pages(site_dir):
    return sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if not p.relative_to(site_dir).as_posix().startswith("assets/")
    )


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(
            f"{v['id']} ({v['impact']}): {v['help']} -- {len(v['nodes'])} node(s): {targets}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_wcag_aa(browser, site_url, site_dir, scheme):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    failures = _axe_failures(axe, page, site_url, _pages(site_dir))
    context.close()
    assert not failures, "\n\n".join(failures)


def _axe_failures(axe: Axe, page, site_url: str, pages: Iterable[str]) -> list[str]:
    """Each page's WCAG AA and Lighthouse violations, described."""
    failures = []
    for rel in pages:
        page.goto(f"{site_url}/{rel}")
        page.wait_for_load_state("networkidle")
        for options in (WCAG_AA, LIGHTHOUSE):
            violations = axe.run(page, options=options).response["violations"]
            if violations:
                failures.append(f"{rel}:\n{_describe(violations)}")
    return failures


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_figure_open_full_screen_passes_axe(browser, site_url, scheme):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site_url}/rlhf.html")
    page.locator(".md-content .ae-zoom").first.click()
    page.locator("dialog.ae-viewer[open] .ae-viewer__stage img").wait_for(state="visible")
    failures = [
        _describe(axe.run(page, options=options).response["violations"])
        for options in (WCAG_AA, LIGHTHOUSE)
    ]
    context.close()
    assert not any(failures), "\n".join(failures)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tables_set_as_cards_on_a_phone_pass_axe(browser, site_url, scheme):
    """On a phone the wide tables are set as blocks (cards); their roles keep them tables."""
    axe = Axe()
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, reduced_motion="reduce"
    )
    page = context.new_page()
    pages = ("specification-gaming.html", "research.html", "constitutional-ai.html")
    failures = _axe_failures(axe, page, site_url, pages)
    carded = page.locator("table[data-stack]").count()  # on the last page
    context.close()
    assert not failures, "\n\n".join(failures)
    assert carded >= 1  # Constitutional AI's two three-column tables


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_navigation_drawer_and_its_sections_pass_axe(browser, site_url, scheme):
    """On a phone the navigation opens as a drawer, and a section (Interactive demos) as a pane
    over it; Material's section titles in them were grey on grey, under 4.5:1."""
    axe = Axe()
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, reduced_motion="reduce"
    )
    page = context.new_page()
    page.goto(f"{site_url}/demos/boat-race.html")
    page.get_by_role("button", name="Menu").click()
    page.locator(".md-sidebar--primary .md-nav__link--active").first.wait_for(state="visible")
    failures = [
        _describe(axe.run(page, options=options).response["violations"])
        for options in (WCAG_AA, LIGHTHOUSE)
    ]
    context.close()
    assert not any(failures), "\n".join(failures)


def test_a_screen_reader_hears_headings_without_their_permalink_mark(browser, site_url):
    """Each heading's ¶ permalink (hidden by scripts/headerlinks.py) is no part of the heading's
    spoken name, no link of its own in the accessibility tree, and no stop when tabbing: the
    first stop in a chapter's text is a real link, not a "pilcrow"."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/core-difficulties.html")
    tree = page.locator("article").aria_snapshot()
    headings = [line for line in tree.splitlines() if 'heading "' in line]
    assert len(headings) >= 8, tree[:500]
    assert "¶" not in tree, [line for line in tree.splitlines() if "¶" in line][:5]
    assert (
        page.get_by_role("heading", name="Value stability: a goal can change meaning").count() == 1
    )
    # Tab onwards from the chapter's title, as a reader moving through the text would.
    page.evaluate(
        "() => { const h = document.querySelector('article h1'); h.tabIndex = -1; h.focus(); }"
    )
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.textContent]"
    )
    assert "headerlink" not in focused[0] and focused[1].strip() != "¶", focused
    context.close()


def test_a_skimmer_can_jump_to_a_chapters_summary_and_takeaways(browser, site_url):
    """The two summary boxes are headings to a screen reader, and the contents list "Key
    takeaways" (scripts/summary_boxes.py); following it lands on the box."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/research.html")
    article = page.locator("article")
    for title in ("In one minute", "Key takeaways"):
        assert article.get_by_role("heading", name=title, level=2).count() == 1, title
    toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary")
    labels = [t.strip() for t in toc.locator("a.md-nav__link").all_inner_texts()]
    assert labels[-2:] == ["Key takeaways", "References"], labels
    toc.get_by_role("link", name="Key takeaways").click()
    page.wait_for_function("location.hash === '#key-takeaways'")
    box = page.locator("#key-takeaways").bounding_box()
    assert box and 0 <= box["y"] < 400, box
    context.close()


def test_a_phone_reader_finds_a_chapters_sections_under_its_summary(browser, site_url):
    """Below 960 px, where Material hides the contents sidebar, a chapter folds its sections
    under its one-minute summary (scripts/page_contents.py); a tap on one lands on it. From 960
    px up the sidebar lists them and the fold is hidden."""
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = phone.new_page()
    page.goto(f"{site_url}/core-difficulties.html")
    fold = page.locator("details.page-contents")
    summary = page.locator("article .admonition.abstract")
    assert fold.is_visible() and not fold.get_attribute("open")
    summary_box, fold_box = summary.bounding_box(), fold.bounding_box()
    assert summary_box and fold_box and summary_box["y"] < fold_box["y"]
    fold.locator("summary").tap()
    labels = [t.strip() for t in fold.locator("a").all_inner_texts()]
    assert labels[-2:] == ["Key takeaways", "References"] and len(labels) >= 6, labels
    fold.get_by_role("link", name="Key takeaways").tap()
    page.wait_for_function("location.hash === '#key-takeaways'")
    box = page.locator("#key-takeaways").bounding_box()
    assert box and 0 <= box["y"] < 200, box
    phone.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 800})
    page = desktop.new_page()
    page.goto(f"{site_url}/core-difficulties.html")
    assert page.locator("details.page-contents").count() == 1
    assert not page.locator("details.page-contents").is_visible()
    desktop.close()
