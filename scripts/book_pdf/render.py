"""Render the book's HTML to PDF with WeasyPrint, the site's own fonts and the book stylesheet,
through WeasyPrint's public API only (HTML, CSS, FontConfiguration, a URL fetcher)."""
from __future__ import annotations

from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from gc_pause import gc_paused

from . import htmltree as ht
from . import weasyprint_fixes
from .fonts import LocalFontCacheFetcher, needed_font_faces
from .htmltree import Element

BOOK_CSS = Path(__file__).with_name("book.css")
SITE_FONTS_CSS = "assets/stylesheets/fonts.css"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
PAPER_HEIGHTS = {"a4": "297mm", "letter": "279.4mm"}


def render_pdf(document: str | Element, site_dir: Path, out: Path, paper: str = "a4") -> None:
    """Write the PDF of an HTML document (text, or a tree as book_document makes). Fonts come
    from the site's fonts.css (its woff2 files, embedded as subsets); relative URLs resolve
    against the site folder. The PDF is tagged (structure tree, reading order, /Lang)."""
    weasyprint_fixes.apply()
    fonts = FontConfiguration()
    fetcher = LocalFontCacheFetcher()
    fonts_css = site_dir / SITE_FONTS_CSS
    markup = document if isinstance(document, str) else "<!doctype html>\n" + ht.to_html(document)
    stylesheets = [
        CSS(string=needed_font_faces(fonts_css, characters_of(document)), base_url=str(fonts_css),
            font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(BOOK_CSS), font_config=fonts, url_fetcher=fetcher),
        CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }} .cover {{ height: {PAPER_HEIGHTS[paper]}; }}"),
    ]
    with gc_paused():
        html = HTML(string=markup, base_url=str(site_dir) + "/", url_fetcher=fetcher)
        html.write_pdf(out, stylesheets=stylesheets, font_config=fonts, pdf_tags=True)


def characters_of(document: str | Element) -> str:
    """Every character the document could print: its text and its attribute values (CSS can
    show those, e.g. the running head's attr(data-title)); text as is, markup included."""
    if isinstance(document, str):
        return document
    return "".join(chunk for el in document.iter() for chunk in (el.text or "", el.tail or "", *el.attrib.values()))
