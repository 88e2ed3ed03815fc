"""What a link in the PDF says it is for: its annotation's /Contents, in words.

Why: a tagged PDF gives every link annotation a /Contents, the "alternate description" that
PDF/UA asks for and that assistive technology and some viewers' link tooltips read out.
WeasyPrint 70.0 writes the link's target there, which inside the book is an anchor name such as
"further-reading--christiano2017deep". The book knows what each anchor is (a reference, a
section, a glossary term, a figure), so it describes the target in words and puts that in the
annotation, through write_pdf's public `finisher` (called with the pydyf PDF just before it is
written). Links to the web keep their address, which already says where they go.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pydyf

from . import htmltree as ht
from .htmltree import Element

Finisher = Callable[[object, pydyf.PDF], None]

CAPTIONS = ("figcaption", "caption")
# Elements the index points into: a term where it is used in a sentence.
INLINE = frozenset({"a", "abbr", "b", "dfn", "em", "i", "span", "strong"})
LONGEST = 110  # characters of a target's own text kept in a description
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)’”])\.\s")  # the end of a caption's first sentence
_SPACES = re.compile(r"\s+")


def target_descriptions(root: Element) -> dict[str, str]:
    """Every anchor that a link in the book points at, described in words by its kind."""
    wanted = {
        href[1:]
        for link in root.iter("a")
        if (href := link.get("href") or "").startswith("#") and len(href) > 1
    }
    descriptions: dict[str, str] = {}
    for part in root.iter("section"):
        if "chapter" not in (part.get("class") or "").split():
            continue
        name = part_name(part)
        for element in part.iter():
            anchor = element.get("id")
            if anchor in wanted and anchor not in descriptions:
                descriptions[anchor] = describe(element, name, part)
    return descriptions


def part_name(part: Element) -> str:
    """ "Chapter 6, The four core difficulties", "Appendix B, The boat race", or "Glossary"."""
    title = part.find(".//h1")
    if title is None:
        return short(ht.text_of(part))
    number = title.get("data-chapter")
    name = short(ht.text_of(title))
    if not number:
        return name
    return f"{'Chapter' if number.isdigit() else 'Appendix'} {number}, {name}"


def describe(element: Element, part: str, part_element: Element) -> str:
    """One target in words: where it is in the book and what it says."""
    classes = (element.get("class") or "").split()
    text = short(ht.text_of(element))
    if element is part_element or "chapter-title" in classes:
        return part
    if "further-reading__entry" in classes:
        return f"Further reading: {text}"
    if element.tag == "dt":
        return f"Glossary: {text}"
    if "citation__link" in classes:
        return f"Citation of {text}, in {part}"
    if element.tag in ht.HEADINGS:
        return f"Section “{text}”, in {part}"
    if element.tag in {"figure", "table"} or "demo" in classes:
        caption = next((e for e in element.iter() if e.tag in CAPTIONS), element)
        return f"{first_sentence(short(ht.text_of(caption)))}, in {part}"
    if element.tag in INLINE:
        return f"Where “{text}” appears, in {part}"
    return f"“{text}”, in {part}"


def first_sentence(text: str) -> str:
    """A caption's label and title ("Figure 1.1 The chain of loss"), without what follows."""
    end = _SENTENCE_END.search(text)
    return text[: end.start()] if end else text


def short(text: str) -> str:
    """The text on one line, cut at a word with an ellipsis if it is long."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= LONGEST:
        return text
    return text[:LONGEST].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def describing_links(descriptions: Mapping[str, str]) -> Finisher:
    """A write_pdf finisher that puts each internal link's description in its annotation."""

    def finish(_document: object, pdf: pydyf.PDF) -> None:
        for obj in pdf.objects:
            if (
                isinstance(obj, pydyf.Dictionary)
                and obj.get("Subtype") == "/Link"
                and "Contents" in obj
                and isinstance(target := obj.get("Dest"), pydyf.String)
                and (description := descriptions.get(target.string))
            ):
                obj["Contents"] = pydyf.String(description)

    return finish
