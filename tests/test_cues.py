"""Stage 4: reporting cues outside quotations."""

from __future__ import annotations

import pytest

from quoteattr.cues import find_cues, is_participle
from quoteattr.document import Document
from quoteattr.lexicons import DEFAULT, Lexicons
from quoteattr.models import Cue, Span
from quoteattr.quotes import find_quotations
from quoteattr.segment import find_paragraphs


def _cues(text: str, lex: Lexicons = DEFAULT, *, cognition: bool = False) -> list[tuple[int, str, str]]:
    """Find cues as the pipeline does: top-level quotations are left out."""
    doc = Document(text)
    paragraphs = find_paragraphs(doc.view)
    quoted = [(q.content_start, q.content_end) for q in find_quotations(doc, paragraphs) if q.depth == 0]
    return [(c.span.start, c.text, c.lemma) for c in find_cues(doc, lex, quoted, paragraphs, cognition=cognition)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('"We won," she said.', [(14, "said", "say")], id="said"),
        pytest.param("Ann Lee told reporters the plan was sound.", [(8, "told", "tell")], id="told"),
        pytest.param(
            "The deal is off, according to two officials.", [(17, "according to", "according to")], id="according-to"
        ),
        pytest.param(
            "According to the ministry, the deal is off.",
            [(0, "According to", "according to")],
            id="according-to-first",
        ),
        pytest.param(
            "The deal is off, according  to Bo Chan.", [(17, "according  to", "according to")], id="two-spaces"
        ),
        pytest.param("Ann Lee says the deal is off.", [(8, "says", "say")], id="says"),
        pytest.param("She wrote that the deal was off.", [(4, "wrote", "write")], id="wrote"),
        pytest.param("Ann Lee added that the deal was off.", [(8, "added", "add")], id="added"),
        pytest.param("The ministry stated that the deal was off.", [(13, "stated", "state")], id="stated"),
        pytest.param("Acme denied the deal was off.", [(5, "denied", "deny")], id="denied"),
        pytest.param("The firm hit back, saying the deal was off.", [(19, "saying", "say")], id="saying"),
    ],
)
def test_cue_lemmas(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert expected == _cues(text)


def test_cue_span_indexes_the_text() -> None:
    text = "\u201cWe won,\u201d Ann\u00a0Lee told\u00a0reporters."
    doc = Document(text)
    paragraphs = find_paragraphs(doc.view)
    (cue,) = find_cues(doc, DEFAULT, [(1, 8)], paragraphs)
    assert Cue(span=Span(start=18, end=22, text="told"), lemma="tell") == cue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('"I told him I said no," Lee said.', [(28, "said", "say")], id="straight"),
        pytest.param("\u201cI told him,\u201d Lee said.", [(18, "said", "say")], id="curly"),
        pytest.param(
            "Ann Lee said: \u201cThey claim we said yes.\n\n\u201cWe never said it,\u201d she added.",
            [(8, "said", "say"), (64, "added", "add")],
            id="over-paragraphs",
        ),
        pytest.param('Ann Lee said: "They announced it', [(8, "said", "say")], id="unterminated"),
    ],
)
def test_cues_inside_quotations_are_ignored(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert expected == _cues(text)


def test_cue_inside_a_nested_quotation_is_ignored() -> None:
    text = "\"He told me 'I said no' then,\" Ann Lee said."
    assert [(39, "said", "say")] == _cues(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The said company was fined.", [], id="the-said-company"),
        pytest.param("That said, the plan works.", [], id="that-said"),
        pytest.param("It was said to be the largest port.", [], id="was-said-to"),
        pytest.param("His claims were false, she added.", [(27, "added", "add")], id="his-claims"),
        pytest.param("The Washington Post reported the story.", [(20, "reported", "report")], id="washington-post"),
        pytest.param("The posts were deleted on Monday.", [], id="the-posts"),
        pytest.param("In her posts, she argued the case.", [(18, "argued", "argue")], id="her-posts"),
        pytest.param("He met Ms. Says on Monday.", [], id="surname-after-title"),
        pytest.param(
            "Refuting claims of fraud, she said the vote was fair.", [(30, "said", "say")], id="refuting-claims"
        ),
        pytest.param("The re-said line and the 'said' word.", [], id="hyphen-and-quoted"),
        pytest.param("Those promises add up to $8.5 million.", [], id="add-up-to"),
    ],
)
def test_non_reporting_uses_are_rejected(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert expected == _cues(text)


def test_said_as_an_adjective_after_a_participle_is_rejected() -> None:
    text = "The report cites behaviour indicating said violation of the rules."
    assert [] == [c for c in _cues(text) if c[1] == "said"]


def test_said_that_after_a_determiner_is_a_cue() -> None:
    assert [(9, "said", "say")] == _cues("The firm said that the deal was off.")


def test_capitalised_cue_in_a_headline() -> None:
    text = "China Warns France Over Tariffs\n\nThe ministry warned France on Monday."
    assert [(6, "Warns", "warn"), (46, "warned", "warn")] == _cues(text)


def test_capitalised_cue_in_a_title_case_line_with_a_full_stop() -> None:
    # Many pages end their headline with a full stop: title case tells it from running text.
    assert [(6, "Warns", "warn")] == _cues("China Warns France Over Tariffs.")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The minister Warns France in a letter.", id="running-text"),
        pytest.param("China Warns France over the tariffs it set.", id="line-with-full-stop"),
    ],
)
def test_capitalised_cue_in_running_text_is_rejected(text: str) -> None:
    assert [] == _cues(text)


def test_capitalised_cue_at_a_sentence_start() -> None:
    assert [(0, "Tell", "tell"), (9, "Says", "say")] == _cues("Tell me. Says who?")


def test_user_added_verb() -> None:
    text = "Ann Lee harrumphed that the plan was absurd."
    lex = DEFAULT.with_added(reporting_verbs={"harrumph"})
    assert ([], [(8, "harrumphed", "harrumph")]) == (_cues(text), _cues(text, lex))


def test_user_added_verb_leaves_the_default_unchanged() -> None:
    DEFAULT.with_added(reporting_verbs={"harrumph"})
    assert ("harrumph" in DEFAULT.reporting_verbs, "harrumphed" in DEFAULT.verb_forms()) == (False, False)


def test_cognition_verbs_only_when_asked() -> None:
    text = "Ann Lee believes the plan works."
    assert ([], [(8, "believes", "believe")]) == (_cues(text), _cues(text, cognition=True))


@pytest.mark.parametrize(("word", "expected"), [("saying", True), ("adding", True), ("said", False)])
def test_is_participle(word: str, expected: bool) -> None:
    assert expected == is_participle(Cue(span=Span(start=0, end=len(word), text=word), lemma="say"))


def test_infinitive_verbs_are_cues() -> None:
    # reported.infinitive reads cues only: a lemma missing from the verb lexicons would never fire.
    verbs = DEFAULT.reporting_verbs | DEFAULT.cognition_verbs
    assert DEFAULT.infinitive_verbs
    assert DEFAULT.infinitive_verbs <= verbs, sorted(DEFAULT.infinitive_verbs - verbs)


def test_object_verbs_are_cues() -> None:
    verbs = DEFAULT.reporting_verbs | DEFAULT.cognition_verbs
    assert DEFAULT.object_verbs
    assert DEFAULT.object_verbs <= verbs, sorted(DEFAULT.object_verbs - verbs)


def test_bare_clause_verbs_are_cues() -> None:
    verbs = DEFAULT.reporting_verbs | DEFAULT.cognition_verbs
    assert DEFAULT.bare_clause_verbs <= verbs, sorted(DEFAULT.bare_clause_verbs - verbs)


def test_characterising_verbs_are_not_cues() -> None:
    # A characterising verb is read only before a quotation no cue claimed; as a cue
    # it would also take clauses ("called that ...") and objects.
    assert DEFAULT.characterising_verbs
    overlap = DEFAULT.characterising_verbs & (DEFAULT.reporting_verbs | DEFAULT.cognition_verbs)
    assert not overlap, sorted(overlap)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"We live in Chicago," Ebeling said.', id="mid-sentence"),
        pytest.param("Ebeling said the town was quiet.", id="sentence-start"),
        pytest.param("The mayor and Fleming said no.", id="after-and"),
    ],
)
def test_capitalised_name_in_ing_is_no_gerund(text: str) -> None:
    # "refuting claims" rejects a cue after a gerund; a capitalised word in -ing is a name.
    assert [c.text for c in find_cues(Document(text), DEFAULT, [], ())] == ["said"]
