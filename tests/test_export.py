"""records.export: CSV rows, spreadsheet safety and GeoJSON, round-tripped."""
import csv
import io
import json

import pytest

from records.export import (CSV_COLUMNS, event_row, events_to_rows,
                            safe_cell, write_csv)
from records.geojson import to_geojson

RAJIN = {"name": "Rajin", "geonameid": 2042645, "lat": 42.25559, "lon": 130.28308,
         "country_code": "KP", "feature": "city"}
TIKHORETSK = {"name": "Tikhoretsk", "geonameid": 483029, "lat": 45.85307,
              "lon": 40.11874, "country_code": "RU", "feature": "city"}
VOSTOCHNY = {"name": "Vostochny Cosmodrome", "geonameid": None, "lat": 51.884,
             "lon": 128.334, "country_code": "RU", "feature": "facility"}
MADRID = {"name": "Madrid", "geonameid": 3117735, "lat": 40.4165, "lon": -3.70256,
          "country_code": "ES", "feature": "city"}

SHIPMENT = {"id": "ev-ship", "type": "shipment", "date_start": "2023-09-07",
            "date_end": "2023-10-01", "date_precision": "day",
            "actors": ["North Korea", "Russia"], "location": None,
            "origin": RAJIN, "destination": TIKHORETSK, "via": [VOSTOCHNY],
            "modes": ["sea", "rail"], "cargo": "Munition", "evidence": "Lieferungen ...",
            "start": 10, "end": 40, "confidence": 0.8}
MEETING = {"id": "ev-meet", "type": "meeting", "date_start": "2023-09-01",
           "date_end": "2023-09-30", "date_precision": "month",
           "actors": ["Kim Jong Un", "Wladimir Putin"], "location": VOSTOCHNY,
           "origin": None, "destination": None, "modes": [], "cargo": None,
           "evidence": "Und im September traf sich Herr Kim ...", "start": 50,
           "end": 90, "confidence": 0.9}
HOSTILE = {"id": "ev-evil", "type": "meeting", "date_start": None, "date_end": None,
           "date_precision": None, "actors": ["=HYPERLINK(\"http://x\")", "@SUM(A1)"],
           "location": MADRID, "origin": None, "destination": None, "modes": [],
           "cargo": "+1+1", "evidence": "-2+3 tabs\tand\nnewlines, \"quotes\"",
           "start": 0, "end": 5, "confidence": 0.5}
UNPLACED = {"id": "ev-none", "type": "meeting", "date_start": "2023-07-01",
            "date_end": "2023-07-31", "date_precision": "month", "actors": [],
            "location": None, "origin": None, "destination": None, "modes": [],
            "cargo": None, "evidence": "x", "start": 0, "end": 1, "confidence": 0.3}

DOCS = [
    {"id": "seed-de", "lang": "de", "doc_date": "2023-10-13", "doc_date_source": "argument",
     "title": "Nordkorea liefert", "url": "https://example.org/a", "places": [],
     "timexes": [], "events": [SHIPMENT, MEETING]},
    {"id": "doc-2", "lang": "en", "doc_date": "2024-01-02", "doc_date_source": "document",
     "places": [], "timexes": [], "events": [HOSTILE, UNPLACED]},
]


def _csv_roundtrip(rows, extra=()):
    buf = io.StringIO(newline="")
    n = write_csv(rows, buf, extra_columns=extra)
    buf.seek(0)
    return n, list(csv.reader(buf))


def test_columns_in_contract_order():
    n, table = _csv_roundtrip(events_to_rows(DOCS))
    assert n == 4
    assert tuple(table[0]) == CSV_COLUMNS
    assert len(table) == 5


def test_rows_carry_values_and_sources():
    rows = {r["event_id"]: r for r in events_to_rows(DOCS)}
    ship = rows["ev-ship"]
    # the map point of a shipment is its destination
    assert (ship["location_name"], ship["latitude"], ship["longitude"]) == (
        "Tikhoretsk", 45.85307, 40.11874)
    assert ship["country_code"] == "RU"
    assert ship["origin_name"] == "Rajin" and ship["origin_lon"] == 130.28308
    assert ship["actors"] == "North Korea; Russia"
    assert ship["modes"] == "sea; rail"
    assert ship["source_id"] == "seed-de" and ship["source_url"] == "https://example.org/a"
    meet = rows["ev-meet"]
    assert meet["location_name"] == "Vostochny Cosmodrome"
    assert meet["origin_name"] is None
    assert rows["ev-none"]["source_title"] is None


def test_extra_columns_follow_contract_columns():
    events = [dict(MEETING, source_id="d", review_status="reviewed", status="reported")]
    rows = [event_row(ev, None, ("status", "review_status")) for ev in events]
    _, table = _csv_roundtrip(rows, extra=("status", "review_status"))
    assert table[0][-2:] == ["status", "review_status"]
    assert table[0][: len(CSV_COLUMNS)] == list(CSV_COLUMNS)
    assert table[1][-1] == "reviewed"
    assert table[1][CSV_COLUMNS.index("source_id")] == "d"


@pytest.mark.parametrize("value, expected", [
    # formula triggers are neutralised
    ("=1+1", "'=1+1"), ("+49 30", "'+49 30"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"),
    # harmless strings and numbers stay as they are
    ("Berlin", "Berlin"), ("", ""), (None, ""), (-3.70256, -3.70256), (0.5, 0.5), (3, 3),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_hostile_cells_round_trip_safely():
    _, table = _csv_roundtrip(events_to_rows(DOCS))
    header = table[0]
    row = dict(zip(header, table[3]))
    assert row["actors"].startswith("'=HYPERLINK")
    assert row["cargo"] == "'+1+1"
    assert row["evidence"] == "'-2+3 tabs\tand\nnewlines, \"quotes\""
    # plain negative numbers stay numeric
    assert row["longitude"] == "-3.70256"
    float(row["longitude"])


def test_geojson_shapes_and_order():
    fc = json.loads(json.dumps(to_geojson(DOCS)))
    assert fc["type"] == "FeatureCollection"
    feats = {f["id"]: f for f in fc["features"]}
    assert len(feats) == 4
    line = feats["ev-ship"]["geometry"]
    assert line["type"] == "LineString"
    # [lon, lat], origin -> via -> destination
    assert line["coordinates"] == [[130.28308, 42.25559], [128.334, 51.884],
                                   [40.11874, 45.85307]]
    assert feats["ev-meet"]["geometry"] == {"type": "Point", "coordinates": [128.334, 51.884]}
    assert feats["ev-evil"]["geometry"]["coordinates"] == [-3.70256, 40.4165]
    # unlocated event kept, geometry null (RFC 7946 3.2)
    assert feats["ev-none"]["geometry"] is None


def test_geojson_properties_hold_every_event_field():
    fc = to_geojson(DOCS)
    for feat in fc["features"]:
        props = feat["properties"]
        for key in ("id", "type", "date_start", "date_end", "date_precision", "actors",
                    "location", "origin", "destination", "modes", "cargo", "evidence",
                    "start", "end", "confidence"):
            assert key in props
    ship = next(f for f in fc["features"] if f["id"] == "ev-ship")["properties"]
    # flat: places as their JSON text, lists of names joined as in the CSV
    assert json.loads(ship["via"]) == [VOSTOCHNY] and json.loads(ship["origin"]) == RAJIN
    assert ship["location"] is None and ship["actors"] == "North Korea; Russia"
    assert ship["source_title"] == "Nordkorea liefert"


def test_empty_input():
    assert events_to_rows([]) == []
    assert to_geojson([{"id": "x", "events": []}]) == {"type": "FeatureCollection",
                                                       "features": []}
    n, table = _csv_roundtrip([])
    assert n == 0 and tuple(table[0]) == CSV_COLUMNS


# --- formula triggers a spreadsheet still sees after blanks or in fullwidth form ---
@pytest.mark.parametrize("value", [" =1+1", "\u00a0@SUM(A1)", "\uff1d1+1", "\uff0bcmd", "\u3000-2+3"])
def test_hidden_formula_triggers_are_neutralised(value):
    from records.export import safe_cell
    assert safe_cell(value) == "'" + value
