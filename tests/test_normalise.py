"""Stage 1: the same-length view that the rules match against."""

from __future__ import annotations

import pytest

from quoteattr.document import Document
from quoteattr.normalise import normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Ann\u00a0Lee said", "Ann Lee said", id="nbsp"),
        pytest.param("Ann\u202fLee\u2009said", "Ann Lee said", id="narrow-and-thin-space"),
        pytest.param("Ann\u3000Lee\u2003said", "Ann Lee said", id="ideographic-and-em-space"),
        pytest.param("\ufeffAnn\u200bLee", " Ann Lee", id="bom-and-zero-width-space"),
        pytest.param("said\tso", "said so", id="tab"),
    ],
)
def test_other_spaces_become_one_space_each(text: str, expected: str) -> None:
    assert expected == normalise(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He said so.\r\nShe agreed.", "He said so. \nShe agreed.", id="crlf"),
        pytest.param("He said so.\r\n\r\nShe agreed.", "He said so. \n \nShe agreed.", id="crlf-blank-line"),
        pytest.param("He said so.\rShe agreed.", "He said so.\nShe agreed.", id="lone-cr"),
        pytest.param("He said so.\r\rShe agreed.", "He said so.\n\nShe agreed.", id="two-lone-cr"),
        pytest.param("said\r", "said\n", id="cr-at-end"),
        pytest.param("\r\n", " \n", id="only-crlf"),
    ],
)
def test_line_breaks_keep_their_length(text: str, expected: str) -> None:
    assert expected == normalise(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("said\x00so", "said so", id="nul"),
        pytest.param("said\x07\x1bso", "said  so", id="bell-escape"),
        pytest.param("said\x7fso", "said so", id="delete"),
        pytest.param("said\x9cso", "said so", id="c1-control"),
        pytest.param("said\u2028so\u2029", "said\nso\n", id="line-and-paragraph-separator"),
        pytest.param("said\x0bso\x0c", "said\nso\n", id="vertical-tab-form-feed"),
        pytest.param("said\x85so", "said\nso", id="next-line"),
    ],
)
def test_control_characters_become_spaces_or_line_breaks(text: str, expected: str) -> None:
    assert expected == normalise(text)


def test_curly_apostrophe_is_folded() -> None:
    assert "The country's plan, I don't know." == normalise("The country\u2019s plan, I don\u2019t know.")


def test_modifier_letter_apostrophe_and_prime_are_folded() -> None:
    assert "Hawai'i's rock'n'roll" == normalise("Hawai\u02bci\u2032s rock\u2019n\u2019roll")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\u201cWe won,\u201d she said.", id="curly-double"),
        pytest.param("\u2018We won,' she said.", id="curly-single-opener"),
        pytest.param("\u00abWe won\u00bb, she said.", id="guillemets"),
        pytest.param("\u201eWir\u201c, sagte er.", id="low-double"),
        pytest.param("\u2039oui\u203a", id="single-guillemets"),
        pytest.param('"We won," she said.', id="straight-double"),
        pytest.param("``We won,'' she said.", id="backticks"),
    ],
)
def test_quotation_marks_keep_their_shape(text: str) -> None:
    assert text == normalise(text)


def test_plain_text_is_unchanged() -> None:
    text = "Ann Lee, the agency spokeswoman, said the plan was sound.\n\nShe left."
    assert text == normalise(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("\r\n\r\r\n\x00\u00a0\u2019\u201c\u2028\ufeff", id="every-folded-class"),
        pytest.param("Caf\u00e9 \U0001f600 \u0130stanbul \u00df", id="astral-and-case-changing"),
        pytest.param('"' * 1000 + "\r" * 1000, id="long-runs"),
    ],
)
def test_view_has_the_same_length(text: str) -> None:
    assert len(text) == len(normalise(text))


def test_document_keeps_text_and_builds_view() -> None:
    text = "Ann\u00a0Lee said:\r\n\u201cWe won\u2019t go.\u201d"
    doc = Document(text)
    assert (text, "Ann Lee said: \n\u201cWe won't go.\u201d") == (doc.text, doc.view)
