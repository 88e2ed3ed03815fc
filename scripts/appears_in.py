"""Who's who's "Appears in:" links, named with their chapter for a screen reader's list of links.

Each entry of Who's who ends with a line of links to the sections where the body or person comes
up, written in docs/whos-who.md as the sections' titles: "Appears in: [Where it fits](
constitutional-ai.md#where-it-fits) · [Debate](research.md#debate)". Next to their entry they
read well; in NVDA's Elements list or VoiceOver's Links rotor, which show names alone, "Where it
fits", "Debate" and "Later variants" say nothing of which chapter they lead to. So each such link
gets an accessible name that adds its chapter's title, as the navigation gives it, after its
visible words (WCAG 2.5.3): "Where it fits (Constitutional AI)". A link whose words already are
its chapter's title ("Constitutional AI" to the chapter's start) keeps its name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from posixpath import normpath
from urllib.parse import urldefrag

from markupsafe import Markup

# An "Appears in:" line as Python-Markdown writes it (one paragraph), and a plain link in it.
APPEARS_IN = re.compile(r"(?s)<p>Appears in: .*?</p>")
LINK = re.compile(r'<a href="(?P<href>[^"]+)">(?P<words>.*?)</a>')


def name_appearances(html: str, page_url: str, titles: Mapping[str, str]) -> str:
    """The page with each "Appears in:" link to another page of `titles` ({url: title}) named
    "<its words> (<that page's title>)"."""

    def name_link(link: re.Match[str]) -> str:
        href = link["href"]
        url, _fragment = urldefrag(href)
        title = titles.get(page_relative(page_url, url)) if url and "://" not in url else None
        words = Markup(link["words"]).striptags()
        if not title or words == title:
            return link[0]
        return str(
            Markup('<a href="{}" aria-label="{} ({})">{}</a>').format(
                Markup(href), words, title, Markup(link["words"])
            )
        )

    return APPEARS_IN.sub(lambda line: LINK.sub(name_link, line[0]), html)


def page_relative(page_url: str, href: str) -> str:
    """The site URL of `href` written on the page at `page_url` ("demos/x.html", "../rlhf.html"
    -> "rlhf.html")."""
    base = page_url.rsplit("/", 1)[0] if "/" in page_url else ""
    return normpath(f"{base}/{href}" if base else href)
