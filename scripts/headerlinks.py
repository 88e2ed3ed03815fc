"""Section permalinks (the ¶ that the `toc` extension puts at the end of every heading) for the
eye and the mouse only.

The ¶ is a link inside the heading, so a screen reader announced it twice on every heading:
as part of the heading's name ("Value stability under capability gain pilcrow, heading level
2") and as a link called "pilcrow", the first stop when tabbing into a chapter. The `toc`
extension has no option for this, so the build marks each one `aria-hidden="true"` and
`tabindex="-1"` (out of the accessibility tree and the tab order, which axe's
aria-hidden-focus rule requires together). Keyboard and screen-reader readers reach every
section through the table of contents, whose entries are ordinary links to the same anchors;
a pointer still hovers and copies the ¶ as before.
"""

from __future__ import annotations

# What `toc` (Python-Markdown 3) writes: <a class="headerlink" href="#id" title="Permanent link">
PERMALINK_START = '<a class="headerlink" href="#'
QUIET_PERMALINK_START = '<a class="headerlink" aria-hidden="true" tabindex="-1" href="#'


def quiet_permalinks(html: str) -> str:
    """The page with every heading's ¶ hidden from assistive technology and the tab order."""
    return html.replace(PERMALINK_START, QUIET_PERMALINK_START)
