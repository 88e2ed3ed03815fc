"""Put cover, contents, chapters and bibliography into one HTML document (Jinja template
`book.html.j2`; the markup lives there, not in Python strings)."""
from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from . import htmltree as ht
from .bibliography import Entry
from .chapter import Chapter
from .metadata import BookInfo

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
)


def assemble_book(info: BookInfo, chapters: list[Chapter], entries: list[Entry]) -> str:
    def previous_section(index: int) -> str | None:
        return chapters[index - 1].page.section if index else None

    return TEMPLATES.get_template("book.html.j2").render(
        info=info, chapters=chapters, entries=entries, previous_section=previous_section,
        chapter_html=lambda c: Markup(ht.to_html(c.section)),
        entry_html=lambda e: Markup(ht.to_html(e.element)),
    )
