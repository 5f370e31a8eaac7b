"""The play control: a fixed window (viz.playback.play_windows over the date
slider's range) stepped every PACE_S seconds.

The step number lives in st.session_state (``_play_i``: None when stopped), so
one script run reads it once and the map, table, timeline and the window line
all show the same window. A fragment with ``run_every`` ticks while playing;
each tick that is due moves the step on and reruns the whole app. The slider
itself does not move: it sets the range that is played."""
from __future__ import annotations

import datetime as dt
import time

import streamlit as st

from viz.escape import md_text
from viz.playback import PACE_S, WIDTHS, Window, default_width, play_windows, window_label

_clock = time.monotonic   # the seam a test replaces


def _toggle() -> None:
    s = st.session_state
    if s.get("_playing"):
        s["_playing"] = False
        return
    if s.get("_play_i") is None or s["_play_i"] >= s.get("_play_n", 1) - 1:
        s["_play_i"] = 0                      # from the start (again, after the end)
    s["_playing"] = True
    s["_play_at"] = _clock()


def _reset() -> None:
    st.session_state["_play_i"] = None
    st.session_state["_playing"] = False


def step_play(direction: int) -> bool:
    """Step a paused or playing window by one (and pause); False when stopped."""
    s = st.session_state
    if s.get("_play_i") is None:
        return False
    s["_play_i"] = max(0, min(s["_play_i"] + direction, s.get("_play_n", 1) - 1))
    s["_playing"] = False
    return True


def _tick(steps: int) -> None:
    """Runs once in every full run (not due: nothing happens) and then every
    PACE_S seconds as a fragment run; a due tick moves the step on."""
    s = st.session_state
    if not s.get("_playing"):
        return
    now = _clock()
    if now - s.get("_play_at", 0.0) < 0.8 * PACE_S:
        return
    if s["_play_i"] + 1 >= steps:
        s["_playing"] = False                 # the end: stays on the last window
    else:
        s["_play_i"] += 1
        s["_play_at"] = now
    st.rerun(scope="app")


def play_controls(sb, first: dt.date, last: dt.date) -> Window | None:
    """The sidebar's play widgets for the range *first*..*last*; the window of
    the current step while playing or paused, None when stopped."""
    s = st.session_state
    if s.get("_play_range") != (first, last):      # a new range starts afresh
        s["_play_range"] = (first, last)
        s["play_width"] = default_width(first, last)
        _reset()
    width = sb.selectbox("Play step (days)", WIDTHS, key="play_width", on_change=_reset,
                         help=f"Play shows the slider's range one window of this many "
                              f"days at a time, a step every {PACE_S:g} s.")
    windows = play_windows(first, last, width)
    s["_play_n"] = len(windows)
    c1, c2 = sb.columns(2)
    c1.button("‖ pause" if s.get("_playing") else "▶ play", key="play_toggle",
              on_click=_toggle)
    c2.button("↺ reset", key="play_reset", on_click=_reset, disabled=s.get("_play_i") is None)
    i = s.get("_play_i")
    if i is None:
        s["_play_label"] = None
        return None
    i = s["_play_i"] = min(i, len(windows) - 1)
    if s.get("_playing"):
        st.fragment(_tick, run_every=PACE_S)(len(windows))
    s["_play_label"] = window_label(windows[i], i, len(windows), bool(s.get("_playing")))
    return windows[i]


def window_line(slot, date_from: dt.date | None, date_to: dt.date | None) -> None:
    """The window map, table and timeline show, as text in *slot* (an st.empty()
    above them, filled after them: the text changes once they have)."""
    label = st.session_state.get("_play_label")
    if not label and date_from and date_to:
        label = f"Window {date_from.isoformat()} – {date_to.isoformat()}"
    if label:
        slot.markdown(f"**{md_text(label)}**")
