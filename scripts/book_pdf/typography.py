"""Typographer's quotes for the book: “curly” double quotes, ‘single’ ones and apostrophes (’)
where the site's Markdown types straight ones, as a printed book sets them.

SmartyPants (the `smartypants` package) decides which way each quote faces from the characters
around it. It is given the book's text one run at a time, in reading order, each run with the
character before it, so that the decision crosses element boundaries: in `"<em>grasped</em>".`
the first quote opens and the second closes. Code, preformatted text, SVG and MathML keep their
straight quotes (they are meant literally), and so do attribute values.
"""

from __future__ import annotations

import smartypants

from .htmltree import Element

QUOTES_ONLY = smartypants.Attr.q | smartypants.Attr.u  # no dashes or ellipses; Unicode out
LITERAL_TAGS = {"pre", "code", "kbd", "samp", "tt", "script", "style", "math", "svg"}
STRAIGHT = ("'", '"')


def educate_quotes(root: Element) -> int:
    """Curl the straight quotes of root's text in place; returns how many runs changed."""
    state = _State()
    _visit(root, state)
    return state.changed


class _State:
    """The character before the next run of text, and how many runs were changed."""

    def __init__(self) -> None:
        self.before = " "
        self.changed = 0

    def educate(self, text: str | None) -> str | None:
        if not text:
            return text
        result = text
        if any(quote in text for quote in STRAIGHT):
            # The character before is never a straight quote (those are all curled by now), so
            # SmartyPants leaves it as it is and it can be cut off again.
            result = smartypants.smartypants(self.before + text, QUOTES_ONLY)[1:]
            self.changed += result != text
        self.before = result[-1]
        return result


def _visit(element: Element, state: _State) -> None:
    if _is_literal(element):
        literal = "".join(element.itertext())
        if literal:  # what a quote after it follows: a straight one there counts as a letter
            state.before = "x" if literal[-1] in STRAIGHT else literal[-1]
    else:
        element.text = state.educate(element.text)
        for child in element:
            _visit(child, state)
            child.tail = state.educate(child.tail)


def _is_literal(element: Element) -> bool:
    tag: object = element.tag  # a comment's tag is the ET.Comment function
    if not isinstance(tag, str):
        return True
    return tag.rsplit("}", 1)[-1] in LITERAL_TAGS
