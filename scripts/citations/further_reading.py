"""The generated Further reading page, and who cites what.

Further reading lists every entry of references.bib, grouped by `kind` (Papers, Books,
Articles and posts, Videos), each with its annotation, a stable anchor (`#amodei2016concrete`)
and "Cited in:" links to every chapter that cites it, in navigation order. Those links need
every page's citations before any page is rendered: site_pass.read_sources reads all Markdown
sources once in `on_files`, and the site pass makes this page with the keys each page cites.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from .templates import FURTHER_READING_GROUP_TEMPLATE as GROUP_TEMPLATE
from .templates import FURTHER_READING_TEMPLATE as TEMPLATE

if TYPE_CHECKING:  # the page is made by the site pass; a warm build needs only the names below
    from .render import ReferenceView, Styler

FURTHER_READING_URI = "further-reading.md"
BIB_URI = "references.bib"


@dataclass(frozen=True, slots=True)
class SourcePage:
    """A page as Further reading links to it, with the keys it cites."""

    src_uri: str
    url: str
    title: str
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PageLink:
    title: str
    href: str


@dataclass(frozen=True, slots=True)
class EntryView:
    reference: ReferenceView
    html: Markup
    cited_in: tuple[PageLink, ...]


@dataclass(frozen=True, slots=True)
class Group:
    title: str
    entries: tuple[EntryView, ...]


def nav_titles(nav: object) -> dict[str, str]:
    """{src_uri: title} for pages the mkdocs.yml `nav` names explicitly, in nav order."""
    found: dict[str, str] = {}

    def walk(item: object, title: str | None = None) -> None:
        if isinstance(item, str):
            if "://" not in item:  # external links in the nav are not pages
                found.setdefault(item, title or "")
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for key, value in item.items():
                walk(value, key if isinstance(value, str) else None)

    walk(nav or [])
    return found


def citing_pages(pages: Sequence[SourcePage]) -> dict[str, list[SourcePage]]:
    """{key: pages citing it}, each page once, in nav order."""
    index: dict[str, list[SourcePage]] = {}
    for page in pages:
        for key in dict.fromkeys(page.keys):
            index.setdefault(key, []).append(page)
    return index


def further_reading_page(
    styler: Styler,
    pages: Sequence[SourcePage],
    *,
    page_url: str = "further-reading.html",
    bib_url: str = BIB_URI,
) -> tuple[str, list[str]]:
    """The Further reading page: its Markdown (one late slot per group) and the slots' HTML."""
    from .bibliography import KINDS

    cited = citing_pages(pages)
    link_to = {
        p.src_uri: PageLink(p.title, get_relative_url(p.url, page_url)) for p in pages
    }  # once per page
    groups = []
    group_template = styler.template(GROUP_TEMPLATE)
    slots = []
    for kind, title in KINDS.items():
        keys = [key for key, entry in styler.bibliography.entries.items() if entry.kind == kind]
        entries = [
            EntryView(
                styler.view(key),
                styler.reference_html(key),
                tuple(link_to[p.src_uri] for p in cited.get(key, ())),
            )
            for key in styler.sorted_keys(keys)
        ]
        if entries:
            groups.append(Group(title, tuple(entries)))
            slots.append(group_template.render(entries=entries).strip())
    markdown = styler.template(TEMPLATE).render(groups=groups, bib_url=bib_url).strip() + "\n"
    return markdown, slots


def uncited_keys(styler: Styler, pages: Sequence[SourcePage]) -> list[str]:
    cited = {key for page in pages for key in page.keys}
    return [key for key in styler.bibliography.entries if key not in cited]
