"""Named, prioritised rules: registries, configuration, and the names attributions carry."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest
import regex

import quoteattr
from quoteattr.attribute import Context, Frame
from quoteattr.cli import main
from quoteattr.coref import Entity, EntityTracker
from quoteattr.mentions import MentionMatch, find_mention_after
from quoteattr.models import QuoteKind, Span
from quoteattr.quotes import Quotation
from quoteattr.rules import EVIDENCE, STAGES, Registry, Rule, RuleSet


def _noop(*_args: Any) -> None:
    return None


def _other(*_args: Any) -> None:
    return None


def _demo() -> Registry:
    return (
        Registry("demo")
        .register(Rule("demo.low", 10, "low", _noop))
        .register(Rule("demo.high", 90, "high", _noop))
        .register(Rule("demo.mid_b", 50, "mid b", _noop))
        .register(Rule("demo.mid_a", 50, "mid a", _noop))
    )


# -- Registry -----------------------------------------------------------------
def test_registry_iterates_by_priority_then_name() -> None:
    assert ["demo.high", "demo.mid_a", "demo.mid_b", "demo.low"] == [r.name for r in _demo()]


def test_registry_len_contains_get() -> None:
    reg = _demo()
    assert (4, True, False, 50) == (len(reg), "demo.mid_a" in reg, "demo.nope" in reg, reg.get("demo.mid_b").priority)


def test_register_returns_a_new_registry() -> None:
    reg = _demo()
    bigger = reg.register(Rule("demo.top", 100, "top", _noop))
    assert ["demo.top", "demo.high", "demo.mid_a", "demo.mid_b", "demo.low"] == [r.name for r in bigger]
    assert ["demo.high", "demo.mid_a", "demo.mid_b", "demo.low"] == [r.name for r in reg]


def test_register_same_name_replaces_the_rule() -> None:
    reg = _demo()
    moved = reg.register(Rule("demo.low", 95, "now first", _other))
    assert [("demo.low", 95, "now first"), ("demo.high", 90, "high")] == [
        (r.name, r.priority, r.description) for r in moved
    ][:2]
    assert (4, 10, _noop) == (len(moved), reg.get("demo.low").priority, reg.get("demo.low").func)


def test_deregister_returns_a_new_registry() -> None:
    reg = _demo()
    smaller = reg.deregister("demo.high")
    assert ["demo.mid_a", "demo.mid_b", "demo.low"] == [r.name for r in smaller]
    assert ["demo.high", "demo.mid_a", "demo.mid_b", "demo.low"] == [r.name for r in reg]


def test_replace_keeps_name_priority_and_description() -> None:
    reg = _demo()
    replaced = reg.replace("demo.mid_a", _other)
    new = replaced.get("demo.mid_a")
    assert ("demo.mid_a", 50, "mid a", _other) == (new.name, new.priority, new.description, new.func)
    assert _noop == reg.get("demo.mid_a").func
    assert [r.name for r in reg] == [r.name for r in replaced]


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda reg: reg.get("demo.nope"), id="get"),
        pytest.param(lambda reg: reg.deregister("demo.nope"), id="deregister"),
        pytest.param(lambda reg: reg.replace("demo.nope", _other), id="replace"),
    ],
)
def test_unknown_rule_name_raises_config_error(call: Callable[[Registry], object]) -> None:
    with pytest.raises(quoteattr.ConfigError, match=r"no demo rule called 'demo\.nope'; see `quoteattr rules`"):
        call(_demo())


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(lambda: quoteattr.Config().without_rule("quote.nope"), "no quote rule called", id="without"),
        pytest.param(lambda: quoteattr.Config().without_rule("nope.rule"), "no stage 'nope'", id="without-stage"),
        pytest.param(
            lambda: quoteattr.Config().with_rule(Rule("nostage", 1, "", _noop)), "no stage 'nostage'", id="with-stage"
        ),
        pytest.param(lambda: quoteattr.Config().rules.stage("cue"), "no stage 'cue'", id="stage"),
    ],
)
def test_unknown_names_in_a_config_raise_config_error(call: Callable[[], object], message: str) -> None:
    with pytest.raises(quoteattr.ConfigError, match=message):
        call()


def test_config_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no quote rule"):
        quoteattr.Config().without_rule("quote.nope")


def test_default_rule_set_runs_stage_by_stage() -> None:
    rules = quoteattr.Config().rules
    assert list(STAGES) == list(dict.fromkeys(r.name.split(".", 1)[0] for r in rules.all()))
    for stage in STAGES:
        priorities = [r.priority for r in rules.stage(stage)]
        assert sorted(priorities, reverse=True) == priorities


def test_without_rule_leaves_the_default_config_unchanged() -> None:
    config = quoteattr.Config()
    smaller = config.without_rule("quote.continuation")
    assert ("quote.continuation" in config.rules.quote, "quote.continuation" in smaller.rules.quote) == (True, False)
    assert "quote.continuation" in quoteattr.Config().rules.quote


# -- rules change the output ---------------------------------------------------
CONTINUED = '"We are ready," Ann Lee said. "The cranes are here and the crews are trained."'


def _summary(result: quoteattr.Extraction) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(a.quote.text, None if a.speaker is None else a.speaker.name, a.rules) for a in result]


def test_continuation_rule_in_the_default_config() -> None:
    assert [
        ("We are ready,", "Ann Lee", ("quote.pair", "direct.after_quote", "speaker.name")),
        (
            "The cranes are here and the crews are trained.",
            "Ann Lee",
            ("quote.pair", "quote.continuation", "quote.continuation_sentence", "speaker.antecedent"),
        ),
    ] == _summary(quoteattr.extract(CONTINUED))


def test_without_continuation_rules_the_quote_is_unattributed() -> None:
    config = quoteattr.Config().without_rule("quote.continuation").without_rule("quote.recent_speaker")
    extractor = quoteattr.Extractor(config)
    assert [
        ("We are ready,", "Ann Lee", ("quote.pair", "direct.after_quote", "speaker.name")),
        ("The cranes are here and the crews are trained.", None, ("quote.pair", "quote.unattributed")),
    ] == _summary(extractor.extract(CONTINUED))


def test_without_pronoun_rule_she_is_unresolved() -> None:
    text = 'Ann Lee said the port would reopen in May. "We are ready," she said.'
    config = quoteattr.Config().without_rule("speaker.pronoun")
    assert [
        ("the port would reopen in May", "Ann Lee", ("reported.after_cue", "speaker.name")),
        ("We are ready,", "she", ("quote.pair", "direct.after_quote", "speaker.unresolved_pronoun")),
    ] == _summary(quoteattr.Extractor(config).extract(text))
    config = config.without_rule("speaker.unresolved_pronoun")
    assert [
        ("the port would reopen in May", "Ann Lee", ("reported.after_cue", "speaker.name")),
        ("We are ready,", None, ("quote.pair", "direct.after_quote")),
    ] == _summary(quoteattr.Extractor(config).extract(text))


_DASH = regex.compile(r"[ ]{0,2}[—–]")


def dash_signature(ctx: Context, q: Quotation) -> Frame | None:
    """'"We will win." — Ann Lee': a quotation signed after a dash."""
    view = ctx.doc.view
    para = ctx.paragraphs[ctx.paragraph_index(q.open)]
    dash = _DASH.match(view, q.outer_end, para.end)
    if dash is None:
        return None
    mention = find_mention_after(ctx.doc, ctx.lex, dash.end(), para.end)
    if mention is None:
        return None
    return Frame(
        start=q.content_start,
        end=q.content_end,
        kind=QuoteKind.DIRECT,
        rules=[*q.evidence, "direct.my_rule"],
        confidence=0.8,
        quotation=q,
        mention=mention,
    )


def test_user_rule_fires_and_is_named() -> None:
    text = "\u201cWe will win the vote.\u201d \u2014 Ann Lee"
    config = quoteattr.Config().with_rule(Rule("direct.my_rule", 200, '"..." — X', dash_signature))
    (a,) = quoteattr.Extractor(config).extract(text)
    assert ("We will win the vote.", "Ann Lee", Span(start=26, end=33, text="Ann Lee"), None, 0.8) == (
        a.quote.text,
        None if a.speaker is None else a.speaker.name,
        None if a.mention is None else a.mention.span,
        a.cue,
        a.confidence,
    )
    assert ("quote.pair", "direct.my_rule", "speaker.name") == a.rules
    assert [(None, ("quote.pair", "quote.unattributed"))] == [
        (None if x.speaker is None else x.speaker.name, x.rules) for x in quoteattr.extract(text)
    ]


def _claim_every_quote(ctx: Context, q: Quotation) -> Frame:
    return Frame(
        start=q.content_start,
        end=q.content_end,
        kind=QuoteKind.DIRECT,
        rules=[*q.evidence, "direct.my_rule"],
        confidence=0.5,
        quotation=q,
    )


@pytest.mark.parametrize(
    ("priority", "expected"),
    [
        pytest.param(200, ("quote.pair", "direct.my_rule"), id="before-defaults"),
        pytest.param(1, ("quote.pair", "direct.after_quote", "speaker.name"), id="after-defaults"),
    ],
)
def test_user_rule_priority_decides_which_rule_wins(priority: int, expected: tuple[str, ...]) -> None:
    config = quoteattr.Config().with_rule(Rule("direct.my_rule", priority, "claim", _claim_every_quote))
    (a,) = quoteattr.Extractor(config).extract('"We won the vote," Ann Lee said.')
    assert expected == a.rules


# -- names in Attribution.rules ------------------------------------------------
Recorder = Callable[..., Any]


def _recording(config: quoteattr.Config, name: str, seen: list[Any]) -> quoteattr.Config:
    """Return *config* with rule *name* wrapped so that what it produces is kept in *seen*."""
    stage = name.split(".", 1)[0]
    rule = config.rules.stage(stage).get(name)
    func = rule.func

    def frames(*args: Any) -> Frame | None:
        frame: Frame | None = func(*args)
        if frame is not None:
            seen.append(frame)
        return frame

    def many(ctx: Context) -> Iterable[Frame]:
        made = list(func(ctx))
        seen.extend(made)
        return made

    def speaker(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
        entity: Entity | None = func(tracker, match)
        if entity is not None:
            seen.append(match.span)
        return entity

    wrapper: Recorder = frames
    if stage == "quote":
        wrapper = many
    elif stage == "speaker":
        wrapper = speaker
    return config.with_rule(Rule(rule.name, rule.priority, rule.description, wrapper, rule.confidence))


def _produced(name: str, text: str, *, keep_aside: bool = False) -> list[quoteattr.Attribution]:
    """Return the attributions that the default rule *name* produced (or resolved, for speaker rules)."""
    seen: list[Any] = []
    config = _recording(quoteattr.Config(keep_aside=keep_aside), name, seen)
    result = quoteattr.Extractor(config).extract(text)
    if name.startswith("speaker."):
        return [a for a in result if a.mention is not None and a.mention.span in seen]
    spans = {(f.start, f.end) for f in seen}
    return [a for a in result if (a.quote.start, a.quote.end) in spans]


def _renamed(reason: str) -> Any:
    # The registered name comes first and the specific shape after it (rules.EVIDENCE).
    del reason
    return ()


RULE_CASES = [
    pytest.param("quote.title", 'The paper ran it under the headline "Port Will Reopen in May".', True, id="title"),
    pytest.param(
        "quote.continuation",
        CONTINUED,
        False,
        id="continuation-sentence",
        marks=_renamed(
            "quote.continuation records quote.continuation_sentence instead of its registered name: " + repr(CONTINUED)
        ),
    ),
    pytest.param(
        "quote.continuation",
        '"We are ready," Ann Lee said.\n\n"The cranes are here and the crews are trained."',
        False,
        id="continuation-paragraph",
        marks=_renamed(
            "quote.continuation records quote.continuation_paragraph instead of its registered name: "
            '\'"We are ready," Ann Lee said.\\n\\n"The cranes are here and the crews are trained."\''
        ),
    ),
    pytest.param(
        "quote.block",
        "Ann Lee said:\n\nThe port will reopen in May and the crews will be trained by the end of June.",
        False,
        id="block",
    ),
    pytest.param(
        "quote.headline_colon",
        "Port chief: No sale this year or next.\n\nThe port authority met on Monday.",
        False,
        id="headline-colon",
    ),
    pytest.param(
        "quote.transcript",
        "The hearing opened on Monday.\n\nKLEIN: We will not sell the port this year or next.",
        False,
        id="transcript",
    ),
    pytest.param(
        "direct.transcript",
        'The hearing opened on Monday.\n\n"KLEIN: Will you sell the port?\n\n"REYES: We will not sell it this year."',
        False,
        id="quoted-transcript",
    ),
    pytest.param("quote.scare", 'The plan, called a "bold step" by its backers, was shelved.', True, id="scare"),
    pytest.param(
        "quote.unattributed", '"The port will reopen in May and the crews are ready."', False, id="unattributed"
    ),
    pytest.param("direct.after_quote", '"We won the vote," Ann Lee said.', False, id="after-quote"),
    pytest.param(
        "direct.after_quote",
        '"We won the vote," said Ann Lee.',
        False,
        id="after-quote-inverted",
        marks=_renamed(
            "direct.after_quote records direct.after_quote_inverted instead of its registered name: "
            "'\"We won the vote,\" said Ann Lee.'"
        ),
    ),
    pytest.param(
        "direct.after_quote",
        '"We won the vote," according to Ann Lee.',
        False,
        id="after-quote-according-to",
        marks=_renamed(
            "direct.after_quote records direct.according_to instead of its registered name: "
            "'\"We won the vote,\" according to Ann Lee.'"
        ),
    ),
    pytest.param("direct.before_quote", 'Ann Lee said: "We won the vote."', False, id="before-quote"),
    pytest.param(
        "direct.headline_speaker",
        'Acme: "We will fight the ruling"\n\nThe company lost its case on Monday.',
        False,
        id="headline-speaker",
    ),
    pytest.param(
        "direct.headline_quote_first",
        '"Not Guilty": Ann Lee Says Verdict Stands\n\nThe court ruled on Monday.',
        False,
        id="headline-quote-first",
    ),
    pytest.param("direct.colon_intro", 'Ann Lee was blunt: "We will not pay the fine."', False, id="colon-intro"),
    pytest.param("reported.sentence_final", "The port will reopen in May, Ann Lee said.", False, id="sentence-final"),
    pytest.param(
        "reported.sentence_final",
        "The port will reopen in May, said Ann Lee.",
        False,
        id="sentence-final-inverted",
        marks=_renamed(
            "reported.sentence_final records reported.inverted_final instead of its registered name: "
            "'The port will reopen in May, said Ann Lee.'"
        ),
    ),
    pytest.param(
        "reported.sentence_final",
        "The port will reopen in May, according to Ann Lee.",
        False,
        id="sentence-final-according-to",
        marks=_renamed(
            "reported.sentence_final records reported.according_to_final instead of its registered name: "
            "'The port will reopen in May, according to Ann Lee.'"
        ),
    ),
    pytest.param("reported.parenthetical", "The port, Ann Lee said, will reopen in May.", False, id="parenthetical"),
    pytest.param(
        "reported.according_to_first", "According to Ann Lee, the port will reopen in May.", False, id="according-to"
    ),
    pytest.param("reported.after_cue", "Ann Lee said the port will reopen in May.", False, id="after-cue"),
    pytest.param(
        "reported.after_cue",
        "Ann Lee said that the port will reopen in May.",
        False,
        id="after-cue-that",
        marks=_renamed(
            "reported.after_cue records reported.after_cue_that instead of its registered name: "
            "'Ann Lee said that the port will reopen in May.'"
        ),
    ),
    pytest.param(
        "reported.after_cue",
        "Acme Corp cut 500 jobs and said the cuts were needed.",
        False,
        id="after-cue-coordinated",
        marks=_renamed(
            "reported.after_cue records reported.coordinated instead of its registered name: "
            "'Acme Corp cut 500 jobs and said the cuts were needed.'"
        ),
    ),
    pytest.param(
        "reported.participle", "Ann Lee defended the plan, saying the port will reopen in May.", False, id="participle"
    ),
    pytest.param(
        "quote.characterised",
        "Ann Lee called the port plan “a gift to the shipping lobby.”",
        False,
        id="characterised",
    ),
    pytest.param(
        "quote.signature",
        'The senator spoke.\n\n"Every time you buy a stock, you pay a tax."\n\n- Ann Lee.',
        False,
        id="signature",
    ),
    pytest.param(
        "quote.recent_speaker",
        '"We are ready," Ann Lee said.\n\nShe spoke only in bromides.\n\n"The port will reopen in May."',
        False,
        id="recent-speaker",
    ),
    pytest.param("speaker.unresolved_pronoun", '"We are ready," she said.', False, id="unresolved-pronoun"),
    pytest.param("speaker.first_person", '"We are ready," I said.', False, id="first-person"),
    pytest.param(
        "quote.continuation",
        '"We are ready," Ann Lee said. "The port will reopen in May."',
        False,
        id="continuation-alone",
    ),
    pytest.param("reported.infinitive", "Ann Lee vowed to reopen the port in May.", False, id="infinitive"),
    pytest.param("reported.object", "The port authority announced a new schedule for May.", False, id="object"),
    pytest.param(
        "quote.sentence_subject",
        "Ann Lee worried that the plan was becoming \u201ca hammock for the idle.\u201d",
        False,
        id="sentence-subject",
    ),
    pytest.param("reported.answer", "Asked whether the port would reopen, Ann Lee said yes.", False, id="answer"),
    pytest.param(
        "reported.question", "Ann Lee asked the minister whether the port would reopen.", False, id="question"
    ),
    pytest.param(
        "reported.as_source", "As the Daily Ledger reported, the port will reopen in May.", False, id="as-source"
    ),
    pytest.param(
        "reported.after_cue",
        "Even the owner of a small bakery said the port will reopen in May.",
        False,
        id="after-cue-loose-subject",
        marks=_renamed(
            "reported.after_cue records reported.loose_subject instead of its registered name: "
            "'Even the owner of a small bakery said the port will reopen in May.'"
        ),
    ),
    pytest.param("speaker.coordinated", "Britain and France said the deal was dead.", False, id="coordinated"),
    pytest.param(
        "speaker.relative", "Ann Lee, who said the port will reopen in May, left early.", False, id="relative"
    ),
    pytest.param(
        "speaker.pronoun", 'Ann Lee said the port would reopen in May. "We are ready," she said.', False, id="pronoun"
    ),
    pytest.param(
        "speaker.document",
        'Acme said in a statement that the plant would close.\n\n"We regret this decision," the statement continued.',
        False,
        id="document",
    ),
    pytest.param(
        "speaker.definite_role",
        'Ann Lee, a spokesman for the ministry, said the port would reopen.\n\n"The date is firm," the spokesman said.',
        False,
        id="definite-role",
    ),
    pytest.param(
        "speaker.organisation_nominal",
        "Acme Corp said it would cut jobs.\n\nThe company said the cuts would start in May.",
        False,
        id="organisation-nominal",
    ),
    pytest.param("speaker.name", '"We won the vote," Ann Lee said.', False, id="name"),
    pytest.param(
        "speaker.anonymous", "A company spokeswoman said the plant would close in May.", False, id="anonymous"
    ),
    pytest.param(
        "speaker.anonymous",
        "A ministry spokesman said the talks had stalled.\n\nLi Wei, the spokesman, said the talks would resume.",
        False,
        id="anonymous-named-later",
    ),
]


@pytest.mark.parametrize(("name", "text", "keep_aside"), RULE_CASES)
def test_default_rule_name_is_in_the_rules_of_what_it_produced(name: str, text: str, keep_aside: bool) -> None:
    produced = _produced(name, text, keep_aside=keep_aside)
    assert len(produced) >= 1, f"{name} produced nothing on {text!r}"
    assert [name] * len(produced) == [name if name in a.rules else a.rules for a in produced]


def test_every_default_rule_has_a_case() -> None:
    covered = {p.values[0] for p in RULE_CASES}
    # quote.fragments only adds fragments to frames other rules built; it produces no attribution.
    assert {r.name for r in quoteattr.Config().rules.all()} - {"quote.fragments"} == covered


QUOTE_MARK_EVIDENCE = {"quote.pair", "quote.paragraph_reopen", "quote.unterminated"}


def test_every_name_in_attribution_rules_is_registered() -> None:
    registered = {r.name for r in quoteattr.Config().rules.all()} | QUOTE_MARK_EVIDENCE | set(EVIDENCE)
    used: set[str] = set()
    for case in RULE_CASES:
        _name, text, keep_aside = case.values
        assert isinstance(text, str)
        used.update(
            n for a in quoteattr.Extractor(quoteattr.Config(keep_aside=bool(keep_aside))).extract(text) for n in a.rules
        )
    assert set() == used - registered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"It will take years.\n\n"We start in May," Ann Lee said.',
            ("quote.pair", "quote.paragraph_reopen", "direct.after_quote", "speaker.name"),
            id="reopened",
        ),
        pytest.param(
            '"We will not sell the port," Ann Lee said. "We will never sell it, not this year',
            (
                "quote.pair",
                "quote.unterminated",
                "quote.continuation",
                "quote.continuation_sentence",
                "speaker.antecedent",
            ),
            id="unterminated",
        ),
    ],
)
def test_quote_mark_evidence_comes_first(text: str, expected: tuple[str, ...]) -> None:
    assert expected == quoteattr.extract(text)[-1].rules


# -- `quoteattr rules` ---------------------------------------------------------
def test_rules_command_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["rules"])
    out, err = capsys.readouterr()
    registered, _, evidence = out.partition("\nother names in Attribution.rules:\n")
    rows = [(line[:36].rstrip(), int(line[37:41]), line[43:]) for line in registered.splitlines()]
    assert [(r.name, r.priority, r.description) for r in quoteattr.Config().rules.all()] == rows
    assert list(EVIDENCE) == [line[:36].rstrip() for line in evidence.splitlines()]
    assert "" == err


def test_rule_set_stage_returns_the_registry() -> None:
    rules: RuleSet = quoteattr.Config().rules
    assert [rules.quote, rules.direct, rules.reported, rules.speaker] == [rules.stage(s) for s in STAGES]
