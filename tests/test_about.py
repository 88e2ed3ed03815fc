"""docs/about.md, About this guide: what the guide is, how it is made and dated, its licence and
where to report an error, and a marked place for the contributors' names, which the maintainers
have not supplied (the page names no one until they do).

A journalist's review: the site never said who made it, how to reach them, or what edition a
reader was looking at. The page restates Home's "Why you can trust this" and links to it; the
edition is the book's (its cover and colophon, book_pdf/metadata.py): Markdown has no access to
the build's version, so the page sends the reader to the PDF and says what "Last updated" means.
It is linked from Home's "Why you can trust this" (its web-only line of downloads) and from every
page's footer. It is a page of the website only: the book, which has its own colophon, leaves it
out (chapter_numbers.NOT_IN_BOOK; test_pdf checks the book), and it has no chapter number."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from chapter_numbers import NOT_IN_BOOK, UNNUMBERED

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "about.md"


def _config() -> dict:
    """mkdocs.yml as plain values; an `!ENV [NAME, default]` is the list [NAME, default]."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _default(value: str | list[str]) -> str:
    return value[-1] if isinstance(value, list) else value


def test_the_nav_lists_it_last_right_after_further_reading():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Further reading: further-reading.md\n  - About this guide: about.md\n" in nav


def test_it_is_a_page_of_the_site_only_with_no_chapter_number():
    assert "about.md" in NOT_IN_BOOK
    assert "about.md" not in UNNUMBERED  # NOT_IN_BOOK pages are left unnumbered by themselves


def test_it_states_the_licence_in_the_footers_words_and_no_wider():
    """The footer speaks of the text only: the page must not stretch the licence to the figures."""
    text = PAGE.read_text(encoding="utf-8")
    footer = _config()["copyright"]
    assert f'"{footer}"' in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text
    assert not re.search(r"(?i)text and figures|figures (?:are|is) (?:also )?licensed", text)


def test_its_issue_tracker_is_that_of_the_repository_the_edit_links_go_to():
    """edit_uri (default: .../alignment-explained/edit/main/docs/) names the repository; its issue
    tracker is the repository's address and /issues. External links are fine (no request is made
    until a reader follows one)."""
    edit_uri = _default(_config()["edit_uri"])
    repository = edit_uri.split("/edit/", 1)[0]
    assert repository.startswith("https://github.com/")
    links = re.findall(r"\]\((https://[^)\s]+)\)", PAGE.read_text(encoding="utf-8"))
    assert f"{repository}/issues" in links, links


def test_it_says_plainly_that_the_contributors_are_not_named_yet():
    """Until the maintainers supply names, affiliations and funding, the page says it has none,
    in a marked note for them to replace; when they do, this test changes with the page."""
    text = PAGE.read_text(encoding="utf-8")
    who = text.split("## Who makes it", 1)[1]
    assert "does not yet name them" in who
    assert '!!! note "To be completed by the maintainers"' in who


# The built site


def test_home_and_every_footer_lead_to_it(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    trust = home.split('<h2 id="why-you-can-trust-this"', 1)[1].split("<h2 ", 1)[0]
    assert '<a href="about.html">About this guide</a>' in trust
    for page, href in (
        ("rlhf.html", "about.html"),
        ("demos/boat-race.html", "../about.html"),
        ("about.html", "about.html"),
    ):
        footer = (site_dir / page).read_text(encoding="utf-8").split('class="md-copyright"', 1)[1]
        assert f'<a href="{href}">About this guide</a>' in footer, page


def test_it_is_built_unnumbered_searchable_and_in_the_sitemap_and_the_404_list(site_dir):
    about = (site_dir / "about.html").read_text(encoding="utf-8")
    assert "<h1" in about and "About this guide" in about
    assert 'class="chapter-label"' not in about
    assert "Last updated" in about
    assert "about.html" in (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"about.html"' in index.replace(" ", "")
    assert 'about.html">About this guide</a>' in (site_dir / "404.html").read_text(encoding="utf-8")
