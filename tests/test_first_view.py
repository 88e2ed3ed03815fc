"""What a reader's first view waits for: the image that is Home's largest paint on a phone (the
hero figure, measured with a largest-contentful-paint observer at 412 px) is fetched first among
images, never lazily; the cards' thumbnails below the fold wait (README, Speed)."""

from __future__ import annotations

import re
from pathlib import Path

IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>")


def images(html: str) -> list[str]:
    return [m["attrs"] for m in IMG.finditer(html)]


def test_home_fetches_its_hero_figure_first_and_its_thumbnails_lazily(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    hero = re.search(
        r'<figure class="ae-hero__figure[^"]*">(?P<body>.*?)</figure>', html, re.DOTALL
    )
    assert hero, "Home has no hero figure (class ae-hero__figure)"
    (attrs,) = images(hero["body"])
    assert 'fetchpriority="high"' in attrs and "loading=" not in attrs, attrs
    rest = images(html[hero.end() :])
    assert rest and not any("fetchpriority" in a for a in rest)
    assert all('loading="lazy"' in a for a in rest if "ae-card__thumb" in a)
