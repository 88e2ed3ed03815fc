"""Where the book's citations point: each cited work is listed once, at the end of the book.

The site's last chapter, Further reading, already lists every work in references.bib, with a
sentence on why it is worth reading and the chapters that cite it; each entry of a page's
References section says so with its "In Further reading" link. So a citation links to the
work's entry there, and the book does not print the same references a second time. Only works
with no such entry in the book (a site without that page, or a page that lists some works but
not all) get a Bibliography after the last chapter, in citation-key order (surname, year), each
once however many chapters cite it, in the hook's own rendering (ids replaced by the
bibliography's; symbol-only links such as "back to citation" arrows, which would point into one
arbitrary chapter, dropped).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import htmltree as ht
from .chapter import BIB_PREFIX, Chapter
from .htmltree import Element

MORE_LINK_CLASS = "citation-reference__more"  # the hook's "In Further reading" link


@dataclass(frozen=True)
class Entry:
    key: str
    element: Element

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.key.casefold(), self.key)


def entry_homes(chapters: list[Chapter]) -> dict[str, str]:
    """Cited key -> the in-book anchor ("#...") of the work's own entry in another chapter.

    Read from the "In Further reading" links of the References entries, which link_chapters has
    already pointed into the book: kept only when they land on an element inside a chapter
    (not on a chapter's start, which is where a link to a missing anchor falls back to).
    """
    chapter_ids = {c.slug for c in chapters}
    anchors = {
        el.get("id") for c in chapters for el in c.section.iter() if el.get("id")
    } - chapter_ids
    homes: dict[str, str] = {}
    for chapter in chapters:
        for key, element in chapter.references.items():
            for link in element.iter("a"):
                href = link.get("href") or ""
                if (
                    ht.has_class(link, MORE_LINK_CLASS)
                    and href.startswith("#")
                    and href[1:] in anchors
                ):
                    homes.setdefault(key, href)
    return homes


def point_citations(chapters: list[Chapter], homes: dict[str, str]) -> None:
    """Send each citation of a work that has a home to it (the others keep "#bib-<key>")."""
    for chapter in chapters:
        for link in chapter.section.iter("a"):
            href = link.get("href") or ""
            if href.startswith("#" + BIB_PREFIX) and (key := href[len(BIB_PREFIX) + 1 :]) in homes:
                link.set("href", homes[key])


def collect_entries(chapters: list[Chapter], homes: dict[str, str] | None = None) -> list[Entry]:
    """The Bibliography: every cited work without a home, first rendering of each key kept, in
    author order (empty when Further reading lists them all)."""
    homes = homes or {}
    entries: dict[str, Entry] = {}
    for chapter in chapters:
        for key, element in chapter.references.items():
            if key not in homes:
                entries.setdefault(key, Entry(key, _clean(element, key)))
    return sorted(entries.values(), key=lambda e: e.sort_key)


def _clean(element: Element, key: str) -> Element:
    item = ht.Element("li", {"id": BIB_PREFIX + key, "class": "bib-entry"})
    item.text = element.text
    item.extend(list(element))
    parent_of = ht.parents(item)
    for link in [a for a in item.iter("a") if not any(ch.isalnum() for ch in ht.text_of(a))]:
        ht.remove(parent_of[link], link)
    for el in item.iter():
        if el is not item:
            el.attrib.pop("id", None)
    return item
