"""Page references that pydyf builds once per page count, not once per read.

Why: pydyf 0.13 computes `PDF.page_references` afresh on every read, formatting a tuple of every
page's reference ("12 0 R") from the page tree's Kids. WeasyPrint's tagged-PDF writer
(weasyprint/pdf/tags.py, run because the book is written with pdf_tags=True) reads
`pdf.page_references[page_number]` once for every tagged box, so writing the structure tree costs
pages x boxes. The references only change when a page is added, so this property keeps the
tuple it built and reuses it while the Kids list is the same list with the same length (pydyf's
`add_page` only ever extends it); a page added after a read, or a new Kids list, rebuilds it with
pydyf's own property. The result is the same tuple (tests/test_book_parts.py compares them, and
the structure tree of a tagged PDF written with and without it).

The fix for pydyf itself is upstream/pydyf-0.13.0-page-references.patch. This workaround applies
to exactly the version pinned in requirements.lock (CHECKED_VERSION); a test fails when the pin
moves, so that the next version is checked (and the workaround dropped once fixed).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

import pydyf

CHECKED_VERSION = "0.13.0"
PATCH = "upstream/pydyf-0.13.0-page-references.patch"
ORIGINAL_PAGE_REFERENCES: property = vars(pydyf.PDF)["page_references"]

# Per PDF: the Kids list the references were read from, its length then, and the references.
_built: WeakKeyDictionary[pydyf.PDF, tuple[list, int, tuple[bytes, ...]]] = WeakKeyDictionary()


def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf's page_references, rebuilt only when the page tree's Kids list has changed."""
    kids = pdf.pages["Kids"]
    built = _built.get(pdf)
    if built is not None and built[0] is kids and built[1] == len(kids):
        return built[2]
    references = ORIGINAL_PAGE_REFERENCES.__get__(pdf)
    _built[pdf] = (kids, len(kids), references)
    return references


CACHED_PAGE_REFERENCES = property(page_references, doc=page_references.__doc__)


def apply() -> bool:
    """Install the property once; False (pydyf left as it is) for any other version."""
    if pydyf.__version__ != CHECKED_VERSION:
        return False
    pydyf.PDF.page_references = CACHED_PAGE_REFERENCES
    return True
