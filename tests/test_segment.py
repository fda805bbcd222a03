"""Stage 2: paragraphs (one a line) and sentences (never inside a quotation)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quoteattr.document import Document
from quoteattr.lexicons import DEFAULT
from quoteattr.quotes import find_quotations
from quoteattr.segment import Paragraph, Sentence, find_paragraphs, find_sentences, is_abbreviation


def _paragraphs(text: str) -> list[tuple[str, bool]]:
    return [(text[p.start : p.end], p.is_short) for p in find_paragraphs(Document(text).view)]


def _sentences(text: str, protected: Sequence[tuple[int, int]] = ()) -> list[str]:
    view = Document(text).view
    return [text[s.start : s.end] for s in find_sentences(view, find_paragraphs(view), protected, DEFAULT)]


def _sentences_with_quotes(text: str) -> list[str]:
    """Split as the pipeline does: top-level quotations are protected."""
    doc = Document(text)
    paragraphs = find_paragraphs(doc.view)
    top = [(q.open, q.outer_end) for q in find_quotations(doc, paragraphs) if q.depth == 0]
    return [text[s.start : s.end] for s in find_sentences(doc.view, paragraphs, top, DEFAULT)]


# -- paragraphs ----------------------------------------------------------------
def test_blank_lines_separate_paragraphs() -> None:
    text = "Ann Lee said the port would reopen.\n\n\nShe gave no date.\n"
    assert [(0, 35, False), (38, 55, False)] == [(p.start, p.end, p.is_short) for p in find_paragraphs(text)]


def test_each_line_is_a_paragraph() -> None:
    text = "Ann Lee said the port would reopen.\nShe gave no date."
    assert [("Ann Lee said the port would reopen.", False), ("She gave no date.", False)] == _paragraphs(text)


def test_indented_lines_are_stripped() -> None:
    text = "    Ann Lee said the port would reopen.   \n\t\tShe gave no date.\t\n"
    assert [(4, 39, False), (45, 62, False)] == [(p.start, p.end, p.is_short) for p in find_paragraphs(text)]


def test_crlf_paragraphs_leave_the_carriage_return_out() -> None:
    text = "Port Will Reopen\r\n\r\nAnn Lee said so.\r\n"
    assert [("Port Will Reopen", True), ("Ann Lee said so.", False)] == _paragraphs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param(" \n\t\n\u00a0\n", [], id="only-spaces"),
    ],
)
def test_blank_text_has_no_paragraphs(text: str, expected: list[Paragraph]) -> None:
    assert expected == list(find_paragraphs(Document(text).view))


def test_headlines_and_boilerplate_are_short() -> None:
    text = (
        "Acme Wins Port Contract\n"
        "By Ann Lee, Staff Writer\n"
        "Acme won the contract on Monday, the ministry said.\n"
        "Photo: Bo Chan/Daily Post\n"
        "All rights reserved\n"
        "Related: Port Strike Ends"
    )
    assert [
        ("Acme Wins Port Contract", True),
        ("By Ann Lee, Staff Writer", True),
        ("Acme won the contract on Monday, the ministry said.", False),
        ("Photo: Bo Chan/Daily Post", True),
        ("All rights reserved", True),
        ("Related: Port Strike Ends", True),
    ] == _paragraphs(text)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param('She said: "We won."', id="closing-quote"),
        pytest.param("Ann Lee said:", id="colon"),
        pytest.param("Did the port reopen?", id="question"),
        pytest.param("Ann Lee said it would (again)", id="bracket"),
        pytest.param("word " * 40, id="long-line-without-full-stop"),
    ],
)
def test_lines_ending_a_sentence_or_long_are_not_short(line: str) -> None:
    assert [False] == [p.is_short for p in find_paragraphs(line)]


# -- sentences -----------------------------------------------------------------
def test_full_stops_question_and_exclamation_marks_end_sentences() -> None:
    text = "Shares fell 3.5 percent. Bonds rose!  Why? Nobody knows."
    assert ["Shares fell 3.5 percent.", "Bonds rose!", "Why?", "Nobody knows."] == _sentences(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sen. Mary Cole spoke on Monday. She left.",
            ["Sen. Mary Cole spoke on Monday.", "She left."],
            id="title-sen",
        ),
        pytest.param(
            "The U.S. Army said the road was open. It left.",
            ["The U.S. Army said the road was open.", "It left."],
            id="us",
        ),
        pytest.param(
            "J. Smith said the road was open. He left.",
            ["J. Smith said the road was open.", "He left."],
            id="initial",
        ),
        pytest.param(
            "The plan came from Ann J. Lee and Dr. Bo Chan. They left.",
            ["The plan came from Ann J. Lee and Dr. Bo Chan.", "They left."],
            id="middle-initial-and-dr",
        ),
        pytest.param(
            "Gov. Ann Lee met Rep. Bo Chan. They talked.",
            ["Gov. Ann Lee met Rep. Bo Chan.", "They talked."],
            id="gov-and-rep",
        ),
    ],
)
def test_abbreviations_and_initials_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert expected == _sentences(text)


def test_a_name_before_a_full_stop_ends_the_sentence() -> None:
    assert ["He met Dr. Kim.", "They talked."] == _sentences("He met Dr. Kim. They talked.")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Sen.", True), ("U.S.", True), ("J.", True), ("Dr.", True), ("Kim.", False), ("percent.", False)],
)
def test_is_abbreviation(word: str, expected: bool) -> None:
    view = f"He met {word} Then"
    assert expected == is_abbreviation(view, view.index(word) + len(word) - 1, DEFAULT)


def test_no_split_inside_a_protected_quotation() -> None:
    text = '"We tried. We failed," she said. Then she left.'
    assert ['"We tried. We failed," she said.', "Then she left."] == _sentences(text, [(0, 22)])


def test_without_protection_the_quotation_would_split() -> None:
    text = '"We tried. We failed," she said. Then she left.'
    assert ['"We tried.', 'We failed," she said.', "Then she left."] == _sentences(text)


def test_quotations_found_by_stage_three_are_protected() -> None:
    text = "\u201cWe tried. We failed. We will try again,\u201d Ann Lee said. Then she left."
    assert [
        "\u201cWe tried. We failed. We will try again,\u201d Ann Lee said.",
        "Then she left.",
    ] == _sentences_with_quotes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'She said: "We are done." Then she left.',
            ['She said: "We are done."', "Then she left."],
            id="straight-double",
        ),
        pytest.param(
            "She said: \u201cWe are done.\u201d Then she left.",
            ["She said: \u201cWe are done.\u201d", "Then she left."],
            id="curly-double",
        ),
        pytest.param(
            'He asked, "Why?" Nobody answered.',
            ['He asked, "Why?"', "Nobody answered."],
            id="question-inside",
        ),
        pytest.param(
            "The port (which closed in May.) Reopened today.",
            ["The port (which closed in May.)", "Reopened today."],
            id="bracket",
        ),
    ],
)
def test_a_closing_mark_after_a_full_stop_ends_the_sentence(text: str, expected: list[str]) -> None:
    assert expected == _sentences_with_quotes(text)


def test_sentences_do_not_cross_paragraphs() -> None:
    text = "Line one has no full stop\nLine two. Line three"
    view = Document(text).view
    assert [Sentence(0, 25, 0), Sentence(26, 35, 1), Sentence(36, 46, 1)] == list(
        find_sentences(view, find_paragraphs(view), (), DEFAULT)
    )
