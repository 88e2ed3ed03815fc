"""Page metadata for sharing and trust: descriptions, social cards, "Last updated", "Cite this page".

Called from scripts/hooks.py:

    on_config       PageMeta.from_config: checks site_url (no site_url: nothing below happens),
                    reads the shallow-clone boundary
    on_page_content read_page: the page's title, description (front matter `description:`, else
                    its "In one minute" box, else its first paragraph) and first figure; sets
                    `page.meta["description"]`, which Material writes as <meta name="description">
    on_page_context context: `page_info` for overrides/partials/page-meta.html (Open Graph and
                    Twitter tags) and overrides/partials/source-file.html (last updated, cite box)
    on_post_build   after_build: every description unique, else the build stops naming the pages;
                    writes each page's social card to site/assets/social/<page>.png

Modules: description.py (what a page says about itself), revision.py (how sure the "last
updated" date is), citation.py (BibTeX and formatted reference), social_card.py (the PNG).
"""

from __future__ import annotations

import html
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from source_text import Diagnostic

from .citation import PageCitation
from .description import PageFacts, read_page
from .revision import Revision, revision_of, shallow_boundary
from .social_card import HEIGHT, WIDTH, CardMaker, CardText

log = logging.getLogger(f"mkdocs.hooks.{__name__}")
SOCIAL_DIR = "assets/social"
# The icon a phone puts on its home screen (iOS reads only `apple-touch-icon`, a PNG), drawn from
# the site's SVG favicon at build time (overrides/partials/page-meta.html links it).
TOUCH_ICON = "assets/images/apple-touch-icon.png"


def published_address(site_url: str, page_url: str) -> str:
    """The address to share: a folder's index page by the folder's own address (the site's
    root for Home), as a host serves it and people type it, not `.../index.html`."""
    if page_url == "index.html" or page_url.endswith("/index.html"):
        page_url = page_url.removesuffix("index.html")
    return site_url + page_url


@dataclass(frozen=True)
class PageInfo:
    """What the templates show about one page."""

    title: str
    description: str
    url: str  # canonical, absolute
    image_url: str
    image_alt: str
    revision: Revision
    citation: PageCitation
    is_home: bool
    image_width: int = WIDTH
    image_height: int = HEIGHT


@dataclass
class _Card:
    """A social card to write once the site is built."""

    title: str
    figure: Path | None
    target: str  # site-relative PNG path
    tagline: str  # under the site's name in the card's band ("" on Home, whose title it is)
    blurb: str  # the page's description, under its title


@dataclass
class PageMeta:
    """One build's page metadata (rebuilt in on_config: `mkdocs serve` keeps the module)."""

    config: MkDocsConfig
    site_url: str
    shallow: frozenset[str]
    today: date
    cards: CardMaker
    pages: dict[str, PageInfo] = field(default_factory=dict)
    _cards: list[_Card] = field(default_factory=list)
    _facts: dict[str, tuple[Page, PageFacts]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> PageMeta | None:
        """None (and a log line) for a site without site_url: its pages have no address to
        share or cite (the small sites of the citation tests and benchmark)."""
        site_url = (config.site_url or "").strip()
        if not site_url:
            log.info(
                "page_meta: site_url is not set, so pages get no description, social card, "
                "'Last updated' or 'Cite this page' (set SITE_URL)"
            )
            return None
        if not site_url.startswith(("http://", "https://")):
            raise PluginError(
                f"mkdocs.yml: site_url must be an http(s) address, got {site_url!r}: set the "
                "SITE_URL environment variable, e.g. SITE_URL=https://example.org/alignment-explained/"
            )
        project = Path(config.config_file_path).parent
        cards = CardMaker(
            Path(config.docs_dir) / "assets" / "fonts",
            project / ".cache" / "social",
            heading_font="Literata",
            body_font="Inter",
        )
        return cls(
            config,
            site_url.rstrip("/") + "/",
            shallow_boundary(project),
            datetime.now(UTC).date(),
            cards,
        )

    def read_page(self, html: str, page: Page) -> None:
        """Collect the page's facts; set its meta description (see the module docstring)."""
        facts = read_page(html)
        # Material's <link rel="canonical"> and the sitemap read page.canonical_url.
        page.canonical_url = published_address(self.site_url, page.file.url)
        given = str(page.meta.get("description") or "").strip()
        # Escaped here: Material writes page.meta.description into an attribute as it is.
        page.meta["description"] = escape(" ".join(given.split()) if given else facts.description)
        self._facts[page.file.src_uri] = (page, facts)

    def context(self, page: Page) -> PageInfo | None:
        """The page's info for the templates (once every page is read: MkDocs converts every
        page before it renders the first, so Home's figure is known here)."""
        uri = page.file.src_uri
        if uri not in self.pages and uri in self._facts:
            self.pages[uri] = self._info(*self._facts[uri])
        return self.pages.get(uri)

    def _info(self, page: Page, facts: PageFacts) -> PageInfo:
        title = facts.title or page.title or self.config.site_name
        figure, alt = self._figure(facts, page)
        target = f"{SOCIAL_DIR}/{page.file.dest_uri.removesuffix('.html')}.png"
        url = published_address(self.site_url, page.file.url)
        revision = revision_of(page.meta, shallow=self.shallow, today=self.today)
        tagline = self.tagline
        blurb = html.unescape(str(page.meta["description"]))  # read_page escaped it for Material
        if page.is_homepage and tagline:
            # The site's name alone does not say what it is about ("alignment" of what?): Home's
            # card leads with the tagline, and its shared title carries it.
            self._cards.append(_Card(tagline, figure, target, "", blurb))
            shared_title = f"{self.config.site_name}: {tagline}"
        else:
            self._cards.append(_Card(title, figure, target, tagline, blurb))
            shared_title = title
        return PageInfo(
            title=shared_title,
            description=page.meta["description"],
            url=url,
            image_url=self.site_url + target,
            image_alt=alt,
            revision=revision,
            is_home=page.is_homepage,
            citation=PageCitation(
                title,
                url,
                self.config.site_author or self.config.site_name,
                self.config.site_name,
                revision.day,
                revision.label,
                self.site_url,
            ),
        )

    @property
    def tagline(self) -> str:
        """mkdocs.yml's `extra.tagline`: what the site is about, in a line."""
        return " ".join(str(self.config.extra.get("tagline") or "").split())

    def after_build(self) -> list[Diagnostic]:
        """Problems (duplicate descriptions) to report; else write the social cards."""
        problems = self.duplicate_descriptions()
        if problems:
            return problems
        site_dir = Path(self.config.site_dir)
        address = urlsplit(self.site_url)
        shown = f"{address.netloc}{address.path}".rstrip("/")
        for card in self._cards:
            png = self.cards.card(
                CardText(
                    title=card.title,
                    site_name=self.config.site_name,
                    address=shown,
                    figure_svg=card.figure.read_bytes() if card.figure else None,
                    tagline=card.tagline,
                    blurb=card.blurb,
                )
            )
            out = site_dir / card.target
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(png)
        favicon = Path(self.config.docs_dir) / str(self.config.theme.get("favicon") or "")
        if favicon.suffix == ".svg" and favicon.is_file():
            icon = site_dir / TOUCH_ICON
            icon.parent.mkdir(parents=True, exist_ok=True)
            icon.write_bytes(self.cards.touch_icon(favicon.read_bytes()))
        return []

    def duplicate_descriptions(self) -> list[Diagnostic]:
        by_text: dict[str, list[str]] = defaultdict(list)
        for uri, (page, _) in self._facts.items():
            by_text[page.meta["description"]].append(uri)
        problems = []
        for text, uris in by_text.items():
            if len(uris) > 1 or not text:
                why = (
                    "has no description"
                    if not text
                    else f"has the same description as {', '.join(uris[1:])}"
                )
                problems.append(
                    Diagnostic(
                        f"docs/{uris[0]}",
                        1,
                        f"{why}: give each page its own `description:` in its front matter "
                        "(or its own 'In one minute' box); link previews and search results show it",
                    )
                )
        return problems

    def _figure(self, facts: PageFacts, page: Page) -> tuple[Path | None, str]:
        """The page's first figure (an SVG under assets/figures), else Home's, else none."""
        found = self._own_figure(facts, page)
        if found:
            return found
        for other, other_facts in self._facts.values():
            if other.is_homepage and (home := self._own_figure(other_facts, other)):
                return home
        return None, f"{self.config.site_name}: {facts.title or page.title}"

    def _own_figure(self, facts: PageFacts, page: Page) -> tuple[Path, str] | None:
        if not facts.figure_src or "://" in facts.figure_src:
            return None
        docs = Path(self.config.docs_dir)
        candidate = (docs / Path(page.file.src_uri).parent / facts.figure_src).resolve()
        return (candidate, facts.figure_alt) if candidate.is_file() else None
