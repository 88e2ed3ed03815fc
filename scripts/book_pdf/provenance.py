"""Who stands behind the book and where to report an error, for its colophon: read from the
built About page (docs/about.md), which the book does not print whole (it speaks of the site's
footer and its pages' edit links).

Why the colophon needs it: the book is what a reader takes into a meeting, and without it the
printed copy looked more authoritative than the site, which says plainly who is (not yet) named
behind it (a policy adviser's review). Reading it from the built page keeps About the one place
the maintainers write it: when they name the contributors there, the next book says so too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import htmltree as ht
from .htmltree import Element
from .problems import Problem

ABOUT_PAGE = "about.html"
ABOUT_SOURCE = "docs/about.md"
WHO_MAKES_IT = "who-makes-it"  # the heading's id: "## Who makes it"
REPORT_AN_ERROR = "report-an-error-or-ask-a-question"  # "## Report an error or ask a question"


@dataclass(frozen=True)
class Provenance:
    """What About says: the paragraphs of "Who makes it" (as text) and the address its "Report an
    error" section links to first (the issue tracker). Empty for a site with no About page."""

    who: tuple[str, ...] = ()
    report_url: str | None = None


def read_provenance(site_dir: Path, problems: list[Problem]) -> Provenance:
    """The About page's provenance; a page that lost either section is a problem, named with the
    heading to restore, since the colophon would otherwise drop it without a word."""
    path = site_dir / ABOUT_PAGE
    if not path.is_file():
        return Provenance()
    page = ht.parse_file(path)
    found: dict[str, list[Element]] = {}
    for heading_id, name in ((WHO_MAKES_IT, "Who makes it"), (REPORT_AN_ERROR, "Report an error")):
        body = section_body(page, heading_id)
        if body is None:
            problems.append(
                Problem(
                    ABOUT_SOURCE,
                    f'the book\'s colophon prints its section "{name}" (heading id "{heading_id}"),'
                    " which is missing: keep that heading, whose id the colophon looks for",
                )
            )
        found[heading_id] = body or []
    who = tuple(" ".join(ht.text_of(el).split()) for el in found[WHO_MAKES_IT] if el.tag == "p")
    links = (a.get("href", "") for el in found[REPORT_AN_ERROR] for a in el.iter("a"))
    report_url = next((href for href in links if href.startswith(("https://", "http://"))), None)
    return Provenance(who=tuple(p for p in who if p), report_url=report_url)


def section_body(page: Element, heading_id: str) -> list[Element] | None:
    """The elements after the <h2> with this id, up to the next heading of its level or above
    (None when there is no such heading)."""
    for parent in page.iter():
        children = list(parent)
        for i, child in enumerate(children):
            if child.get("id") == heading_id and child.tag == "h2":
                body = []
                for sibling in children[i + 1 :]:
                    if sibling.tag in ("h1", "h2"):
                        break
                    body.append(sibling)
                return body
    return None
