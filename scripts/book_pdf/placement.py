"""A chapter's opening figure, placed as a book places a figure too tall for what is left of its
page: when it does not fit under the text before it, the text after it runs on to fill the page
and the figure goes after that text, to the top of the next page (a deferred float), instead of
moving on alone and leaving the rest of the page empty.

Why the opening, and only it: further in, a figure has a whole page to fit in, and book.css caps
figures at 125 mm so that one fits under a third of a page of text; a chapter's first page loses
a fifth of its height to the chapter's title, and the demo chapters open on a figure 15-17 cm
tall (image, caption, address and QR code), which no cap can make fit there with labels that
can still be read. Each left its first page 45-55% empty.

How: WeasyPrint has no page floats (CSS GCPM's `float: top`), so the figure is moved in the book's
tree, to where a trial layout of those chapters alone says the first page's text ends (a chapter
starts on a page of its own, so it lays out alone as in the book; 0.15 s of CPU for the two demo
chapters). The trial reads only WeasyPrint's public API, Page.anchors: the positions of empty
markers put where the figure could go, and of two fixed, empty probes at the top and bottom of
the page area (a fixed box is laid out on every page; the API gives a page's size, not its
margins). A marker adds no height and breaks nothing: none is put after a heading, which keeps
its next block (break-after: avoid).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from weasyprint.document import Document

from . import htmltree as ht
from .htmltree import Element

LISTS = ("ul", "ol")
MARKER = "placement-"  # ids of the trial's markers and probes (the book's own ids are prefixed)
PAGE_TOP, PAGE_BOTTOM, FIGURE_END = f"{MARKER}top", f"{MARKER}bottom", "end"
# A marker this close to the top of a page (CSS px, 1 mm) follows a block that ended the page
# before: only its bottom margin, which a page end drops, did not fit there.
AT_PAGE_TOP = 4.0

LayOut = Callable[[list[Element]], Document]  # body children -> their laid-out document


@dataclass(frozen=True)
class Place:
    """A place for the figure: after the chapter's block `child`, or after item `item` of that
    block (a list, to be split there)."""

    child: int
    item: int | None = None

    def marker(self, chapter: int) -> str:
        item = "" if self.item is None else f"-{self.item}"
        return f"{MARKER}{chapter}-{self.child}{item}"


def place_opening_figures(chapters: list[Element], lay_out: LayOut) -> list[Element]:
    """Move each chapter's opening figure that does not fit under the text before it to after the
    text that fills that page; return the chapters (sections) whose figure moved."""
    openings = [(s, block) for s in chapters if (block := opening_figure(s)) is not None]
    if not openings:
        return []
    trials, places = [], []
    for key, (section, block) in enumerate(openings):
        trial, chapter_places = _trial_copy(section, block, key)
        trials.append(trial)
        places.append(chapter_places)
    at = anchor_positions(lay_out([*_probes(), *trials]))
    moved = []
    for key, (section, block) in enumerate(openings):
        place = _deferred_place(places[key], key, at)
        if place is not None:
            _move(section, block, place)
            moved.append(section)
    return moved


def opening_figure(section: Element) -> Element | None:
    """The first block of a chapter's opening (before its first h2) that is or holds a figure."""
    for child in section:
        if child.tag == "h2":
            return None
        if child.tag == "figure" or child.find(".//figure") is not None:
            return child
    return None


def _trial_copy(section: Element, block: Element, key: int) -> tuple[Element, list[Place]]:
    """The chapter without its opening figure, with a marker at each place the figure could go
    (its own first, then after each later block and each item of a list), and the figure at the
    end, after a page break, to measure it; and those places, in order."""
    trial = copy.deepcopy(section)
    trial.attrib.pop("id", None)
    children = list(trial)
    own = list(section).index(block)
    figure = children[own]
    ht.remove(trial, figure)
    places = [Place(own)]
    trial.insert(own, _marker(places[0].marker(key)))
    for index, child in enumerate(children[own + 1 :], start=own + 1):
        if child.tag in LISTS:
            for number, item in enumerate(li for li in list(child) if li.tag == "li"):
                places.append(Place(index, number))
                _insert_after(child, item, _marker(places[-1].marker(key)))
        if child.tag not in ht.HEADINGS:
            places.append(Place(index))
            _insert_after(trial, child, _marker(places[-1].marker(key)))
    figure.set("style", "break-before: page")
    trial.extend([figure, _marker(f"{MARKER}{key}-{FIGURE_END}")])
    return trial, places


def _deferred_place(
    places: list[Place], key: int, at: dict[str, tuple[int, float]]
) -> Place | None:
    """Where the figure goes: None where the text puts it, if it fits there, else the last place
    on that page. Measured with its margins, a figure that would only just fit is deferred too:
    it then heads the next page, and the text still fills this one. (A marker that was not laid
    out, inside something hidden, is no place; without its own, the figure stays.)"""
    own, end = places[0].marker(key), f"{MARKER}{key}-{FIGURE_END}"
    if own not in at or end not in at:
        return None
    top, bottom = at[PAGE_TOP][1], at[PAGE_BOTTOM][1]
    page, y = at[own]
    if y + at[end][1] - top <= bottom:
        return None
    on_page = [
        p for p in places[1:] if p.marker(key) in at and _page_of(at[p.marker(key)], top) == page
    ]
    return on_page[-1] if on_page else None


def _page_of(position: tuple[int, float], top: float) -> int:
    """The page a marker ends, as the page before when it heads a page (see AT_PAGE_TOP)."""
    page, y = position
    return page - 1 if page and y - top < AT_PAGE_TOP else page


def _move(section: Element, block: Element, place: Place) -> None:
    """Put the block after the place's block, splitting its list there if the place is inside."""
    target = list(section)[place.child]
    ht.remove(section, block)
    items = [li for li in target if li.tag == "li"]
    if place.item is not None and place.item < len(items) - 1:
        rest = _split_list(target, items[place.item + 1 :], place.item + 1)
        _insert_after(section, target, rest)
    block.tail = "\n"
    _insert_after(section, target, block)


def _split_list(first: Element, items: list[Element], before: int) -> Element:
    """A list like `first` (its class, not its id) holding `items`, taken from it; an ordered
    one goes on counting from where `first` now ends."""
    rest = ht.Element(first.tag, {k: v for k, v in first.attrib.items() if k != "id"})
    if first.tag == "ol":
        rest.set("start", str(int(first.get("start", "1")) + before))
    for item in items:
        first.remove(item)
        rest.append(item)
    rest.tail, first.tail = first.tail, "\n"
    return rest


def anchor_positions(document: Document) -> dict[str, tuple[int, float]]:
    """Each anchor's page index and y (CSS px from the top of the page), where it starts (an
    element split over pages has its anchor on each of them)."""
    found: dict[str, tuple[int, float]] = {}
    for index, page in enumerate(document.pages):
        for name, point in page.anchors.items():  # (x, y), documented; 70.0 adds x2, y2 after
            found.setdefault(name, (index, point[1]))
    return found


def _probes() -> list[Element]:
    return [
        _marker(PAGE_TOP, "position: fixed; top: 0; height: 0"),
        _marker(PAGE_BOTTOM, "position: fixed; bottom: 0; height: 0"),
    ]


def _marker(name: str, style: str = "height: 0") -> Element:
    return ht.Element("div", {"id": name, "style": style})


def _insert_after(parent: Element, reference: Element, new: Element) -> None:
    parent.insert(list(parent).index(reference) + 1, new)
