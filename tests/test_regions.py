"""geo.regions: a place's first-level division and its country's name and numeric code,
from the packaged GeoNames data (offline)."""
import pytest

from geo.regions import admin1, country


def _p(name, lat, lon, cc, feature="city", **extra):
    return {"name": name, "lat": lat, "lon": lon, "country_code": cc, "feature": feature, **extra}


@pytest.mark.parametrize("place,expected", [
    # a town, a facility, an admin unit: the division its nearest town is in
    (_p("Munich", 48.137, 11.575, "DE"), "Bavaria"),
    (_p("Vostochny Cosmodrome", 51.884, 128.334, "RU", "facility"), "Amur Oblast"),
    (_p("Bavaria", 48.7904, 11.4979, "DE", "admin"), "Bavaria"),
    (_p("Kanawha County", 38.33, -81.55, "US", "admin"), "West Virginia"),
    (_p("Tikhoretsk", 45.85307, 40.11874, "RU"), "Krasnodar Krai"),
    # a place that says its division keeps it
    (_p("Somewhere", 0.0, 0.0, "DE", admin1="Saxony"), "Saxony"),
    # a country, a region, a sea span several divisions
    (_p("Russia", 60.0, 100.0, "RU", "country"), None),
    (_p("Donbas", 48.3, 38.0, "UA", "region"), None),
    # the nearest town is in another country, or far away
    (_p("Rajin (wrong country)", 42.25559, 130.28308, "RU"), None),
    (_p("mid-Pacific", 0.0, -150.0, None, "other"), None),
    # no usable point
    (_p("bad", 999, 0, "DE"), None),
    ({"name": "no point", "feature": "city"}, None),
    (None, None),
])
def test_admin1(place, expected):
    assert admin1(place) == expected


@pytest.mark.parametrize("code,expected", [
    ("RU", ("Russia", 643)), ("KP", ("North Korea", 408)), ("lt", ("Lithuania", 440)),
    ("XK", ("Kosovo", 0)),            # no ISO code: 0, as ACLED has it
    ("ZZ", (None, None)), (None, (None, None)), ("", (None, None)),
])
def test_country(code, expected):
    assert country(code) == expected
