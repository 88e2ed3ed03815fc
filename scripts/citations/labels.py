"""Author–year labels, computed once for the whole bibliography so they agree on every page.

    one author        Russell, 2019
    two authors       Manheim and Garrabrant, 2018
    three or more     Amodei et al., 2016
    organisation      Alignment Research Center, n.d.

Entries whose author part and year coincide get a letter, 2016a, 2016b, ordered by title; as the
letters are assigned over the whole file (not per page), "2016a" means the same work everywhere,
including on the Further reading page.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .bibliography import Entry

NO_DATE = "n.d."
SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")
UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Label:
    """What a citation of one entry shows: `authors` ("Amodei et al.") and `year` ("2016a")."""

    authors: str
    year: str

    @property
    def parenthetical(self) -> str:
        return f"{self.authors}, {self.year}"


def author_label(entry: Entry) -> str:
    names = [name for name in entry.authors if not name.is_others]
    if not names:
        return entry.text("title")
    if len(names) == 1 and len(entry.authors) == 1:
        return names[0].surname
    if len(names) == 2 and len(entry.authors) == 2:
        return f"{names[0].surname} and {names[1].surname}"
    return f"{names[0].surname} et al."


def build_labels(entries: Iterable[Entry]) -> dict[str, Label]:
    """Labels for every entry, with a/b/c suffixes where author label and year collide."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[(author_label(entry), entry.year or NO_DATE)].append(entry)
    labels: dict[str, Label] = {}
    for (authors, year), members in groups.items():
        if len(members) == 1:
            labels[members[0].key] = Label(authors, year)
            continue
        members.sort(key=lambda e: (sort_text(e.text("title")), e.key))
        for index, entry in enumerate(members):
            labels[entry.key] = Label(authors, f"{year}{_letter(index)}")
    return labels


def _letter(index: int) -> str:
    """a..z, then aa, ab, ... (a file with 27 same-author-same-year works is unusual, not wrong)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


@functools.lru_cache(maxsize=16384)
def sort_text(text: str) -> str:
    """Accent- and case-insensitive sort form ("Mané" sorts with "Mane")."""
    if text.isascii():  # nothing to strip: skip the per-character pass
        return text.casefold()
    stripped = unicodedata.normalize("NFKD", text)
    return "".join(c for c in stripped if not unicodedata.combining(c)).casefold()


def sort_key(entry: Entry, labels: Mapping[str, Label]) -> tuple[str, ...]:
    """References lists: by first author's surname, then the label ("et al." after co-authors),
    then year with its letter (2016a before 2016b), then title."""
    label = labels[entry.key]
    first = entry.authors[0].surname if entry.authors else entry.text("title")
    return (sort_text(first), sort_text(label.authors), label.year, sort_text(entry.text("title")), entry.key)


def anchor_id(key: str) -> str:
    """An HTML id (and CSS-selector) safe form of a citation key, stable and collision-free.

    >>> anchor_id("amodei2016concrete")
    'amodei2016concrete'
    >>> anchor_id("doi:10.1/x")[:12]
    'doi-10-1-x-1'
    """
    if SAFE_ID.fullmatch(key):
        return key
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    return f"{UNSAFE_ID_CHARS.sub('-', key)}-{digest}"
