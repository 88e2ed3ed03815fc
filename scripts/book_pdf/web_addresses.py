"""A link to the web prints its address after its name: "BlueDot Impact (bluedot.org)".

On screen a reader follows "BlueDot Impact"; on paper the underlined name leads nowhere, and a
printed list of places to go further named seven organisations without one address (a book
review). So a link whose text is a name, not an address, gets its address after it in
parentheses, short as the references print theirs (no scheme, no "www.", no closing slash), and
itself a link, so that the PDF's reader can still click it and it breaks before its hyphens as
the book's other addresses do (address_breaks.py, which runs afterwards). Citations,
cross-references, identifiers ("arXiv:2210.10760") and the live demos' addresses point inside
the book or print where they go already, and are left alone.
"""

from __future__ import annotations

import re

from citations.urls import short_address

from .address_breaks import ADDRESS_CLASS
from .htmltree import Element

WEB_LINK = re.compile(r"(?i)https?://")
# A link whose text is one word with a colon or a slash is an address or an identifier
# ("arXiv:2210.10760", "doi:10.1038/...", "bluedot.org/courses"): it names where it goes already.
IDENTIFIER = re.compile(r"\S*[:/]\S*")


def print_web_addresses(root: Element) -> int:
    """Write each web link's address after it, in place; returns how many links got one."""
    added = 0
    for parent in list(root.iter()):
        for index, link in reversed(list(enumerate(parent))):
            href = link.get("href", "")
            text = (link.text or "").strip()
            if (
                link.tag != "a"
                or len(link)
                or not WEB_LINK.match(href)
                or not text
                or IDENTIFIER.fullmatch(text)
                or short_address(href).lower() in text.lower()
            ):
                continue
            address = Element("a", {"href": href, "class": ADDRESS_CLASS})
            address.text = short_address(href)
            address.tail = ")" + (link.tail or "")
            link.tail = " ("
            parent.insert(index + 1, address)
            added += 1
    return added
