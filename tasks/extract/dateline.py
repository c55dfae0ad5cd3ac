"""Datelines ("ERBIL, Kurdistan Region of Iraq –") are cut before parsing.

Left in, the parser takes the place name as the subject of the first
sentence. The dateline's place is kept: it is where the story was filed.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from tasks.extract.dates import is_calendar_word

# An upper-case place, optionally ", Region" and "(Agency)", then a dash or colon.
_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[^\W\d_](?:[^\W\d_]|[.'’\-\ /]){0,40}?[^\W\d_]\.?)  # ERBIL / NEW DELHI / ST. PETERSBURG / CHORZÓW / BEIJING/HONIARA (upper case, checked below)
    (?:,\s*(?P<region>[A-Z][^\n–—:()]{0,60}?))?         # , Kurdistan Region of Iraq
    (?:\s*\((?P<agency>[^)\n]{1,60})\))?                # (Reuters)
    \s*(?P<mark>[–—]|-{1,2}|:)\s+""",
    re.VERBOSE,
)
# A transcript's speaker labels ("ANCHOR:", "CORRESPONDENT:", "SERGEI LAVROV:") open its lines.
_SPEAKER_LINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’\- ]{1,40}:[ \t]", re.MULTILINE)
# A press release's: "PRESS RELEASE\nNay Pyi Taw, 4 September 2017 –" (the place in title case, then the day).
_DATED = re.compile(
    r"""^\s*(?:[A-Z][A-Z ]{2,40}\n)?                     # PRESS RELEASE
    (?P<place>[A-Z][^\W\d_]*(?:[\ \-][A-Z][^\W\d_]*){0,3}),\s*
    (?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2}),?(?:\s+\d{4})?   # 4 September 2017 / Jan. 8, 2010
    \s*(?:[–—]|-{1,2}|:)\s+""",
    re.VERBOSE,
)
# A state agency's: "MANAMA, 16 Muharram 1424 AH / 19 March 2003 (BNA) --", "Jeddah, 10 Rabi' al-Awwal 1421 H,
# corresponding to 12 June 2000, SPA --", "PARIS, 18th July, 2022 (WAM) --": the day, often in two calendars,
# then the agency, in brackets or after a comma.
_DATED_AGENCY = re.compile(
    r"""^\s*(?P<place>[A-Z][^\W\d_]*(?:[\ \-][A-Z][^\W\d_]*){0,3}|[A-Z][A-Z.'’\-\ ]{2,40}),\s*
    (?:(?P<region>[A-Z][a-z]+(?:\ [A-Z][a-z]+){0,2}),\s*)?
    (?P<when>(?:(?:\d{1,4}(?:st|nd|rd|th)?|[A-Z][\w'’\-]*\.?|al-[\w'’\-]+|corresponding|to|/)(?:,|\s)\s*){1,12}?)
    (?:\((?P<agency>[^)\n]{1,40})\)|(?P<agency2>[A-Z][A-Za-z]{1,5}))
    \s*(?:[–—]|-{1,2})\s+""",
    re.VERBOSE,
)
_AGENCY_ONLY = re.compile(r"^\s*\((?P<agency>[A-Za-z][^)\n]{0,40})\)\s*(?:[–—]|-{1,2})\s+")


@dataclass(frozen=True)
class Dateline:
    offset: int  # characters cut from the front of the text
    place: str | None
    region: str | None = None
    labelled: bool = False  # "BEIJING:", a colon's, which labels too ("FACTBOX:", "NEWSREADER:")


def split_dateline(text: str) -> Dateline:
    match = _DATELINE.match(text)
    if match and len(match.group("place").replace(" ", "")) >= 3 and match.group("place").isupper():
        place = match.group("place").strip().title()
        if match.group("mark") == ":" and len(_SPEAKER_LINE.findall(text)) >= 2:
            return Dateline(match.end(), None)  # "ANCHOR: Good evening ... CORRESPONDENT: ...": who speaks, not where
        if "/" in place:
            return Dateline(match.end(), None)  # "NEW DELHI/ISLAMABAD": filed from two places, so from neither
        region = (match.group("region") or "").strip() or None
        if region and any(ch.isdigit() for ch in region):
            region = None  # "OSLO, Jan 8 (Nordic Brief) –": a day, not a region
        return Dateline(match.end(), place, region, labelled=match.group("mark") == ":")
    match = _DATED.match(text)
    if match and is_calendar_word(match.group("place")):
        return Dateline(0, None)  # "Friday, Dec 9 - times are Riyadh": a live blog's day, not a place
    if match:
        place = match.group("place")
        return Dateline(match.end(), place.title() if place.isupper() else place)
    match = _DATED_AGENCY.match(text)
    if match and any(ch.isdigit() for ch in match.group("when")):
        place = match.group("place").strip()
        return Dateline(match.end(), place.title() if place.isupper() else place, match.group("region"))
    match = _AGENCY_ONLY.match(text)
    if match:
        return Dateline(match.end(), None)
    return Dateline(0, None)


def line_starts(doc) -> list[int]:
    """The indices of the tokens that open a line after the first: found from the text's newlines
    rather than by asking every token for its whitespace, which is slow in Python."""
    text = doc.text
    offsets = [t.idx for t in doc]
    found = []
    for match in re.finditer(r"\n\s*", text):
        i = bisect_left(offsets, match.end())
        if i < len(offsets) and offsets[i] == match.end() and (not found or found[-1] != i):
            found.append(i)
    return found
