"""How to cite a page of the site: a BibTeX entry and a reference in the site's own style.

The reference reads like the site's other references ("Authors (Year). Title. Venue."), the
venue (the site's name) left out where the title already is it, and the BibTeX entry is
`@misc`, which both BibTeX and biblatex styles accept. Title and author go in double braces so
styles keep their capitals; LaTeX special characters are encoded with pylatexenc.

    >>> c = PageCitation("Goodhart's Law & you", "https://example.org/goodhart.html",
    ...                  "The Alignment Explained contributors", "Alignment Explained",
    ...                  date(2026, 3, 4), "Last updated 4 March 2026")
    >>> c.key
    'alignmentexplained-goodhart'
    >>> from dataclasses import replace
    >>> replace(c, url="https://example.org/x/demos/boat-race.html", site_url="https://example.org/x/").key
    'alignmentexplained-demos-boat-race'
    >>> replace(c, url="https://example.org/x/index.html", site_url="https://example.org/x/").key
    'alignmentexplained'
    >>> replace(c, url="https://example.org/x/appendix.html", site_url="https://example.org/x/").key
    'alignmentexplained-appendix'
    >>> print(c.reference)
    The Alignment Explained contributors (2026). Goodhart's Law & you. Alignment Explained. Last updated 4 March 2026. https://example.org/goodhart.html
    >>> print(c.bibtex)
    @misc{alignmentexplained-goodhart,
      author       = {{The Alignment Explained contributors}},
      title        = {{Goodhart's Law \\& you}},
      howpublished = {Alignment Explained},
      year         = {2026},
      month        = mar,
      url          = {https://example.org/goodhart.html},
      note         = {Last updated 4 March 2026}
    }
    >>> home = replace(c, title="Alignment Explained")
    >>> print(home.reference)
    The Alignment Explained contributors (2026). Alignment Explained. Last updated 4 March 2026. https://example.org/goodhart.html
    >>> "howpublished" in home.bibtex
    False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from pylatexenc.latexencode import unicode_to_latex

NOT_KEY_CHARACTER = re.compile(r"(?x) [^a-z0-9]+")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class PageCitation:
    """Everything a citation of one page says."""

    title: str
    url: str
    author: str
    site_name: str
    day: date
    revised: str  # e.g. "Last updated 4 March 2026", from revision.Revision.label
    site_url: str = ""  # the site's root, to name nested pages in the key

    @property
    def key(self) -> str:
        """'alignmentexplained-' and the page's path (demos/boat-race.html → demos-boat-race)."""
        site = NOT_KEY_CHARACTER.sub("", self.site_name.lower())
        path = urlsplit(self.url).path
        root = urlsplit(self.site_url).path if self.site_url else ""
        page = path[len(root) :] if root and path.startswith(root) else path.rsplit("/", 1)[-1]
        page = page.removesuffix(".html")
        page = "" if page == "index" else page.removesuffix("/index")
        tail = NOT_KEY_CHARACTER.sub("-", page.lower()).strip("-")
        return f"{site}-{tail}" if tail else site

    @property
    def venue(self) -> str:
        """The site's name, where the page appeared; '' on a page titled with it (the home
        page), whose reference read "Alignment Explained. Alignment Explained." (a
        journalist's review)."""
        return "" if _same_words(self.title, self.site_name) else self.site_name

    @property
    def reference(self) -> str:
        venue = f" {self.venue}." if self.venue else ""
        return f"{self.author} ({self.day.year}). {self.title}.{venue} {self.revised}. {self.url}"

    @property
    def bibtex(self) -> str:
        fields = [
            ("author", f"{{{_latex(self.author)}}}"),
            ("title", f"{{{_latex(self.title)}}}"),
            *([("howpublished", _latex(self.venue))] if self.venue else []),
            ("year", str(self.day.year)),
        ]
        lines = [f"  {name:<12} = {{{value}}}" for name, value in fields]
        lines.append(f"  {'month':<12} = {MONTHS[self.day.month - 1]}")
        lines.append(f"  {'url':<12} = {{{self.url}}}")
        lines.append(f"  {'note':<12} = {{{_latex(self.revised)}}}")
        return "@misc{" + self.key + ",\n" + ",\n".join(lines) + "\n}"


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _latex(text: str) -> str:
    return unicode_to_latex(text, non_ascii_only=False, unknown_char_warning=False)
