"""Optional online geocoding for names the offline gazetteer lacks (off by default).

Lagebild works air-gapped: nothing here runs unless a caller builds an
:class:`OnlineGeocoder` and hands it to the pipeline
(``extract.pipeline.Pipeline(..., online=...)``, ``python -m extract --online``).
Then a name the place recogniser could not find in the gazetteer, in a
locative context ("nach Xyzburg"), is looked up on Nominatim through geopy:

* ``geopy.geocoders.Nominatim`` with a real user agent (:func:`user_agent`)
  and a timeout, behind ``geopy.extra.rate_limiter.RateLimiter`` (at most one
  request a second, as the Nominatim usage policy asks), called with explicit
  keyword arguments;
* every answer -- found or not found -- is kept in a cache passed in (a
  :class:`GeocodeCache`: ``get``/``put`` of JSON-able dicts), so a name is
  asked at most once: :class:`SqliteGeocodeCache` (a file under the Lagebild
  cache folder, for the command line), ``store.geocache.StoreGeocodeCache``
  (the event store's ``geocode_cache`` table, for the page),
  :class:`MemoryGeocodeCache` (a dict);
* an error of the service (``geopy.exc.GeopyError``: timeout, unavailable,
  rate-limited, ...) is logged on ``lagebild.geo`` and counts as "no result"
  for that name, uncached, so the document goes on; after
  :data:`MAX_FAILURES` errors in a row the geocoder stops asking for the rest
  of its life (one message, not one per name);
* a result is a :class:`records.model.Place` with ``source="online"``.

Seams for tests (no test touches the network): ``geocoder=`` takes any object
with geopy's ``geocode(query, **kwargs)``; the rate limiter's clock and sleep
are geopy's own ``RateLimiter._clock`` / ``RateLimiter._sleep``.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, Optional, Protocol

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from geo.gazetteer import default_cache_dir
from records.errors import LagebildError
from records.model import FEATURES, Place

log = logging.getLogger("lagebild.geo")

VERSION = "0.1"          # Lagebild has no release number elsewhere yet; only the user agent reads it
CONTACT_ENV = "LAGEBILD_CONTACT"          # an e-mail address or URL for the user agent
DOMAIN_ENV = "LAGEBILD_NOMINATIM_DOMAIN"  # a self-hosted Nominatim, e.g. "nominatim.intranet:8080"
SOURCE = "online"        # Place.source of a result
MATCH_ONLINE = "online"  # Candidate.match of a result (the resolver treats it like a transliteration)
ONLINE_ID = -1           # Candidate.id of a result: never a gazetteer row
MIN_DELAY_S = 1.0        # Nominatim's usage policy: at most one request a second
TIMEOUT_S = 10.0
MAX_FAILURES = 3         # service errors in a row before the geocoder gives up
CACHE_FILE = "geocode-cache.sqlite3"

# Nominatim's type of a result -> the contract's feature
_FEATURES = {
    "country": "country",
    "state": "admin", "province": "admin",
    "region": "region", "county": "region", "state_district": "region", "district": "region",
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "municipality": "city",
    "suburb": "city", "borough": "city", "quarter": "city", "neighbourhood": "city",
    "locality": "city", "isolated_dwelling": "city", "city_district": "city",
}
_FACILITY_CLASSES = {"aeroway", "military", "man_made", "railway", "amenity", "building", "landuse"}


def user_agent(contact: Optional[str] = None) -> str:
    """``Lagebild/0.1 (offline news geoparser; +CONTACT)``; CONTACT from the argument or
    ``$LAGEBILD_CONTACT`` (the Nominatim policy asks for a way to reach the user)."""
    contact = (contact or os.environ.get(CONTACT_ENV) or "").strip()
    return f"Lagebild/{VERSION} (offline news geoparser" + (f"; +{contact})" if contact else ")")


class GeocodeCache(Protocol):
    """Where answers are kept: ``get`` gives back what ``put`` stored, or None if nothing."""

    def get(self, key: str) -> Optional[dict]: ...

    def put(self, key: str, value: dict) -> None: ...


class MemoryGeocodeCache:
    """Answers in a dict (for one process; tests)."""

    def __init__(self) -> None:
        self.data: dict[str, dict] = {}

    def get(self, key: str) -> Optional[dict]:
        return self.data.get(key)

    def put(self, key: str, value: dict) -> None:
        self.data[key] = value


class SqliteGeocodeCache:
    """Answers in a local SQLite file (default: ``<cache dir>/geocode-cache.sqlite3``,
    the folder of the gazetteer index, ``$LAGEBILD_CACHE_DIR``); mode 0600."""

    SCHEMA = ("CREATE TABLE IF NOT EXISTS geocode_cache (key TEXT PRIMARY KEY, "
              "value TEXT NOT NULL, created_at TEXT NOT NULL)")

    def __init__(self, path: Optional[Path] = None):
        self.path = Path(path) if path else default_cache_dir() / CACHE_FILE
        self._conn: Optional[sqlite3.Connection] = None
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=10,
                                   check_same_thread=False)
            conn.execute(self.SCHEMA)
            self._conn = conn
        return self._conn

    def get(self, key: str) -> Optional[dict]:
        with self._lock:
            row = self._connection().execute("SELECT value FROM geocode_cache WHERE key = ?",
                                             (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, value: dict) -> None:
        with self._lock:
            self._connection().execute(
                "INSERT INTO geocode_cache (key, value, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at",
                (key, json.dumps(value, ensure_ascii=False), _now()))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def nominatim(*, domain: Optional[str] = None, timeout: float = TIMEOUT_S,
              contact: Optional[str] = None) -> Nominatim:
    """geopy's Nominatim with Lagebild's user agent (``domain``: a self-hosted server)."""
    domain = domain or os.environ.get(DOMAIN_ENV) or "nominatim.openstreetmap.org"
    return Nominatim(user_agent=user_agent(contact), timeout=timeout, domain=domain)


class OnlineGeocoder:
    """One name -> a Place from Nominatim, or None; cached, rate-limited, never raising
    for the service's errors.

    ``geocoder``: an object with geopy's ``geocode(query, **kwargs)`` (default:
    :func:`nominatim`). ``language``: the language of the names returned (the
    contract's names are English). ``featuretype``: Nominatim's filter;
    "settlement" admits countries, states, cities and towns, not shops or streets.
    """

    def __init__(self, cache: GeocodeCache, *, geocoder: Any = None,
                 min_delay_seconds: float = MIN_DELAY_S, timeout: float = TIMEOUT_S,
                 language: str = "en", featuretype: Optional[str] = "settlement",
                 max_retries: int = 1, error_wait_seconds: float = 2.0):
        self.cache = cache
        self.geocoder = geocoder if geocoder is not None else nominatim(timeout=timeout)
        self.language = language
        self.featuretype = featuretype
        # errors are ours to log (swallow_exceptions=False): the RateLimiter only retries
        self.rate_limited = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                        max_retries=max_retries,
                                        error_wait_seconds=max(error_wait_seconds, min_delay_seconds),
                                        swallow_exceptions=False)
        self.failures = 0       # service errors in a row
        self.calls = 0          # requests made (each after the rate limiter's wait)

    @property
    def enabled(self) -> bool:
        return self.failures < MAX_FAILURES

    def key(self, name: str) -> str:
        """The cache key of a query: service, language, filter and the name, case-folded."""
        return f"nominatim|{self.language}|{self.featuretype or ''}|{' '.join(name.split()).casefold()}"

    def geocode(self, name: str) -> Optional[Place]:
        """The place ``name`` denotes according to Nominatim, or None (not found, or an error)."""
        if not name.strip():
            return None
        key = self.key(name)
        cached = self._cache_get(key)
        if cached is not None:
            return _place(cached.get("place"))
        if not self.enabled:
            return None
        try:
            self.calls += 1
            location = self.rate_limited(name, exactly_one=True, language=self.language,
                                         addressdetails=True, featuretype=self.featuretype)
        except GeopyError as err:
            self.failures += 1
            log.warning("online geocoding of %r failed (%s: %s); treated as not found",
                        name, type(err).__name__, err)
            if not self.enabled:
                log.warning("online geocoder off for the rest of this run after %d failures in a row",
                            self.failures)
            return None
        self.failures = 0
        found = _from_location(location, name)
        self._cache_put(key, {"place": found})
        return _place(found)

    def _cache_get(self, key: str) -> Optional[dict]:
        try:
            value = self.cache.get(key)
        except (LagebildError, OSError, sqlite3.Error, ValueError) as err:  # a broken cache costs only the cache
            log.warning("geocode cache unreadable (%s); asking the service", err)
            return None
        return value if isinstance(value, dict) else None

    def _cache_put(self, key: str, value: dict) -> None:
        try:
            self.cache.put(key, value)
        except (LagebildError, OSError, sqlite3.Error, ValueError) as err:
            log.warning("geocode cache not written (%s)", err)


def _from_location(location: Any, query: str) -> Optional[dict]:
    """geopy's Location -> the PLACE dict kept in the cache; None when nothing usable came back."""
    if location is None:
        return None
    raw = getattr(location, "raw", None) or {}
    try:
        lat, lon = float(location.latitude), float(location.longitude)
    except (TypeError, ValueError, AttributeError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    address = raw.get("address") or {}
    name = raw.get("name") or str(getattr(location, "address", "") or "").split(",")[0].strip() or query
    cc = address.get("country_code")
    return {"name": str(name), "lat": lat, "lon": lon, "feature": _feature(raw),
            "country_code": str(cc).upper() if cc else None}


def _feature(raw: dict) -> str:
    kind = raw.get("addresstype") or raw.get("type")
    if kind in _FEATURES:
        return _FEATURES[kind]
    if raw.get("class") in _FACILITY_CLASSES:
        return "facility"
    return "other"


def _place(d: Optional[dict]) -> Optional[Place]:
    if not d:
        return None
    feature = d.get("feature") if d.get("feature") in FEATURES else "other"
    return Place(name=d["name"], lat=d["lat"], lon=d["lon"], feature=feature,
                 country_code=d.get("country_code"), source=SOURCE)


def command_line_geocoder(cache_path: Optional[Path] = None) -> OnlineGeocoder:
    """The geocoder of ``python -m extract --online``: Nominatim (``$LAGEBILD_NOMINATIM_DOMAIN``
    for a server of one's own), answers cached in a file under the Lagebild cache folder."""
    return OnlineGeocoder(SqliteGeocodeCache(cache_path))
