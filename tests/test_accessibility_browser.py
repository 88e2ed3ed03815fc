"""Automated accessibility audit (axe-core, via axe-playwright-python) of every page, in both
colour schemes: WCAG 2.x A and AA rules, including colour contrast."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


def _pages(site_dir):
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                  if not p.relative_to(site_dir).as_posix().startswith("assets/"))


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -- {len(v['nodes'])} node(s): {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_wcag_aa(browser, site_url, site_dir, scheme):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    failures = []
    for rel in _pages(site_dir):
        page.goto(f"{site_url}/{rel}")
        page.wait_for_load_state("networkidle")
        result = axe.run(page, options=WCAG_AA)
        violations = result.response["violations"]
        if violations:
            failures.append(f"{rel}:\n{_describe(violations)}")
    context.close()
    assert not failures, "\n\n".join(failures)
