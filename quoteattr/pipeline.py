"""The configured extractor: lexicons, rules and limits, built once and reused.

>>> ex = Extractor(Config().with_verbs({"quip"}))
>>> [(a.speaker.name, a.cue.text) for a in ex.extract('"Nice hat," quipped Ann Lee.')]
[('Ann Lee', 'quipped')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import attrs

from quoteattr import assemble
from quoteattr.attribute import Settings
from quoteattr.document import Document
from quoteattr.errors import ConfigError, DocumentTooLargeError
from quoteattr.lexicons import DEFAULT, Lexicons
from quoteattr.models import Extraction
from quoteattr.patterns import patterns_for
from quoteattr.rules import Rule, RuleSet

__all__ = ["DEFAULT_MAX_CHARS", "Config", "Extractor", "default_extractor", "extract"]

DEFAULT_MAX_CHARS = 10_000_000


def _positive(_inst: object, attr: attrs.Attribute[int], value: int) -> None:
    if value <= 0:
        raise ConfigError(f"{attr.name} must be positive, not {value}")


@attrs.frozen(kw_only=True)
class Config:
    """How to extract: word lists, rules and limits. Immutable; ``with_*`` give new configs.

    - ``max_chars``: longer documents raise :class:`DocumentTooLargeError`;
    - ``cognition``: also treat belief and intention verbs ("believes",
      "wants") as cues;
    - ``keep_aside``: also return scare quotes and titles as attributions
      (with their role and a low confidence);
    - ``continuation`` and ``block_quotes``: switch those rules' shapes off.
    """

    lexicons: Lexicons = DEFAULT
    rules: RuleSet = assemble.DEFAULT_RULES
    max_chars: int = attrs.field(default=DEFAULT_MAX_CHARS, validator=_positive)
    cognition: bool = False
    keep_aside: bool = False
    continuation: bool = True
    block_quotes: bool = True
    scare_max_words: int = attrs.field(default=4, validator=_positive)

    def with_verbs(self, verbs: Iterable[str]) -> Config:
        """Return a config whose reporting verbs include *verbs* (lemmas)."""
        return attrs.evolve(self, lexicons=self.lexicons.with_added(reporting_verbs=verbs))

    def with_lexicons(self, **lists: Iterable[str]) -> Config:
        """Return a config with words added to the named lexicons (``titles=...``)."""
        return attrs.evolve(self, lexicons=self.lexicons.with_added(**lists))

    def with_rule(self, rule: Rule) -> Config:
        """Return a config with *rule* added (or replacing the rule of that name)."""
        return attrs.evolve(self, rules=self.rules.with_rule(rule))

    def without_rule(self, name: str) -> Config:
        """Return a config without the rule called *name*."""
        return attrs.evolve(self, rules=self.rules.without(name))


@attrs.frozen
class Extractor:
    """Extract attributions with one configuration; build once, call many times.

    Extraction is a pure function of the text: the same text gives the same
    result, and an extractor can be shared between threads.
    """

    config: Config = attrs.field(factory=Config)
    settings: Settings = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        patterns_for(self.config.lexicons)  # compile now, not on the first document
        object.__setattr__(
            self,
            "settings",
            Settings(
                scare_max_words=self.config.scare_max_words,
                continuation=self.config.continuation,
                block_quotes=self.config.block_quotes,
                cognition=self.config.cognition,
            ),
        )

    def extract(self, text: str) -> Extraction:
        """Return every attribution in *text*, in text order.

        Raises :class:`TypeError` for a non-``str`` and
        :class:`DocumentTooLargeError` past ``config.max_chars``.
        """
        if not isinstance(text, str):
            raise TypeError(f"quoteattr extracts from str, not {type(text).__name__}")
        if len(text) > self.config.max_chars:
            raise DocumentTooLargeError(len(text), self.config.max_chars)
        return assemble.run(
            Document(text), self.config.lexicons, self.config.rules, self.settings, keep_aside=self.config.keep_aside
        )

    def extract_many(self, texts: Iterable[str]) -> Iterator[Extraction]:
        """Extract from each text in turn, lazily."""
        for text in texts:
            yield self.extract(text)


@functools.lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """Return the extractor with the default configuration, built on first use."""
    return Extractor()


def extract(text: str) -> Extraction:
    """Extract attributions from *text* with the default configuration.

    >>> [(a.quote.text, a.speaker.name) for a in extract('"We won," said Ann Lee.')]
    [('We won,', 'Ann Lee')]
    """
    return default_extractor().extract(text)
