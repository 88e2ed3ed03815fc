"""Unit tests for the glossary hovers (scripts/glossary.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import glossary

SAMPLE = """# Glossary

<!-- no-hover: Policy -->

Reward model
:   A learned model that scores outputs. It stands in for [people](rlhf.md).

Reinforcement learning from human feedback (RLHF)
:   A training method in which people compare outputs, and a model
    is optimized against their preferences.

Policy
:   The rule an agent uses to choose actions.

KL penalty
:   A term that keeps the policy close to the original model.
"""


def test_terms_abbreviations_lines_and_first_sentence():
    terms = glossary.parse_glossary(SAMPLE)
    assert [(t.name, t.abbreviation, t.line) for t in terms] == [
        ("Reward model", None, 5),
        ("Reinforcement learning from human feedback", "RLHF", 8),
        ("Policy", None, 12),
        ("KL penalty", None, 15),
    ]
    assert terms[0].hover == "A learned model that scores outputs."
    assert terms[1].hover == ("A training method in which people compare outputs, and a model is "
                              "optimized against their preferences.")


def test_spellings_cover_case_plural_and_abbreviation_but_keep_acronyms():
    reward, rlhf, _policy, kl = glossary.parse_glossary(SAMPLE)
    assert set(reward.spellings()) == {"Reward model", "Reward models", "reward model", "reward models"}
    assert {"RLHF", "RLHFs", "reinforcement learning from human feedback"} <= set(rlhf.spellings())
    assert "kL penalty" not in kl.spellings()
    assert "KL penalties" in kl.spellings()


@pytest.mark.parametrize("phrase, expected", [
    ("adversarial suffix", "adversarial suffixes"), ("KL penalty", "KL penalties"),
    ("jailbreak", "jailbreaks"), ("wireheading", "wireheading"), ("Constitutional AI", "Constitutional AI"),
    ("key", "keys"),
])
def test_plural(phrase, expected):
    assert glossary.plural(phrase) == expected


def test_no_hover_terms_are_defined_but_not_underlined(tmp_path: Path):
    path = tmp_path / "glossary.md"
    path.write_text(SAMPLE, encoding="utf-8")
    hovers = glossary.hover_definitions(path)
    assert "policy" not in hovers and "Policy" not in hovers
    assert hovers["RLHF"] == hovers["reinforcement learning from human feedback"]


def test_headings_lose_hovers_but_paragraphs_keep_them():
    html = ('<h2 id="x">Why <abbr title="t">RLHF</abbr> works<a class="headerlink" href="#x">¶</a></h2>'
            '<p>Then <abbr title="t">RLHF</abbr>.</p>')
    assert glossary.tidy_hovers(html, "rlhf.md") == (
        '<h2 id="x">Why RLHF works<a class="headerlink" href="#x">¶</a></h2>'
        '<p>Then <abbr title="t">RLHF</abbr>.</p>')
    assert "<abbr" not in glossary.tidy_hovers(html, "glossary.md")


def _config(tmp_path: Path, extensions: list[str]) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path), "markdown_extensions": extensions})
    errors, _warnings = config.validate()
    assert not errors
    return config


def test_configure_hovers_feeds_the_abbr_extension(tmp_path: Path):
    (tmp_path / "glossary.md").write_text(SAMPLE, encoding="utf-8")
    config = _config(tmp_path, ["abbr"])
    glossary.configure_hovers(config)
    assert config.mdx_configs["abbr"]["glossary"]["reward model"] == "A learned model that scores outputs."


def test_configure_hovers_without_abbr_is_a_clear_error(tmp_path: Path):
    (tmp_path / "glossary.md").write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(PluginError, match="needs `abbr` in markdown_extensions"):
        glossary.configure_hovers(_config(tmp_path, ["toc"]))


def test_a_site_without_a_glossary_has_no_hovers(tmp_path: Path):
    config = _config(tmp_path, ["abbr"])
    glossary.configure_hovers(config)
    assert "glossary" not in config.mdx_configs.get("abbr", {})
