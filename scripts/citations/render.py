"""Turn a page's citations into HTML and append its References section.

Python-Markdown would apply inline Markdown (emphasis, abbreviations) to text inside inline
HTML, so a citation is replaced by a slot in the Markdown: the token `xcitationslot3x` (or,
in a heading, `<span data-citation-slot="3"></span>`). After conversion (`fill_slots`, on_page_content) the
slot becomes the citation as plain text after a marker comment, which is what the search
plugin indexes; in the finished page (`fill_late_slots`, on_post_page) that becomes the full citation
with its tooltip. The References section is a Markdown `## References` heading (so it is in
the table of contents) over a block whose list is filled in late too (`<!--citation-late:9-->`).
Neither Markdown nor the search indexer parses citation markup, tooltips or lists, which keeps
a build with thousands of citations fast.

All HTML comes from Jinja templates in overrides/partials/citations/, rendered with autoescape:
every field, prefix and locator is escaped; only http(s) URLs and DOIs become links.

    [see @russell2019human, ch. 3]  →  (see <a href="#ref-russell2019human" …>Russell, 2019</a>, ch. 3)
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .bibliography import Bibliography
from .diagnostics import Diagnostic, line_and_column
from .labels import Label, anchor_id, build_labels, sort_key
from .reference import ReferenceView, reference_view
from .syntax import Citation, Edit, apply_edits, substitutions

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "overrides"
CITATION_TEMPLATE = "partials/citations/citation.html"
REFERENCE_TEMPLATE = "partials/citations/reference.html"
REFERENCES_TEMPLATE = "partials/citations/references.html"
# A citation's place in the Markdown: a plain-text token, which costs Markdown nothing, except
# in headings, where the token would end up in the heading's id; there, an empty element.
# Two patterns, not one alternation: each starts with a literal, which the regex engine can
# skip ahead to (ten times faster over a page than a pattern that may start with "x" or "<").
SLOT = re.compile(r"xcitationslot(?P<n>\d+)x")
HEADING_SLOT = re.compile(r'<span data-citation-slot="(?P<n>\d+)"></span>')
HEADING_LINE = re.compile(r"(?x) [ ]{0,3} \#")  # used with .match(text, line_start)
SETEXT_UNDERLINE = re.compile(r"(?x) ^ [ ]{0,3} (?: =+ | -+ ) [ \t]* $")
LATE_SLOT = re.compile(
    r"""(?x) <!--citation (?:
        -late: (?P<block>\d+)                  # References / Further reading list
      | : (?P<inline>\d+)                      # a citation's plain-text stand-in follows
    ) -->"""
)


@dataclass(frozen=True, slots=True)
class ItemView:
    prefix: str
    text: str  # "Russell, 2019" or "2019" (link text)
    suffix: str
    href: str
    tip_id: str
    tooltip: Markup  # the formatted reference, without links (a tooltip holds no controls)


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
                self._reference_macro = self.template(REFERENCE_TEMPLATE).module.reference  # type: ignore[attr-defined]
            self._html[cache_key] = Markup(self._reference_macro(self.view(key), links=links))
        return self._html[cache_key]

    def sorted_keys(self, keys: set[str] | Sequence[str]) -> list[str]:
        """By author then year."""
        return sorted(set(keys), key=self._sort_key)

    def _sort_key(self, key: str) -> tuple[str, ...]:
        if key not in self._sort_keys:
            self._sort_keys[key] = sort_key(self.bibliography[key], self.labels)
        return self._sort_keys[key]


@dataclass
class LateSlots:
    """What `fill_late_slots` puts in: `html[n]` replaces marker n and the plain-text stand-in
    that follows it (`stand_ins[n]`, empty for the lists)."""

    html: list[str]
    stand_ins: list[str]

    def __len__(self) -> int:
        return len(self.html)

    def __getitem__(self, index: int) -> str:
        return self.html[index]


@dataclass
class RenderedPage:
    """A page after the citation pass: Markdown with slots, their HTML, and any problems."""

    markdown: str
    slots: list[str]  # citations: filled into the page content (on_page_content)
    late_slots: LateSlots  # full citations and the References list: filled into the output (on_post_page)
    cited: list[str]
    diagnostics: list[Diagnostic]


def template_environment(dirs: Sequence[str | Path] = (TEMPLATE_DIR,)) -> jinja2.Environment:
    """A Jinja environment over `dirs` with autoescape (tests; the hook uses the theme's loader)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in dirs]), autoescape=True)


@dataclass(frozen=True)
class SlottedPage:
    """A page's Markdown with every citation replaced by its slot, and a References section
    waiting for its list: all of the citation pass that needs no bibliography, so MkDocs can
    convert the page while references.bib is still being read (see site.py). `edits` turn the
    Markdown as written into `markdown`: a few bytes to send between processes, not the page."""

    markdown: str  # what goes on to Python-Markdown
    source: str  # the Markdown as written (for the line and column of a problem)
    citations: tuple[Citation, ...]  # slot n holds citations[n]; the References list is late slot len(citations)
    edits: tuple[Edit, ...]


def slot_citations(markdown: str) -> SlottedPage:
    """Replace each citation by a slot; append "## References" when the page cites anything."""
    citations: list[Citation] = []

    def replace(citation: Citation) -> str:
        citations.append(citation)
        n = len(citations) - 1
        if in_heading(markdown, citation.start):
            return f'<span data-citation-slot="{n}"></span>'
        return f"xcitationslot{n}x"

    edits = substitutions(markdown, replace)
    if citations:  # the References heading and its list's late slot, instead of the trailing newlines
        edits.append((len(markdown.rstrip("\n")), len(markdown), "\n\n## References\n\n<div class=\"citation-references\" "
                      f"data-search-exclude><!--citation-late:{len(citations)}--></div>\n"))
    return SlottedPage(apply_edits(markdown, edits), markdown, tuple(citations), tuple(edits))


def render_citations(
    page: SlottedPage,
    styler: Styler,
    *,
    source_name: str,
    line_offset: int = 0,
    further_reading_url: str = "further-reading.html",
) -> RenderedPage:
    """The HTML for a slotted page's slots (and its References list), or its unknown keys.

    `line_offset` is the number of front-matter lines MkDocs removed, so diagnostics point at
    the line of the source file.
    """
    bibliography = styler.bibliography
    slots: list[str] = []
    late: list[str] = []
    stand_ins: list[str] = []
    cited: list[str] = []
    problems: list[Diagnostic] = []
    citation_macro = styler.template(CITATION_TEMPLATE).module.citation  # type: ignore[attr-defined]

    for n, citation in enumerate(page.citations):
        unknown = [item for item in citation.items if item.key not in bibliography]
        for item in unknown:
            line, column = line_and_column(page.source, item.offset)
            problems.append(Diagnostic(source_name, line + line_offset, unknown_key_message(item.key, bibliography), column))
        if unknown:  # the build stops; keep the slot numbering intact
            slots.append(page.source[citation.start:citation.end])
            late.append("")
            stand_ins.append("")
            continue
        items = []
        for item in citation.items:
            cited.append(item.key)
            label = styler.labels[item.key]
            items.append(ItemView(
                prefix=item.prefix,
                text=label.year if item.suppress_author else (
                    f"{label.authors} ({label.year})" if citation.narrative else label.parenthetical),
                suffix=_suffix(item.suffix),
                href=f"#ref-{anchor_id(item.key)}",
                tip_id=f"cite-{n + 1}-{len(items) + 1}",
                tooltip=styler.reference_html(item.key, links=False),
            ))
        # Plain text for the search index now, the full citation (late slot n) in the finished page.
        stand_in = str(escape(plain_text(items, citation.narrative)))
        late.append(str(citation_macro(items, citation.narrative)))
        stand_ins.append(stand_in)
        slots.append(f"<!--citation:{n}-->{stand_in}")
    if page.citations:
        late.append(references_html(cited, styler, further_reading_url) if cited and not problems else "")
        stand_ins.append("")
    return RenderedPage(page.markdown, slots, LateSlots(late, stand_ins), cited, problems)


def render_page(
    markdown: str,
    styler: Styler,
    *,
    source_name: str,
    line_offset: int = 0,
    further_reading_url: str = "further-reading.html",
) -> RenderedPage:
    """The whole citation pass over one page's Markdown (body without front matter)."""
    return render_citations(slot_citations(markdown), styler, source_name=source_name,
                            line_offset=line_offset, further_reading_url=further_reading_url)


def in_heading(markdown: str, offset: int) -> bool:
    """Is `offset` on an ATX heading line (`## ...`) or a setext heading's text line?"""
    start = markdown.rfind("\n", 0, offset) + 1
    end = markdown.find("\n", offset)
    if HEADING_LINE.match(markdown, start):
        return True
    if end == -1:
        return False
    next_end = markdown.find("\n", end + 1)
    next_line = markdown[end + 1: next_end if next_end != -1 else len(markdown)]
    return bool(next_line.strip()) and bool(SETEXT_UNDERLINE.match(next_line))


def plain_text(items: Sequence[ItemView], narrative: bool) -> str:
    """What a citation reads as, e.g. "(see Russell, 2019, ch. 3)" (for the search index)."""
    joined = "; ".join(f"{i.prefix} {i.text}{i.suffix}" if i.prefix else f"{i.text}{i.suffix}" for i in items)
    return joined if narrative else f"({joined})"


def _suffix(raw: str) -> str:
    if not raw:
        return ""
    return raw if raw.startswith(",") else f", {raw}"


def unknown_key_message(key: str, bibliography: Bibliography) -> str:
    close = difflib.get_close_matches(key, list(bibliography.entries), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown citation key '{key}'{hint}"


def references_html(cited: Sequence[str], styler: Styler, further_reading_url: str) -> str:
    """The list of works cited on a page, by author then year (goes under "## References")."""
    references = [(styler.view(key), styler.reference_html(key)) for key in styler.sorted_keys(cited)]
    return styler.template(REFERENCES_TEMPLATE).render(
        references=references, further_reading_url=further_reading_url
    ).strip()


def fill_slots(html: str, slots: Sequence[str]) -> str:
    """Put each citation's HTML where its slot ended up after Markdown conversion."""
    if not slots:
        return html
    def fill(match: re.Match[str]) -> str:
        return slots[int(match.group("n"))]

    html = SLOT.sub(fill, html)
    return HEADING_SLOT.sub(fill, html) if '<span data-citation-slot="' in html else html


def fill_late_slots(html: str, slots: LateSlots | Sequence[str]) -> str:
    """Put the full citations (with their tooltips) and the lists into the finished page.

    They are left out of `page.content` on purpose: the search plugin parses every page's
    content in pure Python, and the citation markup and tooltips would triple its work. The
    content has each citation as plain text instead, so search still finds "Russell, 2019".
    A stand-in that is not found as expected (another plugin changed it) is left untouched.
    """
    if not slots:
        return html
    stand_ins = slots.stand_ins if isinstance(slots, LateSlots) else [""] * len(slots)
    pieces: list[str] = []
    position = 0
    for match in LATE_SLOT.finditer(html):
        n = int(match.group("block") or match.group("inline"))
        stand_in = stand_ins[n] if match.group("inline") else ""
        end = match.end() + len(stand_in)
        if not html.startswith(stand_in, match.end()):
            continue
        pieces.append(html[position:match.start()])
        pieces.append(slots[n])
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


__all__ = [
    "LateSlots", "RenderedPage", "ReferenceView", "SlottedPage", "Styler", "fill_late_slots", "fill_slots", "references_html",
    "render_citations", "render_page", "slot_citations", "template_environment", "unknown_key_message",
]
