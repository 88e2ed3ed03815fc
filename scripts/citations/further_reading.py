"""The generated Further reading page, and who cites what.

Further reading lists every entry of references.bib: first a short "Start here" group of the
entries tagged so (a `keywords` tag "start-here", as reference managers export their tags), then
the rest grouped by topic: under the chapter that cites each first (the home page, which
introduces everything, does not count while a chapter cites the work too), easiest kinds first
(videos, articles, books, papers), and last the works no page cites. A chapter's group is a fold
(`<details open>`) whose summary counts its works by kind: further-reading.js closes them on a
phone, where the page ran to 80 screens, and opens the one an address names. Each has its annotation, a
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

from markdown.extensions.toc import slugify
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
    name: str = ""  # its "Cited in" links' names end with it (Styler.work_name)


@dataclass(frozen=True, slots=True)
class Group:
    title: str
    entries: tuple[EntryView, ...]
    intro: str = ""
    anchor: str = ""
    summary: str = ""  # "18 works: 3 articles, 15 papers" (a fold's summary)
    folds: bool = False  # a fold, closed on a phone (Start here is not)


START_HERE_TITLE = "Start here"
START_HERE_INTRO = (
    "A few places to begin if you are new to the subject, the works we would hand a friend:"
    " videos first, then articles and reports, books and papers. Everything else follows by"
    " topic, under the chapter that first cites it."
)
START_HERE_ORDER = ("video", "article", "book", "paper")  # easiest first
HOME_URI = "index.md"  # introduces everything: a work it cites goes under the chapter on it
UNCITED_TITLE = "Also worth reading"
UNCITED_INTRO = "Works no page cites, listed because they are worth your time."
KIND_NAMES = {  # a summary's words: (one, several)
    "video": ("video", "videos"),
    "article": ("article", "articles"),  # articles, posts, reports and web pages
    "book": ("book", "books"),
    "paper": ("paper", "papers"),
}


def group_by_first_citer(
    keys: Sequence[str], pages: Sequence[SourcePage], home: str = HOME_URI
) -> list[tuple[SourcePage | None, list[str]]]:
    """[(page, the keys grouped under it)]: each key under the first page (in nav order) citing
    it that is not `home`, under `home` if only it does; the pages in nav order, then (None, the
    keys no page cites). Keys keep their order within a group; empty groups are left out."""
    cited = citing_pages(pages)
    groups: dict[str | None, list[str]] = {}
    for key in keys:
        citers = cited.get(key, [])
        page = next((p for p in citers if p.src_uri != home), citers[0] if citers else None)
        groups.setdefault(page.src_uri if page else None, []).append(key)
    ordered: list[tuple[SourcePage | None, list[str]]] = [
        (page, groups[page.src_uri]) for page in pages if page.src_uri in groups
    ]
    if None in groups:
        ordered.append((None, groups[None]))
    return ordered


def works_summary(kinds: Sequence[str]) -> str:
    """'18 works: 3 articles, 15 papers' for the kinds of a group's works, in
    START_HERE_ORDER (easiest first); '2 books' when they are all of one kind."""
    counts = [(kind, kinds.count(kind)) for kind in START_HERE_ORDER if kind in kinds]
    counts += [(kind, kinds.count(kind)) for kind in dict.fromkeys(kinds) if kind not in KIND_NAMES]
    words = [f"{n} {KIND_NAMES.get(kind, (kind, kind))[n != 1]}" for kind, n in counts]
    if len(words) == 1:
        return words[0]
    return f"{len(kinds)} works: " + ", ".join(words)


def heading_id(title: str) -> str:
    """The id Markdown's `toc` extension gives the heading `## {title}` with its default slugify
    (the site's), for the "Jump to" line: 'Goodhart's Law' -> 'goodharts-law'. Ids from the
    page's files were tried, written `{ #id }`, but that needs `attr_list`, which a site may not
    switch on."""
    return slugify(title, "-")


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
            views.append(
                EntryView(view, styler.reference_html(key), cited_in, styler.work_name(key))
            )
        return tuple(views)

    entries = styler.bibliography.entries

    def easiest_first(keys: Sequence[str]) -> list[str]:
        """`keys` by kind in START_HERE_ORDER (videos first), in their order within a kind."""
        return [k for kind in START_HERE_ORDER for k in keys if entries[k].kind == kind]

    start = easiest_first(styler.sorted_keys([k for k, e in entries.items() if e.starts_here]))
    rest = [k for k in styler.sorted_keys(list(entries)) if k not in start]
    topics = []
    for page, keys in group_by_first_citer(rest, pages):
        ordered = easiest_first(keys)  # every kind is one of START_HERE_ORDER's (checks.KINDS)
        title = page.title if page else UNCITED_TITLE
        topics.append(
            Group(
                title,
                entry_views(ordered),
                "" if page else UNCITED_INTRO,
                heading_id(title),
                works_summary([entries[k].kind for k in ordered]),
                folds=True,
            )
        )
    candidates = [
        Group(START_HERE_TITLE, entry_views(start), START_HERE_INTRO, heading_id(START_HERE_TITLE)),
        *topics,
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
