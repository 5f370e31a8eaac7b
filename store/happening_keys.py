"""Where the cross-article merge (store.happenings) finds its candidates: the
``happening_keys`` table, one row per country of a happening's places and week of its
dates, each row also holding what of the happening's profile never changes and
:func:`store.matching.fit` tests first -- its status and its first and last day.

A candidate is a happening of the report's type sharing a country and a week with it
(widened by :data:`store.matching.DATE_SLACK_DAYS`), as before; the status and the
days (a gap of at most the slack) are tested in SQL too, so only happenings the report
may fit are read and parsed. Those conditions are fit's own, so the candidates that
fit are the same as without them (migration 7; the rows of a store made before it
get their status and days from the profiles once, :func:`fill_pending`).
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Mapping, Optional

from store.matching import DATE_SLACK_DAYS, PLACE_ROLES, Profile, countries, span

COLUMNS = "happening_id, type, country, week, status, first_day, last_day"
# what store.rows.row_to_event reads of an events row (not original_json: the largest)
_EVENT_COLUMNS = ", ".join(f"e.{c}" for c in (
    "id", "event_id", "document_id", "type", "date_start", "date_end", "date_precision",
    "actors", "location", "origin", "destination", "via", "modes", "cargo", "status",
    "evidence", "start", '"end"', "confidence", "extra", "reviewed", "rejected", "created",
    "updated"))


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def week(day: int) -> int:
    """The key's week: proleptic ordinal day // 7 (weeks start on Mondays)."""
    return day // 7


def _status(value: Optional[str]) -> str:
    return value or ""


def key_rows(hid: str, event: Mapping[str, Any]) -> list[tuple]:
    """The key rows of a happening whose first report is *event* (dated and placed)."""
    s = span(event)
    assert s is not None
    first, last = s[0].toordinal(), s[1].toordinal()
    return [(hid, str(event["type"]), c, w, _status(event.get("status")), first, last)
            for c in sorted(countries(event)) or [""] for w in range(week(first), week(last) + 1)]


def _window(s) -> tuple[int, int, int, int]:
    """(first week, last week, last day a candidate may start, first day it may end)."""
    lo, hi = s[0].toordinal() - DATE_SLACK_DAYS, s[1].toordinal() + DATE_SLACK_DAYS
    return week(lo), week(hi), hi, lo


def candidates_of(conn, events: list[Mapping[str, Any]]) -> list[list[tuple[str, str]]]:
    """For each of *events* (one document's, each dated and placed), the happenings it
    may join: ``(happening id, profile JSON)`` sorted by id. One query for all."""
    if not events:
        return []
    parts, params = [], []
    for i, ev in enumerate(events):
        codes = sorted(countries(ev)) or [""]
        w0, w1, start_by, end_from = _window(span(ev))
        parts.append(f"SELECT {i} AS i, k.happening_id FROM happening_keys k WHERE k.type = ? "
                     f"AND k.country IN ({_marks(len(codes))}) AND k.week BETWEEN ? AND ? "
                     "AND k.status = ? AND k.first_day <= ? AND k.last_day >= ?")
        params += [ev["type"], *codes, w0, w1, _status(ev.get("status")), start_by, end_from]
    out: list[dict[str, str]] = [{} for _ in events]
    for i, hid, profile in conn.execute(
            f"SELECT c.i, h.happening_id, h.profile FROM ({' UNION ALL '.join(parts)}) c "
            "JOIN happenings h ON h.happening_id = c.happening_id WHERE h.split = 0", params):
        out[i][hid] = profile
    return [sorted(found.items()) for found in out]


def singles_near(conn, profile: Profile) -> list[tuple[str, int, dict, bool, Any]]:
    """Happenings of one source keyed on a country of *profile*'s places and a week of
    its span, with the one report each holds: ``(happening id, document row, what fit
    reads of it, rejected, its row for store.rows.row_to_event)`` sorted by id. Only reports of the profile's type and status whose dates
    are within the slack of its span (what fit asks first) are read."""
    codes = sorted(countries(profile.places)) or [""]
    w0, w1, start_by, end_from = _window(profile.span)
    status_cond = "e.status = ?" if profile.status is not None else "e.status IS NULL"
    # CROSS JOIN: SQLite keeps this order (from the keys on), PostgreSQL plans freely
    rows = conn.execute(
        f"SELECT m.happening_id AS member_of, {_EVENT_COLUMNS}, d.doc_id, d.title, d.url, d.doc_date "
        "FROM happening_keys k CROSS JOIN happenings h CROSS JOIN happening_members m "
        "CROSS JOIN events e CROSS JOIN documents d "
        f"WHERE k.type = ? AND k.country IN ({_marks(len(codes))}) AND k.week BETWEEN ? AND ? "
        "AND h.happening_id = k.happening_id AND h.split = 0 AND h.source_count = 1 "
        "AND m.happening_id = h.happening_id AND e.id = m.event_row "
        f"AND e.type = ? AND {status_cond} "
        "AND substr(COALESCE(NULLIF(e.date_start, ''), e.date_end), 1, 10) <= ? "
        "AND substr(COALESCE(NULLIF(e.date_end, ''), e.date_start), 1, 10) >= ? "
        "AND d.id = e.document_id ORDER BY m.happening_id, e.id",
        [profile.type, *codes, w0, w1, profile.type,
         *([profile.status] if profile.status is not None else []),
         _iso(start_by), _iso(end_from)]).fetchall()
    out: list[tuple[str, int, dict, bool, Any]] = []
    for r in rows:          # a happening once (a row per key), by its first member
        if not out or out[-1][0] != r["member_of"]:
            out.append((r["member_of"], r["document_id"], _screened(r), bool(r["rejected"]), r))
    return out


def _screened(row) -> dict[str, Any]:
    """Of an events row, what store.matching.fit and can_merge read (and an analyst's
    'happening' edit): enough to tell whether it joins, cheaper than row_to_event."""
    ev: dict[str, Any] = {k: row[k] for k in ("type", "status", "date_start", "date_end", "cargo")}
    for k in PLACE_ROLES:
        ev[k] = json.loads(row[k]) if row[k] else None
    ev["actors"] = json.loads(row["actors"]) if row["actors"] else []
    if row["extra"] and '"happening"' in row["extra"]:
        ev.setdefault("happening", json.loads(row["extra"]).get("happening"))
    return ev


def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def fill_pending(conn) -> int:
    """A store migrated to schema 7: give its key rows the status and days of their
    happenings' profiles, once. Returns how many happenings."""
    from store.db import transaction

    with transaction(conn):
        if conn.execute("SELECT 1 FROM store_meta WHERE key = 'happening_keys_pending'"
                        ).fetchone() is None:
            return 0
        rows = conn.execute("SELECT h.happening_id, h.profile FROM happenings h WHERE EXISTS "
                            "(SELECT 1 FROM happening_keys k WHERE k.happening_id = "
                            "h.happening_id)").fetchall()
        for hid, text in rows:
            p = Profile.from_json(text)
            conn.execute("UPDATE happening_keys SET status = ?, first_day = ?, last_day = ? "
                         "WHERE happening_id = ?",
                         (_status(p.status), p.span[0].toordinal(), p.span[1].toordinal(), hid))
        conn.execute("DELETE FROM store_meta WHERE key = 'happening_keys_pending'")
    return len(rows)

