"""Give WeasyPrint the book as the tree it already is, instead of text to parse again.

Why: book_pdf builds the book as an ElementTree with tinyhtml5, the parser WeasyPrint itself
uses; writing it out for WeasyPrint to parse back into the same tree cost 2% of the build.
WeasyPrint 70's HTML keeps exactly four things from its parse (base URL, URL fetcher, media
type, and the root wrapped for cssselect2), so a tree can stand in for the text: this sets
those four. The book has no <base> element, so the base URL is the one given. Used only with
the WeasyPrint versions it was checked against; otherwise the tree is written out and parsed
as before. tests/test_pdf.py checks that both ways give the same pages.
"""
from __future__ import annotations

import cssselect2
import weasyprint
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from . import htmltree as ht
from .htmltree import Element

CHECKED_VERSIONS = ("70.",)


class TreeHTML(HTML):
    """weasyprint.HTML for an already parsed document."""

    def __init__(self, root: Element, base_url: str, url_fetcher: URLFetcher,
                 media_type: str = "print") -> None:   # no super().__init__: that would parse
        self.base_url = base_url
        self.url_fetcher = url_fetcher
        self.media_type = media_type
        self.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
        self.etree_element = self.wrapper_element.etree_element


def html_document(document: str | Element, base_url: str, url_fetcher: URLFetcher) -> HTML:
    """A WeasyPrint HTML for text or a tree (a tree is parsed again only when it must be)."""
    if isinstance(document, str):
        return HTML(string=document, base_url=base_url, url_fetcher=url_fetcher)
    if not weasyprint.__version__.startswith(CHECKED_VERSIONS):
        return HTML(string=ht.to_html(document), base_url=base_url, url_fetcher=url_fetcher)
    return TreeHTML(document, base_url, url_fetcher)
