"""geo.online: the optional Nominatim fallback -- always with a fake geocoder, never the network."""
import datetime as dt
import json
import logging
import os
import socket
import stat
from unittest.mock import patch

import pytest
from geopy.exc import GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location

from extract.pipeline import Pipeline
from geo import online
from geo.gazetteer import default_gazetteer
from geo.online import MAX_FAILURES, MemoryGeocodeCache, OnlineGeocoder, SqliteGeocodeCache
from records.model import Place
from test_postgres import pg_url, postgres_server  # noqa: F401  (fixtures)

DATE = dt.date(2023, 10, 13)
CONTRACT_PLACE_KEYS = {"name", "geonameid", "lat", "lon", "country_code", "feature"}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any connection attempt fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(autouse=True)
def mock_sleep():
    """geopy's own seam (see geopy's test/extra/rate_limiter.py): no test really sleeps."""
    with patch.object(RateLimiter, "_sleep") as sleep:
        yield sleep


@pytest.fixture
def mock_clock():
    with patch.object(RateLimiter, "_clock") as clock:
        yield clock


class FakeGeocoder:
    """geopy's ``geocode(query, **kwargs)``: answers from a table, raises what it is told to."""

    def __init__(self, known=None, error=None):
        self.known = known or {}
        self.error = error
        self.calls = []

    def geocode(self, query, **kwargs):
        self.calls.append((query, kwargs))
        if self.error is not None:
            raise self.error
        raw = self.known.get(query)
        if raw is None:
            return None
        return Location(raw.get("display_name", query), (raw["lat"], raw["lon"]), raw)


XYZBURG = {"name": "Xyzburg", "lat": 51.25, "lon": 12.5, "class": "place", "type": "town",
           "addresstype": "town", "address": {"country_code": "de"}}
KNOWN = {"Xyzburg": XYZBURG, "Zorbo Valley": {**XYZBURG, "name": "Zorbo Valley", "addresstype": "village"}}


def geocoder(fake, cache=None, **kw):
    return OnlineGeocoder(MemoryGeocodeCache() if cache is None else cache, geocoder=fake, **kw)


def run(text, lang, online=None):
    doc = Pipeline(default_gazetteer(), online=online).process(text, doc_id="t", doc_date=DATE, lang=lang)
    for m in doc.places:
        assert text[m.start:m.end] == m.text
    return doc


# --- the hook: (lang, text, the name looked up online or None, the online place found or None) ---
HOOK = [
    # after a locative preposition, unknown to the gazetteer: looked up, found
    ("de", "Die Container gingen per Bahn nach Xyzburg.", "Xyzburg", "Xyzburg"),
    ("de", "Die Ladung kam aus Xyzburg.", "Xyzburg", "Xyzburg"),
    ("en", "The train went to Xyzburg on Monday.", "Xyzburg", "Xyzburg"),
    ("en", "Officials met near Zorbo Valley.", "Zorbo Valley", "Zorbo Valley"),
    # looked up, the service knows nothing: no place
    ("de", "Die Ware lagerte bei Nirgendwohausen.", "Nirgendwohausen", None),
    # never looked up
    ("de", "Xyzburg meldete Verluste.", None, None),                      # no preposition before it
    ("de", "Die Container gingen nach Berlin.", None, None),              # the gazetteer knows it
    ("de", "Herr Xyzburg sagte, er wohne in Xyzburg.", None, None),       # a person in this document
    ("de", "Das werde sich in Zukunft ändern.", None, None),              # a common word
    ("en", "He spoke in English at length.", None, None),                 # a common word
    ("en", "They met at Qwz Abc Def Ghi yesterday.", None, None),         # four words: an organisation
    ("en", "The talks were held at XYZQ headquarters.", None, None),      # an acronym
    ("en", "The deal went to Xyzburg Corporation.", None, None),          # an organisation word
]


@pytest.mark.parametrize("lang, text, asked, found", HOOK)
def test_hook_looks_up_unknown_names_in_locative_context(lang, text, asked, found):
    fake = FakeGeocoder(KNOWN)
    doc = run(text, lang, geocoder(fake))
    assert [q for q, _ in fake.calls] == ([asked] if asked else [])
    online_places = [m for m in doc.places if m.place.source == "online"]
    assert [m.place.name for m in online_places] == ([found] if found else [])
    for m in online_places:
        d = m.to_dict()
        assert d["source"] == "online" and d["geonameid"] is None and d["country_code"] == "DE"
        assert d["feature"] == "city" and 0 < d["confidence"] < 1


def test_hook_is_off_without_a_geocoder():
    doc = run("Die Container gingen per Bahn nach Xyzburg.", "de")
    assert [m.text for m in doc.places] == []


def test_online_place_becomes_an_event_end():
    fake = FakeGeocoder(KNOWN)
    doc = run("Am 3. Oktober 2023 wurden 300 Container per Bahn von Najin nach Xyzburg geliefert.",
              "de", geocoder(fake))
    (event,) = [e.to_dict() for e in doc.events]
    assert event["destination"]["name"] == "Xyzburg" and event["destination"]["source"] == "online"
    assert "source" not in event["origin"]


def test_keyword_arguments_are_explicit():
    fake = FakeGeocoder(KNOWN)
    geocoder(fake).geocode("Xyzburg")
    assert fake.calls == [("Xyzburg", {"exactly_one": True, "language": "en",
                                       "addressdetails": True, "featuretype": "settlement"})]


# --- the cache ----------------------------------------------------------------------

def test_cache_hit_avoids_a_second_call():
    fake, cache = FakeGeocoder(KNOWN), MemoryGeocodeCache()
    first = geocoder(fake, cache).geocode("Xyzburg")
    again = geocoder(fake, cache).geocode("  xyzburg ")     # another instance, same cache, same key
    assert first == again == Place("Xyzburg", 51.25, 12.5, "city", "DE", source="online")
    assert len(fake.calls) == 1


def test_negative_answers_are_cached():
    fake, cache = FakeGeocoder(KNOWN), MemoryGeocodeCache()
    g = geocoder(fake, cache)
    assert g.geocode("Nirgendwohausen") is None and g.geocode("Nirgendwohausen") is None
    assert len(fake.calls) == 1
    assert list(cache.data.values()) == [{"place": None}]


def test_one_lookup_per_name_across_documents():
    fake = FakeGeocoder(KNOWN)
    g = geocoder(fake)
    for text in ("Die Ladung kam aus Xyzburg.", "Der Zug fuhr nach Xyzburg."):
        run(text, "de", g)
    assert len(fake.calls) == 1


# --- errors of the service: no place, no crash, logged, not cached ----------------------

@pytest.mark.parametrize("error", [GeocoderServiceError("HTTP 500"), GeocoderTimedOut("timed out"),
                                   GeocoderUnavailable("no route to host")])
def test_service_error_is_no_result(error, caplog, mock_sleep):
    fake, cache = FakeGeocoder(KNOWN, error=error), MemoryGeocodeCache()
    with caplog.at_level(logging.WARNING, logger="lagebild.geo"):
        doc = run("Die Container gingen nach Xyzburg. Sie trafen sich in Berlin.", "de",
                  geocoder(fake, cache))
    assert [m.text for m in doc.places] == ["Berlin"]
    assert any(r.name == "lagebild.geo" and "Xyzburg" in r.getMessage() for r in caplog.records)
    assert cache.data == {}                       # an outage is not an answer
    assert len(fake.calls) == 2                   # one retry by the rate limiter
    assert (2.0,) in [c.args for c in mock_sleep.call_args_list]   # error_wait_seconds between them


def test_geocoder_gives_up_after_repeated_failures(caplog):
    fake = FakeGeocoder(error=GeocoderUnavailable("down"))
    g = geocoder(fake, max_retries=0)
    with caplog.at_level(logging.WARNING, logger="lagebild.geo"):
        for k in range(MAX_FAILURES + 2):
            assert g.geocode(f"Ort{k}") is None
    assert len(fake.calls) == MAX_FAILURES and not g.enabled
    assert sum("off for the rest" in r.getMessage() for r in caplog.records) == 1


def test_a_success_resets_the_failure_count():
    fake = FakeGeocoder(KNOWN, error=GeocoderTimedOut("slow"))
    g = geocoder(fake, max_retries=0)
    for _ in range(MAX_FAILURES - 1):
        g.geocode("Xyzburg")
    fake.error = None
    assert g.geocode("Xyzburg") is not None and g.failures == 0


def test_broken_cache_costs_only_the_cache(caplog):
    class Broken:
        def get(self, key):
            raise OSError("disk gone")

        def put(self, key, value):
            raise OSError("disk gone")

    fake = FakeGeocoder(KNOWN)
    with caplog.at_level(logging.WARNING, logger="lagebild.geo"):
        assert geocoder(fake, Broken()).geocode("Xyzburg").name == "Xyzburg"
    assert any("cache" in r.getMessage() for r in caplog.records)


# --- Nominatim's answer -> Place: (raw, expected feature) and answers that are no place ---

FEATURES = [
    ({"addresstype": "country"}, "country"),
    ({"addresstype": "state"}, "admin"),
    ({"addresstype": "county"}, "region"),
    ({"addresstype": "village"}, "city"),
    ({"type": "hamlet"}, "city"),
    ({"class": "aeroway", "type": "aerodrome", "addresstype": "aeroway"}, "facility"),
    ({"class": "natural", "type": "peak"}, "other"),
]


@pytest.mark.parametrize("raw, feature", FEATURES)
def test_feature_from_nominatim_type(raw, feature):
    fake = FakeGeocoder({"Q": {"name": "Q", "lat": 1.0, "lon": 2.0, **raw}})
    place = geocoder(fake).geocode("Q")
    assert (place.feature, place.country_code, place.source) == (feature, None, "online")


@pytest.mark.parametrize("lat, lon", [(91.0, 0.0), (float("nan"), 0.0), (0.0, float("inf"))])
def test_impossible_coordinates_are_no_place(lat, lon):
    class Odd(FakeGeocoder):
        def geocode(self, query, **kwargs):
            self.calls.append(query)
            return type("Loc", (), {"latitude": lat, "longitude": lon, "raw": {}, "address": "x"})()

    assert geocoder(Odd()).geocode("Q") is None


def test_name_falls_back_to_the_address():
    fake = FakeGeocoder({"Q": {"lat": 1.0, "lon": 2.0, "display_name": "Qstadt, Land, Welt"}})
    assert geocoder(fake).geocode("Q").name == "Qstadt"


# --- the real geocoder is configured, never called ----------------------------------------

def test_nominatim_behind_a_rate_limiter(monkeypatch):
    monkeypatch.delenv(online.CONTACT_ENV, raising=False)
    monkeypatch.delenv(online.DOMAIN_ENV, raising=False)
    g = OnlineGeocoder(MemoryGeocodeCache(), timeout=7)
    assert isinstance(g.geocoder, Nominatim)
    assert g.geocoder.headers["User-Agent"] == f"Lagebild/{online.VERSION} (offline news geoparser)"
    assert g.geocoder.timeout == 7 and g.geocoder.domain == "nominatim.openstreetmap.org"
    assert isinstance(g.rate_limited, RateLimiter)
    assert g.rate_limited.min_delay_seconds == 1.0 and g.rate_limited.swallow_exceptions is False


def test_user_agent_contact_and_own_server(monkeypatch):
    monkeypatch.setenv(online.CONTACT_ENV, "ops@example.org")
    monkeypatch.setenv(online.DOMAIN_ENV, "nominatim.intranet:8080")
    n = online.nominatim()
    assert n.headers["User-Agent"].endswith("(offline news geoparser; +ops@example.org)")
    assert n.domain == "nominatim.intranet:8080"


def test_rate_limiter_waits_between_requests(mock_clock, mock_sleep):
    fake = FakeGeocoder(KNOWN)
    g = geocoder(fake, min_delay_seconds=1)
    mock_clock.side_effect = [10.0, 10.25, 11.0]    # the second request comes 0.25 s after the first
    g.geocode("Xyzburg")
    g.geocode("Zorbo Valley")
    assert [c.args for c in mock_sleep.call_args_list] == [(0.75,)]
    assert len(fake.calls) == 2


def test_cache_hits_do_not_wait(mock_clock, mock_sleep):
    g = geocoder(FakeGeocoder(KNOWN), min_delay_seconds=1)
    mock_clock.return_value = 10.0
    for _ in range(5):
        g.geocode("Xyzburg")
    assert mock_sleep.call_count == 0 and mock_clock.call_count == 1


# --- the caches: local file (command line) and the store (page) ------------------------------

VALUES = [("k-found", {"place": {"name": "Xyzburg", "lat": 51.25, "lon": 12.5, "feature": "city",
                                 "country_code": "DE"}}),
          ("k-none", {"place": None}),
          ("k-ünïcødé", {"place": {"name": "Łódź „x“", "lat": -1.5, "lon": 179.9, "feature": "city",
                                   "country_code": None}})]


def test_local_file_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("LAGEBILD_CACHE_DIR", str(tmp_path / "cache"))
    cache = SqliteGeocodeCache()
    assert cache.path == tmp_path / "cache" / online.CACHE_FILE
    assert cache.get("k-found") is None
    for key, value in VALUES:
        cache.put(key, value)
    cache.put("k-none", {"place": None})            # put twice: replaced
    cache.close()
    again = SqliteGeocodeCache()
    assert [again.get(k) for k, _ in VALUES] == [v for _, v in VALUES]
    assert stat.S_IMODE(os.stat(again.path).st_mode) == 0o600


def test_command_line_geocoder_uses_the_file_cache(tmp_path):
    g = online.command_line_geocoder(tmp_path / "g.sqlite3")
    assert isinstance(g.cache, SqliteGeocodeCache) and isinstance(g.geocoder, Nominatim)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    from store import Store

    if request.param == "sqlite":
        return Store(tmp_path / "db" / "t.sqlite3")
    return Store(request.getfixturevalue("pg_url"))


def test_store_cache_round_trip(store):
    from store.geocache import StoreGeocodeCache, online_geocoder

    cache = StoreGeocodeCache(store)
    revision = store.revision()
    assert cache.get("k-found") is None and len(cache) == 0
    for key, value in VALUES:
        cache.put(key, value)
    cache.put("k-none", {"place": None})
    assert [cache.get(k) for k, _ in VALUES] == [v for _, v in VALUES] and len(cache) == 3
    assert store.revision() == revision              # not event data: page caches stay valid
    # the page's geocoder: cached in the store, across instances
    fake = FakeGeocoder(KNOWN)
    assert online_geocoder(store, geocoder=fake).geocode("Xyzburg").name == "Xyzburg"
    assert online_geocoder(store, geocoder=fake).geocode("Xyzburg").source == "online"
    assert len(fake.calls) == 1


# --- offline output stays as it was: no "source" key ---------------------------------------

def test_offline_output_has_no_source_key():
    doc = run("Am 3. Oktober 2023 wurden Container per Bahn von Najin nach Wladiwostok geliefert.", "de")
    out = doc.to_dict()
    assert out["places"] and all(CONTRACT_PLACE_KEYS <= set(p) and "source" not in p for p in out["places"])
    ends = [e[k] for e in out["events"] for k in ("location", "origin", "destination") if e[k]]
    assert ends and all(set(p) == CONTRACT_PLACE_KEYS for p in ends)
    assert set(Place("X", 1, 2).to_dict()) == CONTRACT_PLACE_KEYS


def test_cli_online_flag(tmp_path, monkeypatch, capsys):
    from extract import cli

    assert cli.build_parser().parse_args(["x.txt"]).online is False
    fake = FakeGeocoder(KNOWN)
    monkeypatch.setattr(online, "command_line_geocoder", lambda: geocoder(fake))
    src = tmp_path / "a.txt"
    src.write_text("Die Container gingen per Bahn nach Xyzburg.", encoding="utf-8")
    for flags, source in (([], None), (["--online"], "online")):
        out = tmp_path / "out.json"
        assert cli.main([str(src), "--doc-date", "2023-10-13", "--output", str(out), *flags]) == 0
        places = json.loads(out.read_text(encoding="utf-8"))["documents"][0]["places"]
        assert [p.get("source") for p in places] == ([source] if source else [])


def test_popup_marks_an_online_place():
    from viz.popups import place_label, place_tooltip, popup_fields

    xyz = {"name": "Xyzburg", "country_code": "DE", "source": "online"}
    assert place_label(xyz) == "Xyzburg (DE) (online geocoder)"
    assert place_label({"name": "Berlin", "country_code": "DE"}) == "Berlin (DE)"
    assert "(online geocoder)" in popup_fields({"id": "e", "location": xyz})["p"]
    assert "(online geocoder)" in popup_fields({"id": "e", "origin": {"name": "Najin"}, "destination": xyz})["w"]
    assert place_tooltip("Xyzburg", "DE", 2, "online") == "Xyzburg (DE) (online geocoder) – mentioned 2×"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_hook_prepositions_are_locative_words_of_the_lexicon(lang):
    from extract.lexicon import place_cues

    assert place_cues(lang).online_after and place_cues(lang).online_after <= place_cues(lang).locative_before
