"""Event extraction through the real pipeline path, on our own sentences (table-driven)."""
from __future__ import annotations

import datetime as dt

import pytest

from extract.pipeline import get_pipeline

DOC_DATE = dt.date(2023, 10, 13)


def events(text: str, lang: str, doc_date: dt.date = DOC_DATE):
    return [e.to_dict() for e in get_pipeline().process(text, doc_id="t", doc_date=doc_date, lang=lang).events]


def name(place):
    return place["name"] if place else None


# --- shipments: (lang, text, origin, destination, date_start, date_end, modes) ----------
SHIPMENTS = [
    # active, German: recipient after "an", month from the clause
    ("de", "Im März 2023 lieferte Frankreich 40 Panzer an Polen.",
     None, "Poland", "2023-03-01", "2023-03-31", []),
    # passive, German, with route and mode
    ("de", "Die Munition wurde am 3. Mai 2023 per Schiff von Hamburg nach Danzig geliefert.",
     "Hamburg", "Gdańsk", "2023-05-03", "2023-05-03", ["sea"]),
    # English active with via
    ("en", "On 4 June 2023 Germany sent 300 containers of ammunition from Rostock to Kyiv via Warsaw by rail.",
     "Rostock", "Kyiv", "2023-06-04", "2023-06-04", ["rail"]),
    # English passive
    ("en", "In August 2023, 20,000 tons of grain were shipped from Odesa to Istanbul.",
     "Odesa", "Istanbul", "2023-08-01", "2023-08-31", []),
    # arrival of goods
    ("en", "The tanks arrived in Gdansk on Monday, officials said.",
     None, "Gdańsk", None, None, []),
]


@pytest.mark.parametrize("lang,text,origin,dest,start,end,modes", SHIPMENTS)
def test_shipment_roles_and_dates(lang, text, origin, dest, start, end, modes):
    evs = [e for e in events(text, lang) if e["type"] == "shipment"]
    assert len(evs) == 1, evs
    ev = evs[0]
    assert name(ev["origin"]) == origin
    assert name(ev["destination"]) == dest
    if start:
        assert (ev["date_start"], ev["date_end"]) == (start, end)
    for m in modes:
        assert m in ev["modes"]
