"""Base layers: the offline basemap (country outlines from countryinfo's
bundled data, with place names from viz.labels), a metric scale, and opt-in
online tiles. Nothing here fetches anything; online tiles are only requested
by the browser when the user picks such a base layer, and a note on the map
says so when they fail to load. The offline basemap lies in panes below the
tile pane, so it shows through wherever tiles are missing."""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from viz import labels

BASEMAPS = ("offline", "osm", "carto")
OUTLINES_NAME = "Country outlines (offline)"
OUTLINE_PANE = "lagebildBase"
OUTLINE_PANE_Z = 150        # below Leaflet's tile pane (200)
SEA_COLOUR = "#cfe2f0"
LAND_STYLE = {"fillColor": "#f3efe4", "color": "#6f7c86", "weight": 0.8, "opacity": 1.0,
              "fillOpacity": 1.0}
TILE_ERROR_NOTE = "Online tiles could not be loaded \u2014 showing the offline basemap."

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


class MetricScale(MacroElement):
    """Leaflet's scale bar in kilometres only (folium's ``control_scale`` adds miles)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.scale({metric: true, imperial: false, position: 'bottomright'})
            .addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "MetricScale"


class TileErrorNote(MacroElement):
    """A note on the map, shown when one of *layers* (online tiles) fails to load a
    tile and hidden again when the user switches base layer."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var note = L.DomUtil.create('div', 'lagebild-tile-note', map.getContainer());
            note.setAttribute('role', 'status');
            note.textContent = {{ this.text|tojson }};
            note.style.cssText = 'display:none;position:absolute;top:10px;left:50%;' +
                'transform:translateX(-50%);z-index:1000;background:#fff8d6;' +
                'border:1px solid #b38f00;border-radius:4px;padding:4px 9px;' +
                'font:12px/1.35 sans-serif;pointer-events:none';
            [{% for layer in this.layers %}{{ layer.get_name() }}{{ "," if not loop.last }}{% endfor %}]
                .forEach(function (layer) {
                    layer.on('tileerror', function () {
                        if (map.hasLayer(layer)) { note.style.display = 'block'; }
                    });
                });
            map.on('baselayerchange', function () { note.style.display = 'none'; });
        })();
        {% endmacro %}
    """)

    def __init__(self, layers: list[folium.TileLayer], text: str = TILE_ERROR_NOTE):
        super().__init__()
        self._name = "TileErrorNote"
        self.layers, self.text = layers, text


def add_base_layers(m: folium.Map, basemap: str = "offline", label_lang: str = "en") -> None:
    """Add base layers to *m*: the offline basemap (outlines, place names in
    *label_lang*) and a metric scale always; online tiles only when *basemap*
    names one (that one shown, the other offered in the control), with a note
    that appears when they cannot load."""
    if basemap not in BASEMAPS:
        raise ValueError(f"basemap {basemap!r} is not one of {', '.join(BASEMAPS)}")
    labels.check_lang(label_lang)
    m.get_root().header.add_child(Element(labels.LABEL_CSS), name="lagebild_labels_css")
    folium.map.CustomPane(OUTLINE_PANE, z_index=OUTLINE_PANE_Z, pointer_events=False).add_to(m)
    folium.GeoJson(
        country_outlines(),
        name=OUTLINES_NAME,
        overlay=True,
        show=True,
        control=True,
        style_function=lambda _f: LAND_STYLE,
        smooth_factor=1.0,
        tooltip=None,
        embed=True,
        pane=OUTLINE_PANE,
        interactive=False,
    ).add_to(m)
    labels.PlaceLabels(label_lang).add_to(m)
    MetricScale().add_to(m)
    if basemap == "offline":
        return
    tiles = [folium.TileLayer(url, name=name, attr=attr, overlay=False, show=key == basemap,
                              control=True).add_to(m)
             for key, (url, name, attr) in _TILES.items()]
    TileErrorNote(tiles).add_to(m)
