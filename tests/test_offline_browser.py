"""The site read offline: opened straight from a folder (file://) in Chromium, search finds a
chapter, a search result and a citation can be followed, and no request leaves file://.
The same holds for the downloadable zip once unzipped."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from book_pdf import PDF_NAME, ZIP_NAME, build_book, build_offline_zip
from conftest import site_sub_path

pytestmark = pytest.mark.browser

NOT_NETWORK = ("file://", "data:", "blob:", "about:")
SEARCH_TERM = "Goodhart"


@pytest.fixture(scope="session")
def offline_zip(site_dir: Path) -> Path:
    """The zip the main build wrote, or (until the build does) one made here, PDF first."""
    archive = site_dir / ZIP_NAME
    if not archive.is_file():
        if not (site_dir / PDF_NAME).is_file():
            build_book(site_dir)
        build_offline_zip(site_dir)
    return archive


@pytest.fixture(scope="session")
def unzipped_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(dest)
    tops = [p for p in dest.iterdir() if p.is_dir()]
    assert len(tops) == 1, "the zip unpacks into one folder"
    return tops[0]


@pytest.fixture
def file_page(browser) -> Iterator[tuple[object, list[str]]]:
    """A page that may only load file:// URLs; every request it makes is recorded."""
    context = browser.new_context()
    requests: list[str] = []

    def guard(route):
        requests.append(route.request.url)
        if route.request.url.startswith(NOT_NETWORK):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    yield page, requests
    context.close()


def _page_with_citation(site: Path) -> Path:
    for page in sorted(site.glob("*.html")):
        if 'href="#ref-' in page.read_text(encoding="utf-8"):
            return page
    pytest.fail(f'no page of {site} cites a reference (no href="#ref-...")')


def _search_and_follow(page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    # Material says this once its search worker (the offline iframe-worker shim) has the index.
    page.wait_for_selector(".md-search-result__meta:has-text('Type to start searching')")
    page.locator("input.md-search__input").press_sequentially(SEARCH_TERM, delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    assert SEARCH_TERM.lower() in page.inner_text(".md-search-result__list").lower()
    first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and re.search(r"\.html", page.url)
    assert SEARCH_TERM.lower() in page.inner_text("article").lower()


def _follow_a_citation(page, site: Path) -> None:
    page.goto(_page_with_citation(site).as_uri())
    citation = page.locator('article a[href^="#ref-"]').first
    target = citation.get_attribute("href")
    # The hash the click set, as a hashchange event records it (a later replaceState would fire
    # none).
    page.evaluate(
        "window.__hashes = []; addEventListener('hashchange', () => __hashes.push(location.hash))"
    )
    citation.click()
    page.wait_for_function("window.__hashes.length > 0")
    assert page.evaluate("window.__hashes[0]") == target
    entry = page.locator(f"[id='{target[1:]}']")
    assert entry.count() == 1
    assert entry.is_visible()


@pytest.mark.parametrize("which", ["site folder", "unzipped copy"])
def test_offline_search_and_citation_links_stay_on_file_urls(file_page, site_dir, request, which):
    site = site_dir if which == "site folder" else request.getfixturevalue("unzipped_site")
    page, requests = file_page
    _search_and_follow(page, site)
    _follow_a_citation(page, site)
    assert requests, "the page made requests (CSS, scripts, search index)"
    assert any(u.endswith("search_index.js") for u in requests), "search used the offline index"
    assert [u for u in requests if not u.startswith(NOT_NETWORK)] == []


def test_offline_zip_holds_a_working_site_once(offline_zip, site_dir):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    top = names[0].split("/")[0]
    files = {name.removeprefix(top + "/") for name in names}
    assert {"index.html", "search/search_index.js", "assets/vendor/iframe-worker/shim.js"} <= files
    assert ZIP_NAME not in files and not any(n.endswith(".zip") for n in files), (
        "no zip inside the zip"
    )
    assert (PDF_NAME in files) == (site_dir / PDF_NAME).is_file()
    site_files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    # Every file a page can load; not source maps, nor the 404 page (only a server shows it), nor
    # search-language files the search worker does not load for the site's language (book_pdf/offline_zip.py, tests/test_book_parts.py).
    from book_pdf.offline_zip import SERVER_ONLY_PAGES, unused_search_files

    left_out = (
        {f for f in site_files if f.endswith(".map")}
        | unused_search_files(site_dir)
        | SERVER_ONLY_PAGES
    )
    assert left_out, "the site has files the zip leaves out"
    assert files == site_files - {ZIP_NAME} - left_out


def test_every_page_links_the_pdf_and_the_zip(site_dir):
    for page in sorted(site_dir.rglob("*.html")):
        if page.relative_to(site_dir).parts[0] == "assets":
            continue
        html = page.read_text(encoding="utf-8")
        depth = len(page.relative_to(site_dir).parts) - 1
        # MkDocs writes the 404 page's URLs from the published root (site_url's path): it is
        # served at any depth.
        prefix = site_sub_path(site_dir) + "/" if page.name == "404.html" else "../" * depth
        for name in (PDF_NAME, ZIP_NAME):
            assert f'href="{prefix}{name}"' in html, f"{page.name} links {name}"
