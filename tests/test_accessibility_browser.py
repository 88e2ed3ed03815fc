"""Automated accessibility audit (axe-core, via axe-playwright-python) of every page, in both
colour schemes: WCAG 2.x A and AA rules, including colour contrast, and the axe rules Lighthouse
scores its accessibility category with (some are best practices outside WCAG, such as a named
dialog); also with a figure open full screen."""

from __future__ import annotations

import json
from collections.abc import Iterable

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG_AA = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
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
# Both audits in one axe run: the WCAG tags' rules with Lighthouse's enabled on top, which axe-core
# documents as the union of the two. Run one after the other they took twice as long, most of it
# in rules they share (color-contrast above all); test_one_axe_run_finds_what_the_two_audits_find
# checks that this runs the same rules and finds the same nodes.
BOTH_AUDITS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {rule: {"enabled": True} for rule in LIGHTHOUSE_RULES},
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


def axe_violations(page, context: dict | None = None, axe: Axe | None = None) -> list[dict]:
    """The page's WCAG AA and Lighthouse violations as it is now, within `context` (axe's
    include and exclude) if given: one axe run for both audits (BOTH_AUDITS)."""
    return (axe or Axe()).run(page, context=context, options=BOTH_AUDITS).response["violations"]


_MATERIAL = {"light": "default", "dark": "slate"}  # Material's name for each scheme


def switch_scheme(page, scheme: str) -> None:
    """Switch a loaded page to the "light" or "dark" scheme as the reader's system and Material's
    toggle do: the media feature (prefers-color-scheme) and Material's palette (a click on its
    radio input, as palette-keys.js clicks it); then wait until Material has finished switching.
    test_a_page_switched_to_dark_gives_axe_what_a_page_loaded_dark_gives checks that axe then
    finds what it finds on a page loaded in that scheme."""
    material = _MATERIAL[scheme]
    page.emulate_media(color_scheme=scheme)
    page.evaluate(
        "s => document.querySelector(`input.md-option[data-md-color-scheme=${s}]`).click()",
        material,
    )
    page.wait_for_function(
        "s => document.body.dataset.mdColorScheme === s"
        " && !document.body.hasAttribute('data-md-color-switching')",
        arg=material,
    )


def test_every_page_passes_axe_wcag_aa_in_both_schemes(browser, site_url, site_dir):
    axe = Axe()
    context = browser.new_context(color_scheme="light", reduced_motion="reduce")
    page = context.new_page()
    failures = _axe_failures(axe, page, site_url, _pages(site_dir))
    context.close()
    assert not failures, "\n\n".join(failures)


def _axe_failures(axe: Axe, page, site_url: str, pages: Iterable[str]) -> list[str]:
    """Each page's WCAG AA and Lighthouse violations in the light and the dark scheme, described.
    Each page is loaded once, light (the page before it was switched back to light, which
    Material remembers), audited, switched to dark and audited again: a second load for the dark
    scheme took a third of the time and told axe nothing new."""
    failures = []
    for number, rel in enumerate(pages):
        if number:
            switch_scheme(page, "light")
        page.goto(f"{site_url}/{rel}")
        page.wait_for_load_state("networkidle")
        for scheme in ("light", "dark"):
            if scheme == "dark":
                switch_scheme(page, "dark")
            assert page.evaluate("document.body.dataset.mdColorScheme") == _MATERIAL[scheme], rel
            violations = axe_violations(page, axe=axe)
            if violations:
                failures.append(f"{rel} ({scheme}):\n{_describe(violations)}")
    return failures


def _every_result(page, axe: Axe, options: dict) -> dict[str, dict[str, list[str]]]:
    """Every rule axe ran, by outcome (passes, violations, incomplete, inapplicable), with each
    node's target, markup and checks (their data: colours, contrast ratios), as text to compare."""
    everything = {k: v for k, v in options.items() if k != "resultTypes"}
    response = axe.run(page, options=everything).response
    return {
        outcome: {
            rule["id"]: [
                json.dumps([n["target"], n["html"], n["any"], n["all"], n["none"]])
                for n in rule["nodes"]
            ]
            for rule in response[outcome]
        }
        for outcome in ("passes", "violations", "incomplete", "inapplicable")
    }


# Planted for both audits, at the end of the 404 page's text: grey on grey and a button without a name
# (both audits), a heading that skips two levels and an empty one (Lighthouse's only), an image
# role without a name (WCAG's only).
PLANT_VIOLATIONS = """() => document.querySelector('article').insertAdjacentHTML('beforeend',
  '<p style="color:#777;background:#888">grey on grey</p><button></button>' +
  '<h2>planted</h2><h5>two levels down</h5><h3></h3><span role="img"></span>')"""


def test_one_axe_run_finds_what_the_two_audits_find(browser, site_url):
    """BOTH_AUDITS runs exactly the rules of the WCAG AA run and of the Lighthouse run together,
    with the same outcome for every node, on a page with violations planted for each (a small
    page: three full audits of a chapter took 15 s)."""
    axe = Axe()
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site_url}/404.html")
    page.wait_for_load_state("networkidle")
    page.evaluate(PLANT_VIOLATIONS)
    wcag, lighthouse, both = (
        _every_result(page, axe, o) for o in (WCAG_AA, LIGHTHOUSE, BOTH_AUDITS)
    )
    context.close()
    for outcome, rules in both.items():
        assert rules == {**wcag[outcome], **lighthouse[outcome]}, outcome
        shared = wcag[outcome].keys() & lighthouse[outcome].keys()
        assert all(wcag[outcome][r] == lighthouse[outcome][r] for r in shared), outcome
    assert {
        "color-contrast",
        "button-name",
        "heading-order",
        "empty-heading",
        "role-img-alt",
    } <= set(both["violations"])
    assert (
        "heading-order" not in wcag["violations"] and "role-img-alt" not in lighthouse["violations"]
    )


def test_a_page_switched_to_dark_gives_axe_what_a_page_loaded_dark_gives(browser, site_url):
    """Why the audit of every page loads each page once: loaded light and audited, then switched
    to dark (switch_scheme), a page gives axe every node and every check (colours and contrast
    ratios included) that the same page loaded dark gives, next to it in the same browser
    context, as the dark audit's pages loaded before. On the boat race's page, whose demo reads
    its colours from the scheme; loaded once before, so that it is drawn in the site's fonts
    (font-display: optional)."""
    axe = Axe()
    url = f"{site_url}/demos/boat-race.html"
    context = browser.new_context(color_scheme="light", reduced_motion="reduce")
    switched = context.new_page()
    for _ in range(2):
        switched.goto(url)
        switched.wait_for_load_state("networkidle")
    axe_violations(switched, axe=axe)
    switch_scheme(switched, "dark")
    dark_by_switch = _every_result(switched, axe, BOTH_AUDITS)
    loaded = context.new_page()
    loaded.emulate_media(color_scheme="dark")
    loaded.goto(url)
    loaded.wait_for_load_state("networkidle")
    scheme = loaded.evaluate("document.body.dataset.mdColorScheme")
    loaded_dark = _every_result(loaded, axe, BOTH_AUDITS)
    context.close()
    assert scheme == "slate"
    assert dark_by_switch == loaded_dark


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_figure_open_full_screen_passes_axe(browser, site_url, scheme):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site_url}/rlhf.html")
    page.locator(".md-content .ae-zoom").first.click()
    page.locator("dialog.ae-viewer[open] .ae-viewer__stage img").wait_for(state="visible")
    violations = axe_violations(page, axe=axe)
    context.close()
    assert not violations, _describe(violations)


def test_tables_set_as_cards_on_a_phone_pass_axe(browser, site_url):
    """On a phone the wide tables are set as blocks (cards); their roles keep them tables."""
    axe = Axe()
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme="light", reduced_motion="reduce"
    )
    page = context.new_page()
    pages = ("specification-gaming.html", "research.html", "constitutional-ai.html")
    failures = _axe_failures(axe, page, site_url, pages)
    carded = {"dark": page.locator("table[data-stack]").count()}  # on the last page
    switch_scheme(page, "light")
    carded["light"] = page.locator("table[data-stack]").count()
    context.close()
    assert not failures, "\n\n".join(failures)
    assert min(carded.values()) >= 1, carded  # Constitutional AI's two three-column tables


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
    violations = axe_violations(page, axe=axe)
    context.close()
    assert not violations, _describe(violations)


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


FORCED = """() => { const term = document.querySelector('article abbr.glossary-term__name[role=link]');
  const link = document.querySelector('article p a[href]:not(.citation__link)');
  const icon = getComputedStyle(document.querySelector('.admonition-title'), '::before');
  return { term: getComputedStyle(term).color, link: getComputedStyle(link).color,
           icon: icon.backgroundColor, text: getComputedStyle(document.body).color }; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_forced_colours_glossary_terms_look_like_links_and_box_icons_stay(
    browser, site_url, scheme
):
    """Windows high contrast (forced colours) painted glossary terms, links to their entries, as
    plain text while every real link took the link colour, and the "In one minute" icon, a mask
    over a background colour, in the page's background: it vanished (review 13). extra.css
    gives terms LinkText and paints the icons in the text colour."""
    context = browser.new_context(forced_colors="active", color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/specification-gaming.html")
        page.wait_for_load_state("networkidle")
        seen = page.evaluate(FORCED)
        assert seen["term"] == seen["link"], seen
        assert seen["icon"] == seen["text"], seen
    finally:
        context.close()
