"""Turn a page's citations into HTML and append its References section.

Python-Markdown would apply inline Markdown (emphasis, abbreviations) to text inside inline
HTML, so a citation is replaced by a slot in the Markdown: the token `xcitationslot3x` (or,
in a heading, `<span data-citation-slot="3"></span>`). After conversion (`fill_slots`, on_env) the
slot becomes the citation as plain text after a marker comment, which is what the search
plugin indexes; in the finished page (`fill_late_slots`, on_post_page) that becomes the full
citation with its tooltip (both in slots.py, all a warm build needs of the feature). The
References section is a Markdown `## References` heading (so it is in the table of contents)
over a block whose list is filled in late too (`<!--citation-late:9-->`). Neither Markdown nor
the search indexer parses citation markup, tooltips or lists, which keeps
a build with thousands of citations fast.

The word in these stand-ins is chosen per page (`slot_word`): "citation", or "citation1", ...
when the page itself contains the text of a stand-in, so a page that writes `xcitationslot3x`
or `<!--citation-late:0-->` (say, in a code example) shows it as written.

A citation where HTML cannot hold a link (in an image's alt text or a link's text: syntax.py
marks it *plain*) becomes its plain text; so does one that another extension put inside a tag
or a link anyway (`fill_slots` looks where each slot ended up).

All HTML comes from Jinja templates in overrides/partials/citations/, rendered with autoescape:
every field is escaped; prefixes and suffixes are inline Markdown (affixes.py); only http(s)
URLs and DOIs become links.

    [see @russell2019human, ch. 3]  →  (see <a href="#ref-russell2019human" …>Russell, 2019</a>, ch. 3)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup, escape

from .affixes import affix, with_locator
from .bibliography import Bibliography
from .diagnostics import Diagnostic, line_and_column
from .reference import Link, ReferenceView, reference_view
from .slots import SLOT_WORD, LateSlots, RenderedPage, fill_late_slots, fill_slots, slot_word
from .style import (
    CitedWork,
    Label,
    build_labels,
    citation_parts,
    letters,
    plain_text,
    references_entry_id,
    sort_key,
    work_names,
)
from .syntax import NO_MATH, Citation, CiteItem, Edit, Malformed, MathSyntax, apply_edits, scan
from .templates import (
    CITATION_TEMPLATE,
    REFERENCE_TEMPLATE,
    REFERENCES_TEMPLATE,
    template_environment,
)

HEADING_LINE = re.compile(r"(?x) [ ]{0,3} \#")  # used with .match(text, line_start)
SETEXT_UNDERLINE = re.compile(r"(?x) ^ [ ]{0,3} (?: =+ | -+ ) [ \t]* $")


@dataclass(frozen=True, slots=True)
class LinkView:
    """Where one work of a citation links, and its tooltip (its words: style.citation_parts)."""

    href: str
    link_id: str  # the References entry links back here
    tip_id: str
    tooltip: Markup  # the formatted reference, without links (a tooltip holds no controls)
    source: Link | None = None  # the work itself (DOI, arXiv, address), linked after it, for touch
    # The accessible name of a link that shows the year alone ("Anthropic [-@key]" -> "2026a"):
    # the year, then the authors, so that a links list tells two works of one year apart.
    name: str = ""


@dataclass
class Prepared:
    """Everything derived from the bibliography and the templates alone: labels, reference
    views, formatted references, sort keys. Plain data, so cache.py can keep it on disk."""

    labels: dict[str, Label]
    views: dict[str, ReferenceView] = field(default_factory=dict)
    html: dict[tuple[str, bool], Markup] = field(default_factory=dict)
    sort_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Styler:
    """Bibliography-wide rendering state: each entry's label, view and HTML is made once."""

    bibliography: Bibliography
    env: jinja2.Environment
    prepared: Prepared | None = None

    def __post_init__(self) -> None:
        if self.prepared is None:
            self.prepared = Prepared(build_labels(self.bibliography.entries.values()))
        self.labels = self.prepared.labels
        self._views = self.prepared.views
        self._html = self.prepared.html
        self._sort_keys = self.prepared.sort_keys
        self._templates: dict[str, jinja2.Template] = {}
        self._reference_macro: Callable[..., str] | None = None
        self._work_names: dict[str, str] | None = None

    def template(self, name: str) -> jinja2.Template:
        """`env.get_template`, once per build: each call of it checks the file on disk."""
        if name not in self._templates:
            self._templates[name] = self.env.get_template(name)
        return self._templates[name]

    def prepare_all(self) -> Prepared:
        """Compute what Further reading needs for every entry anyway (tooltips stay lazy)."""
        for key in self.bibliography.entries:
            self.reference_html(key, links=True)
            self._sort_key(key)
        assert self.prepared is not None
        return self.prepared

    def view(self, key: str) -> ReferenceView:
        if key not in self._views:
            self._views[key] = reference_view(self.bibliography[key], self.labels[key])
        return self._views[key]

    def reference_html(self, key: str, *, links: bool = True) -> Markup:
        """The formatted reference (template macro), rendered once per key."""
        cache_key = (key, links)
        if cache_key not in self._html:
            if self._reference_macro is None:
                self._reference_macro = self.template(REFERENCE_TEMPLATE).module.reference  # type: ignore[attr-defined]  # macros: run-time attributes
            self._html[cache_key] = Markup(self._reference_macro(self.view(key), links=links))
        return self._html[cache_key]

    def work_name(self, key: str) -> str:
        """What the accessible name of a link repeated once per work calls it (style.work_names):
        "In Further reading: Concrete Problems in AI Safety"."""
        if self._work_names is None:
            self._work_names = work_names(self.bibliography.entries.values(), self.labels)
        return self._work_names[key]

    def sorted_keys(self, keys: set[str] | Sequence[str]) -> list[str]:
        """By author then year."""
        return sorted(set(keys), key=self._sort_key)

    def _sort_key(self, key: str) -> tuple[str, ...]:
        if key not in self._sort_keys:
            self._sort_keys[key] = sort_key(self.bibliography[key], self.labels)
        return self._sort_keys[key]


@dataclass(frozen=True)
class SlottedPage:
    """A page's Markdown with every citation replaced by its slot, and a References section
    waiting for its list: all of the citation pass that needs no bibliography, so MkDocs can
    convert the page while references.bib is still being read (see site.py). `edits` turn the
    Markdown as written into `markdown`: a few bytes to send between processes, not the page."""

    markdown: str  # what goes on to Python-Markdown
    source: str  # the Markdown as written (for the line and column of a problem)
    citations: tuple[
        Citation, ...
    ]  # slot n holds citations[n]; the References list is late slot len(citations)
    edits: tuple[Edit, ...]
    word: str = SLOT_WORD  # of the slot tokens (slot_word)
    malformed: tuple[Malformed, ...] = ()


def slot_citations(markdown: str, math: MathSyntax = NO_MATH) -> SlottedPage:
    """Replace each citation by a slot; append "## References" when the page cites anything."""
    word = slot_word(markdown)
    citations: list[Citation] = []
    malformed: list[Malformed] = []
    edits: list[Edit] = []
    for token in scan(markdown, math):
        if isinstance(token, Malformed):
            malformed.append(token)
        elif isinstance(token, Citation):
            citations.append(token)
            n = len(citations) - 1
            slot = (
                f'<span data-{word}-slot="{n}"></span>'
                if in_heading(markdown, token.start)
                else f"x{word}slot{n}x"
            )
            edits.append((token.start, token.end, slot))
        else:
            edits.append((token.start, token.end, "@"))
    if (
        citations
    ):  # the References heading and its list's late slot, instead of the trailing newlines
        edits.append(
            (
                len(markdown.rstrip("\n")),
                len(markdown),
                '\n\n## References\n\n<div class="citation-references" '
                f"data-search-exclude><!--{word}-late:{len(citations)}--></div>\n",
            )
        )
    return SlottedPage(
        apply_edits(markdown, edits),
        markdown,
        tuple(citations),
        tuple(edits),
        word,
        tuple(malformed),
    )


def render_citations(
    page: SlottedPage,
    styler: Styler,
    *,
    source_name: str,
    line_offset: int = 0,
    further_reading_url: str = "further-reading.html",
) -> RenderedPage:
    """The HTML for a slotted page's slots (and its References list), or its problems (unknown
    keys, malformed citations).

    `line_offset` is the number of front-matter lines MkDocs removed, so diagnostics point at
    the line of the source file.
    """
    bibliography = styler.bibliography
    slots: list[str] = []
    late: list[str] = []
    stand_ins: list[str] = []
    cited: list[str] = []
    back_links: dict[str, list[str]] = {}
    problems: list[Diagnostic] = []

    def problem(offset: int, message: str) -> None:
        line, column = line_and_column(page.source, offset)
        problems.append(Diagnostic(source_name, line + line_offset, message, column))

    for bad in page.malformed:
        problem(bad.offset, bad.message)
    citation_macro = styler.template(CITATION_TEMPLATE).module.citation  # type: ignore[attr-defined]  # macros: run-time attributes
    for n, citation in enumerate(page.citations):
        unknown = [item for item in citation.items if item.key not in bibliography]
        for item in unknown:
            problem(item.offset, unknown_key_message(item.key, bibliography))
        if unknown:  # the build stops; keep the slot numbering intact
            slots.append(page.source[citation.start : citation.end])
            late.append("")
            stand_ins.append("")
            continue
        parts = citation_parts(
            [cited_work(item, styler) for item in citation.items], citation.narrative
        )
        cited.extend(item.key for item in citation.items)
        # Plain text for the search index now, the full citation (late slot n) in the finished page:
        # the same parts, as text and marked up.
        stand_in = str(escape(plain_text(parts)))
        stand_ins.append(stand_in)
        if citation.plain:  # no markup where HTML cannot hold it
            slots.append(stand_in)
            late.append("")
            continue
        links = [link_view(item, n, m, styler) for m, item in enumerate(citation.items)]
        for item, link in zip(citation.items, links, strict=True):
            back_links.setdefault(item.key, []).append(link.link_id)
        late.append(
            str(
                citation_macro(
                    [
                        (part.words.html, None if part.work is None else links[part.work])
                        for part in parts
                    ]
                )
            )
        )
        slots.append(f"<!--{page.word}:{n}-->{stand_in}")
    if page.citations:
        late.append(
            references_html(cited, styler, further_reading_url, back_links)
            if cited and not problems
            else ""
        )
        stand_ins.append("")
    return RenderedPage(
        page.markdown, slots, LateSlots(late, stand_ins, page.word), cited, problems
    )


def cited_work(item: CiteItem, styler: Styler) -> CitedWork:
    """One work of a citation: its label, and its prefix and suffix as inline Markdown."""
    return CitedWork(
        styler.labels[item.key],
        affix(item.prefix),
        affix(_suffix(with_locator(item.suffix, locator=item.locator))),
        item.suppress_author,
    )


def link_view(item: CiteItem, n: int, m: int, styler: Styler) -> LinkView:
    """Where the m-th work of the page's n-th citation links, and its tooltip."""
    label = styler.labels[item.key]
    return LinkView(
        href=f"#{references_entry_id(item.key)}",
        link_id=f"cite-{n + 1}-{m + 1}",
        tip_id=f"cite-{n + 1}-{m + 1}-tip",
        tooltip=styler.reference_html(item.key, links=False),
        source=next(iter(styler.view(item.key).links), None),
        name=f"{label.year}, {label.authors}" if item.suppress_author else "",
    )


def render_page(
    markdown: str,
    styler: Styler,
    *,
    source_name: str,
    line_offset: int = 0,
    further_reading_url: str = "further-reading.html",
    math: MathSyntax = NO_MATH,
) -> RenderedPage:
    """The whole citation pass over one page's Markdown (body without front matter)."""
    return render_citations(
        slot_citations(markdown, math),
        styler,
        source_name=source_name,
        line_offset=line_offset,
        further_reading_url=further_reading_url,
    )


def in_heading(markdown: str, offset: int) -> bool:
    """Is `offset` on an ATX heading line (`## ...`) or a setext heading's text line?"""
    start = markdown.rfind("\n", 0, offset) + 1
    end = markdown.find("\n", offset)
    if HEADING_LINE.match(markdown, start):
        return True
    if end == -1:
        return False
    next_end = markdown.find("\n", end + 1)
    next_line = markdown[end + 1 : next_end if next_end != -1 else len(markdown)]
    return bool(next_line.strip()) and bool(SETEXT_UNDERLINE.match(next_line))


def _suffix(raw: str) -> str:
    if not raw:
        return ""
    return raw if raw.startswith(",") else f", {raw}"


def unknown_key_message(key: str, bibliography: Bibliography) -> str:
    close = difflib.get_close_matches(key, list(bibliography.entries), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown citation key '{key}'{hint}"


# The links back from a References entry to each place the page cites it, as footnotes have.
# Each is named after the work ("Back to where this page cites Amodei et al., 2016"): a screen
# reader's list of links shows names alone, and a References list of 40 works had 40 links called
# "Back to where this page cites it". The visible words start the name (WCAG 2.5.3, axe's
# label-content-name-mismatch). Markup.format escapes every value.
BACK_LINK_ONE = Markup(
    '<a class="citation-reference__back web-only" href="#{id}" '
    'aria-label="Back to where this page cites {work}">↩</a>'
)
BACK_LINK_MANY = Markup(
    '<span class="citation-reference__back web-only"><span aria-hidden="true">↩</span> {}</span>'
)
BACK_LINK = Markup(
    '<a href="#{id}" aria-label="{label}: back to citation {n} of {count} of {work}">{label}</a>'
)


def references_html(
    cited: Sequence[str],
    styler: Styler,
    further_reading_url: str,
    back_links: dict[str, list[str]] | None = None,
) -> str:
    """The list of works cited on a page, by author then year (goes under "## References"),
    each with links back to where the page cites it (↩, or ↩ a b c), and to its entry in
    Further reading, named after the work (Styler.work_name)."""
    back_links = back_links or {}
    references = [
        (
            styler.view(key),
            styler.reference_html(key),
            back_links_html(back_links.get(key, []), styler.labels[key].parenthetical),
            styler.work_name(key),
        )
        for key in styler.sorted_keys(cited)
    ]
    return (
        styler.template(REFERENCES_TEMPLATE)
        .render(references=references, further_reading_url=further_reading_url)
        .strip()
    )


def back_links_html(link_ids: Sequence[str], work: str) -> Markup:
    """ "↩" for a work cited once, "↩ a b c" for one cited more often (empty: not linked); `work`
    (its label, "Amodei et al., 2016") ends each link's accessible name.

    Letters without commas, as Wikipedia sets them: each is a 24 px target (citations.css), so a
    comma between two sat apart from both ("a , b") on a phone."""
    if len(link_ids) <= 1:
        return BACK_LINK_ONE.format(id=link_ids[0], work=work) if link_ids else Markup()
    count = len(link_ids)
    return BACK_LINK_MANY.format(
        Markup(" ").join(
            BACK_LINK.format(id=link_id, label=letters(n), n=n + 1, count=count, work=work)
            for n, link_id in enumerate(link_ids)
        )
    )


__all__ = [
    "LateSlots",
    "ReferenceView",
    "RenderedPage",
    "SlottedPage",
    "Styler",
    "fill_late_slots",
    "fill_slots",
    "references_html",
    "render_citations",
    "render_page",
    "slot_citations",
    "template_environment",
    "unknown_key_message",
]
