"""Reading events back, filtered in SQL, as contract-shaped dicts."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Sequence

from store.rows import row_to_event

REVIEW_STATES = ("reviewed", "unreviewed", "rejected")


@dataclass(frozen=True)
class EventFilter:
    """What to show. Empty tuples / None mean "no restriction".

    The date window uses interval overlap: an event from date_start to
    date_end is in ``[date_from, date_to]`` when it starts on or before
    date_to and ends on or after date_from. Undated events only appear when
    no window is set or *include_undated* is true. Rejected events are left
    out unless *review* asks for them.
    """

    date_from: Optional[dt.date] = None
    date_to: Optional[dt.date] = None
    include_undated: bool = False
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()          # any of these (exact, case-insensitive)
    countries: tuple[str, ...] = ()       # ISO alpha-2 of any place of the event
    places: tuple[str, ...] = ()          # canonical place names, any of these
    text: str = ""                        # substring of evidence/actors/cargo/places/title
    min_confidence: float = 0.0
    sources: tuple[str, ...] = ()         # document ids
    review: tuple[str, ...] = ("reviewed", "unreviewed")
    contradicted: Optional[bool] = None   # True: only events of contradicted happenings
    limit: Optional[int] = None           # at most this many events ...
    newest: bool = False                  # ... the latest ones (still returned oldest first)


def _in(column_sql: str, values: Sequence[Any], params: list[Any]) -> str:
    params.extend(values)
    return f"{column_sql} IN ({', '.join('?' for _ in values)})"


def json_values(column: str, alias: str, dialect: str = "sqlite") -> str:
    """A table source of the elements of the JSON list in *column*, as ``alias.value``."""
    if dialect == "postgresql":
        return f"jsonb_array_elements_text({column}::jsonb) AS {alias}(value)"
    return f"json_each({column}) {alias}"


def where_clause(f: EventFilter, dialect: str = "sqlite") -> tuple[str, list[Any]]:
    """SQL condition over ``events e JOIN documents d`` and its parameters."""
    parts: list[str] = []
    params: list[Any] = []
    if f.date_from or f.date_to:
        window = []
        if f.date_to:
            window.append("COALESCE(e.date_start, e.date_end) <= ?")
            params.append(f.date_to.isoformat())
        if f.date_from:
            window.append("COALESCE(e.date_end, e.date_start) >= ?")
            params.append(f.date_from.isoformat())
        overlap = " AND ".join(window)
        if f.include_undated:
            overlap = f"(({overlap}) OR (e.date_start IS NULL AND e.date_end IS NULL))"
        parts.append(overlap)
    if f.types:
        parts.append(_in("e.type", f.types, params))
    if f.actors:
        marks = ", ".join("lower(?)" for _ in f.actors)
        parts.append(f"EXISTS (SELECT 1 FROM {json_values('e.actors', 'a', dialect)} "
                     f"WHERE lower(a.value) IN ({marks}))")
        params.extend(f.actors)
    if f.countries:
        marks = ", ".join("?" for _ in f.countries)
        parts.append(f"EXISTS (SELECT 1 FROM {json_values('e.country_codes', 'c', dialect)} "
                     f"WHERE c.value IN ({marks}))")
        params.extend(c.upper() for c in f.countries)
    if f.places:
        marks = ", ".join("?" for _ in f.places)
        parts.append(f"EXISTS (SELECT 1 FROM {json_values('e.place_names', 'p', dialect)} "
                     f"WHERE p.value IN ({marks}))")
        params.extend(f.places)
    if f.text.strip():
        needle = "%" + f.text.strip().lower().replace("\\", "\\\\").replace("%", "\\%") \
            .replace("_", "\\_") + "%"
        parts.append("(" + " OR ".join(
            f"lower(COALESCE({c}, '')) LIKE ? ESCAPE '\\'"
            for c in ("e.evidence", "e.actors", "e.cargo", "e.place_names", "d.title",
                      "e.type")) + ")")
        params.extend([needle] * 6)
    if f.min_confidence > 0:
        parts.append("e.confidence >= ?")
        params.append(float(f.min_confidence))
    if f.sources:
        parts.append(_in("d.doc_id", f.sources, params))
    if f.contradicted is not None:
        parts.append(("" if f.contradicted else "NOT ") + "EXISTS (SELECT 1 FROM happening_members hm "
                     "JOIN happenings hh ON hh.happening_id = hm.happening_id "
                     "WHERE hm.event_row = e.id AND hh.contradicted = 1)")
    states = set(f.review)
    review_sql = []
    if "rejected" in states:
        review_sql.append("e.rejected = 1")
    if "reviewed" in states:
        review_sql.append("(e.rejected = 0 AND e.reviewed = 1)")
    if "unreviewed" in states:
        review_sql.append("(e.rejected = 0 AND e.reviewed = 0)")
    parts.append("(" + " OR ".join(review_sql) + ")" if review_sql else "0")
    return (" AND ".join(parts) or "1"), params


def _dialect(conn) -> str:
    return getattr(conn, "dialect", "sqlite")


_SELECT = ("SELECT e.*, d.doc_id, d.title, d.url, d.doc_date, hm.happening_id, "
           "hh.source_count, hh.contradicted FROM events e "
           "JOIN documents d ON d.id = e.document_id "
           "LEFT JOIN happening_members hm ON hm.event_row = e.id "
           "LEFT JOIN happenings hh ON hh.happening_id = hm.happening_id")
_ORDER = " ORDER BY COALESCE(e.date_start, e.date_end) IS NULL, COALESCE(e.date_start, e.date_end), e.event_id"
_WHEN = "COALESCE(e.date_start, e.date_end)"


def newest_sql(where: str) -> str:
    """The latest dated events matching *where*, newest first, ``LIMIT ?``.
    NULLs are excluded rather than ordered (SQLite and PostgreSQL sort them
    differently), so both walk the ``events_when`` index backwards and stop
    at the limit."""
    return (f"{_SELECT} WHERE ({where}) AND {_WHEN} IS NOT NULL "
            f"ORDER BY {_WHEN} DESC, e.id DESC LIMIT ?")


def query_events(conn, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Events matching *f*, edits applied, ordered by start date (undated last).

    With ``f.limit`` only that many are read: the first ones, or with
    ``f.newest`` the latest ones (returned in the same oldest-first order,
    undated ones only when fewer dated ones match).
    """
    where, params = where_clause(f, _dialect(conn))
    if f.newest and f.limit is not None:
        rows = conn.execute(newest_sql(where), [*params, int(f.limit)]).fetchall()
        rows.sort(key=lambda r: (r["date_start"] or r["date_end"], r["event_id"]))
        if len(rows) < f.limit:
            rows += conn.execute(
                f"{_SELECT} WHERE ({where}) AND {_WHEN} IS NULL ORDER BY e.event_id LIMIT ?",
                [*params, int(f.limit) - len(rows)]).fetchall()
        return [row_to_event(r) for r in rows]
    sql = f"{_SELECT} WHERE {where}{_ORDER}"
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(int(f.limit))
    return [row_to_event(r) for r in conn.execute(sql, params)]


def iter_events(conn, f: EventFilter = EventFilter(), batch: int = 2000) -> Iterator[dict[str, Any]]:
    """All events matching *f* (oldest first), read *batch* rows at a time."""
    where, params = where_clause(f, _dialect(conn))
    cur = conn.execute(f"{_SELECT} WHERE {where}{_ORDER}", params)
    while rows := cur.fetchmany(batch):
        yield from (row_to_event(r) for r in rows)


def count_events(conn, f: EventFilter = EventFilter()) -> int:
    where, params = where_clause(f, _dialect(conn))
    sql = ("SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.document_id "
           f"WHERE {where}")
    return conn.execute(sql, params).fetchone()[0]


def get_event(conn, event_id: str) -> Optional[dict[str, Any]]:
    row = conn.execute(f"{_SELECT} WHERE e.event_id = ? LIMIT 1", (event_id,)).fetchone()
    return row_to_event(row) if row else None


FACET_LIMIT = 300     # options per filter list: the most frequent values
SOURCE_LIMIT = 200    # source documents offered: the most recent


def _top_values(conn, sql_from: str, limit: int) -> list[str]:
    """The *limit* most frequent values of ``v.value`` in *sql_from*, sorted by name."""
    rows = conn.execute(f"SELECT v.value, COUNT(*) AS n FROM {sql_from} "
                        "WHERE v.value IS NOT NULL GROUP BY v.value "
                        "ORDER BY n DESC, v.value LIMIT ?", (limit,)).fetchall()
    return sorted(r[0] for r in rows)


def facets(conn, limit: int = FACET_LIMIT, n_sources: int = SOURCE_LIMIT) -> dict[str, Any]:
    """Values for the filter widgets -- types, actors, countries, places (the
    *limit* most frequent of each, sorted), the *n_sources* most recent
    sources -- the overall date extent (min start, max end) of dated events,
    the latest start (``date_last_start``), the numbers of events and
    documents, and where they came from (:func:`provenance`). Aggregates only:
    no event row reaches Python."""
    one = conn.execute
    d = _dialect(conn)
    terms = {kind: f"events e, {json_values(f'e.{column}', 'v', d)}"
             for kind, column in (("actors", "actors"), ("countries", "country_codes"),
                                  ("places", "place_names"))}
    return {
        "types": _top_values(conn, "(SELECT type AS value FROM events) v", limit),
        **{kind: _top_values(conn, sql_from, limit) for kind, sql_from in terms.items()},
        "sources": [dict(r) for r in one(
            "SELECT doc_id, title, doc_date FROM documents "
            "ORDER BY doc_date DESC, doc_id DESC LIMIT ?", (n_sources,))],
        "date_min": one("SELECT MIN(COALESCE(date_start, date_end)) FROM events").fetchone()[0],
        "date_max": one("SELECT MAX(COALESCE(date_end, date_start)) FROM events").fetchone()[0],
        "date_last_start": one(
            "SELECT MAX(COALESCE(date_start, date_end)) FROM events").fetchone()[0],
        "n_events": one("SELECT COUNT(*) FROM events").fetchone()[0],
        "n_documents": one("SELECT COUNT(*) FROM documents").fetchone()[0],
        **provenance(conn),
    }


def url_host_sql(column: str, dialect: str = "sqlite") -> str:
    """SQL for the lower-case host of the URL in *column* (what follows ``://`` up to
    the first ``/ ? # :``), without a leading ``www.``; '' when there is no ``://``."""
    find = "strpos" if dialect == "postgresql" else "instr"
    rest = (f"replace(replace(replace(lower(substr({column}, {find}({column}, '://') + 3)), "
            "'?', '/'), '#', '/'), ':', '/') || '/'")
    host = f"substr({rest}, 1, {find}({rest}, '/') - 1)"
    return (f"CASE WHEN {find}({column}, '://') = 0 THEN '' "
            f"WHEN {host} LIKE 'www.%' THEN substr({host}, 5) ELSE {host} END")


def provenance(conn) -> dict[str, Any]:
    """Where the documents came from, as aggregates: ``n_sources`` (distinct URL hosts,
    e.g. ``example.org``), ``n_unlinked`` (documents with no http(s)-style URL: pasted
    text, uploads without one) and ``last_ingest`` (the latest ``ingested_at``, ISO, UTC)."""
    host = url_host_sql("url", _dialect(conn))
    row = conn.execute(
        f"SELECT COUNT(DISTINCT NULLIF(h.host, '')), "
        "COUNT(*) - COUNT(NULLIF(h.host, '')), MAX(h.ingested_at) "
        f"FROM (SELECT {host} AS host, ingested_at FROM documents) h").fetchone()
    return {"n_sources": row[0], "n_unlinked": row[1], "last_ingest": row[2]}


def date_span(conn, f: EventFilter = EventFilter()) -> dict[str, Any]:
    """The dates of the events matching *f*: ``first`` (earliest start), ``last`` (latest
    end; a missing start or end stands in for the other) and ``undated`` (how many have
    no date at all). One aggregate query; ``first``/``last`` are None without dated events."""
    where, params = where_clause(f, _dialect(conn))
    row = conn.execute(
        "SELECT MIN(COALESCE(e.date_start, e.date_end)), MAX(COALESCE(e.date_end, e.date_start)), "
        "COUNT(*) - COUNT(COALESCE(e.date_start, e.date_end)) "
        f"FROM events e JOIN documents d ON d.id = e.document_id WHERE {where}",
        params).fetchone()
    return {"first": row[0], "last": row[1], "undated": row[2]}


def sources(conn, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
    """doc_id, title, doc_date of the given documents (for labelling a selection)."""
    if not doc_ids:
        return []
    params: list[Any] = []
    return [dict(r) for r in conn.execute(
        "SELECT doc_id, title, doc_date FROM documents d WHERE "
        + _in("d.doc_id", list(doc_ids), params), params)]


def place_options(conn, limit: int = 1000) -> list[dict[str, Any]]:
    """One row per mentioned place name (the *limit* most mentioned), with its
    coordinates: the choices of the correction form."""
    return [dict(r) for r in conn.execute(
        "SELECT name, MIN(geonameid) AS geonameid, MIN(lat) AS lat, MIN(lon) AS lon, "
        "MIN(country_code) AS country_code, MIN(feature) AS feature FROM place_mentions "
        "GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT ?", (limit,))]


def place_mentions(conn, doc_ids: Sequence[str] = ()) -> list[dict[str, Any]]:
    """PLACE_MENTION dicts of the given documents (all documents when empty)."""
    sql = ('SELECT m.name, m.geonameid, m.lat, m.lon, m.country_code, m.feature, m.text, '
           'm.start, m."end", m.confidence, d.doc_id FROM place_mentions m '
           "JOIN documents d ON d.id = m.document_id")
    params: list[Any] = []
    if doc_ids:
        sql += " WHERE " + _in("d.doc_id", list(doc_ids), params)
    return [dict(r) for r in conn.execute(sql, params)]


def documents(conn) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT doc_id, title, url, lang, doc_date, doc_date_source, ingested_at, "
        "(SELECT COUNT(*) FROM events e WHERE e.document_id = documents.id) AS n_events "
        "FROM documents ORDER BY doc_date, doc_id")]


def edit_history(conn, event_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT field, value, created_at, author FROM edits WHERE event_id = ? ORDER BY id",
        (event_id,))]
