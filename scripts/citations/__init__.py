"""Pandoc-style citations for MkDocs, from one BibTeX file (references.bib next to mkdocs.yml).

Write, in any chapter:

    Reward models can be gamed [@gao2023scaling, p. 4].
    [see @russell2019human, ch. 3] · [@amodei2016concrete; @bai2022constitutional] · [-@russell2019human]
    @russell2019human argues that ...

and get "(Gao et al., 2023, p. 4)", "(see Russell, 2019, ch. 3)", "(Amodei et al., 2016; Bai
et al., 2022)", "(2019)" and "Russell (2019) argues that ...": each work a link to the page's
References list, with the full reference in a tooltip on hover and keyboard focus. Every page
that cites gets a "References" section; the site gets a generated Further reading page and a
downloadable references.bib.

Bad input stops the build with located messages, e.g.

    docs/rlhf.md:42:17: unknown citation key 'christiano2017' (did you mean 'christiano2017deep'?)
    references.bib:40: duplicate key 'x' (first defined at line 12)

Modules, one job each: syntax (find citations, code-aware), bibliography (load and check the
.bib: bibfile, values, inheritance, checks, fields, urls, policy), latex and latex_fast (LaTeX →
Unicode, only where needed), names (authors), style (the citation style in one place: et al.,
2016a/2016b, a citation's words for both the page and the search index, author lists, sort
order), reference (one entry's formatted reference), render (slots, inline HTML, References),
further_reading (the generated page), published (the downloadable references.bib, without
the private fields of Zotero, BibDesk, JabRef and Mendeley),
diagnostics (a .bib problem repeated over many entries told once; the located message type
is scripts/source_text.py's, shared with the link check and the glossary), cache (reuse of parsed and rendered results, by content
hash, in memory and in .cache/citations/), site_pass (the whole site's citation work as one pure
computation), background (runs it in a forked second process while MkDocs converts pages), site
(per-build state used by scripts/hooks.py; its docstring shows the order of events).
HTML comes from the Jinja templates in overrides/partials/citations/; the tooltip and list
styles are in docs/assets/stylesheets/citations.css.

Tests: tests/test_citations_*.py (golden files in tests/golden/citations/, regenerate with
UPDATE_GOLDEN=1), tests/test_site_build.py; speed: `python scripts/bench_citations.py` (cold and
warm builds against a bare one; fails when a cold build misses the README's promise).
"""
