"""Printed addresses break before a hyphen, never after one.

A line of a reference that ends "openai.com/index/learning-from-human-" reads as a word the
typesetter hyphenated: a reader retyping the address drops the hyphen, and so does a PDF
reader's copy (pdftotext joins such lines). Unicode's line-breaking rules, which WeasyPrint
follows, allow a break after a hyphen and not before it, the rule for words; style guides
(Chicago 14.18) break an address *before* a hyphen instead, so that the hyphen starts the next
line and cannot be mistaken for one the typesetter added.

So each hyphen of a link whose text is an address or a DOI ("doi:10.1038/s41586-025-09937-5")
gets a zero-width space before it (a break opportunity) and a word joiner after it (none).
Both are invisible, have no glyph and are left out of the PDF's text, so a copy reads as the
address; characters rather than `<wbr>` and no-wrap spans, which cost WeasyPrint a box each to
lay out. Breaks after a slash stay as they were. A short address the book printed after a web
link's name (web_addresses.py) is one too, slash or not. The live demos' addresses, built with spans of
their own (`live_demos.py`), are left alone.
"""

from __future__ import annotations

import re

from . import htmltree as ht
from .htmltree import Element

ZERO_WIDTH_SPACE = "\u200b"
WORD_JOINER = "\u2060"
FENCED_HYPHEN = ZERO_WIDTH_SPACE + "-" + WORD_JOINER
# An address or an identifier written like one (a DOI): one word with a slash in it.
ADDRESS = re.compile(r"\S*/\S*")
# A link the book wrote to print a web link's address, such as "dair-institute.org", which has
# no slash to tell it from a word (web_addresses.py).
ADDRESS_CLASS = "web-address"


def is_address_text(text: str) -> bool:
    return ADDRESS.fullmatch(text) is not None


def break_addresses_before_hyphens(root: Element) -> int:
    """Fence the hyphens of every child-free link whose text is an address, in place; returns
    how many links changed."""
    changed = 0
    for link in root.iter("a"):
        text = link.text or ""
        if len(link) or "-" not in text:
            continue
        if not (is_address_text(text) or ht.has_class(link, ADDRESS_CLASS)):
            continue
        link.text = text.replace("-", FENCED_HYPHEN)
        changed += 1
    return changed
