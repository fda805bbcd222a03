"""Stage 7: run the rules in order and assemble attributions with evidence and confidence.

The pipeline reads from top to bottom::

    view        = normalise(text)                  # 1 normalise.py
    paragraphs  = find_paragraphs(view)            # 2 segment.py
    quotations  = find_quotations(doc, paragraphs) # 3 quotes.py
    sentences   = find_sentences(...)              # 2 segment.py, quotations protected
    cues        = find_cues(...)                   # 4 cues.py
    frames      = direct, reported, quote rules    #   attribute.py
    speakers    = speaker rules                    # 5-6 mentions.py, coref.py
    attributions                                   # 7 here
"""

from __future__ import annotations

from quoteattr import attribute as at
from quoteattr import coref
from quoteattr.coref import Entity, EntityTracker, index_names, link_named_later
from quoteattr.cues import find_cues
from quoteattr.document import Document
from quoteattr.lexicons import Lexicons
from quoteattr.models import (
    Attribution,
    Cue,
    Extraction,
    Mention,
    Quote,
    QuoteRole,
    Span,
    Speaker,
)
from quoteattr.quotes import find_quotations
from quoteattr.rules import Registry, Rule, RuleSet
from quoteattr.segment import find_paragraphs, find_sentences

__all__ = ["DEFAULT_RULES", "run"]

DEFAULT_RULES = RuleSet(
    direct=Registry("direct")
    .register(Rule("direct.transcript", 110, 'a paragraph of a quoted transcript \'"WALLACE: words\' is the labelled speaker\'s turn', at.direct_transcript, 0.7))
    .register(Rule("direct.after_quote", 100, '"...," X said. / "...," said X. / "...," according to X.', at.direct_after_quote, 0.95))
    .register(Rule("direct.before_quote", 90, 'X said: "..." / X told Y, "..."', at.direct_before_quote, 0.9))
    .register(Rule("direct.headline_speaker", 80, "headline 'Acme: \"...\"': a name and a colon before the quotation", at.direct_headline_speaker, 0.7))
    .register(Rule("direct.colon_intro", 60, 'X did something: "...": a sentence ending in a colon introduces its subject\'s words', at.direct_colon_intro, 0.6))
    .register(Rule("direct.headline_quote_first", 70, "headline '\"...\": Minister Warns Banks': quotation, colon, speaker, cue", at.direct_headline_quote_first, 0.7)),
    reported=Registry("reported")
    .register(Rule("reported.sentence_final", 100, "CLAUSE, X said (on Monday). / CLAUSE, said X. / CLAUSE, according to X. / CLAUSE, X said, adding ...", at.reported_sentence_final, 0.85))
    .register(Rule("reported.parenthetical", 95, "CLAUSE-START, X said, CLAUSE-END.: a cue set off by commas inside the clause; the quote spans both sides, its parts are the sides", at.reported_parenthetical, 0.8))
    .register(Rule("reported.as_source", 92, "As X reported, CLAUSE. / As X put it, CLAUSE.", at.reported_as_source, 0.8))
    .register(Rule("reported.according_to_first", 90, "According to X, CLAUSE.", at.reported_according_to_first, 0.85))
    .register(Rule("reported.after_cue", 80, "X said (that) CLAUSE / X told Y (that) CLAUSE / X added CLAUSE", at.reported_after_cue, 0.8))
    .register(Rule("reported.answer", 79, "X said yes / X said so / X said the same: a one-word answer (or \"the same\") is what was said", at.reported_answer, 0.6))
    .register(Rule("reported.question", 78, "X asked (Y) whether CLAUSE / Asked about X, ...: the question asked", at.reported_question, 0.6))
    .register(Rule("reported.infinitive", 75, "X vowed to CLAUSE / X urged Y to CLAUSE / ..., promising to CLAUSE", at.reported_infinitive, 0.7))
    .register(Rule("reported.object", 65, "X announced a new tariff / X accused Y of lying: the object of a declaring or judging verb", at.reported_object, 0.5))
    .register(Rule("reported.participle", 70, "..., saying (that) CLAUSE / with X saying CLAUSE / Noting that CLAUSE, X ...: the subject speaks", at.reported_participle, 0.7)),
    quote=Registry("quote")
    .register(Rule("quote.headline_colon", 105, 'a headline "Lynch: No outside influence on FBI probe." reports words of the name before its colon', at.quote_headline_colon, 0.5))
    .register(Rule("quote.fragments", 100, "a quotation inside a reported clause is a fragment of a mixed quote", at.quote_fragments))
    .register(Rule("quote.title", 90, 'a quotation after "headline", "titled", "the word" is a title or term, not speech', at.quote_title, 0.2))
    .register(Rule("quote.characterised", 85, "X called Y \"...\": the object and quoted words after a characterising verb are its subject's (mixed); from the relative word in 'whom X described as \"...\"'", at.quote_characterised, 0.5))
    .register(Rule("quote.continuation", 80, "a quotation with no cue continues the last speaker (same paragraph, or a paragraph that opens with it)", at.quote_continuation, 0.75))
    .register(Rule("quote.transcript", 75, 'a paragraph "SMITH: words" is a direct quote by the speaker its capitalised label names', at.quote_transcript, 0.6))
    .register(Rule("quote.signature", 72, "a quotation paragraph signed on the next line ('- Ann Lee.') is the signer's", at.quote_signature, 0.6))
    .register(Rule("quote.block", 70, 'a paragraph after one ending in a colon ("To wit:") is a block quote', at.quote_block, 0.6))
    .register(Rule("quote.scare", 60, "a short quotation inside a sentence with no cue is a scare quote or term", at.quote_scare, 0.2))
    .register(Rule("quote.sentence_subject", 25, "a quotation no rule claimed, inside a sentence, goes to the subject that opens the sentence", at.quote_sentence_subject, 0.35))
    .register(Rule("quote.recent_speaker", 20, "a quotation no rule claimed goes to the speaker just before it (up to two paragraphs back, no cue between)", at.quote_recent_speaker, 0.4))
    .register(Rule("quote.unattributed", 10, "any other quotation is speech with no speaker given nearby", at.quote_unattributed, 0.3)),
    speaker=Registry("speaker")
    .register(Rule("speaker.coordinated", 110, '"Britain and France said": a group named by the whole phrase', coref.speaker_coordinated, 0.9))
    .register(Rule("speaker.relative", 105, '"X, who said": the name before "who"; "a report, which states": the document', coref.speaker_relative, 0.8))
    .register(Rule("speaker.pronoun", 100, '"he"/"she": the last person speaker not of the other gender; "it": the last organisation', coref.speaker_pronoun, 0.85))
    .register(Rule("speaker.first_person", 98, '"I", "we" outside quotations: the writer, a speaker named by the pronoun', coref.speaker_first_person, 0.7))
    .register(Rule("speaker.document", 95, '"the statement": whoever made it; "the Acme report": Acme', coref.speaker_document, 0.85))
    .register(Rule("speaker.definite_role", 90, '"the spokesman": the last speaker described as one', coref.speaker_definite_role, 0.9))
    .register(Rule("speaker.organisation_nominal", 85, '"the company", "the tech firm": the last organisation that spoke', coref.speaker_organisation_nominal, 0.8))
    .register(Rule("speaker.name", 70, 'a name, or part of one ("Lee" -> "Ann Lee"), or a short company name', coref.speaker_name, 1.0))
    .register(Rule("speaker.unresolved_pronoun", 5, '"he"/"she"/"they"/"who" no other rule resolved: a speaker named by the pronoun', coref.speaker_unresolved_pronoun, 0.3))
    .register(Rule("speaker.anonymous", 10, 'a description with no name ("a company spokeswoman") names its own speaker', coref.speaker_anonymous, 0.9)),
)  # fmt: skip


def _frames(doc: Document, lex: Lexicons, rules: RuleSet, settings: at.Settings) -> at.Context:
    view = doc.view
    paragraphs = find_paragraphs(view)
    quotations = find_quotations(doc, paragraphs)
    top = [q for q in quotations if q.depth == 0]
    sentences = find_sentences(view, paragraphs, [(q.open, q.outer_end) for q in top], lex)
    cues = find_cues(
        doc, lex, [(q.content_start, q.content_end) for q in top], paragraphs, cognition=settings.cognition
    )
    ctx = at.Context(doc, lex, settings, paragraphs, sentences, quotations, cues)
    direct = list(rules.direct)
    for q in ctx.top:
        for rule in direct:
            frame = rule.func(ctx, q)
            if frame is not None:
                ctx.add(_capped(frame, rule))
                break
    reported = list(rules.reported)
    for cue in ctx.cues:
        if cue.span.start in ctx.used_cues:
            continue
        for rule in reported:
            frame = rule.func(ctx, cue)
            if frame is not None:
                ctx.add(_capped(frame, rule))
                break
    for rule in rules.quote:
        for frame in rule.func(ctx):
            ctx.add(_capped(frame, rule))
    return ctx


def _capped(frame: at.Frame, rule: Rule) -> at.Frame:
    """Name the registered rule in the frame's evidence and cap its confidence at the rule's.

    A rule may record the specific shape it matched after its own name
    ("direct.after_quote", "direct.after_quote_inverted"); see ``EVIDENCE``.
    """
    frame.confidence = min(frame.confidence, rule.confidence)
    if rule.name not in frame.rules:
        last = frame.rules[-1] if frame.rules else ""
        variant = last.split(".", 1)[0] == rule.name.split(".", 1)[0] and last not in EVIDENCE_MARKS
        frame.rules.insert(len(frame.rules) - 1 if variant else len(frame.rules), rule.name)
    return frame


EVIDENCE_MARKS = frozenset({"quote.pair", "quote.paragraph_reopen", "quote.unterminated"})


def _resolve(ctx: at.Context, rules: RuleSet) -> tuple[dict[int, Entity], dict[int, str]]:
    """Resolve every frame's speaker in text order; return entity and rule per frame id."""
    tracker = EntityTracker(
        ctx.doc,
        ctx.lex,
        index_names(ctx.doc, ctx.lex, max((f.end for f in ctx.frames), default=0) + 200),
        sentence_starts=ctx.sentence_starts,
        quoted=[(q.content_start, q.content_end) for q in ctx.top],
    )
    speaker_rules = list(rules.speaker)
    found: dict[int, Entity] = {}
    how: dict[int, str] = {}
    for frame in sorted(ctx.frames, key=lambda f: (f.anchor, f.start)):
        if frame.role is not QuoteRole.SPEECH:
            continue
        entity: Entity | None = None
        if frame.antecedent is not None and frame.mention is None:
            entity = found.get(id(frame.antecedent))
            if entity is not None:
                how[id(frame)] = "speaker.antecedent"
        elif frame.mention is not None:
            for rule in speaker_rules:
                entity = rule.func(tracker, frame.mention)
                if entity is not None:
                    how[id(frame)] = rule.name
                    break
            if entity is not None:
                tracker.add_descriptors(entity, frame.mention)
        elif frame.block_owner is not None:
            entity = coref.resolve_name(tracker, frame.block_owner, frame.start)
            how[id(frame)] = "speaker.document_owner"
        if entity is None:
            continue
        mention = None
        if frame.mention is not None:
            mention = Mention(span=frame.mention.span, kind=frame.mention.kind)
        tracker.note_speaker(entity, mention)
        if frame.document_noun is not None:
            entity.documents.add(frame.document_noun)
        found[id(frame)] = entity
    merged = link_named_later(tracker)
    if merged:
        for key, entity in list(found.items()):
            if entity.ident in merged:
                found[key] = tracker.entities[merged[entity.ident]]
                how[key] += "+speaker.named_later"
    return found, how


def _confidence(frame: at.Frame, rule_conf: dict[str, float], how: str | None) -> float:
    """Combine the frame's rule confidence with that of the speaker rules that resolved it.

    A quotation whose mention resolved to no one counts half.
    """
    value = frame.confidence
    if how is not None:
        for name in how.split("+"):
            value *= rule_conf.get(name, 1.0)
    elif frame.role is QuoteRole.SPEECH and (frame.mention is not None or frame.antecedent is not None):
        value *= 0.5
    elif frame.role is QuoteRole.SPEECH:
        value *= 0.8
    return round(min(1.0, max(0.0, value)), 3)


def run(doc: Document, lex: Lexicons, rules: RuleSet, settings: at.Settings, *, keep_aside: bool = False) -> Extraction:
    """Extract the attributions of one document."""
    ctx = _frames(doc, lex, rules, settings)
    found, how = _resolve(ctx, rules)
    rule_conf = {r.name: r.confidence for r in rules.speaker}
    speakers: dict[int, Speaker] = {}
    attributions: list[Attribution] = []
    aside: list[Quote] = []
    text = doc.text
    for frame in sorted(ctx.frames, key=lambda f: (f.start, f.end)):
        q = frame.quotation
        quote = Quote(
            span=Span.of(text, frame.start, frame.end),
            kind=frame.kind,
            marks=() if q is None else (text[q.open : q.content_start], text[q.content_end : q.outer_end]),
            fragments=tuple(Span.of(text, f.content_start, f.content_end) for f in frame.fragments),
            role=frame.role,
            parts=tuple(Span.of(text, s, e) for s, e in frame.parts),
        )
        if frame.role is not QuoteRole.SPEECH:
            aside.append(quote)
            if not keep_aside:
                continue
        entity = found.get(id(frame))
        speaker = None
        if entity is not None:
            speaker = speakers.get(entity.ident)
            if speaker is None:
                speaker = speakers[entity.ident] = entity.to_speaker()
        # A continuation is tied to the mention of the quote it continues.
        source = frame
        while source.mention is None and source.antecedent is not None:
            source = source.antecedent
        mention = None
        if source.mention is not None and entity is not None:
            mention = Mention(span=source.mention.span, kind=source.mention.kind)
        cue = frame.cue
        if cue is not None and type(cue) is not Cue:
            cue = Cue(span=cue.span, lemma=cue.lemma)  # a rule's own cue type; a Cue is frozen and shared as is
        rules_used = list(frame.rules)
        if id(frame) in how:
            rules_used.extend(how[id(frame)].split("+"))
        attributions.append(
            Attribution(
                quote=quote,
                speaker=speaker,
                mention=mention,
                cue=cue,
                confidence=_confidence(frame, rule_conf, how.get(id(frame))),
                rules=tuple(rules_used),
            )
        )
    return Extraction(
        attributions=tuple(attributions),
        speakers=tuple(speakers[k] for k in sorted(speakers)),
        other_quotes=tuple(aside),
    )
