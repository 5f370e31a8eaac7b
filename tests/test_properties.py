"""Properties of extraction and export on arbitrary text (hypothesis).

The pipeline never raises, offsets slice to the mention/timex text of the text as
given, results are deterministic; the CSV and GeoJSON writers round-trip.
"""
import csv
import datetime as dt
import io
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from records import export, geojson
from extract.text.clean import analysis_text

DOC_DATE = dt.date(2023, 10, 13)
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,  # the same examples on every run
                    suppress_health_check=[HealthCheck.too_slow])

# words that make the pipeline do something, mixed with hostile characters
WORDS = ["Moskau", "Mos\u200bkau", "Mosk\u0430u", "Mu\u0308nchen", "Berlin", "Wien", "Kyiv", "Pjöngjang",
         "Washington", "Paris, Texas", "am Freitag", "last month", "im September 2023", "30. Februar",
         "3. Oktober 2023", "lieferte", "shipped", "trafen sich", "met", "Munition", "nach", "von", "in",
         "Kim", "Putin", "Herr", ".", ",", "\n", "\r\n", "\u202e", "\u00ad", "\u00a0", "(((((((((", "=", "\t",
         "\U0001F680", "\ufeff", "\x00", "\ud800"]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=30).map("".join),
)
langs = st.sampled_from(["de", "en"])


def _process(pipeline, text, lang):
    return pipeline.process(text, doc_id="p", doc_date=DOC_DATE, lang=lang).to_dict()


@SETTINGS
@given(text=texts, lang=langs)
def test_extraction_never_raises_and_offsets_slice_the_text(pipeline, text, lang):
    doc = _process(pipeline, text, lang)
    for item in doc["places"] + doc["timexes"]:
        assert 0 <= item["start"] <= item["end"] <= len(text)
        assert text[item["start"]:item["end"]] == item["text"]
    for ev in doc["events"]:
        assert 0 <= ev["start"] <= ev["end"] <= len(text)
        for s, e in ev["evidence_spans"]:
            assert 0 <= s <= e <= len(text)
        assert "\u202e" not in ev["evidence"] and "\u200b" not in ev["evidence"]


@SETTINGS
@given(text=texts, lang=langs)
def test_extraction_is_deterministic(pipeline, text, lang):
    assert _process(pipeline, text, lang) == _process(pipeline, text, lang)


@SETTINGS
@given(text=st.text(max_size=400))
def test_analysis_offsets_map_into_the_original(text):
    clean = analysis_text(text)
    n = len(clean.text)
    starts = [clean.start(i) for i in range(n + 1)]
    ends = [clean.end(i) for i in range(n + 1)]
    assert starts[0] >= 0 and ends[0] == 0 and starts[n] == len(text) or n == 0
    assert starts == sorted(starts) and ends == sorted(ends)
    for i in range(n):
        assert starts[i] < ends[i + 1] <= len(text)  # every character comes from a non-empty piece
    if n:
        assert ends[n] <= len(text)


# -- export round trips --------------------------------------------------------------------------

cells = st.text(max_size=40)
coords = st.tuples(st.floats(-90, 90, allow_nan=False), st.floats(-180, 180, allow_nan=False))


@st.composite
def places(draw):
    lat, lon = draw(coords)
    return {"name": draw(cells), "geonameid": draw(st.none() | st.integers(1, 10**8)), "lat": lat, "lon": lon,
            "country_code": draw(st.none() | st.sampled_from(["DE", "RU", "KP", "US"])),
            "feature": draw(st.sampled_from(["city", "country", "facility"]))}


@st.composite
def events(draw):
    kind = draw(st.sampled_from(["shipment", "meeting"]))
    return {"id": draw(st.text("0123456789abcdef", min_size=1, max_size=16)), "type": kind,
            "date_start": draw(st.none() | st.just("2023-10-03")), "date_end": None, "date_precision": None,
            "actors": draw(st.lists(cells.filter(lambda s: s and "; " not in s and s.strip() == s), max_size=3)),
            "location": draw(st.none() | places()) if kind == "meeting" else None,
            "origin": draw(st.none() | places()) if kind == "shipment" else None,
            "destination": draw(st.none() | places()) if kind == "shipment" else None,
            "modes": draw(st.lists(st.sampled_from(["sea", "rail", "air"]), max_size=2, unique=True)),
            "cargo": draw(st.none() | cells), "evidence": draw(cells), "start": 0, "end": 5,
            "confidence": draw(st.floats(0, 1))}


def _unneutralise(value: str) -> str:
    """What the spreadsheet shows: the apostrophe the writer put before a formula trigger goes
    (also one after leading blanks, " =1", which spreadsheets read as a formula too)."""
    return value[1:] if value.startswith("'") and export.safe_cell(value[1:]) == value else value


def _expected(value) -> str:
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


@SETTINGS
@given(evs=st.lists(events(), max_size=5), title=st.none() | cells)
def test_csv_round_trips_modulo_neutralisation(evs, title):
    docs = [{"id": "=doc", "title": title, "url": "http://x.example/a", "events": evs}]
    rows = export.events_to_rows(docs)
    buf = io.StringIO(newline="")
    export.write_csv(rows, buf)
    back = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert len(back) == len(rows)
    for row, parsed in zip(rows, back):
        assert list(parsed) == list(export.CSV_COLUMNS)
        for column in export.CSV_COLUMNS:
            raw = parsed[column]
            value = row[column]
            if isinstance(value, str) and value.startswith(export._FORMULA_PREFIXES):
                assert raw == "'" + value  # neutralised, never a live formula
            assert _unneutralise(raw) == _expected(value) or (
                isinstance(value, float) and math.isclose(float(raw), value))


@SETTINGS
@given(evs=st.lists(events(), max_size=5))
def test_geojson_round_trips_and_is_lon_lat(evs):
    fc = geojson.to_geojson([{"id": "d", "events": evs}])
    back = json.loads(json.dumps(fc, ensure_ascii=False, allow_nan=False))
    assert back == fc and len(back["features"]) == len(evs)
    for feature, ev in zip(back["features"], evs):
        for key in export.EVENT_FIELDS:  # every field, flat: places as JSON text, names joined
            assert feature["properties"][key] == export.flat_value(ev[key])
        assert all(v is None or isinstance(v, (str, int, float, bool))
                   for v in feature["properties"].values())
        g = feature["geometry"]
        point = export.map_point(ev)
        if g is None:
            assert point is None or ev["type"] == "shipment"
            continue
        if g["type"] == "Point":
            assert g["coordinates"] == [point["lon"], point["lat"]]
        else:
            assert g["coordinates"][0] == [ev["origin"]["lon"], ev["origin"]["lat"]]
            assert g["coordinates"][-1] == [ev["destination"]["lon"], ev["destination"]["lat"]]


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("ab .\n3")), max_size=500), size=st.integers(4, 60))
def test_chunks_cover_the_text_in_order_within_the_size(text, size):
    from extract.pipeline import _chunks

    parts = list(_chunks(text, size))
    assert "".join(chunk for _, chunk in parts) == text
    offset = 0
    for start, chunk in parts:
        assert start == offset and 0 < len(chunk) <= size
        offset += len(chunk)
