"""records.geojson: RFC 7946 FeatureCollections with flat properties, read back with json
and with OGR (pyogrio/geopandas, what QGIS reads through): the features' properties and
geometries come back equal; the time columns are in a form kepler.gl's time filter takes."""
import json
import math
import re

import pandas as pd
import pytest

from geo.regions import REGIONS
from records.acled import EXPORT_COLUMNS
from records.export import EVENT_FIELDS
from records.geojson import (event_feature, event_geometry, happenings_geojson, time_columns,
                             to_geojson)
from export_cases import DOCS, HAPPENING, MEETING, RAJIN, RUN, SHIPMENT, TIKHORETSK, VOSTOCHNY, VILNIUS
from viz.table import geojson_text, happenings_geojson_text

# kepler.gl's type analyser (type-analyzer): 'YYYY-M-DTHH:mm:ssZZ' is a DATETIME -> a timestamp field
KEPLER_DATETIME = re.compile(r"^\d{2,4}-\d{1,2}-\d{1,2}T\d{1,2}:\d{2}:\d{2}(\+|-)(\d{4}|\d{1,2}:\d{2})$")
SCALARS = (str, int, float, bool, type(None))


def _collection():
    return to_geojson(DOCS, regions=REGIONS, extracted=RUN)


def _features(fc):
    return {f["id"]: f for f in fc["features"]}


# --- geometry --------------------------------------------------------------------------------

@pytest.mark.parametrize("event,geometry", [
    # a shipment: a line through its via stops, [lon, lat]
    (SHIPMENT, {"type": "LineString", "coordinates": [
        [RAJIN["lon"], RAJIN["lat"]], [VOSTOCHNY["lon"], VOSTOCHNY["lat"]],
        [VILNIUS["lon"], VILNIUS["lat"]], [TIKHORETSK["lon"], TIKHORETSK["lat"]]]}),
    # a meeting: a point
    (MEETING, {"type": "Point", "coordinates": [VOSTOCHNY["lon"], VOSTOCHNY["lat"]]}),
    # a shipment with one end: a point there
    ({**SHIPMENT, "origin": None, "via": []}, {"type": "Point", "coordinates": [TIKHORETSK["lon"], TIKHORETSK["lat"]]}),
    # a via stop without a usable point is left out of the line
    ({**SHIPMENT, "via": [{**VILNIUS, "lat": float("nan")}]}, {"type": "LineString", "coordinates": [
        [RAJIN["lon"], RAJIN["lat"]], [TIKHORETSK["lon"], TIKHORETSK["lat"]]]}),
    # impossible coordinates: no geometry (RFC 7946 3.2 allows null)
    ({**MEETING, "location": {**VOSTOCHNY, "lat": 999}}, None),
    ({**MEETING, "location": None}, None),
])
def test_geometry(event, geometry):
    assert event_geometry(event) == geometry


# --- properties -------------------------------------------------------------------------------

def test_properties_are_flat_and_hold_every_event_field_and_export_column():
    fc = _collection()
    text = json.dumps(fc, allow_nan=False)  # no NaN anywhere
    assert json.loads(text) == fc
    for feature in fc["features"]:
        props = feature["properties"]
        assert all(isinstance(v, SCALARS) for v in props.values()), props
        assert set(EVENT_FIELDS) <= set(props) and set(EXPORT_COLUMNS) <= set(props)
    ship = _features(fc)["ev-ship"]["properties"]
    assert json.loads(ship["origin"]) == RAJIN and json.loads(ship["via"]) == [VOSTOCHNY, VILNIUS]
    assert ship["location_name"] == "Tikhoretsk" and ship["actors"] == "North Korea; Russia"
    assert (ship["geo_precision"], ship["time_precision"], ship["iso"]) == (1, 1, 643)
    assert ship["timestamp"] == 1714564800 and ship["contradicted"] is False


def test_a_nan_confidence_is_null_not_nan():
    feature = event_feature({**MEETING, "confidence": float("nan")})
    assert feature["properties"]["confidence"] is None
    json.dumps(feature, allow_nan=False)


@pytest.mark.parametrize("event,start,end", [
    (MEETING, "2023-09-01T00:00:00+00:00", "2023-09-30T23:59:59+00:00"),
    (SHIPMENT, "2023-09-07T00:00:00+00:00", "2023-09-07T23:59:59+00:00"),
    ({"date_start": None, "date_end": "2023-09-07"}, "2023-09-07T00:00:00+00:00", "2023-09-07T23:59:59+00:00"),
    ({"date_start": None, "date_end": None}, None, None),
    ({"date_start": "2023-09-31", "date_end": None}, None, None),
])
def test_time_columns_are_kepler_timestamps(event, start, end):
    got = time_columns(event)
    assert (got["start_time"], got["end_time"]) == (start, end)
    for value in got.values():
        assert value is None or KEPLER_DATETIME.match(value)


def test_one_feature_per_happening_with_its_sources():
    fc = happenings_geojson([HAPPENING], regions=REGIONS, extracted=RUN)
    (feature,) = fc["features"]
    props = feature["properties"]
    assert feature["id"] == "h-1" and feature["geometry"]["type"] == "Point"
    assert props["source_id"] == "d1; d2; d3" and props["source_count"] == 3
    assert props["contradicted"] is True and props["event_ids"] == "ev-a; ev-b; ev-c"
    assert json.loads(props["contradictions"]) == HAPPENING["contradictions"]
    assert [s["doc_id"] for s in json.loads(props["sources"])] == ["d1", "d2", "d3"]
    assert all(isinstance(v, SCALARS) for v in props.values())


def test_page_texts_are_the_same_collections():
    events = [dict(ev, source_id=doc["id"], source_title=doc["title"], source_url=doc["url"])
              for doc in DOCS for ev in doc["events"]]
    fc = json.loads(geojson_text(events, extracted=RUN))
    assert [f["id"] for f in fc["features"]] == [e["id"] for e in events]
    assert fc["features"][0] == event_feature(events[0], regions=REGIONS, extracted=RUN)
    assert json.loads(happenings_geojson_text([HAPPENING], extracted=RUN)) == happenings_geojson(
        [HAPPENING], regions=REGIONS, extracted=RUN)


# --- read back through OGR (QGIS's reader) ---------------------------------------------------

def _ogr():
    reason = ("pyogrio/geopandas not importable: requirements.txt pins them and `make test` "
              "installs them; install with `.venv/bin/pip install -r requirements.txt`")
    pytest.importorskip("pyogrio", reason=reason)
    return pytest.importorskip("geopandas", reason=reason)


def _same(read, written, column):
    """A value OGR read back equals the one written (types as OGR maps them)."""
    if written is None:
        return read is None or (not isinstance(read, str) and pd.isna(read))
    if isinstance(read, pd.Timestamp):  # OGR reads ISO dates and date-times as such
        want = pd.Timestamp(written)
        return read == (want.tz_convert("UTC") if want.tzinfo else want)
    if isinstance(written, bool) or isinstance(read, (bool,)):
        return bool(read) == written
    if isinstance(written, (int, float)):
        return math.isclose(float(read), float(written))
    return read == written


@pytest.mark.parametrize("kind", ["events", "happenings"])
def test_ogr_reads_back_every_property_and_geometry(tmp_path, kind):
    gpd = _ogr()
    import pyogrio
    from shapely.geometry import shape

    fc = _collection() if kind == "events" else happenings_geojson(
        [HAPPENING, {**HAPPENING, "happening_id": "h-2", "location": None, "sources": []}],
        regions=REGIONS, extracted=RUN)
    path = tmp_path / "out.geojson"
    path.write_text(json.dumps(fc, ensure_ascii=False, allow_nan=False), encoding="utf-8")
    info = pyogrio.read_info(path)
    assert info["features"] == len(fc["features"]) and info["crs"] == "EPSG:4326"
    frame = gpd.read_file(path, engine="pyogrio")
    assert len(frame) == len(fc["features"])
    for (_, row), feature in zip(frame.iterrows(), fc["features"]):
        geometry = feature["geometry"]
        if geometry is None:
            assert row.geometry is None
        else:
            assert row.geometry.equals_exact(shape(geometry), 1e-9)
        for column, value in feature["properties"].items():
            read = row[column]
            read = read.item() if hasattr(read, "item") and not isinstance(read, pd.Timestamp) else read
            assert _same(read, value, column), (feature["id"], column, read, value)
    # the time columns are typed date-times, the date a date: what QGIS's temporal controller takes
    assert str(frame["start_time"].dtype).startswith("datetime64") and "UTC" in str(frame["start_time"].dtype)


def test_cli_geojson_loads_in_ogr_with_a_time_column(tmp_path, pipeline):
    gpd = _ogr()
    from extract.cli import main

    src = tmp_path / "a.txt"
    src.write_text("Im September 2023 traf sich Wladimir Putin mit Kim Jong Un im Kosmodrom "
                   "Wostotschny. Nordkorea lieferte Munition per Schiff von Rajin nach Wladiwostok.",
                   encoding="utf-8")
    out = tmp_path / "out.geojson"
    assert main([str(src), "--doc-date", "2023-10-13", "--format", "geojson", "--output", str(out)]) == 0
    fc = json.loads(out.read_text(encoding="utf-8"))
    frame = gpd.read_file(out, engine="pyogrio")
    assert len(frame) == len(fc["features"]) >= 2
    assert set(frame.geom_type.dropna()) == {"Point", "LineString"}
    meeting = frame[frame["type"] == "meeting"].iloc[0]
    assert meeting["start_time"] == pd.Timestamp("2023-09-01T00:00:00", tz="UTC")
    assert (meeting["time_precision"], meeting["geo_precision"]) == (3, 1)
    times = [f["properties"]["start_time"] for f in fc["features"]]
    assert all(KEPLER_DATETIME.match(t) for t in times if t is not None) and any(times)
