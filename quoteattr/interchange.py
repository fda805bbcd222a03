"""The JSON Lines interchange format: one document a line, flat quote records.

It is the format of ``../shared/eval/FORMAT.md`` (see docs/evaluation.md)
with more keys: every quote record carries ``start``, ``end``, ``kind``,
``speaker``, ``speaker_start``, ``speaker_end``, ``cue``, ``cue_start`` and
``cue_end``, so the library's output can be scored as it is, and besides
them the quote text, the speaker's kind, descriptors and affiliation, the
mention kind, the cue lemma, the marks, the fragments of a mixed quote, the
parts of a clause its attribution interrupts, the role, the confidence and
the rules.

>>> import quoteattr
>>> rec = document_record("d1", '"Yes," she said.', quoteattr.extract('"Yes," she said.'))
>>> q = rec["quotes"][0]
>>> (q["start"], q["end"], q["kind"], q["cue"], q["speaker"], q["speaker_start"])
(1, 5, 'direct', 'said', 'she', 7)
"""

from __future__ import annotations

from typing import Any

from quoteattr.models import Attribution, Extraction

__all__ = ["attribution_record", "document_record"]


def attribution_record(a: Attribution) -> dict[str, Any]:
    """Flatten one attribution into an interchange quote record."""
    speaker = a.speaker
    mention = a.mention
    cue = a.cue
    return {
        "start": a.quote.start,
        "end": a.quote.end,
        "kind": a.quote.kind.value,
        "speaker": None if speaker is None else speaker.name,
        "speaker_start": None if mention is None else mention.span.start,
        "speaker_end": None if mention is None else mention.span.end,
        "cue": None if cue is None else cue.text,
        "cue_start": None if cue is None else cue.span.start,
        "cue_end": None if cue is None else cue.span.end,
        "text": a.quote.text,
        "role": a.quote.role.value,
        "speaker_kind": None if speaker is None else speaker.kind.value,
        "speaker_descriptors": [] if speaker is None else list(speaker.descriptors),
        "speaker_affiliation": None if speaker is None else speaker.affiliation,
        "mention": None if mention is None else mention.text,
        "mention_kind": None if mention is None else mention.kind.value,
        "cue_lemma": None if cue is None else cue.lemma,
        "marks": list(a.quote.marks),
        "fragments": [[f.start, f.end] for f in a.quote.fragments],
        "parts": [[part.start, part.end] for part in a.quote.parts],
        "confidence": a.confidence,
        "rules": list(a.rules),
    }


def document_record(
    doc_id: str, text: str, extraction: Extraction, *, source: str = "quoteattr", with_text: bool = True
) -> dict[str, Any]:
    """Build the interchange record of one document."""
    record: dict[str, Any] = {"doc_id": doc_id, "source": source}
    if with_text:
        record["text"] = text
    record["quotes"] = [attribution_record(a) for a in extraction]
    record["speakers"] = [s.name for s in extraction.speakers]
    return record
