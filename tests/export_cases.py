"""Events, documents and a happening (BRIEF17's shape) shared by the export tests."""
import datetime as dt

RUN = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
RUN_UNIX = 1714564800

VILNIUS = {"name": "Vilnius", "geonameid": 593116, "lat": 54.68916, "lon": 25.2798,
           "country_code": "LT", "feature": "city"}
LITHUANIA = {"name": "Lithuania", "geonameid": 597427, "lat": 55.41667, "lon": 24.0,
             "country_code": "LT", "feature": "country"}
RAJIN = {"name": "Rajin", "geonameid": 2042645, "lat": 42.25559, "lon": 130.28308,
         "country_code": "KP", "feature": "city"}
VOSTOCHNY = {"name": "Vostochny Cosmodrome", "geonameid": None, "lat": 51.884, "lon": 128.334,
             "country_code": "RU", "feature": "facility"}
TIKHORETSK = {"name": "Tikhoretsk", "geonameid": 483029, "lat": 45.85307, "lon": 40.11874,
              "country_code": "RU", "feature": "city"}

MEETING = {"id": "ev-meet", "type": "meeting", "date_start": "2023-09-01", "date_end": "2023-09-30",
           "date_precision": "month", "actors": ["Kim Jong Un", "Wladimir Putin", "Sergei Shoigu"],
           "location": VOSTOCHNY, "origin": None, "destination": None, "via": [], "modes": [],
           "cargo": None, "status": "reported", "evidence": "Im September traf sich Kim ...",
           "start": 0, "end": 30, "confidence": 0.9}
SHIPMENT = {"id": "ev-ship", "type": "shipment", "date_start": "2023-09-07", "date_end": "2023-09-07",
            "date_precision": "day", "actors": ["North Korea", "Russia"], "location": None,
            "origin": RAJIN, "destination": TIKHORETSK, "via": [VOSTOCHNY, VILNIUS],
            "modes": ["sea", "rail"], "cargo": "Munition", "status": "planned",
            "evidence": "Lieferungen ...", "start": 10, "end": 40, "confidence": 0.8}
HOSTILE = {"id": "ev-evil", "type": "meeting", "date_start": None, "date_end": None,
           "date_precision": None, "actors": ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "-2+3"],
           "location": LITHUANIA, "origin": None, "destination": None, "via": [], "modes": [],
           "cargo": "+1+1", "status": "denied", "evidence": "-2+3 tabs\tand\nnewlines, \"quotes\"",
           "start": 0, "end": 5, "confidence": 0.5}
UNPLACED = {"id": "ev-none", "type": "visit", "date_start": "2023-07-03", "date_end": "2023-07-09",
            "date_precision": "day", "actors": [], "location": None, "origin": None,
            "destination": None, "modes": [], "cargo": None, "evidence": "NA", "start": 0,
            "end": 1, "confidence": 0.3, "updated": "2024-02-03T04:05:06Z"}
DOCS = [
    {"id": "seed-de", "lang": "de", "doc_date": "2023-10-13", "doc_date_source": "argument",
     "title": "Nordkorea liefert", "url": "https://www.derstandard.at/story/1", "events": [SHIPMENT, MEETING]},
    {"id": "doc-2", "lang": "en", "doc_date": "2024-01-02", "doc_date_source": "document",
     "title": "=cmd|' /C calc'!A0", "url": None, "events": [HOSTILE, UNPLACED]},
]

HAPPENING = {**MEETING, "happening_id": "h-1", "event_ids": ["ev-a", "ev-b", "ev-c"],
             "source_count": 3, "contradicted": True,
             "contradictions": {"date": [{"value": "2023-09-12", "sources": ["d1", "d2"]},
                                         {"value": "2023-09-13", "sources": ["d3"]}]},
             "sources": [
                 {"doc_id": "d1", "title": "Kim trifft Putin", "url": "https://www.derstandard.at/1",
                  "doc_date": "2023-09-13", "event_id": "ev-a", "lang": "de"},
                 {"doc_id": "d2", "title": "=Kim meets Putin", "url": "https://www.reuters.com/2",
                  "doc_date": "2023-09-14", "event_id": "ev-b", "lang": "en"},
                 {"doc_id": "d3", "title": None, "url": "https://orf.at/3",
                  "doc_date": "2023-09-14", "event_id": "ev-c", "lang": "de"}]}
