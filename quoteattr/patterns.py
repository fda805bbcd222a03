"""The regular expressions the stages share, compiled once per lexicon set.

Every pattern is verbose, one commented alternative a line. Repetition is
bounded ({0,4}, {1,120}) and never nested without a bound, so no input can
make a match backtrack for long: a run of a million quotes, spaces or
capitals costs a linear scan.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs
import regex

from quoteattr.lexicons import Lexicons

__all__ = ["Patterns", "patterns_for"]

# A capitalised word of a name: "Lee", "O'Brien", "Al-Assad", "J.", "U.S.".
# "Acme's" stops before the possessive "'s".
NAME_WORD = r"""
    (?:(?:\p{Lu}\p{Ll}{1,2}|Prof|Capt|Cmdr|Supt|Sgts?)\.(?=[ ]\p{Lu})   # Lt. Gen. before a name (not "Hill.")
      |\p{Lu}\.(?:\p{Lu}\.)*                                  # J.  U.S.
      |\p{Lu}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*|['’](?!s\b)\p{L}[\p{L}\p{M}]*){0,3}
      |\p{Lu}\p{L}*\d[\p{L}\d]*                               # G20, 3M
    )
"""
# NAME_WORD as a name run or a mention reads it: a word's letters are taken
# whole ("*+"), as what follows them there (a hyphen, an apostrophe, a period,
# a space, a comma, a bracket, the end) is never a letter or a mark; the same
# words match, with no backtracking into a word.
RUN_WORD = NAME_WORD.replace(r"|\p{Lu}[\p{L}\p{M}]*(?:", r"|\p{Lu}[\p{L}\p{M}]*+(?:", 1).replace(
    r"-\p{L}[\p{L}\p{M}]*|['’](?!s\b)\p{L}[\p{L}\p{M}]*", r"-\p{L}[\p{L}\p{M}]*+|['’](?!s\b)\p{L}[\p{L}\p{M}]*+", 1
)
PARTICLE = r"(?:de|da|del|della|der|den|di|du|van|von|bin|ibn|al|el|la|le|dos|das|y|St\.)"
NAME = rf"""
    {NAME_WORD}(?:[ ]{{1,3}}(?:(?:{PARTICLE}|of|for)[ ]{{1,3}}){{0,2}}{NAME_WORD}){{0,5}}
    (?:(?<=\b(?:Inc|Co|Corp|Ltd|Jr|Sr|Bros))\.)?                # Acme Inc.
"""
# NAME made of RUN_WORD, for the mention patterns (see RUN_WORD).
RUN_NAME = NAME.replace(NAME_WORD, RUN_WORD)
DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)"
)
# Words that start a capitalised run but are not names ("The", "But", "In").
FUNCTION_WORDS = frozenset(
    """a an the this that these those but and or nor if in on at for with as by from of to it
    he she they we i you his her their its our my your some many most all both each every no not
    so yet when while after before since although though because despite during earlier later
    now then there here what who why how where which whether according however meanwhile also
    still even just only once one two three four five several such other another last next
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december mr mrs ms dr
    inside outside across behind beyond within without among amid along around near under over upon
    toward towards throughout always sometimes perhaps nevertheless besides afterwards thus
    has was is does whenever wherever whatever following""".split()
)


# Collective nouns that take a plural verb without a determiner: "police said".
COLLECTIVE_NOUNS = frozenset({"police", "staff", "people", "personnel"})

# Words in -ly that are nouns, not adverbs: "a pro-Trump rally said".
LY_NOUNS = frozenset("rally ally family assembly supply monopoly anomaly bully reply july italy".split())


def trie(words: Iterable[str]) -> str:
    """Compile words into one regex alternation that shares prefixes.

    >>> trie(["said", "say", "says"])
    'sa(?:id|y(?:s)?)'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [("[ ]{1,3}" if ch == " " else regex.escape(ch)) + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@attrs.frozen
class Patterns:
    """Compiled patterns for one :class:`Lexicons`."""

    cue: re.Pattern[str]
    subject: regex.Pattern[str]
    mention_after: regex.Pattern[str]
    name_run: regex.Pattern[str]
    boundary: re.Pattern[str]
    object_: regex.Pattern[str]
    adjunct: regex.Pattern[str]
    headline_speaker: regex.Pattern[str]
    document_ref: regex.Pattern[str]
    subject_start: regex.Pattern[str]
    subject_tail: regex.Pattern[str]  # the end of ``subject`` after an appositive
    plain_mentions: bool  # no lexicon word in a mention holds a comma, double quote or line break
    characterising: re.Pattern[str]
    signature: regex.Pattern[str]


def _plural_heads(lex: Lexicons) -> list[str]:
    """Return the heads that may stand alone as a plural speaker: "officials", "police"."""
    return sorted({w for w in lex.role_nouns | lex.organisation_nouns if w.endswith("s")} | COLLECTIVE_NOUNS)


def _mention(lex: Lexicons) -> str:
    # Function words as a trie: a named list is slower, the more so the longer it is.
    fw = trie(sorted(FUNCTION_WORDS - {"mr", "mrs", "ms", "dr"}))
    # Plural heads that may stand alone ("officials said"), and collective nouns ("police said").
    heads = trie(sorted(lex.role_nouns | lex.organisation_nouns | lex.document_nouns))
    plurals = trie(_plural_heads(lex))
    places = trie(sorted(lex.places))
    titles = trie(sorted(lex.titles))
    # A run written "{1,30}+" is read whole: what follows it (a space, a closing
    # bracket or quote, a comma, the end) is never part of it, so giving back a
    # character could not make a match; the same texts match, with less backtracking.
    return rf"""
    (?:
      # a nominal: "the spokesman", "a Acme spokesperson", "A spokesperson for
      # the foreign ministry", "The Chinese tech firm", "the statement"
      # "one of the former prosecutors"
      (?i:(?:one|two|three|some|several|many|most|none|each|any|all|both)[ ]{{1,3}}of[ ]{{1,3}})?
      (?i:the|a|an|another|one|two|three|some|several|many|most|its|his|her|their|other|all|both|those|these)[ ]{{1,3}}
        (?:(?!(?i:{fw})\b)[\p{{L}}\d'’.\-]{{1,30}}+[ ]{{1,3}}){{0,4}}?
        (?i:{heads})s?\b
        (?:[ ]{{1,3}}(?:for|of|at|with|from|in|to)[ ]{{1,3}}[^,;:\n"“”()]{{1,60}}?)?
    | # a bare plural with modifiers: "officials", "US officials", "Senior aides"
      (?:(?!(?i:{fw})\b)[\p{{L}}\d'’.\-]{{1,30}}+[ ]{{1,3}}){{0,3}}?
        (?i:{plurals})\b
        (?:[ ]{{1,3}}(?:for|of|at|with|from|in|close[ ]to|familiar[ ]with)[ ]{{1,3}}[^,;:\n"“”()]{{1,60}}?)?
    | # "those surveyed", "those familiar with the talks"
      (?i:those)[ ]{{1,3}}(?:surveyed|polled|questioned|interviewed|asked|familiar[ ]with|close[ ]to)\b
        (?:[ ]{{1,3}}[^,;:\n"“”()]{{1,60}}?)?
    | # a place speaking for its government: "China", "the US"
      (?:the[ ]{{1,3}})?(?:{places})\b
    | # a name, with titles or a role before it: "Rep. Jane Doe", "spokesperson Li Wei",
      # "Chinese President Xi Jinping", "Democratic pollster Peter Fenn"
      (?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ ]{{1,3}})?           # The Daily Post, his campaign manager Jeff Weaver
      (?!(?i:{fw})\b)
      (?:{RUN_WORD}(?:[ ]{{1,3}}{RUN_WORD}){{0,2}}['’]s[ ]{{1,3}})?     # Acme's, the Daily Post's
      (?:(?:{titles}|{RUN_WORD}|\d{{1,3}}-year-old|(?!(?:in|at|on|from|by|with|and|or|to)\b)\p{{Ll}}[\p{{L}}-]{{1,30}}+['’]?)[ ]{{1,3}}){{0,6}}?  # city engineer, Central bank governor
        (?:{PARTICLE}[ ]{{1,3}}){{0,2}}(?!{DAYS}\b){RUN_NAME}
    | # a pronoun
      \b(?:he|she|they|it|He|She|They|It|who|which|I|we|We)\b
    | # a possessive description: "Acme's parent company", "Lee's campaign manager"
      (?:[Tt]he[ ]{{1,3}})?{RUN_WORD}(?:[ ]{{1,3}}{RUN_WORD}){{0,4}}['’]s?[ ]{{1,3}}
        (?:\p{{Ll}}[\p{{L}}-]{{1,20}}+[ ]{{1,3}}){{0,2}}?(?i:{heads})s?\b
    | # a bare plural: "researchers", "Trump's opponents", "state officials"
      (?:(?:{RUN_WORD}(?:[ ]{{1,3}}{RUN_WORD}){{0,2}}['’]s|(?!(?i:{fw})\b)[\p{{L}}-]{{2,20}}+)[ ]{{1,3}}){{0,2}}
        (?!(?i:{fw})\b)\p{{Ll}}[\p{{L}}-]{{1,30}}[^s'’\W]s\b
    | # a share of people: "61 percent of voters", "about one in five", "most"
      (?i:(?:about|nearly|almost|roughly|only|just|some|more[ ]than|fewer[ ]than|less[ ]than)[ ]{{1,3}})?
        (?i:\d[\d,.]*+[ ]{{0,3}}(?:percent|%)|(?:one|two|three|four|five|six|seven|eight|nine|\d{{1,2}})[ -]{{1,3}}(?:in|out[ ]of)[ -]{{1,3}}\w++
          |half|a[ ]{{1,3}}third|a[ ]{{1,3}}quarter|(?:one|two|three|four)[ -](?:thirds?|quarters?|fourths?|fifths?)|a[ ]{{1,3}}majority|majorities|most|many|some|few|several|both)
        (?:[ ]{{1,3}}(?!(?i:{fw})\b)[\p{{L}}-]{{2,30}}+){{0,4}}?
        (?:[ ]{{1,3}}of[ ]{{1,3}}[^,;:"“”\n]{{1,50}}?)?
    | # any other description: "the moderator", "another Twitter user"
      (?i:the|a|an|another|one|his|her|their|this|that)[ ]{{1,3}}
        (?:(?!(?i:{fw})\b)[\p{{L}}\d'’.\-]{{1,30}}+[ ]{{1,3}}){{0,3}}?
        (?!(?i:{fw}|has|have|had|is|are|was|were|will|would|can|could|should|may|might|must|did|does|do|been|be)\b)
        (?:\p{{Ll}}[\p{{L}}\-]{{2,30}}|\d{{1,3}}-year-old)\b                # "the 46-year-old"
    )
    """


# The nouns of an event or document adjunct after a cue: "in a statement", "at a briefing".
ADJUNCT_NOUNS = """statement|interview|letter|speech|email|e-mail|post|tweet|briefing|conference|call|appearance|report|hearing
  |meeting|op-ed|memo|release|address|rally|event|summit|forum|debate|session|video|message|book|column|editorial|podcast
  |show|broadcast|phone[ ]call|filing|document|testimony|affidavit|lawsuit|complaint|ad|advertisement|commercial"""


def _build(lex: Lexicons) -> Patterns:
    forms = lex.verb_forms(cognition=True)
    mention = _mention(lex)
    flags = regex.VERBOSE | regex.VERSION0
    # The verb forms are compiled as a trie (one branch per shared prefix), which
    # scans about ten times faster than a named list or a flat alternation.
    # Plain lower-case ASCII words, matched against the lower-cased view: the
    # standard library's engine scans them several times faster. The match
    # starts with the character before the word (so the scan only stops after
    # a non-word character): search " " + the lower-cased view, and a match
    # ``[i, j)`` is the cue ``[i, j - 1)`` of the view.
    cue = re.compile(
        rf"""
        \W                                  # the start of a word
        (?:according[ ]{{1,3}}to            # "according to"
          |{trie(forms)})                    # an inflected reporting verb
        \b(?!['’-])                          # not "said-so"; "'said" is checked by the caller
        """,
        re.VERBOSE,
    )
    # Words between a speaker and the cue: "also", "reportedly", "in the past".
    adverb = (
        rf"(?:{trie(sorted(lex.adverbs))}|(?!(?:{trie(sorted(LY_NOUNS))})\b)\p{{Ll}}{{2,20}}ly"
        r"|not[ ]{1,3}only|all[ ]{1,3}but|in[ ]{1,3}the[ ]{1,3}past)"
    )
    # What follows a subject's mention and asides, up to the cue.
    subject_tail = rf"""
        (?P<partic>[ ]{{1,3}}(?:\p{{Ll}}{{2,20}}(?:ing|ed)|who|whose|which|familiar|close)\b
          (?:(?![ ](?:and|but)[ ]\p{{Lu}})[^,\n"“”]){{0,80}}?)?     # speaking to reporters (not "asked and Lee")
        (?:[ ]{{1,3}}{adverb}){{0,3}}                               # also, reportedly
        [ ]{{0,3}}\Z
    """
    subject = regex.compile(
        rf"""
        [ ]{{0,3}}
        (?P<mention>{mention}(?:[ ]{{1,3}}and[ ]{{1,3}}{mention})?)
        (?P<paren>[ ]{{0,3}}\([^()\n]{{1,40}}+\))?                  # (D-Md.)
        (?P<appos>(?:[ ]{{0,3}},[ ]{{0,3}}[^,\n"“”]{{1,200}}+){{1,3}}[ ]{{0,3}},)?  # , a professor of law,
        {subject_tail}
        """,
        flags,
    )
    subject_start = regex.compile(
        rf"""
        [ ]{{0,3}}
        (?P<mention>{mention}(?:[ ]{{1,3}}and[ ]{{1,3}}{mention})?)
        (?P<paren>[ ]{{0,3}}\([^()\n]{{1,40}}+\))?
        (?P<appos>(?:[ ]{{0,3}},[ ]{{0,3}}[^,\n"“”]{{1,120}}+){{1,3}}[ ]{{0,3}},)?
        (?=(?:[ ]{{1,3}}{adverb}){{0,3}}[ ]{{1,3}}\p{{Ll}})             # then the verb
        """,
        flags,
    )
    mention_after = regex.compile(
        rf"""
        [ ]{{1,3}}(?P<mention>{mention})
        (?P<paren>[ ]{{0,3}}\([^()\n]{{1,40}}+\))?
        (?!['’]s\b)                                               # not "Lee's aide"
        (?=[ ]{{0,3}}(?:[,.;:!?"”'’)\]]|\Z|\n)                       # the whole description:
          |[ ]{{1,3}}(?:on|in|at|during|after|before|who|which|when|while|as|to|of|for|from|with|by
                     |adding|saying|noting|according|last|this|earlier|later|told|said|wrote
                     |released|published|conducted|issued|obtained|commissioned|reported|prepared
                     |\p{{Ll}}{{2,20}}ing)\b)                              # "a man calling himself ..."
        """,
        flags,
    )
    # Names of two words or more ("Mr. Lee", "Ann Lee"): the back-reference index.
    # The leading lookahead lets the scan skip to capitals and drops most of
    # them at once: a run's first word is made of letters, marks, digits, full
    # stops, apostrophes and hyphens, and is followed by spaces and a capital,
    # a particle, "of" or "for" (it only ever rejects what the rest would).
    name_run = regex.compile(
        rf"""
        (?=\p{{Lu}}[\p{{L}}\p{{M}}\d.'’-]*+[ ]{{1,3}}(?:\p{{Lu}}|(?:{PARTICLE}|of|for)[ ]))
        {RUN_WORD}(?:[ ]{{1,3}}(?:(?:{PARTICLE}|of|for)[ ]{{1,3}}){{0,2}}{RUN_WORD}){{1,5}}
        """,
        flags,
    )
    # Plain characters and words: the standard library's engine is faster here.
    conjunctions = "and but while as because so when after before although though since if yet which whom where why"
    boundary = re.compile(
        rf"""
        (?:[,;:—–][ ]{{1,3}}                 # after a comma, semicolon, colon or dash
          |\b(?:{trie([*conjunctions.split(), *(w.capitalize() for w in conjunctions.split())])})[ ]{{1,3}}
          |[ ](?:-|--)[ ]{{1,3}}               # after a spaced hyphen used as a dash
          |["'”’](?![^\W\d_])[ ]{{0,3}}      # after a closing mark (not an apostrophe in a word)
        )
        """,
        re.VERBOSE,
    )
    plural_trie = trie(_plural_heads(lex))
    object_ = regex.compile(
        rf"""
        [ ]{{1,3}}
        (?:(?:the|a|an|his|her|their|its|my|our|your)[ ]{{1,3}}
            (?!(?:that|the|a|an|to|it|this|about|on|in|at|for|of|with|if|whether|how|what|why|when|where|who)\b)
            [\p{{L}}-]{{1,30}}(?:['’]s)?(?:[ ]{{1,3}}(?!(?:that|to)\b)[\p{{L}}-]{{1,30}})?  # her assistant
          |me|him|her|us|them|you|reporters|journalists|lawmakers|listeners|viewers|supporters
          |(?:\p{{Ll}}[\p{{L}}-]{{1,20}}[ ]{{1,3}}){{1,3}}{NAME}                # regional director James Bacigalupo
          |(?:\p{{Ll}}[\p{{L}}-]{{1,20}}[ ]{{1,3}}){{0,2}}(?i:{plural_trie})
          |{NAME}(?:['’]s[ ]{{1,3}}(?:{NAME}|\p{{Ll}}[\p{{L}}-]{{1,20}}))?     # BuzzFeed's Ben Smith
        )\b
        """,
        flags,
    )
    adjunct = regex.compile(
        rf"""
        [ ]{{0,3}},?[ ]{{1,3}}
        (?:(?:on|last|this|next|late|early|earlier|later)[ ]{{1,3}}(?:{DAYS}|{MONTHS}|week|month|year|night|morning|afternoon|evening|weekend)
             (?:[ ]{{1,3}}(?:morning|afternoon|evening|night|\d{{1,2}}))?
          |{DAYS}(?!['’])(?:[ ]{{1,3}}(?:morning|afternoon|evening|night))?
          |(?:—|–|--)[ ]{{0,3}}[^—–\n"“”]{{1,60}}?[ ]{{0,3}}(?:—|–|--)        # an aside between dashes
          |-[ ]{{1,3}}[^-—–\n"“”]{{1,60}}?[ ]{{1,3}}-(?=[ ])                 # or between spaced hyphens: "said - falsely - that"
          |(?:yesterday|today|tonight|recently|previously|earlier|later|again|publicly|privately|repeatedly)
          |(?:however|though|too|meanwhile|moreover|nonetheless|nevertheless|instead|indeed|in[ ]fact|of[ ]course)(?=[ ]{{0,3}},)  # "said, however, that"
          |(?:for|in|over)[ ]{{1,3}}(?:the[ ]{{1,3}}(?:first|last|past|second)[ ]{{1,3}})?(?:recent[ ]{{1,3}}|several[ ]{{1,3}}|many[ ]{{1,3}})?(?:time|weeks|months|years|days|decades)
          |(?:in|during|at|on|via|through)[ ]{{1,3}}(?:a|an|the|his|her|their|its|this|that)[ ]{{1,3}}(?:[\p{{L}}\d-]{{1,20}}[ ]{{1,3}}){{0,3}}?
             (?:{ADJUNCT_NOUNS})s?(?![ ]{{1,3}}(?:{ADJUNCT_NOUNS})s?\b)  # "in a video message": the last noun
             (?:[ ]{{1,3}}(?:on|with|to|after|before)[ ]{{1,3}}[^,;:\n"“”]{{1,40}}?(?=[ ]{{0,3}}(?:[,.;:]|that\b|$)))?
          |(?:on|to)[ ]{{1,3}}(?:reporters|journalists|Twitter|television|TV|radio|me|us|him|her|them|{NAME}(?!['’]))
          |(?:in|at)[ ]{{1,3}}{NAME}
        )
        """,
        flags,
    )
    headline_speaker = regex.compile(
        rf"""
        \A[ ]{{0,3}}(?P<mention>{NAME})[ ]{{0,3}}:[ ]{{0,3}}\Z
        """,
        flags,
    )
    document_ref = regex.compile(
        r"""
        \b(?i:the|a|an|its|his|her|their)[ ]{1,3}
        (?:(?P<owner>\p{Lu}[\p{L}-]{1,30}(?:[ ]{1,3}\p{Lu}[\p{L}-]{1,30}){0,3})[ ]{1,3})?
        (?:[\p{L}\d-]{1,20}[ ]{1,3}){0,2}?
        (?P<noun>(?:DOCS))\b
        """.replace("DOCS", trie(sorted(lex.document_nouns))),
        flags,
    )
    characterising = re.compile(rf"(?<![\w'’-])(?:{trie(lex.characterising_forms()) or '(?!)'})\b(?!['’-])")
    # A signature line under a quotation: "- Ann Lee." or "— Ann Lee, Springfield."
    signature = regex.compile(
        rf"""[ ]{{0,3}}[-–—][ ]{{0,3}}(?:{trie(sorted(lex.titles))}[ ]{{1,3}})?(?P<name>{NAME})(?:,[^\n]{{1,80}})?[ ]{{0,3}}\.?[ ]{{0,3}}\Z""",
        flags,
    )
    return Patterns(
        cue=cue,
        signature=signature,
        characterising=characterising,
        subject=subject,
        mention_after=mention_after,
        name_run=name_run,
        boundary=boundary,
        object_=object_,
        adjunct=adjunct,
        headline_speaker=headline_speaker,
        document_ref=document_ref,
        subject_start=subject_start,
        subject_tail=regex.compile(subject_tail, flags),
        plain_mentions=not any(
            ch in word
            for words in (lex.role_nouns, lex.organisation_nouns, lex.document_nouns, lex.places, lex.titles)
            for word in words
            for ch in ',\n"“”'
        ),
    )


@functools.lru_cache(maxsize=16)
def patterns_for(lex: Lexicons) -> Patterns:
    """Return the compiled patterns for *lex* (cached: lexicons are immutable)."""
    return _build(lex)
