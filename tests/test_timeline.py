"""The timeline's modes, bins, colours and undated line, and the play windows
(pure: viz.timeline, viz.playback; the store count of undated events)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pandas as pd
import pytest

from records.event_types import event_type, event_types
from store import EventFilter, Store
from store.synthetic import synthetic_documents
from test_export import DOCS, HOSTILE, MEETING, SHIPMENT, UNPLACED
from viz import build_map
from viz.mapping import UNDATED_STYLE
from viz.playback import default_width, play_windows, range_days, window_label
from viz.timeline import (BAR_LIMIT, BAR_MAX, bin_start, binned_counts, colour_scale,
                          event_label, is_undated, span_days, timeline_chart, timeline_frame,
                          timeline_mode, type_colours, undated_count, undated_notice)

D = dt.date.fromisoformat
SYNTHETIC = [e for d in synthetic_documents(400, start=D("2023-01-01"), days=500)
             for e in d["events"]]


def render(m) -> str:
    return m.get_root().render()


# --- mode: (events in view, days spanned, asked for) -> mode ----------------
MODE_CASES = [
    # few events: a bar each, whatever the span
    (0, 0, "auto", "bars"),
    (BAR_LIMIT, 5000, "auto", "bars"),
    # more: the bin by the span
    (BAR_LIMIT + 1, 1, "auto", "day"),
    (500, 60, "auto", "day"),
    (500, 61, "auto", "week"),
    (500, 731, "auto", "week"),
    (500, 732, "auto", "month"),
    # asked for: a bin is kept; bars only up to BAR_MAX
    (3, 10, "month", "month"),
    (10_000, 3000, "day", "day"),
    (BAR_MAX, 30, "bars", "bars"),
    (BAR_MAX + 1, 30, "bars", "day"),
]


@pytest.mark.parametrize("n, days, asked, expected", MODE_CASES)
def test_mode_by_count_and_span(n, days, asked, expected):
    assert timeline_mode(n, days, asked) == expected


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="'hourly' not one of"):
        timeline_mode(5, 5, "hourly")


# --- bins: (date, unit) -> first day of its bin ------------------------------
BIN_CASES = [
    ("2023-09-07", "day", "2023-09-07"),
    ("2023-09-07", "week", "2023-09-04"),   # a Thursday -> its Monday
    ("2023-09-04", "week", "2023-09-04"),   # a Monday stays
    ("2023-01-01", "week", "2022-12-26"),   # a Sunday -> the Monday before, across the year
    ("2023-09-30", "month", "2023-09-01"),
]


@pytest.mark.parametrize("day, unit, first", BIN_CASES)
def test_bin_start(day, unit, first):
    assert bin_start(pd.Series([pd.Timestamp(day)]), unit)[0] == pd.Timestamp(first)


@pytest.mark.parametrize("unit", ["day", "week", "month"])
@pytest.mark.parametrize("window", [None, (D("2023-06-01"), D("2023-12-31"))])
def test_counts_per_bin_and_type_add_up_to_the_dated_events(unit, window):
    events = SYNTHETIC + [HOSTILE]
    if window:
        events = [e for e in events if e["date_start"] is None
                  or (e["date_start"] <= window[1].isoformat()
                      and e["date_end"] >= window[0].isoformat())]
    frame = timeline_frame(events)
    counts = binned_counts(frame, unit, window)
    assert counts["count"].sum() == len(events) - 1 == len(frame)
    for kind, n in frame["type"].value_counts().items():
        assert counts.loc[counts["type"] == kind, "count"].sum() == n
    assert (counts["bin_end"] > counts["bin_start"]).all()
    if window:   # an event begun before the window counts in its first bin, never before it
        assert counts["bin_start"].min() >= bin_start(pd.Series([pd.Timestamp(window[0])]),
                                                      unit)[0]


def test_counts_of_known_events():
    frame = timeline_frame([SHIPMENT, MEETING, UNPLACED, HOSTILE])
    counts = binned_counts(frame, "month")
    assert counts[["bin_start", "type", "count"]].astype(str).values.tolist() == [
        ["2023-07-01", "meeting", "1"], ["2023-09-01", "meeting", "1"],
        ["2023-09-01", "shipment", "1"]]


# --- colours: the map's -------------------------------------------------------

def test_colour_scale_is_the_map_legend():
    html = render(build_map([SHIPMENT, MEETING]))
    for name in [*event_types(), "visit"]:        # "visit": unknown, the "other" colour
        spec = event_type(name)
        colour = type_colours([name])[name]
        label = spec.marker.get("legend_label") or spec.label_in("en")
        assert f"background:{colour}'></span> {label}" in html
    scale = colour_scale(["shipment", "meeting", "visit"]).to_dict()
    assert dict(zip(scale["domain"], scale["range"])) == type_colours(
        ["meeting", "shipment", "visit"])


@pytest.mark.parametrize("events, mode", [
    ([SHIPMENT, MEETING, UNPLACED], "bars"),
    (SYNTHETIC, "week"),
])
def test_chart_colours_by_the_scale(events, mode):
    spec = timeline_chart(events).to_dict()
    colour = spec["encoding"]["color"]
    assert colour["field"] == "type"
    assert dict(zip(colour["scale"]["domain"], colour["scale"]["range"])) == type_colours(
        e["type"] for e in events)
    assert mode in spec["title"] or (mode == "bars" and "one bar per event" in spec["title"])


def test_undated_marker_is_hollow_dashed_in_its_type_colour():
    html = render(build_map([SHIPMENT, MEETING, HOSTILE]))
    assert html.count('"className": "lagebild-undated"') == 1
    assert f'"dashArray": "{UNDATED_STYLE["dashArray"]}"' in html
    assert f'"color": "{event_type("meeting").marker["legend"]}"' in html
    assert "undated (not on the timeline)" in html             # the legend row
    dated_only = render(build_map([SHIPMENT, MEETING]))
    assert "lagebild-undated" not in dated_only and "undated (not" not in dated_only


# --- the chart per mode -------------------------------------------------------

@pytest.mark.parametrize("events, window, asked, mark_field, title", [
    ([SHIPMENT, MEETING, UNPLACED, HOSTILE], None, "auto", "start", "one bar per event (3 dated)"),
    (SYNTHETIC, (D("2023-03-01"), D("2023-04-15")), "auto", "bin_start", "per day"),
    (SYNTHETIC, None, "auto", "bin_start", "per week"),
    (SYNTHETIC, None, "month", "bin_start", "per month"),
])
def test_chart_per_mode(events, window, asked, mark_field, title):
    if window:
        events = [e for e in events if e["date_start"] <= window[1].isoformat()
                  and e["date_end"] >= window[0].isoformat()]
    spec = timeline_chart(events, window=window, mode=asked).to_dict()
    assert title in spec["title"]
    assert spec["encoding"]["x"]["field"] == mark_field
    if window:   # the x axis spans exactly the window (end exclusive)
        assert spec["encoding"]["x"]["scale"]["domain"] == [
            window[0].isoformat(), (window[1] + dt.timedelta(days=1)).isoformat()]


def test_bars_are_labelled_type_actors_place_and_distinct():
    frame = timeline_frame([MEETING, MEETING, SHIPMENT])
    assert frame["label"][0] == "meeting · Kim Jong Un, Wladimir Putin · Vostochny Cosmodrome (RU)"
    assert frame["label"][2].startswith("shipment · North Korea, Russia · ")
    spec = timeline_chart([MEETING, MEETING, SHIPMENT]).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len({r["label"] for r in rows}) == 3                # the y axis keeps all three
    assert spec["encoding"]["y"]["field"] == "label"


@pytest.mark.parametrize("event, shortened", [
    ({"type": "meeting", "actors": ["A" * 100]}, True),
    ({"type": "meeting", "actors": [], "cargo": "grain"}, False),
])
def test_event_label_length(event, shortened):
    label = event_label(event)
    assert len(label) <= 70 and label.endswith("…") == shortened


# --- undated -------------------------------------------------------------------

@pytest.mark.parametrize("event, undated", [
    (HOSTILE, True),
    (MEETING, False),
    ({"date_start": None, "date_end": "2023-01-02"}, False),
    ({"date_start": "not a date", "date_end": ""}, True),
])
def test_is_undated(event, undated):
    assert is_undated(event) is undated


@pytest.mark.parametrize("n, shown, drawn, lang, text", [
    (3, True, None, "en", "3 undated — shown on the map, not on the timeline"),
    (3, True, 3, "en", "3 undated — shown on the map, not on the timeline"),
    (3, True, 1, "en", "3 undated — 1 of them shown on the map (the page's event limit), "
                       "none on the timeline"),
    (2, False, 0, "en", "2 undated — hidden by the filter “Include undated events”; "
                        "not on the timeline"),
    (3, True, None, "de", "3 ohne Datum — auf der Karte gezeigt, nicht auf der Zeitleiste"),
    (3, True, None, "fr", "3 undated — shown on the map, not on the timeline"),
    (0, True, None, "en", ""),
])
def test_undated_notice(n, shown, drawn, lang, text):
    assert undated_notice(n, shown, drawn, lang) == text


@pytest.mark.parametrize("flt", [
    EventFilter(date_from=D("2023-09-01"), date_to=D("2023-09-30")),
    EventFilter(date_from=D("2023-09-01"), date_to=D("2023-09-30"), include_undated=True),
    EventFilter(types=("meeting",)),
    EventFilter(types=("shipment",)),
    EventFilter(text="hyperlink"),
    EventFilter(text="nothing like it"),
    EventFilter(review=("rejected",)),
])
def test_undated_count_is_the_filters_undated_events(tmp_path, flt):
    from page.timeline_view import undated_filter

    store = Store(tmp_path / "s.sqlite3")
    for doc in DOCS:
        store.ingest(doc, "text")
    everywhen = dataclasses.replace(flt, date_from=None, date_to=None)
    expected = undated_count(store.events(everywhen))
    assert store.count(undated_filter(flt)) == expected
    assert expected == (1 if flt.review != ("rejected",) and flt.types != ("shipment",)
                        and flt.text in ("", "hyperlink") else 0)


# --- play windows ---------------------------------------------------------------
# (first, last, width) -> steps
PLAY_CASES = [
    ("2023-06-30", "2023-10-02", 7, 14),      # the test fixture's range
    ("2023-03-30", "2024-09-01", 14, 38),     # the demo's span (issue 16)
    ("2023-01-01", "2023-01-01", 7, 1),
    ("2023-01-01", "2023-01-07", 7, 1),
    ("2023-01-01", "2023-01-08", 7, 2),
    ("2023-01-01", "2023-01-05", 1, 5),
]


@pytest.mark.parametrize("first, last, width, steps", PLAY_CASES)
def test_a_range_in_n_steps_gives_n_fixed_contiguous_windows(first, last, width, steps):
    first, last = D(first), D(last)
    windows = play_windows(first, last, width)
    assert len(windows) == steps
    assert windows[0][0] == first and windows[-1][0] <= last <= windows[-1][1]
    assert all((hi - lo).days + 1 == width for lo, hi in windows)
    assert all(b[0] - a[1] == dt.timedelta(days=1) for a, b in zip(windows, windows[1:]))
    labels = {window_label(w, i, steps, True) for i, w in enumerate(windows)}
    assert len(labels) == steps                 # every step is its own visible text


@pytest.mark.parametrize("first, last, width", [
    ("2023-06-30", "2023-10-02", 7),          # 95 days: 14 weekly steps
    ("2023-03-30", "2024-09-01", 14),         # 522 days: 38 fortnights
    ("2018-01-01", "2024-01-01", 91),         # six years: quarters
    ("2000-01-01", "2024-01-01", 365),        # the widest offered
    ("2023-01-01", "2023-01-20", 1),          # under five weeks: days
])
def test_default_width_plays_in_five_to_forty_steps(first, last, width):
    first, last = D(first), D(last)
    assert default_width(first, last) == width
    steps = len(play_windows(first, last, width))
    assert steps >= min(5, range_days(first, last)) and (steps <= 40 or width == 365)


@pytest.mark.parametrize("first, last, width, message", [
    ("2023-01-02", "2023-01-01", 7, "ends"),
    ("2023-01-01", "2023-01-02", 0, "at least one day"),
])
def test_bad_play_ranges_are_refused(first, last, width, message):
    with pytest.raises(ValueError, match=message):
        play_windows(D(first), D(last), width)


def test_window_label():
    assert window_label((D("2023-09-04"), D("2023-09-10")), 2, 12, False) == \
        "Window 2023-09-04 – 2023-09-10 · step 3 of 12 · paused"


def test_span_days():
    frame = timeline_frame([SHIPMENT, UNPLACED])
    assert span_days(frame) == (D("2023-10-02") - D("2023-07-01")).days
    assert span_days(frame, (D("2023-01-01"), D("2023-01-31"))) == 31
    assert span_days(timeline_frame([])) == 0
    assert json.dumps(timeline_chart([]).to_dict())   # no dated events: an empty chart
