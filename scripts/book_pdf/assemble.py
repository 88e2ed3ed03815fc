"""Put cover, contents, chapters and bibliography into one HTML document (Jinja template
`book.html.j2`; the markup lives there, not in Python strings), kept as a tree.

The cover says what the book is about in the site's own words: under the title, the question
Home opens with (docs/index.md's hero, "Why is it so hard to make AI systems do what people
actually mean?"), and the figure Home leads with, the chain of loss, which Chapter 1 prints
too: the cover takes that chapter's image, so it shows only a figure the book holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from glossary import first_sentence

from . import htmltree as ht
from .bibliography import Entry
from .book_index import BookIndex
from .chapter import Chapter
from .htmltree import Element
from .metadata import BookInfo
from .provenance import Provenance

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


SLOT = "data-book-slot"
HOME_PAGE = "index.html"
HERO_QUESTION_CLASS = "ae-hero__promise"  # Home's opening lines: a question, then what it is
COVER_FIGURE = "/assets/figures/alignment-chain-of-loss.svg"  # how a chapter's image src ends
# Set in JetBrains Mono (book.css): the colophon names that typeface only when one is there.
CODE_TAGS = ("code", "kbd", "samp", "pre")


def assemble_book(
    info: BookInfo,
    chapters: list[Chapter],
    entries: list[Entry],
    index: BookIndex | None = None,
    provenance: Provenance | None = None,
    pdf_name: str = "",
) -> Element:
    """The book as one tree: the template's markup, parsed, with each chapter's section and
    bibliography entry put in its place as the tree it already is (written out as text, it
    would only be parsed back into the same tree, work that buys nothing)."""
    pieces = [c.section for c in chapters] + [e.element for e in entries]
    slot_of = {id(piece): index for index, piece in enumerate(pieces)}

    def previous_section(index: int) -> str | None:
        return chapters[index - 1].page.section if index else None

    markup = TEMPLATES.get_template("book.html.j2").render(
        info=info,
        provenance=provenance or Provenance(),
        pdf_url=info.site_url + pdf_name if info.site_url and pdf_name else None,
        tagline=take_cover_tagline(chapters),
        cover_figure=find_cover_figure(chapters),
        chapters=chapters,
        entries=entries,
        index=index or BookIndex([], []),
        previous_section=previous_section,
        has_code=any(
            next(c.section.iter(tag), None) is not None for c in chapters for tag in CODE_TAGS
        ),
        chapter_html=lambda c: Markup(f'<section {SLOT}="{slot_of[id(c.section)]}"></section>'),
        entry_html=lambda e: Markup(f'<li {SLOT}="{slot_of[id(e.element)]}"></li>'),
    )
    root = ht.parse_document(markup)
    parent_of = ht.parents(root)
    for slot, number in [(el, n) for el in root.iter() if (n := el.get(SLOT)) is not None]:
        ht.replace(parent_of[slot], slot, pieces[int(number)])
    drop_unlinked_ids(root)
    return root


@dataclass(frozen=True)
class CoverFigure:
    src: str
    alt: str


def take_cover_tagline(chapters: list[Chapter]) -> str:
    """The cover's line under the title: the first sentence of Home's hero ("" without one).
    The cover prints it, so the Introduction, which is Home, starts after it: a reader met the
    cover's question again, word for word, as the Introduction's first line."""
    home = next((c for c in chapters if c.page.path == HOME_PAGE), None)
    hero = (
        ht.find_first(home.section, lambda el: ht.has_class(el, HERO_QUESTION_CLASS))
        if home is not None
        else None
    )
    if hero is None:
        return ""
    text = ht.text_of(hero)
    tagline = first_sentence(text)
    if len(hero) == 0 and tagline and text.startswith(tagline):  # plain text: cut it there
        hero.text = text[len(tagline) :].strip()
    return tagline


def find_cover_figure(chapters: list[Chapter]) -> CoverFigure | None:
    """The cover's figure: the chapter image of COVER_FIGURE (its src already a file URI), its
    alt cut to the first sentence, which names it (the whole alt is read where the chapter
    prints it); None when no chapter prints it."""
    for chapter in chapters:
        for img in chapter.section.iter("img"):
            if (img.get("src") or "").endswith(COVER_FIGURE):
                return CoverFigure(img.get("src", ""), first_sentence(img.get("alt", "")))
    return None


def drop_unlinked_ids(root: Element) -> int:
    """Remove every id nothing in the book links to; returns how many.

    Why: WeasyPrint makes each id an anchor (a named destination in the PDF) and, on every
    page it lays out, checks each anchor against each target-counter() of the book (contents,
    cross-references, index): ids nobody points at only cost time and file size."""
    targets = {href[1:] for el in root.iter("a") if (href := el.get("href") or "").startswith("#")}
    dropped = 0
    for el in root.iter():
        if el.get("id") is not None and el.get("id") not in targets:
            del el.attrib["id"]
            dropped += 1
    return dropped
