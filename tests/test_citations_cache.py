"""The citation caches: the prepared bibliography and the per-page results are reused only
when every input is the same, a broken cache never breaks a build, and a warm build gives
exactly the same site as a cold one."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import citations.bibliography as bibliography
import citations.cache as cache
from citations.cache import CACHE_FOLDER, BibliographySource, ResultCache, cache_key
from citations.render import REFERENCE_TEMPLATE, template_environment

BIB = """\
@book{russell2019human,
  author = {Russell, Stuart},
  title = {Human Compatible},
  year = {2019},
  kind = {book},
  annote = {Why.}
}
"""
ENV = template_environment()


@pytest.fixture(autouse=True)
def empty_memory():
    cache._MEMORY.clear()
    ResultCache._memory.clear()
    yield
    cache._MEMORY.clear()
    ResultCache._memory.clear()


def write_bib(root: Path, text: str = BIB) -> Path:
    path = root / "references.bib"
    path.write_text(text, encoding="utf-8")
    return path


def test_prepared_bibliography_is_stored_and_reused_without_parsing(
    tmp_path: Path, monkeypatch
) -> None:
    path = write_bib(tmp_path)
    first = BibliographySource(path, "references.bib", ENV, tmp_path)
    html = first.styler.reference_html("russell2019human")
    assert not (tmp_path / CACHE_FOLDER).exists()  # written only when asked to
    first.save()
    assert list((tmp_path / CACHE_FOLDER).glob("*.pickle"))
    cache._MEMORY.clear()

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed although the cache was valid")

    monkeypatch.setattr(bibliography, "load_bibliography", no_parsing)
    second = BibliographySource(path, "references.bib", ENV, tmp_path)
    assert second.diagnostics == ()
    assert second.styler.reference_html("russell2019human") == html
    assert second.content == path.read_bytes()


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    path = write_bib(tmp_path)
    first = BibliographySource(path, "references.bib", ENV, tmp_path)
    assert first.styler.labels["russell2019human"].year == "2019"
    first.save()
    write_bib(tmp_path, BIB.replace("{2019}", "{2020}"))
    second = BibliographySource(path, "references.bib", ENV, tmp_path)
    assert first.key != second.key
    assert second.styler.labels["russell2019human"].year == "2020"
    second.save()
    assert len(list((tmp_path / CACHE_FOLDER).glob("*.pickle"))) == 1  # the old version is dropped


def test_a_corrupt_cache_file_is_ignored(tmp_path: Path) -> None:
    path = write_bib(tmp_path)
    first = BibliographySource(path, "references.bib", ENV, tmp_path)
    assert first.diagnostics == ()  # parses on first use
    first.save()
    (tmp_path / CACHE_FOLDER / f"{first.key}.pickle").write_bytes(b"not a pickle")
    cache._MEMORY.clear()
    source = BibliographySource(path, "references.bib", ENV, tmp_path)
    assert source.styler.labels["russell2019human"].parenthetical == "Russell, 2019"


def test_a_bad_file_is_never_cached(tmp_path: Path) -> None:
    path = write_bib(tmp_path, BIB.replace("  kind = {book},\n", "  kind = {book}\n"))
    source = BibliographySource(path, "references.bib", ENV, tmp_path)
    assert [d.message for d in source.diagnostics] == [
        "entry 'russell2019human' has a comma missing after its 'kind' value (before 'annote =')"
    ]
    assert not (tmp_path / CACHE_FOLDER).exists()


def test_cache_key_depends_on_content_and_templates(tmp_path: Path) -> None:
    other_dir = tmp_path / "templates" / "partials" / "citations"
    other_dir.mkdir(parents=True)
    (other_dir / "reference.html").write_text(
        "{% macro reference(ref, links=true) %}x{% endmacro %}"
    )
    other_env = template_environment([tmp_path / "templates"])
    base = cache_key(b"a", ENV, [REFERENCE_TEMPLATE])
    assert base == cache_key(b"a", ENV, [REFERENCE_TEMPLATE])
    assert base != cache_key(b"b", ENV, [REFERENCE_TEMPLATE])
    assert base != cache_key(b"a", other_env, [REFERENCE_TEMPLATE])


def test_result_cache_round_trip_and_prune(tmp_path: Path) -> None:
    results = ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE])
    kept, dropped = results.key("page", "a"), results.key("page", "b")
    assert kept != dropped
    results.put(kept, {"x": 1})
    results.put(dropped, {"x": 2})
    results.prune()  # both used: both saved
    ResultCache._memory.clear()
    later = ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE])
    assert later.get(kept) == {"x": 1}
    later.prune()  # only `kept` used by this "build"
    ResultCache._memory.clear()
    latest = ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE])
    assert latest.get(kept) == {"x": 1}
    assert latest.get(dropped) is None
    assert ResultCache(tmp_path, "", ENV, []).get(kept) is None  # no key: caching is off


def test_results_another_process_saved_are_not_written_again(tmp_path: Path) -> None:
    results = ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE])
    key = results.key("page", "a")
    results.put(key, {"x": 1}, saved=True)  # as the site pass's process did, and wrote the file
    results.prune()
    assert not (results.folder / ResultCache.FILE_NAME).exists()
    results.put(results.key("page", "b"), {"x": 2})  # made here: the file must be written
    results.prune()
    ResultCache._memory.clear()
    assert ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE]).get(key) == {"x": 1}


def test_a_corrupt_results_file_is_ignored(tmp_path: Path) -> None:
    results = ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE])
    results.folder.mkdir(parents=True)
    (results.folder / ResultCache.FILE_NAME).write_bytes(b"not a pickle")
    assert results.get(results.key("page", "a")) is None


def _tamper(path: Path, old: bytes, new: bytes) -> None:
    """Change bytes inside one stored result so that it still unpickles (a silent corruption)."""
    entries = pickle.loads(path.read_bytes())
    assert any(old in payload for _digest, payload in entries.values())
    entries = {
        key: (digest, payload.replace(old, new)) for key, (digest, payload) in entries.items()
    }
    path.write_bytes(pickle.dumps(entries))


def test_a_damaged_result_is_recomputed_and_written_again(tmp_path: Path) -> None:
    results = ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE])
    key = results.key("page", "a")
    results.put(key, {"author": "Russell"})
    results.prune()
    _tamper(results.folder / ResultCache.FILE_NAME, b"Russell", b"Rassell")
    ResultCache._memory.clear()
    later = ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE])
    assert later.get(key) is None  # the checksum does not match: not served
    later.put(key, {"author": "Russell"})  # what the build does then
    later.prune()
    ResultCache._memory.clear()
    assert ResultCache(tmp_path, "base", ENV, [REFERENCE_TEMPLATE]).get(key) == {
        "author": "Russell"
    }


def test_a_damaged_bibliography_cache_is_parsed_again(tmp_path: Path) -> None:
    path = write_bib(tmp_path)
    first = BibliographySource(path, "references.bib", ENV, tmp_path)
    first.styler.reference_html("russell2019human")
    first.save()
    stored = tmp_path / CACHE_FOLDER / f"{first.key}.pickle"
    stored.write_bytes(stored.read_bytes().replace(b"Human Compatible", b"Human Incompatible"))
    cache._MEMORY.clear()
    again = BibliographySource(path, "references.bib", ENV, tmp_path)
    assert "Human Compatible" in again.styler.reference_html("russell2019human")


def test_a_damaged_page_in_the_cache_is_rebuilt_by_the_next_build(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from test_citations_build import make_site

    root = make_site(tmp_path)

    def build_once() -> str:
        cache._MEMORY.clear()
        ResultCache._memory.clear()
        config = load_config(str(root / "mkdocs.yml"))
        config.site_dir = str(root / "site")
        build(config)
        return (root / "site" / "index.html").read_text(encoding="utf-8")

    assert ">Russell, 2019</a>" in build_once()
    _tamper(
        root / CACHE_FOLDER / "results" / ResultCache.FILE_NAME, b"Russell, 2019", b"Rassell, 2019"
    )
    for _ in range(2):  # rebuilt, and the file repaired: right again the time after
        page = build_once()
        assert ">Russell, 2019</a>" in page and "Rassell" not in page


def test_warm_build_gives_the_same_site_as_a_cold_one(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from test_citations_build import make_site

    root = make_site(tmp_path)

    def build_into(name: str) -> dict[str, bytes]:
        cache._MEMORY.clear()
        ResultCache._memory.clear()
        config = load_config(str(root / "mkdocs.yml"))
        config.site_dir = str(root / name)
        build(config)
        return {
            p.relative_to(root / name).as_posix(): p.read_bytes()
            for p in (root / name).rglob("*")
            if p.suffix in (".html", ".bib")
        }

    cold = build_into("cold")
    assert (root / CACHE_FOLDER / "results").is_dir()
    warm = build_into("warm")
    assert cold.keys() == warm.keys() and len(cold) > 4
    for name in cold:
        assert cold[name] == warm[name], name
