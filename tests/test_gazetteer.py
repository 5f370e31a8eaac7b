"""The gazetteer index: lookups, language-specific names, the on-disk cache (geo/gazetteer.py)."""
import pytest

from geo import sources
from geo.gazetteer import MATCH_ALIAS, MATCH_NAME, MATCH_TRANSLIT, Gazetteer, build_index

ENTRIES = [
    {"name": "Tikhoretsk", "names": ["Tikhoretsk", "Tichorezk"], "lat": 45.85, "lon": 40.12, "cc": "RU",
     "feature": "city", "pop": 64387, "gid": 483029, "capital": False},
    {"name": "Vostochny Cosmodrome", "names": ["Vostochny Cosmodrome", "Kosmodrom Wostotschny"], "lat": 51.88,
     "lon": 128.33, "cc": "RU", "feature": "facility", "pop": 100000, "gid": None, "capital": False},
    {"name": "Iceland", "names": ["Iceland", "Island"], "names_lang": {"Island": "de"}, "lat": 65.0, "lon": -18.0,
     "cc": "IS", "feature": "country", "pop": 350000, "gid": 2629691, "capital": False},
    {"name": "Kharkiv", "names": ["Kharkiv"], "lat": 49.98, "lon": 36.25, "cc": "UA", "feature": "city",
     "pop": 1400000, "gid": 706483, "capital": False},
]


@pytest.fixture(scope="module")
def small(monkeypatch_module=None):
    return Gazetteer(build_index(ENTRIES))


# --- lookups: (query, expected name, match kind) ---
LOOKUPS = [
    ("Tikhoretsk", "Tikhoretsk", MATCH_NAME),
    ("Tichorezk", "Tikhoretsk", MATCH_ALIAS),
    ("TICHOREZK", "Tikhoretsk", MATCH_ALIAS),
    ("Tikhorietsk", None, None),                      # not a spelling rule, no match
    ("Charkiw", "Kharkiv", MATCH_TRANSLIT),           # German romanisation via the sound key
    ("Kosmodrom Wostotschny", "Vostochny Cosmodrome", MATCH_ALIAS),
]


@pytest.mark.parametrize("query,name,match", LOOKUPS)
def test_lookup(small, query, name, match):
    found = small.lookup(query)
    if name is None:
        assert found == []
    else:
        assert [(c.place.name, c.match) for c in found] == [(name, match)]


def test_names_of_one_language_are_not_used_for_the_other(small):
    assert [c.place.name for c in small.lookup("Island", lang="de")] == ["Iceland"]
    assert small.lookup("Island", lang="en") == []


def test_countries_carry_iso_code_and_feature(small):
    iceland = small.country("is")
    assert (iceland.name, iceland.country_code, iceland.feature) == ("Iceland", "IS", "country")
    assert small.country("XX") is None


def test_cache_is_reused_and_rebuilt_when_an_input_changes(tmp_path, monkeypatch):
    extra = tmp_path / "extra.csv"
    extra.write_text("one\n", encoding="utf-8")
    builds = []

    def entries():
        builds.append(1)
        return iter(ENTRIES)

    monkeypatch.setattr(sources, "source_files", lambda: [extra])
    monkeypatch.setattr(sources, "iter_entries", entries)
    cache = tmp_path / "cache"
    assert len(Gazetteer.load(cache_dir=cache)) == len(ENTRIES)
    assert len(Gazetteer.load(cache_dir=cache)) == len(ENTRIES)
    assert len(builds) == 1                      # second load came from the cache
    (f,) = cache.glob("gazetteer-*.pickle")
    assert f.stat().st_mode & 0o777 == 0o600     # readable by its owner only
    extra.write_text("one\ntwo\n", encoding="utf-8")
    Gazetteer.load(cache_dir=cache)
    assert len(builds) == 2                      # the changed input rebuilt it


def test_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "source_files", lambda: [])
    monkeypatch.setattr(sources, "iter_entries", lambda: iter(ENTRIES))
    cache = tmp_path / "cache"
    Gazetteer.load(cache_dir=cache)
    (f,) = cache.glob("gazetteer-*.pickle")
    f.write_bytes(b"not a pickle")
    assert len(Gazetteer.load(cache_dir=cache)) == len(ENTRIES)


# --- the bundled gazetteer: German exonyms and transliterations of the seed's places ---
BUNDLED = [
    ("Najin", "Rajin", "KP"),
    ("Tichorezk", "Tikhoretsk", "RU"),
    ("Pjöngjang", "Pyongyang", "KP"),
    ("Kiew", "Kyiv", "UA"),
    ("Moskau", "Moscow", "RU"),
    ("Nordkorea", "North Korea", "KP"),
    ("Wostotschny", "Vostochny Cosmodrome", "RU"),
    ("Saporischschja", "Zaporizhzhya", "UA"),
    ("Bayern", "Bavaria", "DE"),
]


@pytest.mark.parametrize("query,name,cc", BUNDLED)
def test_bundled_gazetteer(gazetteer, query, name, cc):
    found = {(c.place.name, c.place.country_code) for c in gazetteer.lookup(query)}
    assert (name, cc) in found


def test_bundled_gazetteer_size(gazetteer):
    assert len(gazetteer) > 230_000
