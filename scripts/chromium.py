"""The Chromium the tests and the page benchmarks drive: Debian's package (Playwright cannot
download its own browsers here), started with the flags that keep it from reaching the network
on its own, so a page's requests are the page's."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
