"""Named, prioritised extraction rules, in registries users can change.

Like the registries of Python-Markdown, each rule has a name, a priority
(higher runs first) and a one-line description; a registry can list, remove,
replace and add rules, and every change gives a new registry, so a
configuration never changes shared state:

>>> reg = Registry("demo").register(Rule("demo.a", 10, "first", print))
>>> [r.name for r in reg.register(Rule("demo.b", 20, "second", print))]
['demo.b', 'demo.a']

Every :class:`~quoteattr.models.Attribution` names the rules that produced
it, with these names. The four stages that use rules:

- ``quote``: rules that turn unattributed quotations (and headlines "Name: words") into attributions or
  set them aside (continuation, block quotes, scare quotes, titles);
- ``direct``: cue placements around a quotation (``"...," X said``);
- ``reported``: reported-speech shapes around a cue (``X said that ...``);
- ``speaker``: how a mention resolves to a speaker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

from quoteattr.errors import ConfigError

__all__ = ["EVIDENCE", "STAGES", "Registry", "Rule", "RuleSet"]

STAGES = ("quote", "direct", "reported", "speaker")

# Names that appear in ``Attribution.rules`` besides the registered rules'
# own: quote-mark evidence, the specific shape a registered rule matched
# (recorded right after that rule's name), and steps of speaker resolution.
EVIDENCE: dict[str, str] = {
    "quote.pair": "an opening and a closing mark were paired",
    "quote.paragraph_reopen": "the quotation runs on into a paragraph that opens with a mark again",
    "quote.unterminated": "the quotation was never closed and ends with its paragraph",
    "direct.after_quote_inverted": "shape of direct.after_quote: '\"...,\" said X.'",
    "direct.according_to": "shape of direct.after_quote/before_quote: '\"...,\" according to X.'",
    "reported.inverted_final": "shape of reported.sentence_final: 'CLAUSE, said X.'",
    "reported.according_to_final": "shape of reported.sentence_final: 'CLAUSE, according to X.'",
    "reported.after_cue_that": "shape of reported.after_cue: 'X said that CLAUSE'",
    "reported.loose_subject": "shape of reported.after_cue: any short noun phrase before the cue ('Even the owner of a bakery said CLAUSE')",
    "reported.coordinated": "shape of reported.after_cue: 'X did something and said CLAUSE'",
    "quote.continuation_sentence": "shape of quote.continuation: in the same paragraph",
    "quote.continuation_paragraph": "shape of quote.continuation: a paragraph that opens with the quotation",
    "speaker.antecedent": "a continuation takes the speaker of the quotation it continues",
    "speaker.document_owner": 'a block quote takes the owner of the document last named ("the Acme report")',
    "speaker.named_later": "an anonymous speaker took the name of a person named later with the same role",
}


@attrs.frozen
class Rule:
    """One rule: a name like ``"direct.after_quote"``, a priority, a description and a function.

    The function's signature depends on the stage (see docs/rules.md). It
    returns a result or ``None`` when it does not apply; the next rule is
    tried then.
    """

    name: str
    priority: int
    description: str
    func: Callable[..., Any] = attrs.field(eq=False, repr=False)
    confidence: float = 1.0


@attrs.frozen
class Registry:
    """An immutable, ordered set of rules of one stage."""

    stage: str
    rules: tuple[Rule, ...] = ()
    # The rules in the order they run (highest priority first), sorted once.
    _ordered: tuple[Rule, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_ordered", tuple(sorted(self.rules, key=lambda r: (-r.priority, r.name))))

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._ordered)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, name: object) -> bool:
        return any(r.name == name for r in self.rules)

    def get(self, name: str) -> Rule:
        """Return the rule called *name*."""
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise ConfigError(f"no {self.stage} rule called {name!r}; see `quoteattr rules`")

    def register(self, rule: Rule) -> Registry:
        """Return a registry with *rule* added (or replacing the rule of the same name)."""
        kept = tuple(r for r in self.rules if r.name != rule.name)
        return attrs.evolve(self, rules=(*kept, rule))

    def deregister(self, name: str) -> Registry:
        """Return a registry without the rule called *name*."""
        self.get(name)
        return attrs.evolve(self, rules=tuple(r for r in self.rules if r.name != name))

    def replace(self, name: str, func: Callable[..., Any]) -> Registry:
        """Return a registry where the rule *name* runs *func* instead, keeping its priority."""
        old = self.get(name)
        return self.register(attrs.evolve(old, func=func))


@attrs.frozen
class RuleSet:
    """The four registries an extractor uses."""

    quote: Registry
    direct: Registry
    reported: Registry
    speaker: Registry

    def stage(self, name: str) -> Registry:
        """Return the registry of a stage."""
        if name not in STAGES:
            raise ConfigError(f"no stage {name!r}: stages are {', '.join(STAGES)}")
        registry: Registry = getattr(self, name)
        return registry

    def with_rule(self, rule: Rule) -> RuleSet:
        """Return a rule set with *rule* added to its stage (the prefix of its name)."""
        stage = rule.name.split(".", 1)[0]
        return attrs.evolve(self, **{stage: self.stage(stage).register(rule)})

    def without(self, name: str) -> RuleSet:
        """Return a rule set without the rule *name*."""
        stage = name.split(".", 1)[0]
        return attrs.evolve(self, **{stage: self.stage(stage).deregister(name)})

    def all(self) -> Iterator[Rule]:
        """Yield every rule, stage by stage, in the order they run."""
        for stage in STAGES:
            yield from self.stage(stage)
