r"""Addresses in .bib fields: the `url` field, and `\url{…}`, `\href{…}{…}` or a bare address
in `howpublished` and `note`.

What BibTeX files put there: `\_` and `\%` escapes (a URL in a LaTeX document needs them,
the address does not), protective braces, two addresses in one field, `\href` with link text.
Each address is one link, unescaped, placed where it was written; only http(s) addresses
become links at all (checks.py reports the others, which stay plain text).

    >>> pieces(r'Blog post, \url{https://example.org/a\_b\%20c}')
    (Piece(text='Blog post, ', href=''), Piece(text='', href='https://example.org/a_b%20c'))
    >>> addresses('https://a.org/x https://b.org/y')
    ('https://a.org/x', 'https://b.org/y')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

BRACED = r"[^{}]* (?: \{ [^{}]* \} [^{}]* )*"  # one level of inner braces, as addresses have
URL_COMMAND = re.compile(
    rf"""(?x)
      \\url \s* \{{ (?P<url> {BRACED} ) \}}
    | \\href \s* \{{ (?P<href> {BRACED} ) \}} \s* \{{ (?P<text> {BRACED} ) \}}
    | (?P<bare> (?<! [\w{{] ) https?:// [^\s{{}}]+ )
    """
)
URL_ESCAPE = re.compile(r"(?x) \\ (?P<char> [_%#&$~] ) | \\textasciitilde (?: \{\} )? | [{}]")
TRAILING_PUNCTUATION = ".,;:)"
LINK_SCHEMES = ("http", "https")
SCHEME_AND_WWW = re.compile(r"(?ix) ^ https?:// (?: www\. )?")


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of a field: plain text (LaTeX) when `href` is empty, else an address with its
    link text (LaTeX; empty: show the address)."""

    text: str
    href: str = ""


def short_address(url: str) -> str:
    """An address as a reader would type it, shown where a link has no text of its own (and the
    book prints after a named web link): "https://www.bluedot.org/" -> "bluedot.org"."""
    return SCHEME_AND_WWW.sub("", url).rstrip("/")


def linkable(address: str) -> bool:
    """May this address be a link? Only http(s) with a host."""
    parts = urlsplit(address)
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.netloc)


def scheme(address: str) -> str:
    return urlsplit(address).scheme.lower()


@functools.lru_cache(maxsize=4096)
def pieces(value: str) -> tuple[Piece, ...]:
    """`value` split into text and addresses, in order."""
    if "\\url" not in value and "\\href" not in value and "://" not in value:
        return (Piece(value),)
    found: list[Piece] = []
    position = 0
    for match in URL_COMMAND.finditer(value):
        if match.start() > position:
            found.append(Piece(value[position : match.start()]))
        position = match.end()
        if match.group("href") is not None:
            found.append(Piece(match.group("text").strip(), unescape(match.group("href"))))
        elif match.group("url") is not None:
            found.append(Piece("", unescape(match.group("url"))))
        else:  # a bare address; punctuation after it is prose
            bare = match.group("bare")
            address = bare.rstrip(TRAILING_PUNCTUATION)
            found.append(Piece("", unescape(address)))
            position -= len(bare) - len(address)
    if position < len(value):
        found.append(Piece(value[position:]))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def addresses(value: str) -> tuple[str, ...]:
    """The addresses of a `url` field: one or more, separated by spaces, or in \\url/\\href."""
    if "\\url" in value or "\\href" in value:
        return tuple(piece.href for piece in pieces(value) if piece.href)
    return tuple(unescape(part) for part in value.split())


def unescape(address: str) -> str:
    """The address a LaTeX-escaped URL stands for: `\\_` → `_`, `\\%` → `%`, braces dropped."""
    return URL_ESCAPE.sub(
        lambda m: m.group("char") or ("~" if m.group().startswith("\\text") else ""),
        address.strip(),
    )
