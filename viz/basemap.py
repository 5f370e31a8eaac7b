"""Base layers: offline country outlines (from countryinfo's bundled data) and
opt-in online tiles. Nothing here fetches anything; online tiles are only
requested by the browser when the user picks such a base layer."""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import folium

BASEMAPS = ("offline", "osm", "carto")
OUTLINES_NAME = "Country outlines (offline)"
SEA_COLOUR = "#dcebf5"

_TILES = {
    "osm": ("OpenStreetMap", "OpenStreetMap (online)", None),
    "carto": ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
              "CartoDB Positron (online)",
              '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
              'contributors &copy; <a href="https://carto.com/attributions">CARTO</a>'),
}


def _round_coords(coords: Any, ndigits: int) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), ndigits)
    return [_round_coords(c, ndigits) for c in coords]


@functools.lru_cache(maxsize=1)
def country_outlines(ndigits: int = 2) -> dict[str, Any]:
    """A FeatureCollection of country polygons from countryinfo's JSON files.

    Each file's ``geoJSON`` member holds the country's outline; coordinates
    are rounded to *ndigits* to keep the page small. Cached per process.
    """
    import countryinfo  # the bundled data files ship with the package

    data_dir = Path(countryinfo.__file__).resolve().parent / "data"
    features = []
    for path in sorted(data_dir.glob("*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        geo = info.get("geoJSON") or {}
        iso = (info.get("ISO") or {}).get("alpha2")
        for feat in geo.get("features", []):
            geom = feat.get("geometry") or {}
            if geom.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            features.append({
                "type": "Feature",
                "properties": {"name": info.get("name") or path.stem, "iso": iso},
                "geometry": {"type": geom["type"],
                             "coordinates": _round_coords(geom["coordinates"], ndigits)},
            })
    return {"type": "FeatureCollection", "features": features}


def add_base_layers(m: folium.Map, basemap: str = "offline") -> None:
    """Add base layers to *m*: outlines always; online tiles only when
    *basemap* names one (that one shown, the other offered in the control)."""
    if basemap not in BASEMAPS:
        raise ValueError(f"basemap {basemap!r} is not one of {', '.join(BASEMAPS)}")
    folium.GeoJson(
        country_outlines(),
        name=OUTLINES_NAME,
        overlay=False,
        show=basemap == "offline",
        control=True,
        style_function=lambda _f: {"fillColor": "#f4f1ea", "color": "#9a9a9a",
                                   "weight": 0.6, "fillOpacity": 1.0},
        smooth_factor=1.0,
        tooltip=None,
        embed=True,
    ).add_to(m)
    if basemap == "offline":
        return
    for key, (tiles, name, attr) in _TILES.items():
        folium.TileLayer(tiles, name=name, attr=attr, overlay=False, show=key == basemap,
                         control=True).add_to(m)
