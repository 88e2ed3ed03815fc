"""Content checks that fail if a chapter regresses: structure, length, sources, figures, links,
glossary and spelling. They read the real strict build (the `site_dir` fixture)."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from check.spelling import check_house_spellings
from conftest import CHAPTERS, site_sub_path
from site_text import VOID_TAGS

ROOT = Path(__file__).resolve().parent.parent


# Text that is not the chapter's prose: citation and glossary hover boxes (the hook's), header
# permalinks, a live figure's controls and readouts (its static figure and caption still count),
# the phone's "On this page" list (the section titles again), and "The figure in words" (a
# figure's long description, which stands in for alt text; alt text is not prose either), and the
# end of the guide after the last chapter (a card, not the chapter's text), and a position's
# label above its heading in Where experts disagree (a kicker, like "Chapter 9").
INLINE_TAGS = {"a", "abbr", "b", "code", "em", "i", "kbd", "small", "span", "strong", "sub", "sup"}
HIDDEN_CLASSES = {
    "citation__tip",
    "hover-tip",
    "headerlink",
    "demo-live",
    "chapter-kicker",
    "page-contents",
    "figure-text",
    "ae-end",
    "camp-label",
}
# An alt text a screen reader can still take in at once. A longer description goes in a
# `??? figure-text` fold after the figure (README: Add a figure), whose lists and paragraphs can
# be stepped through.
MAX_ALT_CHARACTERS = 600


class _Page(HTMLParser):
    """Collects what the checks need from one built page's article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 while inside <article class="md-content__inner">
        self.skip = 0  # >0 inside the References section or a script/style
        self._text: list[str] = []  # visible text; a block's edges are spaces
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[dict[str, str]] = []
        self.admonition_titles: list[str] = []
        self._in_title = False
        self._stack: list[str] = []
        self._hidden: list[bool] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "article" and "md-content__inner" in a.get("class", ""):
            self.depth = 1
            return
        if not self.depth:
            return
        if tag not in INLINE_TAGS:
            self._text.append(" ")
        if tag not in VOID_TAGS:
            self.depth += 1
            self._stack.append(tag)
            # a control's label (the phone fold's "Read the one-minute summary") is not prose
            hidden = tag in ("script", "style", "button") or HIDDEN_CLASSES & set(
                a.get("class", "").split()
            )
            self._hidden.append(bool(hidden))
            self.skip += bool(hidden)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "img":
            self.images.append(a)
        if tag == "p" and "admonition-title" in a.get("class", ""):
            self._in_title = True
            self.admonition_titles.append("")

    def handle_endtag(self, tag):
        if not self.depth or tag in VOID_TAGS:
            return
        if tag not in INLINE_TAGS:
            self._text.append(" ")
        if self._stack:
            closed = self._stack.pop()
            self.skip -= self._hidden.pop()
            if closed == "p":
                self._in_title = False
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            if self._in_title:
                self.admonition_titles[-1] += data
            self._text.append(data)

    @property
    def words(self) -> list[str]:
        """The words of the visible text, read across inline markup: a hover on "agent" in
        "agent's" leaves one word, not "agent" and "s"."""
        return re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", "".join(self._text))


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def prose_words(path: Path) -> int:
    """Words of the article without what the build adds at its end (the "Next" link and the
    References list) and the permalink marks."""
    html = path.read_text(encoding="utf-8")
    html = re.split(r'<nav class="next-page|<h2 id="references"', html)[0]
    return len(parse_text(html))


def parse_text(html: str) -> list[str]:
    page = _Page()
    page.feed(html)
    return [w for w in page.words if w != "¶"]


def nav_files() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    found: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])
            else:
                found.append(item)

    walk(config["nav"])
    return found


@pytest.mark.parametrize("slug", CHAPTERS)
def test_chapter_is_in_the_nav(slug):
    assert f"{slug}.md" in nav_files()


@pytest.mark.parametrize("slug", CHAPTERS)
def test_chapter_has_summary_and_takeaways_boxes(site_dir, slug):
    titles = [t.strip() for t in parse(site_dir / f"{slug}.html").admonition_titles]
    assert titles, f"{slug}: no admonitions at all"
    assert titles[0] == "In one minute", titles
    assert titles[-1] == "Key takeaways", titles


@pytest.mark.parametrize("slug", CHAPTERS)
def test_chapter_length_is_in_range(site_dir, slug):
    words = prose_words(site_dir / f"{slug}.html")
    assert 1500 <= words <= 3000, f"{slug}: {words} words"


CITE_KEY = re.compile(r'href="#ref-([^"]+)"')


@pytest.mark.parametrize("slug", CHAPTERS)
def test_chapter_cites_at_least_five_sources(site_dir, slug):
    html = (site_dir / f"{slug}.html").read_text(encoding="utf-8")
    keys = set(CITE_KEY.findall(html))
    assert len(keys) >= 5, f"{slug} cites {sorted(keys)}"


@pytest.mark.parametrize("slug", CHAPTERS)
def test_chapter_has_a_figure_with_alt_text_and_caption(site_dir, slug):
    html = (site_dir / f"{slug}.html").read_text(encoding="utf-8")
    figures = re.findall(r"<figure[^>]*>(.*?)</figure>", html, flags=re.DOTALL)
    good = [f for f in figures if re.search(r'<img[^>]+alt="[^"]{15,}"', f) and "<figcaption" in f]
    assert good, f"{slug}: no figure with alt text and a caption"
    for src in re.findall(r'<img[^>]+src="([^"]+\.svg)"', "".join(good)):
        assert (site_dir / src).is_file(), src


def test_no_alt_text_is_too_long_to_take_in_and_figure_text_follows_its_figure(site_dir):
    long_alts, stray_folds = [], []
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        long_alts += [
            f"{path.name}: {len(alt)} characters, {alt[:60]!r}..."
            for alt in re.findall(r'<img[^>]+alt="([^"]*)"', html)
            if len(alt) > MAX_ALT_CHARACTERS
        ]
        stray_folds += [
            f"{path.name}: a figure-text fold after {before.strip()!r}"
            for before in re.findall(r'(.{0,40})<details class="figure-text', html, re.DOTALL)
            if not before.rstrip().endswith("</figure>")
        ]
    assert not long_alts, (
        f"alt text over {MAX_ALT_CHARACTERS} characters; keep one sentence of alt and tell the "
        "rest in a '??? figure-text \"The figure in words\"' fold straight after the figure:\n"
        + "\n".join(long_alts)
    )
    assert not stray_folds, "\n".join(stray_folds)
    folds = re.findall(
        r'<details class="figure-text">\s*<summary>([^<]*)</summary>',
        (site_dir / "disagreement.html").read_text(encoding="utf-8"),
    )
    assert folds == ["The figure in words"], folds


def test_every_internal_link_and_anchor_resolves(site_dir):
    pages = {p: parse(p) for p in site_dir.rglob("*.html") if "assets" not in p.parts}
    published_root = site_sub_path(site_dir) + "/"  # the 404 page links site-absolute
    broken = []
    for path, page in pages.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//")):
                continue
            relative = unquote(parts.path)
            if relative.startswith(published_root):
                relative = relative.removeprefix(published_root)
                target = (site_dir / relative).resolve()
            else:
                target = (path.parent / relative).resolve() if parts.path else path
            if not target.exists():
                broken.append(f"{path.relative_to(site_dir)} -> {href} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(site_dir)} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_glossary_defines_every_term_exactly_once():
    from glossary import parse_glossary

    terms = parse_glossary((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    names = [t.name.lower() for t in terms] + [
        t.abbreviation.lower() for t in terms if t.abbreviation
    ]
    assert len(terms) >= 30, [t.name for t in terms]
    dupes = {n for n in names if names.count(n) > 1}
    assert not dupes, f"defined more than once: {dupes}"
    for required in (
        "reward hacking",
        "specification gaming",
        "mesa-optimizer",
        "corrigibility",
        "distribution shift",
        "goal misgeneralization",
        "rlhf",
        "rlaif",
        "reward model",
        "kl penalty",
        "ppo",
        "sycophancy",
        "scalable oversight",
        "debate",
        "interpretability",
    ):
        assert required in names, f"the glossary lacks {required!r}"
    for term in terms:
        assert 1 <= term.definition.count(". ") + 1 <= 4, (
            f"{term.name}: keep it to a sentence or two"
        )


def test_glossary_terms_are_used_by_the_site_and_hover_in_chapters(site_dir):
    html = (site_dir / "rlhf.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner', 1)[1]
    assert re.search(
        r'<abbr class="glossary-term__name"[^>]*>(RLHF|reward model|KL penalty)</abbr>'
        r'<span class="glossary-term__tip[^"]*" role="tooltip" id="[^"]+">[^<]{20,}'
        r' <a class="glossary-term__more" href="glossary.html#[^"]+" tabindex="-1">'
        r"In the glossary</a></span>",
        article,
    )
    for level in range(1, 7):
        for heading in re.findall(rf"<h{level}\b.*?</h{level}>", article, flags=re.DOTALL):
            assert "<abbr" not in heading, heading
    for block in re.findall(r"<pre.*?</pre>|<code.*?</code>", article, flags=re.DOTALL):
        assert "<abbr" not in block, block
    glossary_page = (site_dir / "glossary.html").read_text(encoding="utf-8")
    assert "<abbr" not in glossary_page.split('<article class="md-content__inner', 1)[1]


def test_no_glossary_term_is_split_by_emphasis_in_the_pages():
    """`*gold* reward model` renders as `<em>gold</em> reward model`, which the hover cannot
    match, so the term silently loses its hover: emphasise a whole term or none of it."""
    from glossary import parse_glossary

    terms = parse_glossary((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    split: set[str] = set()
    for term in terms:
        for spelling in term.spellings():
            words = spelling.split()
            if len(words) < 2:
                continue
            marked = r"\s+".join(rf"[*_]{{0,2}}{re.escape(word)}[*_]{{0,2}}" for word in words)
            pattern = re.compile(rf"(?<![\w*])(?:{marked})(?![\w*])", re.IGNORECASE)
            for path in sorted((ROOT / "docs").rglob("*.md")):
                text = path.read_text(encoding="utf-8")
                for found in pattern.finditer(text):
                    inside = found.group(0).strip("*_")
                    if re.search(r"[*_]", inside):
                        line = text.count("\n", 0, found.start()) + 1
                        split.add(f"{path.relative_to(ROOT)}:{line}: {found.group(0)!r}")
    assert not split, "emphasis splits a glossary term (hover lost):\n" + "\n".join(sorted(split))


def test_spelling():
    targets = [str(p) for p in (ROOT / "docs").rglob("*.md")] + [str(ROOT / "README.md")]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "codespell_lib",
            "--ignore-words",
            str(ROOT / "codespell-words.txt"),
            *targets,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_spelling_per_word_across_the_chapters():
    """The house spellings (check/spelling.py, also run by `make check`) hold on every page."""
    found = check_house_spellings(ROOT, sorted((ROOT / "docs").rglob("*.md")))
    assert not found, "\n".join(map(str, found))


def test_no_bracketed_link_right_before_a_bracketed_citation():
    """ "(reward hacking in today's models) (Baker et al., 2025)" reads as a stutter: link the
    words of the sentence instead, and let the citation keep its own brackets. So do "(see
    below) (Bengio et al., 2026)", "(2024) (Hubinger et al., 2024)", whose citation gives the
    year again, and a citation followed by "(see the glossary)"."""
    pair = re.compile(
        r"""(?x)
          \( \[ [^\]]+ \] \( [^)]* \) \) \s* \[ [^\]]* @ [^\]]* \]    # (link) [@key]
        | \( \d{4} \) \s* \[ [^\]]* @ [^\]]* \]                       # (2024) [@key]
        | \[ [^\]]* @ [^\]]* \] \s* \( (?: see | cf\. ) \b               # [@key] (see ...)
        """
    )
    found = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}: {' '.join(m.group().split())}"
        for path in sorted((ROOT / "docs").rglob("*.md"))
        for text in [path.read_text(encoding="utf-8")]
        for m in pair.finditer(text)
    ]
    assert not found, "\n".join(found)


def test_every_table_has_a_title(site_dir):
    """A `Table: ...` line before each table (scripts/tables.py) names it for screen readers and
    gives the book's "Table 3.1" a title."""
    untitled = [
        f"{slug}: {' '.join(re.sub(r'<[^>]+>', ' ', table).split())[:60]}"
        for slug in CHAPTERS
        for table in re.findall(
            r"<table\b.*?</table>",
            (site_dir / f"{slug}.html").read_text(encoding="utf-8"),
            flags=re.DOTALL,
        )
        if not re.search(r"<caption>\s*\S", table)
    ]
    assert not untitled, untitled


MONTHS = "January February March April May June July August September October November December"
# What "What changed recently" shows before its folds: three headlines (four, each of 40-60
# words, took two phone screens of a landing page), and the most it lists in all, folds
# included (30 read as a changelog; the chapters tell every finding Home leaves out).
NEWS_SHOWN = 3
NEWS_MOST = 12


def _home_news(html: str) -> str:
    """Home's "What changed recently" section, folds included, as HTML."""
    return html.split('<h2 id="what-changed-recently"', 1)[1].split("<h2 ", 1)[0]


def test_home_says_why_before_the_news_and_shows_only_the_newest(site_dir):
    """A newcomer reads why alignment matters and what to try before a list of findings, and
    the list shows its newest few, then a few more of the year folded ("Earlier in 2026") and of
    the years before in a second fold, both web-only (the book's introduction keeps the newest
    few); the chapters tell every finding Home leaves out. Every finding is dated by month,
    newest first across the list and its folds."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="([^"]+)"', html)
    assert headings.index("why-this-matters") < headings.index("what-changed-recently"), headings
    assert headings.index("try-it-yourself") < headings.index("what-changed-recently"), headings
    news = _home_news(html)
    shown, *folds = re.split(r"<details ", news)
    assert len(re.findall(r"<li>", shown)) == NEWS_SHOWN, "the newest findings, then a fold"
    assert [f.split(">", 1)[0] for f in folds] == ['class="info web-only"'] * 2, folds
    assert re.search(r"<summary>Earlier in \d{4}</summary>", folds[0]), folds[0][:200]
    dates = [
        (int(year), MONTHS.split().index(month))
        for month, year in re.findall(
            rf"<strong>({'|'.join(MONTHS.split())}) (\d{{4}})\.</strong>", news
        )
    ]
    assert NEWS_SHOWN + 4 <= len(dates) <= NEWS_MOST, dates
    assert dates == sorted(dates, reverse=True), "newest first, through the folds"
    assert (
        len({year for year, _ in dates[: len(dates) - len(re.findall("<li>", folds[-1]))]}) == 1
    ), "what shows and the first fold are one year's findings"


BIB_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def _dated_works() -> dict[str, tuple[int, int]]:
    """Each references.bib entry's (year, month index) where it has a month (`date` or
    `month`); `urldate` (when a page was read) is not the work's date."""
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    found = {}
    for key, body in re.findall(r"^@\w+\{([^,]+),(.*?)^\}", bib, flags=re.DOTALL | re.MULTILINE):
        date = re.search(r"^\s*date = \{(\d{4})-(\d{2})", body, flags=re.MULTILINE)
        year = re.search(r"^\s*year = \{(\d{4})\}", body, flags=re.MULTILINE)
        month = re.search(r"^\s*month = (\w{3})", body, flags=re.MULTILINE)
        if date:
            found[key] = (int(date.group(1)), int(date.group(2)) - 1)
        elif year and month:
            found[key] = (int(year.group(1)), BIB_MONTHS.index(month.group(1).lower()))
    return found


def test_home_says_how_recent_its_evidence_is(site_dir):
    """The "Last updated" date changes with any edit, so it cannot tell a reader (a reporter
    checking whether November was covered) how recent the evidence is. Home says it under "What
    changed recently": the month of its newest finding, and no work in references.bib is dated
    later."""
    news = _home_news((site_dir / "index.html").read_text(encoding="utf-8"))
    plain = " ".join(re.sub(r"<[^>]+>", " ", news).split())
    stated = re.search(r"newest evidence the guide covers dates from (\w+) (\d{4})\.", plain)
    assert stated, "Home no longer says how recent its newest evidence is"
    newest = re.search(rf"<strong>({'|'.join(MONTHS.split())}) (\d{{4}})\.</strong>", news)
    assert newest and stated.groups() == newest.groups(), (stated.groups(), newest)
    said = (int(stated.group(2)), MONTHS.split().index(stated.group(1)))
    later = sorted(key for key, when in _dated_works().items() if when > said)
    assert not later, f"dated after {stated.group(1)} {stated.group(2)}: {later}; update Home"


def _section(html: str, anchor: str) -> str:
    """The HTML of the section a link's #anchor opens: from the heading with that id (or the
    heading before the element with it) to the next heading of its level or higher."""
    at = html.find(f'id="{anchor}"')
    assert at >= 0, f"no id {anchor!r}"
    heading = list(re.finditer(r"<h([1-6])[ >]", html[:at]))[-1]
    level = int(heading.group(1))
    rest = html[heading.start() + 1 :]
    end = re.search(rf"<h[1-{level}][ >]", rest)
    return rest[: end.start()] if end else rest


def test_each_of_homes_findings_is_told_where_it_sends_the_reader(site_dir):
    """Home's news items end "More in <chapter>" (or two), linking sections: together they cite
    every work the item cites (a cut in Research took out the story one item pointed to)."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    news = _home_news(html)
    items = re.findall(r"<li>(.*?)</li>", news, flags=re.DOTALL)
    checked = 0
    for item in items:
        keys = set(re.findall(r'href="#ref-([^"]+)"', item))
        if "More in" not in item:
            continue
        more = re.findall(r'<a href="([\w-]+\.html)#([\w-]+)"', item.rsplit("More in", 1)[1])
        assert more, parse_text(item)[:12]
        told = "".join(
            _section((site_dir / page).read_text(encoding="utf-8"), anchor) for page, anchor in more
        )
        missing = sorted(k for k in keys if f'href="#ref-{k}"' not in told)
        assert not missing, f"{more} do not tell {missing}: {parse_text(item)[:12]}"
        checked += 1
    assert checked >= NEWS_SHOWN + 4, checked


NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()


def test_home_promises_the_chapters_as_they_are(site_dir):
    """Home promised "short chapters" that are 11-14-minute reads. It says how many chapters
    there are and about how long each takes to read: the count is the main read's, and the
    minutes are, within one, the average of the reading times the chapters show."""
    home = " ".join(parse(site_dir / "index.html").words)
    promise = re.search(r"\b(\w+) chapters of about (\d+) minutes each\b", home)
    assert promise, "Home no longer says how many chapters and how long each takes"
    count, minutes = promise.group(1).lower(), int(promise.group(2))
    assert count in NUMBER_WORDS and NUMBER_WORDS.index(count) + 1 == len(CHAPTERS), count
    shown = [
        int(m.group(1))
        for slug in CHAPTERS
        for m in [
            re.search(
                r'class="chapter-kicker__time">(\d+)-minute read<',
                (site_dir / f"{slug}.html").read_text(encoding="utf-8"),
            )
        ]
        if m
    ]
    assert len(shown) == len(CHAPTERS), shown
    assert abs(sum(shown) / len(shown) - minutes) <= 1, (minutes, shown)
