"""Playing a date range: fixed windows stepped at a fixed pace (pure; the page
keeps the step number in st.session_state and ticks it, see page/playback.py).

A range split into windows of *width* days gives ``ceil(days / width)`` steps,
each exactly *width* days wide, the first starting on the range's first day,
each the day after the one before; the last one may reach past the range's end
(a fixed window keeps the timeline's scale fixed)."""
from __future__ import annotations

import datetime as dt
import math

PACE_S = 1.5                          # seconds per step
WIDTHS = (1, 7, 14, 30, 91, 365)      # offered step widths, days
MAX_STEPS = 40                        # the default width gives at most this many steps ...
MIN_STEPS = 5                         # ... and at least this many when the range allows

Window = tuple[dt.date, dt.date]


def range_days(first: dt.date, last: dt.date) -> int:
    """Days from *first* to *last*, both included."""
    if last < first:
        raise ValueError(f"range ends ({last}) before it starts ({first})")
    return (last - first).days + 1


def default_width(first: dt.date, last: dt.date) -> int:
    """The smallest offered width of a week or more that plays the range in at
    most MAX_STEPS steps; one day when a week would give fewer than MIN_STEPS."""
    days = range_days(first, last)
    if math.ceil(days / 7) < MIN_STEPS:
        return 1
    return next((w for w in WIDTHS if w >= 7 and math.ceil(days / w) <= MAX_STEPS), WIDTHS[-1])


def play_windows(first: dt.date, last: dt.date, width: int) -> list[Window]:
    """The windows (inclusive start and end dates) that play *first*..*last*."""
    if width < 1:
        raise ValueError(f"a play window is at least one day wide, not {width}")
    steps = math.ceil(range_days(first, last) / width)
    span = dt.timedelta(days=width)
    return [(first + i * span, first + (i + 1) * span - dt.timedelta(days=1))
            for i in range(steps)]


def window_label(window: Window, step: int, steps: int, playing: bool) -> str:
    """``Window 2023-09-04 – 2023-09-10 · step 3 of 12 · playing``."""
    state = "playing" if playing else "paused"
    return (f"Window {window[0].isoformat()} – {window[1].isoformat()} · "
            f"step {step + 1} of {steps} · {state}")
