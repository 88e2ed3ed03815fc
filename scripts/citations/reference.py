"""One entry as a formatted reference shows it: "Authors (Year). Title. Venue. Date. Addendum.
links" as plain, decoded text pieces (the template in overrides/partials/citations/reference.html
escapes and joins them).

The venue is where the work appeared, from whichever fields the entry has, BibTeX's or
biblatex's: `journal`/`journaltitle` with volume, number and pages; `booktitle` (after a
`maintitle`); `howpublished`; arXiv; `publisher` (after its `location`/`address`),
`institution`, `school`. Addresses written in `howpublished` (`\\url`, `\\href`, bare) stay
where they were written, as links. The links at the end are the DOI, the arXiv id, the `url`
field and the addresses in `note`, each target once. The text of `note` is not shown: files
(this site's included) use it for remarks to the people who maintain them.

The date is biblatex's `date` when it says more than the year in the label: a day ("26 August
2026") or a month ("August 2026"), which a blog post, a news story or a preprint's first posting
needs; a year alone, a range or an approximate date prints nothing (the label has its year).

    >>> from citations.bibliography import Entry
    >>> e = Entry("k", "book", 1, {"publisher": "Viking", "location": "New York", "pages": "3-5"})
    >>> plain(venue(e))
    'New York: Viking, 3–5'
    >>> printed_date("2026-08-26"), printed_date("2026-08"), printed_date("2026")
    ('26 August 2026', 'August 2026', '')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from .bibliography import Entry
from .fields import exact_date, page_range
from .latex import decode
from .style import Label, anchor_id, author_list
from .urls import Piece, linkable, pieces, short_address
from .values import MONTHS

ARXIV_URL = re.compile(
    r"(?ix) ^ arxiv\.org / (?: abs | pdf ) / (?P<id> .+? ) (?: v\d+ )? (?: \.pdf )? $"
)


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Segment:
    """Plain text, or a link when `href` is set (only ever http(s))."""

    text: str
    href: str = ""


@dataclass(frozen=True)
class ReferenceView:
    """What a formatted reference shows, as plain (decoded, unescaped) text."""

    key: str
    anchor: str
    authors: str
    year: str
    title: str
    venue: tuple[Segment, ...]
    date: str  # biblatex's `date` to the month or day, as words ("26 August 2026"), else ''
    addendum: (
        str  # biblatex's "addendum": printed after the venue, e.g. a date the year does not say
    )
    links: tuple[Link, ...]
    annotation: str
    kind: str
    accessed: str = ""  # biblatex urldate, as words ("5 January 2024") or else as written

    @property
    def venue_text(self) -> str:
        return plain(self.venue)

    @property
    def venue_has_links(self) -> bool:
        return any(segment.href for segment in self.venue)


def plain(segments: tuple[Segment, ...]) -> str:
    return "".join(segment.text for segment in segments)


def reference_view(entry: Entry, label: Label) -> ReferenceView:
    title = entry.text("title").rstrip(".")
    subtitle = entry.text("subtitle")
    if subtitle:
        title = (
            f"{title}: {subtitle}" if title and title[-1] not in ":?!" else f"{title} {subtitle}"
        )
    venue_segments = venue(entry)
    shown = {segment.href for segment in venue_segments if segment.href}
    return ReferenceView(
        key=entry.key,
        anchor=anchor_id(entry.key),
        authors=author_list(entry),
        year=label.year,
        title=title,
        venue=venue_segments,
        date=printed_date(entry.fields.get("date", "")),
        addendum=entry.text("addendum").rstrip("."),
        links=tuple(link for link in reference_links(entry) if link.href not in shown),
        annotation=entry.text("annote"),
        kind=entry.kind,
        accessed=printed_date(entry.fields.get("urldate", "")) or entry.text("urldate"),
    )


def printed_date(date: str) -> str:
    """A biblatex date given to the day or the month, in words ("26 August 2026", "August
    2026"); '' for a year alone, a range, an approximate date or one the calendar lacks."""
    parts = exact_date(date)
    if parts is None:
        return ""
    year, month, day = parts
    words = f"{MONTHS[month - 1].capitalize()} {year}"
    return f"{day} {words}" if day else words


def venue(entry: Entry) -> tuple[Segment, ...]:
    """Where it appeared, e.g. "European Review 5(3), 305–321" or "New York: Viking"."""
    place: tuple[Segment, ...] = ()
    container = entry.text("journal") or entry.text("journaltitle")
    booktitle, maintitle = entry.text("booktitle"), entry.text("maintitle")
    if not container and (booktitle or maintitle):
        container = (
            f"{maintitle}: {booktitle}" if booktitle and maintitle else booktitle or maintitle
        )
    if container:
        place = (Segment(container),)
    elif entry.fields.get("howpublished", "").strip():
        place = _segments(entry.fields["howpublished"])
    elif entry.arxiv_id:
        place = (Segment("arXiv"),)
    else:
        publisher = entry.text("publisher") or entry.text("institution") or entry.text("school")
        where = entry.text("location") or entry.text("address")
        if publisher:
            place = (Segment(f"{where}: {publisher}" if where else publisher),)
        elif entry.fields.get("author") and entry.text("organization"):
            place = (Segment(entry.text("organization")),)
    volume, number, pages = (
        entry.text("volume"),
        entry.text("number") or entry.text("issue"),
        page_range(entry.text("pages")),
    )
    more = ""
    if volume:
        more += f" {volume}" + (f"({number})" if number else "")
    if pages:
        more += f", {pages}" if place or more else pages
    return _joined(place, more)


def reference_links(entry: Entry) -> tuple[Link, ...]:
    """DOI, arXiv, `url` and `note` links, each target once; only http(s) targets are produced."""
    links: list[Link] = []
    if entry.doi:
        links.append(
            Link(f"doi:{entry.doi}", "https://doi.org/" + quote(entry.doi, safe="/:;()._-"))
        )
    if entry.arxiv_id:
        links.append(
            Link(
                f"arXiv:{entry.arxiv_id}",
                "https://arxiv.org/abs/" + quote(entry.arxiv_id, safe="/."),
            )
        )
    in_note = [
        (piece.href, piece.text) for piece in pieces(entry.fields.get("note", "")) if piece.href
    ]
    for url, text in [*((url, "") for url in entry.urls), *in_note]:
        if linkable(url) and not any(_same_target(url, link.href) for link in links):
            links.append(Link(decode(text) if text else short_address(url), url))
    return tuple(links)


def _segments(value: str) -> tuple[Segment, ...]:
    """A field with addresses in it as text and link segments."""
    found = []
    for piece in pieces(value):
        if piece.href:
            if linkable(piece.href):
                found.append(
                    Segment(
                        decode(piece.text) if piece.text else short_address(piece.href), piece.href
                    )
                )
            else:  # shown, never linked: its link text, else the address as written
                found.append(Segment(decode(piece.text) if piece.text else piece.href))
        else:
            found.append(Segment(_decode_keeping_edges(piece)))
    return _joined(tuple(s for s in found if s.text), "")


def _decode_keeping_edges(piece: Piece) -> str:
    """Decoded text, with a space kept at either end where there was one (next to a link)."""
    text = decode(piece.text).strip()
    if text and piece.text[:1].isspace():
        text = " " + text
    if text and piece.text[-1:].isspace():
        text += " "
    return text


def _joined(segments: tuple[Segment, ...], more: str) -> tuple[Segment, ...]:
    """`segments` and `more` text, without leading or trailing spaces."""
    if more:
        segments = (*segments, Segment(more))
    if not segments:
        return ()
    first, last = segments[0], segments[-1]
    if len(segments) == 1:
        return (Segment(first.text.strip(), first.href),) if first.text.strip() else ()
    return (
        Segment(first.text.lstrip(), first.href),
        *segments[1:-1],
        Segment(last.text.rstrip(), last.href),
    )


def _same_target(url: str, href: str) -> bool:
    return _comparable(url) == _comparable(href)


def _comparable(url: str) -> str:
    """A URL as compared for duplicates: scheme, www, trailing slash, case and an arXiv
    version or .pdf make no difference."""
    bare = short_address(url).lower().replace("dx.doi.org/", "doi.org/")
    arxiv = ARXIV_URL.match(bare)
    return f"arxiv.org/abs/{arxiv.group('id')}" if arxiv else bare
