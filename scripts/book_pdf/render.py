"""Render the book's HTML to PDF with WeasyPrint, the site's own fonts and the book stylesheet."""
from __future__ import annotations

from pathlib import Path

from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration
from gc_pause import gc_paused

from . import weasyprint_fixes, weasyprint_svg_text
from .fonts import LocalFontCacheFetcher, needed_font_faces
from .htmltree import Element
from .weasyprint_tree import html_document

BOOK_CSS = Path(__file__).with_name("book.css")
SITE_FONTS_CSS = "assets/stylesheets/fonts.css"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
PAPER_HEIGHTS = {"a4": "297mm", "letter": "279.4mm"}


def render_pdf(document: str | Element, site_dir: Path, out: Path, paper: str = "a4") -> None:
    """Write the PDF of an HTML document (text, or a tree as book_document makes). Fonts come
    from the site's fonts.css (its woff2 files, embedded as subsets); relative URLs resolve
    against the site folder."""
    weasyprint_fixes.apply()
    weasyprint_svg_text.apply()
    fonts = FontConfiguration()
    fetcher = LocalFontCacheFetcher()
    fonts_css = site_dir / SITE_FONTS_CSS
    stylesheets = [
        CSS(string=needed_font_faces(fonts_css, characters_of(document)), base_url=str(fonts_css),
            font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(BOOK_CSS), font_config=fonts, url_fetcher=fetcher),
        CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }} .cover {{ height: {PAPER_HEIGHTS[paper]}; }}"),
    ]
    with gc_paused():
        html = html_document(document, str(site_dir) + "/", fetcher)
        html.write_pdf(out, stylesheets=stylesheets, font_config=fonts)


def characters_of(document: str | Element) -> str:
    """Every character the document could print: its text and its attribute values (CSS can
    show those, e.g. the running head's attr(data-title)); text as is, markup included."""
    if isinstance(document, str):
        return document
    return "".join(chunk for el in document.iter() for chunk in (el.text or "", el.tail or "", *el.attrib.values()))
