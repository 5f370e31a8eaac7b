"""records.precision: ACLED-style geo_precision and time_precision, table-driven; and
both codes as extension keys of every event dict (extraction output and store reads)."""
import pytest

from records.model import EVENT_DERIVED_KEYS, Event, Place
from records.precision import (geo_label, geo_precision, place_precision, span_days,
                               time_label, time_precision)


def _place(feature, name="X"):
    return {"name": name, "lat": 10.0, "lon": 20.0, "country_code": "DE", "feature": feature}


# --- geo_precision: the feature of the map place ------------------------------------------
GEO = [
    # (event, code)
    ({"type": "meeting", "location": _place("city")}, 1),
    ({"type": "meeting", "location": _place("facility")}, 1),
    ({"type": "meeting", "location": _place("other")}, 2),
    ({"type": "meeting", "location": _place("admin")}, 3),
    ({"type": "meeting", "location": _place("region")}, 3),
    ({"type": "meeting", "location": _place("country")}, 3),
    ({"type": "meeting", "location": _place("volcano")}, 2),    # unknown feature: a spot of unknown kind
    ({"type": "meeting", "location": {**_place("city"), "feature": None}}, 2),
    # a shipment stands at its destination, else its origin
    ({"type": "shipment", "origin": _place("country"), "destination": _place("city")}, 1),
    ({"type": "shipment", "origin": _place("city"), "destination": _place("country")}, 3),
    ({"type": "shipment", "origin": _place("facility"), "destination": None}, 1),
    # no place, or one without coordinates: unknown
    ({"type": "meeting", "location": None}, None),
    ({"type": "meeting"}, None),
    ({"type": "meeting", "location": {"name": "X", "feature": "city", "lat": None, "lon": 2}}, None),
]


@pytest.mark.parametrize("event,code", GEO)
def test_geo_precision(event, code):
    assert geo_precision(event) == code


# --- time_precision: date_precision and the span ------------------------------------------
TIME = [
    # (date_start, date_end, date_precision, code, span)
    ("2023-09-07", "2023-09-07", "day", 1, 1),
    ("2023-09-07", None, "day", 1, 1),                 # a start alone is that day
    (None, "2023-09-07", "day", 1, 1),
    ("2023-09-04", "2023-09-10", "day", 2, 7),         # a week ("2023-W36" gives a day span)
    ("2023-09-09", "2023-09-10", "day", 2, 2),         # a weekend
    ("2023-09-07", "2023-10-01", "day", 3, 25),        # longer than a week
    ("2023-09-01", "2023-09-30", "month", 3, 30),
    ("2023-01-01", "2023-12-31", "year", 3, 365),
    ("2023-09-07", "2023-09-07", "month", 3, 1),       # the precision says more than the span
    ("2023-09-07", "2023-09-08", None, 2, 2),          # no precision: the span decides
    ("2023-09-07", "2023-09-07", "fortnight", 1, 1),   # an unknown precision: the span decides
]
UNKNOWN_TIME = [
    (None, None, None),                 # undated
    (None, None, "day"),
    ("2023-09-31", "2023-09-31", "day"),  # not a date
    ("07.09.2023", None, "day"),
    ("2023-09-10", "2023-09-01", "day"),  # end before start
    (20230907, None, "day"),
]


@pytest.mark.parametrize("start,end,prec,code,span", TIME)
def test_time_precision(start, end, prec, code, span):
    event = {"date_start": start, "date_end": end, "date_precision": prec}
    assert time_precision(event) == code
    assert span_days(event) == span


@pytest.mark.parametrize("start,end,prec", UNKNOWN_TIME)
def test_time_precision_unknown(start, end, prec):
    event = {"date_start": start, "date_end": end, "date_precision": prec}
    assert time_precision(event) is None and span_days(event) is None


@pytest.mark.parametrize("code,geo,time", [(1, "town or facility", "day"), (2, "near a town or part of a region", "week"),
                                          (3, "region or country", "month or longer"), (None, "", "")])
def test_labels(code, geo, time):
    assert geo_label(code) == geo and time_label(code) == time


def test_place_precision_of_no_place():
    assert place_precision(None) is None and place_precision({}) is None


# --- the extension keys --------------------------------------------------------------------

def test_extraction_events_carry_both_codes():
    ev = Event(id="e", type="meeting", evidence="x", start=0, end=1, confidence=0.5,
               date_start="2023-09-01", date_end="2023-09-30", date_precision="month",
               location=Place(name="Russia", lat=60.0, lon=100.0, feature="country", country_code="RU"))
    out = ev.to_dict()
    assert (out["geo_precision"], out["time_precision"]) == (3, 3)
    bare = Event(id="e", type="meeting", evidence="x", start=0, end=1, confidence=0.5).to_dict()
    assert bare["geo_precision"] is None and bare["time_precision"] is None
    # computed, never stored on their own
    assert {"geo_precision", "time_precision"} <= set(EVENT_DERIVED_KEYS)


def test_store_computes_both_codes_on_read_and_after_an_edit(tmp_path):
    from store import Store

    store = Store(tmp_path / "s.sqlite3")
    event = {"id": "ev-1", "type": "meeting", "date_start": "2023-09-07", "date_end": "2023-09-07",
             "date_precision": "day", "actors": [], "location": _place("city", "Vilnius"),
             "origin": None, "destination": None, "modes": [], "cargo": None, "evidence": "x",
             "start": 0, "end": 1, "confidence": 0.5, "geo_precision": 1, "time_precision": 1}
    store.ingest({"id": "d", "lang": "en", "doc_date": "2023-09-08", "doc_date_source": "argument",
                  "places": [], "timexes": [], "events": [event]}, "x")
    got = store.event("ev-1")
    assert (got["geo_precision"], got["time_precision"]) == (1, 1)
    store.edit("ev-1", {"location": _place("country", "Lithuania"), "date_precision": "month",
                        "date_start": "2023-09-01", "date_end": "2023-09-30"})
    got = store.event("ev-1")
    assert (got["geo_precision"], got["time_precision"]) == (3, 3)
    assert [e["geo_precision"] for e in store.events()] == [3]
