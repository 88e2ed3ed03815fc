"""Trust and sharing on the real, strictly built site: every page has its own description,
Open Graph and Twitter tags with a social card that exists, a canonical URL, a sitemap entry, a
"Last updated" line and a "Cite this page" box. Separate builds of a copy of the project check
the date's fallbacks (a shallow clone, no git at all), SITE_URL, and the errors."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import pytest
import yaml

from conftest import CHAPTERS

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["mkdocs.yml", "references.bib", "docs", "overrides", "scripts"]


class HeadReader(HTMLParser):
    """The <meta>/<link> tags of a page, the text of its "last updated" line, its BibTeX."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.revised = ""
        self.bibtex = ""
        self.reference = ""
        self._into: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        elif "ae-page-info__revised" in a.get("class", ""):
            self._into = "revised"
        elif a.get("id") == "ae-cite-bibtex":
            self._into = "bibtex"
        elif a.get("id") == "ae-cite-reference":
            self._into = "reference"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "code"):
            self._into = None

    def handle_data(self, data: str) -> None:
        if self._into:
            setattr(self, self._into, getattr(self, self._into) + data)


def read(path: Path) -> HeadReader:
    reader = HeadReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def pages_of(site: Path) -> list[Path]:
    return [
        p
        for p in sorted(site.rglob("*.html"))
        if not p.relative_to(site).as_posix().startswith("assets/") and p.name != "404.html"
    ]


@pytest.fixture(scope="module")
def heads(site_dir: Path) -> dict[str, HeadReader]:
    return {p.relative_to(site_dir).as_posix(): read(p) for p in pages_of(site_dir)}


@pytest.fixture(scope="module")
def site_root(site_dir: Path) -> str:
    """The published address, from the canonical URL of Home."""
    return read(site_dir / "index.html").canonical.removesuffix("index.html")


def test_every_page_has_its_own_description(heads: dict[str, HeadReader]) -> None:
    descriptions = {name: head.meta.get("description", "") for name, head in heads.items()}
    out_of_range = {
        name: len(text) for name, text in descriptions.items() if not 40 <= len(text) <= 160
    }
    assert not out_of_range, f"descriptions outside 40-160 characters: {out_of_range}"
    assert len(set(descriptions.values())) == len(descriptions), descriptions
    # A chapter's description is its front matter's, written for a link preview (the first
    # sentence of its "In one minute" box, the fallback, read as a clipped teaser or, on Where
    # experts disagree, as the opposite of the title).
    assert descriptions["rlhf.html"].startswith("No formula says what")
    assert descriptions["disagreement.html"].startswith("Manageable, serious, or a reason to halt?")


def test_every_page_has_open_graph_and_twitter_tags_with_a_real_card(
    heads: dict[str, HeadReader], site_dir: Path, site_root: str
) -> None:
    assert site_root.startswith("https://")
    for name, head in heads.items():
        m = head.meta
        # A folder's index page is shared by the folder's own address (Home: the site's root).
        assert head.canonical == site_root + name.removesuffix("index.html"), name
        assert m["og:url"] == head.canonical, name
        assert m["og:title"] and m["og:title"] == m["twitter:title"], name
        assert m["og:description"] == m["description"] == m["twitter:description"], name
        assert m["twitter:card"] == "summary_large_image", name
        assert m["og:type"] == ("website" if name == "index.html" else "article"), name
        image = m["og:image"]
        assert (
            image == m["twitter:image"] and image.startswith(site_root) and image.endswith(".png")
        ), name
        png = (site_dir / image.removeprefix(site_root)).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n", name
        assert (
            struct.unpack(">II", png[16:24])
            == (int(m["og:image:width"]), int(m["og:image:height"]))
            == (1200, 630)
        )
        assert len(m["og:image:alt"]) > 10, name
    # A chapter's card shows its own figure, described by that figure's alt text.
    assert heads["rlhf.html"].meta["og:image:alt"].startswith("Flow diagram of RLHF")
    assert len({head.meta["og:image"] for head in heads.values()}) == len(heads)


def test_home_is_shared_by_the_sites_root_address(site_dir: Path, site_root: str) -> None:
    assert read(site_dir / "index.html").canonical == site_root
    assert read(site_dir / "demos" / "index.html").canonical == site_root + "demos/"


def test_descriptions_with_quotes_stay_inside_their_attribute(site_dir: Path) -> None:
    text = (site_dir / "rlhf.html").read_text(encoding="utf-8")
    tag = re.search(r'<meta name="description" content="([^"]*)">', text)
    assert tag, "rlhf.html has no description"
    assert "&#34;a good answer&#34;" in tag.group(1) or "&quot;a good answer&quot;" in tag.group(1)


def test_the_sitemap_lists_every_page_at_its_published_address(
    site_dir: Path, heads, site_root: str
) -> None:
    listed = re.findall(
        r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    )
    assert sorted(listed) == sorted(site_root + name.removesuffix("index.html") for name in heads)
    assert site_root in listed


def _git_date(page: str) -> str:
    return subprocess.run(
        ["git", "log", "-1", "--format=%as", "--", f"docs/{page}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_every_page_says_when_it_was_last_updated_and_how_to_cite_it(heads, site_root: str) -> None:
    for name, head in heads.items():
        assert re.fullmatch(
            r"(Last updated (on or before )?|Built )\d{1,2} [A-Z][a-z]+ 20\d\d"
            r"( \(revision history not available\))?",
            head.revised,
        ), (name, head.revised)
        library = bibtexparser.parse_string(head.bibtex)
        assert library.failed_blocks == [] and len(library.entries) == 1, name
        (entry,) = library.entries
        address = site_root + name.removesuffix("index.html")
        assert entry["url"] == address, name
        assert entry["title"].strip("{}") in head.meta["og:title"] or name == "index.html", name
        assert head.reference.startswith("The Alignment Explained contributors (20"), name
        assert head.reference.endswith(address), name
    for chapter in CHAPTERS:
        assert f"{chapter}.html" in heads
    home = heads["index.html"]
    assert "Alignment Explained. Alignment Explained." not in home.reference, home.reference
    assert "howpublished" not in home.bibtex


def test_a_full_history_gives_each_chapter_its_own_last_commit(heads) -> None:
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if shallow != "false":
        pytest.skip("this checkout has no full git history")
    from datetime import date

    for chapter in CHAPTERS:
        iso = _git_date(f"{chapter}.md")
        if not iso:
            continue  # a chapter not committed yet gets the build date
        day = date.fromisoformat(iso)
        assert heads[f"{chapter}.html"].revised == f"Last updated {day.day} {day:%B %Y}", chapter


# --- separate builds of a copy of the project ----------------------------------------------


def copy_project(target: Path) -> Path:
    """The project's sources, with its build caches when there are any (a warm rebuild)."""
    target.mkdir(parents=True)
    for part in [*PARTS, ".cache"]:
        if not (ROOT / part).exists():
            continue
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def git(project: Path, *args: str, when: str = "2024-01-02T12:00:00+00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def test_history_shallow_clone_and_no_git_each_give_an_honest_date(tmp_path: Path) -> None:
    origin = copy_project(tmp_path / "origin")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "first")
    (origin / "docs" / "rlhf.md").write_text(
        (origin / "docs" / "rlhf.md").read_text() + "\nMore.\n"
    )
    git(origin, "commit", "-q", "-am", "second", when="2025-03-04T12:00:00+00:00")

    result = build(origin)
    assert result.returncode == 0, result.stdout + result.stderr
    assert read(origin / "site" / "goodhart.html").revised == "Last updated 2 January 2024"
    assert read(origin / "site" / "rlhf.html").revised == "Last updated 4 March 2025"

    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow)],
        check=True,
        capture_output=True,
    )
    result = build(shallow)
    assert result.returncode == 0, result.stdout + result.stderr
    # The boundary commit looks as if it made every file: its date is only an upper bound.
    assert (
        read(shallow / "site" / "goodhart.html").revised == "Last updated on or before 4 March 2025"
    )

    bare = tmp_path / "no-git"
    shutil.copytree(origin, bare, ignore=shutil.ignore_patterns(".git", "site", ".cache"))
    result = build(bare, SITE_URL="https://example.org/elsewhere/")
    assert result.returncode == 0, result.stdout + result.stderr
    page = read(bare / "site" / "goodhart.html")
    assert page.revised.startswith("Built ") and page.revised.endswith(
        "(revision history not available)"
    )
    assert page.canonical == "https://example.org/elsewhere/goodhart.html"
    assert page.meta["og:image"] == "https://example.org/elsewhere/assets/social/goodhart.png"
    assert "example.org/elsewhere" in (bare / "site" / "sitemap.xml").read_text()


def test_a_duplicate_description_stops_the_build_naming_both_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for page in ("glossary.md", "research.md"):
        path = project / "docs" / page
        path.write_text("---\ndescription: The same words twice.\n---\n" + path.read_text())
    result = build(project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/glossary.md:1: has the same description as research.md" in output, output
    assert "Traceback" not in output


def test_a_site_url_that_is_not_http_is_a_clear_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = build(project, SITE_URL="ftp://alignment.example.org/")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "site_url must be an http(s) address, got 'ftp://alignment.example.org/'" in output, (
        output
    )
    assert "SITE_URL" in output and "Traceback" not in output


def test_home_says_what_the_site_is_about_and_phones_get_an_icon_and_a_bar_colour(
    heads: dict[str, HeadReader], site_dir: Path
) -> None:
    """ "Alignment Explained" alone, in a tab, a search result or a link preview, leaves
    "alignment of what?": Home's title carries mkdocs.yml's tagline; a phone gets a home-screen
    icon drawn from the favicon and a browser bar in the header's colour."""
    tagline = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)["extra"][
        "tagline"
    ]
    assert "AI" in tagline
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert f"<title>Alignment Explained: {tagline}</title>" in home
    assert heads["index.html"].meta["og:title"] == f"Alignment Explained: {tagline}"
    assert tagline not in heads["rlhf.html"].meta["og:title"]  # a chapter's is its own title
    for name in ("index.html", "demos/boat-race.html"):
        page = (site_dir / name).read_text(encoding="utf-8")
        assert re.findall(r'<meta name="theme-color" content="(#[0-9a-f]{6})" media=', page) == [
            "#2f4b7c",
            "#22324f",
        ], name
        icon = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', page)
        assert icon, name
        png = ((site_dir / name).parent / icon.group(1)).resolve().read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (180, 180)


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python tags read as plain values."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)
