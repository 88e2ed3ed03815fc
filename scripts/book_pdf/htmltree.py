"""Small helpers over the HTML5 tree that WeasyPrint's own parser (tinyhtml5) builds.

Why tinyhtml5 + stdlib ElementTree: it is a real HTML5 parser that WeasyPrint already depends on,
so the book needs no extra package, and ElementTree is enough to cut and rewrite a page.
ElementTree has no parent pointers and keeps text after an element in its `tail`, so removal
and unwrapping live here, done once and correctly.
"""
from __future__ import annotations

import copy
import html
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import tinyhtml5

from . import tinyhtml5_fixes

tinyhtml5_fixes.apply()   # tinyhtml5's regex cache made to hit, here and in WeasyPrint (see the module)
Element = ET.Element
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def parse_file(path: Path) -> Element:
    """The <html> element of a UTF-8 HTML file (the site is always written as UTF-8)."""
    return parse_document(path.read_text(encoding="utf-8"))


def parse_element_source(path: Path, start_marker: str, end_tag: str) -> Element | None:
    """Parse only the part of a file from start_marker to the last end_tag (e.g. a page's
    <article>), or None if either is missing.

    Why: a built Material page is mostly navigation; the HTML parser need not read what the
    book never prints. The slice is made on tag text that
    Markdown content cannot contain raw (it is escaped as &lt;), then parsed properly.
    """
    source = path.read_text(encoding="utf-8")
    start = source.find(start_marker)
    end = source.rfind(end_tag)
    if start < 0 or end < start:
        return None
    body = parse_fragment(source[start:end + len(end_tag)])
    return body[0] if len(body) else None


def parse_fragment(markup: str) -> Element:
    """A <body> element holding the parsed markup."""
    root = tinyhtml5.parse(f"<body>{markup}</body>", namespace_html_elements=False)
    return root.find("body")


def classes(element: Element) -> set[str]:
    return set(element.get("class", "").split())


def has_class(element: Element, name: str) -> bool:
    return name in classes(element)


def find_first(root: Element, test: Callable[[Element], bool]) -> Element | None:
    return next((el for el in root.iter() if test(el)), None)


def find_all(root: Element, test: Callable[[Element], bool]) -> list[Element]:
    return [el for el in root.iter() if test(el)]


def parents(root: Element) -> dict[Element, Element]:
    """Child -> parent for every element under root (ElementTree keeps no parent pointers)."""
    return {child: parent for parent in root.iter() for child in parent}


def remove(parent: Element, element: Element) -> None:
    """Remove element but keep the text that followed it (its tail)."""
    _append_text(parent, _previous(parent, element), element.tail)
    parent.remove(element)


def remove_where(root: Element, test: Callable[[Element], bool]) -> list[Element]:
    """Remove every element (outermost first) that passes test; return what was removed."""
    removed: list[Element] = []
    parent_of = parents(root)
    for element in list(root.iter()):
        if element is root or not test(element) or any(_inside(element, r, parent_of) for r in removed):
            continue
        remove(parent_of[element], element)
        removed.append(element)
    return removed


def unwrap_where(root: Element, test: Callable[[Element], bool]) -> int:
    """Replace every element under root that passes test by its content; return how many."""
    count = 0
    stack = [root]
    while stack:
        parent = stack.pop()
        while any(test(child) for child in parent):   # unwrapping can lift more of them up
            for child in [c for c in parent if test(c)]:
                unwrap(parent, child)
                count += 1
        stack.extend(parent)
    return count


def replace(parent: Element, old: Element, new: Element) -> None:
    """Put new where old is; the text after old (its tail) stays, whatever new's tail was."""
    index = list(parent).index(old)
    new.tail = old.tail
    parent[index] = new


def part(root: Element, tag: str) -> Element:
    """The document's <head> or <body>, which the HTML parser always creates."""
    found = root.find(tag)
    if found is None:
        raise LookupError(f"the document has no <{tag}>")
    return found


def parse_document(markup: str) -> Element:
    """The <html> element of a whole HTML document."""
    return tinyhtml5.parse(markup, namespace_html_elements=False)


def unwrap(parent: Element, element: Element) -> None:
    """Replace element by its content (text and children), e.g. a link whose target is gone."""
    index = list(parent).index(element)
    _append_text(parent, _previous(parent, element), element.text)
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else _previous(parent, element)
    parent.remove(element)
    del element[:]                    # the children now belong to parent alone
    _append_text(parent, last, element.tail)


def escape_attribute(value: str) -> str:
    """An attribute value, escaped for double quotes."""
    return html.escape(value, quote=True)


def text_of(element: Element) -> str:
    """Visible text of an element, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def to_html(element: Element) -> str:
    """Serialise as HTML, with foreign (SVG/MathML) names written the way HTML spells them."""
    clean = copy.deepcopy(element)
    for el in clean.iter():
        tag: object = el.tag  # a comment's tag is the ET.Comment function, whatever the stubs say
        if isinstance(tag, str) and tag.startswith("{"):
            el.tag = tag.split("}", 1)[1]
        for name in [n for n in el.attrib if n.startswith("{")]:
            local = name.split("}", 1)[1]
            prefix = "xlink:" if "xlink" in name else "xml:" if "XML/1998" in name else ""
            el.set(prefix + local, el.attrib.pop(name))
    return ET.tostring(clean, method="html", encoding="unicode")


def walk_headings(root: Element) -> Iterator[Element]:
    return (el for el in root.iter() if el.tag in HEADINGS)


def _previous(parent: Element, element: Element) -> Element | None:
    index = list(parent).index(element)
    return parent[index - 1] if index else None


def _append_text(parent: Element, previous: Element | None, text: str | None) -> None:
    if not text:
        return
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def _inside(element: Element, ancestor: Element, parent_of: dict[Element, Element]) -> bool:
    while element in parent_of:
        element = parent_of[element]
        if element is ancestor:
            return True
    return False
