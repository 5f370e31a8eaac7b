"""records.acled: the ACLED-style columns after the contract's, one row per happening,
and the CSV round trip through pandas (types, empty cells, joined lists, escaped formulas)."""
import io

import pandas as pd
import pytest

from geo.regions import REGIONS
from records.acled import (ACLED_COLUMNS, COLUMN_TYPES, EXPORT_COLUMNS, EXTRA_COLUMNS,
                           TAIL_COLUMNS, actor_fields, event_date, export_row, export_rows,
                           happening_row, source_fields, sub_event_type, unix_seconds)
from records.export import CSV_COLUMNS, safe_cell, write_csv
from viz.table import csv_text, happenings_csv_text, read_export_csv

from export_cases import (DOCS, HAPPENING, HOSTILE, MEETING, RUN, RUN_UNIX, SHIPMENT, VOSTOCHNY)


def _rows():
    return {r["event_id"]: r for r in export_rows(DOCS, regions=REGIONS, extracted=RUN)}


# --- the mapping rules -----------------------------------------------------------------------

@pytest.mark.parametrize("event,expected", [
    (MEETING, "meeting"),
    (SHIPMENT, "planned shipment by sea and rail"),
    ({**SHIPMENT, "modes": [], "status": "reported"}, "shipment"),
    (HOSTILE, "denied meeting"),
    ({"type": "meeting", "modes": ["air"]}, "meeting"),           # a meeting has no modes
    ({"type": "visit", "modality": "cancelled"}, "cancelled visit"),  # a type the spec lacks
    ({"type": None}, "other event"),
])
def test_sub_event_type(event, expected):
    assert sub_event_type(event) == expected


@pytest.mark.parametrize("actors,expected", [
    ([], (None, None, None)),
    (["A"], ("A", None, None)),
    (["A", "B"], ("A", None, "B")),
    (["A", "B", "C", "D"], ("A", "C; D", "B")),
    (["Wladimir Putin", "Putin", "Kim"], ("Wladimir Putin", None, "Kim")),  # one name per actor
])
def test_actor_columns(actors, expected):
    got = actor_fields(actors)
    assert (got["actor1"], got["assoc_actor_1"], got["actor2"]) == expected


@pytest.mark.parametrize("url,title,doc_id,expected", [
    ("https://www.reuters.com/world/x", "T", "d", ("Reuters", "International")),
    ("https://edition.derstandard.at/a", None, None, ("Der Standard", "National")),  # a parent domain
    ("https://example.org/demo/a", "Demo", "d", ("example.org", None)),            # unknown outlet: its host
    (None, "Nordkorea liefert", "d", ("Nordkorea liefert", None)),
    ("javascript:alert(1)", None, "doc-9", ("doc-9", None)),
    (None, None, None, (None, None)),
])
def test_source_columns(url, title, doc_id, expected):
    assert source_fields(url, title, doc_id) == expected


@pytest.mark.parametrize("event,expected", [
    ({"date_start": "2023-09-07", "date_end": "2023-09-07", "date_precision": "day"}, "2023-09-07"),
    ({"date_start": "2023-09-04", "date_end": "2023-09-10", "date_precision": "day"}, "2023-09-07"),
    ({"date_start": "2023-09-01", "date_end": "2023-09-30", "date_precision": "month"}, "2023-09-15"),
    ({"date_start": "2024-02-01", "date_end": "2024-02-29", "date_precision": "month"}, "2024-02-15"),
    ({"date_start": None, "date_end": "2023-09-07", "date_precision": "day"}, "2023-09-07"),
    ({"date_start": None, "date_end": None, "date_precision": None}, None),
])
def test_event_date_is_the_day_or_the_middle_of_the_span(event, expected):
    assert event_date(event) == expected


@pytest.mark.parametrize("value,expected", [
    ("2024-05-01T12:00:00Z", RUN_UNIX), ("2024-05-01T14:00:00+02:00", RUN_UNIX),
    ("2024-05-01T12:00:00", RUN_UNIX), (RUN, RUN_UNIX), ("yesterday", None), (None, None), (5, None),
])
def test_unix_seconds(value, expected):
    assert unix_seconds(value) == expected


def test_rows_carry_every_column_with_its_rule():
    rows = _rows()
    assert all(tuple(r)[:len(CSV_COLUMNS)] == CSV_COLUMNS for r in rows.values())
    assert all(set(r) == set(EXPORT_COLUMNS) for r in rows.values())
    meet, ship, evil, none = rows["ev-meet"], rows["ev-ship"], rows["ev-evil"], rows["ev-none"]
    assert (meet["event_date"], meet["year"], meet["time_precision"]) == ("2023-09-15", 2023, 3)
    assert (meet["actor1"], meet["actor2"], meet["assoc_actor_1"]) == ("Kim Jong Un", "Wladimir Putin", "Sergei Shoigu")
    assert (meet["country"], meet["iso"], meet["admin1"], meet["location"]) == (
        "Russia", 643, "Amur Oblast", "Vostochny Cosmodrome")
    assert (meet["geo_precision"], meet["notes"]) == (1, MEETING["evidence"])
    assert (meet["source"], meet["source_scale"], meet["publication_date"]) == ("Der Standard", "National", "2023-10-13")
    # a shipment's place is its destination; via names joined; planned
    assert (ship["location"], ship["country"], ship["iso"], ship["admin1"]) == (
        "Tikhoretsk", "Russia", 643, "Krasnodar Krai")
    assert (ship["via"], ship["modality"], ship["time_precision"]) == (
        "Vostochny Cosmodrome; Vilnius", "planned", 1)
    # a country: no admin1, geo 3; undated: no date columns
    assert (evil["country"], evil["iso"], evil["admin1"], evil["geo_precision"]) == ("Lithuania", 440, None, 3)
    assert (evil["event_date"], evil["year"], evil["time_precision"]) == (None, None, None)
    assert evil["source"] == "=cmd|' /C calc'!A0" and evil["source_scale"] is None
    # no place: no place columns; the row's updated time wins over the run's
    assert (none["location"], none["country"], none["geo_precision"]) == (None, None, None)
    assert (none["time_precision"], none["event_date"]) == (2, "2023-07-06")
    assert none["timestamp"] == unix_seconds("2024-02-03T04:05:06Z") and meet["timestamp"] == RUN_UNIX
    # the happening keys default to one source, not contradicted, none
    assert all((r["source_count"], r["contradicted"], r["happening_id"]) == (1, False, None)
               for r in rows.values())


def test_without_regions_the_country_columns_stay_empty():
    row = export_row({**MEETING, "location": {**VOSTOCHNY, "admin1": "Amur"}}, extracted=RUN)
    assert (row["country"], row["iso"], row["admin1"]) == (None, None, "Amur")


def test_store_keys_fill_the_happening_columns():
    event = {**MEETING, "source_count": 3, "contradicted": True, "happening_id": "h-7",
             "doc_date": "2023-09-20", "source_url": "https://apnews.com/a"}
    row = export_row(event, regions=REGIONS, extracted=RUN)
    assert (row["source_count"], row["contradicted"], row["happening_id"]) == (3, True, "h-7")
    assert (row["publication_date"], row["source"], row["source_scale"]) == (
        "2023-09-20", "Associated Press", "International")


# --- one row per happening (BRIEF17's shape) --------------------------------------------------
def test_a_happening_is_one_row_with_its_sources_joined():
    row = happening_row(HAPPENING, regions=REGIONS, extracted=RUN)
    assert set(row) == set(EXPORT_COLUMNS)
    assert row["event_id"] == "ev-a; ev-b; ev-c" and row["happening_id"] == "h-1"
    assert row["source_id"] == "d1; d2; d3"
    assert row["source_title"] == "Kim trifft Putin; =Kim meets Putin; "   # aligned with source_id
    assert row["publication_date"] == "2023-09-13; 2023-09-14; 2023-09-14"
    assert row["source"] == "Der Standard; Reuters; ORF"
    assert row["source_scale"] == "National; International"              # each scale once
    assert (row["source_count"], row["contradicted"]) == (3, True)
    assert row["location"] == "Vostochny Cosmodrome" and row["geo_precision"] == 1


def test_a_happening_without_the_optional_keys():
    row = happening_row({**MEETING, "happening_id": "h-2", "event_ids": ["ev-meet"]})
    assert (row["source_count"], row["contradicted"], row["event_id"]) == (1, False, "ev-meet")
    assert row["source_id"] is None


# --- the CSV round trip ----------------------------------------------------------------------

def _expected(value, kind):
    """What pandas reads back for a raw row value of the given column type."""
    if value is None or value == "":
        return None
    if kind == "str" or kind == "date":
        return safe_cell(value)          # formula-like text keeps its apostrophe
    return value


def _cells(frame, column):
    return [None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in frame[column]]


@pytest.mark.parametrize("kind", ["events", "happenings"])
def test_csv_round_trips_through_pandas(kind):
    if kind == "events":
        events = [dict(ev, source_id=doc["id"], source_title=doc["title"], source_url=doc["url"],
                       doc_date=doc["doc_date"]) for doc in DOCS for ev in doc["events"]]
        text, rows = csv_text(events, extracted=RUN), [export_row(e, regions=REGIONS, extracted=RUN)
                                                       for e in events]
    else:
        text = happenings_csv_text([HAPPENING], extracted=RUN)
        rows = [happening_row(HAPPENING, regions=REGIONS, extracted=RUN)]
    frame = read_export_csv(io.StringIO(text, newline=""))
    assert list(frame.columns)[:len(EXPORT_COLUMNS)] == list(EXPORT_COLUMNS)
    assert len(frame) == len(rows)
    for column in EXTRA_COLUMNS:
        kind_of = COLUMN_TYPES[column]
        assert str(frame[column].dtype) == {"str": "string", "date": "string", "int": "Int64",
                                             "float": "Float64", "bool": "boolean"}[kind_of], column
        assert _cells(frame, column) == [_expected(r[column], kind_of) for r in rows], column


def test_csv_cells_are_spreadsheet_safe():
    buf = io.StringIO(newline="")
    write_csv(export_rows(DOCS, regions=REGIONS, extracted=RUN), buf, EXTRA_COLUMNS)
    frame = read_export_csv(io.StringIO(buf.getvalue(), newline=""))
    evil = frame.set_index("event_id").loc["ev-evil"]
    assert evil["actor1"] == "'=HYPERLINK(\"http://x\")" and evil["actor2"] == "'@SUM(A1)"
    assert evil["assoc_actor_1"] == "'-2+3" and evil["notes"].startswith("'-2+3 tabs\tand\n")
    assert evil["source"] == "'=cmd|' /C calc'!A0"
    assert frame.set_index("event_id").loc["ev-none", "notes"] == "NA"  # text, not a missing value
    for column in EXTRA_COLUMNS:
        for cell in frame[column].dropna().astype(str):
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (column, cell)


def test_cli_csv_has_the_new_columns(tmp_path, pipeline):
    from extract.cli import main

    src = tmp_path / "a.txt"
    src.write_text("Am 12. September 2023 traf sich Wladimir Putin mit Kim Jong Un im Kosmodrom "
                   "Wostotschny.", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main([str(src), "--doc-date", "2023-09-15", "--format", "csv", "--output", str(out)]) == 0
    frame = read_export_csv(out)
    assert tuple(frame.columns) == EXPORT_COLUMNS
    row = frame.iloc[0]
    assert (row["event_date"], row["time_precision"], row["geo_precision"]) == ("2023-09-12", 1, 1)
    assert (row["country"], row["iso"], row["publication_date"]) == ("Russia", 643, "2023-09-15")
    assert row["sub_event_type"] == "meeting" and row["source_count"] == 1


def test_column_lists_are_consistent():
    assert EXPORT_COLUMNS == CSV_COLUMNS + ACLED_COLUMNS + TAIL_COLUMNS
    assert len(set(EXPORT_COLUMNS)) == len(EXPORT_COLUMNS)  # event_type, latitude, longitude once
    assert set(COLUMN_TYPES) == set(EXPORT_COLUMNS)
