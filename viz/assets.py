"""Offline wiring: point folium's CDN links at the files in ``static/vendor``.

folium (0.20) and its plugins list their JavaScript/CSS as class attributes
``default_js``/``default_css`` full of CDN URLs. :func:`localize` walks one map
and gives each element that needs assets an *instance* attribute with local
URLs instead, so the global folium classes are never touched: another map
built elsewhere in the same process still gets folium's defaults.

Streamlit serves ``./static`` at ``/app/static`` when
``server.enableStaticServing`` is on (see ``.streamlit/config.toml``).
"""
from __future__ import annotations

import re
from typing import Iterator

from branca.element import Element
from folium.elements import JSCSSMixin

from records.errors import UnvendoredAssetError  # noqa: F401 (raised here, importable from here)
from records.paths import ROOT

VENDOR_DIR = ROOT / "static" / "vendor"
STREAMLIT_BASE = "/app/static/vendor"

# CDN URL used by folium 0.20 -> path below static/vendor/
LOCAL_ASSETS: dict[str, str] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": "leaflet@1.9.3/leaflet.js",
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": "leaflet@1.9.3/leaflet.css",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery@3.7.1/jquery.min.js",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js":
        "bootstrap@5.2.2/js/bootstrap.bundle.min.js",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css":
        "bootstrap@5.2.2/css/bootstrap.min.css",
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css":
        "glyphicons@3.1.1/css/bootstrap-glyphicons.css",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css":
        "fontawesome-free@6.2.0/css/all.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js":
        "leaflet.awesome-markers@2.0.4/leaflet.awesome-markers.js",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css":
        "leaflet.awesome-markers@2.0.4/leaflet.awesome-markers.css",
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css":
        "folium-rotate/leaflet.awesome.rotate.css",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js":
        "leaflet.markercluster@1.1.0/leaflet.markercluster.js",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css":
        "leaflet.markercluster@1.1.0/MarkerCluster.css",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css":
        "leaflet.markercluster@1.1.0/MarkerCluster.Default.css",
}

_REMOTE = re.compile(r"^(https?:)?//", re.IGNORECASE)

# folium lists these scripts on every map; nothing the page draws calls them (no
# jQuery in folium's GeoJson with embedded data, no Bootstrap widget in a popup).
# st_folium loads a map's scripts one after another, so each one left out is a
# request and a parse less before the map is drawn (bench/page.py). Their CSS stays.
UNUSED_JS = frozenset({
    "https://code.jquery.com/jquery-3.7.1.min.js",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js",
})




def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in list(getattr(element, "_children", {}).values()):
        yield from _walk(child)


def local_url(url: str, base_url: str = STREAMLIT_BASE) -> str:
    """The local URL for a CDN *url*; local URLs pass through unchanged.

    Raises :class:`UnvendoredAssetError` naming *url* when it is remote and
    has no vendored copy.
    """
    if not _REMOTE.match(url):
        return url
    try:
        return f"{base_url.rstrip('/')}/{LOCAL_ASSETS[url]}"
    except KeyError:
        raise UnvendoredAssetError(f"no vendored copy of {url!r}; add it to "
                                   "static/vendor and viz.assets.LOCAL_ASSETS") from None


def localize(root: Element, base_url: str = STREAMLIT_BASE) -> Element:
    """Rewrite the asset links of *root* and its descendants to *base_url*.

    Sets per-instance ``default_js``/``default_css`` lists (the class lists
    stay as folium ships them), without the scripts of :data:`UNUSED_JS`.
    Returns *root* for chaining.
    """
    for element in _walk(root):
        if isinstance(element, JSCSSMixin):
            element.default_js = [(n, local_url(u, base_url)) for n, u in element.default_js
                                  if u not in UNUSED_JS]
            element.default_css = [(n, local_url(u, base_url)) for n, u in element.default_css]
    return root


_ASSET_REF = re.compile(r"""<(?:script|link)\b[^>]*?(?:src|href)\s*=\s*["']([^"']+)["']""",
                        re.IGNORECASE)


def remote_asset_urls(html: str) -> list[str]:
    """Every ``<script src>``/``<link href>`` in *html* that points off-host."""
    return [u for u in _ASSET_REF.findall(html) if _REMOTE.match(u)]


def missing_vendor_files() -> list[str]:
    """Vendored paths in :data:`LOCAL_ASSETS` that do not exist on disk."""
    return [p for p in LOCAL_ASSETS.values() if not (VENDOR_DIR / p).is_file()]
