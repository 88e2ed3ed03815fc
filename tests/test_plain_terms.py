"""The first plain-text use of a glossary term in a chapter, for the book's index
(scripts/book_pdf/plain_terms.py)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from book_pdf import htmltree as ht
from book_pdf.plain_terms import UseFinder, mark_first_uses, plain_forms

TERMS = [
    "Fine-tuning",
    "Red teaming",
    "Reward function",
    "Chain of thought",
    "Chain-of-thought monitoring",
    "Reinforcement learning from human feedback (RLHF)",
    "Policy",
    "Debate",
]
FORMS = plain_forms(TERMS)
FINDER = UseFinder(FORMS)


def used(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term) for m in FINDER.uses(text)]


def test_only_terms_of_two_words_or_more_are_looked_for():
    """ "Policy" and "debate" mean other things in prose (public policy, the debate over risk)."""
    assert {form.term for form in FORMS} == set(TERMS) - {"Policy", "Debate"}
    assert used("The debate over policy went on.") == []


def test_any_inflection_with_spaces_or_hyphens():
    assert used("They fine-tuned it, then fine-tune it again; fine tuning helps.") == [
        ("fine-tuned", "Fine-tuning"),
        ("fine-tune", "Fine-tuning"),
        ("fine tuning", "Fine-tuning"),
    ]
    assert used("Testers red-teamed the model: a red team, red-teaming.") == [
        ("red-teamed", "Red teaming"),
        ("red team", "Red teaming"),
        ("red-teaming", "Red teaming"),
    ]
    assert used("Two reward functions and chains of thought.") == [
        ("reward functions", "Reward function"),
        ("chains of thought", "Chain of thought"),
    ]


def test_words_may_wrap_across_a_line_but_not_run_into_other_words():
    assert used("the reward\nfunction") == [("reward\nfunction", "Reward function")]
    assert used("a refined tuning, reduced teams") == []
    assert used("prefine-tuned, red teamster") == []


def test_the_longer_term_wins_and_abbreviations_match_as_written():
    assert used("chain-of-thought monitoring") == [
        ("chain-of-thought monitoring", "Chain-of-thought monitoring")
    ]
    assert used("RLHF, rlhf, RLHFs") == [("RLHF", TERMS[5])]


def _section(markup: str):
    section = ht.parse_document(f"<body><section>{markup}</section></body>").find(".//section")
    assert section is not None
    return section


def _ids():
    return (f"use-{n}" for n in itertools.count(1))


def test_each_term_is_marked_once_at_its_first_use_in_running_text():
    section = _section(
        "<h2>Red teaming</h2>"
        "<p>See <a href='#x'>red teaming</a> and <abbr>reward function</abbr>.</p>"
        "<p>Labs <em>fine-tuned</em> models; testers red-team them. Red teams red-team "
        "<code>reward function</code> again <span class='citation'>Red Team, 2020</span>.</p>"
        "<ul><li>A reward function.</li></ul>"
    )
    placed = mark_first_uses(
        section, FINDER, ["Fine-tuning", "Red teaming", "Reward function"], _ids()
    )
    spans = {el.get("id"): el.text for el in section.iter("span") if el.get("id")}
    assert placed == {"Fine-tuning": "use-1", "Red teaming": "use-2", "Reward function": "use-3"}
    assert spans == {"use-1": "fine-tuned", "use-2": "red-team", "use-3": "reward function"}
    text = "".join(section.itertext())
    assert "Labs fine-tuned models; testers red-team them." in text  # no word lost or moved
    assert "A reward function." in text


def test_terms_placed_elsewhere_are_not_looked_for():
    section = _section("<p>They fine-tuned it.</p>")
    assert mark_first_uses(section, FINDER, ["Red teaming"], _ids()) == {}
    assert section.find(".//span") is None


@given(
    st.lists(
        st.sampled_from(["fine-tuned", "red team", "a", "model", ", ", ". ", "reward"]), max_size=30
    )
)
def test_marking_never_changes_the_text(words):
    """Whatever the text, wrapping uses in spans keeps every character in its place."""
    markup = " ".join(words)
    section = _section(f"<p>{markup} <b>{markup}</b> {markup}</p>")
    before = "".join(section.itertext())
    mark_first_uses(section, FINDER, [f.term for f in FORMS], _ids())
    assert "".join(section.itertext()) == before
