"""A figure or table the text names is linked to, so that the book can print its number and page.

On the site a caption reads "Figure 2."; the book numbers figures by chapter ("Figure 5.2") and
prints the page of every cross-reference, which it can only do for a link. A plain "Figure 2" in
the text would stay "Figure 2" in the book, beside a caption that reads "Figure 5.2". So naming
one of the page's own figures or tables in plain text stops the build, with the link to write:

    docs/rlhf.md:46:36: 'Figure 1' names this page's figure in plain text: link it, as
    [Figure 1](#figure-rlhf-pipeline), so that the book prints its number and page

Only numbers that a caption of the same page carries count, so "Figure 3 of Gao et al." (another
work's figure) is left alone; so are code, captions themselves, and the text of a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from source_text import Diagnostic, code_spans, line_and_column

CAPTIONED = re.compile(
    r"""(?xs)
    <(?P<tag>figure|table)\b(?P<attributes>[^>]*)>   # the figure or table
    (?:(?!</(?P=tag)>).)*?                          # up to its caption, within it
    <(?:figcaption|caption)\b[^>]*>\s*
    (?P<kind>Figure|Table)\s+(?P<number>\d+)[.:]     # the caption's own number
    """
)
CAPTION = re.compile(r"(?s)<(figcaption|caption)\b.*?</\1>")
ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
# "Figure 2" in running text; not the text of a link ("[Figure 2](#...)").
MENTION = re.compile(r"(?<![\w\[])(?P<name>(?P<kind>Figure|Table) (?P<number>\d+))\b(?!\]\()")


@dataclass(frozen=True)
class Captioned:
    """A figure or table of the page, as its caption numbers it ("Figure", "2"), and its id."""

    kind: str
    number: str
    element_id: str | None


def captioned(markdown: str) -> dict[tuple[str, str], Captioned]:
    """(kind, number) -> the page's figure or table with that caption number."""
    found: dict[tuple[str, str], Captioned] = {}
    for match in CAPTIONED.finditer(markdown):
        if match["tag"] == "table" and match["kind"] != "Table":
            continue
        id_match = ID.search(match["attributes"])
        key = (match["kind"], match["number"])
        found.setdefault(key, Captioned(*key, id_match[1] if id_match else None))
    return found


def check_figure_mentions(markdown: str, source: str, line_offset: int = 0) -> list[Diagnostic]:
    """A Diagnostic for every plain-text mention of one of this page's own figures or tables."""
    own = captioned(markdown)
    if not own:
        return []
    skipped = code_spans(markdown) + [m.span() for m in CAPTION.finditer(markdown)]
    problems = []
    for match in MENTION.finditer(markdown):
        target = own.get((match["kind"], match["number"]))
        if target is None or any(start <= match.start() < end for start, end in skipped):
            continue
        line, column = line_and_column(markdown, match.start())
        if target.element_id:
            fix = f"link it, as [{match['name']}](#{target.element_id}),"
        else:
            fix = (
                f"give its <{'figure' if target.kind == 'Figure' else 'table'}> an id "
                f'(id="{target.kind.lower()}-...") and link to it, as [{match["name"]}](#that-id),'
            )
        problems.append(
            Diagnostic(
                source,
                line + line_offset,
                f"'{match['name']}' names this page's {target.kind.lower()} in plain text: "
                f"{fix} so that the book prints its number and page",
                column,
            )
        )
    return problems
