"""Typed errors raised by quoteattr.

Every error the library raises on purpose derives from :class:`QuoteattrError`,
so callers can catch one family. A non-``str`` input to :func:`quoteattr.extract`
is a plain :class:`TypeError`, as Python's own functions do.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DataError",
    "DocumentTooLargeError",
    "QuoteattrError",
]


class QuoteattrError(Exception):
    """Base class of every error quoteattr raises on purpose."""


class DocumentTooLargeError(QuoteattrError, ValueError):
    """Raise when a document is longer than the extractor's ``max_chars``.

    >>> str(DocumentTooLargeError(12, 10))
    'document has 12 characters, more than the limit of 10 (raise Config.max_chars to allow it)'
    """

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            f"document has {size} characters, more than the limit of {limit} (raise Config.max_chars to allow it)"
        )


class ConfigError(QuoteattrError, ValueError):
    """Raise when a configuration, rule or lexicon is invalid."""


class DataError(QuoteattrError, ValueError):
    """Raise when serialised data (JSON, JSON Lines) does not have the documented shape."""
