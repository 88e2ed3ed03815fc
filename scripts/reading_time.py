"""How long a page takes to read, shown beside its "Chapter N" label ("12-minute read").

Why: a reader deciding whether to start a chapter now, or sending it to someone, wants to know
what it asks of them; Home promises a six-minute overview and chapters run 2,000 to 3,000 words.
The count is of the page's own prose as MkDocs renders it (on_page_content): headings,
paragraphs, lists, tables and boxes, not figures (an image's alt text is not read in passing, a
caption is short) nor the scripts and styles of a live demo. Citations are still one slot each
at that point, about the length of "(Author, 2020)" read aloud. 230 words a minute is a common
figure for adults reading non-fiction on a screen.
"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

WORDS_PER_MINUTE = 230
SKIPPED = frozenset({"script", "style", "template", "svg", "figure", "noscript", "button"})
# Folds a reader passes closed: "The figure in words" (`??? figure-text`), the figure told again
# for whoever cannot see it.
SKIPPED_CLASSES = frozenset({"figure-text"})
WORD = re.compile(r"[^\W_](?:[\w'’.-]*\w)?")


class _Prose(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []  # the open elements from the outermost skipped one in
        self.words = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if self.skipping or tag in SKIPPED or classes & SKIPPED_CLASSES:
            self.skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipping:
            del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.words += len(WORD.findall(data))


def prose_words(html: str) -> int:
    parser = _Prose()
    parser.feed(html)
    parser.close()
    return parser.words


def reading_minutes(html: str) -> int:
    """Whole minutes, rounded up: a page of 2,400 words is an 11-minute read, not 10."""
    return max(1, math.ceil(prose_words(html) / WORDS_PER_MINUTE))
