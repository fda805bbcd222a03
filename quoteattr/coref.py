"""Stage 6: resolve mentions to speakers.

A left-to-right pass keeps one entity per speaker. Each mention is handed to
the speaker rules in priority order (see :mod:`quoteattr.rules`); the first
that returns an entity wins. The defaults:

- a full name opens or joins an entity; a part of it ("Lee", "Roe") joins
  the last entity whose name holds that word, a company's short name
  ("Acme") the entity of "Acme Corp";
- "he"/"she" join the last person (or unknown) speaker, "it" the last
  organisation, "they" the last group or organisation;
- "the spokesman" joins the last entity described as a spokesman, "the
  statement" the entity that made a statement, "the company" the last
  organisation;
- "a ministry spokesman" opens an anonymous entity, which takes the name of
  a person later described with the same role ("Li Wei, the spokesman").

Names are scanned once over the document first, so a surname can resolve to
a full name written outside any attribution ("Minister Li Wei met ...").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
import regex

from quoteattr.document import Document
from quoteattr.lexicons import Lexicons
from quoteattr.mentions import DETERMINERS, MentionMatch, find_subject, head_noun, name_tokens
from quoteattr.models import Mention, MentionKind, Speaker, SpeakerKind
from quoteattr.patterns import FUNCTION_WORDS, patterns_for
from quoteattr.segment import SENTENCE_OPENERS

__all__ = ["Entity", "EntityTracker", "NameIndex", "canonical_org", "index_names", "role_family"]

_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "rep", "sen", "gov"})


def role_family(noun: str) -> str:
    """Fold role nouns that mean the same job into one.

    >>> role_family("spokeswoman"), role_family("officials")
    ('spokesperson', 'official')
    """
    noun = noun.lower()
    if noun.startswith("spokes"):
        return "spokesperson"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


def canonical_org(tokens: Sequence[str], lex: Lexicons) -> tuple[str, ...]:
    """Drop corporate suffixes from an organisation's name.

    >>> from quoteattr.lexicons import DEFAULT
    >>> canonical_org(("Acme", "Technologies", "Co", "Ltd"), DEFAULT)
    ('Acme',)
    """
    words = list(tokens)
    while len(words) > 1 and words[-1] in lex.corporate_suffixes:
        words.pop()
    return tuple(words)


# Titles written without a full stop that tell a gender ("Miss Lee", "Sir John").
_GENDER_TITLES = frozenset({"Miss", "Madam", "Sir", "Lady", "Lord", "Dame"})
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that"})
_HEAD_STOPS = frozenset({"of", "for", "at", "with", "from", "to", "in", "on", "and", "who", "which", "that"})


@attrs.define
class Entity:
    """A speaker being built: its names, kind, descriptors and mentions."""

    ident: int
    tokens: tuple[str, ...]
    name: str
    kind: SpeakerKind
    anonymous: bool = False
    roles: set[str] = attrs.field(factory=set)
    documents: set[str] = attrs.field(factory=set)
    descriptors: list[str] = attrs.field(factory=list)
    affiliation: str | None = None
    mentions: list[Mention] = attrs.field(factory=list)
    mention_set: set[Mention] = attrs.field(factory=set, repr=False)  # the mentions, for a quick membership test
    plural: bool = False
    first_person: bool = False  # "I" or "we": the writer, never what "he" or "they" refer back to
    gender: str | None = None  # "f" or "m" once a name, title, role or pronoun tells it; "n" for a document ("the ad")
    folded: tuple[str, ...] = attrs.field(init=False)  # the name words in lower case

    def __attrs_post_init__(self) -> None:
        self.folded = tuple(t.lower() for t in self.tokens)

    def to_speaker(self) -> Speaker:
        """Freeze into a :class:`Speaker`."""
        return Speaker(
            name=self.name,
            kind=self.kind,
            mentions=tuple(sorted(self.mentions, key=lambda m: m.span.start)),
            descriptors=tuple(dict.fromkeys(self.descriptors)),
            affiliation=self.affiliation,
        )


@attrs.frozen
class NameIndex:
    """Every capitalised name run in the document, in order, for back-references.

    ``orgs`` maps an organisation's name without its corporate suffixes to the
    first name written so; the word and suffix tables behind
    :meth:`last_with_word` and :meth:`last_ending_with` are built on first use.
    """

    starts: tuple[int, ...]
    names: tuple[tuple[tuple[str, ...], SpeakerKind], ...]
    short_orgs: dict[str, int] = attrs.field(factory=dict, eq=False)  # "acme" -> first "Acme Corp"
    orgs: dict[tuple[str, ...], int] = attrs.field(factory=dict, eq=False)  # ("Acme",) -> first "Acme Corp"
    _tables: dict[str, dict[tuple[str, ...], list[int]]] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def before(self, offset: int) -> range:
        """Return the indices of the names that start before ``offset``, nearest last."""
        return range(bisect.bisect_left(self.starts, offset) - 1, -1, -1)

    def _table(self, name: str) -> dict[tuple[str, ...], list[int]]:
        """Return a lookup table from lower-case words to the indices of the names they key, ascending.

        ``"words"`` keys each name of two words or more by each of its words;
        ``"suffixes"`` keys each name by each of its shorter endings.
        """
        table = self._tables.get(name)
        if table is None:
            table = {}
            words = name == "words"
            for k, (tokens, _kind) in enumerate(self.names):
                if len(tokens) < 2:
                    continue  # a one-word name has no other word and no shorter ending
                folded = tuple([t.lower() for t in tokens])
                keys = [(w,) for w in dict.fromkeys(folded)] if words else [folded[i:] for i in range(1, len(folded))]
                for key in keys:
                    found = table.get(key)
                    if found is None:
                        table[key] = [k]
                    else:
                        found.append(k)
            self._tables[name] = table
        return table

    def _last(self, name: str, key: tuple[str, ...], offset: int) -> int | None:
        """Return the index of the nearest name before ``offset`` that ``key`` finds in table *name*."""
        found = self._table(name).get(key)
        if not found:
            return None
        i = bisect.bisect_right(found, bisect.bisect_left(self.starts, offset) - 1) - 1
        return found[i] if i >= 0 else None

    def last_with_word(self, word: str, offset: int) -> int | None:
        """Return the index of the nearest name of two words or more before ``offset`` that holds *word*.

        Words are compared in lower case; *word* is given in lower case.
        """
        return self._last("words", (word,), offset)

    def last_ending_with(self, folded: tuple[str, ...], offset: int) -> int | None:
        """Return the index of the nearest name before ``offset`` that is longer than and ends with *folded*.

        Words are compared in lower case; *folded* is given in lower case.
        """
        return self._last("suffixes", folded, offset)

    def organisation_before(self, tokens: tuple[str, ...], offset: int) -> bool:
        """Tell whether an organisation written *tokens* plus corporate suffixes starts before ``offset``."""
        k = self.orgs.get(tokens)
        return k is not None and k < bisect.bisect_left(self.starts, offset)


def _name_kind(tokens: Sequence[str], lex: Lexicons, titled: bool) -> SpeakerKind:
    if not lex.organisation_words.isdisjoint(tokens) or " ".join(tokens) in lex.places:
        return SpeakerKind.ORGANISATION
    if titled or len(tokens) >= 2:
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN


def _strip_titles(run: str, lex: Lexicons, verbs: Mapping[str, str]) -> tuple[tuple[str, ...], bool]:
    """Return a name run's words without the titles and function words before the name, and whether it had a title.

    A run (a match of ``name_run``) holds no possessive, so its words are its
    space-separated parts, as :func:`name_tokens` would split them.

    >>> from quoteattr.lexicons import DEFAULT
    >>> _strip_titles("But Chinese President Xi Jinping", DEFAULT, DEFAULT.verb_forms())
    (('Xi', 'Jinping'), True)
    """
    tokens = run.split()
    titles = lex.titles
    titled = False
    while tokens:
        first = tokens[0]
        lowered = first.lower()
        bare = first.rstrip(".")
        if not (
            lowered.rstrip(".") in FUNCTION_WORDS
            or lowered in verbs  # "Said Ann Lee" opening a sentence
            or bare in titles
            or first in titles
            or lowered in lex.role_nouns
        ):
            break
        titled = titled or bare.lower() in _TITLE_WORDS or first in titles
        tokens.pop(0)
    # Titles inside the run: "Chinese President Xi Jinping" -> "Xi Jinping".
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k] in titles or tokens[k].rstrip(".") + "." in titles:
            tokens = tokens[k + 1 :]
            titled = True
            break
    # "in the U.S. He said": a full stop, then a word that opens a sentence, ends the run.
    for k in range(len(tokens) - 1):
        if tokens[k].endswith(".") and tokens[k + 1] in SENTENCE_OPENERS:
            tokens = tokens[: k + 1]
            break
    return tuple(tokens), titled


def index_names(doc: Document, lex: Lexicons, end: int | None = None) -> NameIndex:
    """Scan the document once for multi-word names and titled names, up to *end*.

    Names are only ever looked up before a mention, so the scan can stop after
    the last mention that needs resolving. A run written several times is read once.
    """
    pats = patterns_for(lex)
    starts: list[int] = []
    names: list[tuple[tuple[str, ...], SpeakerKind]] = []
    short_orgs: dict[str, int] = {}
    orgs: dict[tuple[str, ...], int] = {}
    read: dict[str, tuple[tuple[str, ...], bool, SpeakerKind]] = {}
    verbs = lex.verb_forms()
    view = doc.view
    for m in pats.name_run.finditer(view, 0, len(view) if end is None else min(end, len(view))):
        run = m.group()
        found = read.get(run)
        if found is None:
            tokens, titled = _strip_titles(run, lex, verbs)
            found = read[run] = (tokens, titled, _name_kind(tokens, lex, titled))
        tokens, titled, kind = found
        if not tokens:
            continue
        offset = m.start()
        if len(tokens) < 2 and not titled:
            before = view[max(0, offset - 30) : offset].split()
            if not before or before[-1].lower() not in lex.role_nouns:
                continue  # one word and no title: "Lee" is looked up, not indexed
            kind = _name_kind(tokens, lex, True)  # "spokesperson Lee"
        if kind is SpeakerKind.ORGANISATION:
            short = canonical_org(tokens, lex)
            if len(short) == 1:
                short_orgs.setdefault(short[0].lower(), len(names))
            orgs.setdefault(short, len(names))
        starts.append(offset)
        names.append((tokens, kind))
    return NameIndex(tuple(starts), tuple(names), short_orgs, orgs)


_POSSESSOR = regex.compile(r"(\p{Lu}[\p{L}.-]+(?:[ ]\p{Lu}[\p{L}.-]+){0,3})['’]s\b")
_OF_ORG = regex.compile(r"\b(?:of|at|for)[ ](?:the[ ])?(\p{Lu}[\p{L}.-]+(?:[ ]\p{Lu}[\p{L}.-]+){0,3})")
_AND = regex.compile(r"[ ]and[ ]")
_CAPITAL_WORD = regex.compile(r"[ ]\p{Lu}")
_PROPER = regex.compile(r"\b(\p{Lu}[\p{L}.-]+(?:[ ]\p{Lu}[\p{L}.-]+){0,3})\b")


@attrs.define
class EntityTracker:
    """The entities of one document, built mention by mention in text order."""

    doc: Document
    lex: Lexicons
    names: NameIndex
    sentence_starts: Sequence[int] = ()
    quoted: Sequence[tuple[int, int]] = ()
    entities: list[Entity] = attrs.field(factory=list)
    last_speaker: list[int] = attrs.field(factory=list)  # entity ids, most recent last
    last_seen: dict[int, int] = attrs.field(factory=dict)  # entity id -> offset of its last mention
    latest: tuple[int, int] | None = None  # (offset, entity id) of the latest mention of any speaker

    # -- creation -------------------------------------------------------
    def new_entity(
        self, tokens: tuple[str, ...], kind: SpeakerKind, *, anonymous: bool = False, name: str | None = None
    ) -> Entity:
        """Open a new entity."""
        if kind is SpeakerKind.ORGANISATION:
            tokens = canonical_org(tokens, self.lex)
        entity = Entity(
            ident=len(self.entities),
            tokens=tokens,
            name=name if name is not None else " ".join(tokens),
            kind=kind,
            anonymous=anonymous,
        )
        self.entities.append(entity)
        return entity

    def by_tokens(self, tokens: tuple[str, ...], kind: SpeakerKind) -> Entity | None:
        """Find an entity with these name words, or whose name holds them."""
        folded = tuple(t.lower() for t in tokens)
        for entity in reversed(self.entities):
            if not entity.anonymous and entity.folded == folded:
                return entity
        if kind is SpeakerKind.ORGANISATION:
            short = tuple(t.lower() for t in canonical_org(tokens, self.lex))
            for entity in reversed(self.entities):
                if not entity.anonymous and entity.folded == short:
                    return entity
        return None

    def by_part(self, word: str, offset: int) -> Entity | None:
        """Find the entity a single name word refers to ("Lee" -> "Ann Lee")."""
        low = word.lower()
        for ident in reversed(self.last_speaker):
            entity = self.entities[ident]
            if not entity.anonymous and low in entity.folded:
                return entity
        for entity in reversed(self.entities):
            if not entity.anonymous and low in entity.folded:
                return entity
        k = self.names.last_with_word(low, offset)
        if k is not None:
            tokens, kind = self.names.names[k]
            return self.by_tokens(tokens, kind) or self.new_entity(tokens, kind)
        return None

    def organisation_named(self, word: str, offset: int) -> Entity | None:
        """Find the organisation whose short name is *word*: "Acme" for "Acme Technologies Co"."""
        key = (word.lower(),)
        for entity in reversed(self.entities):
            if entity.kind is SpeakerKind.ORGANISATION and entity.folded == key:
                return entity
        k = self.names.short_orgs.get(key[0])
        if k is None:
            return None
        tokens, kind = self.names.names[k]
        return self.by_tokens(tokens, kind) or self.new_entity(tokens, kind)

    def named_subject_before(
        self, offset: int, kind: SpeakerKind, gender: str | None = None
    ) -> tuple[int, tuple[str, ...]] | None:
        """Return the first name of *kind* in the last sentence before *offset* that names one.

        The first name of a sentence is most often its subject: "Minister Ann
        Lee met Bo Chan on Monday. She said ..." makes "she" Ann Lee.
        """
        quoted_starts = [q[0] for q in self.quoted]
        found: tuple[int, tuple[str, ...]] | None = None
        sentence = None
        for k in self.names.before(offset):
            tokens, nkind = self.names.names[k]
            start = self.names.starts[k]
            if nkind is not kind:
                continue
            if gender is not None and self.name_gender(tokens, start) not in (None, gender):
                continue  # "she" is not "Donald Trump"
            i = bisect.bisect_right(quoted_starts, start) - 1
            if i >= 0 and self.quoted[i][0] <= start < self.quoted[i][1]:
                continue  # a name inside a quotation is not a subject
            here = bisect.bisect_right(self.sentence_starts, start) - 1
            if sentence is None:
                sentence = here
            elif here != sentence:
                break
            found = (start, tokens)
        return found

    def note_speaker(self, entity: Entity, mention: Mention | None) -> None:
        """Record that *entity* spoke, at *mention*."""
        if mention is not None:
            self.last_seen[entity.ident] = max(self.last_seen.get(entity.ident, -1), mention.span.start)
            if self.latest is None or mention.span.start >= self.latest[0]:
                self.latest = (mention.span.start, entity.ident)
        if mention is not None and mention not in entity.mention_set:
            entity.mention_set.add(mention)
            entity.mentions.append(mention)
        if self.last_speaker and self.last_speaker[-1] == entity.ident:
            return
        if entity.ident in self.last_speaker:
            self.last_speaker.remove(entity.ident)
        self.last_speaker.append(entity.ident)

    def recent(self, *kinds: SpeakerKind, plural: bool | None = None, gender: str | None = None) -> Entity | None:
        """Return the most recent speaker of one of *kinds* (and not of the other gender)."""
        for ident in reversed(self.last_speaker):
            entity = self.entities[ident]
            if entity.kind in kinds and (plural is None or entity.plural == plural) and not entity.first_person:
                if gender is not None and self.gender_of(entity) not in (None, gender):
                    continue
                return entity
        return None

    def gender_of(self, entity: Entity) -> str | None:
        """Tell an entity's gender from its given name, titles, roles or an earlier pronoun."""
        if entity.gender is None:
            found = self.lex.genders.get(entity.tokens[0]) if entity.tokens else None
            if found is None:
                found = self._descriptor_gender(entity.descriptors)
            entity.gender = found
        return entity.gender

    def _descriptor_gender(self, descriptors: Iterable[str]) -> str | None:
        """Tell a gender from a title ("Mrs.") or a role noun ("a spokeswoman") among *descriptors*.

        Only the head of a descriptor is read, up to its first preposition:
        "vice president of John Burns Consulting" and "who said Mr. Lee was
        wrong" name someone else.
        """
        for descriptor in descriptors:
            words = descriptor.split()
            if not words or words[0].lower() in _RELATIVE_WORDS:
                continue
            for word in words:
                if word.lower() in _HEAD_STOPS:
                    break
                if word.endswith(".") or word in _GENDER_TITLES or word.islower():
                    found = self.lex.genders.get(word)
                    if found is not None:
                        return found
        return None

    def name_gender(self, tokens: tuple[str, ...], start: int) -> str | None:
        """Tell the gender of a name written at *start*: its title ("Mrs.") or its given name."""
        view = self.doc.view
        before = view[max(0, start - 6) : start].split()
        at = view[start : start + 6].split()  # the index may start a name at its title
        for word in (*before[-1:], *at[:1], *tokens[:1]):
            found = self.lex.genders.get(word)
            if found is not None:
                return found
        return None

    def _latest(self, wanted: Callable[[Entity], bool]) -> Entity | None:
        """Return the most recent speaker for which *wanted* holds, else the most recent entity."""
        for ident in reversed(self.last_speaker):
            if wanted(self.entities[ident]):
                return self.entities[ident]
        return next((e for e in reversed(self.entities) if wanted(e)), None)

    def with_role(self, role: str) -> Entity | None:
        """Return the most recent speaker described with *role*."""
        family = role_family(role)
        return self._latest(lambda e: family in e.roles)

    def with_document(self, noun: str) -> Entity | None:
        """Return the most recent entity that made a document of this kind."""
        return self._latest(lambda e: noun in e.documents)

    def add_descriptors(self, entity: Entity, match: MentionMatch) -> None:
        """Attach a mention's titles, roles and appositives to its entity."""
        for text in match.descriptors:
            if text and text not in entity.descriptors:
                entity.descriptors.append(text)
            words = text.replace("-", " ").split()
            for word in words:
                if word.lower() in self.lex.role_nouns:
                    entity.roles.add(role_family(word))
            # "Acme's vice-president", "president of Acme Corp": the affiliation.
            if entity.affiliation is None and entity.kind is not SpeakerKind.ORGANISATION:
                owner = _POSSESSOR.search(text)
                if owner is None:
                    owner = _OF_ORG.search(text)
                if owner is not None:
                    entity.affiliation = owner.group(1)
        if entity.gender is None and match.head.lower() in self.lex.document_nouns:
            entity.gender = "n"  # "the ad", "the statement": neither "he" nor "she"
        if entity.gender is None:
            # "Mrs. Lee", "a company spokeswoman": the words tell the gender.
            entity.gender = self._descriptor_gender((*match.descriptors, match.head))
        if match.head:
            entity.roles.add(role_family(match.head))
        if match.descriptors and entity.kind is SpeakerKind.UNKNOWN and entity.roles:
            entity.kind = SpeakerKind.PERSON

    def speakers(self) -> tuple[Speaker, ...]:
        """Return every entity that spoke, as frozen speakers, in order of first mention."""
        spoken = [e for e in self.entities if e.mentions or e.ident in self.last_speaker]
        return tuple(e.to_speaker() for e in spoken)


# -- speaker rules: (tracker, mention) -> Entity | None --------------------------
def _tokens_of(text: str) -> tuple[str, ...]:
    tokens = name_tokens(text)
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    return tokens


def speaker_coordinated(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Open a group speaker for "Britain and France said", named by the whole phrase."""
    if " and " not in match.span.text:
        return None
    text = match.span.text
    name = text[4:] if text.lower().startswith("the ") else text
    for entity in reversed(tracker.entities):
        if entity.name == name:
            return entity
    lex = tracker.lex
    parts = [p.strip() for p in _AND.split(name)]
    organisation = any(
        p in lex.places or p.removeprefix("the ") in lex.places or head_noun(p) in lex.organisation_nouns for p in parts
    )
    entity = tracker.new_entity((name,), SpeakerKind.ORGANISATION if organisation else SpeakerKind.UNKNOWN, name=name)
    entity.plural = True
    return entity


_NAME_BEFORE_WHO = regex.compile(r"(?<![\p{L}'’-])(\p{Lu}[\p{Ll}'’-]{1,30})[ ]{0,3},?[ ]{0,3}\Z")


def _restrictive_antecedent(before: str) -> str | None:
    """Return the common-noun phrase a restrictive "who" follows ("critics who", "23 percent who"), or None.

    The word before "who" is lower-case with no comma between; the phrase
    reaches back to a determiner or number among the three words before it.
    """
    words = before.split()[-4:]
    if not words or not words[-1].isalpha() or not words[-1].islower():
        return None
    if words[-1] in FUNCTION_WORDS and words[-1] not in ("those", "others", "many", "some", "all"):
        return None
    lead = max(
        (k for k, w in enumerate(words[:-1]) if w.lower() in DETERMINERS or w[:1].isdigit()), default=len(words) - 1
    )
    return " ".join(words[lead:])


def speaker_relative(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Resolve "who" to the name before it and "which" to the document before it."""
    word = match.span.text.lower()
    if word not in ("who", "which"):
        return None
    view = tracker.doc.view
    i = bisect.bisect_right(tracker.sentence_starts, match.span.start) - 1
    base = max(tracker.sentence_starts[i] if i >= 0 else 0, match.span.start - 300)
    before = view[base : match.span.start]
    pats = patterns_for(tracker.lex)
    if word == "who":
        restrictive = _restrictive_antecedent(before)
        if restrictive is not None:
            # "critics who say", "23 percent who said": the common noun just before it.
            np_end = base + len(before.rstrip(" "))
            np = find_subject(tracker.doc, tracker.lex, base, np_end)
            if np is not None and np.span.end == np_end and np.kind is MentionKind.NOMINAL:
                restrictive = np.span.text
            return tracker.new_entity((restrictive,), SpeakerKind.UNKNOWN, anonymous=True, name=restrictive)
        names = [m for m in pats.name_run.finditer(before) if m.group().split()[0].lower() not in FUNCTION_WORDS]
        # "said one former campaign staffer, who said ...": the speaker just named in this sentence.
        latest = tracker.latest
        if (
            latest is not None
            and base <= latest[0] < match.span.start
            and (not names or base + names[-1].start() <= latest[0])
        ):
            return tracker.entities[latest[1]]
        # "with Priebus, who", "teachers unions who": the noun phrase just before it.
        single = _NAME_BEFORE_WHO.search(before)
        if (
            single is not None
            and single.group(1).lower() not in FUNCTION_WORDS
            and (not names or names[-1].end() <= single.start(1))
        ):
            return resolve_name(tracker, single.group(1), base + single.start(1))
        np_end = base + len(before.rstrip(" ,"))
        np = find_subject(tracker.doc, tracker.lex, base, np_end)
        if np is not None and np.span.end == np_end and (not names or base + names[-1].end() <= np.span.end):
            if np.kind in (MentionKind.NAME, MentionKind.ORGANISATION):
                return resolve_name(tracker, np.span.text, np.span.start)
            if np.kind is MentionKind.NOMINAL:
                return tracker.new_entity((np.span.text,), SpeakerKind.UNKNOWN, anonymous=True, name=np.span.text)
        if not names:
            return None
        last = names[-1]
        words = last.group().split()
        titled = [k for k, w in enumerate(words[:-1]) if w in tracker.lex.titles or w.lower() in tracker.lex.role_nouns]
        if titled:  # "Education Minister Ann Lee, who": the name after the title
            cut = len(" ".join(words[: titled[-1] + 1])) + 1
            return resolve_name(tracker, last.group()[cut:], base + last.start() + cut)
        return resolve_name(tracker, last.group(), base + last.start())
    docs = list(pats.document_ref.finditer(before))
    if not docs:
        return None
    last = docs[-1]
    if last.group("owner"):
        return resolve_name(tracker, last.group("owner"), base + last.start("owner"))
    phrase = before[last.start() :].split(",")[0].strip()
    entity = tracker.new_entity((phrase,), SpeakerKind.UNKNOWN, anonymous=True, name=phrase)
    entity.roles.add(last.group("noun").lower())
    return entity


def _recent_or_named(
    tracker: EntityTracker, match: MentionMatch, *kinds: SpeakerKind, gender: str | None = None
) -> Entity | None:
    """Return the last speaker of *kinds*, or a person or organisation named since, whichever is later.

    With a *gender* ("she"), a speaker or name known to be of the other gender
    is passed over, and so is a group ("officials").
    """
    speaker = tracker.recent(*kinds, gender=gender, plural=False if gender is not None else None)
    named = tracker.named_subject_before(match.span.start, kinds[0], gender)
    if named is not None and (speaker is None or tracker.last_seen.get(speaker.ident, -1) < named[0]):
        entity = resolve_name(tracker, " ".join(named[1]), named[0])
        if entity is None or gender is None or tracker.gender_of(entity) in (None, gender):
            return entity
    return speaker


def speaker_pronoun(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Resolve "he"/"she" to the last person speaker, "it" to the last organisation, "they" to a group."""
    if match.kind is not MentionKind.PRONOUN:
        return None
    word = match.span.text.lower()
    if word in ("he", "she"):
        gender = "m" if word == "he" else "f"
        entity = _recent_or_named(tracker, match, SpeakerKind.PERSON, SpeakerKind.UNKNOWN, gender=gender)
        if entity is not None and tracker.gender_of(entity) is None:
            entity.gender = gender  # later "he" will not go to her
        return entity
    if word == "it":
        return _recent_or_named(tracker, match, SpeakerKind.ORGANISATION)
    if word == "they":
        group = tracker.recent(SpeakerKind.PERSON, SpeakerKind.UNKNOWN, SpeakerKind.ORGANISATION, plural=True)
        return group or tracker.recent(SpeakerKind.ORGANISATION)
    return None


def speaker_unresolved_pronoun(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Name the speaker by its pronoun when no rule found who "he", "she", "they" or "who" is.

    The text's only words for the speaker are kept ("she"), so the quotation
    still has its mention; the low confidence says the referent is unknown.
    """
    if match.kind is not MentionKind.PRONOUN:
        return None
    word = match.span.text.lower()
    if word not in ("he", "she", "they", "it", "who", "which"):
        return None
    kind = SpeakerKind.PERSON if word in ("he", "she", "who") else SpeakerKind.UNKNOWN
    entity = tracker.new_entity((word,), kind, anonymous=True)
    entity.gender = {"he": "m", "she": "f"}.get(word)
    entity.plural = word == "they"
    return entity


def speaker_first_person(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Resolve "I" and "we" outside quotations to the writer: one speaker per pronoun, named by it."""
    if match.kind is not MentionKind.PRONOUN:
        return None
    word = match.span.text
    if word.lower() not in ("i", "we"):
        return None
    name = "I" if word == "I" else "we"
    for entity in tracker.entities:
        if entity.first_person and entity.name == name:
            return entity
    entity = tracker.new_entity((name,), SpeakerKind.PERSON if name == "I" else SpeakerKind.UNKNOWN, anonymous=True)
    entity.first_person = True
    entity.plural = name == "we"
    return entity


def speaker_document(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Resolve "the statement" to whoever made it ("Acme said in a statement"), "the Acme report" to Acme."""
    if match.kind is not MentionKind.NOMINAL or match.head not in tracker.lex.document_nouns:
        return None
    if match.indefinite:
        return None
    owner = tracker.with_document(match.head)
    if owner is not None:
        return owner
    pats = patterns_for(tracker.lex)
    view = tracker.doc.view
    lo = max(0, match.span.start - 1500)
    named = [
        m
        for m in pats.document_ref.finditer(view, lo, match.span.end)
        if m.group("owner") and m.group("noun").lower() == match.head
    ]
    if named:
        return resolve_name(tracker, named[-1].group("owner"), named[-1].start("owner"))
    return None


def speaker_definite_role(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Resolve "the spokesman" to the last speaker described as a spokesman."""
    if match.kind is not MentionKind.NOMINAL or match.indefinite or match.head not in tracker.lex.role_nouns:
        return None
    return tracker.with_role(match.head)


def speaker_organisation_nominal(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Resolve "the company" or "the tech firm" to the last organisation that spoke."""
    if match.kind is not MentionKind.NOMINAL or match.indefinite:
        return None
    if match.head not in tracker.lex.organisation_nouns or match.head in tracker.lex.role_nouns:
        return None
    if match.head in tracker.lex.institution_nouns and _CAPITAL_WORD.search(match.span.text):
        return None  # "the Australian government" names one institution: not a back-reference
    return _recent_or_named(tracker, match, SpeakerKind.ORGANISATION)


def resolve_name(tracker: EntityTracker, text: str, offset: int, *, organisation: bool = False) -> Entity:
    """Find or open the entity a written name refers to."""
    tokens = _tokens_of(text)
    lex = tracker.lex
    if not tokens:
        tokens = (text,)
    kind = SpeakerKind.ORGANISATION if organisation else _name_kind(tokens, lex, titled=False)
    if kind is not SpeakerKind.ORGANISATION and "of" in tokens[1:]:
        tokens = tokens[: tokens.index("of", 1)]  # "Jane Roe of Ohio"
        kind = _name_kind(tokens, lex, titled=False)
    found = tracker.by_tokens(tokens, kind)
    if found is not None:
        return found
    if len(tokens) == 1:
        # A company's short name before a person's surname: "Acme" is "Acme Corp",
        # not "Acme Central" or a person called "Bo Acme".
        org = tracker.organisation_named(tokens[0], offset)
        if org is not None:
            return org
        part = tracker.by_part(tokens[0], offset)
        if part is not None:
            return part
    else:
        # "van der Berg" after "Cornelius van der Berg": the full name's entity.
        folded = tuple(t.lower() for t in tokens)
        for entity in reversed(tracker.entities):
            mine = entity.folded
            if not entity.anonymous and len(mine) > len(folded) and mine[-len(folded) :] == folded:
                return entity
        k = tracker.names.last_ending_with(folded, offset)
        if k is not None:
            names, nkind = tracker.names.names[k]
            return tracker.by_tokens(names, nkind) or tracker.new_entity(names, nkind)
        # "Acme Technologies" after "Acme": the short name's entity.
        short = canonical_org(tokens, lex)
        if kind is SpeakerKind.ORGANISATION and short != tokens:
            found = tracker.by_tokens(short, SpeakerKind.UNKNOWN)
            if found is not None:
                found.kind = SpeakerKind.ORGANISATION
                return found
    # An organisation word in a later mention ("Acme Corp") tells the kind of "Acme".
    if tracker.names.organisation_before(tokens, offset + len(text) + 1):
        kind = SpeakerKind.ORGANISATION
    return tracker.new_entity(tokens, kind)


def speaker_name(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Resolve a name to the entity of that name, or of the full name it is part of ("Lee" -> "Ann Lee")."""
    if match.kind not in (MentionKind.NAME, MentionKind.ORGANISATION):
        return None
    entity = resolve_name(
        tracker, match.span.text, match.span.start, organisation=match.kind is MentionKind.ORGANISATION
    )
    if match.kind is MentionKind.ORGANISATION and entity.kind is SpeakerKind.UNKNOWN:
        entity.kind = SpeakerKind.ORGANISATION
    return entity


def speaker_anonymous(tracker: EntityTracker, match: MentionMatch) -> Entity | None:
    """Open a speaker for a description with no name ("a company spokeswoman"), named by it."""
    if match.kind is not MentionKind.NOMINAL:
        return None
    lex = tracker.lex
    head = match.head
    if head in lex.role_nouns:
        kind = SpeakerKind.PERSON
    elif head in lex.organisation_nouns:
        kind = SpeakerKind.ORGANISATION
    else:
        kind = SpeakerKind.UNKNOWN
    entity = tracker.new_entity((match.span.text,), kind, anonymous=True, name=match.span.text)
    entity.plural = head.endswith("s") and head in lex.role_nouns and not head.endswith("ss")
    modifier = _PROPER.search(match.span.text[1:])
    if modifier is not None and kind is SpeakerKind.PERSON:
        entity.affiliation = modifier.group(1)
    return entity


def link_named_later(tracker: EntityTracker, window: int = 1200) -> dict[int, int]:
    """Give an anonymous speaker the name of a person later described with the same role.

    "a ministry spokesman said ..." then "Li Wei, the spokesman, said ...":
    both are Li Wei. Returns a map from merged entity ids to the named ones.
    """
    merged: dict[int, int] = {}
    for anon in tracker.entities:
        if not anon.anonymous or not anon.mentions or not anon.roles:
            continue
        first = min(m.span.start for m in anon.mentions)
        best = None
        for named in tracker.entities:
            if named.anonymous or not (named.roles & anon.roles) or not named.mentions:
                continue
            start = min(m.span.start for m in named.mentions)
            if first < start <= first + window and (best is None or start < best[0]):
                best = (start, named)
        if best is not None:
            named = best[1]
            named.mentions.extend(anon.mentions)
            named.mention_set.update(anon.mentions)
            if named.affiliation is None:
                named.affiliation = anon.affiliation
            merged[anon.ident] = named.ident
    return merged
