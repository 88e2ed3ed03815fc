"""Small helpers over the HTML5 tree of a page: the stdlib ElementTree, built by Lexbor.

Why Lexbor (selectolax) + stdlib ElementTree: Lexbor is a spec-conforming HTML5 parser written in
C, ten times faster than WeasyPrint's own pure-Python tinyhtml5 on the site's pages (reading the
site was a twentieth of the book's build), and ElementTree is enough to cut and rewrite a page.
The tree is built as tinyhtml5 builds it (namespace_html_elements=False: HTML elements unprefixed,
SVG and MathML ones in their namespaces, foreign attributes such as xlink:href adjusted), which
tests/test_book_parts.py checks on every page of the built site; comments are left out.
ElementTree has no parent pointers and keeps text after an element in its `tail`, so removal
and unwrapping live here, done once and correctly.
"""

from __future__ import annotations

import copy
import html
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

Element = ET.Element
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML"
FOREIGN_ROOTS = {"svg": SVG_NAMESPACE, "math": MATHML_NAMESPACE}
# Foreign elements whose children are HTML again (HTML's "integration points").
HTML_INSIDE = {
    (SVG_NAMESPACE, "foreignObject"),
    (SVG_NAMESPACE, "desc"),
    (SVG_NAMESPACE, "title"),
    (MATHML_NAMESPACE, "annotation-xml"),
}
_XLINK, _XML, _XMLNS = (
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/2000/xmlns/",
)
# HTML's "adjust foreign attributes" table, as tinyhtml5 applies it.
FOREIGN_ATTRIBUTES = {
    **{
        f"xlink:{name}": f"{{{_XLINK}}}{name}"
        for name in ("actuate", "arcrole", "href", "role", "show", "title", "type")
    },
    "xml:lang": f"{{{_XML}}}lang",
    "xml:space": f"{{{_XML}}}space",
    "xmlns": f"{{{_XMLNS}}}xmlns",
    "xmlns:xlink": f"{{{_XMLNS}}}xlink",
}


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
    body = parse_fragment(source[start : end + len(end_tag)])
    return body[0] if len(body) else None


def parse_fragment(markup: str) -> Element:
    """A <body> element holding the parsed markup."""
    body = parse_document(f"<body>{markup}</body>").find("body")
    if body is None:  # never: an HTML parser always makes a <body>
        raise ValueError("the HTML parser made no <body>")
    return body


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
        if (
            element is root
            or not test(element)
            or any(_inside(element, r, parent_of) for r in removed)
        ):
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
        while any(test(child) for child in parent):  # unwrapping can lift more of them up
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
    root = LexborHTMLParser(markup).root
    if root is None:  # Lexbor always makes <html>, even for empty markup
        raise LookupError("the HTML parser returned no document")
    return _tree(root, None)


def _tree(node: LexborNode, namespace: str | None) -> Element:
    """The ElementTree of a Lexbor element (namespace: None for HTML, else its parent's)."""
    name = node.tag or ""  # an element node always has a tag name
    namespace = FOREIGN_ROOTS.get(name, namespace) if namespace is None else namespace
    attributes = {key: value or "" for key, value in node.attributes.items()}
    if namespace is not None:
        attributes = {FOREIGN_ATTRIBUTES.get(key, key): value for key, value in attributes.items()}
        name = f"{{{namespace}}}{name}"
    element = ET.Element(name, attributes)
    inner = None if (namespace, node.tag) in HTML_INSIDE else namespace
    last: Element | None = None
    child = node.child
    while child is not None:
        if child.is_element_node:
            last = _tree(child, inner)
            element.append(last)
        elif child.is_text_node:
            _append_text(element, last, child.text_content)
        child = child.next
    return element


def unwrap(parent: Element, element: Element) -> None:
    """Replace element by its content (text and children), e.g. a link whose target is gone."""
    index = list(parent).index(element)
    _append_text(parent, _previous(parent, element), element.text)
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else _previous(parent, element)
    parent.remove(element)
    del element[:]  # the children now belong to parent alone
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
