"""Stage 3: quotation marks paired into quotations."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.document import Document
from quoteattr.quotes import Quotation, find_quotations
from quoteattr.segment import find_paragraphs

Row = tuple[str, str, int, tuple[str, ...]]
"""(content, marks as written, depth, evidence) of one quotation."""


def _quotations(text: str) -> tuple[Quotation, ...]:
    doc = Document(text)
    return find_quotations(doc, find_paragraphs(doc.view))


def _rows(text: str) -> list[Row]:
    return [
        (
            text[q.content_start : q.content_end],
            text[q.open : q.content_start] + text[q.content_end : q.outer_end],
            q.depth,
            q.evidence,
        )
        for q in _quotations(text)
    ]


PAIR = ("quote.pair",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('"We won," she said.', [("We won,", '""', 0, PAIR)], id="straight-double"),
        pytest.param("\u201cWe won,\u201d she said.", [("We won,", "\u201c\u201d", 0, PAIR)], id="curly-double"),
        pytest.param("'We won,' she said.", [("We won,", "''", 0, PAIR)], id="straight-single"),
        pytest.param("\u2018We won,\u2019 she said.", [("We won,", "\u2018\u2019", 0, PAIR)], id="curly-single"),
        pytest.param(
            "\u00abNous gagnons\u00bb, dit-elle.", [("Nous gagnons", "\u00ab\u00bb", 0, PAIR)], id="guillemets"
        ),
        pytest.param(
            "\u00bbWir siegen\u00ab, sagte sie.", [("Wir siegen", "\u00bb\u00ab", 0, PAIR)], id="reversed-guillemets"
        ),
        pytest.param(
            "\u201eWir siegen\u201c, sagte sie.", [("Wir siegen", "\u201e\u201c", 0, PAIR)], id="low-high-double"
        ),
        pytest.param("\u2039oui\u203a, dit-elle.", [("oui", "\u2039\u203a", 0, PAIR)], id="single-guillemets"),
        pytest.param("''We won,'' she said.", [("We won,", "''''", 0, PAIR)], id="double-apostrophes"),
        pytest.param("``We won,'' she said.", [("We won,", "``''", 0, PAIR)], id="backticks"),
        pytest.param('\u201cWe won," she said.', [("We won,", '\u201c"', 0, PAIR)], id="curly-open-straight-close"),
        pytest.param('"We won,\u201d she said.', [("We won,", '"\u201d', 0, PAIR)], id="straight-open-curly-close"),
        pytest.param(
            'He said "yes" and "no" twice.',
            [("yes", '""', 0, PAIR), ("no", '""', 0, PAIR)],
            id="two-in-a-sentence",
        ),
    ],
)
def test_marks_pair(text: str, expected: list[Row]) -> None:
    assert expected == _rows(text)


def test_offsets_of_a_pair() -> None:
    (q,) = _quotations('She said: "We won." Then she left.')
    assert (10, 1, 18, 1, "double", 0, PAIR) == (
        q.open,
        q.open_len,
        q.close,
        q.close_len,
        q.family,
        q.depth,
        q.evidence,
    )
    assert (11, 18, 19) == (q.content_start, q.content_end, q.outer_end)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("I don\u2019t know the country\u2019s plan.", id="curly-apostrophes"),
        pytest.param("I don't know the country's plan.", id="straight-apostrophes"),
        pytest.param("The States' rights were the issue.", id="plural-possessive"),
        pytest.param("Back in the '90s, rents were low.", id="decade"),
        pytest.param("Back in the \u201990s, rents were low.", id="curly-decade"),
        pytest.param("I loved rock'n'roll then.", id="rock-n-roll"),
        pytest.param("'Tis the season, 'til they come 'round.", id="elisions"),
        pytest.param("O'Neil and d'Arcy met at the port.", id="names"),
        pytest.param("She paid 5' 10\" for the fence.", id="feet-and-inches"),
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert [] == _rows(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("the States' rights are 'big'.", [("big", "''", 0, PAIR)], id="plural-possessive-then-quote"),
        pytest.param("'We don't know,' she said.", [("We don't know,", "''", 0, PAIR)], id="dont-in-single"),
        pytest.param(
            "\u2018We loved the \u201990s,\u2019 she said.",
            [("We loved the \u201990s,", "\u2018\u2019", 0, PAIR)],
            id="decade-in-curly-single",
        ),
        pytest.param(
            "'We loved the '90s,' she said.",
            [("We loved the '90s,", "''", 0, PAIR)],
            id="decade-in-straight-single",
        ),
        pytest.param("The 'rock'n'roll' years", [("rock'n'roll", "''", 0, PAIR)], id="rock-n-roll-quoted"),
    ],
)
def test_apostrophes_inside_and_beside_quotations(text: str, expected: list[Row]) -> None:
    assert expected == _rows(text)


@pytest.mark.xfail(
    strict=True,
    reason="a plural possessive inside a single-quoted quotation closes it: "
    "\"'The States' rights matter,' she said.\" gives the quotation 'The States' "
    "instead of 'The States' rights matter,'",
)
def test_plural_possessive_inside_single_quotation() -> None:
    text = "'The States' rights matter,' she said."
    assert [("The States' rights matter,", "''", 0, PAIR)] == _rows(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\"She said 'no' to me,\" he said.",
            [("She said 'no' to me,", '""', 0, PAIR), ("no", "''", 1, PAIR)],
            id="straight",
        ),
        pytest.param(
            "\u201cShe said \u2018no\u2019 to me,\u201d he said.",
            [("She said \u2018no\u2019 to me,", "\u201c\u201d", 0, PAIR), ("no", "\u2018\u2019", 1, PAIR)],
            id="curly",
        ),
        pytest.param(
            "She said: \"It's 'fine'.\"",
            [("It's 'fine'.", '""', 0, PAIR), ("fine", "''", 1, PAIR)],
            id="apostrophe-and-nested",
        ),
    ],
)
def test_single_inside_double_is_nested(text: str, expected: list[Row]) -> None:
    assert expected == _rows(text)


def test_nested_quotation_is_not_attributed_on_its_own() -> None:
    text = "\"She told me 'we will sue the port' on Monday,\" Ann Lee said."
    assert [("She told me 'we will sue the port' on Monday,", "Ann Lee")] == [
        (a.quote.text, None if a.speaker is None else a.speaker.name) for a in quoteattr.extract(text)
    ]


def test_quotation_over_paragraphs_is_reopened_at_each_paragraph() -> None:
    text = (
        '"We will rebuild the port," Ann Lee said.\n\n'
        '"It will take years. The money is there.\n\n'
        '"The cranes are ordered.\n\n'
        '"We start in May," she added.'
    )
    assert [
        ("We will rebuild the port,", '""', 0, PAIR),
        (
            'It will take years. The money is there.\n\n"The cranes are ordered.\n\n"We start in May,',
            '""',
            0,
            ("quote.pair", "quote.paragraph_reopen", "quote.paragraph_reopen"),
        ),
    ] == _rows(text)


def test_quotation_over_paragraphs_is_one_attribution() -> None:
    text = '"It will take years. The money is there.\n\n"We start in May," Ann Lee said.'
    a = quoteattr.extract(text)
    assert [
        (
            'It will take years. The money is there.\n\n"We start in May,',
            "Ann Lee",
            ("quote.pair", "quote.paragraph_reopen", "direct.after_quote", "speaker.name"),
        )
    ] == [(x.quote.text, None if x.speaker is None else x.speaker.name, x.rules) for x in a]


def test_unterminated_quotation_ends_with_its_paragraph() -> None:
    text = (
        '"We will not sell the port, Ann Lee said on Monday.\n\n'
        'The port closed in May. "We are done," Bo Chan said.\n\n'
        'Trade fell, "sharply," she said.'
    )
    assert [
        ("We will not sell the port, Ann Lee said on Monday.", '"', 0, ("quote.pair", "quote.unterminated")),
        ("We are done,", '""', 0, PAIR),
        ("sharply,", '""', 0, PAIR),
    ] == _rows(text)


TURN = ("quote.pair", "quote.transcript")


def test_quoted_transcript_paragraphs_are_quotations_of_their_own() -> None:
    text = (
        'Transcript:\n\n"LEE: We will not sell the port, or “any of it.”\n\n'
        '"And that is final.\n\n"(CROSSTALK.)\n\n"CHAN: Not this year?"\n\n"We will see," Lee said.'
    )
    assert [
        ("LEE: We will not sell the port, or “any of it.”", '"', 0, TURN),
        ("any of it.", "“”", 1, PAIR),
        ("And that is final.", '"', 0, TURN),
        ("CHAN: Not this year?", '""', 0, TURN),
        ("We will see,", '""', 0, PAIR),
    ] == _rows(text)


def test_one_labelled_paragraph_is_no_transcript() -> None:
    text = '"NOTE: the port will close.\n\n"It will reopen in May," Lee said.'
    assert [
        ('NOTE: the port will close.\n\n"It will reopen in May,', '""', 0, ("quote.pair", "quote.paragraph_reopen"))
    ] == _rows(text)


def test_unterminated_quotation_offsets() -> None:
    (q,) = _quotations('He said "we will go\n\nThen he left.')
    assert (8, 1, 19, 0, ("quote.pair", "quote.unterminated")) == (q.open, q.open_len, q.close, q.close_len, q.evidence)
    assert (9, 19, 19) == (q.content_start, q.content_end, q.outer_end)


def test_unterminated_at_the_end_of_the_text() -> None:
    text = '"A," he said. "B is next'
    assert [("A,", '""', 0, PAIR), ("B is next", '"', 0, ("quote.pair", "quote.unterminated"))] == _rows(text)


def test_lone_straight_single_is_not_a_quotation() -> None:
    assert [] == _rows("She said 'we won")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"' * 100_000, id="straight-double"),
        pytest.param('"' * 100_001, id="straight-double-odd"),
        pytest.param("'" * 100_000, id="straight-single"),
        pytest.param("\u201c" * 100_000, id="curly-open"),
        pytest.param("\u201d" * 100_000, id="curly-close"),
        pytest.param("''" * 50_000, id="double-apostrophes"),
        pytest.param("\u00ab" * 100_000, id="guillemets"),
        pytest.param('"a" ' * 25_000, id="many-short-pairs"),
        pytest.param('"a\n' * 30_000, id="many-reopened-paragraphs"),
    ],
)
def test_long_runs_of_marks_finish(text: str) -> None:
    quotations = _quotations(text)
    assert all(0 <= q.open < q.content_start <= q.content_end <= q.outer_end <= len(text) for q in quotations)
    quoteattr.extract(text)
