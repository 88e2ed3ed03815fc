"""The generated Further reading page, and who cites what.

Further reading lists every entry of references.bib: first a short "Start here" group of the
entries tagged so (a `keywords` tag "start-here", as reference managers export their tags), then
the rest grouped by `kind` (Papers, Books, Articles and posts, Videos). Each has its annotation, a
stable anchor (`#amodei2016concrete`) and "Cited in:" links to every chapter that cites it, in
navigation order, each landing on the work's entry in that chapter's References, whose arrows
lead back to every sentence citing it; a web-only filter shows the works one page cites
(further-reading.js). Those links need every page's citations before any page
is rendered: site_pass.read_sources reads all Markdown sources once in `on_files`, and the site
pass makes this page with the keys each page cites.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from .style import references_entry_id
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
    intro: str = ""


START_HERE_TITLE = "Start here"
START_HERE_INTRO = (
    "A few places to begin if you are new to the subject, the works we would hand a friend:"
    " videos first, then articles and reports, books and papers. Everything else follows, grouped"
    " by kind."
)
START_HERE_ORDER = ("video", "article", "book", "paper")  # easiest first


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
    page_href = {p.src_uri: get_relative_url(p.url, page_url) for p in pages}  # once per page

    def entry_views(keys: list[str]) -> tuple[EntryView, ...]:
        views = []
        for key in keys:
            view = styler.view(key)
            cited_in = tuple(  # to the page's References entry, whose arrows lead to each use
                PageLink(p.title, f"{page_href[p.src_uri]}#{references_entry_id(key)}")
                for p in cited.get(key, ())
            )
            views.append(EntryView(view, styler.reference_html(key), cited_in))
        return tuple(views)

    entries = styler.bibliography.entries
    start = [
        key
        for kind in START_HERE_ORDER
        for key in styler.sorted_keys(
            [k for k, e in entries.items() if e.starts_here and e.kind == kind]
        )
    ]
    candidates = [
        Group(START_HERE_TITLE, entry_views(start), START_HERE_INTRO),
        *(
            Group(
                title,
                entry_views(
                    styler.sorted_keys(
                        [k for k, e in entries.items() if e.kind == kind and k not in start]
                    )
                ),
            )
            for kind, title in KINDS.items()
        ),
    ]
    groups = [group for group in candidates if group.entries]  # an empty group is left out
    group_template = styler.template(GROUP_TEMPLATE)
    slots = [group_template.render(entries=group.entries).strip() for group in groups]
    chapters = [  # the pages a reader can filter by: those that cite, in nav order
        PageLink(p.title, page_href[p.src_uri]) for p in pages if p.keys
    ]
    markdown = (
        styler.template(TEMPLATE)
        .render(
            groups=groups,
            bib_url=bib_url,
            chapters=chapters,
            total=sum(len(group.entries) for group in groups),
        )
        .strip()
        + "\n"
    )
    return markdown, slots


def uncited_keys(styler: Styler, pages: Sequence[SourcePage]) -> list[str]:
    cited = {key for page in pages for key in page.keys}
    return [key for key in styler.bibliography.entries if key not in cited]
