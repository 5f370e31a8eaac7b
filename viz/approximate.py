"""How the map shows an event whose place is only a region or a country (ACLED
geo_precision 3, records.precision): a large shaded circle with a dashed rim around the
point it is drawn at, so it does not read as a town; a legend row says what it means.

A point event gets the circle at its marker; a shipment at each end (origin,
destination) whose own place is region- or country-level. The circles are drawn under
the markers and take no clicks (the marker, the line and their popups stay on top).
"""
from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence

from records.precision import place_precision

LatLon = tuple[float, float]
APPROXIMATE = 3  # the geo_precision that is drawn as an area
AREA_STYLE = {"radius": 26, "weight": 1.5, "dashArray": "6 4", "opacity": 0.9, "fillOpacity": 0.14}
AREA_CLASS = "lagebild-approximate"  # the circles' CSS class (set by viz.mapping)
LEGEND_LABEL = "place is a region or country (position approximate)"


def _feature(point: LatLon, colour: str) -> dict[str, Any]:
    lat, lon = point
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
            "properties": {"style": {**AREA_STYLE, "color": colour, "fillColor": colour}}}


def area_features(places: Sequence[tuple[Optional[Mapping[str, Any]], LatLon]],
                  colour: str) -> list[dict[str, Any]]:
    """A circle feature (in *colour*) for each ``(PLACE, drawn point)`` whose place is
    region- or country-level: a marker's place, or a route's origin and destination."""
    return [_feature(point, colour) for place, point in places
            if place_precision(place) == APPROXIMATE]


def legend_row() -> tuple[str, str]:
    """(CSS of the swatch, label) for the map's legend."""
    return ("display:inline-block;width:15px;height:15px;border-radius:50%;vertical-align:middle;"
            "border:1.5px dashed #555;background:rgba(85,85,85,.18)", LEGEND_LABEL)
