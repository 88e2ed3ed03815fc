"""Further reading as a screen reader and a sighted reader meet it: each group a list of works,
so a screen reader says how many a group holds and moves from one work to the next; no bullets
and no list indent on screen."""

from __future__ import annotations

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
