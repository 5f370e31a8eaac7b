"""geo.distance: geopy's great circle, and the fast path that must agree with it within 1 m."""
import math

import pytest
from geopy.distance import great_circle

from geo.distance import EARTH_KM, distance_km, haversine_km, place_km
from records.model import Place

# (a, b, great-circle km on a 6371.0 km sphere, rounded) -- city pairs the news names,
# plus the awkward ones: same point, antimeridian, poles, antipodes
CITY_PAIRS = [
    # nearby and regional
    ((52.52, 13.405), (52.39, 13.065), 27),           # Berlin - Potsdam
    ((50.4501, 30.5234), (49.9935, 36.2304), 409),    # Kyiv - Kharkiv (near the 400 km threshold)
    ((45.8432, 40.1200), (45.0448, 38.9760), 126),    # Tikhoretsk - Krasnodar
    ((42.2539, 130.2897), (39.0392, 125.7625), 523),  # Najin - Pyongyang
    # continental
    ((52.52, 13.405), (48.8566, 2.3522), 878),        # Berlin - Paris
    ((55.7558, 37.6173), (59.9343, 30.3351), 634),    # Moscow - St Petersburg
    ((33.749, -84.388), (41.8781, -87.6298), 948),    # Atlanta - Chicago
    # intercontinental
    ((51.5074, -0.1278), (40.7128, -74.0060), 5570),  # London - New York
    ((35.6762, 139.6503), (-33.8688, 151.2093), 7826),  # Tokyo - Sydney
    # edge cases
    ((10.0, 20.0), (10.0, 20.0), 0),                  # same point
    ((0.0, 179.9), (0.0, -179.9), 22),                # across the antimeridian
    ((89.9, 0.0), (89.9, 180.0), 22),                 # across the north pole
    ((0.0, 0.0), (0.0, 180.0), 20015),                # antipodes
]


@pytest.mark.parametrize("a, b, km", CITY_PAIRS)
def test_distance_km_is_geopy_great_circle(a, b, km):
    assert distance_km(a, b) == pytest.approx(km, abs=1)
    assert distance_km(a, b) == great_circle(a, b, radius=EARTH_KM).km
    assert distance_km(a, b) == pytest.approx(distance_km(b, a), abs=1e-9)


@pytest.mark.parametrize("a, b, km", CITY_PAIRS)
def test_fast_path_agrees_with_geopy_within_a_metre(a, b, km):
    exact = distance_km(a, b)
    assert abs(haversine_km(*a, *b) - exact) < 0.001
    pa, pb = Place("a", a[0], a[1]), Place("b", b[0], b[1])
    assert place_km(pa, pb) == haversine_km(*a, *b)


def test_radius_is_the_projects_not_geopys_default():
    # geopy's EARTH_RADIUS is 6371.009 km; the thresholds were set with 6371.0
    assert EARTH_KM == 6371.0
    assert distance_km((0, 0), (0, 180)) == pytest.approx(math.pi * 6371.0)


# invalid input: geopy refuses a latitude off the globe (the fast path does not check)
@pytest.mark.filterwarnings("ignore:Latitude normalization")
@pytest.mark.parametrize("a, b", [((91.0, 0.0), (0.0, 0.0)), ((0.0, 0.0), (-90.5, 10.0))])
def test_bad_latitude_is_a_value_error(a, b):
    with pytest.raises(ValueError):
        distance_km(a, b)


def test_one_distance_function_in_the_project():
    """No module but geo/distance.py carries its own Earth radius (a hand-written haversine)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    own = [p.relative_to(root).as_posix() for pkg in ("records", "geo", "extract", "ingest", "store", "viz")
           for p in (root / pkg).rglob("*.py") if "6371" in p.read_text(encoding="utf-8")]
    own += ["app.py"] if "6371" in (root / "app.py").read_text(encoding="utf-8") else []
    assert own == ["geo/distance.py"]
