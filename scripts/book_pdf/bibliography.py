"""One bibliography for the whole book, made from the References sections of the chapters.

Each cited work appears once, however many chapters cite it, in citation-key order (the order
of the pages' own References lists: surname, year). Entries keep the hook's own rendering
(authors, year, title, links, already pointed into the book by chapter.link_chapters); ids are
replaced by the bibliography's, and symbol-only links (e.g. "back to citation" arrows, which
would point into one arbitrary chapter) are dropped.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import htmltree as ht
from .chapter import BIB_PREFIX, Chapter
from .htmltree import Element


@dataclass(frozen=True)
class Entry:
    key: str
    element: Element

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.key.casefold(), self.key)


def collect_entries(chapters: list[Chapter]) -> list[Entry]:
    """Every reference of every chapter, first rendering of each key kept, in author order."""
    entries: dict[str, Entry] = {}
    for chapter in chapters:
        for key, element in chapter.references.items():
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
