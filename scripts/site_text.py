"""The characters a reader sees, sorted by the typeface that draws them.

Why: the vendored fonts are subset to what the site and the book show (scripts/make_fonts.py),
and a test checks that every such character has a glyph in the face that draws it, so no page
and no PDF falls back to another font for an arrow or a Greek letter. Headings (h1-h6) and
whatever the site's stylesheets set in the heading face (`heading_selectors`: Home's promise
and card titles, the header's title...) count as heading text; everything else, including the
citation and glossary tooltips (an abbr's title is shown as a styled tooltip), as body text.

The book adds text of its own (cover, "Contents", running heads, the index): book_characters
reads the book's HTML as scripts/book_pdf assembles it, plus the strings its stylesheet prints
with `content:`.
"""

from __future__ import annotations

import html.parser
import re
from collections import Counter
from pathlib import Path

import tinycss2
from tinycss2.ast import StringToken

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HEADING_FACE = ("--ae-heading-font", "Literata")  # how a stylesheet names the heading face
SUBJECT = re.compile(r"""(?x)
    (?:^|[\s>+~])(?P<compound>[^\s>+~]+)\s*$        # the last compound selector: what is styled
""")
SKIPPED_TAGS = {"script", "style", "template", "svg", "math", "noscript"}
SHOWN_ATTRIBUTES = {"title", "placeholder", "value"}
VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
ROLES = ("body", "heading")
# Drawn by CSS rather than written in the page, in the element's own font: the ellipsis of
# `text-overflow: ellipsis` (Material truncates the header title and nav links with it) and the
# markers of bulleted lists, nested ones included (disc, circle, square), in body text only.
CSS_DRAWN = {"body": "\u2026\u2022\u25e6\u25aa", "heading": "\u2026"}


def heading_selectors(stylesheets: list[Path]) -> tuple[frozenset[str], frozenset[str]]:
    """The tags and classes that these stylesheets set in the heading face (from the subject of
    each selector of a rule whose font or font-family names it)."""
    tags, classes = set(HEADING_TAGS), set()

    def visit(rules) -> None:
        for rule in rules:
            if (
                rule.type == "at-rule"
                and rule.content is not None
                and rule.lower_at_keyword in ("media", "supports")
            ):
                visit(
                    tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                )
            if rule.type != "qualified-rule":
                continue
            declarations = tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            if not any(
                d.type == "declaration"
                and d.lower_name in ("font", "font-family")
                and any(name in tinycss2.serialize(d.value) for name in HEADING_FACE)
                for d in declarations
            ):
                continue
            for selector in tinycss2.serialize(rule.prelude).split(","):
                subject = SUBJECT.search(selector.strip())
                if subject is None:
                    continue
                compound = re.sub(r"::?[\w-]+(\([^)]*\))?|\[[^\]]*\]", "", subject["compound"])
                classes.update(re.findall(r"\.([\w-]+)", compound))
                tag = re.match(r"[a-zA-Z][\w-]*", compound)
                if tag:
                    tags.add(tag.group(0).lower())

    for path in stylesheets:
        visit(
            tinycss2.parse_stylesheet(
                path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
            )
        )
    return frozenset(tags), frozenset(classes)


class _TextByRole(html.parser.HTMLParser):
    """Counts the characters of text nodes (and shown attributes) as heading or body text."""

    def __init__(
        self,
        heading_tags: frozenset[str] = HEADING_TAGS,
        heading_classes: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.heading_tags, self.heading_classes = heading_tags, heading_classes
        self.counts: dict[str, Counter[str]] = {role: Counter() for role in ROLES}
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, heading, skipped)

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        heading, skipped = self._state()
        classes = set((dict(attrs).get("class") or "").split())
        heading = heading or tag in self.heading_tags or bool(classes & self.heading_classes)
        skipped = skipped or tag in SKIPPED_TAGS
        if not skipped:
            for name, value in attrs:
                if name in SHOWN_ATTRIBUTES and value:
                    self.counts["body"].update(value)
        if tag not in VOID_TAGS:
            self.stack.append((tag, heading, skipped))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        heading, skipped = self._state()
        if not skipped:
            self.counts["heading" if heading else "body"].update(data)


def html_characters(
    markup: str, headings: tuple[frozenset[str], frozenset[str]] = (HEADING_TAGS, frozenset())
) -> dict[str, Counter[str]]:
    """Character counts of one HTML document's visible text, by role (body, heading); headings
    are the tags and classes set in the heading face (see heading_selectors).

    Heading text counts for the body face too: h4-h6 and search results set headings in it.
    """
    parser = _TextByRole(*headings)
    parser.feed(markup)
    parser.close()
    counts = parser.counts
    counts["body"].update(counts["heading"])
    for role in ROLES:
        counts[role].update(CSS_DRAWN[role])
    return counts


def merge(*parts: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    total: dict[str, Counter[str]] = {role: Counter() for role in ROLES}
    for part in parts:
        for role, counts in part.items():
            total[role].update(counts)
    return total


def site_characters(site_dir: Path, script_dir: Path | None = None) -> dict[str, Counter[str]]:
    """Every built page's visible text, plus the characters of the site's own scripts (demo
    labels and messages are made in JavaScript; comments are counted too, which only errs on
    the side of keeping a glyph)."""
    headings = heading_selectors(sorted((Path(site_dir) / "assets" / "stylesheets").glob("*.css")))
    parts = [
        html_characters(path.read_text(encoding="utf-8"), headings)
        for path in sorted(Path(site_dir).rglob("*.html"))
    ]
    if script_dir is not None:
        parts.extend(
            {"body": Counter(path.read_text(encoding="utf-8"))}
            for path in sorted(Path(script_dir).rglob("*.js"))
        )
    return merge(*parts)


def book_characters(site_dir: Path, book_css: Path) -> dict[str, Counter[str]]:
    """The book's text as scripts/book_pdf assembles it, and its stylesheet's printed strings."""
    from book_pdf.pipeline import book_html

    printed: Counter[str] = Counter()
    for rule in tinycss2.parse_stylesheet(book_css.read_text(encoding="utf-8"), skip_comments=True):
        printed.update(_content_strings(rule))
    return merge(html_characters(book_html(site_dir)), {"body": printed})


def _content_strings(node) -> Counter[str]:
    """The characters of string tokens in `content:` declarations, anywhere in a rule."""
    found: Counter[str] = Counter()
    content = getattr(node, "content", None)
    if not content:
        return found
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration" and item.lower_name == "content":
            for token in item.value:
                if isinstance(token, StringToken):
                    found.update(token.value)
        elif item.type in ("at-rule", "qualified-rule"):
            found.update(_content_strings(item))
    return found


def visible(characters: Counter[str] | set[str]) -> set[str]:
    """Drop control and layout characters that no font needs a glyph for."""
    return {c for c in characters if c not in "\t\n\r\f\v\u00ad\u200b\u200c\u200d\u2060\ufeff"}


def figure_characters(figure_dir: Path) -> dict[str, Counter[str]]:
    """The labels of the SVG figures (drawn in the body face in the book's PDF)."""
    import xml.etree.ElementTree as ET

    counts: Counter[str] = Counter()
    for path in sorted(Path(figure_dir).glob("*.svg")):
        for element in ET.parse(path).iter():
            if element.tag.rsplit("}", 1)[-1] in ("text", "tspan", "textPath"):
                counts.update(element.text or "")
                for child in element:
                    counts.update(child.tail or "")
    return {"body": counts}
