"""The book's links described in words (book_pdf/link_descriptions.py), on small trees."""

from __future__ import annotations

import pydyf
import pytest

from book_pdf import htmltree as ht
from book_pdf.link_descriptions import describing_links, short, target_descriptions

BOOK = """
<section class="chapter" id="rlhf">
  <h1 class="chapter-title" data-chapter="4" id="rlhf--title">Learning from feedback</h1>
  <h2 id="rlhf--kl">The KL leash</h2>
  <p>An <em id="rlhf--ix-1">optimizer</em> meets a
     <a class="citation__link" id="rlhf--cite-1" href="#further-reading--gao">Gao et al., 2023</a>.</p>
  <figure id="rlhf--figure-leash"><svg></svg>
    <figcaption>Figure 4.1 The leash. More text follows here. And more.</figcaption></figure>
  <table id="rlhf--table-a"><caption>Table 4.1 Cases</caption><tr><th>System</th></tr></table>
  <p id="rlhf--para">A paragraph someone links to.</p>
  <a href="#rlhf--kl">s</a> <a href="#rlhf--ix-1">i</a> <a href="#rlhf--figure-leash">f</a>
  <a href="#rlhf--table-a">t</a> <a href="#rlhf--para">p</a> <a href="#rlhf--title">c</a>
  <a href="#rlhf">whole</a> <a href="#appendix">app</a> <a href="#glossary--kl">g</a>
  <a href="https://example.org/">web</a>
</section>
<section class="chapter" id="appendix">
  <h1 class="chapter-title" data-chapter="B">The boat race</h1>
</section>
<section class="chapter" id="glossary">
  <h1 class="chapter-title">Glossary</h1>
  <dl><dt id="glossary--kl">KL divergence</dt><dd>A distance.</dd></dl>
  <a href="#rlhf--cite-1">cited on</a>
</section>
<section class="chapter" id="further-reading">
  <h1 class="chapter-title">Further reading</h1>
  <ol><li class="further-reading__entry" id="further-reading--gao">Gao, Leo (2023). Scaling
  Laws for Reward Model Overoptimization.</li><li id="further-reading--unlinked">x</li></ol>
</section>
"""


@pytest.fixture
def said() -> dict[str, str]:
    return target_descriptions(ht.parse_fragment(BOOK))


def test_each_kind_of_target_is_described_by_what_it_is_and_where(said):
    chapter = "Chapter 4, Learning from feedback"
    assert said == {
        "rlhf--kl": f"Section “The KL leash”, in {chapter}",
        "rlhf--ix-1": f"Where “optimizer” appears, in {chapter}",
        "rlhf--cite-1": f"Citation of Gao et al., 2023, in {chapter}",
        "rlhf--figure-leash": f"Figure 4.1 The leash, in {chapter}",
        "rlhf--table-a": f"Table 4.1 Cases, in {chapter}",
        "rlhf--para": f"“A paragraph someone links to.”, in {chapter}",
        "rlhf--title": chapter,
        "rlhf": chapter,
        "appendix": "Appendix B, The boat race",
        "glossary--kl": "Glossary: KL divergence",
        "further-reading--gao": (
            "Further reading: Gao, Leo (2023). Scaling Laws for Reward Model Overoptimization."
        ),
    }, "only targets of links are described (not further-reading--unlinked)"


def test_long_text_is_cut_at_a_word():
    words = "word " * 40
    cut = short(words)
    assert cut.endswith("word…") and len(cut) <= 111
    assert short("  two\n  lines ") == "two lines"


def test_the_finisher_rewrites_only_described_internal_links():
    def link(**entries: object) -> pydyf.Dictionary:
        return pydyf.Dictionary({"Type": "/Annot", "Subtype": "/Link", **entries})

    inside = link(Contents=pydyf.String("a--b"), Dest=pydyf.String("a--b"))
    unknown = link(Contents=pydyf.String("c--d"), Dest=pydyf.String("c--d"))
    web = link(Contents=pydyf.String("https://e.org"), A=pydyf.Dictionary({"S": "/URI"}))
    untagged = link(Dest=pydyf.String("a--b"))  # no /Contents: an untagged PDF stays so
    pdf = pydyf.PDF()
    for annotation in (inside, unknown, web, untagged):
        pdf.add_object(annotation)
    describing_links({"a--b": "Section “B”"})(None, pdf)
    assert inside["Contents"].string == "Section “B”"
    assert unknown["Contents"].string == "c--d", "left as WeasyPrint wrote it"
    assert web["Contents"].string == "https://e.org"
    assert "Contents" not in untagged
