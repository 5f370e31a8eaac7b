"""Accessible names for the map's event markers (pure; no streamlit).

Leaflet makes every marker a keyboard stop (``role="button"``, ``tabindex=0``) but
names it only from a ``title`` option that a GeoJSON layer cannot vary by feature.
So each point feature carries its name as plain text in the property ``nm``
(:func:`marker_name`: type, date, place), and :class:`MarkerNames` registers one
Leaflet init hook that, whenever a marker is added to the map -- also when a
cluster opens -- copies ``nm`` onto the marker's element as ``aria-label`` and
``title``. A cluster bubble is named by its count. Like every map property the
name is HTML-escaped (:func:`name_property`); the hook turns it back into text
in an inert document (DOMParser: no script runs, nothing is inserted) and sets
it with ``setAttribute``, which never parses markup.
"""
from __future__ import annotations

from typing import Any, Mapping

from branca.element import MacroElement
from jinja2 import Template

from records.event_types import event_type
from viz.escape import html_text, visible
from viz.popups import date_label, place_label

NAME_KEY = "nm"  # the feature property the hook reads


def marker_name(event: Mapping[str, Any], date: str | None = None) -> str:
    """``meeting, 2023-09-01 – 2023-09-30 (month), Vostochny Cosmodrome (RU)``: the
    event's type (its English label), *date* (default: its dates) and where it is drawn."""
    spec = event_type(event.get("type"))
    kind = spec.label_in("en") if spec.known else str(event.get("type") or "event")
    where = place_label(event.get("location") or event.get("destination") or event.get("origin"))
    return visible(", ".join(p for p in (kind, date or date_label(event), where) if p))


def name_property(event: Mapping[str, Any], date: str | None = None) -> dict[str, str]:
    """The feature property holding the escaped name (``**name_property(e)``)."""
    return {NAME_KEY: html_text(marker_name(event, date))}


class MarkerNames(MacroElement):
    """The init hook (see the module doc). Add it to the map before the event layers."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        if (!L.Marker.lagebildNames) {
            L.Marker.lagebildNames = true;
            var lagebildName = function (layer) {
                if (typeof layer.getChildCount === 'function') {
                    return layer.getChildCount() + ' events here, zoom in to list them';
                }
                var p = layer.feature && layer.feature.properties;
                return p && p.{{ this.key }} && new DOMParser().parseFromString(
                    p.{{ this.key }}, 'text/html').documentElement.textContent;
            };
            var lagebildLabel = function () {
                var name = lagebildName(this);
                var el = this._icon || this._path;
                if (name && el) {
                    el.setAttribute('aria-label', name);
                    el.setAttribute('title', name);
                }
            };
            L.Marker.addInitHook(function () { this.on('add', lagebildLabel); });
            L.CircleMarker.addInitHook(function () { this.on('add', lagebildLabel); });
        }
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "MarkerNames"
        self.key = NAME_KEY
