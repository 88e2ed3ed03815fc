"""scripts/asset_bundle.py: the site's own stylesheets and scripts served as one file each, in
order, deferred; sources that cannot be joined stop the build with the line to fix."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config import load_config

from asset_bundle import bundle_assets
from source_text import ProblemsFound

ROOT = Path(__file__).resolve().parent.parent


def make_project(
    tmp_path: Path, css: dict[str, str], js: dict[str, str], extra_yaml: str = ""
) -> Path:
    docs = tmp_path / "docs"
    for name, text in {**css, **js}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    lines = [
        "site_name: Test",
        "extra_css:" + ("" if css else " []"),
        *[f"  - {n}" for n in css],
        "extra_javascript:" + ("" if js or extra_yaml else " []"),
        *[f"  - {n}" for n in js],
        extra_yaml,
    ]
    (tmp_path / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def config_of(root: Path):
    return load_config(str(root / "mkdocs.yml"))


def test_each_list_becomes_one_file_in_the_listed_order(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {"s/b.css": "b { x: 1 }\n", "s/a.css": "a { y: 2 }"},
        {"j/one.js": "(function () { one(); })()", "j/two.js": "two()\n"},
    )
    config = config_of(root)
    bundles = bundle_assets(config)
    css, js = bundles
    assert config.extra_css == [css.uri] and re.fullmatch(r"s/site\.[0-9a-f]{8}\.css", css.uri)
    assert [str(s) for s in config.extra_javascript] == [js.uri] and re.fullmatch(
        r"j/site\.[0-9a-f]{8}\.js", js.uri
    )
    assert css.content.index("b { x: 1 }") < css.content.index("a { y: 2 }")
    # Scripts are separated by ';' so that one ending in an expression cannot swallow the next.
    assert "one(); })();\n" in js.content and js.content.index("one()") < js.content.index("two()")
    assert css.uri.split(".")[1] == hashlib.sha256(css.content.encode()).hexdigest()[:8]


HOOK = """import asset_bundle
bundles = []
def on_config(config):
    bundles[:] = asset_bundle.bundle_assets(config)
def on_files(files, config):
    return asset_bundle.add_bundles(files, config, bundles)
"""


def test_a_build_writes_the_bundles_and_pages_link_only_them(tmp_path: Path) -> None:
    from mkdocs.commands.build import build

    root = make_project(
        tmp_path, {"s/a.css": "a { y: 2 }"}, {"j/one.js": "one()"}, "hooks:\n  - hook.py"
    )
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    config = config_of(root)
    build(config)
    site = Path(config.site_dir)
    (css,) = (site / "s").glob("site.*.css")
    (js,) = (site / "j").glob("site.*.js")
    assert css.read_text(encoding="utf-8") == "/* s/a.css */\na { y: 2 }\n"
    assert js.read_text(encoding="utf-8") == "/* j/one.js */\none();\n"
    page = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="s/{css.name}"' in page and f'src="j/{js.name}"' in page
    assert "s/a.css" not in page and "j/one.js" not in page


def test_a_changed_source_changes_the_bundle_name(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.css": "a { y: 2 }"}, {})
    first = bundle_assets(config_of(root))[0].uri
    (root / "docs" / "a.css").write_text("a { y: 3 }", encoding="utf-8")
    assert bundle_assets(config_of(root))[0].uri != first


def test_modules_and_async_scripts_stay_separate_after_the_bundle(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {},
        {"x.js": "x()"},
        "  - path: m.js\n    type: module\n  - path: a.js\n    async: true",
    )
    config = config_of(root)
    (js,) = bundle_assets(config)
    assert [str(s) for s in config.extra_javascript] == [js.uri, "m.js", "a.js"]
    assert js.sources == ("x.js",)


def test_a_missing_source_names_the_setting_and_its_line(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"a.css": "a {}"}, {})
    text = (
        (root / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("  - a.css", "  - a.css\n  - nope.css")
    )
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsFound) as error:
        bundle_assets(config_of(root))
    assert str(error.value) == (
        "mkdocs.yml:2: extra_css names 'nope.css', which is not a file in docs/ "
        "(check the path, relative to the docs folder)"
    )


def test_an_import_stops_the_build_at_its_line(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"css/a.css": "/* x */\n\n  @import url(b.css);\na {}\n"}, {})
    with pytest.raises(ProblemsFound) as error:
        bundle_assets(config_of(root))
    assert str(error.value).startswith(
        "docs/css/a.css:3: @import cannot be joined into the site's one stylesheet"
    )


def test_sources_in_two_folders_stop_the_build(tmp_path: Path) -> None:
    root = make_project(tmp_path, {}, {"a/x.js": "x()", "b/y.js": "y()"})
    with pytest.raises(ProblemsFound) as error:
        bundle_assets(config_of(root))
    assert "mkdocs.yml:3: extra_javascript lists files in 2 folders (a, b)" in str(error.value)


css_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\r\x00"), max_size=60
).filter(lambda t: not re.search(r"(?m)^[ \t]*@(import|charset)\b", t))


@given(st.lists(css_text, min_size=1, max_size=5))
def test_the_bundle_holds_every_source_whole_and_in_order(texts: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp), {f"f{i}.css": t for i, t in enumerate(texts)}, {})
        (bundle,) = bundle_assets(config_of(root))
    at = 0
    for i, text in enumerate(texts):
        at = bundle.content.index(f"/* f{i}.css */\n{text.rstrip()}\n", at)


# --- the real site -------------------------------------------------------------------------------------

STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"(?P<rest>[^>]*)>')
SCRIPT_SRC = re.compile(r"<script\b(?P<attrs>[^>]*\bsrc=[^>]*)>")


def test_every_page_loads_one_site_stylesheet_and_only_deferred_scripts(site_dir: Path) -> None:
    pages = [
        p
        for p in site_dir.rglob("*.html")
        if not p.relative_to(site_dir).as_posix().startswith("assets/")
    ]
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        sheets = [m["href"].rsplit("/", 1)[-1] for m in STYLESHEET.finditer(html)]
        assert (
            len(sheets) == 3
            and sheets[0].startswith("main.")
            and sheets[1].startswith("palette.")
            and re.fullmatch(r"site\.[0-9a-f]{8}\.css", sheets[2])
        ), f"{page.name}: {sheets}"
        for script in SCRIPT_SRC.finditer(html):
            assert re.search(r"\b(defer|async)\b", script["attrs"]), (
                f"{page.name}: a script blocks parsing: {script[0]}"
            )
        assert len(re.findall(r"assets/javascripts/site\.[0-9a-f]{8}\.js", html)) == 1, page.name


def test_the_site_bundles_hold_the_configured_sources_in_order(site_dir: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    for folder, pattern, sources in (
        ("assets/stylesheets", "site.*.css", list(config.extra_css)),
        ("assets/javascripts", "site.*.js", [str(s) for s in config.extra_javascript]),
    ):
        (bundle,) = (site_dir / folder).glob(pattern)
        content = bundle.read_text(encoding="utf-8")
        at = 0
        for source in sources:
            text = (ROOT / "docs" / source).read_text(encoding="utf-8").rstrip()
            at = content.index(text, at)  # raises if missing or out of order
