"""Chapter numbers on the site, as the book prints them (scripts/chapter_numbers.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from mkdocs.structure.nav import Navigation

from chapter_numbers import chapter_numbers


def _nav(*src_uris: str) -> Navigation:
    pages = [SimpleNamespace(file=SimpleNamespace(src_uri=uri)) for uri in src_uris]
    return cast(Navigation, SimpleNamespace(pages=pages))


def test_every_page_but_the_home_page_and_the_back_matter_is_numbered_in_nav_order():
    nav = _nav(
        "index.md", "alignment-problem.md", "rlhf.md", "demos/index.md", "demos/boat-race.md",
        "glossary.md", "further-reading.md",
    )  # fmt: skip
    assert chapter_numbers(nav) == {
        "alignment-problem.md": 1,
        "rlhf.md": 2,
        "demos/index.md": 3,
        "demos/boat-race.md": 4,
    }
