"""The words of the calendar: month and weekday names and the ordinals of a month's days.

One table for the checks (through ``checks.common``), the retriever's date patterns and the
plain-wording and claim-splitting steps, which read claims before spaCy is loaded, so this
module imports nothing.
"""

from __future__ import annotations

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# words of the calendar that open sentences capitalised and are no names ("Midweek, ...")
CALENDAR = frozenset({*MONTHS, *WEEKDAYS, "midweek", "mid-week", "weekend"})

# a day of the month in words: "first" to "twentieth", "thirtieth", and "twenty first" to
# "thirty first" (two words, for text where a hyphen or a space joins them)
DAY_ORDINALS = {w: i + 1 for i, w in enumerate([
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth"])} | {"thirtieth": 30}
DAY_ORDINALS |= {f"{tens} {w}": n + v for tens, n in (("twenty", 20), ("thirty", 30))
                 for w, v in list(DAY_ORDINALS.items())[:9] if n + v <= 31}


def capitalised(words: list[str]) -> str:
    """A regex alternation of ``words`` as names are written ("Monday|Tuesday|...")."""
    return "|".join(w.capitalize() for w in words)
