"""quoteattr: who said what in English news text.

>>> import quoteattr
>>> result = quoteattr.extract('"We will appeal," Maria Lopez, the union\\'s lawyer, said on Monday.')
>>> a = result[0]
>>> a.quote.text, a.speaker.name, a.cue.text, a.quote.kind.value
('We will appeal,', 'Maria Lopez', 'said', 'direct')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from quoteattr.errors import ConfigError, DataError, DocumentTooLargeError, QuoteattrError
from quoteattr.lexicons import Lexicons
from quoteattr.models import (
    Attribution,
    Cue,
    Extraction,
    Mention,
    MentionKind,
    Quote,
    QuoteKind,
    QuoteRole,
    Span,
    Speaker,
    SpeakerKind,
)
from quoteattr.pipeline import Config, Extractor, extract
from quoteattr.rules import Registry, Rule, RuleSet

__all__ = [
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
]

__version__ = "0.1.0"


def extract_many(texts: Iterable[str]) -> Iterator[Extraction]:
    """Extract from each text in turn with the default configuration, lazily."""
    for text in texts:
        yield extract(text)
