"""``build_map``: contract-shaped events -> a folium.Map (pure; no streamlit)."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, Iterable, Mapping, Optional, Sequence

import folium
from branca.element import Element, MacroElement
from folium.plugins import MarkerCluster
from folium.utilities import JsCode
from jinja2 import Template

from records.event_types import event_type, event_types
from viz import assets, basemap as basemaps
from viz.approximate import AREA_CLASS, area_features, legend_row as approximate_legend_row
from viz.geometry import (CoordinateError, LatLon, arrowhead, bounds, event_points,
                          validate_point)
from viz.evidence import key_html, mark_css
from viz.legs import event_legs, unused_modes
from viz.marker_names import MarkerNames, name_property
from viz.popups import esc, event_tooltip, place_tooltip, popup_fields
from viz.timeline import is_undated

# mode -> (colour, dash pattern) of a shipment's leg (viz.legs decides the mode)
MODE_STYLES: dict[str, tuple[str, Optional[str]]] = {
    "sea": ("#1f5fbf", "10 6"),
    "rail": ("#7a3e12", "4 4"),
    "road": ("#d9730d", None),
    "air": ("#7b3fbf", "2 6"),
}
DEFAULT_SHIPMENT_STYLE = ("#444444", None)  # a leg of unknown mode
HIGHLIGHT_COLOUR = "#ffd400"
CLUSTER_THRESHOLD = 300         # cluster point markers above this many
# an undated event's point: hollow and dashed, in its type's colour (never on the timeline)
UNDATED_STYLE = {"fillColor": "#ffffff", "fillOpacity": 0.85, "weight": 2.5,
                 "dashArray": "4 3", "radius": 9}
UNDATED_DATE = "undated — not on the timeline"


class _Legend(MacroElement):
    """A fixed box listing what the symbols mean (static, escaped text)."""

    _template = Template("""
        {% macro html(this, kwargs) %}
        <div class="lagebild-legend" style="position:absolute;bottom:24px;left:10px;z-index:1000;
             background:rgba(255,255,255,.92);padding:6px 9px;border:1px solid #999;
             border-radius:4px;font:12px/1.35 sans-serif">{{ this.body }}</div>
        {% endmacro %}
    """)

    def __init__(self, entries: Sequence[tuple[str, str]]):
        super().__init__()
        self._name = "Legend"
        self.body = "<b>Legend</b><br>" + "<br>".join(
            f"<span style='{esc(style)}'></span> {esc(label)}" for style, label in entries)


def _legend_entries(modes: Iterable[Optional[str]], undated: bool = False,
                    approximate: bool = False) -> list[tuple[str, str]]:
    """Marker rows, then one row per leg mode in use (MODE_STYLES order, then
    "mode unknown"), the undated style and the region-or-country circle when drawn,
    then the places layer."""
    specs = [*event_types().values(), event_type(None)]
    rows = [("display:inline-block;width:11px;height:11px;border-radius:50%;"
             f"background:{spec.marker['legend']}", spec.marker.get("legend_label") or spec.label_in("en"))
            for spec in specs]
    used = set(modes)
    for mode in [*MODE_STYLES, None]:
        if mode not in used:
            continue
        colour, dash = MODE_STYLES.get(mode or "", DEFAULT_SHIPMENT_STYLE)
        line = "dashed" if dash else "solid"
        rows.append((f"display:inline-block;width:22px;border-top:3px {line} {colour};"
                     "vertical-align:middle",
                     f"shipment by {mode} →" if mode else "shipment, mode unknown →"))
    if undated:
        rows.append(("display:inline-block;width:9px;height:9px;border-radius:50%;"
                     "border:2px dashed #555;background:#fff", "undated (not on the timeline)"))
    if approximate:
        rows.append(approximate_legend_row())
    rows.append(("display:inline-block;width:9px;height:9px;border-radius:50%;"
                 "background:#777", "mentioned place (layer)"))
    return rows


# Popups are assembled in the browser from values that popup_fields() has
# already escaped; only the fixed tags below are markup.
_BIND_JS = JsCode("""
function(feature, layer) {
    var p = feature.properties || {};
    if (!p.t) { if (p.tip) { layer.bindTooltip(p.tip, {sticky: true}); } return; }
    layer.bindTooltip(p.t + ' · ' + p.d + (p.a ? ' · ' + p.a : ''), {sticky: true});
    layer.bindPopup(function () {
        var legs = (p.l || []).map(function (leg, i) {
            return i + 1 === p.n ? '<b>' + leg + '</b>' : leg;
        }).join('<br>');
        var rows = [['Type', p.t], ['Date', p.d], ['Actors', p.a], ['Place', p.p],
                    ['Route', p.w], ['Legs', legs], ['Precision', p.q], ['Why', p.y], ['Modes', p.m],
                    ['Cargo', p.c],
                    ['Confidence', p.k], ['Review', p.r], ['Sources', p.h]];
        var html = '<div class="lagebild-popup" style="max-width:340px;font-size:12px"><table>';
        rows.forEach(function (r) {
            if (r[1]) { html += '<tr><th style="text-align:left;padding-right:6px">' + r[0] +
                                '</th><td>' + r[1] + '</td></tr>'; }
        });
        html += '</table><blockquote class="lagebild-evidence" tabindex="0" aria-label="Evidence" ' +
                'style="margin:6px 0;max-height:11em;overflow-y:auto;line-height:1.5">' + (p.e || '') +
                '</blockquote>' + ((p.e || '').indexOf('<mark') >= 0 ? __MARK_KEY__ : '') +
                '<div>Source: ' + (p.u ? '<a href="' + p.u +
                '" target="_blank" rel="noopener noreferrer">' + p.s + '</a>' : (p.s || '')) +
                (p.x ? ' <span class="lagebild-unlinked">(' + p.x + ')</span>' : '') +
                '</div></div>';
        return html;
    }, {maxWidth: 360});
}
""".replace("__MARK_KEY__", json.dumps(f"<div>{key_html()}</div>")))


def _feature(geometry_type: str, coords: Any, **props: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": props,
            "geometry": {"type": geometry_type, "coordinates": coords}}


def _lonlat(points: Sequence[LatLon]) -> list[list[float]]:
    return [[round(lon, 4), round(lat, 4)] for lat, lon in points]


def _leg_style(mode: Optional[str]) -> tuple[str, Optional[str]]:
    return MODE_STYLES.get(mode or "", DEFAULT_SHIPMENT_STYLE)


def _shipment_features(event: Mapping[str, Any], pts: dict[str, Any]
                       ) -> tuple[list[dict], list[dict], list[LatLon], list[Optional[str]]]:
    """(a line and an arrowhead feature per leg, origin/via point features,
    drawn points, the legs' modes). Every leg carries the event's popup, the
    numbered list of legs and its own number (``n``) to mark it there."""
    legs = event_legs(event, pts)
    fields = popup_fields(event)
    fields.pop("w", None)  # the legs say the route, leg by leg
    fields["l"] = [esc(leg.label()) for leg in legs]
    unused = unused_modes(event, legs)
    if unused:
        fields["l"].append(esc(f"also stated: {', '.join(unused)} (on no leg drawn)"))
    tooltip = event_tooltip(event)
    lines: list[dict] = []
    drawn: list[LatLon] = []
    for leg in legs:
        colour, dash = _leg_style(leg.mode)
        mode_class = f"lagebild-leg-{leg.mode or 'unknown'}"
        head = arrowhead(leg.points)
        lines.append(_feature("LineString", _lonlat(leg.points), **fields, n=leg.number,
                              style={"color": colour, "weight": 3, "opacity": 0.9,
                                     "dashArray": dash,
                                     "className": f"lagebild-shipment {mode_class}"}))
        lines.append(_feature("Polygon", [_lonlat(head + head[:1])],
                              tip=esc(f"{leg.label()} · ") + tooltip,
                              style={"color": colour, "weight": 1, "fillColor": colour,
                                     "fillOpacity": 0.95,
                                     "className": f"lagebild-arrow {mode_class}"}))
        drawn.extend(leg.points if not drawn else leg.points[1:])
    colour = _leg_style(legs[0].mode)[0]
    ends = [_feature("Point", _lonlat([drawn[0]])[0], tip=esc("origin: ") + tooltip,
                     style={"color": colour, "fillColor": "#ffffff", "fillOpacity": 1,
                            "weight": 2, "radius": 4})]
    ends += [_feature("Point", _lonlat([leg.points[0]])[0], tip=esc("via: ") + tooltip,
                      style={"color": _leg_style(leg.mode)[0],
                             "fillColor": _leg_style(leg.mode)[0], "fillOpacity": 1,
                             "weight": 1, "radius": 3}) for leg in legs[1:]]
    return lines, ends, drawn, [leg.mode for leg in legs]


def _collection(features: list[dict]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def _icon_layer(features: list[dict], colour: str, icon: str) -> folium.GeoJson:
    return folium.GeoJson(_collection(features), marker=folium.Marker(
        icon=folium.Icon(color=colour, icon=icon, prefix="fa")), on_each_feature=_BIND_JS,
        control=False)


def _undated_feature(event: Mapping[str, Any], point: LatLon, colour: str) -> dict[str, Any]:
    fields = {**popup_fields(event), "d": esc(UNDATED_DATE),
              **name_property(event, UNDATED_DATE)}
    return _feature("Point", _lonlat([point])[0], **fields, style={**UNDATED_STYLE, "color": colour})


def _add_highlight(m: folium.Map, event: Mapping[str, Any], drawn: list[LatLon]) -> None:
    layer = folium.FeatureGroup(name="Selected event", control=False)
    if len(drawn) > 1:
        folium.PolyLine(drawn, color=HIGHLIGHT_COLOUR, weight=10, opacity=0.75,
                        class_name="lagebild-highlight").add_to(layer)
    else:
        folium.CircleMarker(drawn[0], radius=20, color=HIGHLIGHT_COLOUR, weight=5,
                            fill=False, class_name="lagebild-highlight").add_to(layer)
    layer.add_to(m)


def _add_places(m: folium.Map, places: Iterable[Mapping[str, Any]], show: bool = False) -> int:
    counts: Counter = Counter()
    info: dict[tuple, Mapping[str, Any]] = {}
    for place in places:
        try:
            lat, lon = validate_point(place.get("lat"), place.get("lon"),
                                      f"place {place.get('name')!r}")
        except CoordinateError:
            continue
        key = (place.get("name"), round(lat, 4), round(lon, 4))
        counts[key] += 1
        info.setdefault(key, place)
    if not counts:
        return 0
    layer = folium.FeatureGroup(name="Mentioned places", show=show)
    for (name, lat, lon), n in counts.items():
        folium.CircleMarker((lat, lon), radius=3 + min(n, 8), color="#555555", weight=1,
                            fill=True, fill_color="#777777", fill_opacity=0.6,
                            tooltip=folium.Tooltip(place_tooltip(
                                name, info[(name, lat, lon)].get("country_code"), n))
                            ).add_to(layer)
    layer.add_to(m)
    return len(counts)


def build_map(events: Iterable[Mapping[str, Any]],
              places: Optional[Iterable[Mapping[str, Any]]] = None,
              basemap: str = "offline",
              highlight_id: Optional[str] = None,
              *,
              label_lang: str = "en",
              strict: bool = True,
              asset_base: str = assets.STREAMLIT_BASE,
              cluster_threshold: int = CLUSTER_THRESHOLD) -> folium.Map:
    """Draw *events* (contract EVENT dicts) on a new map.

    Meetings and other place-bound events are markers; a shipment with both
    ends is drawn as its legs origin -> via ... -> destination, each leg a
    line styled by its own mode with an arrowhead (:mod:`viz.legs`: sea legs
    along sea lanes, air legs as great circles, land legs straight). *places* (PLACE or PLACE_MENTION dicts) become a
    toggleable layer. The view fits the events (or the highlighted one).

    With *strict* an event with an impossible coordinate raises
    :class:`viz.geometry.CoordinateError` naming the value; otherwise it is
    skipped (use :func:`viz.geometry.coordinate_problems` to report it).
    Asset links point at *asset_base* (the vendored files), so the page
    needs no internet unless *basemap* is ``"osm"`` or ``"carto"``. The
    offline basemap names places in *label_lang* (a code of data/languages.json).
    """
    events = list(events)
    # SVG (one DOM path per line, styleable) for small sets, canvas for large ones
    m = folium.Map(location=(30, 30), zoom_start=2, tiles=None,
                   prefer_canvas=len(events) > cluster_threshold,
                   control_scale=False, world_copy_jump=False)  # the scale: km, in basemaps
    # without a tile layer Leaflet has no maxZoom, which MarkerCluster requires
    m.options.update(min_zoom=1, max_zoom=18)
    m.get_root().header.add_child(Element(
        f"<style>.leaflet-container{{background:{basemaps.SEA_COLOUR}}}</style>"),
        name="lagebild_sea")
    m.get_root().header.add_child(Element(f"<style>{mark_css()}</style>"), name="lagebild_marks")
    basemaps.add_base_layers(m, basemap, label_lang)
    MarkerNames().add_to(m)  # before the event layers: names each marker for screen readers

    ship_lines: list[dict] = []
    ship_ends: list[dict] = []
    # point markers by event type (a route with one end known is a marker there)
    markers: dict[str, list[dict]] = {name: [] for name in (*event_types(), None)}
    undated: list[dict] = []
    areas: list[dict] = []  # region- or country-level places (viz.approximate)
    all_points: list[LatLon] = []
    focus: list[LatLon] = []
    modes: list[Optional[str]] = []  # of the legs drawn (None: unknown)
    for event in events:
        try:
            pts = event_points(event)
        except CoordinateError:
            if strict:
                raise
            continue
        if pts["origin"] and pts["destination"]:
            lines, ends, drawn, leg_modes = _shipment_features(event, pts)
            ship_lines += lines
            ship_ends += ends
            modes.extend(leg_modes)
            areas += area_features([(event.get("origin"), drawn[0])], _leg_style(leg_modes[0])[0])
            areas += area_features([(event.get("destination"), drawn[-1])], _leg_style(leg_modes[-1])[0])
        else:
            role = next((r for r in ("location", "destination", "origin") if pts[r]), None)
            if role is None:
                continue
            point = pts[role]
            spec = event_type(event.get("type"))
            areas += area_features([(event.get(role), point)], spec.marker["legend"])
            if is_undated(event):
                undated.append(_undated_feature(event, point, spec.marker["legend"]))
            else:
                markers[spec.name if spec.known else None].append(_feature(
                    "Point", _lonlat([point])[0], **popup_fields(event),
                    **name_property(event)))
            drawn = [point]
        all_points.extend(drawn)
        if highlight_id is not None and event.get("id") == highlight_id:
            focus = drawn
            _add_highlight(m, event, drawn)

    ship_layer = folium.FeatureGroup(name="Shipments")
    if ship_lines:
        folium.GeoJson(_collection(ship_lines), on_each_feature=_BIND_JS,
                       control=False).add_to(ship_layer)
        folium.GeoJson(_collection(ship_ends), on_each_feature=_BIND_JS, control=False,
                       marker=folium.CircleMarker()).add_to(ship_layer)
    point_layer = folium.FeatureGroup(name="Meetings & other events")
    if areas:  # under the markers, taking no clicks (folium passes no "interactive" itself)
        ring = folium.CircleMarker(fill=True, class_name=AREA_CLASS)
        ring.options["interactive"] = False
        folium.GeoJson(_collection(areas), control=False, marker=ring).add_to(point_layer)
    point_target: Element = point_layer
    if sum(map(len, markers.values())) + len(undated) > cluster_threshold:
        point_target = MarkerCluster(control=False).add_to(point_layer)
    for name, features in markers.items():
        if features:
            marker = event_type(name).marker
            _icon_layer(features, marker["colour"], marker["icon"]).add_to(point_target)
    if undated:
        folium.GeoJson(_collection(undated), on_each_feature=_BIND_JS, control=False,
                       marker=folium.CircleMarker(fill=True, class_name="lagebild-undated")
                       ).add_to(point_target)
    ship_layer.add_to(m)
    point_layer.add_to(m)
    if places is not None:
        # shown at once when there is nothing else to look at
        _add_places(m, places, show=not all_points)
    _Legend(_legend_entries(modes, bool(undated), bool(areas))).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)

    box = bounds(focus or all_points)
    if box is not None:
        m.fit_bounds(box, padding=(30, 30), max_zoom=6 if focus else 7)
    return assets.localize(m, asset_base)


def map_bounds(m: folium.Map) -> Optional[list[list[float]]]:
    """The bounds passed to ``fit_bounds`` (None when the map has no events)."""
    for child in m._children.values():
        if type(child).__name__ == "FitBounds":
            return child.bounds
    return None
