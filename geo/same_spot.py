"""Whether two resolved places can name one spot: the test the within-document event
merge (extract.events.merge) and the cross-article merge (store.matching) share.

Works on :class:`records.model.Place` and anything with its attributes
(``name, lat, lon, feature, country_code, geonameid``).
"""
from __future__ import annotations

from geo.distance import distance_km

NEAR_KM = 50.0


def same_place(a, b) -> bool:
    """The same GeoNames id, the same name, or at most :data:`NEAR_KM` apart."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.name == b.name or distance_km((a.lat, a.lon), (b.lat, b.lon)) <= NEAR_KM


def compatible(a, b) -> bool:
    """Two places can name the same spot: equal, near, or one is the country of the other."""
    if same_place(a, b):
        return True
    if a.feature == "country" and a.country_code and a.country_code == b.country_code:
        return True
    if b.feature == "country" and b.country_code and b.country_code == a.country_code:
        return True
    return False
