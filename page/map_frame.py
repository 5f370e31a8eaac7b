"""The map frame, its payload cached: ``st_folium`` without its repeated work.

``st_folium`` (streamlit-folium 0.27.4, pinned) renders the whole folium tree
twice on every script run (``get_root().render()``, then ``map.render()``; each
pass compiles every layer's script output, ~1 MB of GeoJSON, as a Jinja
template), walks every feature for bounds the page never reads, and only then
serialises the map to the Leaflet script it sends. On this 2-core machine that
was ~0.6 s of each run's ~1 s on a 1,000-event page, paid again on every rerun
(a table pick, a map click, a new tab) although the map had not changed.

:func:`map_frame` computes the same component arguments once per map content
(:func:`payload`: one render pass, the same ``generate_leaflet_string`` and
hash), keeps them in ``st.cache_data`` keyed by a digest of what the map is
drawn from, and passes them to the component ``st_folium`` declares. The hash
(the component's key) and the script equal what ``st_folium`` sends for the
same map (tests/test_map_frame.py compares both), so the browser keeps its
frame exactly when ``st_folium`` would have.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Callable, Iterable, Optional

import folium
import streamlit as st
import streamlit_folium as sf

RETURNED = ("last_object_clicked",)


def content_key(*parts: Any) -> str:
    """A digest of what a map is drawn from (events, places, options)."""
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def _links(fmap: folium.Map) -> tuple[list[str], list[str]]:
    """The CSS and JS files of the map and its elements (as st_folium collects them)."""
    css: list[str] = []
    js: list[str] = []
    stack: list[Any] = [fmap]
    order: list[Any] = []
    while stack:                       # depth first, children in order (st_folium's walk)
        elem = stack.pop()
        order.append(elem)
        stack.extend(reversed(list(getattr(elem, "_children", {}).values())))
    for elem in order:
        if isinstance(elem, folium.elements.JSCSSMixin):
            css.extend(href for _, href in getattr(elem, "default_css", []))
            js.extend(src for _, src in getattr(elem, "default_js", []))
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def payload(fmap: folium.Map, key: str) -> dict[str, Any]:
    """The component arguments st_folium derives from *fmap* (which it consumes:
    ``generate_leaflet_string`` renames its elements)."""
    fmap.render()                      # puts the asset links into the figure's header
    html = sf._get_html(fmap)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    css, js = _links(fmap)
    return {"script": script, "header": header, "html": html, "id": sf.get_full_id(fmap),
            "key": sf.generate_js_hash(script, key, False), "css_links": css, "js_links": js}


@st.cache_data(max_entries=16, show_spinner=False)
def _cached_payload(digest: str, key: str, _build: Callable[[], folium.Map]) -> dict[str, Any]:
    return payload(_build(), key)


def map_frame(build: Callable[[], folium.Map], digest: str, *, key: str = "map",
              height: int = 520, returned: Iterable[str] = RETURNED) -> Optional[dict]:
    """Show the map *build* makes (called only when *digest* is new) as st_folium
    would with ``use_container_width=True``; returns what the browser reported."""
    p = _cached_payload(digest, key, build)
    hash_key = p["key"]

    def on_change() -> None:           # st_folium's own: the value under the caller's key
        st.session_state[key] = st.session_state.get(hash_key, {})

    returned = list(returned)
    return sf._component_func(
        script=p["script"], header=p["header"], html=p["html"], id=p["id"], key=hash_key,
        height=height, width=None, returned_objects=returned,
        default={name: None for name in returned}, zoom=None, center=None,
        feature_group=None, return_on_hover=False, layer_control=None, pixelated=False,
        css_links=p["css_links"], js_links=p["js_links"], on_change=on_change,
        wrap_longitude=False)
