"""Under each live demo's static figure: the full address of the interactive version, and a QR
code for it, so a reader of the printed book can get there.

A live demo is any `div.demo[id]` holding a `figure.demo-static` (the site's demo pattern), in a
demo page or in a chapter; its address is the site's URL (site_url in mkdocs.yml), the page and
the demo's id. The address ends the caption's text and the QR code stands beside that text, in
one row (figcaption.demo-caption: the text, then the code), rather than in a row of its own under
it: a 24 mm code alone under a two-line address made every demo figure 2 cm taller. The QR code
is drawn by segno as SVG (vector: sharp at any print resolution) and sized by book.css. Without a
site URL the book gives the page's path on the website instead.
"""

from __future__ import annotations

import re

import segno

from . import htmltree as ht
from .chapter import Chapter
from .htmltree import Element

# Error correction "m" (15%): a printed code survives a smudge or a fold, and stays small for
# these addresses.
QR_ERROR_LEVEL = "m"
QR_QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
# An address as pieces that each end after their slashes ("https://", "host/", "page.html#id").
ADDRESS_SEGMENT = re.compile(r"""(?x) [^/]*/+ | [^/]+$ """)


def caption_live_demos(chapter: Chapter, site_url: str | None) -> list[str]:
    """Add the address (and QR code) to each live demo's static figure; return the addresses."""
    addresses = []
    for demo in [el for el in chapter.section.iter("div") if ht.has_class(el, "demo")]:
        figure = next((f for f in demo.iter("figure") if ht.has_class(f, "demo-static")), None)
        prefixed_id = demo.get("id")
        if figure is None or not prefixed_id:
            continue
        demo_id = prefixed_id.removeprefix(f"{chapter.slug}--")  # ids are prefixed in the book
        address = f"{chapter.page.path}#{demo_id}"
        if site_url:
            address = site_url.rstrip("/") + "/" + address
        caption = figure.find("figcaption")
        if caption is None:
            caption = ht.Element("figcaption")
            figure.append(caption)
        _add_live_note(caption, address, bool(site_url))
        addresses.append(address)
    return addresses


def _add_live_note(caption: Element, address: str, absolute: bool) -> None:
    """The caption's own text and the address, in one block, with the QR code beside it."""
    text = ht.Element("span", {"class": "demo-caption-text"})
    text.text, caption.text = caption.text, None
    text.extend(list(caption))
    del caption[:]
    if len(text):  # a space before the address, for the text a reader copies (and the tags)
        text[-1].tail = (text[-1].tail or "").rstrip() + " "
    else:
        text.text = (text.text or "").rstrip() + " "
    note = ht.Element("span", {"class": "demo-live-url"})
    note.text = "Interactive version: "
    if absolute:
        note.append(_address_link(address))
    else:
        note.text += f"{address} on the website or in the offline copy"
    text.append(note)
    caption.append(text)
    caption.set("class", (caption.get("class", "") + " demo-caption").strip())
    if absolute:
        caption.append(_qr_code(address))


def _qr_code(address: str) -> Element:
    qr = segno.make(address, error=QR_ERROR_LEVEL)
    return ht.Element(
        "img",
        {
            "class": "demo-qr",
            # the standard quiet zone of four modules: scanners need it
            "src": qr.svg_data_uri(border=QR_QUIET_ZONE, light="#fff"),
            "alt": f"QR code for the interactive version: {address}",
        },
    )


def _address_link(address: str) -> Element:
    """A link showing the address, breakable only after its slashes: a break at one of its own
    hyphens ("alignment-" / "explained") would read as a hyphenation and be copied without it."""
    link = ht.Element("a", {"href": address, "class": "demo-address"})
    for segment in ADDRESS_SEGMENT.findall(address):
        piece = ht.Element("span", {"class": "nobreak"})
        piece.text = segment
        link.append(piece)
    return link
