"""Shared fixtures: one real build of the site per test session, a localhost server for it
(at the root and under the published sub-path, with the 404 page for missing files),
and a headless Debian Chromium driven by Playwright that records console errors and every
request that leaves the page's own origin."""

from __future__ import annotations

import fcntl
import functools
import http.server
import io
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

from chromium import CHROMIUM, CHROMIUM_ARGS

# Shared, noisy machines: a slow example is not a failure (no time limits in tests).
settings.register_profile("project", deadline=None)
settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent
# The chapters, in reading order: what the content, page-meta and other per-chapter tests cover
# (test_content checks that each is in mkdocs.yml's nav).
CHAPTERS = [
    "alignment-problem",
    "specification-gaming",
    "goodhart",
    "rlhf",
    "constitutional-ai",
    "core-difficulties",
    "capability",
    "research",
    "disagreement",
]


def pdf_page_png(pdf: Path, page: int, dpi: int, stem: Path) -> Path:
    """One page of a PDF as a PNG (`stem`.png), drawn by poppler's pdftoppm at `dpi`."""
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    return stem.with_name(stem.name + ".png")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the real site (site_dir, even through another fixture) as
    `site`: building it, PDF included, is what `make test-fast` leaves out. Every browser test
    joins one xdist group, so that under `make test` (`--dist loadgroup`) one worker runs the
    Chromium tests one at a time: two Chromiums on two cores upset timing-sensitive ones. It runs
    first so that xdist's own hook, which reads the groups, sees them."""
    for item in items:
        if "site_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("chromium"))


def _build_site(out: Path) -> str | None:
    """Builds the real site into `out`; what went wrong, or None."""
    from build import main as build_main

    try:
        build_main(["--site-dir", str(out)])
    except SystemExit as exit_:
        return f"the real site does not build (exit {exit_.code}): see the build log above"
    return None


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly (with every post-build artefact) into a temporary folder,
    once per run: under pytest-xdist (`pytest -n auto`) the first worker that needs it builds
    it into the run's shared folder while the others wait on a lock."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:
        out = tmp_path_factory.mktemp("site")
        problem = _build_site(out)
    else:
        shared = tmp_path_factory.getbasetemp().parent
        out, outcome = shared / "site", shared / "site.outcome"
        with (shared / "site.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not outcome.exists():
                outcome.write_text(_build_site(out) or "", encoding="utf-8")
            problem = outcome.read_text(encoding="utf-8") or None
    if problem:
        pytest.fail(problem, pytrace=False)
    return out


def site_sub_path(site_dir: Path) -> str:
    """The path part of the site's published address (site_url), e.g. "/alignment-explained",
    read from the built sitemap."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    first = re.search(r"<loc>([^<]+)</loc>", sitemap)
    assert first, "sitemap.xml lists no page: is site_url set?"
    return urlsplit(first.group(1)).path.rsplit("/", 1)[0]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site like a static host: at the root and under its published sub-path, with
    404.html (status 404) for a missing file."""

    sub_path = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def translate_path(self, path: str) -> str:
        if self.sub_path and (path == self.sub_path or path.startswith(self.sub_path + "/")):
            path = path[len(self.sub_path) :] or "/"
        return super().translate_path(path)

    def send_head(self):
        if not Path(self.translate_path(self.path.split("?", 1)[0])).exists():
            page = Path(self.directory) / "404.html"
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[tuple[str, str]]:
    """The built site served on a free localhost port: (root URL, published sub-path)."""
    sub_path = site_sub_path(site_dir)
    handler = functools.partial(
        type("Handler", (_QuietHandler,), {"sub_path": sub_path}), directory=str(site_dir)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", sub_path
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(site_server: tuple[str, str]) -> str:
    """The built site served on a free localhost port, at the root."""
    return site_server[0]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's, not a downloaded one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def visit_in_site_fonts(page, url: str) -> None:
    """Loads `url` twice, as a reader's every page after the first: the site's faces are
    `font-display: optional`, so on a loaded machine a first visit can keep the wider fallback
    face for good, and a test that measures text would measure that."""
    for _ in range(2):
        page.goto(url)
        page.wait_for_load_state("networkidle")


# The first glossary term a phone reader can tap: on a phone the "In one minute" box is folded
# and its text inert (minute-fold.js), so a tap there opens the box instead of a tooltip.
TAPPABLE_TERM = ".glossary-term__name:not(#in-one-minute *)"


def wait_until_search_results_settle(page) -> None:
    """Waits until Material has stopped redrawing the search results: it renders them as the
    query arrives, and a list drawn again takes the focus with it, so a key pressed before then
    is lost."""
    settled = """() => { const text = document.querySelector('.md-search-result').innerText;
        const same = window.__results === text; window.__results = text; return same; }"""
    for _ in range(20):
        page.wait_for_timeout(250)
        if page.evaluate(settled):
            return


@dataclass
class PageLog:
    """What a page did that a test may want to forbid."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


def _is_local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1", "file://", "data:", "blob:", "about:"))


@pytest.fixture
def page(browser, page_log: PageLog):
    """A fresh page whose console errors, uncaught errors and non-local requests are logged.

    Requests to other hosts are aborted, so a test also fails offline-style if it relied on one.
    """
    context = browser.new_context()
    page = context.new_page()
    page.on(
        "console", lambda m: page_log.console_errors.append(m.text) if m.type == "error" else None
    )
    page.on("pageerror", lambda e: page_log.page_errors.append(str(e)))

    def guard(route):
        if _is_local(route.request.url):
            route.continue_()
        else:
            page_log.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield page
    context.close()


@pytest.fixture
def phone(browser, page_log: PageLog):
    """A 390x844 touch screen (has_touch, is_mobile): uncaught errors logged, requests to other
    hosts aborted (the tooltip and glossary tests tap on it)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    phone = context.new_page()
    phone.on("pageerror", lambda e: page_log.page_errors.append(str(e)))
    context.route(
        "**/*", lambda route: route.continue_() if _is_local(route.request.url) else route.abort()
    )
    yield phone
    context.close()
