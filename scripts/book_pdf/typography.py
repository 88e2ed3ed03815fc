"""What a typesetter does to the book's text that the site's Markdown does not say.

Typographer's quotes: “curly” double quotes, ‘single’ ones and apostrophes (’) where the site's
Markdown types straight ones, as a printed book sets them.

SmartyPants (the `smartypants` package) decides which way each quote faces from the characters
around it. It is given the book's text one run at a time, in reading order, each run with the
character before it, so that the decision crosses element boundaries: in `"<em>grasped</em>".`
the first quote opens and the second closes. Code, preformatted text, SVG and MathML keep their
straight quotes (they are meant literally), and so do attribute values.

Short endings tied: a paragraph's last word, when short, is joined to the one before it by a
no-break space, so that no paragraph ends on a line holding only "to." or "2016)."; and a
citation's year is tied to its authors ("Clark and Amodei,\u00a02016"). A paragraph that ends
on a cross-reference ends, in print, on the label book.css writes after it, "(Chapter 2).", which
is no runt: the link's own last words are left untied there, as tied they made one unbreakable
run with the label ("Specification\u00a0gaming (Chapter\u00a02).", 95 pt of a 380 pt line)
and stretched the line before it to spaces of up to 1.4 em.
"""

from __future__ import annotations

import re

import smartypants

from . import htmltree as ht
from .htmltree import Element
from .numbering import XREF_CLASS, XREF_LABEL, XREF_LABEL_CLASS

QUOTES_ONLY = smartypants.Attr.q | smartypants.Attr.u  # no dashes or ellipses; Unicode out
LITERAL_TAGS = {"pre", "code", "kbd", "samp", "tt", "script", "style", "math", "svg"}
NOT_PROSE = LITERAL_TAGS | {""}  # "": a comment (_tag gives it no name)
STRAIGHT = ("'", '"')
NO_BREAK_SPACE = "\u00a0"
SHORT_ENDING = 10  # letters: a last word this long or shorter is tied to the one before
CLOSING_MARKS = ".,;:!?)]\u201d\u2019\"'"  # not counted: "conditions." is a 10-letter ending
LAST_SPACE = re.compile(r"(?<=\S)\s+(?=\S+\s*$)")  # the space before the text's last word
LAST_SPACE_OR_LEADING = re.compile(r"(?:(?<=\S)|^)\s+(?=\S+\s*$)")  # ... or before the text
CITATION_YEAR = re.compile(r",\s+(?=\d{4}|n\.d\.)")  # "Amodei, 2016", "ARC, n.d."
TIED_BLOCKS = {"p", "li", "dd"}


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
    """Code, SVG and the like, and comments."""
    return _tag(element) in NOT_PROSE


def _tag(element: Element) -> str:
    """The tag without its namespace; "" for a comment (whose tag is the ET.Comment function)."""
    tag: object = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def tie_short_endings(root: Element) -> int:
    """Tie short paragraph endings and citation years with no-break spaces; returns how many
    spaces were tied."""
    tied = 0
    for element in root.iter():
        if _tag(element) == "a" and ht.has_class(element, "citation__link") and element.text:
            element.text, count = CITATION_YEAR.subn("," + NO_BREAK_SPACE, element.text)
            tied += count
    for block in root.iter():
        if _tag(block) in TIED_BLOCKS:
            tied += _tie_last_word(block)
    return tied


def _tie_last_word(block: Element) -> int:
    """Tie the block's own last word to the one before, if both are in its last run of text."""
    holder, attribute = _last_text(block)
    text = getattr(holder, attribute) if holder is not None else None
    if not text:
        return 0
    last_word = text.rstrip().rsplit(None, 1)[-1]
    if len(last_word.rstrip(CLOSING_MARKS)) > SHORT_ENDING:
        return 0
    # A tail's leading space follows the element before it, whose last word it may tie to.
    space = LAST_SPACE if attribute == "text" else LAST_SPACE_OR_LEADING
    new_text, count = space.subn(NO_BREAK_SPACE, text, count=1)
    setattr(holder, attribute, new_text)
    return count


def _prints_a_label_after(element: Element) -> bool:
    """A cross-reference, or the label printed after it: " (Chapter 2)" (numbering.py)."""
    return (
        _tag(element) == "a" and ht.has_class(element, XREF_CLASS) and bool(element.get(XREF_LABEL))
    ) or (_tag(element) == "span" and ht.has_class(element, XREF_LABEL_CLASS))


def _last_text(element: Element) -> tuple[Element | None, str]:
    """Where the element's last non-blank text is: (an element, "text" or "tail"), or (None, "")
    when it ends in a nested block or literal content (its own ending, tied on its own)."""
    for child in reversed(element):
        tail = (child.tail or "").strip()
        if tail and (re.search(r"\w", tail) or _is_literal(child)):
            return child, "tail"
        if _tag(child) in TIED_BLOCKS | {"ul", "ol", "dl", "table", "figure"} or _is_literal(child):
            return None, ""
        if _prints_a_label_after(child):
            return None, ""  # the label ends the block: "(Chapter 2)."
        # after "<em>alignment faking</em>." the ending is the element's own last words
        holder, attribute = _last_text(child)
        if tail and holder is None:
            return child, "tail"
        if holder is not None or "".join(child.itertext()).strip():
            return holder, attribute
    return (element, "text") if (element.text or "").strip() else (None, "")
