"""Cross-article merging in the store: every stored event belongs to one *happening*,
the reports of one real event in many documents (issue 17).

Incremental: when a document is stored (:func:`assign_rows`, called by
store.ingest for every ingest path), each of its events is compared only with the
candidate happenings found by the ``happening_keys`` table -- same type, a country
of its places, a week of its dates (widened by :data:`store.matching.DATE_SLACK_DAYS`),
and, tested in SQL before a profile is read, the same status and dates within the
slack (store.happening_keys) -- and joins the one it fits best (:func:`store.matching.fit`; ties: the smallest
happening id), else starts its own, ``h-<event id>`` (a stable id: its first
report's). Within one document the best pairs are taken first and no happening gets
two events of the document (the within-document merge already joined what one
article tells twice). Re-ingesting a document drops its rows from their happenings
(with the rows) and assigns the new ones; happenings left empty are dropped.

An analyst's edit ``{"happening": "split"}`` (kept in ``edits`` by the stable event id,
so replayed on every re-ingest) puts the event into a happening of its own,
``split-<event id>``, that nothing else joins; so does rejecting it. Undated events,
events with spans over a month and events without places stay alone too.

Each happening's summary (source_count, contradicted, contradictions) follows from a
running tally of its members' values, updated as a report joins and counted again
from the members when one leaves (store.contradictions). A report that stood alone
joins a happening that grew to fit it (:func:`_absorb`).
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Optional

from store import contradictions, happening_keys
from store.matching import Profile, Report, can_merge, fit, shared_profile, span
from store.rows import row_to_event

PREFIX, SPLIT_PREFIX = "h-", "split-"
_BATCH = 500


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def of_documents(conn, document_rows: Iterable[int]) -> set[str]:
    """The happenings the events of these document rows are in (read before they go)."""
    rows = list(document_rows)
    if not rows:
        return set()
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT m.happening_id FROM happening_members m JOIN events e "
        f"ON e.id = m.event_row WHERE e.document_id IN ({_marks(len(rows))})", rows)}


_MEMBER_SQL = ("SELECT e.*, d.doc_id, d.title, d.url, d.doc_date, d.lang, m.happening_id "
               "FROM happening_members m JOIN events e ON e.id = m.event_row "
               "JOIN documents d ON d.id = e.document_id")


def members(conn, happening_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Each happening's member events (store event dicts plus ``lang``), by id."""
    ids = sorted(set(happening_ids))
    out: dict[str, list[dict[str, Any]]] = {h: [] for h in ids}
    for i in range(0, len(ids), _BATCH):
        part = ids[i:i + _BATCH]
        for r in conn.execute(f"{_MEMBER_SQL} WHERE m.happening_id IN ({_marks(len(part))}) "
                              "ORDER BY d.doc_date, d.doc_id, e.event_id", part):
            ev = row_to_event(r)
            ev["lang"] = r["lang"]
            out[r["happening_id"]].append(ev)
    return out


def _absorb(conn, hid: str, profile: Profile, docs: set[int], keep: frozenset = frozenset(),
            gone: Optional[set[str]] = None) -> list[dict[str, Any]]:
    """Reports standing alone that the grown happening *hid* now fits (its profile has
    more actors and cargo words than when they came): they join it, their one-report
    happenings go. Keeps the result of an ingest order close to any other's. Returns
    the events that joined. Happenings in *keep* (those this ingest grows) are not absorbed;
    the absorbed ones are added to *gone*."""
    joined: list[dict[str, Any]] = []
    for other, doc_row, screened, rejected, row in happening_keys.singles_near(conn, profile):
        if other == hid or other in keep or (gone is not None and other in gone):
            continue
        if doc_row in docs or _alone(screened, rejected) or fit(screened, profile) is None:
            continue
        event = row_to_event(row)
        conn.execute("UPDATE happening_members SET happening_id = ? WHERE happening_id = ?",
                     (hid, other))
        conn.execute("DELETE FROM happenings WHERE happening_id = ?", (other,))
        if gone is not None:
            gone.add(other)
        profile.add(event)
        docs.add(doc_row)
        joined.append(event)
    return joined


def _tallies(conn, happening_ids: list[str]) -> dict[str, str]:
    """The tally JSON of each happening."""
    out: dict[str, str] = {}
    for i in range(0, len(happening_ids), _BATCH):
        part = happening_ids[i:i + _BATCH]
        out.update((r[0], r[1]) for r in conn.execute(
            f"SELECT happening_id, tally FROM happenings WHERE happening_id IN ({_marks(len(part))})",
            part))
    return out


def _docs_in(conn, happening_ids: list[str]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {h: set() for h in happening_ids}
    for i in range(0, len(happening_ids), _BATCH):
        part = happening_ids[i:i + _BATCH]
        for r in conn.execute("SELECT m.happening_id, e.document_id FROM happening_members m "
                              "JOIN events e ON e.id = m.event_row "
                              f"WHERE m.happening_id IN ({_marks(len(part))})", part):
            out[r[0]].add(r[1])
    return out


def _alone(event: Mapping[str, Any], rejected: bool) -> bool:
    return event.get("happening") == "split" or rejected or not can_merge(event)


def _new_ids(conn, bases: list[str]) -> list[str]:
    """Free happening ids for *bases* (a base already taken -- its first event was stored
    before and its happening lives on -- gets ``~2``, ``~3`` ...)."""
    taken = {r[0] for r in conn.execute(
        f"SELECT happening_id FROM happenings WHERE happening_id IN ({_marks(len(bases))})", bases)}
    out = []
    for base in bases:
        n, hid = 1, base
        while hid in taken or hid in out:
            n += 1
            hid = f"{base}~{n}"
            if conn.execute("SELECT 1 FROM happenings WHERE happening_id = ?", (hid,)).fetchone():
                taken.add(hid)
        out.append(hid)
    return out


def _insert(conn, table: str, columns: str, rows: list[tuple], tail: str = "") -> set:
    """Multi-row INSERTs, 200 rows a statement; with a RETURNING *tail*, what it returns."""
    out: set = set()
    if not rows:
        return out
    one = "(" + ", ".join("?" for _ in rows[0]) + ")"
    for i in range(0, len(rows), 200):
        part = rows[i:i + 200]
        cur = conn.execute(f"INSERT INTO {table} ({columns}) VALUES "
                           f"{', '.join([one] * len(part))}{tail}", [v for r in part for v in r])
        if tail:
            out.update(r[0] for r in cur.fetchall())
    return out


def _found(conn, items: list[tuple[int, Mapping[str, Any], bool, bool]]) -> list[str]:
    """New happenings of one report each, for ``(row id, event, split, mergeable)``:
    others may join those that are *mergeable*. A few statements for all of them."""
    if not items:
        return []
    ids = [(SPLIT_PREFIX if split else PREFIX) + str(ev["id"]) for _, ev, split, _ in items]
    heads = []
    for hid, (row, event, split, mergeable) in zip(ids, items):
        profile = Profile.of(event).to_json() if span(event) else json.dumps({"type": event["type"]})
        tally = json.dumps(contradictions.tally_add({}, event), ensure_ascii=False)
        heads.append((hid, str(event["type"]), profile, int(split), tally))
    inserted = _insert(conn, "happenings", "happening_id, type, profile, split, tally", heads,
                       " ON CONFLICT (happening_id) DO NOTHING RETURNING happening_id")
    if len(inserted) < len(heads):    # an id in use (its first event's happening lives on)
        for k, head in enumerate(heads):
            if head[0] not in inserted:
                ids[k] = _new_ids(conn, [head[0]])[0]
                _insert(conn, "happenings", "happening_id, type, profile, split, tally",
                        [(ids[k], *head[1:])])
    members_, keys = [], []
    for hid, (row, event, split, mergeable) in zip(ids, items):
        members_.append((row, hid))
        if mergeable:
            keys += happening_keys.key_rows(hid, event)
    _insert(conn, "happening_members", "event_row, happening_id", members_)
    _insert(conn, "happening_keys", happening_keys.COLUMNS, keys)
    return ids


def _event_rows(conn, where: str, params: list[Any]) -> list[tuple[int, int, dict, bool]]:
    rows = conn.execute("SELECT e.*, d.doc_id, d.title, d.url, d.doc_date FROM events e "
                        f"JOIN documents d ON d.id = e.document_id WHERE {where} "
                        "ORDER BY e.id", params).fetchall()
    return [(r["id"], r["document_id"], row_to_event(r), bool(r["rejected"])) for r in rows]


def assign_rows(conn, rows: list[tuple[int, int, dict, bool]],
                touched: Optional[set[str]] = None, fresh: bool = False) -> set[str]:
    """Put the event rows ``(row id, document row, event, rejected)`` -- all of one
    document, in no happening yet -- into happenings; refresh every happening touched
    (those in *touched* too). *fresh*: the document was just stored, so no event of it
    is in any happening yet. Returns the touched happening ids."""
    touched = set(touched or ())
    lock = getattr(conn, "lock", None)
    if lock is not None:
        lock("happenings")          # PostgreSQL: one merging writer at a time
    refresh(conn, touched)          # those that lost rows first: the empty ones go
    pairs: list[tuple[int, int, str]] = []    # (-score, index, happening id)
    texts: dict[str, str] = {}                 # profile JSON of each happening fitted
    merging = [i for i, (_, _, event, rejected) in enumerate(rows) if not _alone(event, rejected)]
    found_for = happening_keys.candidates_of(conn, [rows[i][2] for i in merging])
    for i, candidates in zip(merging, found_for):
        report = Report.of(rows[i][2])
        for hid, text in candidates:
            found = fit(report, shared_profile(text))
            if found is not None:
                pairs.append((-found[0], i, hid))
                texts[hid] = text
    docs = {h: set() for h in texts} if fresh else \
        _docs_in(conn, sorted(texts)) if texts else {}
    taken: dict[int, str] = {}
    used: set[str] = set()
    for _, i, hid in sorted(pairs):
        row, doc_row, event, _ = rows[i]
        if i in taken or hid in used or doc_row in docs[hid]:
            continue
        taken[i] = hid
        used.add(hid)
    _found(conn, [(row, event, event.get("happening") == "split", not _alone(event, rejected))
                  for i, (row, _, event, rejected) in enumerate(rows) if i not in taken])
    # (a new happening of one report: its summary is the table's default)
    _insert(conn, "happening_members", "event_row, happening_id",
            [(rows[i][0], hid) for i, hid in sorted(taken.items())])
    gone: set[str] = set()
    profiles = {hid: Profile.from_json(texts[hid]) for hid in used}   # own copies: they grow
    raw_tallies = _tallies(conn, sorted(used))
    for i, (row, _, event, rejected) in enumerate(rows):
        hid = taken.get(i)
        if hid is None:
            continue
        joined = [event]
        if profiles[hid].add(event):
            if fresh:     # (the documents were not needed so far)
                docs[hid] = _docs_in(conn, [hid])[hid]
            docs[hid].add(rows[i][1])
            joined += _absorb(conn, hid, profiles[hid], docs[hid], frozenset(used), gone)
        tally = json.loads(raw_tallies[hid])
        for ev in joined:
            contradictions.tally_add(tally, ev)
        flags = contradictions.tally_flags(tally)
        conn.execute("UPDATE happenings SET profile = ?, tally = ?, source_count = "
                     "source_count + ?, contradicted = ?, contradictions = ? "
                     "WHERE happening_id = ?",
                     (profiles[hid].to_json(), json.dumps(tally, ensure_ascii=False),
                      len(joined), int(bool(flags)), json.dumps(flags, ensure_ascii=False), hid))
        touched.add(hid)
    return touched


def assign_document(conn, document_row: int, touched: Iterable[str] = ()) -> set[str]:
    """Assign the events of a freshly stored document (store.ingest)."""
    return assign_rows(conn, _event_rows(conn, "e.document_id = ?", [document_row]), set(touched))


def reassign_event(conn, event_id: str) -> set[str]:
    """Take the rows of *event_id* out of their happenings and assign them again (after
    an analyst's edit changed what they say, or split them off)."""
    rows = _event_rows(conn, "e.event_id = ?", [event_id])
    touched = {r[0] for r in conn.execute(
        "SELECT m.happening_id FROM happening_members m JOIN events e ON e.id = m.event_row "
        "WHERE e.event_id = ?", (event_id,))}
    conn.execute("DELETE FROM happening_members WHERE event_row IN "
                 "(SELECT id FROM events WHERE event_id = ?)", (event_id,))
    refresh(conn, touched)         # a happening it was alone in goes (its id comes back)
    for row in rows:               # rows of one id in several documents: one at a time
        touched |= assign_rows(conn, [row])
    return touched


def _summary_rows(conn, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each happening's members: just what store.contradictions compares."""
    out: dict[str, list[dict[str, Any]]] = {h: [] for h in ids}
    for i in range(0, len(ids), _BATCH):
        part = ids[i:i + _BATCH]
        for r in conn.execute(
                "SELECT m.happening_id, e.date_start, e.date_end, e.location, e.origin, "
                "e.destination, e.cargo, d.doc_id FROM happening_members m "
                "JOIN events e ON e.id = m.event_row JOIN documents d ON d.id = e.document_id "
                f"WHERE m.happening_id IN ({_marks(len(part))})", part):
            out[r[0]].append({
                "date_start": r[1], "date_end": r[2], "cargo": r[6], "source_id": r[7],
                **{k: json.loads(v) if v else None
                   for k, v in (("location", r[3]), ("origin", r[4]), ("destination", r[5]))}})
    return out


def refresh(conn, happening_ids: Iterable[str]) -> None:
    """Drop the empty happenings among *happening_ids*, count the others' members again
    (their tally, source_count, contradicted, contradictions)."""
    ids = sorted(set(happening_ids))
    for hid, evs in _summary_rows(conn, ids).items():
        if not evs:
            conn.execute("DELETE FROM happenings WHERE happening_id = ?", (hid,))
            continue
        tally: dict = {}
        for ev in evs:
            contradictions.tally_add(tally, ev)
        flags = contradictions.tally_flags(tally)
        conn.execute("UPDATE happenings SET tally = ?, source_count = ?, contradicted = ?, "
                     "contradictions = ? WHERE happening_id = ?",
                     (json.dumps(tally, ensure_ascii=False), len({e["source_id"] for e in evs}),
                      int(bool(flags)), json.dumps(flags, ensure_ascii=False), hid))


def assign_pending(conn) -> int:
    """A store migrated to schema 6 with events in it: assign them, one document after
    the other (by publication date, then id), once. Returns how many documents."""
    from store.db import transaction

    with transaction(conn):
        pending = conn.execute("SELECT value FROM store_meta WHERE key = 'happenings_pending'"
                               ).fetchone()
        if pending is None:
            return 0
        docs = [r[0] for r in conn.execute(
            "SELECT id FROM documents d WHERE EXISTS (SELECT 1 FROM events e WHERE "
            "e.document_id = d.id AND NOT EXISTS (SELECT 1 FROM happening_members m "
            "WHERE m.event_row = e.id)) ORDER BY doc_date, doc_id")]
        for row in docs:
            assign_document(conn, row)
        conn.execute("DELETE FROM store_meta WHERE key = 'happenings_pending'")
    return len(docs)


def happening_dicts(conn, event_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One dict per happening of the given (filtered) events: BRIEF17's shape, what
    records.acled.happening_row and records.geojson.happening_feature read."""
    ids = list(dict.fromkeys(e["happening_id"] for e in event_rows if e.get("happening_id")))
    found = members(conn, ids)
    out = [contradictions.happening(hid, evs) for hid, evs in found.items() if evs]
    out += [contradictions.happening(None, [e]) for e in event_rows if not e.get("happening_id")]
    out.sort(key=lambda h: (h.get("date_start") is None, h.get("date_start") or "",
                            h["happening_id"] or ""))
    return out
