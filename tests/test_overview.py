"""Alignment in six minutes (docs/overview.md): Home's "quick overview" is a real page holding
every chapter's one-minute summary, in the book's order, included from the chapters themselves
(pymdownx.snippets sections), so it says what they say; it leaves out their key takeaways, which
would repeat each summary's points a few lines later; it stays out of search and the nav."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CHAPTERS  # the nine chapters, in the nav's order
from reading_time import WORDS_PER_MINUTE

pytestmark = pytest.mark.site


class _Boxes(HTMLParser):
    """The text of each admonition (class and words), leaving out tooltips (a glossary term is
    marked at its first use in a section, and the sections differ between the two pages) and
    buttons (a chapter's summary has its phone fold button, scripts/summary_boxes.py)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.boxes: list[tuple[str, list[str]]] = []  # (class, the text's pieces)
        self.depth = 0  # inside the current admonition's <div>s
        self.hidden = 0  # inside a tooltip

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.hidden or tag == "button" or "hover-tip" in classes or "citation__tip" in classes:
            self.hidden += 1
            return
        if tag == "div" and "admonition" in classes and not self.depth:
            self.boxes.append((classes[1], []))
            self.depth = 1
        elif tag == "div" and self.depth:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            self.hidden -= 1
        elif tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden:
            self.boxes[-1][1].append(data)


def boxes(path: Path) -> list[tuple[str, str]]:
    parser = _Boxes()
    parser.feed(path.read_text(encoding="utf-8"))
    return [(kind, " ".join("".join(pieces).split())) for kind, pieces in parser.boxes]


def test_the_overview_holds_each_chapters_summary_as_the_chapter_has_it_and_no_takeaways(
    site_dir: Path,
) -> None:
    overview = boxes(site_dir / "overview.html")
    html = (site_dir / "overview.html").read_text(encoding="utf-8")
    expected = []
    for slug in CHAPTERS:
        chapter = boxes(site_dir / f"{slug}.html")
        expected.append(next(b for b in chapter if b[1].startswith("In one minute")))
    assert overview == expected  # every chapter's summary, in order, and no other box
    # The title and Home's card promise a length in minutes: the boxes at 230 words a minute
    # (scripts/reading_time.py's rate), plus headings and links, must keep it.
    words = sum(len(text.split()) for _, text in overview)
    numbers = {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
    title = re.search(r"<h1[^>]*>Alignment in (\w+) minutes", html)
    kicker = re.search(
        r"About (\d+) minutes", (site_dir / "index.html").read_text(encoding="utf-8")
    )
    assert title and kicker and numbers[title.group(1)] == int(kicker.group(1))
    assert abs(words / WORDS_PER_MINUTE - int(kicker.group(1))) <= 1.5, words
    for slug in CHAPTERS:
        assert f'href="{slug}.html"' in html
    assert "--8&lt;--" not in html and "--8<--" not in html  # every include was resolved
    for slug in CHAPTERS:  # and the chapters show no section marker either
        assert "--8&lt;--" not in (site_dir / f"{slug}.html").read_text(encoding="utf-8")


def test_the_overview_is_reached_from_home_and_kept_out_of_search(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<a class="ae-card__link" href="overview.html">The quick overview</a>' in home
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("overview.html")]
    assert 'class="chapter-kicker' not in (site_dir / "overview.html").read_text(encoding="utf-8")
