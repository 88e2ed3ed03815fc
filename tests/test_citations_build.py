"""The hook inside real `mkdocs build` runs of tiny sites in tmp_path: a good site, bad citation
keys, a bad references.bib (normal and --strict builds must both fail with the located message
and no traceback), and rebuilds that pick up edits (what `mkdocs serve` does)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOK = ROOT / "scripts" / "hooks.py"

BIB = """\
@book{russell2019human,
  author = {Russell, Stuart},
  title = {Human Compatible},
  publisher = {Viking},
  year = {2019},
  kind = {book},
  annote = {Why a machine should be unsure of what we want.}
}

@misc{christiano2017deep,
  author = {Christiano, Paul and Leike, Jan and Brown, Tom},
  title = {Deep Reinforcement Learning from Human Preferences},
  year = {2017},
  eprint = {1706.03741},
  archiveprefix = {arXiv},
  kind = {paper},
  annote = {Where RLHF starts.}
}

@online{miles_channel,
  author = {Miles, Robert},
  title = {Robert Miles {AI} Safety},
  url = {https://www.youtube.com/@RobertMilesAI},
  kind = {video},
  annote = {Short explainers.}
}
"""

PAGES = {
    "index.md": "# Home\n\nA start [@russell2019human].\n",
    "rlhf.md": "---\ntitle: RLHF\n---\n# Learning from feedback\n\nAs @christiano2017deep showed [see @russell2019human, ch. 3].\n",
    "demos/boat.md": "# The boat\n\nGaming [@christiano2017deep, p. 2].\n",
    "plain.md": "# Plain\n\nNo citations; mail ann@example.org, `[@code]`.\n",
}

MKDOCS_YML = f"""\
site_name: Tiny
use_directory_urls: false
theme:
  name: material
nav:
  - Home: index.md
  - RLHF chapter: rlhf.md
  - Demos:
      - demos/boat.md
  - plain.md
  - Further reading: further-reading.md
markdown_extensions:
  - admonition
  - pymdownx.superfences
hooks:
  - {HOOK}
extra:
  citations:
    editorial_policy: true
"""


def make_site(root: Path, pages: dict[str, str] | None = None, bib: str | None = BIB) -> Path:
    (root / "docs" / "demos").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    if bib is not None:
        (root / "references.bib").write_text(bib, encoding="utf-8")
    for name, text in (pages or PAGES).items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root


def start_build(root: Path, *flags: str) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", *flags, "-d", str(root / "site")]
    return subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


BAD_KEY_PAGES = {
    **PAGES,
    "rlhf.md": "---\ntitle: RLHF\n---\n# RLHF\n\nSee the paper\nthat began it all [@christiano2017] and [@nothing_like_it].\n",
}
BAD_BIB = (
    BIB
    + """
@misc{christiano2017deep,
  author = {X},
  title = {Duplicate},
  year = {2017},
  kind = {paper},
  annote = {No.}
}

@misc{evil,
  author = {Evil, E.},
  title = {Link},
  year = {2020},
  url = {javascript:alert(1)},
  kind = {blog},
  annote = {No.}
}

@misc{broken,
  title = {unclosed
"""
)

STAND_IN_PAGES = {
    **PAGES,
    "plain.md": "# Plain\n\nWritten out: xcitationslot5x, <!--citation-late:9--> and "
    "<!--citation:0-->, with [@russell2019human].\n\n`xcitationslot0x`\n",
}
LATIN1_PAGE = "# Plain\n\nA caf\u00e9 in Latin-1.\n"

SITES = {
    "good": (PAGES, BIB, ["--strict"]),
    "stand-ins": (STAND_IN_PAGES, BIB, ["--strict"]),
    "latin1-page": ({**PAGES, "plain.md": LATIN1_PAGE}, BIB, []),
    "bad-key": (BAD_KEY_PAGES, BIB, []),
    "bad-key-strict": (BAD_KEY_PAGES, BIB, ["--strict"]),
    "bad-bib": (PAGES, BAD_BIB, []),
    "bad-bib-strict": (PAGES, BAD_BIB, ["--strict"]),
    "no-bib": (PAGES, None, []),
}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, Path]]:
    """All tiny sites built at once (in parallel processes): name → (exit code, output, root)."""
    running = {}
    for name, (pages, bib, flags) in SITES.items():
        root = make_site(tmp_path_factory.mktemp(name), pages, bib)
        if pages["plain.md"] == LATIN1_PAGE:
            (root / "docs" / "plain.md").write_bytes(LATIN1_PAGE.encode("latin-1"))
        running[name] = (start_build(root, *flags), root)
    results = {}
    for name, (process, root) in running.items():
        output, _ = process.communicate(timeout=120)
        results[name] = (process.returncode, output, root)
    return results


def test_good_site_builds_strict(builds) -> None:
    code, output, _root = builds["good"]
    assert code == 0, output
    assert "Traceback" not in output
    assert "INFO    -  citations: 1 references.bib entry is not cited on any page" in output
    assert "miles_channel" in output


def test_pages_render_citations_and_references(builds) -> None:
    site = builds["good"][2] / "site"
    rlhf = (site / "rlhf.html").read_text(encoding="utf-8")
    assert "[@" not in rlhf
    assert ">Christiano et al. (2017)</a>" in rlhf and ">Russell, 2019</a>" in rlhf
    assert '<h2 id="references">References' in rlhf
    assert 'href="further-reading.html#christiano2017deep"' in rlhf
    boat = (site / "demos" / "boat.html").read_text(encoding="utf-8")
    assert 'href="../further-reading.html#christiano2017deep"' in boat
    plain = (site / "plain.html").read_text(encoding="utf-8")
    assert 'id="references"' not in plain and "[@code]" in plain


def test_further_reading_and_downloadable_bib(builds) -> None:
    root = builds["good"][2]
    page = (root / "site" / "further-reading.html").read_text(encoding="utf-8")
    assert not (root / "docs" / "further-reading.md").exists()  # generated, never written to docs/
    assert (root / "site" / "references.bib").read_bytes() == (root / "references.bib").read_bytes()
    assert 'href="references.bib"' in page
    found = re.search(
        r'<li class="further-reading__entry" id="christiano2017deep"[^>]*>(.*?)</li>',
        page,
        re.DOTALL,
    )
    assert found, "Further reading has no entry for christiano2017deep"
    entry = found.group(1)
    assert "Where RLHF starts." in entry
    assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', entry.split("Cited in:")[1]) == [
        ("rlhf.html#ref-christiano2017deep", "RLHF chapter"),
        ("demos/boat.html#ref-christiano2017deep", "The boat"),
    ]
    # by topic: each work under the first page citing it other than the home page, then the rest
    # (russell2019human under RLHF though Home cites it first; The boat cites nothing first: no
    # empty group; miles_channel, cited nowhere, last)
    assert re.findall(r'<h2 id="([^"]+)">([^<]+)<', page) == [
        ("rlhf-chapter", "RLHF chapter"),
        ("also-worth-reading", "Also worth reading"),
    ]


@pytest.mark.parametrize("name", ["bad-key", "bad-key-strict"])
def test_unknown_keys_fail_the_build_with_located_messages(builds, name: str) -> None:
    code, output, _root = builds[name]
    assert code != 0
    assert "Traceback" not in output
    assert (
        "docs/rlhf.md:7:20: unknown citation key 'christiano2017' (did you mean 'christiano2017deep'?)"
        in output
    )
    assert "docs/rlhf.md:7:42: unknown citation key 'nothing_like_it'\n" in output


@pytest.mark.parametrize("name", ["bad-bib", "bad-bib-strict"])
def test_bad_bibliography_fails_the_build_listing_every_problem(builds, name: str) -> None:
    code, output, _root = builds[name]
    assert code != 0
    assert "Traceback" not in output
    for message in [
        "references.bib:28: duplicate key 'christiano2017deep' (first defined at line 10)",
        "references.bib:40: entry 'evil' has a url with scheme 'javascript:'; only http:// and https:// links are allowed",
        "references.bib:41: entry 'evil' has kind 'blog', which is not allowed (allowed values: paper, book, article, video)",
        "references.bib:45: cannot parse entry 'broken': Unexpectedly reached end of file",
    ]:
        assert message in output


def test_stand_ins_written_in_a_page_are_shown_as_written(builds) -> None:
    code, output, root = builds["stand-ins"]
    assert code == 0, output
    page = (root / "site" / "plain.html").read_text(encoding="utf-8")
    assert (
        "Written out: xcitationslot5x, <!--citation-late:9--> and <!--citation:0-->, with" in page
    )
    assert ">Russell, 2019</a>" in page and "<code>xcitationslot0x</code>" in page


def test_a_page_that_is_not_utf8_is_a_located_error(builds) -> None:
    code, output, _root = builds["latin1-page"]
    assert code != 0 and "Traceback" not in output
    assert "docs/plain.md:3:6: not UTF-8 text (byte 0xe9); save the file as UTF-8" in output


def test_missing_bibliography_is_a_clear_error(builds) -> None:
    code, output, _root = builds["no-bib"]
    assert code != 0 and "Traceback" not in output
    assert "references.bib:1: cannot read the bibliography (No such file or directory)" in output


# --- rebuilds (mkdocs serve) -------------------------------------------------------------------------


def test_rebuild_picks_up_edits_to_bib_and_chapters(tmp_path: Path) -> None:
    """What `mkdocs serve` does on a change: a new on_config + build in the same process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = make_site(tmp_path)

    def build_once() -> str:
        config = load_config(str(root / "mkdocs.yml"))
        config.site_dir = str(root / "site")
        build(config)
        return (root / "site" / "index.html").read_text(encoding="utf-8")

    first = build_once()
    assert ">Russell, 2019</a>" in first
    (root / "references.bib").write_text(BIB.replace("{2019}", "{2020}"), encoding="utf-8")
    assert ">Russell, 2020</a>" in build_once()
    (root / "docs" / "index.md").write_text(
        "# Home\n\nNow [@christiano2017deep].\n", encoding="utf-8"
    )
    second = build_once()
    assert (
        ">Christiano et al., 2017</a>" in second
        and "Russell, 20" not in second.split('id="references"')[0]
    )


def test_on_serve_watches_the_bibliography(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    import hooks

    root = make_site(tmp_path)
    config = load_config(str(root / "mkdocs.yml"))
    hooks.on_config(config)

    class Server:
        watched: ClassVar[list[str]] = []

        def watch(self, path: str, *args: object, **kwargs: object) -> None:
            self.watched.append(path)

    server = Server()
    hooks.on_serve(server, config=config, builder=lambda: None)
    assert server.watched == [str(root / "references.bib")]


# --- the citation pass in a second process -------------------------------------------------------------


def build_in_process(root: Path) -> dict[str, bytes]:
    """A cold build (no cache in memory or on disk) in this process; every page's HTML and the
    search index."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import citations.cache as cache

    cache._MEMORY.clear()
    cache.ResultCache._memory.clear()
    config = load_config(str(root / "mkdocs.yml"))
    config.site_dir = str(root / "site")
    build(config)
    site = root / "site"
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in [*site.rglob("*.html"), site / "search" / "search_index.json"]
    }


def test_the_site_is_the_same_whether_the_pass_runs_apart_or_here(
    tmp_path: Path, monkeypatch
) -> None:
    import citations.background as background

    started: list[int] = []
    real_start = background.Background._start_child

    def start_child(self: background.Background) -> None:
        started.append(1)
        real_start(self)

    monkeypatch.setattr(background.Background, "_start_child", start_child)
    sites = {}
    for fork in (True, False):
        monkeypatch.setattr(background, "can_fork", lambda fork=fork: fork)
        sites[fork] = build_in_process(make_site(tmp_path / f"fork-{fork}"))
    assert started == [1]  # the first build forked, the second ran the pass here
    assert sites[True].keys() == sites[False].keys() and len(sites[True]) >= 6
    for name in sites[True]:
        assert sites[True][name] == sites[False][name], name
    assert b"Russell, 2019" in sites[True]["search/search_index.json"]  # citations are searchable


OTHER_PLUGIN = """\
from mkdocs.plugins import event_priority


@event_priority(100)  # before the citation hook
def on_page_markdown(markdown, **kwargs):
    return markdown + "\\n\\nAdded by another plugin [@christiano2017deep, p. 9].\\n"
"""


@pytest.mark.parametrize("fork", [True, False])
def test_markdown_changed_by_another_plugin_is_still_cited(
    tmp_path: Path, monkeypatch, fork: bool
) -> None:
    import citations.background as background

    monkeypatch.setattr(background, "can_fork", lambda: fork)
    root = make_site(tmp_path)
    (root / "other_plugin.py").write_text(OTHER_PLUGIN, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - other_plugin.py\n"),
        encoding="utf-8",
    )
    pages = build_in_process(root)
    index = pages["index.html"].decode()
    added = index.split("Added by another plugin", 1)[1].split("</p>", 1)[0]
    assert ">Christiano et al., 2017</a>" in added and added.endswith(", p. 9)</span>.")
    assert ">Russell, 2019</a>" in index and 'id="ref-christiano2017deep"' in index
    assert "[@" not in index


SEARCH_LIKE_PLUGIN = """\
import json
from pathlib import Path
from typing import ClassVar


def on_page_context(context, page, **kwargs):  # listed before the citation hook: runs first, as search does
    seen = Path(__file__).with_name("seen.json")
    found = json.loads(seen.read_text()) if seen.exists() else {}
    found[page.file.src_uri] = page.content
    seen.write_text(json.dumps(found))
    return context
"""


def test_search_sees_the_plain_text_without_markers_and_the_page_gets_full_citations(
    tmp_path: Path,
) -> None:
    root = make_site(tmp_path)
    (root / "search_like.py").write_text(SEARCH_LIKE_PLUGIN, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - search_like.py\n"),
        encoding="utf-8",
    )
    pages = build_in_process(root)
    seen = json.loads((root / "seen.json").read_text())
    assert "(Russell, 2019)" in seen["index.md"] and "<!--citation" not in seen["index.md"]
    index = pages["index.html"].decode()
    assert (
        ">Russell, 2019</a>" in index and 'role="tooltip"' in index and "<!--citation" not in index
    )


def test_a_failed_build_leaves_no_second_process_behind(tmp_path: Path, monkeypatch) -> None:
    import multiprocessing

    from mkdocs.exceptions import Abort

    import citations.background as background

    monkeypatch.setattr(background, "can_fork", lambda: True)
    pages = dict(PAGES)
    pages["plain.md"] = "# Plain\n\nA [broken link](nowhere.md).\n"  # stops the build mid-way
    with pytest.raises(Abort):
        build_in_process(make_site(tmp_path, pages))
    assert multiprocessing.active_children() == []
