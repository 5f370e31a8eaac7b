"""The page's store calls stay bounded on a big store: facets are aggregates,
the default query reads at most the page's limit, newest first, by index."""
from __future__ import annotations

import sqlite3

import pytest

from store import EventFilter, Store, db
from store.query import FACET_LIMIT, SOURCE_LIMIT, newest_sql, where_clause
from store.synthetic import fill_store

N_ARTICLES = 1000          # ~4,000 events, ~2,500 distinct actors (more than FACET_LIMIT)
PAGE = 100


class _CountingCursor:
    def __init__(self, cursor, counter: list[int]):
        self._cursor, self._counter = cursor, counter

    def __iter__(self):
        for row in self._cursor:
            self._counter[0] += 1
            yield row

    def fetchone(self):
        row = self._cursor.fetchone()
        self._counter[0] += row is not None
        return row

    def fetchall(self):
        rows = self._cursor.fetchall()
        self._counter[0] += len(rows)
        return rows

    def fetchmany(self, size):
        rows = self._cursor.fetchmany(size)
        self._counter[0] += len(rows)
        return rows


class _CountingConnection:
    """Counts every row any query hands to Python."""

    def __init__(self, conn, counter: list[int]):
        self._conn, self._counter = conn, counter

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def execute(self, sql, params=()):
        return _CountingCursor(self._conn.execute(sql, params), self._counter)

    def close(self):
        self._conn.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("dash") / "dash.sqlite3")
    fill_store(store, N_ARTICLES)
    return store


@pytest.fixture
def rows_read(monkeypatch):
    counter = [0]
    real = db.open_connection
    monkeypatch.setattr(db, "open_connection",
                        lambda *a, **k: _CountingConnection(real(*a, **k), counter))
    return counter


def test_facets_are_aggregates_not_rows(big, rows_read):
    n_events = big.count()
    rows_read[0] = 0
    f = big.facets()
    assert f["n_events"] == n_events > 3000 and f["n_documents"] == N_ARTICLES
    assert len(f["actors"]) == FACET_LIMIT and f["actors"] == sorted(f["actors"])
    assert "Kim Jong Un" in f["actors"]            # the frequent ones are offered
    assert len(f["sources"]) == SOURCE_LIMIT
    assert f["sources"][0]["doc_date"] == max(s["doc_date"] for s in f["sources"])
    bound = 4 * FACET_LIMIT + SOURCE_LIMIT + 10
    assert rows_read[0] <= bound < n_events


def test_default_page_query_reads_only_the_newest(big, rows_read):
    total = big.count()
    rows_read[0] = 0
    events = big.events(EventFilter(limit=PAGE, newest=True))
    assert len(events) == PAGE and rows_read[0] == PAGE
    starts = [e["date_start"] for e in events]
    assert starts == sorted(starts)                # still shown oldest first
    everything = big.events()
    assert len(everything) == total
    assert {e["id"] for e in events} == {e["id"] for e in everything[-PAGE:]}


def test_all_events_can_still_be_streamed(big):
    assert sum(1 for _ in big.iter_events(EventFilter(types=("shipment",)))) == \
        big.count(EventFilter(types=("shipment",)))


def test_newest_query_walks_the_date_index(big):
    where, params = where_clause(EventFilter())
    with sqlite3.connect(big.path) as conn:
        plan = " | ".join(r[-1] for r in conn.execute(
            f"EXPLAIN QUERY PLAN {newest_sql(where)}", [*params, 10]))
    assert "USING INDEX events_when" in plan and "TEMP B-TREE" not in plan, plan
