"""Resolving the words of a date ("on Wednesday", "yesterday") to an ISO day.

News convention: a weekday in a past-tense report is the latest such day on
or before publication ("on Wednesday" in Wednesday's paper is that day);
in a report of plans it is the next one on or after. dateparser handles the
rest; anything coarser than a day (a month, "last week") gives None rather
than a guess.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

# a month as headings and timelines abbreviate it or not, and wire factboxes capitalise it:
# "Feb", "Feb.", "Sept.", "February", "JUNE"
MONTH_WORD = r"(?i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
# A timeline's entry, and the time that heads it: "Feb 21, 1999 - ...", "July 2001 – ...", "2019: ...", "12 March 2003 — ..."
TIMELINE_ENTRY = re.compile(
    rf"(?:[-–•*]\s*)?((?:\d{{1,2}}\s+)?(?:{MONTH_WORD}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?)?,?\s*)?\d{{4}})\s*[-–—:]\s")
# a day heading a line of a timeline or a live blog, before a colon or a dash
HEADING_DAY = re.compile(
    rf"\s*(?:[-–•*]\s*)?((?:{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:[-–]\d{{1,2}})?|\d{{1,2}}(?:[-–]\d{{1,2}})?\s+{MONTH_WORD})(?:,?\s+\d{{4}})?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s*[:–—-]\s")

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(?:(last|next|this|on|coming)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_VAGUE = re.compile(
    r"\b(week|weeks|month|months|year|years|decade|decades|century|season|spring|summer|autumn|fall|winter|recent|recently|earlier|later|soon|past|coming days|period|time)\b",
    re.IGNORECASE,
)
# the calendar week a weekday is told of: "Monday last week", "Thursday of next week", "last week on Tuesday"
_WEEK_TOLD = re.compile(r"\b(last|this|next)\s+week\b", re.IGNORECASE)
_RELATIVE_DAY = re.compile(r"\b(today|tonight|yesterday|tomorrow|day before yesterday|day after tomorrow|\d+ days? (ago|earlier|later))\b", re.IGNORECASE)
_DAY_OF_RELATIVE_YEAR = re.compile(
    r"\b((?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)),?\s+(last|this|next)\s+year\b",
    re.IGNORECASE,
)
_ANCHORED = re.compile(r"\b(after|before|since|following|until|ahead of|prior to)\b", re.IGNORECASE)

# "this afternoon", "tonight", "later today": a part of the day the paper comes out (the model calls it a TIME)
_TODAY_PART = re.compile(r"^(?:(?:later|earlier)\s+)?(?:this\s+(?:morning|afternoon|evening)|tonight|today)$", re.IGNORECASE)

_DURATION = re.compile(r"^(?:by |for |within )?(?:a|an|one|two|three|four|five|six|seven|several|few|\d+)\s+(?:more\s+)?(?:day|days|night|nights|hour|hours)$", re.IGNORECASE)



def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                  "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                  "twentieth"] + [f"twenty-{w}" for w in ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]] \
    + ["thirtieth", "thirty-first"]
_ORDINAL = "|".join(_ORDINAL_WORDS)
_ORDINAL_DAY = re.compile(rf"\b(?:the\s+)?({_ORDINAL})\s+of\s+({MONTH_WORD})|\b({MONTH_WORD}\s+)(?:the\s+)?({_ORDINAL})\b", re.IGNORECASE)


def _day_number(word: str) -> str:
    return str(_ORDINAL_WORDS.index(word.lower()) + 1)


def ordinals_as_numbers(text: str) -> str:
    """"the fifteenth of December" -> "15 December", "November the second" -> "November 2": a day of a
    month written in words, as dateparser and the patterns here read days."""
    return _ORDINAL_DAY.sub(lambda m: f"{_day_number(m.group(1))} {m.group(2)}" if m.group(1) else f"{m.group(3)}{_day_number(m.group(4))}", text)


def resolve_date(text: str, published: date | None, future: bool = False) -> date | None:
    """The day `text` names, or None when it names no single day or has no anchor."""
    text = ordinals_as_numbers(" ".join(text.split()))
    if not text or _ANCHORED.search(text):
        return None
    if _DURATION.match(text):
        return None  # "a day", "by two days": a length of time, not a day
    if is_anniversary(text):
        return anniversary_day(text, published)
    # "July 11-12", "Nov. 25-27", "23-24 October": the first day (dateparser reads the second number as a year)
    text = _DAY_RANGE.sub(r"\1", text)
    text = _DAY_RANGE_BEFORE_MONTH.sub(r"\1\2", text)
    if re.fullmatch(r"(?:the\s+)?\d{1,3}(?:st|nd|rd|th)", text, re.IGNORECASE):
        return None  # "their 22nd meeting": a count, not the 22nd of the month
    if names_today(re.sub(r"^(?:on|for)\s+", "", text, flags=re.IGNORECASE)):
        return published
    weekday = _WEEKDAY.search(text)
    if weekday and not re.search(r"\d", text):
        if published is None:
            return None
        qualifier = (weekday.group(1) or "").lower()
        target = WEEKDAYS.index(weekday.group(2).lower())
        week = _WEEK_TOLD.search(text)
        if week is not None:
            # "on Monday last week", "Thursday of next week": that day of the calendar week told
            monday = published - timedelta(days=published.weekday())
            return monday + timedelta(days=7 * {"last": -1, "this": 0, "next": 1}[week.group(1).lower()] + target)
        delta = (target - published.weekday()) % 7
        if qualifier == "next" or (future and qualifier != "last"):
            return published + timedelta(days=delta or (7 if qualifier == "next" else 0))
        back = (published.weekday() - target) % 7
        if qualifier == "last" and back == 0:
            back = 7
        return published - timedelta(days=back)
    yearly = _DAY_OF_RELATIVE_YEAR.search(text)
    if yearly and published is not None:
        # "on June 9 last year": the day, in the year counted from publication
        year = published.year + {"last": -1, "this": 0, "next": 1}[yearly.group(2).lower()]
        text = f"{yearly.group(1)} {year}"
    if _VAGUE.search(text) and not _RELATIVE_DAY.search(text):
        return None
    base = datetime.combine(published, datetime.min.time()) if published else None
    if base is None and not re.search(r"\b\d{4}\b", text):
        return None  # "March 3" with no publication date: no year to anchor it
    settings = {"PREFER_DATES_FROM": "future" if future else "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    # the anchor varies per article, and DateDataParser takes settings only at construction
    parser = DateDataParser(languages=["en"], settings=settings)
    # "on March 3", and "scheduled for August 17": the day itself
    data = parser.get_date_data(re.sub(r"^(?:on|for)\s+", "", text, flags=re.IGNORECASE))
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return _on_its_weekday(data.date_obj.date(), weekday, text, published)


def _on_its_weekday(day: date, weekday: re.Match | None, text: str, published: date | None) -> date:
    """"Wednesday, January 31", in a paper of February 5, 1979: this January 31, a Wednesday, not next
    year's, whatever the tense. Only the year either side of the one chosen, within three months of
    publication, is weighed (a year the text names stands)."""
    if weekday is None or published is None or names_a_year(text):
        return day
    target = WEEKDAYS.index(weekday.group(2).lower())
    if day.weekday() == target:
        return day
    for year in (day.year - 1, day.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            continue  # February 29
        if candidate.weekday() == target and abs((candidate - published).days) <= 92:
            return candidate
    return day


_CHAINED = re.compile(
    r"^(?:(?:a|one|two|three|four|five|\d+)\s+days?\s+(?P<dir>earlier|later|before|after)|the\s+(?P<rel>following|next|previous|same)\s+day|the\s+day\s+(?P<dir2>before|after)"
    r"|(?:(?:earlier|later|early|late)\s+)?(?P<same>that(?:\s+same)?|the same)\s+(?:day|morning|afternoon|evening|night)|(?:earlier|later)\s+(?P<inday>in)\s+the\s+day"
    r"|(?P<hours>(?:(?:a\s+)?few|several|two|three|\d+)\s+)?hours\s+(?:later|earlier|after|before))$",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


_THAT_DAY = re.compile(r"\bthat\s+(?:day|morning|afternoon|evening|night)\b|\bin\s+the\s+day\b|\bhours\b", re.IGNORECASE)


# a span of days in one month: "July 11-12", "Nov. 25–27"
_DAY_RANGE = re.compile(rf"({MONTH_WORD}\s+\d{{1,2}})\s*[-–]\s*\d{{1,2}}(?!\d)")
# and the same told day first: "23-24 October", "3–5 March 1990"
_DAY_RANGE_BEFORE_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})\s*[-–]\s*\d{{1,2}}(\s+{MONTH_WORD})")
# "Fifty years ago today", "forty-five years ago tonight": an anniversary piece's own day, that many years
# back; "Fifty years ago this week" tells only its week
_ANNIVERSARY = re.compile(r"^(.+\byears?\s+ago)\s+(today|tonight|this\s+week)$", re.IGNORECASE)


def _anniversary(text: str, week: bool) -> re.Match | None:
    """The anniversary words, if they are some: of a day, or with `week` of a day or a week."""
    match = _ANNIVERSARY.match(" ".join(text.split()))
    return match if match is not None and (week or not match.group(2).lower().startswith("this")) else None


def anniversary_day(text: str, published: date | None, week: bool = False) -> date | None:
    """The day an anniversary piece is about ("Fifty years ago today"), counted back from publication;
    with `week`, also the same day of the year for a piece that names only the week ("this week")."""
    match = _anniversary(text, week)
    if match is None or published is None:
        return None
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": datetime.combine(published, datetime.min.time()), "RETURN_AS_TIMEZONE_AWARE": False})
    data = parser.get_date_data(match.group(1))
    return data.date_obj.date() if data is not None and data.date_obj is not None else None


def is_anniversary(text: str, week: bool = False) -> bool:
    """Whether the words count an anniversary piece's day back from publication ("Thirty years ago today"),
    or, with `week`, its day or its week ("Thirty years ago this week")."""
    return _anniversary(text, week) is not None


def names_today(text: str) -> bool:
    """"This evening", "later today": the publication day, in words the model tags as a time."""
    return bool(_TODAY_PART.match(" ".join(text.split())))


def day_heading(text: str, at: int) -> re.Match | None:
    """The day heading the line a character is on ("November 19 - ...", "Nov 5: ..."), if one does."""
    return HEADING_DAY.match(text, text.rfind("\n", 0, at) + 1)


def on_timeline_entry(text: str, at: int) -> bool:
    """Whether the line a character is on is a timeline's entry ("MAY 24, 2002 - ...", "2019: ...")."""
    return TIMELINE_ENTRY.match(text, text.rfind("\n", 0, at) + 1) is not None


# a timeline's entry at the start of any line
_ENTRY_LINE = re.compile(r"^[ \t]*" + TIMELINE_ENTRY.pattern, re.MULTILINE)

# a heading that is a year alone ("1990", "In 1991:", "2019 —") or ends a short title with its month and year
# ("Thatcher's visit, September 1982", "Step 1 – Bogor, December 1954"; not a newsletter's "| Monday, October 16, 2023")
_YEAR_HEADING = re.compile(
    rf"^[ \t]*(?:In\s+|[^\n.!?]{{0,60}}?(?<!\d)[,:–—-][ \t]*)?(?:{MONTH_WORD}[ \t]+)?((?:1[89]|20)\d\d)[ \t]*[:.\-–—]?[ \t]*$", re.MULTILINE)


def entry_year(text: str, at: int) -> int | None:
    """The year a timeline gives the days it tells without one: that of the entry the line opens
    with ("OCTOBER 2007 - Roh walks across the line ... On October 4 they sign a declaration"), or
    of the last heading that is a year alone ("1990" over "August 5: Bush meets Prince Bandar"), or, on a
    line headed by a day alone, of the last entry that gave its year.
    Read against the paper's date, such a day would land in the paper's own year."""
    line_start = text.rfind("\n", 0, at) + 1
    entry = TIMELINE_ENTRY.match(text, line_start)
    if entry is not None:
        return int(re.search(r"\d{4}", entry.group(1)).group())
    years = [(m.start(), int(m.group(1))) for m in _YEAR_HEADING.finditer(text, 0, line_start)]
    if HEADING_DAY.match(text, line_start):
        # "November 9, 1977 - Sadat tells parliament ...", then "November 19 - Sadat lands": an entry with a day
        # and no year is in the year of the last entry that told one
        years += [(m.start(), int(re.search(r"\d{4}", m.group(1)).group())) for m in _ENTRY_LINE.finditer(text, 0, line_start)]
    return max(years)[1] if years else None


# a section's heading that ends on a full day: "1. Erfurt, 19 March 1970", "The Warsaw Treaty, 7 December 1970"
_DAY_HEADING = re.compile(
    rf"[ \t]*(?:\d{{1,2}}\.[ \t]+)?[^\n.!?]{{1,60}}?,[ \t]*(\d{{1,2}}[ \t]+{MONTH_WORD}[ \t]+\d{{4}}|{MONTH_WORD}[ \t]+\d{{1,2}},?[ \t]+\d{{4}})[ \t]*")


# a diary's entry: "Thursday, 9 November 1989. Warsaw.", "Friday, 10 November. Warsaw - Berlin - Bonn."
_DIARY_HEADING = re.compile(
    rf"[ \t]*(?i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?[ \t]+((?:\d{{1,2}}[ \t]+{MONTH_WORD}|{MONTH_WORD}[ \t]+\d{{1,2}})(?:,?[ \t]+(\d{{4}}))?)"
    r"[ \t]*(?:[.:\u2013\u2014-][^\n]{0,60})?")


def _diary_day(text: str, start: int, heading: re.Match, published: date | None) -> tuple[date, str] | None:
    """The day of a diary's entry heading, in the year it gives or else the year of the last entry above
    that gives one (a diary published decades on tells its own year, not the paper's)."""
    words, year = heading.group(1), heading.group(2)
    if year is None:
        years = [m.group(2) for m in (_DIARY_HEADING.fullmatch(l.strip()) for l in text[:start].split("\n")) if m is not None and m.group(2)]
        if not years:
            return None
        day = resolve_date(words, published)
        return (in_year(day, int(years[-1])), words) if day is not None else None
    day = resolve_date(words, published)
    return (day, words) if day is not None else None


# a briefing's section or item told as the day's: "(3) TODAY", "TODAY AT THE WHITE HOUSE:", "Later today:"
_TODAY_HEADING = re.compile(r"[ \t]*(?:\(?\d{1,2}[.)][ \t]*)?(?:[•*-][ \t]*)?((?i:later[ \t]+)?(?:TODAY|Today|today|TONIGHT|Tonight|tonight))\b([^\n:.!?]{0,40}):?[ \t]*")
_TODAY_LABEL = re.compile(r"[ \t]*(?:[•*-][ \t]*)?((?i:later[ \t]+)?(?:TODAY|Today|TONIGHT|Tonight))\b[^\n:.!?]{0,40}:[ \t]")


def section_day(text: str, at: int, published: date | None) -> tuple[date, str] | None:
    """The day a section's heading gives, and its words: "1. Erfurt, 19 March 1970" over "Brandt travelled by
    train to Erfurt, where ... Willi Stoph received him", a revision sheet's entry that tells its day only
    above. The heading is the nearest line above that ends no sentence; paragraphs in between are the
    section's (a few at most). Not the text's first line, a masthead's or a dateline's day ("Global Press
    Review, 16 September 2013"), which is the paper's."""
    top = len(text) - len(text.lstrip())
    first_line_end = text.find("\n", top)  # (the text's first line ends there)
    end = text.rfind("\n", 0, at)
    label = _TODAY_LABEL.match(text, end + 1)
    if label is not None and published is not None and label.end() <= at:
        return published, label.group(1)  # "TODAY AT THE WHITE HOUSE: President Joe Biden hosts ..."
    for _ in range(6):
        if end <= first_line_end:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if not line:
            continue
        heading = _DAY_HEADING.fullmatch(line)
        if heading is not None:
            day = resolve_date(heading.group(1), published)
            return (day, heading.group(1)) if day is not None else None
        entry = _DIARY_HEADING.fullmatch(line)
        if entry is not None:
            return _diary_day(text, start, entry, published)
        today = _TODAY_HEADING.fullmatch(line)
        if today is not None and published is not None and (today.group(2).strip() == "" or today.group(2).isupper()):
            return published, today.group(1)  # "(3) TODAY" over "Then he flies straight to Jeddah to meet King Salman"
        if len(line) < 80 and line[-1] not in ".!?\"'’”)":
            return None  # another heading, with no day
    return None


# "The following month ...", "Two years later ...": a time counted from the one just told
_ANOTHER_TIME = re.compile(
    r"\b(?:the\s+(?:following|next|previous)|following)\s+(?:day|week|month|year)\b|\b(?:days?|weeks?|months?|years?)\s+(?:later|earlier|on)\b", re.IGNORECASE)


def tells_another_time(text: str) -> bool:
    """Whether a sentence moves the time on from the day told before it, in words the model
    may not read as a date ("The following month his second summit ... breaks up")."""
    return bool(_ANOTHER_TIME.search(text))


_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_DAY = re.compile(rf"\b{MONTH_WORD}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH_WORD}")


def names_a_year(text: str) -> bool:
    return bool(_A_YEAR.search(text))


def names_two_years(text: str) -> bool:
    """"from 1985 to 1990", "between 1950 and 1956": a span, not a time."""
    return len(_A_YEAR.findall(text)) > 1


def names_month_day(text: str) -> bool:
    """"July 30", "30 July", "the thirtieth of July": a day of a month, with or without its year."""
    return bool(_MONTH_DAY.search(ordinals_as_numbers(text)))


def in_year(day: date, year: int) -> date:
    """The same day of the month in the year a timeline gives ("1990 ... August 5")."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day  # February 29 of a year without one: left as read


def in_story_year(day: date, story_day: date) -> date:
    """"Forty years ago today, on August 1, 1975, ... The summit opened on July 30": a day named without its
    year, in a story told of another year, is that year's (the nearest such day to the one told)."""
    candidates = []
    for year in (story_day.year - 1, story_day.year, story_day.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:
            continue  # February 29
    return min(candidates, key=lambda d: abs((d - story_day).days)) if candidates else day


def weekday_near(text: str, story_day: date) -> date | None:
    """"On the Thursday", in a story told of another year: the day of that name nearest the story's
    day, before or after it ("On Sunday they came back" after a Friday; "On the Thursday" before a
    Friday's signing), not the one before publication, decades later."""
    weekday = _WEEKDAY.search(text)
    if weekday is None or re.search(r"\d", text):
        return None
    ahead = (WEEKDAYS.index(weekday.group(2).lower()) - story_day.weekday()) % 7
    return story_day + timedelta(days=ahead if ahead <= 3 else ahead - 7)


_DAY_OF_MONTH = re.compile(r"^(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)


def day_of_story_month(text: str, story_day: date) -> date | None:
    """"They initialled the documents on the 17th", in a story told of another year: that day of the
    story's month, not of the month the paper comes out in."""
    match = _DAY_OF_MONTH.match(" ".join(text.split()))
    if match is None:
        return None
    try:
        return story_day.replace(day=int(match.group(1)))
    except ValueError:
        return None


def counts_from_day_told(text: str) -> bool:
    """"Earlier that day", "that evening", "hours later" count from the day the text last named,
    whatever it named it for; "a day earlier", "the following day" from the last event's day."""
    return bool(_THAT_DAY.search(text))


def _chained(text: str) -> tuple[str, re.Match | None]:
    text = " ".join(text.split()).removeprefix("on ").removeprefix("On ")
    return text, _CHAINED.match(text)


def is_chained(text: str) -> bool:
    """Whether the words count from another day ("the following day", "two days later")."""
    return _chained(text)[1] is not None


def resolve_chained_date(text: str, previous: date | None) -> date | None:
    """"The following day", "a day earlier": relative to the day the story last named."""
    if previous is None:
        return None
    text, match = _chained(text)
    if not match:
        return None
    if match.group("same") or match.group("inday") or match.group("rel") == "same" or "hours" in text.lower():
        # "hours later", "earlier that day", "later in the day": the same day
        return previous
    count_word = text.split()[0].lower()
    count = int(count_word) if count_word.isdigit() else _COUNTS.get(count_word, 1)
    direction = match.group("dir") or match.group("dir2") or match.group("rel")
    sign = -1 if direction in {"earlier", "before", "previous"} else 1
    return previous + timedelta(days=sign * count)


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_PERIOD = re.compile(r"\b(?:(" + "|".join(_MONTHS) + r")\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)


def is_calendar_word(word: str) -> bool:
    """A month's or a weekday's name ("September", "Tuesday"): part of a date, never of a person's name."""
    return bool(_MONTH.fullmatch(word)) or word.lower() in WEEKDAYS


_RELATIVE_PERIOD = re.compile(r"\b(last|next|this)\s+(year|month)\b", re.IGNORECASE)


def tells_relative_year(text: str) -> bool:
    """"October 3 last year", "on 5 May this year": a day whose year is counted from the paper's."""
    return bool(_RELATIVE_PERIOD.search(text))


def coarse_period(text: str | None, published: date | None = None, future: bool = False) -> tuple[int, int | None] | None:
    """"in April 2019" -> (2019, 4), "in 2017" -> (2017, None): a time too coarse for a day but
    enough to tell an old meeting from this week's.

    With the publication date, the words that count from it too: "last year", "in April
    last year", "last month", "this month", "last June", "next June", and a bare month
    ("in May", "late May"), which in a report of what happened is the latest such month
    (in one of plans, the next).
    """
    if not text:
        return None
    match = _PERIOD.search(text)
    if match:
        month = _MONTHS.index(match.group(1).lower()) + 1 if match.group(1) else None
        return int(match.group(2)), month
    if published is None:
        return None
    month_match = _MONTH.search(text)
    month = _MONTHS.index(month_match.group(1).lower()) + 1 if month_match else None
    relative = _RELATIVE_PERIOD.search(text)
    if relative:
        step = {"last": -1, "next": 1}.get(relative.group(1).lower(), 0)
        if relative.group(2).lower() == "year":
            return published.year + step, month
        if month is None:
            index = published.year * 12 + published.month - 1 + step
            return index // 12, index % 12 + 1
        return None
    if month is None:
        return None
    named = re.search(r"\b(last|next|this)\s+(?:" + "|".join(_MONTHS) + r")\b", text, re.IGNORECASE)
    if named:
        # "last June" is the latest June before this month, "next June" the first after it
        step = named.group(1).lower()
        if step == "last":
            return (published.year if month < published.month else published.year - 1), month
        if step == "next":
            return (published.year if month > published.month else published.year + 1), month
        return published.year, month
    # "early May", "late May", "the end of May": still May
    if future:
        return (published.year if month >= published.month else published.year + 1), month
    return (published.year if month <= published.month else published.year - 1), month
