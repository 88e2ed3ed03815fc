"""Render the book's HTML to PDF with WeasyPrint, the site's own fonts and the book stylesheet."""
from __future__ import annotations

from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from gc_pause import gc_paused

from . import weasyprint_fixes, weasyprint_svg_text
from .fonts import LocalFontCacheFetcher, needed_font_faces

BOOK_CSS = Path(__file__).with_name("book.css")
SITE_FONTS_CSS = "assets/stylesheets/fonts.css"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
PAPER_HEIGHTS = {"a4": "297mm", "letter": "279.4mm"}


def render_pdf(html: str, site_dir: Path, out: Path, paper: str = "a4") -> None:
    """Write the PDF. Fonts come from the site's fonts.css (its woff2 files, embedded as
    subsets); relative URLs resolve against the site folder."""
    weasyprint_fixes.apply()
    weasyprint_svg_text.apply()
    fonts = FontConfiguration()
    fetcher = LocalFontCacheFetcher()
    fonts_css = site_dir / SITE_FONTS_CSS
    stylesheets = [
        CSS(string=needed_font_faces(fonts_css, html), base_url=str(fonts_css),
            font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(BOOK_CSS), font_config=fonts, url_fetcher=fetcher),
        CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }} .cover {{ height: {PAPER_HEIGHTS[paper]}; }}"),
    ]
    with gc_paused():
        document = HTML(string=html, base_url=str(site_dir) + "/", url_fetcher=fetcher)
        document.write_pdf(out, stylesheets=stylesheets, font_config=fonts)
