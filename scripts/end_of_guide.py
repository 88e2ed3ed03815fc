"""The end of the main read: a card after the last chapter's Key takeaways, on the page whose
front matter says `end_of_guide: true` (Where experts disagree).

A reader review followed Next to the last chapter and met its References and a Next link to demos
already seen: no sign of an ending, nothing to do next, no way to pass the guide on. A second
review found the card, then drawn by the page template after the content, below the Next link and
the folded References, where a reader who taps Next never arrives. So it goes where the Next link
would (before the References, scripts/next_page.py), and stands in for it: its first step is the
page Next would open. Web-only (the book ends with its own back matter), out of the search index,
its "offline copy" cut from the offline copy itself (`offline-zip`), and its buttons are
copy-buttons.js's: "Copy link" everywhere, "Share" only where the system has a share sheet.
"""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from next_page import REFERENCES

FLAG = "end_of_guide"


def is_end_of_guide(page: Page) -> bool:
    return bool(page.meta.get(FLAG))


def add_end_of_guide(html: str, page: Page, config: MkDocsConfig) -> str:
    """The page with the card before its References (at its end if it has none)."""
    if not is_end_of_guide(page):
        return html
    card = _card(page, config)
    if html.count(REFERENCES) == 1:
        return html.replace(REFERENCES, card + REFERENCES)
    return html + card


def _card(page: Page, config: MkDocsConfig) -> str:
    def href(target: str) -> str:
        return escape(get_relative_url(target, page.url))

    steps = [
        f'<a href="{href("demos/index.html")}">See the problems happen</a> in the two '
        "interactive demos.",
        f'<a href="{href("further-reading.html")}#start-here">Read further</a>: a few places to '
        "begin, then every source cited here.",
        f'Take it with you: <a href="{href("alignment-explained.pdf")}">the whole guide as a PDF '
        'book</a><span class="offline-zip">, or <a '
        f'href="{href("alignment-explained-offline.zip")}">an offline copy</a> that runs from a '
        "folder</span>.",
    ]
    contributing = str(config.extra.get("contributing_url") or "")
    if contributing:
        steps.append(
            "Spotted a mistake, or a newer study? "
            f'<a href="{escape(contributing)}">Tell us how to fix it</a>.'
        )
    items = "".join(f"<li>{step}</li>" for step in steps)
    share = ""
    if config.site_url:
        share = (
            '<div class="ae-end__share"><p class="ae-end__address">Pass it on: '
            f'<span id="ae-end-address">{escape(config.site_url)}</span></p>'
            '<button type="button" class="md-button md-button--primary" data-share="ae-end-address"'
            ' data-copied="link" hidden>Share</button>'
            '<button type="button" class="md-button" data-copy="ae-end-address"'
            ' data-copied="link">Copy link</button></div>'
            '<p class="ae-end__status" role="status" aria-live="polite"></p>'
        )
    return (
        '<section class="ae-end web-only" aria-labelledby="ae-end-title" data-copy-scope '
        "data-search-exclude>"
        '<h2 id="ae-end-title" class="ae-end__title">The end of the guide</h2>'
        "<p>That is the whole argument, from a wish lost in translation to the questions experts "
        "still argue over. Where next:</p>"
        f'<ul class="ae-end__next">{items}</ul>{share}</section>\n'
    )
