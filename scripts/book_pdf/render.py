"""Render the book's HTML to PDF with WeasyPrint, the site's own fonts and the book stylesheet,
through WeasyPrint's public API only (HTML, CSS, FontConfiguration, a URL fetcher, and
Document.copy to put pages of several documents into one PDF, as its documentation shows).

Why in three parts: page numbers that point elsewhere in the book (the contents, Further
reading's "Cited on pp.", the index) are where WeasyPrint's target-counter() is slow: every
page holding one is laid out three times, and the back matter is dense. So the book is laid out
as three documents, each once: the chapters (from the Introduction to the glossary), then the
back matter (Further reading, Index) with the chapters' page numbers written in as text, then
the front matter (cover, colophon, contents) with every page number written in. Each part's
page counter starts where the previous one ends; the chapters' first page is taken to follow
one page per front-matter part, and checked once that part is laid out (render_book). Page
numbers of places inside the back matter itself, and cross-references to a figure or table,
still use target-counter().
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from gc_pause import gc_paused

from . import htmltree as ht
from . import pydyf_fixes, tinyhtml5_fixes, weasyprint_fixes, weasyprint_svg_fixes
from .fonts import LocalFontCacheFetcher, needed_font_faces
from .htmltree import Element
from .link_descriptions import describing_links, target_descriptions
from .placement import anchor_positions, place_opening_figures
from .proper_names import names_kept_whole

BOOK_CSS = Path(__file__).with_name("book.css")
SITE_FONTS_CSS = "assets/stylesheets/fonts.css"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
PAPER_HEIGHTS = {"a4": "297mm", "letter": "279.4mm"}
PAGE_NUMBER = "data-page"  # a page number written in; book.css prints attr(data-page)
FRONT_CLASSES = {"cover", "colophon", "contents"}
PAGE_REF = "page-ref"  # an empty link that prints its target's page number
TOC_LEADER = "toc-leader"  # a contents entry's dots, an empty span after its link
TOC_PAGE = "toc-page"  # ... and its page number, written in after them
PAGE_REF_CLASSES = {PAGE_REF, "toc-link"}  # links printed as (or with) their target's page number


@dataclass(frozen=True)
class PrintSettings:
    """How to print: the paper, stylesheets of one's own (after book.css, so they win), and
    two things that cost build time and can be turned off for a quicker, rougher PDF (the
    benchmark's trades measure them): the structure tree, and stream compression."""

    paper: str = "a4"
    stylesheets: tuple[Path, ...] = ()
    tagged: bool = True
    compressed: bool = True


@dataclass
class Renderer:
    """What every part of one book shares: fonts, stylesheets, the URL fetcher."""

    site_dir: Path
    settings: PrintSettings
    font_config: FontConfiguration
    fetcher: LocalFontCacheFetcher
    stylesheets: list[CSS]

    @classmethod
    def for_document(
        cls, document: str | Element, site_dir: Path, settings: PrintSettings
    ) -> Renderer:
        fonts, fetcher = FontConfiguration(), LocalFontCacheFetcher()
        fonts_css = site_dir / SITE_FONTS_CSS
        stylesheets = [
            CSS(
                string=needed_font_faces(fonts_css, characters_of(document)),
                base_url=str(fonts_css),
                font_config=fonts,
                url_fetcher=fetcher,
            ),
            CSS(filename=str(BOOK_CSS), font_config=fonts, url_fetcher=fetcher),
            CSS(
                string=f"@page {{ size: {PAPER_SIZES[settings.paper]}; }} "
                f".cover {{ height: {PAPER_HEIGHTS[settings.paper]}; }}"
            ),
            *(
                CSS(filename=str(path), font_config=fonts, url_fetcher=fetcher)
                for path in settings.stylesheets
            ),
        ]
        return cls(site_dir, settings, fonts, fetcher, stylesheets)

    def render(self, markup: str, first_page: int = 1) -> Document:
        sheets = self.stylesheets
        if first_page != 1:
            sheets = [*sheets, CSS(string=f"@page :first {{ counter-reset: page {first_page} }}")]
        html = HTML(string=markup, base_url=str(self.site_dir) + "/", url_fetcher=self.fetcher)
        return html.render(
            font_config=self.font_config, stylesheets=sheets, pdf_tags=self.settings.tagged
        )


def render_pdf(
    document: str | Element,
    site_dir: Path,
    out: Path,
    settings: PrintSettings = PrintSettings(),  # frozen: one shared default is safe
) -> None:
    """Write the PDF of an HTML document: a book tree as book_document makes (in parts, see
    above), or any HTML text (in one piece). Fonts come from the site's fonts.css (its woff2
    files, embedded as subsets); relative URLs resolve against the site folder. The PDF is
    tagged (structure tree, reading order, alt text, /Lang) unless settings say otherwise; a
    book's links then say in words where they go (link_descriptions.py)."""
    weasyprint_fixes.apply()
    weasyprint_svg_fixes.apply()
    tinyhtml5_fixes.apply()
    pydyf_fixes.apply()
    renderer = Renderer.for_document(document, site_dir, settings)
    with gc_paused():
        if isinstance(document, str):
            pdf, finisher = renderer.render(document), None
        else:
            with names_kept_whole(ht.text_of(document), hyphenation_language(document)):
                pdf = render_book(document, renderer)
            finisher = describing_links(target_descriptions(document))
        pdf.write_pdf(
            out,
            finisher=finisher,
            pdf_tags=settings.tagged,
            uncompressed_pdf=not settings.compressed,
        )


def hyphenation_language(root: Element) -> str:
    """The language the book's text is hyphenated in: its body's (book.html.j2 sets it)."""
    body = root.find("body")
    return (body.get("lang") if body is not None else None) or root.get("lang") or "en"


def render_book(root: Element, renderer: Renderer) -> Document:
    """The book's three parts laid out one after the other, as one Document.

    The front matter is laid out once, last, with its numbers written in: the chapters start on
    the page after it, so its length is first taken to be one page per part (cover, colophon,
    contents), and everything is laid out again from the right page in the rare case the
    contents runs longer. First, a chapter's opening figure too tall for the rest of its first
    page is moved after the text that fills that page (placement.py)."""
    front, chapters, back = split_book(root)
    place_opening_figures(chapters, lambda part: renderer.render(part_markup(root, part)))
    front_links, back_links = _numbered_links(front), _numbered_links(back)
    start = len(front) + 1
    for _ in range(2):
        body = renderer.render(part_markup(root, chapters), start)
        pages = page_numbers(body, start)
        _write_numbers(back_links, pages)
        end_matter = renderer.render(part_markup(root, back), start + len(body.pages))
        pages.update(page_numbers(end_matter, start + len(body.pages)))
        _write_numbers(front_links, pages)
        cover = renderer.render(part_markup(root, front))
        if len(cover.pages) + 1 == start:
            return cover.copy([*cover.pages, *body.pages, *end_matter.pages])
        start = len(cover.pages) + 1
    raise RuntimeError("the front matter's length changed with its page numbers")  # never


def split_book(root: Element) -> tuple[list[Element], list[Element], list[Element]]:
    """The <body>'s children as front matter, chapters, and back matter (from the first part
    that prints page numbers of other places: Further reading's "Cited on", the index)."""
    children = list(ht.part(root, "body"))
    front = [el for el in children if ht.classes(el) & FRONT_CLASSES]
    rest = [el for el in children if el not in front]
    first_back = next(
        (
            i
            for i, el in enumerate(rest)
            if any(ht.classes(a) & PAGE_REF_CLASSES for a in el.iter("a"))
        ),
        len(rest),
    )
    return front, rest[:first_back], rest[first_back:]


def part_markup(root: Element, part: list[Element]) -> str:
    """A whole HTML document: the book's <html> and <head>, and these children of its <body>."""
    head, body = ht.part(root, "head"), ht.part(root, "body")
    attributes = "".join(
        f' {name}="{ht.escape_attribute(value)}"' for name, value in body.attrib.items()
    )
    return (
        f'<!doctype html>\n<html lang="{ht.escape_attribute(root.get("lang", "en"))}">'
        f"{ht.to_html(head)}<body{attributes}>{''.join(ht.to_html(el) for el in part)}</body></html>"
    )


def page_numbers(document: Document, first_page: int) -> dict[str, int]:
    """Anchor (id) -> the page number where it starts (an element split over pages has its
    anchor on each of them)."""
    return {name: first_page + index for name, (index, _) in anchor_positions(document).items()}


def _numbered_links(part: list[Element]) -> list[tuple[Element, Element]]:
    """The links of a part that print their target's page number, each with its parent."""
    return [
        (a, parent)
        for el in part
        for parent in el.iter()
        for a in parent
        if a.tag == "a" and ht.classes(a) & PAGE_REF_CLASSES
    ]


def _write_numbers(links: list[tuple[Element, Element]], pages: dict[str, int]) -> None:
    """Write the page number of each link's target into the book (those not known stay
    target-counter()s: places in the same part); writing again overwrites. A page reference
    gets the number as its own text: cheaper for WeasyPrint than generated content (a
    pseudo-element box and its style for each of some 400 numbers in Further reading and the
    index). A contents entry gets two spans after its link: an empty span.toc-leader, whose
    background book.css draws as the dots, and span.toc-page with the number (and the link
    data-page, which tells book.css not to print a target-counter() instead). Text, not a
    leader(". ") or the link's ::after: WeasyPrint tags each of those, and a screen reader met
    some 40 ". " a line and the number as a second Link inside the first."""
    for link, parent in links:
        target = (link.get("href") or "")[1:]
        if PAGE_REF in ht.classes(link):
            if target not in pages:
                link.attrib.pop(PAGE_NUMBER, None)
            elif not len(link):
                link.attrib.pop(PAGE_NUMBER, None)
                link.text = str(pages[target])
            else:
                link.set(PAGE_NUMBER, str(pages[target]))
            continue
        index = list(parent).index(link)
        for el in parent[index + 1 : index + 3]:  # the spans an earlier pass wrote
            if ht.classes(el) & {TOC_LEADER, TOC_PAGE}:
                ht.remove(parent, el)
        if target not in pages:
            link.attrib.pop(PAGE_NUMBER, None)
            continue
        link.set(PAGE_NUMBER, str(pages[target]))
        leader = ht.Element("span", {"class": TOC_LEADER})
        number = ht.Element("span", {"class": TOC_PAGE})
        number.text, number.tail, link.tail = str(pages[target]), link.tail, None
        parent[index + 1 : index + 1] = [leader, number]


def characters_of(document: str | Element) -> str:
    """Every character the document could print: its text and its attribute values (CSS can
    show those, e.g. the running head's attr(data-title)); text as is, markup included."""
    if isinstance(document, str):
        return document
    return "".join(
        chunk
        for el in document.iter()
        for chunk in (el.text or "", el.tail or "", *el.attrib.values())
    )
