"""A figure told in words (the site's `??? figure-text` fold) becomes the figure's alternative
text in the book.

On the site a figure too detailed for a short alt keeps one sentence of alt and is followed by a
fold, "The figure in words", whose paragraphs and lists a screen reader can step through and a
phone reader can open. A printed page has no fold to open, and the tagged PDF gives a figure
only its alt, so here the fold's text joins the alt and the fold itself is left out.

Except where the figure is the whole of its section (a heading, the figure, its fold, then the
next heading): there a page has no text to set beside the figure, and the figure, too tall for
what was left of its page, moved on with its heading and left that page 46% empty (the research
map, p. 74). So its words are printed as the section's text, before the figure (they open with
what the figure shows, "The columns are..."), where they fill the page and the figure follows
them; its alt stays the site's one sentence, the words being on the page.
"""

from __future__ import annotations

from . import htmltree as ht
from .htmltree import Element
from .problems import Problem

FIGURE_TEXT_CLASS = "figure-text"
FIGURE_WORDS_CLASS = "figure-words"  # a whole-section figure's words, printed before it
INLINE_TAGS = {"a", "abbr", "b", "cite", "code", "em", "i", "q", "small", "span", "strong", "sup"}


def fold_into_alt(article: Element, page: str, problems: list[Problem]) -> None:
    """Append each fold's text (its summary left out) to the alt of the figure just before it, and
    remove the fold; a fold that follows no figure with an image is a problem."""
    parent_of = ht.parents(article)
    for fold in ht.find_all(article, _is_figure_text):
        parent = parent_of[fold]
        siblings = list(parent)
        index = siblings.index(fold)
        figure = siblings[index - 1] if index else None
        image = ht.find_first(figure, lambda el: el.tag == "img") if figure is not None else None
        if figure is None or figure.tag != "figure" or image is None:
            problems.append(
                Problem(
                    page,
                    "a '??? figure-text' fold must come straight after the <figure> it describes "
                    "(it becomes that figure's alternative text in the book); move it under the "
                    "figure or make it an ordinary fold",
                )
            )
            continue
        if _is_whole_section(siblings, index - 1):
            _print_before(parent, fold, figure)
            continue
        words = [image.get("alt", ""), " "]
        for child in fold:
            if child.tag != "summary":
                _block_text(child, words)
        alt = " ".join("".join(words).split())
        image.set("alt", alt)
        ht.remove(parent, fold)


def _is_whole_section(siblings: list[Element], figure: int) -> bool:
    """Whether the figure at this index, with the fold after it, is all its section holds: a
    heading before it and a heading (or the end) after the fold."""
    after = siblings[figure + 2] if figure + 2 < len(siblings) else None
    return (
        figure > 0
        and siblings[figure - 1].tag in ht.HEADINGS
        and (after is None or after.tag in ht.HEADINGS)
    )


def _print_before(parent: Element, fold: Element, figure: Element) -> None:
    """The fold's content (its summary left out) as a block of text before the figure."""
    words = ht.Element("div", {"class": FIGURE_WORDS_CLASS})
    words.text = "\n"
    for child in [child for child in fold if child.tag != "summary"]:
        fold.remove(child)
        words.append(child)
    words.tail = "\n"
    ht.remove(parent, fold)
    parent.insert(list(parent).index(figure), words)


def _block_text(el: Element, words: list[str]) -> None:
    """An element's text, with a space wherever a block ends ("Iterate.</li><li>Right" must not
    read "Iterate.Right"); inline elements run on as they print."""
    words.append(el.text or "")
    for child in el:
        _block_text(child, words)
        if child.tag not in INLINE_TAGS:
            words.append(" ")
        words.append(child.tail or "")


def _is_figure_text(el: Element) -> bool:
    return el.tag == "details" and ht.has_class(el, FIGURE_TEXT_CLASS)
