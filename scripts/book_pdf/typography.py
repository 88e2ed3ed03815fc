"""What a typesetter does to the book's text that the site's Markdown does not say.

Typographer's quotes: “curly” double quotes, ‘single’ ones and apostrophes (’) where the site's
Markdown types straight ones, as a printed book sets them.

SmartyPants (the `smartypants` package) decides which way each quote faces from the characters
around it. It is given the book's text one run at a time, in reading order, each run with the
character before it, so that the decision crosses element boundaries: in `"<em>grasped</em>".`
the first quote opens and the second closes. Code, preformatted text, SVG and MathML keep their
straight quotes (they are meant literally), and so do attribute values.

Proper names kept whole: the book's prose is hyphenated (book.css), and a dictionary splits
"Christiano" or "DeepMind" as readily as any word, which a careful typesetter avoids. A name is
recognized as English prose marks it, by a capital letter where no sentence starts, or by a
capital that another capitalized word follows ("Constitutional AI"); each is wrapped in a span
that book.css leaves unhyphenated. A capitalized word alone at the start of a sentence
("Training ...") may still be split, as a common word would be.

Short endings tied: a paragraph's last word, when short, is joined to the one before it by a
no-break space, so that no paragraph ends on a line holding only "to." or "2016)."; and a
citation's year is tied to its authors ("Clark and Amodei,\u00a02016").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import smartypants

from . import htmltree as ht
from .htmltree import Element

QUOTES_ONLY = smartypants.Attr.q | smartypants.Attr.u  # no dashes or ellipses; Unicode out
LITERAL_TAGS = {"pre", "code", "kbd", "samp", "tt", "script", "style", "math", "svg"}
STRAIGHT = ("'", '"')

PROPER_NAME_CLASS = "proper-name"  # book.css: hyphens: manual
# Words shorter than book.css's hyphenate-limit-chars total (6) are never split anyway; a
# possessive stays with its name ("Goodhart’s").
PROPER_NAME = re.compile(r"(?<![\w’'-])[A-Z][^\W\d_]{5,}(?:’s)?(?![\w-])")
# What comes before a sentence's first word: nothing in the block yet, or a full stop (question
# or exclamation mark, colon) and space, then perhaps an opening quote or bracket.
SENTENCE_START = re.compile(r"(?:^|[.!?:][”’)]?\s+)[“‘(\[]*$")
# A name of several words goes on with another capital, and is a name even where a sentence
# starts with it ("Constitutional AI was...", "Concrete Problems in AI Safety named...").
NAME_GOES_ON = re.compile(r"\s+[A-Z]")
CONTEXT = 16  # characters of the text before a word that SENTENCE_START needs to look at
PROSE_BLOCKS = {"p", "li", "dd", "blockquote"}
# Set unhyphenated by book.css already, or literal: nothing to keep whole there.
UNHYPHENATED_CLASSES = {"citation-ref", "bib-entry", "citation__link", "index-list", "toc"}


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
    """Code, SVG and the like, and comments (_tag gives a comment no name)."""
    return _tag(element) in LITERAL_TAGS | {""}


def keep_proper_names_whole(root: Element) -> int:
    """Wrap each proper name in the prose under root in a span.proper-name, so that it is not
    hyphenated; returns how many were wrapped."""
    wrapped = 0
    for block in _outermost_prose(root):
        wrapped += _wrap_names(block, "")[1]
    return wrapped


def _outermost_prose(element: Element) -> Iterator[Element]:
    """The prose blocks under element that are not inside another (those are visited with it)."""
    if _is_literal(element):
        return
    if _tag(element) in PROSE_BLOCKS:
        yield element
        return
    for child in element:
        yield from _outermost_prose(child)


def _wrap_names(element: Element, before: str) -> tuple[str, int]:
    """Wrap the names in element's text and its children's (not its own tail); `before` is the
    text read so far in the block. Returns the text read by the end of the element, and how many
    names were wrapped."""
    if _is_literal(element) or ht.classes(element) & UNHYPHENATED_CLASSES:
        # Read as one word: a citation's "et al." ends no sentence.
        return (before + "x" if "".join(element.itertext()) else before), 0
    if _tag(element) in PROSE_BLOCKS:
        before = ""  # a nested list item or paragraph starts afresh
    wrapped = 0
    head, spans = _split_names(element.text, before)
    before = (before + (element.text or ""))[-CONTEXT:]
    element.text = head
    children = list(element)
    element[:0] = spans
    wrapped += len(spans)
    position = len(spans)  # where the next original child is
    for child in children:
        before, inner = _wrap_names(child, before)
        wrapped += inner
        head, spans = _split_names(child.tail, before)
        before = (before + (child.tail or ""))[-CONTEXT:]
        child.tail = head
        element[position + 1 : position + 1] = spans
        position += 1 + len(spans)
        wrapped += len(spans)
    return before, wrapped


def _split_names(text: str | None, before: str) -> tuple[str | None, list[Element]]:
    """The text up to its first proper name, and a span for each name (carrying the text that
    follows it as its tail)."""
    if not text:
        return text, []
    names = [
        match
        for match in PROPER_NAME.finditer(text)
        if NAME_GOES_ON.match(text, match.end())
        or not SENTENCE_START.search(before + text[max(0, match.start() - CONTEXT) : match.start()])
    ]
    if not names:
        return text, []
    spans = []
    for match, following in zip(names, [*names[1:], None], strict=True):
        span = ET.Element("span", {"class": PROPER_NAME_CLASS})
        span.text = match.group()
        span.tail = text[match.end() : following.start() if following else len(text)] or None
        spans.append(span)
    return text[: names[0].start()], spans


def _tag(element: Element) -> str:
    """The tag without its namespace; "" for a comment (whose tag is the ET.Comment function)."""
    tag: object = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


NO_BREAK_SPACE = "\u00a0"
SHORT_ENDING = 10  # characters: a last word this long or shorter is tied to the one before
LAST_SPACE = re.compile(r"(?<=\S)\s+(?=\S+\s*$)")  # the space before the text's last word
LAST_SPACE_OR_LEADING = re.compile(r"(?:(?<=\S)|^)\s+(?=\S+\s*$)")  # ... or before the text
CITATION_YEAR = re.compile(r",\s+(?=\d{4}|n\.d\.)")  # "Amodei, 2016", "ARC, n.d."
TIED_BLOCKS = {"p", "li", "dd"}


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
    if len(last_word) > SHORT_ENDING:
        return 0
    # A tail's leading space follows the element before it, whose last word it may tie to.
    space = LAST_SPACE if attribute == "text" else LAST_SPACE_OR_LEADING
    new_text, count = space.subn(NO_BREAK_SPACE, text, count=1)
    setattr(holder, attribute, new_text)
    return count


def _last_text(element: Element) -> tuple[Element | None, str]:
    """Where the element's last non-blank text is: (an element, "text" or "tail"), or (None, "")
    when it ends in a nested block or literal content (its own ending, tied on its own)."""
    for child in reversed(element):
        tail = (child.tail or "").strip()
        if tail and (re.search(r"\w", tail) or _is_literal(child)):
            return child, "tail"
        if _tag(child) in TIED_BLOCKS | {"ul", "ol", "dl", "table", "figure"} or _is_literal(child):
            return None, ""
        # after "<em>alignment faking</em>." the ending is the element's own last words
        holder, attribute = _last_text(child)
        if tail and holder is None:
            return child, "tail"
        if holder is not None or "".join(child.itertext()).strip():
            return holder, attribute
    return (element, "text") if (element.text or "").strip() else (None, "")
