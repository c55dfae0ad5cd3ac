"""Claims a fact-check rates: what a "Claim:" line says happened is only claimed.

A fact-check lays out each claim on a line of its own ("Claim: The United
Kingdom has granted Hasina asylum.") and rates it on the line after
("Verdict: False. There is no record of any such decision ..."). Read alone,
the claim line asserts an event; the warehouse would then hold as fact what
the article exists to refute. So a claim rated false is negated, one rated
true stands, and one rated anything else (misleading, unproven, partly true)
is only reported. The labels and ratings are data (cues.json: claim_labels,
verdict_labels, false_ratings, true_ratings).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tasks.extract.cues import Cues

HAPPENED = {"asserted", "reported"}


def _labelled(line: str, labels: set[str]) -> str | None:
    """The text after a line's label ("Verdict: False. ..." -> "False. ..."), if it has one of these."""
    head, colon, rest = line.partition(":")
    if colon and head.strip().lower() in labels:
        return rest.strip()
    return None


def _rating(verdict: str, cues: Cues) -> str:
    """"false", "true" or "other", from the verdict's first words ("False.", "Mostly true:", "No evidence")."""
    words = " ".join(re.findall(r"[a-z]+", verdict.lower())[:3])
    if any(words == r or words.startswith(r + " ") for r in cues.false_ratings):
        return "false"
    if any(words == r or words.startswith(r + " ") for r in cues.true_ratings):
        return "true"
    return "other"


def rate_claims(doc: Doc, mentions: list, cues: Cues) -> None:
    """Set the modality of mentions told on a claim line from the rating on the verdict line after it."""
    spans = []  # (start char, end char, rating)
    at = 0
    lines = doc.text.split("\n")
    starts = []
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    for i, line in enumerate(lines):
        if _labelled(line, cues.claim_labels) is None:
            continue
        for later in lines[i + 1: i + 3]:
            verdict = _labelled(later, cues.verdict_labels)
            if verdict is not None:
                spans.append((starts[i], starts[i] + len(line), _rating(verdict, cues)))
                break
    if not spans:
        return
    for mention in mentions:
        char = doc[mention.trigger_start].idx
        rating = next((r for start, end, r in spans if start <= char < end), None)
        if rating is None or rating == "true" or mention.modality not in HAPPENED:
            continue
        mention.modality = "negated" if rating == "false" else "reported"
        mention.modality_cue = f"claim rated {rating}"
