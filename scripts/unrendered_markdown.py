"""Markdown written inside an HTML element that does not render it: a located error, not a page
that shows readers `[below](#when-...)` and `*mesa-optimizer*`.

`md_in_html` renders Markdown only in elements that ask for it (`markdown`, `markdown="span"`):
a `<figcaption>` inside `<figure markdown="span">` is raw HTML, so a link or emphasis written
there in Markdown reaches the page as its source text (a reader review found one such caption).
The check reads the page as built (its visible text, outside code), finds Markdown links and
emphasis, and names the source line where the same text is written, with the fix.

Run by the build (hooks.on_page_content) and by `make check` (check/site_checks.py, on the page
MkDocs' own `Page.render` makes).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from source_text import Diagnostic, line_and_column

# A link whose target looks like one: an anchor, a page, a web address.
MARKDOWN_LINK = re.compile(r"\[[^\]\n]+\]\((?:#|[\w./-]+\.md\b|https?://)[^)\s]*\)")
# *emphasis* or **strong**: a word right inside the stars, none outside them ("5 * 3" is not).
MARKDOWN_EMPHASIS = re.compile(r"(?<![\w*\\])\*{1,2}[^\s*][^*\n]*?(?<![\s*\\])\*{1,2}(?![\w*])")
SKIPPED = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea"})
FIX = (
    "Markdown inside this HTML element is not rendered, so readers see it as written; write it "
    'as HTML (<a href="#target">text</a>, <em>word</em>), or give the element a `markdown` '
    "attribute"
)


class _VisibleText(HTMLParser):
    """The page's text nodes outside code and other literal elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.texts.append(data)


def unrendered_markdown(html: str) -> list[str]:
    """The Markdown links and emphasis that a built page shows as text, in page order."""
    if "*" not in html and "](" not in html:
        return []
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    found: list[str] = []
    for text in parser.texts:
        matches = [*MARKDOWN_LINK.finditer(text), *MARKDOWN_EMPHASIS.finditer(text)]
        found += [m.group() for m in sorted(matches, key=lambda m: m.start())]
    return found


def unrendered_markdown_problems(html: str, source: str, name: str) -> list[Diagnostic]:
    """Each unrendered piece at the line of the source file (front matter included) that
    writes it; at line 1 if the page made it some other way."""
    problems = []
    for snippet in dict.fromkeys(unrendered_markdown(html)):
        offset = source.find(snippet)
        line, column = line_and_column(source, offset) if offset >= 0 else (1, None)
        problems.append(Diagnostic(name, line, f"{FIX}: {snippet!r}", column))
    return problems
