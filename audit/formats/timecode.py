"""Timestamps as subtitle formats and plain transcripts write them, to and from seconds.

One parser for every format keeps `01:02.5`, `00:01:02,500` and `00:01:02.500` meaning the same thing.
"""

from __future__ import annotations

import re

# [hh:]mm:ss[.fff|,fff]; hours may exceed two digits in long recordings
_TIMECODE = re.compile(r"^(?:(?P<h>\d+):)?(?P<m>[0-5]?\d):(?P<s>[0-5]\d)(?:[.,](?P<f>\d{1,3}))?$")


def parse_timecode(text: str) -> float | None:
    """Seconds for a timecode such as `00:01:02.500`, `01:02,5` or `1:02`; None when it is not one."""
    m = _TIMECODE.match(text.strip())
    if m is None:
        return None
    hours = int(m["h"] or 0)
    frac = m["f"] or "0"
    seconds = hours * 3600 + int(m["m"]) * 60 + int(m["s"]) + int(frac) / 10 ** len(frac)
    return round(seconds, 3)


def format_timecode(seconds: float, *, decimal: str = ".") -> str:
    """`hh:mm:ss.mmm` (WebVTT) or, with `decimal=","`, `hh:mm:ss,mmm` (SRT)."""
    millis = int(round(max(seconds, 0.0) * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{decimal}{millis:03d}"
