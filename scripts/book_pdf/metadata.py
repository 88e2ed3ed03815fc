"""What the cover and the PDF's document information say: title, subtitle, author, language,
keywords, the site's URL, the version and the build date.

All of it is read from the built home page (so mkdocs.yml stays the one place it is written),
except the version (git) and the date (today, or SOURCE_DATE_EPOCH for reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import htmltree as ht
from .htmltree import Element

ROOT = Path(__file__).resolve().parents[2]


ENGLISH_HYPHENATION = "en-US"


@dataclass(frozen=True)
class BookInfo:
    title: str
    subtitle: str
    author: str
    language: str
    keywords: str
    site_url: str | None
    version: str
    date: dt.date
    copyright: str = ""

    @property
    def hyphenation_language(self) -> str:
        """The language whose hyphenation patterns split the book's words (its body's lang).

        Why not the site's own "en": WeasyPrint hyphenates with pyphen, whose patterns for "en"
        (and "en-GB") are hyph_en_GB, which split "rewar-ded", "presen-ted" and "beha-viour"; its
        American patterns split "re-ward-ed", "pre-sent-ed" and "be-hav-iour", as dictionaries
        on both sides of the Atlantic do. The document's language (the PDF's /Lang) stays the
        site's."""
        primary = self.language.split("-")[0].lower()
        return ENGLISH_HYPHENATION if primary == "en" else self.language

    @property
    def date_text(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}"


def read_book_info(
    site_dir: Path,
    version: str | None = None,
    date: dt.date | None = None,
    home: Element | None = None,
) -> BookInfo:
    """home: the parsed index.html, when the caller already has it."""
    home = ht.parse_file(site_dir / "index.html") if home is None else home
    logo = ht.find_first(home, lambda el: el.tag == "a" and ht.has_class(el, "md-logo"))
    title_el = home.find("head/title")
    title = (logo.get("title") if logo is not None else None) or (
        ht.text_of(title_el) if title_el is not None else "Book"
    )
    canonical = ht.find_first(home, lambda el: el.tag == "link" and el.get("rel") == "canonical")
    address = canonical.get("href") if canonical is not None else None
    return BookInfo(
        title=title,
        subtitle=_meta(home, "description"),
        author=_meta(home, "author"),
        language=home.get("lang", "en"),
        keywords=_meta(home, "keywords"),
        site_url=address.removesuffix("index.html") if address else None,
        version=version or git_version(),
        date=date or build_date(),
        copyright=_copyright(home),
    )


def git_version() -> str:
    """`git describe --always --tags --dirty` of the project, or "unversioned" outside git."""
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--tags", "--dirty"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "unversioned"
    return (
        result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "unversioned"
    )


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def _meta(root: Element, name: str) -> str:
    el = ht.find_first(root, lambda e: e.tag == "meta" and e.get("name") == name)
    return el.get("content", "") if el is not None else ""


def _copyright(root: Element) -> str:
    """The site footer's copyright line (mkdocs.yml's `copyright`), for the colophon."""
    el = ht.find_first(root, lambda e: ht.has_class(e, "md-copyright__highlight"))
    return ht.text_of(el) if el is not None else ""
