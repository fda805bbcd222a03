"""The public API: ``extract``, ``Extractor``, the data model and its errors."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import quoteattr
from quoteattr import (
    Attribution,
    Config,
    Cue,
    DataError,
    DocumentTooLargeError,
    Extraction,
    Extractor,
    Mention,
    MentionKind,
    Quote,
    QuoteattrError,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)

ARTICLE = (
    "Port Reopening Delayed\n\n"
    "Ann Lee, the agency spokeswoman, said the plan was sound.\n\n"
    '"We will not back down," Lee told reporters on Monday. "The cranes are here and the crews are trained."\n\n'
    "A company spokeswoman said the plant would close in May.\n\n"
    'The plan, called a "bold step" by its backers, was shelved.\n\n'
    'The paper ran it under the headline "Port Will Reopen".'
)
TEXTS = [
    ARTICLE,
    '"We won," said Bo Chan.',
    'Acme Corp said on Monday that it would cut 500 jobs.\n\n"We have no choice," Acme said.',
    "Britain and France said the deal was dead.",
    "",
]


def _rows(result: Extraction) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (
            a.quote.kind.value,
            a.quote.text,
            None if a.speaker is None else a.speaker.name,
            None if a.cue is None else a.cue.text,
        )
        for a in result
    ]


# -- extract -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "name"),
    [(b'"Hi," he said.', "bytes"), (None, "NoneType"), (42, "int"), (["a"], "list")],
)
def test_extract_non_str_raises_type_error(value: Any, name: str) -> None:
    with pytest.raises(TypeError, match=f"^quoteattr extracts from str, not {name}$"):
        quoteattr.extract(value)


def test_document_too_large() -> None:
    extractor = Extractor(Config(max_chars=20))
    with pytest.raises(DocumentTooLargeError) as exc:
        extractor.extract('"We won," said Ann Lee.')
    err = exc.value
    assert (True, True, 23, 20) == (isinstance(err, QuoteattrError), isinstance(err, ValueError), err.size, err.limit)
    assert "document has 23 characters, more than the limit of 20 (raise Config.max_chars to allow it)" == str(err)


def test_document_at_the_limit_is_accepted() -> None:
    text = '"We won," said Ann Lee.'
    assert [("direct", "We won,", "Ann Lee", "said")] == _rows(Extractor(Config(max_chars=len(text))).extract(text))


@pytest.mark.parametrize("value", [0, -1])
def test_max_chars_must_be_positive(value: int) -> None:
    with pytest.raises(quoteattr.ConfigError, match=f"max_chars must be positive, not {value}"):
        Config(max_chars=value)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \r\n", "\u00a0\u2028"])
def test_empty_and_blank_text_give_an_empty_extraction(text: str) -> None:
    assert Extraction() == quoteattr.extract(text)


def test_extract_article() -> None:
    assert [
        ("indirect", "the plan was sound", "Ann Lee", "said"),
        ("direct", "We will not back down,", "Ann Lee", "told"),
        ("direct", "The cranes are here and the crews are trained.", "Ann Lee", "told"),
        ("indirect", "the plant would close in May", "A company spokeswoman", "said"),
    ] == _rows(quoteattr.extract(ARTICLE))


# -- Extraction ------------------------------------------------------------------
def test_extraction_iteration_len_and_indexing() -> None:
    result = quoteattr.extract(ARTICLE)
    assert (4, list(result.attributions), result.attributions[1], result.attributions[-1]) == (
        len(result),
        list(result),
        result[1],
        result[-1],
    )
    with pytest.raises(IndexError):
        result[4]


def test_extraction_speakers_and_other_quotes() -> None:
    result = quoteattr.extract(ARTICLE)
    assert ["Ann Lee", "A company spokeswoman"] == [s.name for s in result.speakers]
    assert [("bold step", "scare"), ("Port Will Reopen", "title")] == [
        (q.text, q.role.value) for q in result.other_quotes
    ]


def test_every_span_slices_the_text() -> None:
    for text in TEXTS:
        for a in quoteattr.extract(text):
            spans = [a.quote.span, *a.quote.fragments]
            spans += [] if a.cue is None else [a.cue.span]
            spans += [] if a.mention is None else [a.mention.span]
            spans += [] if a.speaker is None else [m.span for m in a.speaker.mentions]
            assert [s.text for s in spans] == [text[s.start : s.end] for s in spans]


# -- to_dict / from_dict ---------------------------------------------------------
def test_round_trip_through_json() -> None:
    for text in TEXTS:
        result = quoteattr.extract(text)
        data = json.loads(json.dumps(result.to_dict()))
        assert result == Extraction.from_dict(data)


def test_to_dict_shape() -> None:
    (a,) = quoteattr.extract('"We won," said Bo Chan.')
    assert {
        "quote": {
            "span": {"start": 1, "end": 8, "text": "We won,"},
            "kind": "direct",
            "marks": ['"', '"'],
            "fragments": [],
            "role": "speech",
            "parts": [],
        },
        "speaker": {
            "name": "Bo Chan",
            "kind": "person",
            "mentions": [{"span": {"start": 15, "end": 22, "text": "Bo Chan"}, "kind": "name"}],
            "descriptors": [],
            "affiliation": None,
        },
        "mention": {"span": {"start": 15, "end": 22, "text": "Bo Chan"}, "kind": "name"},
        "cue": {"span": {"start": 10, "end": 14, "text": "said"}, "lemma": "say"},
        "confidence": 0.95,
        "rules": ["quote.pair", "direct.after_quote", "direct.after_quote_inverted", "speaker.name"],
    } == a.to_dict()


def test_model_round_trips() -> None:
    span = Span(start=4, end=8, text="said")
    mention = Mention(span=Span(start=0, end=3, text="Lee"), kind=MentionKind.NAME)
    speaker = Speaker(name="Ann Lee", kind=SpeakerKind.PERSON, mentions=(mention,), descriptors=("Sen.",))
    objects: list[Any] = [
        span,
        Cue(span=span, lemma="say"),
        mention,
        speaker,
        Quote(span=Span(start=10, end=12, text="no"), kind=QuoteKind.DIRECT, marks=('"', '"')),
    ]
    assert objects == [type(o).from_dict(json.loads(json.dumps(o.to_dict()))) for o in objects]


# -- validation ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "end", "text", "message"),
    [
        pytest.param(0, 3, "ab", r"span \[0, 3\) does not fit its text 'ab'", id="text-too-short"),
        pytest.param(0, 1, "ab", r"span \[0, 1\) does not fit its text 'ab'", id="text-too-long"),
        pytest.param(3, 2, "", r"invalid span \[3, 2\)", id="end-before-start"),
        pytest.param(-1, 0, "a", r"invalid span \[-1, 0\)", id="negative"),
    ],
)
def test_span_validation(start: int, end: int, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Span(start=start, end=end, text=text)


def test_empty_span_is_valid() -> None:
    assert Span(start=2, end=2, text="") == Span.of("abc", 2, 2)


def _attribution(confidence: float) -> Attribution:
    quote = Quote(span=Span(start=1, end=8, text="We won,"), kind=QuoteKind.DIRECT)
    return Attribution(quote=quote, speaker=None, mention=None, cue=None, confidence=confidence)


@pytest.mark.parametrize("confidence", [-0.01, 1.01, float("nan"), float("inf")])
def test_confidence_outside_zero_one_raises(confidence: float) -> None:
    with pytest.raises(ValueError, match=r"is not in \[0, 1\]"):
        _attribution(confidence)


@pytest.mark.parametrize("confidence", [0.0, 1.0])
def test_confidence_bounds_are_valid(confidence: float) -> None:
    assert confidence == _attribution(confidence).confidence


QUOTE = {"span": {"start": 0, "end": 1, "text": "a"}, "kind": "direct"}


@pytest.mark.parametrize(
    ("load", "data"),
    [
        pytest.param(Span.from_dict, {"start": 0}, id="span-missing-key"),
        pytest.param(Span.from_dict, {"start": 0, "end": 3, "text": "ab"}, id="span-text-length"),
        pytest.param(Span.from_dict, {"start": "x", "end": 1, "text": "a"}, id="span-not-int"),
        pytest.param(Span.from_dict, {"start": 2, "end": 1, "text": ""}, id="span-reversed"),
        pytest.param(Span.from_dict, None, id="span-none"),
        pytest.param(Quote.from_dict, {**QUOTE, "kind": "bogus"}, id="quote-kind"),
        pytest.param(Quote.from_dict, {**QUOTE, "role": "joke"}, id="quote-role"),
        pytest.param(Cue.from_dict, {"span": {"start": 0, "end": 4, "text": "said"}}, id="cue-no-lemma"),
        pytest.param(Mention.from_dict, {"span": {"start": 0, "end": 2, "text": "he"}, "kind": "x"}, id="mention-kind"),
        pytest.param(Speaker.from_dict, {"name": "Ann Lee"}, id="speaker-no-kind"),
        pytest.param(Speaker.from_dict, {"name": "Ann Lee", "kind": "alien"}, id="speaker-kind"),
        pytest.param(Attribution.from_dict, {}, id="attribution-empty"),
        pytest.param(Attribution.from_dict, {"quote": QUOTE}, id="attribution-no-confidence"),
        pytest.param(Attribution.from_dict, {"quote": QUOTE, "confidence": "high"}, id="attribution-confidence-str"),
        pytest.param(
            Attribution.from_dict,
            {"quote": QUOTE, "confidence": 1.5},
            id="attribution-confidence-range",
        ),
        pytest.param(
            Attribution.from_dict,
            "not a mapping",
            id="attribution-str",
        ),
        pytest.param(Extraction.from_dict, {"attributions": [{}]}, id="extraction-bad-attribution"),
        pytest.param(
            Extraction.from_dict,
            {"attributions": ["x"]},
            id="extraction-attribution-str",
        ),
        pytest.param(
            Extraction.from_dict,
            [],
            id="extraction-list",
        ),
    ],
)
def test_from_dict_on_bad_data_raises_data_error(load: Callable[[Any], object], data: Any) -> None:
    with pytest.raises(DataError):
        load(data)


def test_data_error_message_names_the_missing_key_once() -> None:
    with pytest.raises(DataError) as exc:
        Attribution.from_dict({"quote": QUOTE})
    assert "Attribution.from_dict: missing key 'confidence'" == str(exc.value)


def test_data_error_is_a_quoteattr_error_and_value_error() -> None:
    with pytest.raises(DataError) as exc:
        Span.from_dict({"start": 0})
    assert (True, True, "Span.from_dict: missing key 'end'") == (
        isinstance(exc.value, QuoteattrError),
        isinstance(exc.value, ValueError),
        str(exc.value),
    )


def test_from_dict_fills_optional_fields() -> None:
    data: Mapping[str, Any] = {"quote": QUOTE, "confidence": 0.5}
    assert _attribution_of(data) == Attribution.from_dict(data)


def _attribution_of(data: Mapping[str, Any]) -> Attribution:
    return Attribution(
        quote=Quote(span=Span(start=0, end=1, text="a"), kind=QuoteKind.DIRECT),
        speaker=None,
        mention=None,
        cue=None,
        confidence=float(data["confidence"]),
    )


# -- determinism, reuse, threads -------------------------------------------------
def test_same_text_twice_gives_equal_results() -> None:
    for text in TEXTS:
        assert quoteattr.extract(text) == quoteattr.extract(text)


def test_extract_many_is_lazy_and_in_order() -> None:
    many = quoteattr.extract_many(iter(TEXTS))
    assert [quoteattr.extract(t) for t in TEXTS] == list(many)


def test_extract_many_stops_at_a_bad_item() -> None:
    many = quoteattr.extract_many(['"We won," said Bo Chan.', 42])  # type: ignore[list-item]
    assert [("direct", "We won,", "Bo Chan", "said")] == _rows(next(many))
    with pytest.raises(TypeError):
        next(many)


def test_extractor_reused_across_documents() -> None:
    extractor = Extractor()
    first = [extractor.extract(t) for t in TEXTS]
    second = [extractor.extract(t) for t in reversed(TEXTS)]
    assert first == list(reversed(second))
    assert [quoteattr.extract(t) for t in TEXTS] == first


def test_extractor_does_not_carry_speakers_between_documents() -> None:
    extractor = Extractor()
    extractor.extract("Ann Lee said the plan was sound.")
    # Ann Lee from the first document is unknown to the second: "she" stays "she".
    assert [("direct", "We will go on,", "she", "said")] == _rows(extractor.extract('"We will go on," she said.'))


def test_extractor_extract_many() -> None:
    extractor = Extractor(Config().with_verbs({"harrumph"}))
    texts = ['"Nonsense," harrumphed Bo Chan.', '"Nonsense," Bo Chan harrumphed.']
    assert [[("direct", "Nonsense,", "Bo Chan", "harrumphed")]] * 2 == [_rows(r) for r in extractor.extract_many(texts)]


def test_thread_safety_smoke() -> None:
    expected = [quoteattr.extract(t) for t in TEXTS]
    shared = Extractor()
    with ThreadPoolExecutor(max_workers=8) as pool:
        default = list(pool.map(quoteattr.extract, TEXTS * 10))
        reused = list(pool.map(shared.extract, TEXTS * 10))
    assert (expected * 10, expected * 10) == (default, reused)


def test_public_names() -> None:
    assert {
        "Attribution",
        "Config",
        "ConfigError",
        "Cue",
        "DataError",
        "DocumentTooLargeError",
        "Extraction",
        "Extractor",
        "Lexicons",
        "Mention",
        "MentionKind",
        "Quote",
        "QuoteKind",
        "QuoteRole",
        "QuoteattrError",
        "Registry",
        "Rule",
        "RuleSet",
        "Span",
        "Speaker",
        "SpeakerKind",
        "extract",
        "extract_many",
    } == set(quoteattr.__all__)


@pytest.mark.parametrize(
    "unit",
    [
        "Lee said ",
        "Lee, who said, ",
        "Ann accused Bo of lying, ",
        ", according to an analysis by Acme, ",
        '"Yes," Lee said, ',
        "Lee spoke, saying ",
        "Lee is behind, according to the polls - despite winning ",
        "Mr. Lee, after initially saying he would, ",
        "Lee: Bo Is Destroying The Party Of Lincoln.\n\n",
        "in the U.S. He said ",
        "Lee said he would go and tell ",
        "Her vote, which she said was a mistake, was ",
        "The plan, Lee said, is ",
    ],
)
def test_run_on_text_of_many_cues_gives_valid_spans(unit: str) -> None:
    # One "sentence" of thousands of cues: every clause and subject is read in a bounded window.
    text = unit * 2000
    for a in quoteattr.extract(text):
        assert text[a.quote.start : a.quote.end] == a.quote.text
        assert a.cue is None or text[a.cue.span.start : a.cue.span.end] == a.cue.text


def test_page_labels_are_a_lexicon_users_extend() -> None:
    text = "Newsflash: Markets fall sharply on rate fears.\n\nStocks closed lower on Monday."
    assert [a.speaker.name for a in quoteattr.extract(text) if a.speaker] == ["Newsflash"]
    config = quoteattr.Config().with_lexicons(page_labels=["newsflash"])
    assert list(quoteattr.Extractor(config).extract(text)) == []
