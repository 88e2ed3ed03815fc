"""A web link prints its address after its name in the book (book_pdf/web_addresses.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from book_pdf import htmltree as ht
from book_pdf.address_breaks import break_addresses_before_hyphens
from book_pdf.web_addresses import print_web_addresses
from citations.urls import short_address


def _book(markup: str) -> str:
    root = ht.parse_fragment(markup)
    print_web_addresses(root)
    return ht.to_html(root)


def test_a_named_web_link_gets_its_short_address_after_it_as_a_link():
    html = _book(
        '<ul><li><a href="https://www.bluedot.org/">BlueDot Impact</a>: courses.</li></ul>'
    )
    assert (
        '<a href="https://www.bluedot.org/">BlueDot Impact</a> '
        '(<a href="https://www.bluedot.org/" class="web-address">bluedot.org</a>): courses.'
    ) in html


def test_links_inside_the_book_identifiers_addresses_and_links_with_markup_are_left_alone():
    markup = (
        '<p><a href="#rlhf">RLHF</a>, <a href="#bib-gao2023scaling">Gao et al., 2023</a>, '
        '<a href="https://arxiv.org/abs/2210.10760">arXiv:2210.10760</a>, '
        '<a href="https://doi.org/10.1038/x-1">doi:10.1038/x-1</a>, '
        '<a href="https://x.org/a">x.org/a</a>, '
        '<a href="https://site.example/demo.html"><img src="qr.svg" alt="QR code"></a>, '
        '<a href="https://www.normaltech.ai/">see normaltech.ai</a></p>'
    )
    assert _book(markup) == ht.to_html(ht.parse_fragment(markup))


def test_the_printed_address_breaks_before_its_hyphens_like_the_books_others():
    root = ht.parse_fragment('<p><a href="https://www.dair-institute.org/">DAIR Institute</a></p>')
    print_web_addresses(root)
    break_addresses_before_hyphens(root)
    address = next(a for a in root.iter("a") if ht.has_class(a, "web-address"))
    assert address.text == "dair\u200b-\u2060institute.org"


@given(
    st.sampled_from(["http://", "https://", "HTTPS://"]),
    st.sampled_from(["", "www."]),
    st.from_regex(r"[a-z0-9-]{1,12}\.[a-z]{2,6}(/[a-z0-9_-]{1,8}){0,3}", fullmatch=True),
    st.sampled_from(["", "/"]),
)
def test_a_short_address_is_the_address_without_scheme_www_or_closing_slash(
    scheme, www, rest, slash
):
    assert short_address(scheme + www + rest + slash) == rest
