"""Benchmark: what a reader sees of the web fonts on a first view, per `font-display` value.

    .venv/bin/python scripts/bench_fonts.py [--runs 3] [--site-dir DIR]

Why: `font-display: optional` never moves text, but a font that misses its short block period
is not used for that page at all; `swap` always ends on the web font, but the text moves when
it arrives unless the fallback face takes the same room. Which is better depends on the network
and on the fallback faces a reader's system has, so this measures both, side by side, on the
built site (as built, and a copy whose stylesheet says `swap`), served compressed over loopback
(scripts/compressing_server.py) to Debian's Chromium at 390x844 with an empty cache:

- networks: "loopback" (no throttling), "slow 4G" (150 ms per request, 1.6 Mbit/s down,
  Lighthouse's mobile profile) and "slow 3G" (2 s per request, 400 kbit/s: DevTools' preset),
  applied per request by Chromium's DevTools throttling;
- per page: the cumulative layout shift (every layout-shift entry, none follows input) until
  the fonts have settled, the face Chromium actually drew the first paragraph and the first
  heading with (DevTools' platform fonts), and the same for the next page opened (fonts cached).

A screenshot of each first view goes to --shots (default: none).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import CHROMIUM, CHROMIUM_ARGS
from compressing_server import serving

PAGES = {"Home": ("index.html", "rlhf.html"), "chapter": ("rlhf.html", "goodhart.html")}
NETWORKS = {
    "loopback": None,
    "slow 4G": {
        "offline": False,
        "latency": 150,
        "downloadThroughput": 1_638_400 / 8,
        "uploadThroughput": 675_000 / 8,
    },
    "slow 3G": {
        "offline": False,
        "latency": 2000,
        "downloadThroughput": 400_000 / 8,
        "uploadThroughput": 400_000 / 8,
    },
}
OBSERVE_SHIFTS = """
window.__shift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""

# The first paragraph of running text (regular weight, upright, no lede or card style).
MARK_BODY_TEXT = """
for (const p of document.querySelectorAll("article p")) {
  const style = getComputedStyle(p);
  if (style.fontWeight === "400" && style.fontStyle === "normal" && p.textContent.length > 120) {
    p.dataset.benchText = ""; break;
  }
}
"""


def swap_copy(site: Path, into: Path) -> Path:
    """A copy of the built site whose stylesheets say font-display: swap instead of optional."""
    copy = into / "swap"
    shutil.copytree(site, copy)
    changed = 0
    for sheet in (copy / "assets" / "stylesheets").glob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        if "font-display: optional" in text:
            sheet.write_text(
                text.replace("font-display: optional", "font-display: swap"), encoding="utf-8"
            )
            changed += 1
    if not changed:
        raise SystemExit("bench_fonts: no stylesheet of the site says font-display: optional")
    return copy


def drawn_faces(cdp, selector: str) -> str:
    """The faces Chromium drew an element's text with, most glyphs first."""
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    if not node:
        return "-"
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return "+".join(f["familyName"] for f in sorted(fonts, key=lambda f: -f["glyphCount"])) or "-"


def settle(page) -> None:
    """Wait until the fonts a page asked for have loaded or failed, and a little after."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(1500)


def visit(
    browser, base: str, first: str, then: str, network: dict | None, shot: Path | None
) -> dict[str, str | float]:
    """One reader with an empty cache: opens `first`, then `then`."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    context.add_init_script(OBSERVE_SHIFTS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    for domain in ("Network", "DOM", "CSS"):
        cdp.send(f"{domain}.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
    if network:
        cdp.send("Network.emulateNetworkConditions", network)
    result: dict[str, str | float] = {}
    for step, path in (("first", first), ("next", then)):
        page.goto(f"{base}/{path}", wait_until="commit")
        settle(page)
        result[f"{step} shift"] = page.evaluate("window.__shift")
        page.evaluate(MARK_BODY_TEXT)
        result[f"{step} text"] = drawn_faces(cdp, "[data-bench-text]")
        result[f"{step} heading"] = drawn_faces(cdp, "article h1")
        if step == "first" and shot:
            page.screenshot(path=str(shot))
    context.close()
    return result


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--site-dir", type=Path, default=Path("site"), help="a built site (default: site/)"
    )
    parser.add_argument("--shots", type=Path, help="a folder for screenshots of each first view")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        raise SystemExit(f"bench_fonts: {args.site_dir} is not a built site (run `make site`)")
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    results: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="bench-fonts-") as tmp, sync_playwright() as p:
        variants = {"optional": args.site_dir, "swap": swap_copy(args.site_dir, Path(tmp))}
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        with (
            serving(variants["optional"], warmed=True) as optional_base,
            serving(variants["swap"], warmed=True) as swap_base,
        ):
            bases = {"optional": optional_base, "swap": swap_base}
            for run in range(args.runs):
                for network_name, network in NETWORKS.items():
                    for name, (first, then) in PAGES.items():
                        for variant, base in bases.items():
                            shot = (
                                args.shots / f"{variant}-{network_name.replace(' ', '')}-{name}.png"
                                if args.shots and run == 0
                                else None
                            )
                            results[(network_name, name, variant)].append(
                                visit(browser, base, first, then, network, shot)
                            )
        browser.close()
    print(
        f"fonts: first view at 390x844, empty cache, then the next page; {args.runs} run(s); "
        "layout shift = median (highest); faces = what Chromium drew, in the runs"
    )
    for (network_name, name, variant), runs in results.items():
        shifts = [float(r["first shift"]) for r in runs]
        faces = sorted({str(r["first text"]) for r in runs})
        headings = sorted({str(r["first heading"]) for r in runs})
        later = sorted({str(r["next text"]) for r in runs})
        print(
            f"  {network_name:9} {name:8} {variant:9} shift {statistics.median(shifts):.3f} ({max(shifts):.3f})"
            f"  text {' / '.join(faces)}  heading {' / '.join(headings)}  next page's text {' / '.join(later)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
