"""Figures a reader can link to: every numbered figure has an id, and the "Figure 2." that starts
its caption is a link to it, a permalink as a heading's ¶ is.

A journalist could not send her editor a link that opens at a figure (reader review 11): only
five figures had an id, written by hand for the text's "[Figure 2](#figure-overoptimization)".
So on the built page (docs/ is never changed) each `<figure>` whose caption starts with its
number ("Figure 2." or "Figure 2:") gets:

- an id, unless the author gave one (`figure-chain-of-loss` and the others stay as written):
  `figure-` and the name of its image file (`disagreement-spectrum.svg` gives
  `figure-disagreement-spectrum`), which stays the same when someone rewords the caption and so
  keeps the links readers have shared; a figure without an image takes the slug of its
  caption's first sentence, and one without a caption's words `figure-N`. An id the page
  already uses gets `-2`, `-3`.
- its caption's number as a link to that id:
  `<figcaption><a class="figure-permalink" href="#figure-x">Figure 2.</a> What to notice.`

Figures without a number are left alone: the home page's picture, and the still and the live
version of each interactive figure, whose `<div class="demo" id="live-...">` is what links name.
The book reads the number as plain text again (book_pdf/chapter.py unwraps the link) and
numbers figures by chapter ("Figure 3.2") as before.

    >>> print(link_figures('<figure>\\n<img src="assets/figures/x-map.svg">\\n'
    ...                    '<figcaption>Figure 1. A map.</figcaption>\\n</figure>'))
    <figure id="figure-x-map">
    <img src="assets/figures/x-map.svg">
    <figcaption><a class="figure-permalink" href="#figure-x-map">Figure 1.</a> A map.</figcaption>
    </figure>
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify

PERMALINK_CLASS = "figure-permalink"
FIGURE = re.compile(
    r"""(?xs)
    <figure(?P<attributes>(?:\s[^>]*)?)>
    (?P<body>(?:(?!<figure\b|</figure>).)*)   # one figure: the site's figures never nest
    </figure>
    """
)
NUMBERED_CAPTION = re.compile(
    r"""(?xs)
    (?P<open><figcaption(?:\s[^>]*)?>\s*)
    (?P<label>Figure\s+\d+[a-z]?[.:])          # the caption's own number, as figure_refs.py reads it
    (?P<rest>.*?)</figcaption>
    """
)
ID = re.compile(r"""(?x) \s id \s* = \s* (?P<quote>["']) (?P<id>.*?) (?P=quote)""")
IMAGE_SOURCE = re.compile(
    r"""(?xs) <img\s[^>]*? \b src \s* = \s* (?P<quote>["']) (?P<src>.*?) (?P=quote)"""
)
TAG = re.compile(r"(?s)<[^>]+>")
FIRST_SENTENCE = re.compile(r"(?s)^(.*?[^.!?])[.!?](?:\s|$)")
MAX_SLUG_WORDS = 6


def link_figures(page_html: str) -> str:
    """The page with an id on every numbered figure and its caption's number linked to it."""
    if "<figcaption" not in page_html:
        return page_html
    taken = {html.unescape(m["id"]) for m in ID.finditer(page_html)}
    number = 0

    def linked(figure: re.Match[str]) -> str:
        nonlocal number
        caption = NUMBERED_CAPTION.search(figure["body"])
        if caption is None:
            return figure.group(0)
        number += 1
        attributes = figure["attributes"]
        given = ID.search(attributes)
        if given:
            figure_id = html.unescape(given["id"])
        else:
            figure_id = unique(figure_slug(figure["body"], caption["rest"], number), taken)
            taken.add(figure_id)
            attributes += f' id="{html.escape(figure_id)}"'
        link = (
            f'<a class="{PERMALINK_CLASS}" href="#{html.escape(figure_id)}">{caption["label"]}</a>'
        )
        body = (
            figure["body"][: caption.start("label")] + link + figure["body"][caption.end("label") :]
        )
        return f"<figure{attributes}>{body}</figure>"

    return FIGURE.sub(linked, page_html)


def figure_slug(body: str, caption_rest: str, number: int) -> str:
    """`figure-` and the image file's name, else the caption's first words, else the number."""
    image = IMAGE_SOURCE.search(body)
    if image:
        path = unquote(urlsplit(html.unescape(image["src"])).path)
        stem = slugify(posixpath.splitext(posixpath.basename(path))[0], "-")
        if stem:
            return stem if stem.startswith("figure-") else f"figure-{stem}"
    text = " ".join(html.unescape(TAG.sub("", caption_rest)).split())
    sentence = FIRST_SENTENCE.match(text)
    words = (sentence[1] if sentence else text).split()[:MAX_SLUG_WORDS]
    slug = slugify(" ".join(words), "-")
    return f"figure-{slug}" if slug else f"figure-{number}"


def unique(candidate: str, taken: set[str]) -> str:
    """`candidate`, or `candidate-2`, `-3`, ... when the page already has that id."""
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"
