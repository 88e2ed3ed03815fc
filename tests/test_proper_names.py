"""book_pdf.proper_names: the book's proper names are never split at a line end, through a
pattern per name in the hyphenation dictionary pyphen reads while the book is laid out."""

from __future__ import annotations

import pyphen
from hypothesis import given, settings
from hypothesis import strategies as st

from book_pdf.proper_names import names_kept_whole, proper_names, unbreakable_patterns

TEXT = (
    "Paul Christiano argued. Specification gaming is specification gaming; ChatGPT and "
    "DeepMind, RLHF and METR. Named. Christiano’s view."
)


def test_names_are_the_words_only_ever_written_with_a_capital():
    assert proper_names(TEXT) == {"christiano", "chatgpt", "deepmind"}
    # "Specification" is also written in lower case; "Named" and "Paul" are too short to
    # split; all-capital abbreviations are never split by the English patterns' limits anyway


def test_an_address_in_lower_case_does_not_unmake_a_name():
    """ "Hug-/ging Face": the references' "openai.com/index/hugging-face-incident" (and its
    fenced hyphens, book_pdf/address_breaks.py) had counted as "hugging" in lower case."""
    text = "Hugging Face was attacked. openai.com/index/hugging\u200b-\u2060face doi:10.1/hugging"
    assert proper_names(text) == {"hugging"}
    assert proper_names(text + " a hugging bear") == set()


def test_the_patterns_forbid_every_break_in_the_word_alone_or_before_an_apostrophe():
    assert unbreakable_patterns("Christiano") == [
        ".c8h8r8i8s8t8i8a8n8o.",
        ".c8h8r8i8s8t8i8a8n8o8\u2019",
        ".c8h8r8i8s8t8i8a8n8o8'",
    ]


def test_a_longer_word_that_starts_with_a_name_still_splits():
    """A pattern anchored at the word's start only ("Cooper" as ".c8o8o8p8e8r") kept every word
    starting with a name whole: "cooperative", "information" (for a title's "Inform"),
    "summarizers" (for "Summarize"), and left loose lines before them."""
    text = "Cooper wrote. Inform Policy. Learning to Summarize. " + TEXT
    plain = pyphen.Pyphen(lang="en_US")
    words = ("cooperative", "information", "summarizers", "christianity", "deepminds")
    assert all(plain.positions(word) for word in words), "the case for this"
    with names_kept_whole(text, "en-US"):
        inside = pyphen.Pyphen(lang="en_US")
        assert [inside.positions(w) for w in words] == [plain.positions(w) for w in words]
        assert inside.positions("cooper’s") == inside.positions("summarize") == []


def test_names_are_kept_whole_while_laying_out_and_the_registry_is_restored_after():
    before = dict(pyphen.LANGUAGES)
    plain = pyphen.Pyphen(lang="en_US")
    assert plain.positions("christiano") and plain.positions("chatgpt"), "the case for this"
    with names_kept_whole(TEXT, "en-US"):
        inside = pyphen.Pyphen(lang="en_US")
        assert inside.positions("christiano") == []
        assert inside.positions("christiano’s") == []
        assert inside.positions("Christiano") == []  # pyphen matches lower-cased words
        assert inside.positions("specification") == plain.positions("specification")
    assert before == pyphen.LANGUAGES
    assert pyphen.Pyphen(lang="en_US").positions("christiano") == plain.positions("christiano")


def test_a_name_the_dictionary_lists_as_an_exception_is_kept_whole_too():
    """ "Sep-/tember" was split in the book: the English file lists the whole word as an
    exception (".sep8t9em8b9er."), whose 9 outranks the name's 8. The exception is dropped for
    the book's names; a word that is not one of them keeps its exception."""
    text = "In September and November, Christiano wrote. Remember december? No: December."
    plain = pyphen.Pyphen(lang="en_US")
    assert plain.positions("september") and plain.positions("november"), "the case for this"
    with names_kept_whole(text, "en-US"):
        inside = pyphen.Pyphen(lang="en_US")
        assert inside.positions("september") == inside.positions("november") == []
        assert inside.positions("september’s") == []
        assert inside.positions("december") == plain.positions("december")  # also in lower case


def test_a_language_without_patterns_or_a_text_without_names_changes_nothing():
    before = dict(pyphen.LANGUAGES)
    with names_kept_whole(TEXT, "x-none"):
        assert before == pyphen.LANGUAGES
    with names_kept_whole("all in lower case here", "en-US"):
        assert before == pyphen.LANGUAGES


NAMES = ("christiano", "chatgpt", "deepmind")
LETTERS = "abcdefghijklmnopqrstuvwxyzé"
WORDS = st.one_of(
    st.text(alphabet=LETTERS, min_size=6, max_size=16),
    st.builds(str.__add__, st.sampled_from(NAMES), st.text(alphabet=LETTERS, min_size=1)),
).filter(lambda word: word not in NAMES)


@settings(max_examples=25, deadline=None)
@given(st.lists(WORDS, min_size=20, max_size=40))
def test_every_other_word_splits_as_the_dictionary_splits_it(words):
    """Any word but a name, even one that starts with a name's letters."""
    plain = pyphen.Pyphen(lang="en_US")
    with names_kept_whole(TEXT, "en-US"):
        inside = pyphen.Pyphen(lang="en_US")
        assert [inside.positions(w) for w in words] == [plain.positions(w) for w in words]
