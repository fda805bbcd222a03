"""Stage 5: the words that name a speaker before or after a cue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quoteattr.document import Document
from quoteattr.lexicons import DEFAULT
from quoteattr.mentions import (
    SUBJECT_REACH,
    MentionMatch,
    _may_be_subject,
    classify_mention,
    ends_with_title,
    find_headline_speaker,
    find_mention_after,
    find_subject,
    head_noun,
    name_tokens,
)
from quoteattr.models import MentionKind, Span
from quoteattr.patterns import patterns_for

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

NAME, PRONOUN, NOMINAL, ORGANISATION = (
    MentionKind.NAME,
    MentionKind.PRONOUN,
    MentionKind.NOMINAL,
    MentionKind.ORGANISATION,
)


def _subject(text: str, cue: str = "said", region_start: int = 0) -> MentionMatch | None:
    """Find the subject before the first ``cue`` word in *text*."""
    found = re.search(rf"\b{cue}\b", text)
    assert found is not None
    return find_subject(Document(text), DEFAULT, region_start, found.start())


def _match(
    text: str,
    mention: str,
    kind: MentionKind,
    descriptors: tuple[str, ...] = (),
    *,
    indefinite: bool = False,
    head: str = "",
) -> MentionMatch:
    start = text.index(mention)
    return MentionMatch(Span.of(text, start, start + len(mention)), kind, descriptors, indefinite, head)


@pytest.mark.parametrize(
    ("text", "mention", "kind", "descriptors"),
    [
        pytest.param("Ann Lee said the port would reopen.", "Ann Lee", NAME, (), id="name"),
        pytest.param("Ann Lee also said the port would reopen.", "Ann Lee", NAME, (), id="name-adverb"),
        pytest.param("Sen. Ann Lee said the port would reopen.", "Ann Lee", NAME, ("Sen.",), id="title-abbrev"),
        pytest.param(
            "Health Minister Ann Lee said the port would reopen.",
            "Ann Lee",
            NAME,
            ("Health Minister",),
            id="title-words",
        ),
        pytest.param(
            "Democratic pollster Ann Lee said the port would reopen.",
            "Ann Lee",
            NAME,
            ("Democratic pollster",),
            id="role-before-name",
        ),
        pytest.param(
            "Rep. Mark Dunn (D-Md.) said the port would reopen.",
            "Mark Dunn",
            NAME,
            ("Rep.", "D-Md."),
            id="party-tag",
        ),
        pytest.param(
            "Jane Roe, the agency spokeswoman, said the port would reopen.",
            "Jane Roe",
            NAME,
            ("the agency spokeswoman",),
            id="appositive",
        ),
        pytest.param(
            "Jane Roe, a professor of law at Eastfield University, said the port would reopen.",
            "Jane Roe",
            NAME,
            ("a professor of law at Eastfield University",),
            id="long-appositive",
        ),
        pytest.param(
            "Ann Lee, speaking to reporters on Monday, said the port would reopen.",
            "Ann Lee",
            NAME,
            ("speaking to reporters on Monday",),
            id="participle-set-off",
        ),
        pytest.param(
            "Ann Lee speaking to reporters said the port would reopen.",
            "Ann Lee",
            NAME,
            (),
            id="participle",
        ),
        pytest.param("The port will reopen, Ann Lee said.", "Ann Lee", NAME, (), id="after-comma"),
        pytest.param("The port reopened on Monday, but Lee said it was late.", "Lee", NAME, (), id="after-conjunction"),
        pytest.param('"We won," Ann Lee said.', "Ann Lee", NAME, (), id="after-closing-mark"),
        pytest.param("Acme Corp said the port would reopen.", "Acme Corp", ORGANISATION, (), id="company"),
        pytest.param("Britain and France said the deal was dead.", "Britain and France", NAME, (), id="coordinated"),
    ],
)
def test_find_subject_names(text: str, mention: str, kind: MentionKind, descriptors: tuple[str, ...]) -> None:
    assert _match(text, mention, kind, descriptors) == _subject(text)


@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        pytest.param("She said the port would reopen.", "said", "She", id="she"),
        pytest.param("He told reporters the port would reopen.", "told", "He", id="he"),
        pytest.param("They said the port would reopen.", "said", "They", id="they"),
        pytest.param("It said the port would reopen.", "said", "It", id="it"),
        pytest.param("The port will reopen, she said.", "said", "she", id="after-comma"),
    ],
)
def test_find_subject_pronouns(text: str, cue: str, mention: str) -> None:
    assert _match(text, mention, PRONOUN) == _subject(text, cue)


@pytest.mark.parametrize(
    ("text", "mention", "indefinite", "head"),
    [
        pytest.param(
            "A company spokeswoman said the port would reopen.",
            "A company spokeswoman",
            True,
            "spokeswoman",
            id="indefinite",
        ),
        pytest.param(
            "A spokesperson for the foreign ministry said the port would reopen.",
            "A spokesperson for the foreign ministry",
            True,
            "spokesperson",
            id="indefinite-with-of-phrase",
        ),
        pytest.param(
            "A spokesman speaking on condition of anonymity said the port would reopen.",
            "A spokesman",
            True,
            "spokesman",
            id="indefinite-with-participle",
        ),
        pytest.param("The spokesman said the port would reopen.", "The spokesman", False, "spokesman", id="definite"),
        pytest.param("The statement said the port would reopen.", "The statement", False, "statement", id="statement"),
        pytest.param("The company said the port would reopen.", "The company", False, "company", id="company"),
        pytest.param(
            "The Australian government said the port would reopen.",
            "The Australian government",
            False,
            "government",
            id="institution",
        ),
        pytest.param("Its spokesman said the port would reopen.", "Its spokesman", False, "spokesman", id="its"),
        pytest.param(
            "The port will reopen, officials said.", "officials", True, "officials", id="bare-plural-after-comma"
        ),
        pytest.param(
            "US officials said the port would reopen.", "US officials", True, "officials", id="modified-plural"
        ),
        pytest.param(
            "61 percent of voters said the port should reopen.",
            "61 percent of voters",
            True,
            "percent",
            id="share",
        ),
    ],
)
def test_find_subject_descriptions(text: str, mention: str, indefinite: bool, head: str) -> None:
    assert _match(text, mention, NOMINAL, indefinite=indefinite, head=head) == _subject(text)


def test_find_subject_bare_plural_at_sentence_start() -> None:
    text = "Officials said the date was firm."
    assert _match(text, "Officials", NOMINAL, indefinite=True, head="officials") == _subject(text)


def test_find_subject_possessive_description() -> None:
    text = "Acme's chief executive said the port would reopen."
    found = _subject(text)
    assert found is not None
    assert (Span(start=0, end=22, text="Acme's chief executive"), NOMINAL, (), "executive") == (
        found.span,
        found.kind,
        found.descriptors,
        found.head,
    )


def test_find_subject_after_a_clause_boundary() -> None:
    text = "Ann Lee met Bo Chan, and Chan said the port would reopen."
    assert MentionMatch(Span(start=25, end=29, text="Chan"), NAME) == _subject(text)


def test_find_subject_starts_no_earlier_than_the_region() -> None:
    text = "Ann Lee said the port would reopen."
    assert MentionMatch(Span(start=4, end=7, text="Lee"), NAME) == _subject(text, region_start=4)


def test_find_subject_keeps_offsets_in_the_caller_text() -> None:
    text = "Ann\u00a0Lee,\u00a0the spokeswoman, said\u00a0the port would reopen."
    assert MentionMatch(Span(start=0, end=7, text="Ann\u00a0Lee"), NAME, ("the spokeswoman",)) == _subject(text)


def test_find_subject_any_other_description() -> None:
    text = "The ships will dock, the port said."
    assert _match(text, "the port", NOMINAL, head="port") == _subject(text)


def test_find_subject_inverted_cue_has_none() -> None:
    assert _subject("the plan works, said Ann Lee.") is None


def test_find_mention_after_inverted_cue() -> None:
    text = '"We won," said Ann Lee, the port director.'
    doc = Document(text)
    assert MentionMatch(Span(start=15, end=22, text="Ann Lee"), NAME) == find_mention_after(
        doc, DEFAULT, text.index("said") + 4, len(text)
    )


def test_find_headline_speaker() -> None:
    text = 'Acme: "We will fight the ruling"'
    assert MentionMatch(Span(start=0, end=4, text="Acme"), NAME) == find_headline_speaker(
        Document(text), DEFAULT, 0, text.index('"')
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Ann Lee", (NAME, False), id="name"),
        pytest.param("he", (PRONOUN, False), id="he"),
        pytest.param("She", (PRONOUN, False), id="she"),
        pytest.param("they", (PRONOUN, False), id="they"),
        pytest.param("who", (PRONOUN, False), id="who"),
        pytest.param("the Daily Post", (ORGANISATION, False), id="the-proper-name"),
        pytest.param("the Ministry of Health", (ORGANISATION, False), id="ministry-of"),
        pytest.param("Acme Corp", (ORGANISATION, False), id="company-suffix"),
        pytest.param("China", (ORGANISATION, False), id="place"),
        pytest.param("a company spokeswoman", (NOMINAL, True), id="indefinite"),
        pytest.param("an official", (NOMINAL, True), id="an"),
        pytest.param("two officials", (NOMINAL, True), id="number"),
        pytest.param("officials", (NOMINAL, True), id="bare-plural"),
        pytest.param("the spokesman", (NOMINAL, False), id="definite-role"),
        pytest.param("its spokesman", (NOMINAL, False), id="possessive-pronoun"),
        pytest.param("the company", (NOMINAL, False), id="organisation-noun"),
        pytest.param("the statement", (NOMINAL, False), id="document"),
    ],
)
def test_classify_mention(text: str, expected: tuple[MentionKind, bool]) -> None:
    assert expected == classify_mention(text, DEFAULT)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("A spokesperson for the foreign ministry", "spokesperson"),
        ("a company spokeswoman", "spokeswoman"),
        ("the Chinese tech firm", "firm"),
        ("officials familiar with the talks", "officials"),
        ("sources close to the talks", "sources"),
        ("senior officials at the ministry", "officials"),
        ("the spokesman.", "spokesman"),
        ("", ""),
    ],
)
def test_head_noun(phrase: str, expected: str) -> None:
    assert expected == head_noun(phrase)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ann Lee", ("Ann", "Lee")),
        ("Jane  O'Neil-Roe's", ("Jane", "O'Neil-Roe")),
        ("Acme\u2019s", ("Acme",)),
        ("J. R. Smith", ("J.", "R.", "Smith")),
        ("Cornelius van der Berg", ("Cornelius", "van", "der", "Berg")),
        ("Lee,", ("Lee",)),
        ("", ()),
    ],
)
def test_name_tokens(name: str, expected: tuple[str, ...]) -> None:
    assert expected == name_tokens(name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Finance Minister", True), ("Democratic pollster", True), ("Ann Lee", False), ("", False)],
)
def test_ends_with_title(text: str, expected: bool) -> None:
    assert expected == ends_with_title(text, DEFAULT)


def _subject_spans(text: str) -> list[tuple[int, int]]:
    """Return every span from a word start to a following "said", "says" or "told", within the subject reach."""
    spans = []
    for cue in re.finditer(r"\b(?:said|says|told)\b", text):
        end = cue.start()
        for word in re.finditer(r"(?:^|(?<=[\s,;:(\"“”]))\S", text[max(0, end - SUBJECT_REACH) : end]):
            spans.append((max(0, end - SUBJECT_REACH) + word.start(), end))
    return spans


@pytest.mark.parametrize(
    "text",
    [
        *(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))),
        'About 61,000 voters, most of them young, said. Lee (D-Md., "the boss") said. A man, 40, said.',
        "Ann Lee, a lawyer, speaking to reporters, also said. Lee, the chief, who said. Officials said.",
    ],
)
def test_subject_precheck_never_rejects_a_subject(text: str) -> None:
    pats = patterns_for(DEFAULT)
    view = Document(text).view
    for start, end in _subject_spans(view):
        if not _may_be_subject(view, pats, start, end):
            assert pats.subject.match(view, start, end) is None, view[start:end]
