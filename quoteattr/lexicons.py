"""Word lists the rules match against, kept as data files in ``lexicons/``.

Each file has a ``#`` header saying what belongs and what does not. They are
read once; users extend them by building a new object, never by changing
shared state:

>>> lex = DEFAULT.with_added(reporting_verbs={"harrumph", "opine"})
>>> lex.verb_forms()["harrumphed"], "harrumph" in DEFAULT.reporting_verbs
('harrumph', False)
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from quoteattr.errors import ConfigError

__all__ = ["DEFAULT", "Lexicons", "inflect", "load_default"]

_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z")
_VOWELS = "aeiou"


def inflect(lemma: str) -> tuple[str, ...]:
    """Return the regular inflections of a verb lemma: -s, -ed and -ing forms.

    Doubling of a final consonant ("admit" -> "admitted") is not guessed:
    write such verbs out in the lexicon file.

    >>> inflect("note"), inflect("deny"), inflect("stress"), inflect("say")
    (('notes', 'noted', 'noting'), ('denies', 'denied', 'denying'), ('stresses', 'stressed', 'stressing'), ('says', 'sayed', 'saying'))
    """
    words = lemma.split(" ", 1)
    head, rest = words[0], (" " + words[1] if len(words) > 1 else "")
    if head.endswith("ee"):
        forms = (head + "s", head + "d", head + "ing")
    elif head.endswith("e"):
        forms = (head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and len(head) > 1 and head[-2] not in _VOWELS:
        forms = (head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(_SIBILANT_ENDINGS):
        forms = (head + "es", head + "ed", head + "ing")
    else:
        forms = (head + "s", head + "ed", head + "ing")
    return tuple(f + rest for f in forms)


def _read_lines(name: str) -> list[str]:
    resource = importlib.resources.files("quoteattr") / "lexicons" / name
    lines = resource.read_text(encoding="utf-8").splitlines()
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


def _read_verbs(name: str) -> tuple[frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]]:
    lemmas: set[str] = set()
    written: list[tuple[str, tuple[str, ...]]] = []
    for line in _read_lines(name):
        lemma, sep, forms = line.partition(":")
        lemma = lemma.strip()
        lemmas.add(lemma)
        if sep:
            # Multi-word forms ("pointed out") are separated by the lemma's word count.
            parts = forms.split()
            size = len(lemma.split())
            written.append((lemma, tuple(" ".join(parts[i : i + size]) for i in range(0, len(parts), size))))
    return frozenset(lemmas), tuple(written)


def _pair(line: str) -> tuple[str, str]:
    word, _, gender = line.rpartition(" ")
    if gender not in ("f", "m") or not word:
        raise ConfigError(f"a genders.txt line is 'word f' or 'word m', not {line!r}")
    return word, gender


def _frozen_map(values: Mapping[str, str]) -> Mapping[str, str]:
    if isinstance(values, str) or not isinstance(values, Mapping):
        raise ConfigError("genders is a mapping from words to 'f' or 'm'")
    if any(g not in ("f", "m") for g in values.values()):
        raise ConfigError("genders maps words to 'f' or 'm'")
    return MappingProxyType(dict(values))


def _frozen_set(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        raise ConfigError("a lexicon is a collection of strings, not one string")
    return frozenset(values)


@attrs.frozen(kw_only=True, cache_hash=True)
class Lexicons:
    """All word lists, as immutable sets.

    ``verb_forms`` maps every inflected form of a reporting verb to its lemma;
    ``irregular`` holds the forms written out in the data files.
    """

    reporting_verbs: frozenset[str] = attrs.field(converter=_frozen_set)
    cognition_verbs: frozenset[str] = attrs.field(converter=_frozen_set)
    irregular: tuple[tuple[str, tuple[str, ...]], ...] = ()
    titles: frozenset[str] = attrs.field(converter=_frozen_set)
    role_nouns: frozenset[str] = attrs.field(converter=_frozen_set)
    organisation_nouns: frozenset[str] = attrs.field(converter=_frozen_set)
    document_nouns: frozenset[str] = attrs.field(converter=_frozen_set)
    organisation_words: frozenset[str] = attrs.field(converter=_frozen_set)
    corporate_suffixes: frozenset[str] = attrs.field(converter=_frozen_set)
    places: frozenset[str] = attrs.field(converter=_frozen_set)
    pronouns: tuple[tuple[str, str, str], ...] = ()
    abbreviations: frozenset[str] = attrs.field(converter=_frozen_set)
    adverbs: frozenset[str] = attrs.field(converter=_frozen_set)
    bare_clause_verbs: frozenset[str] = attrs.field(converter=_frozen_set, factory=frozenset)
    institution_nouns: frozenset[str] = attrs.field(converter=_frozen_set, factory=frozenset)
    characterising_verbs: frozenset[str] = attrs.field(converter=_frozen_set, factory=frozenset)
    infinitive_verbs: frozenset[str] = attrs.field(converter=_frozen_set, factory=frozenset)
    object_verbs: frozenset[str] = attrs.field(converter=_frozen_set, factory=frozenset)
    page_labels: frozenset[str] = attrs.field(converter=_frozen_set, factory=frozenset)
    genders: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_map, hash=False, eq=True)

    def with_added(self, **lists: Iterable[str]) -> Lexicons:
        """Return a copy with words added to the named lists.

        >>> "opine" in DEFAULT.with_added(reporting_verbs=["opine"]).reporting_verbs
        True
        """
        changes: dict[str, Any] = {}
        for name, words in lists.items():
            current = getattr(self, name, None)
            if isinstance(current, Mapping) and isinstance(words, Mapping):
                changes[name] = {**current, **words}  # genders: {"Ariadne": "f"}
                continue
            if not isinstance(current, frozenset):
                raise ConfigError(f"no word list called {name!r}")
            changes[name] = current | _frozen_set(words)
        return attrs.evolve(self, **changes)

    def with_removed(self, **lists: Iterable[str]) -> Lexicons:
        """Return a copy with words removed from the named lists."""
        changes: dict[str, Any] = {}
        for name, words in lists.items():
            current = getattr(self, name, None)
            if isinstance(current, Mapping):
                gone = _frozen_set(words)
                changes[name] = {k: v for k, v in current.items() if k not in gone}
                continue
            if not isinstance(current, frozenset):
                raise ConfigError(f"no word list called {name!r}")
            changes[name] = current - _frozen_set(words)
        return attrs.evolve(self, **changes)

    def verb_forms(self, *, cognition: bool = False) -> Mapping[str, str]:
        """Map every form of every reporting verb (and cognition verb) to its lemma."""
        return _forms_of(self, "cognition" if cognition else "reporting")

    def characterising_forms(self) -> Mapping[str, str]:
        """Map every form of every characterising verb ("called", "dubbed") to its lemma."""
        return _forms_of(self, "characterising")


@functools.lru_cache(maxsize=32)
def _forms_of(lex: Lexicons, which: str) -> Mapping[str, str]:
    """Return the "reporting", "cognition" (reporting and cognition) or "characterising" verb forms of *lex*.

    Keyed by the lexicons, whose hash is cached: the stages ask on every
    document, and a lookup here costs less than hashing the word lists again.
    """
    if which == "characterising":
        return _verb_forms(lex.characterising_verbs, frozenset(), lex.irregular)
    return _verb_forms(lex.reporting_verbs, lex.cognition_verbs if which == "cognition" else frozenset(), lex.irregular)


@functools.lru_cache(maxsize=32)
def _verb_forms(
    reporting: frozenset[str],
    cognition: frozenset[str],
    irregular: tuple[tuple[str, tuple[str, ...]], ...],
) -> Mapping[str, str]:
    written = dict(irregular)
    forms: dict[str, str] = {}
    for lemma in sorted(reporting | cognition):
        for form in (lemma, *written.get(lemma, inflect(lemma))):
            forms.setdefault(form, lemma)
    return MappingProxyType(forms)


def load_default() -> Lexicons:
    """Read the lexicons shipped with the package."""
    reporting, irregular_r = _read_verbs("reporting_verbs.txt")
    cognition, irregular_c = _read_verbs("cognition_verbs.txt")
    characterising, irregular_k = _read_verbs("characterising_verbs.txt")
    pronouns = tuple((parts[0], parts[1], parts[2]) for parts in (line.split() for line in _read_lines("pronouns.txt")))
    return Lexicons(
        reporting_verbs=reporting,
        cognition_verbs=cognition,
        irregular=irregular_r + irregular_c + irregular_k,
        titles=_read_lines("titles.txt"),
        role_nouns=_read_lines("role_nouns.txt"),
        organisation_nouns=_read_lines("organisation_nouns.txt"),
        document_nouns=_read_lines("document_nouns.txt"),
        organisation_words=_read_lines("organisation_words.txt"),
        corporate_suffixes=_read_lines("corporate_suffixes.txt"),
        places=_read_lines("places.txt"),
        pronouns=pronouns,
        abbreviations=_read_lines("abbreviations.txt"),
        adverbs=_read_lines("adverbs.txt"),
        bare_clause_verbs=_read_lines("bare_clause_verbs.txt"),
        institution_nouns=_read_lines("institution_nouns.txt"),
        characterising_verbs=characterising,
        infinitive_verbs=_read_lines("infinitive_verbs.txt"),
        object_verbs=_read_lines("object_verbs.txt"),
        page_labels=_read_lines("page_labels.txt"),
        genders=dict(_pair(line) for line in _read_lines("genders.txt")),
    )


DEFAULT = load_default()
