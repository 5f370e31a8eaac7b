"""A part of a country named in one word with a compass prefix: "Nordirak", "Ostukraine",
"Süditalien" (the language's ``compass_prefixes`` in ``data/lexicon/places_<lang>.json``).

    country_part(gazetteer, surface, lang, prefixes) -> list[Candidate]

With no entry of its own in the gazetteer (one such as "Südtirol" or "Ostende" is found
first, by the caller), the part is placed at its country: on the map the country, for
the event its state.
"""
from __future__ import annotations

from geo.translit import fold

MIN_REST = 4  # letters of the country's name after the prefix ("Nord" + "irak")


def country_part(gazetteer, surface: str, lang: str, prefixes: tuple[str, ...]) -> list:
    """The country candidates of ``surface`` read as prefix + country name; [] when it is none."""
    low = surface.lower()
    for prefix in prefixes:
        rest = surface[len(prefix):]
        if low.startswith(prefix) and len(rest) >= MIN_REST and gazetteer.has_key(fold(rest.capitalize())):
            cands = [c for c in gazetteer.lookup(rest.capitalize(), translit=False, lang=lang)
                     if c.place.feature == "country"]
            if cands:
                return cands
    return []
