"""Deterministic contract-shaped documents for load tests and benchmarks.

``synthetic_documents(10_000)`` gives documents holding 10,000 events in total
(meetings and shipments between a few dozen real places), so the page and the
store can be timed without running the NLP pipeline.

``synthetic_articles(100_000)`` yields news-like articles instead: 3-5 events
each, dates spread over several years, a long tail of actors (a few famous
ones, thousands seldom named). From the shell::

    python -m store.synthetic --articles 100000 --db /tmp/lagebild-100k.sqlite3
"""
from __future__ import annotations

import datetime as dt
import argparse
import random
import time
from typing import Any, Iterator, Optional

_PLACES = [
    ("Moscow", 55.75222, 37.61556, "RU"), ("Pyongyang", 39.03385, 125.75432, "KP"),
    ("Rajin", 42.25559, 130.28308, "KP"), ("Tikhoretsk", 45.85307, 40.11874, "RU"),
    ("Vladivostok", 43.10562, 131.87353, "RU"), ("Berlin", 52.52437, 13.41053, "DE"),
    ("Hamburg", 53.55073, 9.99302, "DE"), ("Kyiv", 50.45466, 30.5238, "UA"),
    ("Warsaw", 52.22977, 21.01178, "PL"), ("Beijing", 39.9075, 116.39723, "CN"),
    ("Tehran", 35.69439, 51.42151, "IR"), ("Istanbul", 41.01384, 28.94966, "TR"),
    ("Rotterdam", 51.9225, 4.47917, "NL"), ("Washington", 38.89511, -77.03637, "US"),
    ("Odesa", 46.48572, 30.74383, "UA"), ("Novorossiysk", 44.72439, 37.76752, "RU"),
    ("Minsk", 53.9, 27.56667, "BY"), ("Brussels", 50.85045, 4.34878, "BE"),
    ("Ankara", 39.91987, 32.85427, "TR"), ("Tokyo", 35.6895, 139.69171, "JP"),
]
_ACTORS = ["Kim Jong Un", "Wladimir Putin", "Sergej Schoigu", "Olaf Scholz", "NATO",
           "European Union", "John Kirby", "Xi Jinping", "Recep Tayyip Erdoğan",
           "Wolodymyr Selenskyj", "Annalena Baerbock", "Antony Blinken"]
_MODES = ["sea", "rail", "road", "air"]
_CARGO = ["Munition", "Artilleriegranaten", "Raketen", "Getreide", "drones", "fuel"]


def _place(rng: random.Random) -> dict[str, Any]:
    name, lat, lon, cc = rng.choice(_PLACES)
    return {"name": name, "geonameid": None, "lat": lat, "lon": lon,
            "country_code": cc, "feature": "city"}


def synthetic_documents(n_events: int, events_per_doc: int = 10, seed: int = 7,
                        start: dt.date = dt.date(2022, 1, 1), days: int = 730) -> list[dict]:
    """Documents with *n_events* events in total, dated within *days* of *start*."""
    rng = random.Random(seed)
    docs: list[dict] = []
    made = 0
    while made < n_events:
        k = min(events_per_doc, n_events - made)
        doc_no = len(docs)
        doc_date = start + dt.timedelta(days=rng.randrange(days))
        events = []
        for i in range(k):
            first = start + dt.timedelta(days=rng.randrange(days))
            span = rng.choice([0, 0, 0, 6, 29, 90])
            precision = {0: "day", 29: "month"}.get(span, "day")
            common = {"id": f"syn-{doc_no}-{i}", "date_start": first.isoformat(),
                      "date_end": (first + dt.timedelta(days=span)).isoformat(),
                      "date_precision": precision,
                      "actors": rng.sample(_ACTORS, rng.choice([1, 2, 2, 3])),
                      "evidence": f"Synthetic evidence sentence {doc_no}-{i}.",
                      "start": i * 100, "end": i * 100 + 60,
                      "confidence": round(rng.uniform(0.3, 1.0), 3),
                      "via": [], "status": "reported"}
            if rng.random() < 0.45:
                origin, dest = _place(rng), _place(rng)
                while dest["name"] == origin["name"]:
                    dest = _place(rng)
                events.append({**common, "type": "shipment", "location": None,
                               "origin": origin, "destination": dest,
                               "modes": rng.sample(_MODES, rng.choice([1, 1, 2])),
                               "cargo": rng.choice(_CARGO)})
            else:
                events.append({**common, "type": "meeting", "location": _place(rng),
                               "origin": None, "destination": None, "modes": [],
                               "cargo": None})
        places = [dict(p, text=p["name"], start=0, end=len(p["name"]), confidence=0.9)
                  for p in (_place(rng) for _ in range(3))]
        docs.append({"id": f"syn-doc-{doc_no}", "lang": rng.choice(["de", "en"]),
                     "doc_date": doc_date.isoformat(), "doc_date_source": "document",
                     "title": f"Synthetic report {doc_no}",
                     "url": f"https://example.org/synthetic/{doc_no}",
                     "places": places, "timexes": [], "events": events})
        made += k
    return docs


_TYPES = ["meeting", "meeting", "meeting", "shipment", "shipment", "visit", "talks"]
_ROLES = ["Minister", "General", "Spokesperson", "Envoy", "Governor", "Delegation"]


def _long_tail_actor(rng: random.Random, n_minor: int) -> str:
    """A famous actor most of the time, else one of *n_minor* rarely named ones."""
    if rng.random() < 0.6:
        return rng.choice(_ACTORS)
    k = int(n_minor ** rng.random())          # log-uniform: low numbers are frequent
    return f"{_ROLES[k % len(_ROLES)]} {k:05d}"


def synthetic_articles(n_articles: int, seed: int = 11, start: dt.date = dt.date(2019, 1, 1),
                       days: int = 6 * 365, n_minor_actors: int = 5000) -> Iterator[dict]:
    """*n_articles* documents of 3-5 events each, published within *days* of
    *start*; events happen up to a month before publication."""
    rng = random.Random(seed)
    for doc_no in range(n_articles):
        doc_date = start + dt.timedelta(days=rng.randrange(days))
        events = []
        for i in range(rng.randint(3, 5)):
            first = doc_date - dt.timedelta(days=rng.randrange(30))
            span = rng.choice([0, 0, 0, 0, 1, 6, 29])
            etype = rng.choice(_TYPES)
            common = {"id": f"art-{doc_no}-{i}", "type": etype,
                      "date_start": first.isoformat(),
                      "date_end": (first + dt.timedelta(days=span)).isoformat(),
                      "date_precision": "month" if span == 29 else "day",
                      "actors": sorted({_long_tail_actor(rng, n_minor_actors)
                                        for _ in range(rng.choice([1, 2, 2, 3]))}),
                      "evidence": f"Article {doc_no} sentence {i}: synthetic evidence.",
                      "start": i * 100, "end": i * 100 + 60,
                      "confidence": round(rng.uniform(0.3, 1.0), 3),
                      "via": [], "status": "reported"}
            if etype == "shipment":
                origin, dest = _place(rng), _place(rng)
                while dest["name"] == origin["name"]:
                    dest = _place(rng)
                events.append({**common, "location": None, "origin": origin,
                               "destination": dest, "cargo": rng.choice(_CARGO),
                               "modes": rng.sample(_MODES, rng.choice([1, 1, 2]))})
            else:
                events.append({**common, "location": _place(rng), "origin": None,
                               "destination": None, "modes": [], "cargo": None})
        places = [dict(p, text=p["name"], start=0, end=len(p["name"]), confidence=0.9)
                  for p in (_place(rng) for _ in range(3))]
        yield {"id": f"art-{doc_no}", "lang": rng.choice(["de", "en"]),
               "doc_date": doc_date.isoformat(), "doc_date_source": "document",
               "title": f"Synthetic article {doc_no}",
               "url": f"https://example.org/articles/{doc_no}",
               "places": places, "timexes": [], "events": events}


def fill_store(store, n_articles: int, seed: int = 11) -> dict[str, int]:
    """Ingest ``synthetic_articles(n_articles)`` into *store* (a ``store.Store``)
    quickly: one connection, SQLite without fsync (a throwaway store), ANALYZE
    at the end. Returns counts by status."""
    from store.ingest import ingest_document

    counts = {"new": 0, "updated": 0, "unchanged": 0}
    with store._connect() as conn:
        if conn.dialect == "sqlite":
            conn.execute("PRAGMA synchronous = OFF")
        for doc in synthetic_articles(n_articles, seed=seed):
            counts[ingest_document(conn, doc)[1]] += 1
        conn.execute("ANALYZE")
    return counts


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m store.synthetic", description=(
        "Fill a store with synthetic articles (no extraction), for load tests."))
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--db", required=True, help="store path or database URL")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    from store import Store

    t0 = time.perf_counter()
    counts = fill_store(Store(args.db), args.articles, seed=args.seed)
    print(f"{counts} in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
