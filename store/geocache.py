"""The online geocoder's answers kept in the event store (table ``geocode_cache``, migration 4).

:class:`StoreGeocodeCache` is a ``geo.online.GeocodeCache`` over a :class:`store.Store`,
SQLite or PostgreSQL alike; :func:`online_geocoder` is what the page calls when the
analyst switches online geocoding on. Each call opens its own short-lived connection
(one statement, autocommit), like the rest of the store; the revision counter is not
bumped -- cached geocodes are not event data.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Optional

from geo.online import OnlineGeocoder
from store import db


class StoreGeocodeCache:
    """Geocoding answers in *store*'s ``geocode_cache`` table."""

    def __init__(self, store: Any):
        self.store = store

    def _connect(self):
        return db.connection(self.store.path, self.store.timeout)

    def get(self, key: str) -> Optional[dict]:
        with self._connect() as conn:
            row = conn.execute("SELECT value FROM geocode_cache WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, value: dict) -> None:
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO geocode_cache (key, value, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at",
                (key, json.dumps(value, ensure_ascii=False),
                 dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))

    def __len__(self) -> int:
        with self._connect() as conn:
            return conn.execute("SELECT COUNT(*) FROM geocode_cache").fetchone()[0]


def online_geocoder(store: Any, **options: Any) -> OnlineGeocoder:
    """Nominatim behind the rate limiter, its answers cached in *store* (options: those
    of :class:`geo.online.OnlineGeocoder`, e.g. ``geocoder=`` a fake in tests)."""
    return OnlineGeocoder(StoreGeocodeCache(store), **options)
