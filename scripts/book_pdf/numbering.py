"""Numbers, as a book has them: chapters, figures and tables within chapters ("Figure 3.2"), and
cross-references that print the number and the page of what they point at.

Which pages are chapters: the site's rule (chapter_numbers.number_parts): every page at the top of
the nav but the home page (the book's Introduction) and the reference pages at the back
(glossary, Who's who, Further reading), which are front and back matter; the pages in a nav section (the
interactive demos) are appendices, lettered ("Appendix B", "Figure B.1").
Numbers are written into the HTML (they are the same on every paper size); page numbers come
from WeasyPrint's target-counter() in book.css, the only thing that knows them.
"""

from __future__ import annotations

import re

from chapter_numbers import UNNUMBERED, number_parts

from . import htmltree as ht
from .chapter import CITED_KEY, Chapter
from .htmltree import Element
from .nav import built_page

HOME_PAGE = "index.html"
INTRODUCTION = "Introduction"
# The site's rule's unnumbered pages, as the book names them ("glossary.md" -> "glossary.html").
UNNUMBERED_PAGES = tuple(built_page(source) for source in UNNUMBERED)
XREF_CLASS = "xref"  # a cross-reference: a span.xref-label after it prints " (Chapter 3)"
XREF_PAGE_CLASS = "xref--page"  # ... and "p. " target-counter(page) after it
XREF_LABEL = "data-xref"  # the label, "Chapter 3", kept on the link too
XREF_LABEL_CLASS = "xref-label"  # the span after the link that prints it
XREF_LABEL_PAGE_CLASS = "xref-label--page"  # ... whose ::after prints the page, book.css
XREF_TARGET = "data-target"  # ... of this target ("#id")
XREF_CLOSING = "data-closing"  # ... and then this: ")", ",", "; " or nothing
CHAPTER_NUMBER = "data-chapter"  # on a numbered chapter's <h1>, for its bookmark
# On a table's first body row: its label, which book.css prints as "Table 3.1 (continued)" at the
# head of every page the table continues on (string-set from this row, cleared by its last row).
TABLE_CONTINUED = "data-continued"
XREF_IN_PARENS_CLASS = "xref--in-parens"  # ... as ", Chapter 3" inside the text's own "( )"
XREF_APPOSITION_CLASS = "xref--apposition"  # ... and ", Chapter 3," when the sentence goes on
CONTINUES_THE_SENTENCE = re.compile(r"\s+\w")  # "(Constitutional AI has the figures)"
XREF_CITES_CLASS = "xref--cites"  # ... as " (Chapter 3; " opening the citation that follows
OPENS_A_CITATION = re.compile(r"\s*\(")  # the start of a citation's text
# Elements whose text is a run of prose of its own: an unclosed "(" does not carry out of them.
PROSE_BLOCKS = frozenset(
    {"p", "li", "dt", "dd", "td", "th", "figcaption", "caption", "blockquote", *ht.HEADINGS}
)

# A number the authors wrote at the start of a caption ("Figure 1. ..."), replaced by the book's.
AUTHORS_FIGURE_NUMBER = re.compile(r"""(?x)
    ^\s*(?:Figure|Fig\.|Table)\s+\d+[a-z]?   # "Figure 1", "Table 2b"
    \s*[.:]?\s*                              # its punctuation
""")


def number_chapters(chapters: list[Chapter]) -> None:
    """Give every chapter and appendix its number, retitle the home page "Introduction" (its h1
    is the book's own title, which the running head already shows), and put "Chapter N" or
    "Appendix B" above each title."""
    numbers = number_parts(
        ((c.page.path, c.page.section is not None) for c in chapters),
        UNNUMBERED_PAGES,
    )
    for chapter in chapters:
        if chapter.page.path == HOME_PAGE:
            _retitle(chapter, INTRODUCTION)
        if (number := numbers.get(chapter.page.path)) is None:
            continue
        chapter.number = number
        h1 = _title_heading(chapter)
        h1.set(CHAPTER_NUMBER, number.number)  # book.css: the bookmark reads "3 Goodhart's Law"
        label = ht.Element("p", {"class": "chapter-number"})
        label.text = number.label
        chapter.section.insert(list(chapter.section).index(h1), label)


def number_figures_and_tables(chapter: Chapter) -> dict[str, str]:
    """Label each figure's caption and each table "Figure N.k" / "Table N.k" (just "Figure k" in
    an unnumbered chapter); returns element id -> label for the cross-references (ids added
    where missing)."""
    labels: dict[str, str] = {}
    prefix = f"{chapter.number.number}." if chapter.number else ""
    counts = {"figure": 0, "table": 0}
    for element in [el for el in chapter.section.iter() if el.tag in counts]:
        counts[element.tag] += 1
        label = f"{element.tag.capitalize()} {prefix}{counts[element.tag]}"
        caption_tag = "figcaption" if element.tag == "figure" else "caption"
        caption = element.find(caption_tag)
        if caption is None:
            caption = ht.Element(caption_tag)
            if element.tag == "table":
                element.insert(0, caption)
            else:
                element.append(caption)
        caption.text = AUTHORS_FIGURE_NUMBER.sub("", caption.text or "", count=1)
        mark = ht.Element("span", {"class": "caption-label"})
        mark.text = label
        mark.tail = (" " + caption.text) if caption.text or len(caption) else ""
        caption.text = None
        caption.insert(0, mark)
        if element.tag == "table":
            _mark_continuation(element, label)
        element_id = element.get("id") or f"{chapter.slug}--{element.tag}-{counts[element.tag]}"
        element.set("id", element_id)
        labels[element_id] = label
    # A live demo's id (what "[the boat race in miniature](…#live-boat-loop)" points at) stands
    # for the one figure the book prints for it.
    for demo in chapter.section.iter("div"):
        figures = [f for f in demo.iter("figure") if f.get("id") in labels]
        if demo.get("id") and ht.has_class(demo, "demo") and len(figures) == 1:
            labels[demo.get("id", "")] = labels[figures[0].get("id", "")]
    return labels


def _mark_continuation(table: Element, label: str) -> None:
    """Give the table's first body row its label, for book.css's "Table 3.1 (continued)" on the
    pages the table runs on to (a row, not the caption: WeasyPrint's string(..., start) takes a
    value set by the first thing on a page as that page's own, and a caption can be that)."""
    first = next((row for body in table.iter("tbody") for row in body.iter("tr")), None)
    if first is not None:
        first.set(TABLE_CONTINUED, label)


def mark_cross_references(chapters: list[Chapter], figure_labels: dict[str, str]) -> int:
    """Every link from one place of the book to another (not citations or footnotes) prints
    what it points at: "(Chapter 3)" for a place in another numbered chapter (its start or a
    section), "(Figure 3.2, p. 28)" for a figure or table; a link that names the figure
    ("[Figure 2](#id)", see figure_refs.py) reads as the book numbers it, "Figure 3.2 (p. 28)".
    Links to a section of the same chapter, and to an unnumbered chapter (the glossary), print
    nothing more. Why chapters and sections get no page
    number: each target-counter() in the running text costs WeasyPrint two more layouts of its
    page, and the site's 200 or so chapter and section links sit on most pages (README, Speed);
    the contents gives each chapter's page. Returns how many links were marked."""
    chapter_of: dict[str, Chapter] = {}
    for chapter in chapters:
        chapter_of[chapter.slug] = chapter
        for el in chapter.section.iter():
            if element_id := el.get("id"):
                chapter_of[element_id] = chapter
    marked = 0
    for chapter in chapters:
        in_heading = {id(a) for h in ht.walk_headings(chapter.section) for a in h.iter("a")}
        in_parens = links_inside_parentheses(chapter.section)
        parent_of = ht.parents(chapter.section)
        for link in list(chapter.section.iter("a")):
            target = (link.get("href") or "")[1:]
            if (
                not (link.get("href") or "").startswith("#")
                or target not in chapter_of
                or link.get(CITED_KEY) is not None
                or id(link) in in_heading
                or ht.classes(link)
                & {"footnote-ref", "footnote-backref", "citation__link", "page-ref"}
            ):
                continue
            target_chapter = chapter_of[target]
            if target in figure_labels and _names_a_figure(link):
                # "[Figure 2](#id)": the link names it; it now reads "Figure 5.2 (p. 41)".
                link.text, label, kind = figure_labels[target], "", XREF_PAGE_CLASS
            elif target in figure_labels:
                label, kind = figure_labels[target] + ", ", XREF_PAGE_CLASS
            elif target_chapter is not chapter and target_chapter.number:
                label, kind = target_chapter.number.label.replace(" ", "\u00a0"), XREF_CLASS
            else:
                continue  # the same chapter, or an unnumbered one (the glossary)
            # Inside the text's own "(": "(the study (Chapter 7))" would nest, so "(the study, Chapter 7)";
            # where the link is the subject, "(the study, Chapter 7, has more)", not "(... Chapter 7 has more)".
            if id(link) in in_parens:
                kind += " " + XREF_IN_PARENS_CLASS
                if CONTINUES_THE_SENTENCE.match(link.tail or ""):
                    kind += " " + XREF_APPOSITION_CLASS
            # And "Goodhart's Law (Chapter 3) (Gao et al., 2023)" as "(Chapter 3; Gao et al., 2023)".
            elif _opens_following_citation(link, parent_of.get(link)):
                kind += " " + XREF_CITES_CLASS
            link.set("class", (link.get("class", "") + " " + kind).strip())
            link.set(XREF_LABEL, label)
            _write_label(link, parent_of[link], label, kind.split())
            marked += 1
    return marked


def _write_label(link: Element, parent: Element, label: str, kinds: list[str]) -> None:
    """Write the printed label in a span right after the link, as text: " (Chapter 3)",
    ", Chapter 3", ", Chapter 3," or " (Chapter 3; " (the classes say which). For a figure or
    table, book.css adds "p. 28" and what closes the label after the span's text (its ::after:
    a target-counter(), the one thing that knows the page). Not the link's own ::after: WeasyPrint
    tags that as a second Link inside the first, so a screen reader said "link, link"."""
    if XREF_IN_PARENS_CLASS in kinds:
        opening, closing = ", ", "," if XREF_APPOSITION_CLASS in kinds else ""
    else:
        opening, closing = " (", "; " if XREF_CITES_CLASS in kinds else ")"
    span = ht.Element("span", {"class": XREF_LABEL_CLASS})
    if XREF_PAGE_CLASS in kinds:
        span.set("class", f"{XREF_LABEL_CLASS} {XREF_LABEL_PAGE_CLASS}")
        span.set(XREF_TARGET, link.get("href", ""))
        span.set(XREF_CLOSING, closing)
        span.text = opening + label
    else:
        span.text = opening + label + closing
    span.tail, link.tail = link.tail, None
    parent.insert(list(parent).index(link) + 1, span)


def links_inside_parentheses(root: Element) -> set[int]:
    """ids of the links that start inside a "(" their paragraph (or list item, cell, caption)
    has opened and not yet closed."""
    inside: set[int] = set()

    def balance(depth: int, text: str | None) -> int:
        for character in text or "":
            if character == "(":
                depth += 1
            elif character == ")":
                depth = max(depth - 1, 0)
        return depth

    def walk(element: Element, outer: int) -> int:
        block = element.tag in PROSE_BLOCKS
        depth = 0 if block else outer
        if element.tag == "a" and depth:
            inside.add(id(element))
        depth = balance(depth, element.text)
        for child in element:
            depth = balance(walk(child, depth), child.tail)
        return outer if block else depth

    walk(root, 0)
    return inside


def _opens_following_citation(link: Element, parent: Element | None) -> bool:
    """If the link is followed by nothing but a space and a citation (the hook writes one as
    span.citation: "(", its works, ")"), take out that space and the citation's "(", which the
    link's printed label opens instead, and say so."""
    if parent is None or (link.tail or "").strip():
        return False
    siblings = list(parent)
    after = siblings[siblings.index(link) + 1 : siblings.index(link) + 2]
    if not after or not ht.has_class(after[0], "citation"):
        return False
    citation = after[0]
    if not OPENS_A_CITATION.match(citation.text or ""):
        return False
    citation.text = OPENS_A_CITATION.sub("", citation.text or "", count=1) or None
    link.tail = None
    return True


def _names_a_figure(link: Element) -> bool:
    """A link whose whole text is the authors' "Figure 2" or "Table 1" (figure_refs.py)."""
    return not len(link) and AUTHORS_FIGURE_NUMBER.fullmatch(link.text or "") is not None


def _title_heading(chapter: Chapter) -> Element:
    return next(h for h in chapter.section.iter("h1") if ht.has_class(h, "chapter-title"))


def _retitle(chapter: Chapter, title: str) -> None:
    h1 = _title_heading(chapter)
    for child in list(h1):
        h1.remove(child)
    h1.text = title
    chapter.title = title
