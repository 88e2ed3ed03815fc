"""Shared fixtures: one real build of the site per test session, a localhost server for it,
and a headless Debian Chromium driven by Playwright that records console errors and every
request that leaves the page's own origin."""
from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import settings

# Shared, noisy machines: a slow example is not a failure (no time limits in tests).
settings.register_profile("project", deadline=None)
settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly (with every post-build artefact) into a temporary folder."""
    from build import main as build_main

    out = tmp_path_factory.mktemp("site")
    try:
        build_main(["--site-dir", str(out)])
    except SystemExit as exit_:
        pytest.fail(f"the real site does not build (exit {exit_.code}): see the build log above",
                    pytrace=False)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site served on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's, not a downloaded one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class PageLog:
    """What a page did that a test may want to forbid."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


@pytest.fixture()
def page_log() -> PageLog:
    return PageLog()


def _is_local(url: str) -> bool:
    return url.startswith(("http://127.0.0.1", "file://", "data:", "blob:", "about:"))


@pytest.fixture()
def page(browser, page_log: PageLog):
    """A fresh page whose console errors, uncaught errors and non-local requests are logged.

    Requests to other hosts are aborted, so a test also fails offline-style if it relied on one.
    """
    context = browser.new_context()
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and page_log.console_errors.append(m.text))
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
