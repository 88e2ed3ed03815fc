"""`make check`: a contributor's answer in seconds, without building the site or the PDF.

Every problem is printed as `file:line[:column]: message`, with the fix in the message, and all
problems of a run come together (the exit status is 1 when there is any). The checks:

    markdown_lint.py  Markdown style and slips (pymarkdownlnt, rules in .pymarkdown.yml, plus
                      unclosed_fence.py: a code fence that is never closed)
    spelling.py       codespell with the project's word list (codespell-words.txt)
    site_checks.py    what the build itself checks, with the build's own functions: citation
                      keys (did-you-mean), malformed citations, references.bib (read and
                      checked as the build does, under the site's editorial policy), link
                      targets and anchors, undefined reference links, Markdown that renders
                      as text (../page_syntax.py: a table not after a blank line or with a
                      short separator row, front matter that is not YAML), the glossary (its
                      definition-list syntax too), pages left out of the nav
    bib_lint.py       what the build lets through but an editor should not: uncited entries,
                      entries with no DOI/eprint/URL, arXiv id and DOI formats, duplicate titles
                      and DOIs, the key convention

`python -m check` (with `scripts/` on the path) runs them all on the project in the current
folder; `--root DIR` on another.
"""
