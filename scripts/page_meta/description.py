"""A page's meta description and its social-card figure, read from the page's own HTML.

The description is, in order of preference: the front matter's `description:`; the text of the
page's "In one minute" box (`!!! abstract`); its first paragraph. It is cut to whole sentences
within `LIMIT` characters (search engines show about 155), or at a word with an ellipsis when the
first sentence alone is longer.

    >>> html = '<h1>T</h1><div class="admonition abstract"><p class="admonition-title">In one minute</p>'
    >>> html += '<p>First <em>point</em>. Second point is here.</p></div><p>Body.</p>'
    >>> read_page(html).description
    'First point. Second point is here.'
    >>> read_page('<h1>T</h1><p>Only a <a href="x">paragraph</a>.</p>').description
    'Only a paragraph.'
    >>> shorten("One. " + "Word " * 60)
    'One.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

LIMIT = 160
SENTENCE_END = re.compile(r"(?x) (?<=[.!?])[\"'”’)]?\s+ (?=[A-Z0-9“\"'(])")
CITATION_SLOT = re.compile(r"^citation:\d+$")


@dataclass
class PageFacts:
    """What the meta tags need from a page: its H1, summary, first paragraph, first figure."""

    title: str = ""
    summary: str = ""
    first_paragraph: str = ""
    figure_src: str = ""
    figure_alt: str = ""

    @property
    def description(self) -> str:
        return shorten(self.summary or self.first_paragraph)


@dataclass
class _Reader(HTMLParser):
    facts: PageFacts = field(default_factory=PageFacts)
    _stack: list[str] = field(default_factory=list)  # what each open <div>/<p> is
    _h1: list[str] | None = None
    _summary: list[str] | None = None
    _summary_depth: int = 0
    _paragraph: list[str] | None = None
    _skip: int = 0  # inside an admonition title, a script, a headerlink

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "h1" and not self.facts.title:
            self._h1 = []
        elif tag == "div":
            self._stack.append("div")
            if "abstract" in classes and "admonition" in classes and not self.facts.summary:
                self._summary, self._summary_depth = [], len(self._stack)
        elif (
            (tag == "p" and "admonition-title" in classes)
            or tag in ("script", "style")
            or "headerlink" in classes
        ):
            self._skip += 1
            self._stack.append(f"skip-{tag}")
        elif (
            tag == "p"
            and self._summary is None
            and not self.facts.first_paragraph
            and self._outside_blocks()
        ):
            self._paragraph = []
        elif tag == "img" and not self.facts.figure_src:
            src = a.get("src", "")
            if src.endswith(".svg") and "/figures/" in f"/{src}":
                self.facts.figure_src, self.facts.figure_alt = src, a.get("alt", "")

    def _outside_blocks(self) -> bool:
        return "div" not in self._stack

    def handle_endtag(self, tag: str) -> None:
        if self._stack and self._stack[-1] == f"skip-{tag}":
            self._stack.pop()
            self._skip -= 1
            return
        if tag == "h1" and self._h1 is not None:
            self.facts.title, self._h1 = _squash(self._h1), None
        elif tag == "div" and self._stack:
            if self._summary is not None and len(self._stack) == self._summary_depth:
                self.facts.summary, self._summary = _squash(self._summary), None
            self._stack.pop()
        elif tag == "p" and self._paragraph is not None:
            self.facts.first_paragraph, self._paragraph = _squash(self._paragraph), None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        for sink in (self._h1, self._summary, self._paragraph):
            if sink is not None:
                sink.append(data)


def read_page(html: str) -> PageFacts:
    """The facts of one page's content HTML (what `on_page_content` gets)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.facts


def shorten(text: str, limit: int = LIMIT) -> str:
    """Whole sentences of `text` up to `limit` characters; else words and an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in SENTENCE_END.split(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    if kept:
        return kept
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def _squash(parts: list[str]) -> str:
    return " ".join("".join(parts).split()).replace("¶", "").strip()
