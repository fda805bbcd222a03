"""Stage 6: mentions resolved to speakers, through ``quoteattr.extract`` on short texts."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.coref import canonical_org, role_family
from quoteattr.lexicons import DEFAULT
from quoteattr.models import SpeakerKind

Row = tuple[str, str | None, str | None, str | None]
"""(quote text, speaker name, mention text, last rule) of one attribution."""


def _rows(text: str) -> list[Row]:
    return [
        (
            a.quote.text,
            None if a.speaker is None else a.speaker.name,
            None if a.mention is None else a.mention.text,
            a.rules[-1] if a.rules else None,
        )
        for a in quoteattr.extract(text)
    ]


def _speakers(text: str) -> list[tuple[str, SpeakerKind]]:
    return [(s.name, s.kind) for s in quoteattr.extract(text).speakers]


def test_surname_refers_back_to_the_full_name() -> None:
    text = 'Ann Lee, the agency spokeswoman, said the plan was sound.\n\n"We will not back down," Lee told reporters.'
    assert [
        ("the plan was sound", "Ann Lee", "Ann Lee", "speaker.name"),
        ("We will not back down,", "Ann Lee", "Lee", "speaker.name"),
    ] == _rows(text)


def test_surname_after_another_speaker() -> None:
    text = "Ann Lee said the port would reopen. Bo Chan said it would not. Lee said the date was firm."
    assert [
        ("the port would reopen", "Ann Lee", "Ann Lee", "speaker.name"),
        ("it would not", "Bo Chan", "Bo Chan", "speaker.name"),
        ("the date was firm", "Ann Lee", "Lee", "speaker.name"),
    ] == _rows(text)


def test_surname_refers_to_a_name_written_outside_any_attribution() -> None:
    text = 'Minister Ann Lee opened the port on Monday.\n\n"It is a good day," Lee said.'
    assert [("It is a good day,", "Ann Lee", "Lee", "speaker.name")] == _rows(text)


@pytest.mark.parametrize(
    "full",
    [
        pytest.param("Acme Corp", id="corp"),
        pytest.param("Acme Corp.", id="corp-full-stop"),
        pytest.param("Acme Inc", id="inc"),
        pytest.param("Acme Technologies Co Ltd", id="co-ltd"),
    ],
)
def test_company_short_name_is_the_company(full: str) -> None:
    text = f'{full} said on Monday that it would cut 500 jobs.\n\n"We have no choice," Acme said.'
    assert [
        ("that it would cut 500 jobs", "Acme", full, "speaker.name"),
        ("We have no choice,", "Acme", "Acme", "speaker.name"),
    ] == _rows(text)
    assert [("Acme", SpeakerKind.ORGANISATION)] == _speakers(text)


def test_pronoun_refers_to_the_last_speaker() -> None:
    text = 'Ann Lee said the port would reopen in May. Bo Chan said the date was too early. "We are ready," she said.'
    assert [
        ("the port would reopen in May", "Ann Lee", "Ann Lee", "speaker.name"),
        ("the date was too early", "Bo Chan", "Bo Chan", "speaker.name"),
        ("We are ready,", "Bo Chan", "she", "speaker.pronoun"),
    ] == _rows(text)


def test_pronoun_in_later_paragraphs() -> None:
    text = (
        'Ann Lee said the port would reopen in May.\n\n"We are ready," she said.\n\n"The cranes are here," she added.'
    )
    assert [
        ("the port would reopen in May", "Ann Lee", "Ann Lee", "speaker.name"),
        ("We are ready,", "Ann Lee", "she", "speaker.pronoun"),
        ("The cranes are here,", "Ann Lee", "she", "speaker.pronoun"),
    ] == _rows(text)


def test_pronoun_refers_to_the_subject_of_the_previous_sentence() -> None:
    text = "Minister Ann Lee met Bo Chan on Tuesday. She said the port would reopen in May."
    assert [("the port would reopen in May", "Ann Lee", "She", "speaker.pronoun")] == _rows(text)


def test_pronoun_prefers_a_person_named_after_the_last_speaker() -> None:
    text = "Acme Corp said it would cut jobs. Minister Ann Lee visited the plant. She said the cuts were a blow."
    assert [
        ("it would cut jobs", "Acme", "Acme Corp", "speaker.name"),
        ("the cuts were a blow", "Ann Lee", "She", "speaker.pronoun"),
    ] == _rows(text)


def test_it_refers_to_the_last_organisation() -> None:
    text = 'Acme Corp reported a loss. Ann Lee said the loss was small. "We will recover," it said.'
    assert [
        ("the loss was small", "Ann Lee", "Ann Lee", "speaker.name"),
        ("We will recover,", "Acme", "it", "speaker.pronoun"),
    ] == _rows(text)


def test_pronoun_with_no_one_to_refer_to_is_named_by_the_pronoun() -> None:
    assert [("We will go on,", "he", "he", "speaker.unresolved_pronoun")] == _rows('"We will go on," he said.')


@pytest.mark.parametrize(
    ("text", "second"),
    [
        pytest.param(
            "Ann Lee, a spokesman for the ministry, said the port would reopen. The spokesman said the date was firm.",
            ("the date was firm", "Ann Lee", "The spokesman", "speaker.definite_role"),
            id="same-paragraph",
        ),
        pytest.param(
            'Ann Lee, a spokesman for the ministry, said the port would reopen.\n\n"The date is firm," the spokesman said.',
            ("The date is firm,", "Ann Lee", "the spokesman", "speaker.definite_role"),
            id="next-paragraph",
        ),
    ],
)
def test_the_spokesman_refers_to_the_named_spokesman(text: str, second: Row) -> None:
    assert [("the port would reopen", "Ann Lee", "Ann Lee", "speaker.name"), second] == _rows(text)


def test_spokeswoman_matches_spokesman_role() -> None:
    text = 'Ann Lee, a ministry spokeswoman, said the port would reopen.\n\n"The date is firm," the spokesperson said.'
    assert [
        ("the port would reopen", "Ann Lee", "Ann Lee", "speaker.name"),
        ("The date is firm,", "Ann Lee", "the spokesperson", "speaker.definite_role"),
    ] == _rows(text)


def test_anonymous_spokeswoman_keeps_her_description_as_name() -> None:
    text = 'A company spokeswoman said the plant would close in May.\n\n"We regret this," the spokeswoman said.'
    assert [
        ("the plant would close in May", "A company spokeswoman", "A company spokeswoman", "speaker.anonymous"),
        ("We regret this,", "A company spokeswoman", "the spokeswoman", "speaker.definite_role"),
    ] == _rows(text)
    assert [("A company spokeswoman", SpeakerKind.PERSON)] == _speakers(text)


def test_anonymous_speaker_named_later() -> None:
    text = (
        "A ministry spokesman said the talks had stalled.\n\n"
        "Li Wei, the spokesman, said on Tuesday that the talks would resume."
    )
    result = quoteattr.extract(text)
    assert [
        ("the talks had stalled", "Li Wei", "A ministry spokesman", "speaker.named_later"),
        ("that the talks would resume", "Li Wei", "Li Wei", "speaker.name"),
    ] == _rows(text)
    assert [("Li Wei", SpeakerKind.PERSON)] == _speakers(text)
    assert ["A ministry spokesman", "Li Wei"] == [m.text for m in result.speakers[0].mentions]


def test_anonymous_speaker_named_later_in_direct_quotes() -> None:
    text = '"The talks have stalled," a ministry spokesman said.\n\n"They will resume," Li Wei, the spokesman, said.'
    assert [
        ("The talks have stalled,", "Li Wei", "a ministry spokesman", "speaker.named_later"),
        ("They will resume,", "Li Wei", "Li Wei", "speaker.name"),
    ] == _rows(text)


def test_the_statement_continued_is_who_made_the_statement() -> None:
    text = 'Acme said in a statement that the plant would close.\n\n"We regret this decision," the statement continued.'
    assert [
        ("that the plant would close", "Acme", "Acme", "speaker.name"),
        ("We regret this decision,", "Acme", "the statement", "speaker.document"),
    ] == _rows(text)


def test_the_statement_said_is_who_made_the_statement() -> None:
    text = "Bo Chan spoke first. Acme said in a statement that the plant would close. The statement said workers would be paid."
    assert [
        ("that the plant would close", "Acme", "Acme", "speaker.name"),
        ("workers would be paid", "Acme", "The statement", "speaker.document"),
    ] == _rows(text)


@pytest.mark.parametrize(
    "first",
    [
        pytest.param("Acme Corp reported a loss on Monday.", id="named-not-quoted"),
        pytest.param("Acme Corp said it would cut jobs.", id="quoted"),
    ],
)
def test_the_company_is_the_company_named_before(first: str) -> None:
    text = f"{first}\n\nThe company said the cuts were caused by storms."
    assert ("the cuts were caused by storms", "Acme", "The company", "speaker.organisation_nominal") == _rows(text)[-1]


@pytest.mark.parametrize(
    ("second", "name"),
    [
        pytest.param(
            "The Australian government said the cuts were regrettable.", "The Australian government", id="subject"
        ),
        pytest.param(
            '"This is regrettable," the Australian government said.', "the Australian government", id="after-quote"
        ),
    ],
)
def test_named_institution_is_its_own_speaker(second: str, name: str) -> None:
    text = f"Acme Corp said it would cut jobs.\n\n{second}"
    result = quoteattr.extract(text)
    assert (name, name, "speaker.anonymous") == _rows(text)[-1][1:]
    assert [("Acme", SpeakerKind.ORGANISATION), (name, SpeakerKind.ORGANISATION)] == [
        (s.name, s.kind) for s in result.speakers
    ]


def test_unnamed_government_refers_back_to_the_last_organisation() -> None:
    text = 'Acme Corp said it would cut jobs.\n\n"This is regrettable," the government said.'
    assert ("This is regrettable,", "Acme", "the government", "speaker.organisation_nominal") == _rows(text)[-1]


def test_coordinated_subject_is_one_group_speaker() -> None:
    text = 'Britain and France said the deal was dead. "We will not sign," they said.'
    assert [
        ("the deal was dead", "Britain and France", "Britain and France", "speaker.coordinated"),
        ("We will not sign,", "Britain and France", "they", "speaker.pronoun"),
    ] == _rows(text)
    assert [("Britain and France", SpeakerKind.ORGANISATION)] == _speakers(text)


def test_coordinated_people_are_one_group_speaker() -> None:
    text = "Ann Lee and Bo Chan said the deal was dead."
    assert [("the deal was dead", "Ann Lee and Bo Chan", "Ann Lee and Bo Chan", "speaker.coordinated")] == _rows(text)


def test_bare_plural_at_sentence_start_is_not_an_earlier_person() -> None:
    text = "Ann Lee, a senior official, said the port would reopen. Officials said the date was firm."
    assert [
        ("the port would reopen", "Ann Lee", "Ann Lee", "speaker.name"),
        ("the date was firm", "Officials", "Officials", "speaker.anonymous"),
    ] == _rows(text)


def test_bare_plural_mid_sentence_is_its_own_speaker() -> None:
    text = "Ann Lee, a senior official, said the port would reopen. The date is firm, officials said."
    assert [
        ("the port would reopen", "Ann Lee", "Ann Lee", "speaker.name"),
        ("The date is firm", "officials", "officials", "speaker.anonymous"),
    ] == _rows(text)


def test_speaker_descriptors_and_affiliation() -> None:
    text = "Ann Lee, Acme's chief executive, said the plant would close."
    (speaker,) = quoteattr.extract(text).speakers
    assert ("Ann Lee", SpeakerKind.PERSON, ("Acme's chief executive",), "Acme") == (
        speaker.name,
        speaker.kind,
        speaker.descriptors,
        speaker.affiliation,
    )


@pytest.mark.parametrize(
    ("noun", "expected"),
    [("spokeswoman", "spokesperson"), ("Spokesman", "spokesperson"), ("officials", "official"), ("boss", "boss")],
)
def test_role_family(noun: str, expected: str) -> None:
    assert expected == role_family(noun)


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("Acme", "Technologies", "Co", "Ltd"), ("Acme",)),
        (("Acme", "Corp"), ("Acme",)),
        (("Corp",), ("Corp",)),
        (("Acme", "Bank"), ("Acme", "Bank")),
    ],
)
def test_canonical_org(tokens: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert expected == canonical_org(tokens, DEFAULT)


def _speaker_names(text: str, config: quoteattr.Config | None = None) -> list[str | None]:
    extractor = quoteattr.Extractor(config or quoteattr.Config())
    return [None if a.speaker is None else a.speaker.name for a in extractor.extract(text)]


def test_she_skips_a_man_named_by_title() -> None:
    text = "Mrs. Okafor said the port would reopen. Mr. Brandt said it would not. She said the date was firm."
    assert _speaker_names(text) == ["Okafor", "Brandt", "Okafor"]


def test_she_skips_a_spokesman() -> None:
    text = (
        "A company spokeswoman said the plant would close. A union spokesman said the talks went on. "
        "She said the decision was final."
    )
    assert _speaker_names(text)[2] == "A company spokeswoman"


def test_an_unknown_given_name_falls_back_to_the_last_speaker() -> None:
    text = "Ariadne Volk said the port would reopen. Kim Lo said it would not. She said the date was firm."
    assert _speaker_names(text)[2] == "Kim Lo"  # neither name tells a gender: the last speaker
    config = quoteattr.Config().with_lexicons(genders={"Kim": "m"})
    assert _speaker_names(text, config)[2] == "Ariadne Volk"


def test_a_pronoun_fixes_the_gender_of_an_unknown_name() -> None:
    # "she" made Ariadne Volk a woman, so the later "he" goes back past her to Reyes.
    text = (
        "Tom Reyes said the port would reopen. Ariadne Volk said it would not. She said the date was open. "
        "He said the date was firm."
    )
    assert _speaker_names(text) == ["Tom Reyes", "Ariadne Volk", "Ariadne Volk", "Tom Reyes"]
